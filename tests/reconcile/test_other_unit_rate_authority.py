"""Which source decides that a dataset's text price is another unit's rate: the one giving the
rate apart from its text price, only when it is at least as authoritative (hand-written, then
first-party data, then any dataset) and at least as recent as the number's source. Otherwise
both numbers stay and the disagreement is a conflict, never a silent drop.

Before: models.dev's number was dropped whenever the model's modalities allowed the unit and
models.dev stated no rate of its own, whichever source was newer or first-party."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradeoff.catalog.schema import ImportedOffering, ImportedPrices, ImportedUnitPrice
from tradeoff.reconcile.other_unit_rates import without_other_unit_rates
from tradeoff.reconcile.resolved import Resolved, rank
from tradeoff.reconcile.statements import Statement
from tradeoff.reconcile.unit_evidence import ModelEvidence

IMAGE_OUT = {"input": frozenset({"text"}), "output": frozenset({"text", "image"})}
ENTITY = "offering:host/paint-2"


def _statement(
    source: str,
    checked: str,
    output: str,
    image_rate: str | None = None,
    *,
    provider: str = "host",
    first_party: bool = False,
) -> Statement:
    units = (
        []
        if image_rate is None
        else [ImportedUnitPrice(component="output", unit="per_mtok_image", usd=Decimal(image_rate))]
    )
    offering = ImportedOffering(
        provider=provider,
        provider_model_id="paint-2",
        prices=ImportedPrices(
            input_per_mtok=Decimal(5), output_per_mtok=Decimal(output), unit_prices=units
        ),
    )
    return Statement(
        offering=offering,
        origin=source,
        source_id=source,
        checked=checked,
        rank=rank(source, checked, first_party),
    )


def _run(
    number: Statement, rate: Statement, copied: bool = False
) -> tuple[list[Statement], Resolved]:
    out = Resolved()
    if copied:  # the rate is stated for the lab's own offering of the model
        evidence = ModelEvidence(IMAGE_OUT, "acme", (rate,))
        kept = without_other_unit_rates(ENTITY, [number], out, evidence)
    else:
        kept = without_other_unit_rates(ENTITY, [number, rate], out, ModelEvidence(IMAGE_OUT))
    return kept, out


@pytest.mark.parametrize(
    ("number", "rate", "decided"),
    [
        # the rate's source is newer: it decides (models.dev's Azure gpt-image-1.5 "32")
        (("models-dev", "2026-07-02"), ("litellm", "2026-11-29"), True),
        # the same day: it alone told the two apart
        (("models-dev", "2026-07-02"), ("litellm", "2026-07-02"), True),
        # the number is newer: it may be a new text price, both stay (a conflict)
        (("models-dev", "2026-11-29"), ("litellm", "2026-07-02"), False),
        (("litellm", "2026-11-29"), ("models-dev", "2026-07-02"), False),
    ],
)
def test_among_datasets_the_more_recent_decides(
    number: tuple[str, str], rate: tuple[str, str], decided: bool
) -> None:
    kept, out = _run(_statement(*number, "32"), _statement(*rate, "10", "32"))
    dropped = kept[0].offering.prices.output_per_mtok is None
    assert dropped == decided
    assert [d.value for d in out.dropped] == (["32"] if decided else [])


def test_a_first_party_text_price_is_not_overruled_by_a_newer_dataset() -> None:
    first_party = _statement("openrouter", "2026-07-02", "32", first_party=True)
    kept, out = _run(first_party, _statement("litellm", "2026-11-29", "10", "32"))
    assert kept[0].offering.prices.output_per_mtok == Decimal(32) and not out.dropped


def test_first_party_data_decides_when_as_recent() -> None:
    first_party = _statement("openrouter", "2026-11-29", "10", "32", first_party=True)
    kept, out = _run(_statement("litellm", "2026-07-02", "32"), first_party)
    assert kept[0].offering.prices.output_per_mtok is None
    (dropped,) = out.dropped
    assert dropped.source_id == "litellm" and "that openrouter states" in dropped.reason


def test_first_party_data_older_than_the_number_decides_nothing() -> None:
    first_party = _statement("openrouter", "2026-07-02", "10", "32", first_party=True)
    kept, out = _run(_statement("litellm", "2026-11-29", "32"), first_party)
    assert kept[0].offering.prices.output_per_mtok == Decimal(32) and not out.dropped


def test_a_copy_of_the_labs_rate_kept_when_undecided_is_a_recorded_conflict() -> None:
    # a reseller's newer text price equal to the lab's older image rate: the merge never sees
    # the lab's offering beside the reseller's, so the conflict is recorded here
    lab = _statement("genai-prices", "2026-07-02", "2.5", "30", provider="acme")
    resold = _statement("models-dev", "2026-11-29", "30", provider="resell")
    kept, out = _run(resold, lab, copied=True)
    assert kept[0].offering.prices.output_per_mtok == Decimal(30) and not out.dropped
    (conflict,) = out.conflicts
    assert (conflict.entity, conflict.field, conflict.chosen) == (ENTITY, "output_per_mtok", "30")
    assert conflict.values == (
        ("30", "models-dev", "2026-11-29"),
        ("2.5 (text), 30 per 1M image tokens", "genai-prices", "2026-07-02"),
    )
    assert "acme's own offering of this model" in conflict.rule


def test_a_copy_of_the_labs_newer_rate_is_that_rate() -> None:
    lab = _statement("genai-prices", "2026-07-22", "2.5", "30", provider="acme")
    resold = _statement("models-dev", "2026-07-02", "30", provider="resell")
    kept, out = _run(resold, lab, copied=True)
    prices = kept[0].offering.prices
    assert prices.output_per_mtok is None and not out.conflicts
    assert [(u.unit, u.usd) for u in prices.unit_prices] == [("per_mtok_image", Decimal(30))]
