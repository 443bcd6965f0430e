"""What compare() remembers of one model is that model's alone, and only while its records are
the very objects it was made from: another blend, another catalog or other records of the
same model id are worded afresh, and a page reads the same with or without the memo."""

from __future__ import annotations

from itertools import combinations

from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare import model_side
from tradeoff.compare.capabilities import model_capability_cells
from tradeoff.compare.engine import compare
from tradeoff.compare.model_side import model_side as side_of
from tradeoff.compare.model_side import remembered_side
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.specs import model_spec_cells
from tradeoff.compare.workload import DEFAULT_BLEND, blend_of
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison.kept import kept_parts, kept_view
from tradeoff.pages.view import benchmark_section


def test_a_model_is_remembered_only_with_the_same_records() -> None:
    m = model("lab/a", caps={"vision": True})
    offers = [offering("lab/a", "host", "1", "2")]
    cells, caps = model_spec_cells(m), model_capability_cells(m)
    pricing = model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)
    first = remembered_side(m, cells, caps, pricing)
    assert remembered_side(m, cells, caps, pricing) is first
    assert first == side_of(m, cells, caps, pricing)
    # the same model id, priced again (another page's records, equal but not the same)
    again = model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)
    assert remembered_side(m, cells, caps, again) is not first
    # another model under the same id: its own name in its own statements
    renamed = m._replace(name="Renamed")
    side = remembered_side(renamed, cells, caps, again)
    assert side.availability[0].text.startswith("Renamed (1 provider)")


def test_pages_read_the_same_with_and_without_what_is_remembered(catalog: Catalog) -> None:
    blends = (DEFAULT_BLEND, blend_of(1, 3), blend_of(100, 0))
    for group in combinations(sorted(catalog.models), 2):
        models = list(catalog.models_of(group).values())
        parts = kept_parts(catalog, models)
        assert parts is not None
        view = kept_view(catalog, models, parts)
        section = benchmark_section(catalog, models)
        fresh = {}
        for blend in blends:
            model_side._REMEMBERED.clear()
            fresh[blend] = compare(models, view, blend, section)
        # one page after another, each finding what the page before it remembered
        for blend in (*blends, *blends):
            assert compare(models, view, blend, section) == fresh[blend], (group, blend)
