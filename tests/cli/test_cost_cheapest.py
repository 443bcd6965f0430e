"""`tradeoff cost` says the cheapest line, a tie as a tie, in every format (it said none in the
terminal and Markdown, and the JSON named one route of a tie)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app

runner = CliRunner()
TIED = "google/gemini-2.5-pro"


def _cost(*args: str) -> str:
    result = runner.invoke(
        app, ["cost", TIED, "--input-tokens", "1000", "--output-tokens", "100", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_json_counts_and_lists_the_tie() -> None:
    ctx = json.loads(_cost("--json"))
    assert ctx["cheapest_tie_count"] == len(ctx["cheapest_ties"]) == 3
    assert "and 3 other routes at the same total" in ctx["cheapest_text"]


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_each_format_says_the_tie(fmt: str) -> None:
    said = json.loads(_cost("--json"))["cheapest_text"]
    assert said in " ".join(_cost("--format", fmt, "--wide").split())


def test_zero_requests_name_no_cheapest_route() -> None:
    ctx = json.loads(_cost("--requests", "0", "--json"))
    assert ctx["cheapest"] is None
    assert ctx["cheapest_text"] == "Nothing to price: 0 requests, so no route is cheapest."
    assert "Cheapest" not in _cost("--requests", "0", "--wide")
