"""`tradeoff cost` says why a route is not comparable in every format, as the HTML calculator
does (reviewer: Poe's points conversion sat first in the terminal and Markdown, notes empty)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import cost_context, not_comparable_text
from tradeoff.render.markdown_calculator import calculator_md

runner = CliRunner()
ARGS = [
    "cost",
    "google/gemini-2.5-flash-image",
    "--input-tokens",
    "1000",
    "--output-tokens",
    "1000",
]


def _run(*extra: str) -> str:
    result = runner.invoke(app, [*ARGS, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_first_line_is_a_comparable_route() -> None:
    lines = json.loads(_run("--json"))["lines"]
    assert lines[0]["headline_excluded_reason"] is None
    excluded = [n for n, line in enumerate(lines) if line["headline_excluded_reason"]]
    comparable = [n for n, line in enumerate(lines) if not line["headline_excluded_reason"]]
    priced = [n for n, line in enumerate(lines) if line["priced"]]
    assert max(set(comparable) & set(priced)) < min(set(excluded) & set(priced))


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_each_format_says_why_a_route_is_not_comparable(fmt: str) -> None:
    lines = json.loads(_run("--json"))["lines"]
    out = _run("--format", fmt, "--wide")  # text: cells unwrapped
    said = [not_comparable_text(line) for line in lines]
    assert said[0] is None and any(said)  # Poe's points conversion is said, first row is not
    for text in filter(None, said):
        assert text in out


def test_the_calculator_markdown_page_says_why_a_route_is_not_comparable(
    catalog: Catalog,
) -> None:
    ctx = cost_context(catalog, ["google/gemini-2.5-flash-image"], 1_000, 1_000)
    markdown = calculator_md(ctx)
    (poe,) = [row for row in markdown.splitlines() if "| Poe |" in row]
    assert "not comparable: priced in Poe's points" in poe
