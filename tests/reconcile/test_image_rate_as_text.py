"""A dataset's per-text-token price that is the same offering's price per 1M image tokens,
as another source states it apart from that source's own text price, is the image rate under
a text name (models.dev's Azure gpt-image-1.5: "output = 32", LiteLLM: text output 10, image
output 32): it is dropped with its reason, and the text price stated as such is shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Offering
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
RATE = FIXTURES / "image-rate"


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(RATE / "models-dev", retrieved=dt.date(2026, 7, 2)),
        litellm.import_file(RATE / "litellm", retrieved=dt.date(2026, 11, 29)),
    ]
    return reconcile(text)


def _offering(r: Resolved, provider_model_id: str) -> Offering:
    return next(
        o
        for o in r.offerings
        if o.provider_id == "hostco" and o.provider_model_id == provider_model_id
    )


def test_the_image_rate_under_a_text_name_gives_way_to_the_text_price(
    resolved: Resolved,
) -> None:
    paint = _offering(resolved, "acme/paint-2")
    assert paint.prices.output_per_mtok == Decimal("10")  # LiteLLM's text output price
    assert paint.price_sources["output_per_mtok"] == "litellm"
    assert paint.prices.input_per_mtok == Decimal("5")
    units = {(p.component, p.unit): p.usd for p in paint.prices.unit_prices}
    assert units[("output", "per_mtok_image")] == Decimal("32")
    assert not [
        c
        for c in resolved.conflicts
        if c.entity == "offering:hostco/acme/paint-2" and c.field == "output_per_mtok"
    ]
    (dropped,) = [
        d
        for d in resolved.dropped
        if d.entity == "offering:hostco/acme/paint-2" and d.field == "output_per_mtok"
    ]
    assert (dropped.source_id, dropped.value) == ("models-dev", "32")
    assert "the output price per 1M image tokens that litellm states" in dropped.reason
    assert dropped.reason.endswith("kept as output per 1M image tokens")


def test_a_text_price_stated_as_such_is_kept_even_when_it_equals_the_image_price(
    resolved: Resolved,
) -> None:
    chat = _offering(resolved, "acme/chat-2")
    assert chat.prices.output_per_mtok == Decimal("4")
    assert not [d for d in resolved.dropped if d.entity == "offering:hostco/acme/chat-2"]
