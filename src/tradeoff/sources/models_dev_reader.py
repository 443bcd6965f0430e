"""Reading a models.dev tree: TOML files (and git symlinks), typed fields, dropped values."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from tradeoff.catalog.load import parse_toml
from tradeoff.catalog.schema import (
    Dropped,
)
from tradeoff.errors import DataError
from tradeoff.money import parse_price


def read_toml(path: Path, root: Path) -> dict[str, Any]:
    """Parse one TOML file, following git symlinks stored as one-line relative paths."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path=path) from exc
    stripped = text.strip()
    if stripped.endswith(".toml") and "\n" not in stripped and "=" not in stripped:
        target = (path.parent / stripped).resolve()
        if not target.is_relative_to(root.resolve()) or not target.is_file():
            raise DataError(f"symlink points outside the tree or nowhere: {stripped}", path=path)
        return read_toml(target, root)
    return parse_toml(text, path)


class TreeReader:
    """State of one import: the root, and the dropped values collected on the way."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dropped: list[Dropped] = []

    def drop(self, entity: str, field: str, value: object, reason: str) -> None:
        self.dropped.append(Dropped(entity=entity, field=field, value=str(value), reason=reason))

    # --- typed field access -------------------------------------------------------------

    def expect(self, data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
        value = data.get(key)
        if value is None:
            return None
        if kind is int and isinstance(value, bool):
            raise DataError(f"expected an integer, got {value!r}", path=path, field=key)
        if not isinstance(value, kind):
            raise DataError(
                f"expected {kind.__name__}, got {type(value).__name__} {value!r}",
                path=path,
                field=key,
            )
        return value

    def money(self, raw: object, path: Path, field: str, entity: str) -> Decimal:
        value, repaired = parse_price(raw, path=path, field=field)
        if repaired:
            self.drop(entity, field, raw, f"float artifact corrected to {value}")
        return value

    def date(self, raw: object, path: Path, field: str, entity: str) -> str | None:
        if raw is None:
            return None
        text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
        if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", text):
            raise DataError(f"not a date: {raw!r}", path=path, field=field)
        if field == "release_date" and text.endswith("-01-01"):
            self.drop(entity, field, text, "Jan-1 placeholder date")
            return None
        return text
