"""The model page's context: the model's record plus everything else the page shows."""

from __future__ import annotations

from decimal import Decimal

from tradeoff import urls
from tradeoff.compare.headline import PER_USE_KINDS
from tradeoff.db.queries import Catalog
from tradeoff.pages.model import model_context, model_last_reviewed, model_record
from tradeoff.pages.offerings import OfferingEntry
from tradeoff.pages.related import related_pairs
from tradeoff.pages.sitemap import sitemap_entries
from tradeoff.render.markdown_pages import model_md


def test_the_page_context_is_the_record_plus_what_the_page_adds(catalog: Catalog) -> None:
    for model in list(catalog.models.values())[::25]:
        record = model_record(catalog, model)
        page = model_context(catalog, model)
        assert {k: v for k, v in page.items() if k in record} == record
        assert set(page) - set(record) == {
            "title",
            "last_reviewed",
            "data_as_of",
            "reviewed_line",
            "active_providers",
            "glance",
            "price_chart",
            "price_history",
            "related",
        }
        assert page["title"] == model.name
        assert page["related"] == related_pairs(catalog, model)


def test_last_reviewed_is_the_oldest_date_shown_and_the_sitemaps(catalog: Catalog) -> None:
    lastmod = dict(sitemap_entries(catalog))
    for model in list(catalog.models.values())[::25]:
        page = model_context(catalog, model)
        shown = [f for f in page["facts"] + page["capabilities"] if f["known"]]
        dated = [(f["checked"], f["date_kind"]) for f in shown]
        dated += [(o["checked"], o["date_kind"]) for o in page["offerings"]]
        # only review dates count; a dataset snapshot's date is "as of", never "reviewed"
        oldest = min((d for d, kind in dated if d and kind == "checked"), default=None)
        snapshot = min((d for d, kind in dated if d and kind == "as_of"), default=None)
        assert page["last_reviewed"] == oldest == model_last_reviewed(catalog, model)
        assert page["data_as_of"] == snapshot
        assert lastmod[urls.model(model.slug)] == oldest


def test_price_chart_bars_are_active_paid_priced_offerings_cheapest_first(
    catalog: Catalog,
) -> None:
    charted = 0
    for model in catalog.models.values():
        page = model_context(catalog, model)
        chart = page["price_chart"]
        eligible = [
            o
            for o in page["offerings"]
            if o["live"]  # a retired offering is no price one can buy (nor a defunct host's)
            and o["sells_per_use"]
            and not o["prices"]["free"]
            and o["prices"]["input_per_mtok"] is not None
            and o["prices"]["output_per_mtok"] is not None
        ]
        if chart is None:
            assert not eligible
            continue
        charted += 1
        assert chart["url"] == urls.chart("price-by-provider", {"model": model.slug})
        assert len(chart["bars"]) == len(eligible)
        prices = [
            (Decimal(b["input_per_mtok"]), Decimal(b["output_per_mtok"])) for b in chart["bars"]
        ]
        assert prices == sorted(prices)
        # local runtimes and plans are not availability; retired offerings are not either
        assert page["active_providers"] == sorted(
            {
                catalog.providers[o["provider"]].company_id
                for o in page["offerings"]
                if o["live"] and o["sells_per_use"]
            }
        )
        assert all(
            o["provider_kind"] in PER_USE_KINDS for o in page["offerings"] if o["sells_per_use"]
        )
    assert charted


def test_a_withdrawn_result_on_the_model_page_says_it_is_not_compared(catalog: Catalog) -> None:
    page = model_context(catalog, catalog.resolve("kimi-k2-instruct"))
    reasons = [b["not_compared"] for b in page["benchmarks"] if b["not_compared"]]
    assert reasons
    assert all(r.startswith("withdrawn by Epoch: run not in latest file") for r in reasons)
    assert all(b["settings_class"] for b in page["benchmarks"])


def test_a_retired_offering_is_not_charted_and_says_its_date(catalog: Catalog) -> None:
    # DeepSeek-R1 at Together AI: models.dev's status "deprecated" (no longer served).
    model = catalog.resolve("deepseek/deepseek-r1")
    page = model_context(catalog, model)
    retired = [o for o in page["offerings"] if o["lifecycle"] == "retired"]
    assert retired and all(not o["live"] for o in retired)
    assert all(o["lifecycle_text"].startswith("retired") for o in retired)
    charted = {b["label"] for b in (page["price_chart"] or {"bars": []})["bars"]}
    assert not charted & {o["provider_name"] for o in retired} - {
        o["provider_name"] for o in page["offerings"] if o["live"]
    }
    assert not {o["provider"] for o in retired} & set(page["active_providers"]) - {
        o["provider"] for o in page["offerings"] if o["live"] and o["sells_per_use"]
    }


def test_the_markdown_twin_carries_the_conflicts_the_html_page_shows(catalog: Catalog) -> None:
    from tradeoff.render.markdown_pages import model_md

    with_conflicts = [m for m in catalog.models.values() if catalog.conflicts(m.id)]
    assert with_conflicts, "the test catalog records conflicts"
    for model in with_conflicts:
        page = model_context(catalog, model)
        md = model_md(page)
        assert f"## Where sources disagree ({len(page['conflicts'])})" in md, model.id
        for c in page["conflicts"]:
            assert f"| {c['field']} |" in md and f"{c['chosen']} ({c['chosen_source_id']})" in md
            for value, source, _ in c["values"]:
                assert f"{value} ({source}" in md


def test_the_markdown_twin_carries_the_benchmarks_the_html_page_shows(catalog: Catalog) -> None:
    from tradeoff.compare.wording import score_text
    from tradeoff.render.markdown_pages import model_md

    page = model_context(catalog, catalog.resolve("kimi-k2-instruct"))
    assert page["benchmarks"], "the test catalog has results of Kimi K2 Instruct"
    md = model_md(page)
    assert f"## Benchmarks ({len(page['benchmarks'])} results)" in md
    section = md.split("## Benchmarks", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(page["benchmarks"]) + 1  # the header, then one row per result
    for b, row in zip(page["benchmarks"], rows[1:], strict=True):
        assert row.startswith(f"| {b['benchmark_name']}")
        assert f"| {score_text(b['score'], b['unit'])} |" in row
        assert b["reported"] in row and b["source"]["name"] in row
        if b["not_compared"]:  # the same comparability note as the HTML page
            assert f"(not compared: {b['not_compared']})" in row
    # a model without results says so, as the HTML page does
    bare = next(m for m in catalog.models.values() if not model_context(catalog, m)["benchmarks"])
    assert "No benchmark result is sourced for this model yet." in model_md(
        model_context(catalog, bare)
    )


def _route_group(o: OfferingEntry, head: tuple[str, str] | None) -> int:
    if not o["live"]:
        return 4  # defunct provider or retired offering
    if not o["sells_per_use"]:
        return 3  # local runtime or plan
    if (o["provider"], o["provider_model_id"]) == head:
        return 0
    return 1 if o["headline_excluded_reason"] is None else 2


def test_offerings_list_the_headline_route_first_then_comparable_then_the_rest(
    catalog: Catalog,
) -> None:
    # The model page listed offerings by provider id: Kimi K2 Instruct's first row was a
    # route that is not comparable, cheaper than the headline its own price box states.
    for model in catalog.models.values():
        page = model_context(catalog, model)
        route = page["glance"]["headline"]["route"]
        head = None if route is None else (route["provider"], route["provider_model_id"])
        groups = [_route_group(o, head) for o in page["offerings"]]
        assert groups == sorted(groups), model.id
        assert (0 in groups) == (head is not None), model.id
    kimi = model_context(catalog, catalog.resolve("kimi-k2-instruct"))
    first = kimi["offerings"][0]
    assert first["headline_excluded_reason"] is None
    assert any(o["headline_excluded_reason"] for o in kimi["offerings"])
    # the page marks it as the comparison does
    assert "| headline route |" in model_md(kimi)
