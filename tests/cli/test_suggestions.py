"""Did you mean: the closest name first, the same in the terminal and on the web's 404."""

from __future__ import annotations

from support.web_support import client_for
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog

TYPO = "mixtral-8x7b-instrukt"  # closer to 8x7b than to 8x22b, which sorts first by name
CLOSEST = ["mistral/mixtral-8x7b-instruct", "mistral/mixtral-8x22b-instruct"]


def test_the_terminal_suggests_the_closest_name_first() -> None:
    result = CliRunner().invoke(app, ["models", "show", TYPO])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"Did you mean: {', '.join(CLOSEST)}?" in result.stderr


def test_the_web_404_ranks_the_same_way(catalog: Catalog) -> None:
    response = client_for(catalog).get(f"/api/v1/models/{TYPO}")
    assert response.status_code == 404
    assert [s["id"] for s in response.json()["suggestions"]] == CLOSEST
