"""One escaping rule per format: links, Markdown and CSV cells from data."""

from __future__ import annotations

import pytest

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
