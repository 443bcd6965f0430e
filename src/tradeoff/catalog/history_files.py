"""``catalog/history/<source>.json``: a dataset's dated history of offerings (docs/history.md).

Written by ``tradeoff import models-dev-history``; compiled by ``db.history_writer`` into the
``price_spans`` and ``price_changes`` tables. One row a line, oldest first, as the dataset
states it (prices USD per 1M tokens, after the importer's money checks); linking, units and
the change classification happen at compile time (``reconcile.history``), so editing an alias
never needs a re-import.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from pydantic import Field

from tradeoff.catalog.files import only_files, pinned_folder
from tradeoff.catalog.load import atomic_write_text
from tradeoff.catalog.parsing import read_json_model
from tradeoff.catalog.price_schema import MAX_INT, Money, Strict

HISTORY_DIR = "history"
CHANGES = ("added", "changed", "status", "renamed", "removed")


class HistoryRow(Strict):
    """One dated state of one offering (models.dev's provider folder + model file path)."""

    provider: str = Field(min_length=1)
    model: str = Field(min_length=1)
    date: dt.date
    commit: str = Field(pattern=r"^[0-9a-f]{7,40}$")
    change: Literal["added", "changed", "status", "renamed", "removed"]
    input: Money | None = None
    output: Money | None = None
    cache_read: Money | None = None
    cache_write: Money | None = None
    context: int | None = Field(default=None, ge=0, le=MAX_INT)
    max_output: int | None = Field(default=None, ge=0, le=MAX_INT)
    status: str | None = None
    previous_provider: str | None = None
    previous_model: str | None = None
    changed: list[str] = Field(default_factory=list)  # the dataset's changed_fields
    removed_reason: str | None = None


class HistoryFile(Strict):
    """catalog/history/<source>.json; do not edit by hand."""

    source_id: str  # the dataset whose history this is (its record: catalog/imports/<id>.json)
    generated_by: str
    first_commit: str
    last_commit: str
    rows: list[HistoryRow] = Field(default_factory=list)


def history_files(catalog_dir: Path) -> list[Path]:
    """The committed history files (those of the pinned snapshot, if any), in a stable order."""
    pinned = pinned_folder(catalog_dir / HISTORY_DIR, ".json")
    if pinned is not None:
        return sorted(pinned)
    return only_files((catalog_dir / HISTORY_DIR).glob("*.json"))


def read_history_file(path: Path) -> HistoryFile:
    """Read and validate one history file (errors name the file and the field)."""
    return read_json_model(HistoryFile, path)


def history_text(history: HistoryFile) -> str:
    """The file's text: the header, then one row a line (keys sorted, empty values left out)."""
    head = history.model_dump(mode="json", exclude={"rows"})
    lines = ["{"]
    lines += [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    lines.append('"rows": [')
    dumped = history.model_dump(mode="json", include={"rows"}, exclude_defaults=True)
    rows = [json.dumps(r, sort_keys=True) for r in dumped["rows"]]
    lines.append(",\n".join(rows))
    lines += ["]", "}"]
    return "\n".join(lines) + "\n"


def write_history_file(history: HistoryFile, path: Path) -> None:
    """Write one history file atomically."""
    atomic_write_text(path, history_text(history))
