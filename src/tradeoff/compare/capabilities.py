"""Capabilities side by side: tri-state (yes / no / not yet sourced) with provenance."""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from tradeoff.records import CAPABILITIES, CAPABILITY_LABELS, Model, Tri, dated_text


class CapabilityCell(NamedTuple):
    """One model's support for one capability, with where that came from."""

    model_id: str
    state: Tri
    source_id: str | None
    checked: str | None
    note: str | None
    disputed: bool
    as_of: str | None = None  # the dataset whose snapshot date ``checked`` is; None: reviewed

    @property
    def dated(self) -> str | None:
        """ "checked 2025-08-12" / "as of 2026-07-02 (models.dev)"."""
        return dated_text(self.checked, self.as_of)


class CapabilityRow(NamedTuple):
    """One capability across the compared models, in model order."""

    key: str
    label: str
    cells: tuple[CapabilityCell, ...]

    @property
    def differs(self) -> bool:
        """Known yes for some model and known no for another: a real difference."""
        states = [c.state for c in self.cells]  # no set: an Enum hashes in Python
        return Tri.YES in states and Tri.NO in states


def model_capability_cells(model: Model) -> tuple[CapabilityCell, ...]:
    """One model's cell of every capability (``CAPABILITIES`` order)."""
    cells = []
    for key in CAPABILITIES:
        fact = model.capabilities.get(key)
        if fact is None or fact.value is None:
            cells.append(
                CapabilityCell(
                    model.id,
                    Tri.UNKNOWN,
                    None,
                    None,
                    fact.note if fact else None,
                    fact.disputed if fact else False,
                )
            )
            continue
        cells.append(
            CapabilityCell(
                model.id,
                Tri.of(fact.value),
                fact.source_id,
                fact.checked,
                fact.note,
                fact.disputed,
                fact.as_of,
            )
        )
    return tuple(cells)


_new = tuple.__new__  # a row made without its NamedTuple's Python __new__ (``claim.new_claim``)


def capability_rows(
    models: Sequence[Model], cells: Mapping[str, Sequence[CapabilityCell]] | None = None
) -> tuple[CapabilityRow, ...]:
    """Every capability of the catalog, one row each, cells in model order (``cells``: each
    model's ``model_capability_cells`` already made; default: made here)."""
    made = [model_capability_cells(m) if cells is None else cells[m.id] for m in models]
    # zip(*made): the i-th cell of every model, a row's cells in model order
    return tuple(
        [
            _new(CapabilityRow, (key, CAPABILITY_LABELS[key], row_cells))
            for key, row_cells in zip(CAPABILITIES, zip(*made, strict=True), strict=True)
        ]
    )
