"""The cards' one-line verdict keeps a model's name as the catalog spells it."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context


def test_a_lowercase_model_name_is_not_capitalised(catalog: Catalog) -> None:
    # "Gpt-oss-120b has the lower headline price …" (bundled: "Text-embedding-3-small has …")
    ctx = compare_context(catalog, ["gpt-oss-120b", "deepseek-r1"], (70, 30))
    assert ctx["verdict_line"].startswith("gpt-oss-120b has the lower headline price"), ctx[
        "verdict_line"
    ]
