"""Where a dataset's text price is another unit's rate, and where it only looks like one.

A reseller's text price that equals the image rate the lab's own offering of the same model
states beside a different text price is that rate under a text name (302.AI's
gemini-2.5-flash-image output $30: Google's price per 1M image tokens, text $2.50): it is kept
as the image rate it is, not as a text price. A text price equal to another source's audio
rate is a coincidence when the model takes no audio on that side, or when its own source
states an audio rate of its own: both prices stay, and their disagreement is a conflict."""

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
GUARDS = FIXTURES / "image-rate-guards"


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(GUARDS / "models-dev", retrieved=dt.date(2026, 7, 2)),
        litellm.import_file(GUARDS / "litellm", retrieved=dt.date(2026, 11, 29)),
    ]
    return reconcile(text)


def _offering(r: Resolved, provider_id: str, provider_model_id: str) -> Offering:
    return next(
        o
        for o in r.offerings
        if o.provider_id == provider_id and o.provider_model_id == provider_model_id
    )


def _dropped(r: Resolved, entity: str, field: str) -> list[tuple[str, str, str]]:
    return [
        (d.source_id, d.value, d.reason)
        for d in r.dropped
        if d.entity == entity and d.field == field
    ]


def test_a_resellers_text_price_equal_to_the_labs_image_rate_is_that_image_rate(
    resolved: Resolved,
) -> None:
    resold = _offering(resolved, "resell", "acme/paint-2")
    assert resold.model_id == "acme/paint-2"
    assert resold.prices.output_per_mtok is None  # no text output price is stated as such
    assert resold.prices.input_per_mtok == Decimal("5")
    units = {(p.component, p.unit): p.usd for p in resold.prices.unit_prices}
    assert units == {("output", "per_mtok_image"): Decimal("32")}
    assert resold.price_sources["unit.output_per_mtok_image"] == "models-dev"
    ((source_id, value, reason),) = _dropped(
        resolved, "offering:resell/acme/paint-2", "output_per_mtok"
    )
    assert (source_id, value) == ("models-dev", "32")
    assert (
        "the output price per 1M image tokens that litellm states for acme's own offering "
        "of this model apart from its text price (10)"
    ) in reason
    assert reason.endswith("kept as output per 1M image tokens")


def test_a_resellers_text_price_equal_to_a_text_price_of_the_lab_stands(
    resolved: Resolved,
) -> None:
    # the lab states its image output rate (4) beside a text output price of the same number
    resold = _offering(resolved, "resell", "acme/chat-2")
    assert resold.model_id == "acme/chat-2"
    assert resold.prices.output_per_mtok == Decimal("4")
    assert resold.prices.unit_prices == ()
    assert not [d for d in resolved.dropped if d.entity.startswith("offering:resell/acme/chat")]


@pytest.mark.parametrize(
    ("provider_model_id", "why"),
    [
        ("acme/chat-3", "models.dev states an audio input rate of its own (3)"),
        ("acme/chat-4", "no source gives the model audio input"),
    ],
)
def test_a_text_price_equal_to_another_sources_audio_rate_by_coincidence_is_a_conflict(
    resolved: Resolved, provider_model_id: str, why: str
) -> None:
    entity = f"offering:hostco/{provider_model_id}"
    assert _dropped(resolved, entity, "input_per_mtok") == [], why
    (conflict,) = [
        c for c in resolved.conflicts if c.entity == entity and c.field == "input_per_mtok"
    ]
    assert {(value, source) for value, source, _ in conflict.values} == {
        ("1", "models-dev"),
        ("0.3", "litellm"),
    }
