"""Every claim checked against the tables over 200+ seeded random pairs of the bundled catalog,
and A vs B mirrors B vs A on pairs hypothesis draws from it."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from support.consistency import check_consistency, compare_ids, signature

from tradeoff.db.queries import Catalog

PAIRS = 220


def test_random_pairs_are_consistent(catalog: Catalog) -> None:
    ids = sorted(catalog.models)  # floating aliases never become models
    rng = random.Random(20260701)
    pairs = {tuple(rng.sample(ids, 2)) for _ in range(PAIRS)}
    assert len(pairs) >= 200
    for a, b in sorted(pairs):
        check_consistency(compare_ids(catalog, [a, b]))
    for _ in range(20):  # 3 and 4 models too
        check_consistency(compare_ids(catalog, rng.sample(ids, rng.choice((3, 4)))))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_vs_b_mirrors_b_vs_a(catalog: Catalog, data: st.DataObject) -> None:
    ids = sorted(catalog.models)  # floating aliases never become models
    a, b = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    ab, ba = compare_ids(catalog, [a, b]), compare_ids(catalog, [b, a])
    assert signature(ab) == signature(ba)
    assert ab.shared_providers == ba.shared_providers
    assert ab.last_reviewed == ba.last_reviewed and ab.source_ids == ba.source_ids


def test_every_kind_against_another_is_never_compared_on_price(catalog: Catalog) -> None:
    """Each model that is not text generation, against a random model of another kind: the
    page says so first and no claim sets the two prices against each other."""
    rng = random.Random(20261202)
    by_kind: dict[str | None, list[str]] = {}
    for m in sorted(catalog.models.values(), key=lambda m: m.id):
        by_kind.setdefault(m.kind.value, []).append(m.id)
    assert len(by_kind) >= 5  # the bundled catalog holds several kinds
    others = [m for kind, ids in by_kind.items() if kind != "text-generation" for m in ids]
    for model_id in others:
        kind = catalog.models[model_id].kind.value
        pool = [m for k, ids in by_kind.items() if k != kind for m in ids]
        c = compare_ids(catalog, [model_id, rng.choice(pool)])
        check_consistency(c)
        assert c.claims[0].id == "kind.differ", model_id
        assert not [x for x in c.claims if x.id.startswith("price.cheapest")], model_id
