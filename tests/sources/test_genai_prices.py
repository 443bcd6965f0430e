"""genai-prices importer: match rules, conditional prices, tiers, history, bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog.schema import ImportedOffering, ImportFile
from tradeoff.errors import DataError
from tradeoff.sources.genai_prices import import_snapshot
from tradeoff.sources.genai_prices_rules import copied_from, matches

FIXTURES = Path(__file__).parents[1] / "fixtures"
SNAPSHOT = FIXTURES / "genai-prices"
runner = CliRunner()


@pytest.fixture(scope="module")
def imported() -> ImportFile:
    return import_snapshot(SNAPSHOT, commit="abc", retrieved=dt.date(2026, 8, 21))


def offering(imported: ImportFile, provider: str, model_id: str) -> ImportedOffering:
    return next(
        o for o in imported.offerings if (o.provider, o.provider_model_id) == (provider, model_id)
    )


def test_only_exact_spellings_of_the_entry_id_become_offerings(imported: ImportFile) -> None:
    ids = sorted((o.provider, o.provider_model_id) for o in imported.offerings)
    assert ids == [
        ("acme", "gizmo-night"),
        ("acme", "widget-0"),
        ("acme", "widget-1"),
        ("acme", "widget-2"),
        ("host_co", "Widget-1-FP8"),
        ("huggingface_hostco", "acme/Widget-1:hostco"),
    ]
    reasons = {(d.entity, d.value): d.reason for d in imported.dropped}
    # The gpt-4o-2024-05-13 mistake: a dated snapshot under the undated entry is not priced.
    assert "another checkpoint" in reasons[("offering:acme/widget-1", "widget-1-2024-05-13")]
    assert "pattern rule" in reasons[("offering:acme/widget-1", "widget-1-")]
    assert (
        "not accepted by its own match rule" in reasons[("offering:acme/ft:widget-", "ft:widget-")]
    )
    assert (
        "another checkpoint"
        in reasons[("offering:huggingface_hostco/acme/Widget-1", "acme/widget-1-fast")]
    )


def test_dated_prices_pick_the_price_in_force_and_keep_history(imported: ImportFile) -> None:
    widget = offering(imported, "acme", "widget-1")
    assert widget.prices.input_per_mtok == Decimal("1.5")
    assert widget.prices.output_per_mtok == Decimal("6")
    assert widget.prices.cache_read_per_mtok == Decimal("0.375")
    assert [(p.effective, p.input_per_mtok, p.output_per_mtok) for p in widget.history] == [
        ("2026-03-01", Decimal("1.5"), Decimal("6")),
        ("2026-12-01", Decimal("1"), Decimal("4")),
    ]
    assert widget.checked == dt.date(2026, 8, 1)
    assert widget.context_tokens == 128000


def test_context_tiers_and_unmodelled_prices(imported: ImportFile) -> None:
    widget = offering(imported, "acme", "widget-2")
    assert widget.prices.input_per_mtok == Decimal("3")
    assert [(t.above_input_tokens, t.input_per_mtok) for t in widget.prices.tiers] == [
        (200000, Decimal("6"))
    ]
    assert widget.checked == dt.date(2026, 7, 15)  # quoted dates are read too
    # an audio-token price keeps its unit: per 1M audio tokens, apart from the text prices
    assert [(u.component, u.unit, u.usd) for u in widget.prices.unit_prices] == [
        ("input", "per_mtok_audio", Decimal("40"))
    ]
    assert not any(d.field == "input_audio_mtok" for d in imported.dropped)


def test_time_of_day_prices_are_dropped_and_the_standard_rate_kept(imported: ImportFile) -> None:
    gizmo = offering(imported, "acme", "gizmo-night")
    assert (gizmo.prices.input_per_mtok, gizmo.prices.output_per_mtok) == (
        Decimal("0.27"),
        Decimal("1.1"),
    )
    assert any(
        d.entity == "offering:acme/gizmo-night" and d.reason == "time-of-day price not modelled"
        for d in imported.dropped
    )


def test_hugging_face_router_offerings_name_their_host(imported: ImportFile) -> None:
    routed = offering(imported, "huggingface_hostco", "acme/Widget-1:hostco")
    assert routed.aliases == ["acme/Widget-1"]


@pytest.mark.parametrize(
    ("rule", "name", "expected"),
    [
        ({"equals": "gpt-4o"}, "GPT-4o", True),
        ({"starts_with": "gpt-4o"}, "gpt-4o-2024-05-13", True),
        ({"or": [{"equals": "a"}, {"contains": "mini"}]}, "o4-mini", True),
        ({"and": [{"starts_with": "o"}, {"ends_with": "x"}]}, "o4-mini", False),
        ({"regex": "^o[134]"}, "o3", True),
    ],
)
def test_match_rules(rule: dict[str, object], name: str, expected: bool) -> None:
    assert matches(rule, name) is expected


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("truncated.yml", ":9", "malformed YAML"),
        ("wrong-type.yml", "models[0] (widget-1).prices.input_mtok", "expected a number"),
        ("unexpected.yml", "[models]", "expected a list of models"),
    ],
)
def test_bad_input_names_file_and_entry(name: str, where: str, message: str) -> None:
    path = SNAPSHOT.parent / "genai-prices" / "bad" / name
    with pytest.raises(DataError) as caught:
        import_snapshot(path)
    text = caught.value.describe()
    assert str(path) in text and where in text and message in text


def test_zero_prices_are_free_only_when_the_entry_says_so(tmp_path: Path) -> None:
    snapshot = tmp_path / "genai-prices"
    (snapshot / "prices" / "providers").mkdir(parents=True)
    (snapshot / "prices" / "providers" / "acme.yml").write_text(
        "name: Acme\nid: acme\npricing_urls: [https://acme.example/pricing]\n"
        "api_pattern: 'https://api\\.acme\\.example'\nmodels:\n"
        "  - id: widget-free\n    match: {equals: widget-free}\n"
        "    prices: {input_mtok: 0, output_mtok: 0}\n"
        "  - id: gizmo\n    match: {equals: gizmo}\n"
        "    prices: {input_mtok: 0, output_mtok: 0}\n"
    )
    imported = import_snapshot(snapshot, commit="abc", retrieved=dt.date(2026, 8, 21))
    free = offering(imported, "acme", "widget-free")
    unmarked = offering(imported, "acme", "gizmo")
    assert free.prices.free and free.prices.input_per_mtok == 0
    assert not unmarked.prices.free and unmarked.prices.input_per_mtok is None
    assert any(
        d.entity == "offering:acme/gizmo" and "all-zero prices not marked free" in d.reason
        for d in imported.dropped
    )


def test_a_price_copied_from_another_providers_listing_names_its_origin() -> None:
    # genai-prices says so only in price_comments; the importer carries it as price_origin
    copied = (
        "Imported from OpenRouter pricing; verify against OpenAI pricing when native API "
        "pricing is published."
    )
    assert copied_from(copied) == "openrouter"
    assert copied_from("imported from Together AI pricing") == "togetherai"
    assert copied_from("Prices from the vendor page") is None
    assert copied_from(None) is None


def test_removed_is_retired_and_deprecated_is_deprecated(imported: ImportFile) -> None:
    # genai-prices' ModelInfo: `removed` = no longer available; `deprecated` = still works.
    assert offering(imported, "acme", "widget-0").lifecycle == "retired"
    assert offering(imported, "acme", "widget-1").lifecycle == "ga"
