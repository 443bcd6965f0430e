"""The spec table names a fine-tune's base model, and only when a compared model has one."""

from __future__ import annotations

from support.compare_helpers import model

from tradeoff.compare.specs import spec_rows
from tradeoff.records import Fact


def test_a_fine_tune_shows_its_base_model_row() -> None:
    tune = model("deepseek/deepseek-r1-distill-llama-70b", "deepseek")._replace(
        base_model=Fact("meta/llama-3.3-70b-instruct", "readme", "2026-12-01"),
    )
    other = model("meta/llama-3.3-70b-instruct", "meta")
    rows = {r.key: r for r in spec_rows([tune, other])}
    cells = rows["base_model"].cells
    assert [c.display for c in cells] == ["meta/llama-3.3-70b-instruct", "not yet sourced"]
    assert cells[0].source_id == "readme"


def test_no_base_model_row_when_no_model_has_one() -> None:
    rows = spec_rows([model("a/one", "a"), model("b/two", "b")])
    assert "base_model" not in {r.key for r in rows}
