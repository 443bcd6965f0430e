"""The comparison's specs section (``compare.specs``) and the sourced cell both tables use."""

from collections.abc import Callable, Sequence
from typing import Any, TypedDict

from tradeoff.compare.capabilities import CapabilityCell
from tradeoff.compare.engine import Comparison
from tradeoff.compare.specs import SpecCell
from tradeoff.pages.comparison.bases import NO_BASES, Bases
from tradeoff.pages.jsonable import Json, jsonable
from tradeoff.records import AS_OF, CHECKED


def date_kind(checked: str | None, as_of: str | None) -> str | None:
    """The JSON ``date_kind`` of a dated value: "checked", "as_of", or None without a date."""
    if not checked:
        return None
    return AS_OF if as_of else CHECKED


class CellEntry(TypedDict):
    """One model's value in a specs or capabilities row: shown text, source [n], date."""

    model: str
    display: str
    source: str | None
    source_n: int | None
    checked: str | None
    date_kind: str | None  # "checked" (a review date), "as_of" (a dataset snapshot's), None
    dated: str | None  # "checked 2025-08-12" / "as of 2026-07-02 (models.dev)"
    note: str | None
    disputed: bool
    value: Json
    known: bool


class SpecRowEntry(TypedDict):
    """One spec (released, context, licence…) across the compared models."""

    key: str
    label: str
    cells: list[CellEntry]


def cell_entry(
    cell: SpecCell | CapabilityCell,
    numbers: dict[str, int],
    *,
    display: str,
    value: Json,
    known: bool,
) -> CellEntry:
    """One sourced cell of either table: what it shows, its source's number and its date."""
    return {
        "model": cell.model_id,
        "display": display,
        "source": cell.source_id,
        "source_n": numbers.get(cell.source_id or ""),
        "checked": cell.checked,
        "date_kind": date_kind(cell.checked, cell.as_of),
        "dated": cell.dated,
        "note": cell.note,
        "disputed": cell.disputed,
        "value": value,
        "known": known,
    }


NO_NUMBERS: dict[str, int] = {}  # a kept entry's numbering: none (the page numbers sources)


def numbered_cells(
    cells: Sequence[SpecCell] | Sequence[CapabilityCell],
    numbers: dict[str, int],
    bases: Bases | None,
    build: Callable[[Any, dict[str, int]], CellEntry],
) -> list[CellEntry]:
    """Each cell's ``build(cell, numbers)``, or a copy of its kept entry with its source's
    number when ``bases`` holds one for this very cell (``numbered_rows`` of one row)."""
    return numbered_rows((cells,), numbers, bases, build)[0]


def numbered_rows(
    rows: Sequence[Sequence[SpecCell] | Sequence[CapabilityCell]],
    numbers: dict[str, int],
    bases: Bases | None,
    build: Callable[[Any, dict[str, int]], CellEntry],
) -> list[list[CellEntry]]:
    """``numbered_cells`` of each row's cells, in one loop: a page copies some 40 cells in
    ~22 rows, and a call per row costs as much as a cell. A kept entry is used only for this
    very cell (checked by identity, in the loop)."""
    kept = (bases or NO_BASES).get
    number = numbers.get
    out: list[list[CellEntry]] = []
    for cells in rows:
        entries: list[CellEntry] = []
        for cell in cells:
            hit = kept(id(cell))
            if hit is None or hit[0] is not cell:
                entries.append(build(cell, numbers))
                continue
            entry: CellEntry = hit[1].copy()  # the page's own dict (and value), never the kept one
            entry["source_n"] = number(cell.source_id or "")
            if type(entry["value"]) in _CONTAINERS:
                entry["value"] = _fresh(entry["value"])
            entries.append(entry)
        out.append(entries)
    return out


_CONTAINERS = (list, dict)


def _fresh(value: Json) -> Json:
    if type(value) is list:
        return [_fresh(v) for v in value]
    if type(value) is dict:
        return {k: _fresh(v) for k, v in value.items()}
    return value


def spec_cell(cell: SpecCell, numbers: dict[str, int]) -> CellEntry:
    """A spec value with its source's number."""
    return cell_entry(
        cell,
        numbers,
        display=cell.display,
        value=jsonable(cell.value),
        known=cell.value is not None,
    )


def spec_cell_base(cell: SpecCell) -> CellEntry:
    """A spec value's entry without its source's number: kept per catalog."""
    return spec_cell(cell, NO_NUMBERS)


def specs_section(
    result: Comparison, numbers: dict[str, int], bases: Bases | None = None
) -> list[SpecRowEntry]:
    """Every spec row, headed by the models' names in the renderers (``bases``: cells'
    entries kept per catalog)."""
    rows = result.specs
    cells = numbered_rows([r.cells for r in rows], numbers, bases, spec_cell)
    return [
        {"key": r.key, "label": r.label, "cells": row_cells}
        for r, row_cells in zip(rows, cells, strict=True)
    ]
