"""OpenRouter importer: string prices, dynamic and free, aliases, what is not imported."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog.schema import ImportFile
from tradeoff.errors import DataError
from tradeoff.sources.openrouter import import_file

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()


@pytest.fixture(scope="module")
def imported() -> ImportFile:
    return import_file(FIXTURES / "openrouter" / "models.json", retrieved=dt.date(2026, 5, 15))


def test_prices_aliases_and_capabilities(imported: ImportFile) -> None:
    widget = imported.offerings[0]
    assert widget.provider_model_id == "acme/widget-1"
    assert widget.aliases == ["acme/widget-1-20250311"]  # hugging_face_id only differs in case
    p = widget.prices
    assert (p.input_per_mtok, p.output_per_mtok, p.cache_read_per_mtok) == (
        Decimal("1.5"),
        Decimal("6"),
        Decimal("0.375"),
    )
    assert widget.facts["modalities_input"] == ["image", "text"]  # no "file"
    assert widget.capabilities == {
        "vision": True,
        "multimodal_input": True,
        "tool_call": True,
        "structured_output": True,
    }
    assert "reasoning" not in widget.capabilities  # not listed: unknown, not "no"
    assert (widget.context_tokens, widget.max_output_tokens) == (131072, 16384)
    assert imported.source.redistributable is False


def test_free_and_dynamic_prices(imported: ImportFile) -> None:
    free, auto = imported.offerings[1], imported.offerings[2]
    assert free.prices.free and free.prices.input_per_mtok == 0
    assert free.aliases == ["acme/widget-1-20250311", "acme/Widget-1"]
    assert free.lifecycle == "deprecated" and free.retired_on == "2026-06-01"
    assert not auto.prices.free and auto.prices.input_per_mtok is None
    assert any("dynamic price" in d.reason for d in imported.dropped)


def test_no_description_and_no_release_date(imported: ImportFile) -> None:
    text = imported.model_dump_json()
    assert "marketing" not in text and "Picks a model" not in text
    assert all("release_date" not in o.facts for o in imported.offerings)
    assert any("not a model capability" in d.reason for d in imported.dropped)


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("truncated.json", ":10", "malformed JSON"),
        ("wrong-type.json", "data[0] (acme/widget-1).pricing.prompt", "expected a decimal string"),
        ("unexpected.json", "", 'expected {"data"'),
    ],
)
def test_bad_input_names_file_and_entry(name: str, where: str, message: str) -> None:
    path = FIXTURES / "openrouter" / "bad" / name
    with pytest.raises(DataError) as caught:
        import_file(path)
    text = caught.value.describe()
    assert str(path) in text and where in text and message in text
