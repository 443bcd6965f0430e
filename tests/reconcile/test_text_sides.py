"""A price per 1M text tokens never applies to a side of a model whose modalities hold no
text (docs/units.md "A side with no text"): genai-prices states gpt-image-2's price per 1M
image output tokens as ``output_mtok``, and no modalities to tell it apart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.maintain.checks import DROPPED_KINDS
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering
from tradeoff.sources import genai_prices, litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
SIDES = FIXTURES / "text-sides"


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(SIDES / "models-dev", retrieved=dt.date(2026, 7, 2)),
        genai_prices.import_snapshot(SIDES / "genai-prices", retrieved=dt.date(2026, 8, 21)),
        litellm.import_file(SIDES / "litellm", retrieved=dt.date(2026, 11, 29)),
    ]
    return reconcile(text)


def _offering(r: Resolved, model_id: str) -> Offering:
    return next(o for o in r.offerings if o.provider_id == "acme" and o.model_id == model_id)


def test_an_image_output_is_never_priced_per_text_token(resolved: Resolved) -> None:
    pixel = _offering(resolved, "acme/pixel-1")
    assert resolved.models["acme/pixel-1"].modalities_output.value == ("image",)
    assert pixel.prices.output_per_mtok is None
    assert "output_per_mtok" not in pixel.price_sources
    # its text input keeps its price per 1M text tokens (the input side holds text)
    assert pixel.prices.input_per_mtok == Decimal("5")
    assert pixel.prices.cache_read_per_mtok == Decimal("1.25")
    # the same number, in its unit, is not lost
    units = {(p.component, p.unit): p.usd for p in pixel.prices.unit_prices}
    assert units[("output", "per_mtok_image")] == Decimal("30")
    assert all(p.output_per_mtok is None for p in pixel.history)


def test_the_dropped_price_is_recorded_with_its_reason(resolved: Resolved) -> None:
    dropped = [
        d
        for d in resolved.dropped
        if d.entity == "offering:acme/pixel-1" and d.field == "output_per_mtok"
    ]
    assert [(d.source_id, d.value) for d in dropped] == [("genai-prices", "30")]
    assert "output modalities are image (no text)" in dropped[0].reason
    assert "a price per 1M text tokens cannot apply" in dropped[0].reason
    assert dropped[0].reason.endswith("kept as output per 1M image tokens")  # LiteLLM's
    kind = next(k for text, k in DROPPED_KINDS if text in dropped[0].reason)
    assert kind == "price-unit-not-stated"  # how `tradeoff check` reports it


def test_an_audio_only_input_loses_its_text_input_prices(resolved: Resolved) -> None:
    listen = _offering(resolved, "acme/listen-1")
    assert listen.prices.input_per_mtok is None
    assert listen.prices.output_per_mtok == Decimal("10")
    reasons = [
        d.reason
        for d in resolved.dropped
        if d.entity == "offering:acme/listen-1" and d.field == "input_per_mtok"
    ]
    assert len(reasons) == 1 and "input modalities are audio (no text)" in reasons[0]
    assert "kept as" not in reasons[0]  # nothing states it in another unit
    # its context tiers price text input too: they go, with the reason
    assert listen.prices.tiers == () and "tiers" not in listen.price_sources
    tiers = [
        d for d in resolved.dropped if d.entity == "offering:acme/listen-1" and d.field == "tiers"
    ]
    assert len(tiers) == 1 and "input modalities are audio (no text)" in tiers[0].reason


def test_a_multimodal_chat_model_keeps_its_text_prices(resolved: Resolved) -> None:
    widget = _offering(resolved, "acme/widget-1")
    assert (widget.prices.input_per_mtok, widget.prices.output_per_mtok) == (
        Decimal("2"),
        Decimal("8"),
    )
    assert not [d for d in resolved.dropped if d.entity == "offering:acme/widget-1"]
