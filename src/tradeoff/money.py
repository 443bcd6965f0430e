"""Exact money: Decimal USD per 1M tokens, with upstream float artifacts repaired."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext, localcontext
from functools import lru_cache
from pathlib import Path

from tradeoff.errors import DataError

PER_MTOK = Decimal(1_000_000)
_ONE = Decimal(1)
_CENT = Decimal("0.01")
_FOUR_PLACES = Decimal("0.0001")
# a non-negative decimal with at most four decimals, no exponent, no leading zero
_PLAIN = re.compile(r"(0|[1-9][0-9]*)(?:\.([0-9]{1,4}))?\Z")


def clean_decimal(raw: object, *, digits: int = 10) -> tuple[Decimal, bool]:
    """Parse a number as Decimal; repair binary-float artifacts (0.5700000000000001 → 0.57).

    Returns the value and whether a repair happened. ``digits`` significant digits is far
    beyond any real price, and far below where float noise starts (~15-17 digits).
    """
    if isinstance(raw, bool) or raw is None:
        raise ValueError(f"not a number: {raw!r}")
    try:
        exact = Decimal(str(raw))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {raw!r}") from exc
    if not exact.is_finite():
        raise ValueError(f"not a finite number: {raw!r}")
    rounded = round_significant(exact, digits)
    return rounded, rounded != exact


def parse_price(raw: object, *, path: Path | str, field: str) -> tuple[Decimal, bool]:
    """A price as a dataset writes it (a number): exact, non-negative, artifacts repaired.

    Returns the value and whether a float artifact was repaired; bad input names its field.
    """
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise DataError(f"expected a number, got {raw!r}", path=path, field=field)
    value, repaired = clean_decimal(raw)
    if value < 0:
        raise DataError(f"negative price {raw!r}", path=path, field=field)
    return value, repaired


def round_significant(value: Decimal, digits: int) -> Decimal:
    """Round to ``digits`` significant digits and drop trailing zeros."""
    if value == 0:
        return Decimal(0)
    shift = digits - value.adjusted() - 1
    quantum = Decimal(1).scaleb(-shift)
    return normalize(value.quantize(quantum))


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (2.50 → 2.5, 10 → 10)."""
    # As many digits as the value has: the default context's 28 would round a large exact
    # total (normalize) or refuse it (quantize: InvalidOperation).
    digits = max(len(value.as_tuple().digits), value.adjusted() + 1, 1)
    if getcontext().prec > digits:  # the usual case: no wider context needed (and none made)
        return _normalized(value)
    with localcontext() as context:
        context.prec = digits + 1
        return _normalized(value)


def _normalized(value: Decimal) -> Decimal:
    normalized = value.normalize()
    if normalized == normalized.to_integral():
        return normalized.quantize(_ONE)
    return normalized


def per_token_to_per_mtok(raw: object) -> tuple[Decimal, bool]:
    """Convert a per-token price (string or number) to USD per 1M tokens; negative is an error."""
    per_token, _ = clean_decimal(raw, digits=12)
    if per_token < 0:
        raise ValueError(f"negative price {raw!r}")
    return clean_decimal(per_token * PER_MTOK)


def format_usd(value: Decimal | str | None, *, free: bool = False) -> str:
    """Money for people, the same everywhere: "$0.60", "$1.045", "$0.000135",
    "$2,500,500.00" (thousands grouped); None is "unpriced".

    Listed prices are shown exactly (they rarely have more than four decimals); computed values
    (blends, totals) are rounded half-up to four decimals, or to three significant digits below
    one cent, so a table and the sentence quoting it always print the same text.
    """
    # not ``value == ""``: a Decimal compared with a str asks the numbers ABCs (~1.4 µs)
    if value is None or (isinstance(value, str) and not value):
        return "unpriced"
    # a page writes the same few hundred prices; str(Decimal) keeps every digit and exponent
    return _format_text(value if type(value) is str else str(value), free)


@lru_cache(maxsize=4096)
def _format_text(text: str, free: bool) -> str:
    """``format_usd`` of a price's decimal text: a pure function of the text (remembered for
    the most recent 4,096 texts: a page repeats its prices in tables, cards and prose)."""
    if plain := _PLAIN.match(text):
        # A listed price as catalogs write it ("0.6", "15", "1.045"): at most four decimals,
        # so neither rounding rule changes it; only trailing zeros go (as ``normalize``).
        whole, frac = plain[1], (plain[2] or "").rstrip("0")
        if free and whole == "0" and not frac:
            return "free"
        return f"${_grouped(whole)}.{frac.ljust(2, '0')}"
    amount = Decimal(text)
    if free and amount == 0:
        return "free"
    # Enough precision for the whole part plus four decimals: a calculator total (10^15
    # requests of 10^15 tokens) has more digits than the default context's 28.
    if getcontext().prec >= amount.adjusted() + 8:  # the usual case: the context is enough
        return _usd(amount)
    with localcontext() as context:
        context.prec = amount.adjusted() + 8
        return _usd(amount)


def _usd(amount: Decimal) -> str:
    if amount != 0 and abs(amount) < _CENT:
        amount = round_significant(amount, 3)
    else:
        amount = amount.quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP)
    whole, _, frac = format(normalize(amount), "f").partition(".")
    return f"${_grouped(whole)}.{frac.ljust(2, '0')}"


def _grouped(whole: str) -> str:
    """The whole dollars with thousands separators, as counts are written ("2,500,500")."""
    if len(whole) < 4:  # the usual price: nothing to group
        return whole
    sign, digits = ("-", whole[1:]) if whole[0] == "-" else ("", whole)
    return f"{sign}{int(digits):,}"
