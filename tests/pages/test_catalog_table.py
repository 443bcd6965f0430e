"""The catalog table's cheapest route is the comparison engine's."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import catalog_rows
from tradeoff.pages.comparison import catalog_view, cheapest_quotes


def test_catalog_cheapest_is_the_compare_engines(catalog: Catalog) -> None:
    rows = catalog_rows(catalog)
    quotes = cheapest_quotes(catalog)
    view = catalog_view(catalog)
    assert len(rows) == len(catalog.models)
    for row in rows:
        model = catalog.models[row["id"]]
        pricing = model_pricing(
            model, catalog.offerings_for(model.id), catalog.providers, DEFAULT_BLEND
        )
        q = pricing.cheapest
        assert quotes[model.id] == q
        assert view.cheapest_blended[model.id] == (None if q is None else q.blended_per_mtok)
        c = row["cheapest"]
        if q is None:
            assert c is None, row["id"]
            continue
        assert c is not None, row["id"]
        assert c["provider"] == q.provider_id
        blended, input_price = c["blended_per_mtok"], c["input_per_mtok"]
        assert blended is not None and input_price is not None, row["id"]
        assert Decimal(blended) == q.blended_per_mtok
        assert Decimal(input_price) == q.input_per_mtok
        # never a free variant shown as $0/$0
        assert c["free"] is False and Decimal(blended) > 0, row["id"]
        assert row["provider_count"] == pricing.provider_count
        companies = {catalog.providers[p].company_id for p in pricing.provider_ids}
        assert row["providers"] == sorted(companies)
