"""Words from numbers: money, counts, ratios and lists, computed the same way everywhere."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from tradeoff.money import format_usd
from tradeoff.records import PartialDate
from tradeoff.units import NOT_PER_TOKEN, component_label, unit_label

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.records import Prices, UnitPrice  # annotations only: not on cold paths

TIE_TOLERANCE = Decimal("0.01")  # values within 1% of the larger one are a tie
# A tie of several values is measured against the largest (ties do not chain): its basis, said
# wherever such a tie is (context-window claim, verdict reason, glance line)
TIE_OF_LARGEST = f"within {int(TIE_TOLERANCE * 100)}% of the largest"
NOT_SOURCED = "not yet sourced"  # how an unknown value reads, on every page
# a price cell of a change that moves no price (a retirement, a new offering), in every format
# rather than left blank (a blank reads as an unknown price)
NOT_A_PRICE_MOVE = "n/a"
DISAGREE = " (sources disagree)"  # after an unknown value whose sources conflict


def disputed(display: str, is_disputed: bool) -> str:
    """A value's display, marked when its sources disagree."""
    return display + DISAGREE if is_disputed else display


def whole_percent(share: Decimal) -> int:
    """A share (0.735) in whole percent, half up (74), as every percentage here is rounded."""
    return int((share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def usd(value: Decimal) -> str:
    """Money for people (``tradeoff.money.format_usd``: one format on every page)."""
    return format_usd(value)


def tokens(value: int) -> str:
    """A token count with thousands separators: "131,072 tokens"."""
    return f"{value:,} tokens"


def short_tokens(n: int) -> str:
    """The short form every format uses (``short_token_form``), or the count in full below
    a thousand: 131,072 → "131K", 512 → "512"."""
    return short_token_form(n) or f"{n:,}"


_SHORT_UNITS = ((1000**2, "M"), (1000, "K"))


def short_token_form(n: int) -> str | None:
    """A count of tokens in decimal thousands or millions to three significant figures, half
    up: 131,072 → "131K" (as 131,000), 65,536 → "65.5K", 1,048,576 → "1.05M", 999,999 →
    "1M"; None below a thousand, where the count is as short. One decimal convention on every
    page: binary units for powers of two (131,072 → "128K") read smaller than a smaller
    decimal count beside them (131,000 → "131K"); rounding to a fixed number of figures keeps
    the short forms in the counts' order (tests/compare/test_wording.py, hypothesis)."""
    if n < 1000:
        return None
    exact = Decimal(n)
    figures = exact.adjusted() - 2  # the power of ten of the third significant figure
    rounded = exact.scaleb(-figures).quantize(Decimal(1), ROUND_HALF_UP).scaleb(figures)
    scale, suffix = next((s, u) for s, u in _SHORT_UNITS if rounded >= s)
    return f"{(rounded / scale).normalize():f}{suffix}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 provider", "3 providers", "0 providers"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def is_tie(a: Decimal, b: Decimal) -> bool:
    """Within 1% of the larger value (both zero is a tie)."""
    high = max(abs(a), abs(b))
    return abs(a - b) <= high * TIE_TOLERANCE


def _scale_top(unit: str) -> str | None:
    """The top of a 0–N scale ("0-10" → "10"), None for any other unit."""
    low, _, high = unit.partition("-")
    return high if low == "0" and high.replace(".", "", 1).isdigit() else None


def score_text(score: Decimal | str, unit: str) -> str:
    """A benchmark score as people write it, in every format: "71.7%", "8.39 / 10" (a 0–10
    scale: the registry's unit "0-10" is the scale, not a word to paste after the number),
    "1418 Elo", "113.304 minutes"; a score without a unit is the bare number."""
    text = score if isinstance(score, str) else format(score.normalize(), "f")
    if unit == "%":
        return f"{text}%"
    top = _scale_top(unit)
    return f"{text} / {top}" if top else f"{text} {unit}".strip()


def unit_words(unit: str) -> str:
    """What a set of scores is measured in, after a count: "in %", "on the 0-10 scale"."""
    if not unit:
        return "in their unit"
    return f"on the {unit} scale" if _scale_top(unit) else f"in {unit}"


def percent_text(share: Decimal) -> str:
    """A non-negative share as a percentage that never rounds a difference away: whole percent
    from 1% to 99% and above 100% ("38%", "74%", "189%"), else as many decimals as it takes
    ("0.4%", "0.04%", "99.6%", "100.3%"); "0%" and "100%" only when the share is exactly 0
    or 1."""
    if share in (0, 1):
        return f"{int(share * 100)}%"
    value = share * 100
    for step in _PLACES:
        shown = value.quantize(step, rounding=ROUND_HALF_UP)
        if shown > 0 and shown != 100:
            return f"{format(shown.normalize(), 'f')}%"
    return f"{format(value.normalize(), 'f')}%"


_PLACES = tuple(Decimal(1).scaleb(-places) for places in range(8))  # 1, 0.1, … 0.0000001


def percent_less(low: Decimal, high: Decimal) -> str:
    """How much less ``low`` is than ``high`` (``percent_text``: 0.3 vs 0.6 → "50%")."""
    if high == 0:
        return "0%"
    return percent_text((high - low) / high)


MULTIPLE_FROM = Decimal("1.1")  # below 1.1×, a multiple to one decimal would read "1.0×"


def relative(high: Decimal, low: Decimal, more: str, multiple: str) -> str:
    """``high`` against ``low`` (high ≥ low > 0), never a difference rounded away: "the same"
    only when equal; under a tenth more in percent ("2% larger", "0.4% more"); else as a
    multiple ("2.0× as large", "7.1× as much")."""
    if high == low:
        return "the same"
    if low == 0:
        return more
    quotient = high / low
    if quotient < MULTIPLE_FROM:
        return f"{percent_text((high - low) / low)} {more}"
    return f"{times(quotient.quantize(_TENTH, rounding=ROUND_HALF_UP))} {multiple}"  # ``ratio``


def ratio(high: Decimal, low: Decimal) -> Decimal | None:
    """``high`` as a multiple of ``low`` to one decimal (0.6 vs 0.3 → 2.0); None if low is 0."""
    if low == 0:
        return None
    return (high / low).quantize(_TENTH, rounding=ROUND_HALF_UP)


_TENTH = Decimal("0.1")


def times(value: Decimal) -> str:
    """ "2.0×"."""
    return f"{value}×"


def params(value: int) -> str:
    """Parameter counts for people: 1T, 32B, 141B, 7.3B, 560M."""
    for unit, size in (("T", 10**12), ("B", 10**9), ("M", 10**6)):
        if value >= size:
            scaled = (Decimal(value) / size).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            text = format(scaled.normalize(), "f")
            return f"{text}{unit}"
    return f"{value:,}"


def show_value(value: object) -> str:
    """A fact value for people; unknown is said, never blank."""
    if value is None:
        return NOT_SOURCED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, PartialDate):  # a record is a tuple: its text, not its fields
        return value.iso
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or NOT_SOURCED
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def both_or_all(n: int) -> str:
    """ "both" for two models, "all 3" for more: the subject of a statement about every model."""
    return "both" if n == 2 else f"all {n}"


def lifecycle_text(stage: str, deprecated_on: str | None, retired_on: str | None) -> str:
    """An offering's lifecycle with its dates, as every table says it: "retired on 2026-01-05",
    "retired (no date stated)", "deprecated on 2025-06-30, retirement scheduled for 2026-01-05",
    "ga, retirement scheduled for 2027-01-14", "preview". A retirement not yet past at the
    source's date is "scheduled", never "retires on": the words stay true once the day passes
    (whether it happened is the next snapshot's word)."""
    if stage == "retired":
        return f"retired on {retired_on}" if retired_on else "retired (no date stated)"
    text = f"{stage} on {deprecated_on}" if stage == "deprecated" and deprecated_on else stage
    return f"{text}, retirement scheduled for {retired_on}" if retired_on else text


def unit_price_text(price: UnitPrice) -> str:
    """A price sold in another unit than text tokens, its unit always said:
    "input $0.0023 per minute of audio", "output $0.16 per image (4K)"; one billed in a unit
    at a price the catalog does not hold: "input billed per character (price not in the
    catalog)" — never "unpriced", never $0."""
    variant = f" ({price.variant})" if price.variant else ""
    what = component_label(price.component).lower()
    if price.usd is None:
        return f"{what} billed {unit_label(price.unit)}{variant} (price not in the catalog)"
    return f"{what} {usd(price.usd)} {unit_label(price.unit)}{variant}"


def _unit_group_text(group: Sequence[UnitPrice]) -> str:
    """One unit's prices in one phrase: the price itself, or the range of its variants
    ("output $0.005 to $0.015 per image (6 variants)")."""
    first = group[0]
    if len(group) == 1:
        return unit_price_text(first)
    what = component_label(first.component).lower()
    amounts = [p.usd for p in group if p.usd is not None]
    low, high = min(amounts), max(amounts)
    amount = usd(low) if low == high else f"{usd(low)} to {usd(high)}"
    plain = sum(p.variant is None for p in group)
    variants = f"{len(group) - plain} variants"
    return f"{what} {amount} {unit_label(first.unit)} ({'plain and ' if plain else ''}{variants})"


def unit_price_summaries(prices: Iterable[UnitPrice]) -> list[str]:
    """Prices sold in other units, one phrase per component and unit (a unit's variants as a
    range), rates per 1M tokens of a modality first; a unit billed at a price the catalog does
    not hold keeps its own phrase."""
    groups: dict[tuple[str, str], list[UnitPrice]] = {}
    alone: list[UnitPrice] = []
    for price in prices:
        if price.usd is None:
            alone.append(price)
        else:
            groups.setdefault((price.component, price.unit), []).append(price)
    ordered = sorted(groups.values(), key=lambda g: not g[0].unit.startswith("per_mtok"))
    return [_unit_group_text(g) for g in ordered] + [unit_price_text(p) for p in alone]


def unit_prices_text(prices: Prices, limit: int = 3) -> str:
    """The prices of an offering sold in other units, at most ``limit`` phrases named."""
    summaries = unit_price_summaries(prices.unit_prices)
    more = len(summaries) - limit
    return "; ".join(summaries[:limit]) + (f"; {more} more" if more > 0 else "")


def not_per_token_text(prices: Prices) -> str:
    """Why an offering with prices has no price per token: the units it is sold in."""
    return f"not priced per token: {unit_prices_text(prices)}"


def side_not_per_token_text(prices: Prices, side: str) -> str | None:
    """Why one side of a partly token-priced offering has no price per token, when it is sold
    in another unit (gpt-image-2's image output per 1M image tokens); None when it is not.
    Every unit of the side is named (a side is sold in a few units, each summarised)."""
    sold = unit_price_summaries(p for p in prices.unit_prices if p.component == side)
    return f"{side} not priced per token: {'; '.join(sold)}" if sold else None


def side_price_text(
    value: str | None, side: str, not_per_token_sides: Collection[str], free: bool = False
) -> str:
    """One side's price per 1M tokens for people, the rule of every route and offering cell:
    the price, "not per token" for a side sold in another unit (``route_gap``), else
    "unpriced" (a side stated in no unit, as fal's input beside its per-image output)."""
    if value is None and side in not_per_token_sides:
        return NOT_PER_TOKEN
    return format_usd(value, free=free)
