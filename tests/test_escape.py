"""One escaping rule per format: links, Markdown and CSV cells from data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tradeoff.escape import UNSAFE, csv_cell, href, md, md_url


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("/models/x", "/models/x"),
        ("javascript:alert(1)", UNSAFE),
        ("//evil.example", UNSAFE),
        ("/\\evil.example", UNSAFE),  # a browser reads "/\" as "//": another host
    ],
)
def test_href_keeps_only_web_links_and_site_paths(url: str, safe: str) -> None:
    assert href(url) == safe
    assert md_url(url).startswith(safe.replace(" ", "%20"))


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_text_that_reads_as_a_formula_is_neutralised(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Kimi K2", "0.60", 131072, -1, True, None, ""])
def test_csv_data_that_is_no_formula_is_kept(value: object) -> None:
    assert csv_cell(value) == value


def test_markdown_text_cannot_open_a_link_or_raw_html() -> None:
    assert md("[x](javascript:alert(1)) <b>") == "\\[x\\](javascript:alert(1)) &lt;b&gt;"


# --- Markdown: escape only what would be syntax where the text lands, and round-trip ---------

_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_PLAIN_BLOCKS = {"paragraph_open", "paragraph_close", "inline"}
_TABLE_BLOCKS = {"table_open", "table_close", "thead_open", "thead_close", "tbody_open",
                 "tbody_close", "tr_open", "tr_close", "th_open", "th_close", "td_open",
                 "td_close", "inline"}  # fmt: skip


def _visible(source: str, blocks: set[str]) -> list[str]:
    """The text a reader sees in each inline run, after checking that the Markdown made no
    structure of its own: no heading, list, rule, quote, code, emphasis, link or HTML."""
    tokens = _MD.parse(source)
    assert {t.type for t in tokens} <= blocks, [t.type for t in tokens]
    out = []
    for t in tokens:
        if t.type == "inline":
            kinds = {c.type for c in t.children or []}
            assert kinds <= {"text", "softbreak"}, (source, kinds)
            out.append("".join(c.content if c.type == "text" else "\n" for c in t.children or []))
    return out


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("59.1%", "59.1%"),  # a decimal point is no list marker
        ("1. first", "1\\. first"),
        ("2) second", "2\\) second"),
        ("- item", "\\- item"),
        ("-5% blended", "-5% blended"),
        ("+ item", "\\+ item"),
        ("+4%", "+4%"),
        ("# title", "\\# title"),
        ("#1 on the board", "#1 on the board"),
        ("---", "\\---"),
        ("==", "\\=="),
        ("-:", "\\-:"),  # under a line with a pipe, a table's delimiter row
        (":-:", "\\:-:"),
        (":30", ":30"),
        ("model_prices_and_context_window.json", "model_prices_and_context_window.json"),
        ("_private_", "\\_private\\_"),
        ("a * b", "a \\* b"),
        ("AT&T", "AT&T"),
        ("&amp; &#169;", "&amp;amp; &amp;#169;"),
        ("C:\\models", "C:\\models"),
        ("a\\*", "a\\\\\\*"),
        ("{x}", "{x}"),
        ("a | b", "a \\| b"),
    ],
)
def test_markdown_escapes_only_what_would_be_syntax(text: str, escaped: str) -> None:
    assert md(text) == escaped


_PIECES = [*"aZ19 .)(-+#*_`[]|~\\&;<>!=:/é\t", "&amp;", "&#169;", "1. ", "---", "__"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
_LIST_BLOCKS = _PLAIN_BLOCKS | {"bullet_list_open", "bullet_list_close", "list_item_open",
                                "list_item_close"}  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT)
def test_markdown_round_trips_through_a_commonmark_parser(text: str, before: str) -> None:
    flat = " ".join(text.split())
    if not flat:
        return
    # on its own line, and as a list item's text
    assert _visible(md(text), _PLAIN_BLOCKS) == [flat]
    assert _visible(f"- {md(text)}", _LIST_BLOCKS) == [flat]
    # in a table cell (GFM tables: a pipe ends a cell)
    cells = _visible(f"| h |\n|---|\n| {md(text)} |\n", _TABLE_BLOCKS)
    assert cells == ["h", flat]
    # after a paragraph line (a "---" or "==" line would make it a heading)
    lead = " ".join(before.split())
    if lead:
        assert _visible(f"{md(before)}\n{md(text)}", _PLAIN_BLOCKS) == [f"{lead}\n{flat}"]
