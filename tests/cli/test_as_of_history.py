"""`--as-of` on `cost` / `compare` priced from the dated price history (price spans of
tests/fixtures/catalog-slice/history/models-dev.json): OpenRouter's Kimi K2 Instruct
(`moonshotai/kimi-k2`) was $0.57 / $2.30 from 2025-07-11 and $0.55 / $2.20 from 2025-07-29;
Hugging Face's appeared on 2025-07-30."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from typer.testing import CliRunner

from tradeoff.cli import app

runner = CliRunner()
COST = ["cost", "kimi-k2-instruct", "--input-tokens", "1M", "--output-tokens", "1M", "--json"]


def _lines(day: str) -> dict[tuple[str, str], dict[str, Any]]:
    result = runner.invoke(app, [*COST, "--as-of", day])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return {(c["provider"], c["provider_model_id"]): c for c in data["lines"]}


OPENROUTER = ("openrouter", "moonshotai/kimi-k2")
HUGGINGFACE = ("huggingface", "moonshotai/Kimi-K2-Instruct")
DEEPINFRA = ("deepinfra", "moonshotai/Kimi-K2-Instruct")  # LiteLLM, no span: live only


def test_cost_as_of_prices_before_and_after_a_move() -> None:
    before = _lines("2025-07-28")[OPENROUTER]
    assert (before["input_usd"], before["output_usd"]) == ("0.57", "2.3")
    after = _lines("2025-07-29")[OPENROUTER]
    assert (after["input_usd"], after["output_usd"]) == ("0.55", "2.2")


def test_an_offering_is_left_out_before_it_appeared() -> None:
    assert HUGGINGFACE not in _lines("2025-07-29")
    assert HUGGINGFACE in _lines("2025-07-30")
    assert OPENROUTER in _lines("2025-07-11")  # from its first span (the model's release day)


def test_an_offering_without_history_is_kept_only_in_the_live_range() -> None:
    assert DEEPINFRA not in _lines("2025-09-01")  # LiteLLM's snapshot is of 2026-11-29
    assert DEEPINFRA in _lines(dt.date.today().isoformat())


def test_a_day_outside_the_history_is_a_usage_error() -> None:
    result = runner.invoke(app, [*COST, "--as-of", "2025-01-01"])
    assert result.exit_code == 2
    assert "[--as-of]" in result.output and "covers 2025-06-10 to" in result.output
    later = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert runner.invoke(app, [*COST, "--as-of", later]).exit_code == 2


def test_compare_as_of_uses_the_same_prices() -> None:
    pair = ["compare", "kimi-k2-instruct", "mixtral-8x22b-instruct", "--format", "json"]
    result = runner.invoke(app, [*pair, "--as-of", "2025-07-28"])
    assert result.exit_code == 0, result.output
    pricing = json.loads(result.output)["pricing"][0]["providers"]
    routes = {(p["provider"], p["input_per_mtok"]) for p in pricing}
    assert any(provider == "openrouter" and price == "0.57" for provider, price in routes)
    assert not any(provider == "deepinfra" for provider, _ in routes), routes


def test_a_model_released_after_the_day_is_a_usage_error() -> None:
    # Kimi K2 Instruct was released on 2025-07-11: on 2025-06-20 the page said it "has no
    # priced offering on an active provider" and "runs on 0 active providers", as if it had
    # existed unsold
    for args in (
        ["compare", "kimi-k2-instruct", "mixtral-8x22b-instruct", "--format", "md"],
        ["cost", "kimi-k2-instruct", "--input-tokens", "1M", "--output-tokens", "1M"],
    ):
        result = runner.invoke(app, [*args, "--as-of", "2025-06-20"])
        assert result.exit_code == 2, result.output
        assert "[--as-of]" in result.output, result.output
        assert "Kimi K2 Instruct was released on 2025-07-11, after 2025-06-20" in result.output
        assert runner.invoke(app, [*args, "--as-of", "2025-07-11"]).exit_code == 0
