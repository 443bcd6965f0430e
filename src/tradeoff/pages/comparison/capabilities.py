"""The comparison's capabilities section (``compare.capabilities``): tri-state, sourced."""

from typing import TypedDict

from tradeoff.compare.capabilities import CapabilityCell
from tradeoff.compare.engine import Comparison
from tradeoff.compare.wording import NOT_SOURCED, disputed
from tradeoff.pages.comparison.bases import Bases
from tradeoff.pages.comparison.specs import NO_NUMBERS, CellEntry, cell_entry, numbered_rows
from tradeoff.records import Tri

TRI_DISPLAY = {Tri.YES: "yes", Tri.NO: "no", Tri.UNKNOWN: NOT_SOURCED}


class CapabilityRowEntry(TypedDict):
    """One capability across the compared models; ``differs`` when they do not agree."""

    key: str
    label: str
    differs: bool
    cells: list[CellEntry]


def capability_cell(cell: CapabilityCell, numbers: dict[str, int]) -> CellEntry:
    """yes / no / not yet sourced, with the source's number; unknown says when disputed."""
    display = TRI_DISPLAY[cell.state]
    if cell.state is Tri.UNKNOWN:
        display = disputed(display, cell.disputed)
    return cell_entry(
        cell, numbers, display=display, value=cell.state.value, known=cell.state is not Tri.UNKNOWN
    )


def capability_cell_base(cell: CapabilityCell) -> CellEntry:
    """A capability cell's entry without its source's number: kept per catalog."""
    return capability_cell(cell, NO_NUMBERS)


def capabilities_section(
    result: Comparison, numbers: dict[str, int], bases: Bases | None = None
) -> list[CapabilityRowEntry]:
    """Every capability row (``bases``: cells' entries kept per catalog)."""
    rows = result.capabilities
    cells = numbered_rows([r.cells for r in rows], numbers, bases, capability_cell)
    return [
        {"key": r.key, "label": r.label, "differs": r.differs, "cells": row_cells}
        for r, row_cells in zip(rows, cells, strict=True)
    ]
