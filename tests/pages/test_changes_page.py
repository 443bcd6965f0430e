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
