"""Turn records into JSON-ready values: Decimal → decimal string, never a float."""

from __future__ import annotations

import enum
import json
from decimal import Decimal
from typing import Any, TypeAlias

from tradeoff.money import normalize
from tradeoff.records import PartialDate

# A JSON value as page contexts hold it (fact values, settings): no Decimal, no float.
Json: TypeAlias = "str | int | bool | list[Json] | dict[str, Json] | None"


_PLAIN = (str, int, bool, float, type(None))


def jsonable(value: Any) -> Any:
    """Recursively convert records, Decimals and enums into plain JSON values."""
    if type(value) in _PLAIN:  # exactly these types (a str or int Enum is converted below)
        return value
    if isinstance(value, Decimal):
        return decimal_str(value)
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a record (a named tuple)
        return {name: jsonable(v) for name, v in zip(value._fields, value, strict=True)}
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        import dataclasses  # the offering and history records: not on the cold paths

        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def decimal_str(value: Decimal) -> str:
    """A Decimal (money, a score, a share) as a plain decimal string: "0.6", never "6E-1"."""
    text = str(value)  # exact digits; a page writes a few hundred of these
    # positional (no exponent "E", not "NaN"/"sNaN"/"Infinity"): str(Decimal) writes nothing
    # else than digits, one "." and a leading "-"
    if "E" not in text and "N" not in text and "I" not in text:
        return text.rstrip("0").rstrip(".") if "." in text else text
    short = value.normalize()  # exact unless the value has more digits than the context
    return format(short if short == value else normalize(value), "f")


def decimal_text(value: Decimal | None) -> str | None:
    """Money as a decimal string; None stays None (unknown, never 0)."""
    return None if value is None else decimal_str(value)


def dumps(value: object) -> str:
    """Stable, indented JSON of any record structure."""
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False, sort_keys=False)
