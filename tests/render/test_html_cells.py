"""The comparison cells' own escape writes exactly what ``markupsafe.escape`` writes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from markupsafe import Markup, escape

from tradeoff.render.html_cells import escape as cell_escape
from tradeoff.urls import _q, compare


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        "a & b <c> 'd' \"e\"",
        "&amp; already",
        "é ✓",
        Markup("<b>kept</b>"),
        7,
        None,
        1.5,
    ],
)
def test_cell_escape_matches_markupsafe(value: object) -> None:
    got = cell_escape(value)
    assert type(got) is str
    assert got == str(escape(value))


@pytest.mark.parametrize("segment", ["gpt-4o", "a_b.c~d", "a/b", "a b", "é", "x?y#z", "", "%"])
def test_path_segment_fast_path_matches_quote(segment: str) -> None:

    assert _q(segment) == quote(segment, safe="")


@pytest.mark.parametrize(
    ("slugs", "blend", "url"),
    [
        (["b", "a"], None, "/compare/a-vs-b"),
        (["a", "b"], "3:1", "/compare/a-vs-b?blend=3:1"),
        (["a b", "c"], None, "/compare/a%20b-vs-c"),
        (["a", "a"], None, "/compare?models=a,a"),
    ],
)
def test_compare_urls(slugs: list[str], blend: str | None, url: str) -> None:
    assert compare(slugs, blend) == url
