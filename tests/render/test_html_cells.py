"""The comparison cells' own escape writes exactly what ``markupsafe.escape`` writes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from tradeoff.render.html_cells import escape as cell_escape
from tradeoff.render.html_cells import escape_text
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


@given(st.integers() | st.booleans())
def test_cell_escape_of_a_number_matches_markupsafe(value: int) -> None:
    # an int is written as its digits without a Markup; a bool (an int subclass) still goes
    # through markupsafe.escape: both write what it writes
    got = cell_escape(value)
    assert type(got) is str
    assert got == str(escape(value))


@pytest.mark.parametrize("text", ["plain", "", "a & b <c> 'd' \"e\"", "&amp; already", "é ✓"])
def test_text_escape_matches_markupsafe(text: str) -> None:
    # the direct path for values that are always a str writes what escape() writes
    got = escape_text(text)
    assert type(got) is str
    assert got == cell_escape(text) == str(escape(text))


def test_text_escape_refuses_what_is_not_a_str() -> None:
    # a number given where a text was expected raises: it is never written unescaped
    with pytest.raises((TypeError, SystemError)):
        escape_text(7)  # type: ignore[arg-type]


def test_cell_escape_matches_markupsafe_for_every_character() -> None:
    # every code point of the Basic Multilingual Plane but surrogates, alone and in a run
    text = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert cell_escape(text) == str(escape(text))
    for char in "&<>'\"a\u00e9":
        assert cell_escape(char) == str(escape(char))


def test_cell_escape_of_a_str_uses_markupsafes_own_function() -> None:
    # the fast path is markupsafe's escaping core itself (no second HTML rule): present in
    # the pinned markupsafe, so a str never builds a Markup
    import markupsafe

    from tradeoff.render import html_cells

    assert html_cells._escape_str is getattr(markupsafe, "_escape_inner", None) is not None


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


def test_source_reference_writes_its_number_and_escaped_date() -> None:
    from tradeoff.render.html_cells import source_ref as src

    assert src(3, "checked <2026>") == (
        ' <span class="src"><a href="#source-3">[3]</a> checked &lt;2026&gt;</span>'
    )
    assert src(12, None) == ' <span class="src"><a href="#source-12">[12]</a></span>'
    assert src(None, "checked 2026-06-09") == ""


@pytest.mark.parametrize("number", ["3", '3"><script>', 3.0])
def test_source_reference_refuses_a_number_that_is_not_an_int(number: object) -> None:
    from tradeoff.render.html_cells import source_ref as src

    with pytest.raises(TypeError, match="is not an int"):
        src(number, None)
