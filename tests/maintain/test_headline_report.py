"""The headline-route report agrees with the pages' pricing and gives every exclusion a reason."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.maintain.headline_report import headline_report, report_markdown
from tradeoff.money import format_usd

runner = CliRunner()


def test_most_offered_models_first_with_the_pages_headline(catalog: Catalog) -> None:
    report = headline_report(catalog, 5)
    assert len(report) == 5
    counts = [row.offering_count for row in report]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(len(catalog.offerings_for(m)) for m in catalog.models)
    for row in report:
        model = catalog.models[row.model_id]
        pricing = model_pricing(
            model, catalog.offerings_for(row.model_id), catalog.providers, DEFAULT_BLEND
        )
        assert row.provider_count == pricing.provider_count
        if pricing.cheapest is None:
            assert row.headline is None
        else:
            assert row.headline is not None
            assert row.headline.provider_model_id == pricing.cheapest.provider_model_id
            assert row.headline.input_per_mtok == format_usd(
                pricing.cheapest.input_per_mtok, free=pricing.cheapest.free
            )
        assert all(route.reason for route in row.excluded)
        listed = len(pricing.providers) + len(pricing.other_routes)
        listed += len(pricing.not_per_use) + len(pricing.defunct)
        headline = pricing.cheapest is not None
        priced_rows = [
            q
            for q in pricing.providers
            if q.excluded_reason is None and q.priced and q is not pricing.cheapest
        ]
        # every route is the headline, a comparable priced row, or excluded with its reason
        assert listed == len(row.excluded) + headline + len(priced_rows)


def test_markdown_names_every_model_and_exclusion(catalog: Catalog) -> None:
    report = headline_report(catalog, 3)
    text = report_markdown(report)
    for row in report:
        assert f"({row.model_id})" in text.replace("\\", "")
        assert f"excluded from the headline ({len(row.excluded)})" in text or not row.excluded


def test_cli_json_and_bounds() -> None:
    result = runner.invoke(app, ["headlines", "--top", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["count"] == len(data["models"]) == 2
    assert runner.invoke(app, ["headlines", "--top", "0"]).exit_code == 2


def test_an_unpriced_route_says_so_once(catalog: Catalog) -> None:
    text = report_markdown(headline_report(catalog, 40))
    assert ": unpriced: unpriced" not in text
    assert ": unpriced\n" in text or "unpriced" not in text
