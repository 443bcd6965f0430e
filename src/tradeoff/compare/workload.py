"""What is being priced: a blend of input/output tokens, and counts as people write them.

A concrete token workload (``Workload``) is in ``compare.token_workload``: it is a dataclass
that checks its counts, and a comparison, which prices a blend, does not import it.
"""

import re
from decimal import Decimal
from typing import NamedTuple

from tradeoff.errors import UsageError

# ASCII digits only: int() would read any Unicode digit ("٣:1" as 3:1). The patterns of this
# module are compiled on first use (``re``'s cache), not at import: a comparison at the
# default blend parses nothing.
_BLEND = r"^\s*([0-9]{1,3})\s*[:/]\s*([0-9]{1,3})\s*$"


class Blend(NamedTuple):
    """Shares of input and output tokens in a blended price; they sum to 1."""

    input_share: Decimal
    output_share: Decimal

    @property
    def label(self) -> str:
        """The ratio as people write it: "70/30"."""
        if self is DEFAULT_BLEND:  # a page reads it ~3 times: written once, at import
            return _DEFAULT_LABEL
        return _label(self)

    def price(self, input_per_mtok: Decimal, output_per_mtok: Decimal) -> Decimal:
        """The blended USD per 1M tokens at this ratio."""
        return input_per_mtok * self.input_share + output_per_mtok * self.output_share


def _label(blend: Blend) -> str:
    return f"{_pct(blend.input_share)}/{_pct(blend.output_share)}"


def _pct(share: Decimal) -> str:
    value = (share * 100).normalize()
    return format(value, "f")


DEFAULT_BLEND = Blend(Decimal("0.7"), Decimal("0.3"))
_DEFAULT_LABEL = _label(DEFAULT_BLEND)  # a constant's label (each call builds two Decimals)


def blend_of(input_part: int, output_part: int) -> Blend:
    """A blend from two non-negative parts (70, 30) or (3, 1); they need not sum to 100."""
    if input_part < 0 or output_part < 0:
        raise UsageError("blend parts must not be negative", field="--blend")
    total = input_part + output_part
    if total == 0:
        raise UsageError("blend parts must not both be zero", field="--blend")
    share = Decimal(input_part) / Decimal(total)
    # Shares like 1/3 are rounded to 4 places; output takes the remainder so they sum to 1.
    share = share.quantize(Decimal("0.0001")).normalize()
    return Blend(share, (Decimal(1) - share).normalize())


def parse_blend_parts(text: str) -> tuple[int, int]:
    """Parse "70:30" (or "70/30") into its two validated parts."""
    match = re.match(_BLEND, text)
    if not match:
        raise UsageError(f"expected INPUT:OUTPUT such as 70:30, got {text!r}", field="--blend")
    parts = int(match.group(1)), int(match.group(2))
    blend_of(*parts)  # zero sums are rejected here, with the parameter named
    return parts


# Every count of a workload (tokens, requests) is below 10^15: any real workload, and its bill
# (computed exactly, see compare.cost) prints exactly in every format. The web's parameter
# parser (pages.queries.whole_number) and the CLI both refuse more, naming the parameter.
MAX_COUNT_DIGITS = 15
MAX_COUNT = 10**MAX_COUNT_DIGITS


# A count as people write it: digits ("2000"), thousands grouped by "," or "_" ("1,000",
# "1_000"), or a number with a k / M / B suffix ("100k", "1.5M"). A decimal comma ("0,5") is
# not a grouping and is refused, as is any result that is not a whole number ("1.5").
_COUNT = (
    r"(?i)^(?P<number>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:_[0-9]+)*|[0-9]*\.[0-9]+|[0-9]+\.)"
    r"\s*(?P<suffix>[kmb]?)$"
)
_SUFFIX = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9}
COUNT_HELP = "a whole number such as 2000, 1,000, 100k or 1.5M"


def parse_count(field: str, text: str) -> int:
    """The one parser of token and request counts (web forms, the API, the CLI): "2000",
    "1,000", "1_000", "100k", "1.5M", "2B"; anything else — a decimal comma ("0,5"), a
    fraction ("1.5"), a sign, a non-ASCII digit, 10^15 or more — is a ``UsageError`` whose
    message names ``field``."""
    raw = text.strip()
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    match = re.match(_COUNT, raw) if raw.isascii() else None
    if match is None:
        hint = " (a decimal comma is not read: write 0.5k or 500)" if _decimal_comma(raw) else ""
        raise UsageError(f"{field} must be {COUNT_HELP}, got {shown!r}{hint}", field=field)
    number = match.group("number").replace(",", "").replace("_", "")
    value = Decimal(number) * _SUFFIX[match.group("suffix").lower()]
    if value != value.to_integral_value():
        raise UsageError(f"{field} must be a whole number, got {shown!r} = {value}", field=field)
    if value >= MAX_COUNT:
        raise UsageError(f"{field} must be below 10^{MAX_COUNT_DIGITS}, got {shown!r}", field=field)
    return int(value)


def _decimal_comma(text: str) -> bool:
    return re.fullmatch(r"[0-9]+,[0-9]{1,2}|[0-9]+,[0-9]{4,}\s*[kmb]?", text, re.I) is not None
