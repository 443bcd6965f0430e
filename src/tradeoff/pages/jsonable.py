"""Turn records into JSON-ready values: Decimal → decimal string, never a float."""

from __future__ import annotations

import dataclasses
import enum
import json
from decimal import Decimal
from typing import Any

from tradeoff.money import normalize
from tradeoff.records import PartialDate


def jsonable(value: Any) -> Any:
    """Recursively convert records, Decimals and enums into plain JSON values."""
    if isinstance(value, Decimal):
        return format(normalize(value), "f")
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Stable, indented JSON of any record structure."""
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False, sort_keys=False)
