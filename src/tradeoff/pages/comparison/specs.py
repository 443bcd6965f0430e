"""The comparison's specs section (``compare.specs``) and the sourced cell both tables use."""

from __future__ import annotations

from typing import TypedDict

from tradeoff.compare.engine import Comparison
from tradeoff.compare.specs import SpecCell
from tradeoff.pages.jsonable import Json, jsonable


class CellEntry(TypedDict):
    """One model's value in a specs or capabilities row: shown text, source [n], date."""

    model: str
    display: str
    source: str | None
    source_n: int | None
    checked: str | None
    note: str | None
    disputed: bool
    value: Json
    known: bool


class SpecRowEntry(TypedDict):
    """One spec (released, context, licence…) across the compared models."""

    key: str
    label: str
    cells: list[CellEntry]


def spec_cell(cell: SpecCell, numbers: dict[str, int]) -> CellEntry:
    """A spec value with its source's number."""
    return CellEntry(
        model=cell.model_id,
        display=cell.display,
        source=cell.source_id,
        source_n=numbers.get(cell.source_id or ""),
        checked=cell.checked,
        note=cell.note,
        disputed=cell.disputed,
        value=jsonable(cell.value),
        known=cell.value is not None,
    )


def specs_section(result: Comparison, numbers: dict[str, int]) -> list[SpecRowEntry]:
    """Every spec row, headed by the models' names in the renderers."""
    return [
        SpecRowEntry(key=r.key, label=r.label, cells=[spec_cell(c, numbers) for c in r.cells])
        for r in result.specs
    ]
