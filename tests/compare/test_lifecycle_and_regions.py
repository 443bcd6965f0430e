"""Retired offerings and regional endpoints in pricing: a retired offering is never
availability, a headline route nor the lab's price; one company counts once."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from support.compare_helpers import model, offering, provider

from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import Blend
from tradeoff.records import Provider

BLEND = Blend(Decimal("0.7"), Decimal("0.3"))
PROVIDERS: dict[str, Provider] = {
    "lab-api": provider("lab-api", "first-party", lab="lab"),
    "lab-api-cn": provider("lab-api-cn", "first-party", lab="lab")._replace(region_of="lab-api"),
    "host": provider("host"),
    "host-cn": provider("host-cn")._replace(region_of="host"),
    "other": provider("other"),
}
STAGES = ("preview", "ga", "deprecated", "retired")


def test_the_labs_retired_api_is_not_its_price_nor_availability() -> None:
    m = model("lab/m")
    offers = [
        offering("lab/m", "lab-api", "1", "2", lifecycle="retired"),
        offering("lab/m", "host", "3", "4"),
    ]
    pricing = model_pricing(m, offers, PROVIDERS, BLEND)
    assert pricing.first_party is None
    assert pricing.provider_ids == ("host",)
    assert pricing.cheapest is not None and pricing.cheapest.provider_id == "host"
    assert [q.provider_id for q in pricing.defunct] == ["lab-api"]


def test_a_deprecated_offering_stays_available_but_is_no_headline() -> None:
    m = model("lab/m")
    offers = [offering("lab/m", "lab-api", "1", "2", lifecycle="deprecated")]
    pricing = model_pricing(m, offers, PROVIDERS, BLEND)
    assert pricing.provider_ids == ("lab-api",) and pricing.cheapest is None
    assert pricing.first_party is not None and pricing.first_party.lifecycle == "deprecated"


def test_a_regional_endpoint_counts_its_company_once() -> None:
    m = model("lab/m")
    offers = [
        offering("lab/m", "lab-api", "1", "2"),
        offering("lab/m", "lab-api-cn", "1", "2"),
        offering("lab/m", "host-cn", "0.5", "1"),
    ]
    pricing = model_pricing(m, offers, PROVIDERS, BLEND)
    assert pricing.provider_count == 2 == len(pricing.providers)
    by_id = {q.provider_id: q for q in pricing.providers}
    assert by_id["lab-api"].offering_count == 2  # the company's row holds its China route
    assert "host-cn" in by_id  # a company served only by its regional endpoint still counts


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(PROVIDERS)),
            st.sampled_from(STAGES),
            st.decimals("0.01", "20", places=2),
        ),
        max_size=8,
    )
)
def test_counts_equal_lists_one_row_per_company_and_nothing_retired_counts(
    rows: list[tuple[str, str, Decimal]],
) -> None:
    m = model("lab/m")
    offers = [
        offering("lab/m", pid, str(price), str(price * 2), pmid=f"m-{n}", lifecycle=stage)
        for n, (pid, stage, price) in enumerate(rows)
    ]
    pricing = model_pricing(m, offers, PROVIDERS, BLEND)
    companies = [PROVIDERS[q.provider_id].company_id for q in pricing.providers]
    assert len(companies) == len(set(companies)) == pricing.provider_count
    live = {PROVIDERS[p].company_id for p, stage, _ in rows if stage != "retired"}
    assert set(companies) == live
    for q in (pricing.cheapest, pricing.first_party, *pricing.providers):
        assert q is None or q.lifecycle != "retired"
    if pricing.cheapest is not None:
        assert pricing.cheapest.lifecycle == "ga"


def test_a_retired_route_is_listed_apart_with_its_date() -> None:
    from tradeoff.compare.availability_claims import _gone_phrase

    m = model("lab/m")
    gone = replace(
        offering("lab/m", "lab-api", "1", "2", lifecycle="retired"), retired_on="2025-06-06"
    )
    pricing = model_pricing(m, [gone, offering("lab/m", "host", "3", "4")], PROVIDERS, BLEND)
    assert _gone_phrase(pricing, "Lab-Api") == "Lab-Api (offering lab/m retired on 2025-06-06)"
