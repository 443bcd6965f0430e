"""What changed lists what has happened by the catalog's data, not what a source schedules."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.pages.changes import all_changes, changes_context, data_as_of


def test_a_change_dated_after_the_catalogs_data_is_not_listed(catalog: Catalog) -> None:
    # The test catalog's newest dataset snapshot is 2026-11-29; LiteLLM schedules a
    # retirement on 2026-12-01 — announced, not happened.
    as_of = data_as_of(catalog)
    assert as_of == "2026-11-29"
    assert all(c.day <= as_of for c in all_changes(catalog))
    ctx = changes_context(catalog, kinds=["retirement"])
    assert ctx["changes"] and all(e["date"] <= as_of for e in ctx["changes"])
    assert ctx["scheduled"] >= 1  # said on the page, not hidden


def test_a_price_move_of_another_field_says_which_and_that_input_and_output_held(
    catalog: Catalog,
) -> None:
    # "Gemini 2.5 Pro at Google: price cut,  per 1M tokens" with "$1.25 → $1.25": the history
    # recorded a cut of the cache-read price, which the entry did not say
    ctx = changes_context(catalog, since=None, kinds=(), provider=None, lab=None, model=None)
    held = [
        c
        for c in ctx["changes"]
        if c["kind"].startswith("price")
        and c["input_before"] == c["input_after"]
        and c["output_before"] == c["output_after"]
    ]
    assert held, "the test catalog records cache-read-only price moves"
    for c in held:
        assert c["kind_label"].endswith(")") and "cache" in c["kind_label"], c  # what moved
        assert "input and output unchanged" in c["title"], c["title"]
        assert ",  per 1M tokens" not in c["title"], c["title"]
