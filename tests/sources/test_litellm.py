"""LiteLLM importer: chat entries, prefixes, service tiers, context tiers, tri-state flags."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog.schema import ImportFile
from tradeoff.errors import DataError
from tradeoff.sources.litellm import import_file, provider_model_id

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()


@pytest.fixture(scope="module")
def imported() -> ImportFile:
    return import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 11, 29), version="1.0")


def test_every_model_mode_is_an_offering_of_its_kind_and_counted(imported: ImportFile) -> None:
    assert imported.counts == {
        "entries": 5,
        "offerings": 4,
        "offerings: embedding": 1,
        "offerings: text-generation": 3,
    }
    assert sorted((o.provider, o.provider_model_id, o.kind) for o in imported.offerings) == [
        ("acme", "widget-1", "text-generation"),
        ("acme", "widget-embed", "embedding"),
        ("host_co", "acme/Widget-1-FP8", "text-generation"),
        ("ollama", "local/widget-1", "text-generation"),
    ]
    reasons = {d.entity: d.reason for d in imported.dropped}
    assert "region" in reasons["offering:bedrock/us-east-1/acme.widget-1"]
    assert "all-zero" in reasons["offering:ollama/local/widget-1"]


def test_prices_per_token_become_exact_per_million(imported: ImportFile) -> None:
    widget = next(o for o in imported.offerings if o.provider == "acme")
    p = widget.prices
    assert (p.input_per_mtok, p.output_per_mtok) == (Decimal("1.5"), Decimal("6"))
    assert (p.cache_read_per_mtok, p.cache_write_per_mtok) == (Decimal("0.375"), Decimal("1.875"))
    assert (p.batch_input_per_mtok, p.batch_output_per_mtok) == (Decimal("0.75"), Decimal("3"))
    assert (p.flex_input_per_mtok, p.flex_output_per_mtok) == (Decimal("0.75"), Decimal("3"))
    assert (p.priority_input_per_mtok, p.priority_output_per_mtok) == (
        Decimal("2.5"),
        Decimal("10"),
    )
    assert [(t.above_input_tokens, t.input_per_mtok, t.output_per_mtok) for t in p.tiers] == [
        (200000, Decimal("3"), Decimal("12"))
    ]
    unpriced = next(o for o in imported.offerings if o.provider == "ollama")
    assert unpriced.prices.input_per_mtok is None and not unpriced.prices.free


def test_flags_are_tri_state_and_lifecycle_is_read(imported: ImportFile) -> None:
    widget = next(o for o in imported.offerings if o.provider == "acme")
    assert widget.capabilities == {"tool_call": True, "vision": False}  # reasoning: unknown
    assert "reasoning" not in widget.capabilities
    assert (widget.context_tokens, widget.max_output_tokens) == (131072, 16384)
    # deprecation_date is the shutdown date; passed at the snapshot (2026-11-29): retired.
    assert widget.lifecycle == "retired" and widget.retired_on == "2026-06-30"
    assert widget.deprecated_on is None
    assert widget.successor == "widget-2"
    assert widget.source_url == "https://acme.example/pricing"


@pytest.mark.parametrize(
    ("key", "provider", "expected"),
    [
        ("together_ai/moonshotai/Kimi-K2-Instruct", "together_ai", "moonshotai/Kimi-K2-Instruct"),
        ("vertex_ai/claude-opus-4", "vertex_ai-anthropic_models", "claude-opus-4"),
        ("bedrock/anthropic.claude-v2", "bedrock_converse", "anthropic.claude-v2"),
        ("gpt-4o", "openai", "gpt-4o"),
        ("openrouter/x/y", "together_ai", "openrouter/x/y"),
    ],
)
def test_routing_prefix_is_removed(key: str, provider: str, expected: str) -> None:
    assert provider_model_id(key, provider) == expected


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("truncated.json", ":5", "malformed JSON"),
        ("wrong-type.json", "[acme/widget-1.input_cost_per_token]", "not a number"),
        ("unexpected.json", "", "expected a JSON object"),
    ],
)
def test_bad_input_names_file_and_entry(name: str, where: str, message: str) -> None:
    path = FIXTURES / "litellm" / "bad" / name
    with pytest.raises(DataError) as caught:
        import_file(path)
    text = caught.value.describe()
    assert str(path) in text and where in text and message in text


def test_a_deprecation_date_still_ahead_is_a_scheduled_retirement() -> None:
    earlier = import_file(FIXTURES / "litellm", retrieved=dt.date(2026, 1, 2), version="1.0")
    widget = next(o for o in earlier.offerings if o.provider == "acme")
    # Not yet shut down at that snapshot: still available, its retirement date shown.
    assert widget.lifecycle == "ga" and widget.retired_on == "2026-06-30"
