"""Spec rows side by side: each cell a value for people plus its source and checked date."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from tradeoff.compare.wording import NOT_SOURCED, disputed, params, short_token_form, tokens
from tradeoff.kinds import kind_label
from tradeoff.records import Fact, Model, dated_text

ARCHITECTURES = {"moe": "mixture of experts", "dense": "dense"}


class SpecCell(NamedTuple):
    """One model's value for one spec; ``value`` is the raw fact (None = not yet sourced)."""

    model_id: str
    value: Any
    display: str
    source_id: str | None
    checked: str | None
    note: str | None
    disputed: bool
    as_of: str | None = None  # the dataset whose snapshot date ``checked`` is; None: reviewed

    @property
    def dated(self) -> str | None:
        """ "checked 2025-08-12" / "as of 2026-07-02 (models.dev)"."""
        return dated_text(self.checked, self.as_of)


class SpecRow(NamedTuple):
    """One spec (a row of the specs table): its cell for each compared model."""

    key: str
    label: str
    cells: tuple[SpecCell, ...]

    def cell(self, model_id: str) -> SpecCell:
        """The cell of one model."""
        return next(c for c in self.cells if c.model_id == model_id)


def _context(value: int) -> str:
    short = short_token_form(value)
    return tokens(value) + (f" ({short})" if short else "")


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _plain(value: Any) -> str:
    return str(value)


def _modalities(value: tuple[str, ...]) -> str:
    return ", ".join(value)


SPECS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("kind", "Kind", kind_label),
    ("release_date", "Released", _plain),
    ("context_tokens", "Context window", _context),
    ("max_output_tokens", "Max output", tokens),
    ("parameters_total", "Parameters (total)", params),
    ("parameters_active", "Parameters (active)", params),
    ("architecture", "Architecture", lambda v: ARCHITECTURES.get(v, str(v))),
    ("experts_total", "Experts (total)", _plain),
    ("experts_per_token", "Experts per token", _plain),
    ("licence", "Licence", _plain),
    ("open_weights", "Open weights", _yes_no),
    ("knowledge_cutoff", "Knowledge cutoff", _plain),
    ("modalities_input", "Input modalities", _modalities),
    ("modalities_output", "Output modalities", _modalities),
)

_EXPERT_ROWS = ("experts_total", "experts_per_token")


def _cell(model: Model, key: str, fmt: Callable[[Any], str]) -> SpecCell:
    fact: Fact[Any] = getattr(model, key)
    if fact.value is not None:
        inferred = key == "kind" and (fact.note or "").startswith("inferred")
        return SpecCell(
            model.id,
            fact.value,
            fmt(fact.value) + (" (inferred from its id)" if inferred else ""),
            fact.source_id,
            fact.checked,
            fact.note,
            fact.disputed,
            fact.as_of,
        )
    arch = model.architecture
    if key in _EXPERT_ROWS and arch.value == "dense":
        # A dense model has no experts: that follows from its sourced architecture.
        return SpecCell(
            model.id,
            None,
            "not applicable (dense)",
            arch.source_id,
            arch.checked,
            None,
            False,
            arch.as_of,
        )
    display = disputed(NOT_SOURCED, fact.disputed)
    return SpecCell(model.id, None, display, None, None, fact.note, fact.disputed)


# A fine-tune's base model: a row only when a compared model has one (most have none).
BASE_MODEL_ROW = ("base_model", "Base model (fine-tuned from)", _plain)


def model_spec_cells(model: Model) -> tuple[SpecCell, ...]:
    """One model's cell of every spec (``SPECS``, then the base-model row's): what a spec
    table shows of it whatever it is compared with."""
    return tuple(_cell(model, key, fmt) for key, _, fmt in (*SPECS, BASE_MODEL_ROW))


_new = tuple.__new__  # a row made without its NamedTuple's Python __new__ (``claim.new_claim``)


def spec_rows(
    models: Sequence[Model], cells: Mapping[str, Sequence[SpecCell]] | None = None
) -> tuple[SpecRow, ...]:
    """The spec table: one row per fact, cells in model order (``cells``: each model's
    ``model_spec_cells`` already made; default: made here)."""
    specs = SPECS + ((BASE_MODEL_ROW,) if any(m.base_model.known for m in models) else ())
    made = [model_spec_cells(m) if cells is None else cells[m.id] for m in models]
    # zip(*made): the i-th cell of every model, a row's cells in model order (the base-model
    # row's cells, last of each model's, are left out when ``specs`` has no such row)
    return tuple(
        [
            _new(SpecRow, (key, label, row_cells))
            for (key, label, _), row_cells in zip(specs, zip(*made, strict=True), strict=False)
        ]
    )
