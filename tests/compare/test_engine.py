"""compare(): every claim checked against the tables, for every pair and group of the test
catalog; A vs B mirrors B vs A; the blend changes the basis, never the consistency."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.consistency import check_consistency, compare_ids, signature

from tradeoff.compare.headline import PER_USE_KINDS
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context

KIMI, MIXTRAL = "moonshotai/kimi-k2-instruct", "mistral/mixtral-8x22b-instruct"


def test_kimi_vs_mixtral_is_consistent(catalog: Catalog) -> None:
    check_consistency(compare_ids(catalog, [KIMI, MIXTRAL]))


@pytest.mark.parametrize("size", [2, 3, 4])
def test_every_group_of_the_test_catalog_is_consistent(catalog: Catalog, size: int) -> None:
    groups = list(combinations(sorted(catalog.models), size))
    assert len(groups) >= 28  # the test catalog has at least 8 models
    for group in groups:
        check_consistency(compare_ids(catalog, list(group)))


def test_every_pair_mirrors(catalog: Catalog) -> None:
    for a, b in combinations(sorted(catalog.models), 2):
        ab, ba = compare_ids(catalog, [a, b]), compare_ids(catalog, [b, a])
        assert signature(ab) == signature(ba), (a, b)
        assert ab.shared_providers == ba.shared_providers
        assert ab.last_reviewed == ba.last_reviewed and ab.source_ids == ba.source_ids


@pytest.mark.parametrize("blend", [(70, 30), (1, 3), (100, 0)])
def test_blend_setting_changes_basis_not_consistency(
    catalog: Catalog, blend: tuple[int, int]
) -> None:
    c = compare_ids(catalog, [KIMI, MIXTRAL], blend)
    check_consistency(c)
    assert c.blend.label in next(x for x in c.claims if x.id == "price.cheapest").basis


def test_related_pairs_never_link_back_to_the_page(catalog: Catalog) -> None:
    c = compare_ids(catalog, [KIMI, MIXTRAL])
    on_page = {m.id for m in c.models}
    for model_id, items in c.related:
        assert not on_page & {r.model_id for r in items}, model_id


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_headline_route_never_excluded_and_counts_equal_lists(
    catalog: Catalog, data: st.DataObject
) -> None:
    ids = sorted(catalog.models)
    pair = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    blend = data.draw(st.tuples(st.integers(0, 100), st.integers(0, 100)).filter(any))
    ctx = compare_context(catalog, pair, blend)
    for p in ctx["pricing"]:
        head = p["cheapest"]
        if head is not None:
            assert head["headline_excluded_reason"] is None
            assert head["provider_kind"] in PER_USE_KINDS
        else:  # no comparable paid route among the rows
            assert all(
                q["headline_excluded_reason"] or q["free"] or q["blended_per_mtok"] is None
                for q in p["providers"]
            )
        assert p["provider_count"] == len(p["providers"])
        # unpriced: no price at all (a route sold per minute of audio, or with one side
        # stated, has a sourced price)
        assert p["unpriced_count"] == sum(
            q["blended_per_mtok"] is None
            and q["input_per_mtok"] is None
            and q["output_per_mtok"] is None
            and not q["other_units"]
            and not q["free"]
            for q in p["providers"]
        )
        assert p["excluded_count"] == sum(
            bool(q["headline_excluded_reason"]) for q in p["providers"]
        )
        assert all(q["provider_kind"] in PER_USE_KINDS for q in p["providers"])
        assert all(q["headline_excluded_reason"] for q in p["not_per_use"] + p["other_routes"])
    assert ctx["shared_provider_count"] == len(ctx["shared_providers"])


def test_a_run_its_source_withdrew_drives_no_choose_bullet(catalog: Catalog) -> None:
    # Epoch's Kimi K2 runs (GPQA Diamond, MATH Level 5) are missing from its latest runs file
    ctx = compare_context(catalog, [KIMI, MIXTRAL], None)
    bench = ctx["benchmarks"]
    assert {r["benchmark"] for r in bench["shared"]}.isdisjoint({"gpqa-diamond", "math-level-5"})
    assert any("withdrawn by Epoch: run not in latest file" in e for e in bench["excluded"])
    reasons = [reason for c in ctx["choose"] for reason in c["reasons"]]
    assert not any("GPQA" in r or "MATH" in r for r in reasons)
