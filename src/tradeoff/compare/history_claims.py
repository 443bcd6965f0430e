"""Claims about a model's price history, from its dated spans and classified changes.

Pure functions over ``tradeoff.history_records``: no SQLite, no files. Every claim carries its
numbers and dates; its words are computed from them ("fell 40%"). Only like for like is
compared: USD per 1M text tokens, both input and output stated on both sides (or the input
alone for a model kind without output tokens), and only ``price`` changes (never a
correction) are cuts or rises (docs/history.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from tradeoff.compare.wording import percent_text, usd, whole_percent
from tradeoff.compare.workload import Blend
from tradeoff.history_records import PRICE, PriceChange, PriceSpan

OfferingKey = tuple[str, str]  # (provider id, provider's model id)


@dataclass(frozen=True)
class Step:
    """One price of one offering over a time span (a chart's step)."""

    start: str
    end: str | None
    input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    blended_per_mtok: Decimal | None


@dataclass(frozen=True)
class Move:
    """A price move of one offering: before and after, on a date, from a source."""

    change: PriceChange
    before_blended: Decimal
    after_blended: Decimal

    @property
    def percent(self) -> int:
        """Signed whole-percent change of the blended price (−40 for a 40% cut)."""
        return whole_percent((self.after_blended - self.before_blended) / self.before_blended)


@dataclass(frozen=True)
class Trend:
    """The cheapest of a set of routes at ``since`` against the cheapest now (in force from
    ``until``)."""

    since: str
    until: str
    before: Decimal
    before_route: OfferingKey
    after: Decimal
    after_route: OfferingKey

    @property
    def percent(self) -> int:
        return whole_percent((self.after - self.before) / self.before)


def blended(
    i: Decimal | None, o: Decimal | None, blend: Blend, has_output: bool = True
) -> Decimal | None:
    """The blended price when it is like for like (both sides stated), else None."""
    if i is None:
        return None
    if not has_output:
        return i
    return None if o is None else blend.price(i, o)


def steps(spans: Iterable[PriceSpan], blend: Blend, has_output: bool = True) -> list[Step]:
    """One offering's spans as steps, consecutive equal prices merged, oldest first."""
    out: list[Step] = []
    for s in sorted(spans, key=lambda s: s.effective_from):
        value = blended(s.input_per_mtok, s.output_per_mtok, blend, has_output)
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == s.effective_from
            and (last.input_per_mtok, last.output_per_mtok) == (s.input_per_mtok, s.output_per_mtok)
        ):
            out[-1] = Step(last.start, s.effective_to, last.input_per_mtok,
                           last.output_per_mtok, last.blended_per_mtok)  # fmt: skip
            continue
        out.append(Step(s.effective_from, s.effective_to, s.input_per_mtok,
                        s.output_per_mtok, value))  # fmt: skip
    return out


def moves(changes: Iterable[PriceChange], blend: Blend, has_output: bool = True) -> list[Move]:
    """The price moves that compare like for like, newest first."""
    out = []
    for c in changes:
        if c.kind != PRICE:
            continue
        before = blended(c.before_input, c.before_output, blend, has_output)
        after = blended(c.after_input, c.after_output, blend, has_output)
        if before and after is not None and before != after:
            out.append(Move(c, before, after))
    return sorted(out, key=lambda m: (m.change.date, m.change.provider_id), reverse=True)


def cheapest_trend(
    spans: Iterable[PriceSpan],
    routes: Sequence[OfferingKey],
    blend: Blend,
    has_output: bool = True,
) -> Trend | None:
    """The cheapest of ``routes`` (today's comparable routes) on the first day any of them had
    a like-for-like price, against the cheapest on the last day of the history."""
    by_route: dict[OfferingKey, list[PriceSpan]] = defaultdict(list)
    # a provider's model id as the dated history spells it may differ in case from today's
    wanted = {(p, m.lower()): (p, m) for p, m in routes}
    for s in spans:
        key = wanted.get((s.provider_id, s.provider_model_id.lower()))
        if key is not None and blended(s.input_per_mtok, s.output_per_mtok, blend, has_output):
            by_route[key].append(s)
    days = sorted({s.effective_from for group in by_route.values() for s in group})
    if len(days) < 2:
        return None
    first = _cheapest_on(by_route, days[0], blend, has_output)
    last = _cheapest_on(by_route, days[-1], blend, has_output)
    if first is None or last is None or first[0] == last[0]:
        return None
    return Trend(days[0], last[2], first[0], first[1], last[0], last[1])


def _cheapest_on(
    by_route: dict[OfferingKey, list[PriceSpan]], day: str, blend: Blend, has_output: bool
) -> tuple[Decimal, OfferingKey, str] | None:
    """The cheapest (price, route, the day that price began) in force on ``day``: the day
    the route's price began, not the start of its last span (a later span that changed only
    the context or status keeps the price)."""
    found: list[tuple[Decimal, OfferingKey, str]] = []
    for key, group in by_route.items():
        for step in steps(group, blend, has_output):
            live = step.start <= day and (step.end is None or step.end > day)
            if live and step.blended_per_mtok is not None:
                found.append((step.blended_per_mtok, key, step.start))
    return min(found, default=None)


def change_words(before: Decimal, after: Decimal) -> str:
    """ "fell 40%", "rose 12%", "fell 0.04%" (never rounded away), "was unchanged" (equal)."""
    if after == before:
        return "was unchanged"
    share = percent_text(abs(after - before) / before)
    return f"fell {share}" if after < before else f"rose {share}"


def signed_percent(before: Decimal, after: Decimal) -> str:
    """The change from ``before`` to ``after``, signed: "+10%", "-8%", "+0.07%", "0%"."""
    if after == before:
        return "0%"
    return ("+" if after > before else "-") + percent_text(abs(after - before) / before)


def is_mixed(change: PriceChange) -> bool:
    """Input and output moved in opposite directions: no one word (cut, rise) says it."""
    c = change
    if None in (c.before_input, c.after_input, c.before_output, c.after_output):
        return False
    assert c.before_input is not None and c.after_input is not None
    assert c.before_output is not None and c.after_output is not None
    up = (c.after_input > c.before_input, c.after_output > c.before_output)
    down = (c.after_input < c.before_input, c.after_output < c.before_output)
    return (up[0] and down[1]) or (down[0] and up[1])


def move_change(move: Move) -> str:
    """What a move did, as a price-moves table's "Change" cell says it: the blended change
    ("-32%"), or for a mixed move each side and then the blend ("input +10%, output -8%
    (blended -2%)"), so a blended cut never hides a rise of one side."""
    c = move.change
    blended_change = signed_percent(move.before_blended, move.after_blended)
    if not is_mixed(c):
        return blended_change
    assert c.before_input and c.after_input is not None
    assert c.before_output and c.after_output is not None
    return (
        f"input {signed_percent(c.before_input, c.after_input)}, "
        f"output {signed_percent(c.before_output, c.after_output)} (blended {blended_change})"
    )


def move_text(model: str, provider: str, move: Move, route: str | None = None) -> str:
    """One move as a sentence, numbers and date included; ``route``: the offering's id, said
    when the provider sells the model by several (a regional endpoint's rise is not the
    provider's price)."""
    c = move.change
    mixed = is_mixed(c)
    verb = "repriced" if mixed else {"cut": "cut", "rise": "raised"}.get(c.detail, "repriced")
    before, after = _pair(c.before_input, c.before_output), _pair(c.after_input, c.after_output)
    sides = "input / output" if c.before_output is not None else "input"
    what = f"{model} ({route})" if route else model
    text = f"{provider} {verb} {what} from {before} to {after} per 1M {sides} tokens on {c.date}"
    if mixed:
        return f"{text}: {move_change(move)}"
    return f"{text} ({move_change(move)} blended)"


def _pair(i: Decimal | None, o: Decimal | None) -> str:
    shown = [usd(v) for v in (i, o) if v is not None]
    return " / ".join(shown)


def trend_text(model: str, trend: Trend, before: str, after: str) -> str:
    """ "Of Kimi K2 Instruct's routes with a dated price history, the cheapest fell 4% since
    2025-07-11: $1.089 (OpenRouter) on 2025-07-11, $1.045 (FastRouter) from 2025-08-26
    (blended USD per 1M tokens)". Always qualified, even when it ends on today's headline
    route: the trend is over today's comparable routes with a dated history only, and the
    history cannot show that it covers every route on both dates (a route without one, or
    listed later, may have been cheaper then), so "X's cheapest route fell 84%" would say
    more than the data (docs/history.md)."""
    return (
        f"Of {model}'s routes with a dated price history, the cheapest "
        f"{change_words(trend.before, trend.after)} since {trend.since}: "
        f"{usd(trend.before)} ({before}) on {trend.since}, {usd(trend.after)} ({after}) from "
        f"{trend.until} (blended USD per 1M tokens)"
    )
