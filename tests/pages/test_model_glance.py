"""The model page's first screen states the comparison engine's own headline and first-party
routes, and names the providers it counts."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.model import model_context
from tradeoff.pages.model_glance import SHOWN_PROVIDERS


def test_glance_states_the_comparisons_routes(catalog: Catalog) -> None:
    kimi = catalog.resolve("kimi-k2-instruct")
    mixtral = catalog.resolve("mixtral-8x22b-instruct")
    page = compare_context(catalog, [kimi.id, mixtral.id])
    for model, pricing in zip((kimi, mixtral), page["pricing"], strict=True):
        glance = model_context(catalog, model)["glance"]
        pairs = (
            (glance["headline"], pricing["cheapest"]),
            (glance["first_party"], pricing["first_party"]),
        )
        for shown, expected in pairs:
            route = shown["route"]
            assert expected is not None and route is not None
            assert (route["provider"], route["blended_per_mtok"]) == (
                expected["provider"],
                expected["blended_per_mtok"],
            )
            assert shown["price"].startswith("$")
        assert glance["provider_count"] == pricing["provider_count"]
        names = [p["provider_name"] for p in pricing["providers"]]
        assert [p["name"] for p in glance["providers"]] == names[:SHOWN_PROVIDERS]
        assert glance["more_providers"] == max(0, len(names) - SHOWN_PROVIDERS)


def test_glance_without_a_route_says_why(catalog: Catalog) -> None:
    for model in catalog.models.values():
        glance = model_context(catalog, model)["glance"]
        for key in ("headline", "first_party"):
            r = glance["headline"] if key == "headline" else glance["first_party"]
            if r["route"] is None:
                assert r["price"] and not r["price"].startswith("$")
                assert r["input"] == r["output"] == ""
