"""Importer of models.dev's dated history (``price-changes.csv``, rebuilt from its git history).

Each CSV row is one dated state of one offering (see the dataset's README: columns, method).
The importer checks every column (a bad value names the file, line and column), reads prices
with the same money rule as the models.dev import (exact decimals, float artefacts repaired,
no negative price) and applies the same import-time check: an offering whose stated prices
are all zero and whose id does not mark it free is unpriced. Costs other than per-1M text
tokens (``other_cost``: audio, images, tiers, modes) are not part of the timeline.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from tradeoff.catalog.history_files import CHANGES, HistoryFile
from tradeoff.catalog.parsing import validate
from tradeoff.errors import DataError
from tradeoff.money import parse_price
from tradeoff.normalize import marked_free
from tradeoff.sources.models_dev_prices import COST_MISSPELLED

SOURCE_ID = "models-dev"
CSV_NAME = "price-changes.csv"
COLUMNS = (
    "provider",
    "model",
    "effective_date",
    "commit",
    "change",
    "input",
    "output",
    "cache_read",
    "cache_write",
    "context",
    "max_output",
    "status",
    "previous_model",
    "previous_provider",
    "changed_fields",
    "removed_reason",
)
PRICES = ("input", "output", "cache_read", "cache_write")


def import_history(path: Path) -> HistoryFile:
    """Read ``path`` (the CSV, or the folder holding ``price-changes.csv``)."""
    csv_path = path / CSV_NAME if path.is_dir() else path
    if not csv_path.is_file():
        raise DataError(f"no {CSV_NAME} here (models.dev history)", path=path)
    rows: list[dict[str, object]] = []
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"missing columns: {', '.join(missing)}", path=csv_path)
        for line, raw in enumerate(reader, start=2):
            rows.append(_row(raw, csv_path, line))
    if not rows:
        raise DataError("no rows", path=csv_path)
    # validated in one pass (pydantic's core over the whole list: far faster than per row)
    return validate(
        HistoryFile,
        {
            "source_id": SOURCE_ID,
            "generated_by": "tradeoff import models-dev-history",
            "first_commit": rows[0]["commit"],
            "last_commit": rows[-1]["commit"],
            "rows": rows,
        },
        csv_path,
    )


def _row(raw: dict[str, str], path: Path, line: int) -> dict[str, object]:
    where = f"{path}:{line}"
    change = raw["change"]
    if change not in CHANGES:
        raise DataError(f"unknown change {change!r} (known: {', '.join(CHANGES)})", path=where)
    try:
        date = dt.date.fromisoformat(raw["effective_date"])
    except ValueError as exc:
        raise DataError(
            f"not a date: {raw['effective_date']!r}", path=where, field="effective_date"
        ) from exc
    prices: dict[str, Decimal | None] = {}
    texts = {name: raw[name].strip() for name in PRICES}
    for pair in raw.get("other_cost", "").split(";"):
        key, _, value = pair.partition("=")
        target = COST_MISSPELLED.get(key)
        if target is not None and not texts[target]:
            texts[target] = value.strip()  # the import reads a misspelled key as its target
    for name in PRICES:
        text = texts[name]
        prices[name] = _money(text, where, name) if text else None
    stated = [v for v in prices.values() if v is not None]
    if stated and all(v == 0 for v in stated) and not marked_free(raw["model"]):
        prices = dict.fromkeys(PRICES)  # the models.dev import's rule: unpriced, not free
    row: dict[str, object] = {
        "provider": raw["provider"],
        "model": raw["model"],
        "date": date,
        "commit": raw["commit"],
        "change": change,
        "context": _int(raw["context"], where, "context"),
        "max_output": _int(raw["max_output"], where, "max_output"),
        "status": raw["status"] or None,
        "previous_provider": raw["previous_provider"] or None,
        "previous_model": raw["previous_model"] or None,
        "changed": [f for f in raw["changed_fields"].split(";") if f],
        "removed_reason": raw["removed_reason"] or None,
        **prices,
    }
    return row


def _money(text: str, where: str, name: str) -> Decimal:
    try:
        number = float(text)
    except ValueError as exc:
        raise DataError(f"not a number: {text!r}", path=where, field=name) from exc
    # parse_price repairs float artefacts from the number; the literal keeps its exact digits
    value, _ = parse_price(number, path=where, field=name)
    exact = Decimal(text)
    return exact if exact == value else value


def _int(text: str, where: str, name: str) -> int | None:
    if not text:
        return None
    try:
        value = int(text)
    except ValueError as exc:
        raise DataError(f"not a whole number: {text!r}", path=where, field=name) from exc
    if value < 0:
        raise DataError(f"negative: {value}", path=where, field=name)
    return value
