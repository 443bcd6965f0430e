"""On the bundled catalog: "gpt4o" is GPT-4o for the CLI and the site alike."""

from __future__ import annotations

from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.pages.search import search

GPT_4O = "openai/gpt-4o-2024-08-06"  # the checkpoint the alias gpt-4o names


def test_gpt4o_resolves_and_is_the_first_search_result(catalog: Catalog) -> None:
    assert catalog.resolve("gpt4o").id == GPT_4O
    assert catalog.resolve("GPT 4o").id == GPT_4O
    found = list(search(catalog, "gpt4o"))
    assert found[0] == GPT_4O
    assert "openai/gpt-4o-mini" in found[:4]


def test_the_cli_shows_gpt4o() -> None:
    result = CliRunner().invoke(app, ["models", "show", "gpt4o", "--json"])
    assert result.exit_code == 0, result.output
    assert GPT_4O in result.output


def test_a_typo_suggests_the_closest_first(catalog: Catalog) -> None:
    found = list(search(catalog, "claude-sonet-4-6"))
    assert found[0] == "anthropic/claude-sonnet-4-6"
