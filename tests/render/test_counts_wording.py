"""Counts in the Markdown and terminal twins read as counts: "1 active provider", never
"1 active providers" (the HTML page already says it right)."""

from __future__ import annotations

import re

from rich.console import Console

from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.model import model_context
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_pages import model_md
from tradeoff.render.terminal import print_comparison

WRONG = re.compile(r"\b1 (active providers|offerings)\b")


def _single(catalog: Catalog) -> str:
    """A model of the test catalog served by exactly one active provider."""
    for model in catalog.models.values():
        p = model_pricing(model, catalog.offerings_for(model.id), catalog.providers, DEFAULT_BLEND)
        if p.provider_count == 1:
            return model.id
    raise AssertionError("the test catalog has a model on one provider")


def test_one_provider_and_one_offering_are_singular(catalog: Catalog) -> None:
    single = _single(catalog)
    other = next(m for m in catalog.models if m != single)
    md = model_md(model_context(catalog, catalog.models[single]))
    assert "served by 1 active provider" in md
    ctx = compare_context(catalog, [single, other], (70, 30))
    console = Console(record=True, width=200)
    print_comparison(console, ctx)
    for text in (md, render_compare_markdown(ctx), console.export_text()):
        assert not WRONG.search(text), WRONG.search(text)
