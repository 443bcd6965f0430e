"""Both compared models' benchmark results in one read: the same lists as one read each."""

from __future__ import annotations

from tradeoff.db import benchmark_queries
from tradeoff.db.queries import Catalog


def test_results_of_is_results_for_each(catalog: Catalog) -> None:
    with_results = sorted(
        {r.model_id for rs in benchmark_queries.results_by_model(catalog).values() for r in rs}
    )
    assert len(with_results) >= 2  # the fixture has results to compare
    ids = [with_results[-1], with_results[0], "no-such/model"]
    got = benchmark_queries.results_of(catalog, ids)
    assert list(got) == ids
    for model_id in ids:
        assert got[model_id] == benchmark_queries.results_for(catalog, model_id)
    assert got["no-such/model"] == []
