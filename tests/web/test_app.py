"""HTTP tests of every route and its twins: status, media type, redirects, errors, caching."""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
from starlette.applications import Starlette
from support.web_support import KIMI, MIXTRAL, PAIR, assert_security_headers, client_for

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import catalog_view
from tradeoff.web.caching import CACHE_CONTROL

if TYPE_CHECKING:
    from starlette.testclient import TestClient

    from tradeoff.pages.score_chart import ScoreChartContext

FIXTURES = Path(__file__).parents[1] / "fixtures"
JSON = "application/json"
MD = "text/markdown"
HTML = "text/html"


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    with client_for(catalog) as opened:  # one event loop for the module's requests
        yield opened


PAGES: list[tuple[str, str]] = [
    ("/", HTML),
    ("/index.json", JSON),
    ("/index.md", MD),
    ("/?capability=tool_call&sort=input_price&order=desc", HTML),
    ("/index.json?open_weights=yes&min_context=128000&max_input_price=1", JSON),
    (f"/models/{KIMI}", HTML),
    (f"/models/{KIMI}.json", JSON),
    (f"/models/{KIMI}.md", MD),
    ("/providers/moonshotai", HTML),
    ("/providers/moonshotai.json", JSON),
    ("/providers/moonshotai.md", MD),
    ("/labs/mistral", HTML),
    ("/labs/mistral.json", JSON),
    ("/labs/mistral.md", MD),
    (PAIR, HTML),
    (PAIR + ".json", JSON),
    (PAIR + ".md", MD),
    (PAIR + "?blend=50:50", HTML),
    ("/compare", HTML),
    (f"/compare?models={KIMI},{MIXTRAL},deepseek--deepseek-r1", HTML),
    (f"/compare.json?models={KIMI},{MIXTRAL},deepseek--deepseek-r1", JSON),
    (f"/compare.md?models={KIMI},{MIXTRAL},deepseek--deepseek-r1", MD),
    ("/calculator", HTML),
    ("/calculator.json", JSON),
    (f"/calculator?models={KIMI},{MIXTRAL}&input_tokens=1000000&output_tokens=5000", HTML),
    (f"/calculator.json?models={KIMI}&input_tokens=1000&output_tokens=10&cached_tokens=500", JSON),
    (f"/calculator.md?models={KIMI}", MD),
    ("/downloads", HTML),
    ("/downloads.json", JSON),
    ("/downloads/catalog.json", JSON),
    ("/downloads/models.csv", "text/csv"),
    ("/downloads/offerings.csv", "text/csv"),
    ("/downloads/catalog.sqlite", "application/vnd.sqlite3"),
    ("/downloads/LICENCES.md", MD),
    ("/sitemap.xml", "application/xml"),
    ("/robots.txt", "text/plain"),
    ("/llms.txt", MD),
    ("/static/site.css", "text/css"),
    (f"/charts/price-by-provider.svg?model={KIMI}", "image/svg+xml"),
    ("/api/v1/openapi.json", JSON),
    ("/charts/price-vs-score", HTML),
    ("/charts/price-vs-score.json", JSON),
    ("/charts/price-vs-score.md", MD),
    ("/charts/price-vs-score.svg?benchmark=gpqa-diamond", "image/svg+xml"),
]


@pytest.mark.parametrize(("url", "media"), PAGES)
def test_every_page_and_twin_answers(client: TestClient, url: str, media: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    assert response.headers["content-type"].startswith(media)
    assert_security_headers(response.headers, url)
    assert re.fullmatch(r'"[0-9a-f]{32}(-gz|-br)?"', response.headers["etag"]), url  # strong
    if media == JSON:
        json.loads(response.text)  # parses
    if media == HTML:
        assert "Data sources and licences" in response.text  # attribution on every page
        assert "<script>" not in response.text  # no inline script anywhere


def test_json_twin_is_the_page_context(client: TestClient, catalog: Catalog) -> None:
    from tradeoff.pages.jsonable import jsonable
    from tradeoff.pages.model import model_context

    ctx = client.get(f"/models/{KIMI}.json").json()
    assert ctx == jsonable(model_context(catalog, catalog.models["moonshotai/kimi-k2-instruct"]))
    page = client.get(f"/models/{KIMI}").text
    for offering in ctx["offerings"]:
        assert offering["provider_model_id"] in page


def test_money_is_decimal_strings(client: TestClient) -> None:
    ctx = client.get(PAIR + ".json").json()
    for p in ctx["pricing"]:
        cheapest = p["cheapest"]
        assert cheapest is None or isinstance(cheapest["input_per_mtok"], str)
    assert ctx["blend"]["input_share"] == "0.7"


def test_compare_page_is_the_product_page(client: TestClient) -> None:
    page = client.get(PAIR).text
    for heading in (
        "Verdict",
        "Specs",
        "Pricing and availability",
        "Capabilities",
        "Benchmarks",
        "FAQ",
        "Continue comparing",
        "Sources",
    ):
        assert f">{heading}<" in page
    assert "Kimi K2 Instruct" in page and "Mixtral 8x22B" in page
    assert '"@type": "FAQPage"' in page


def test_blend_changes_the_blended_price(client: TestClient) -> None:
    default = client.get(PAIR + ".json").json()
    even = client.get(PAIR + ".json?blend=50:50").json()
    assert even["blend"]["input_share"] == "0.5"
    kimi = next(p for p in even["pricing"] if p["model"] == "moonshotai/kimi-k2-instruct")
    kimi_default = next(p for p in default["pricing"] if p["model"] == kimi["model"])
    assert kimi["cheapest"]["blended_per_mtok"] != kimi_default["cheapest"]["blended_per_mtok"]


REDIRECTS = [
    (f"/compare/{KIMI}-vs-{MIXTRAL}", PAIR),
    (f"/compare/{KIMI}-vs-{MIXTRAL}.json", PAIR + ".json"),
    (f"/compare/{KIMI}-vs-{MIXTRAL}?blend=60:40", PAIR + "?blend=60:40"),
    (f"/compare?models={KIMI},{MIXTRAL}", PAIR),
    (f"/compare?models={KIMI}&models={MIXTRAL}", PAIR),
    (f"/compare.md?models={MIXTRAL},{KIMI}", PAIR + ".md"),
    (PAIR + "?blend=60/40", PAIR + "?blend=60:40"),
    ("/models/moonshotai/kimi-k2-instruct", f"/models/{KIMI}"),
    ("/models/moonshotai/kimi-k2-instruct.json", f"/models/{KIMI}.json"),
]


@pytest.mark.parametrize(("url", "target"), REDIRECTS)
def test_other_spellings_redirect_to_the_canonical_url(
    client: TestClient, url: str, target: str
) -> None:
    response = client.get(url)
    assert response.status_code in (301, 308), response.text[:200]
    assert response.headers["location"] == target
    assert_security_headers(response.headers, url)


BAD: list[tuple[str, str]] = [
    ("/?sort=price", "sort"),
    ("/?order=sideways", "order"),
    ("/?capability=telepathy", "capability"),
    ("/?min_context=lots", "min_context"),
    ("/index.json?max_input_price=-1", "max_input_price"),
    ("/?max_output_price=abc", "max_output_price"),
    ("/?open_weights=maybe", "open_weights"),
    ("/?lab=nobody", "lab"),
    ("/?colour=red", "colour"),
    (PAIR + "?blend=seventy", "blend"),
    (PAIR + "?blend=0:0", "blend"),
    (f"/compare?models={KIMI},{KIMI}", "models"),
    (f"/compare?models={KIMI},{MIXTRAL},a,b,c", "models"),
    ("/compare.json?models=" + KIMI, "models"),
    (f"/calculator?models={KIMI}&input_tokens=-5", "input_tokens"),
    (f"/calculator?models={KIMI}&output_tokens=1e9", "output_tokens"),
    (f"/calculator?models={KIMI}&input_tokens=10&cached_tokens=20", "cached_tokens"),
    ("/api/v1/cost?models=" + KIMI, "input_tokens"),
    ("/api/v1/compare?models=" + KIMI, "models"),
    ("/api/v1/conflicts?modle=x", "modle"),
    ("/charts/price-by-provider.svg", "model"),
    ("/charts/price-vs-score?benchmark=nonesuch", "benchmark"),
    (f"/calculator?models={KIMI}&requests=many", "requests"),
]


FORM_PAGES = ("/", "/compare", "/calculator")  # HTML pages whose form shows its errors inline


@pytest.mark.parametrize(("url", "parameter"), BAD)
def test_bad_parameters_are_400_problems(client: TestClient, url: str, parameter: str) -> None:
    """A form page answers its form again with the message inline (web/forms.py); its twin,
    the API and every other page answer a problem naming the parameter."""
    path, _, query = url.partition("?")
    if path in FORM_PAGES:
        page = client.get(url)
        assert page.status_code == 400, page.text[:300]
        assert page.headers["content-type"].startswith(HTML)
        assert 'class="form-errors" role="alert"' in page.text
        assert "Traceback" not in page.text
        assert_security_headers(page.headers, url)
        url = f"{urls.twin(path, 'json')}?{query}"
    response = client.get(url)
    assert response.status_code == 400, response.text[:300]
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 400 and body["parameter"] == parameter and body["detail"]
    assert "Traceback" not in response.text
    assert_security_headers(response.headers, url)


def test_unknown_model_page_suggests_near_names(client: TestClient) -> None:
    response = client.get("/models/moonshotai--kimi-k2-instruc")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(HTML)
    assert "Did you mean" in response.text
    assert f'href="/models/{KIMI}"' in response.text
    api = client.get("/api/v1/models/kimi-k2-instruc")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")
    assert any(s["id"] == "moonshotai/kimi-k2-instruct" for s in api.json()["suggestions"])


@pytest.mark.parametrize(
    "url",
    [
        "/no/such/page",
        "/providers/nobody",
        "/labs/nobody.json",
        f"/compare/{KIMI}-vs-nobody",
        "/downloads/secrets.txt",
        "/static/../app.py",
        "/api/v1/nothing",
    ],
)
def test_not_found(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Traceback" not in response.text
    assert_security_headers(response.headers, url)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("url", ["/", f"/models/{KIMI}", "/api/v1/models", "/nowhere"])
def test_read_only(client: TestClient, method: str, url: str) -> None:
    response = client.request(method, url)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.json()["status"] == 405
    assert_security_headers(response.headers, url)


def test_head_is_answered(client: TestClient) -> None:
    response = client.head(f"/models/{KIMI}")
    assert response.status_code == 200 and response.content == b""


def test_etag_gives_304_and_changes_with_the_url(client: TestClient) -> None:
    first = client.get(f"/models/{KIMI}")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == CACHE_CONTROL
    again = client.get(f"/models/{KIMI}", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(f"/models/{KIMI}.json").headers["etag"] != etag


def test_etag_derives_from_the_bytes_sent(client: TestClient) -> None:
    plain = client.get("/", headers={"accept-encoding": "identity"})
    assert plain.headers["etag"] == f'"{hashlib.sha256(plain.content).hexdigest()[:32]}"'


def test_crash_is_a_500_problem_without_traceback(catalog: Catalog) -> None:
    crashing = client_for(catalog, raise_server_exceptions=False)

    def boom(*_: Any) -> Any:
        raise RuntimeError("secret internal detail")

    assert isinstance(crashing.app, Starlette)
    crashing.app.state.site.render_html = boom
    crashing.app.state.site._bodies.clear()
    response = crashing.get("/labs/mistral")
    assert response.status_code == 500
    assert "secret internal detail" not in response.text and "Traceback" not in response.text
    assert_security_headers(response.headers, "/labs/mistral")


def test_catalog_filters_and_sort(client: TestClient) -> None:
    everything = client.get("/index.json").json()
    assert everything["count"] == everything["total"] == len(everything["models"])
    reasoning = client.get("/index.json?capability=reasoning").json()
    assert 0 < reasoning["count"] < everything["count"]
    assert all(m["capabilities"]["reasoning"] is True for m in reasoning["models"])
    cheap = client.get("/index.json?sort=input_price&max_input_price=0.5").json()
    prices = [float(m["cheapest"]["input_per_mtok"]) for m in cheap["models"]]
    assert prices == sorted(prices) and all(p <= 0.5 for p in prices)
    found = client.get("/index.json?q=kimi+k2+instruct").json()
    assert "moonshotai/kimi-k2-instruct" in {m["id"] for m in found["models"]}
    page = client.get("/?q=mixtral").text
    assert "Mixtral 8x22B" in page and "Kimi K2 Instruct" not in page


def test_provider_counts_equal_lists(client: TestClient) -> None:
    ctx = client.get("/providers/moonshotai.json").json()
    assert ctx["offering_count"] == len(ctx["offerings"])
    linked = {o["model"]["id"] for o in ctx["offerings"] if o["model"]}
    assert ctx["model_count"] == len(linked)


def test_sitemap_lists_models_with_last_reviewed(client: TestClient, catalog: Catalog) -> None:
    text = client.get("/sitemap.xml").text
    assert f"/models/{KIMI}</loc><lastmod>" in text
    assert text.count("<url>") >= len(catalog.models)
    pairs = re.findall(r"/compare/([^<?]+)-vs-([^<?]+)</loc>", text)
    assert pairs, "related comparisons are listed"
    assert all(a < b for a, b in pairs)  # canonical order only, never a redirecting URL


def _last_reviewed_shown(page: str) -> str | None:
    found = re.search(r'Last reviewed: <time datetime="([^"]+)">', page)
    return found.group(1) if found else None


def test_sitemap_lastmod_is_the_pages_last_reviewed(client: TestClient, catalog: Catalog) -> None:
    text = client.get("/sitemap.xml").text
    lastmod = dict(
        re.findall(r"<loc>http://testserver([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?", text)
    )
    for slug in sorted(m.slug for m in catalog.models.values()):
        path = f"/models/{slug}"
        ctx = client.get(path + ".json").json()
        shown = [f for f in ctx["facts"] + ctx["capabilities"] if f["known"]]
        dated = [(f["checked"], f["date_kind"]) for f in shown]
        dated += [(o["checked"], o["date_kind"]) for o in ctx["offerings"]]
        oldest = min((d for d, kind in dated if d and kind == "checked"), default=None)
        assert _last_reviewed_shown(client.get(path).text) == oldest, path
        assert (lastmod[path] or None) == oldest, path
    for provider_id in sorted(catalog.providers):
        path = f"/providers/{provider_id}"
        ctx = client.get(path + ".json").json()
        oldest = min(
            (o["checked"] for o in ctx["offerings"] if o["date_kind"] == "checked"), default=None
        )
        assert ctx["last_reviewed"] == oldest
        assert _last_reviewed_shown(client.get(path).text) == oldest, path
        assert (lastmod[path] or None) == oldest, path


def test_sitemap_lastmod_of_a_comparison_is_the_date_the_page_shows(
    client: TestClient,
) -> None:
    """A comparison's lastmod is its "Last reviewed" (the oldest checked date among the facts
    it shows, both models'), as a model page's is: precomputed at build, never guessed."""
    text = client.get("/sitemap.xml").text
    lastmod = dict(
        re.findall(
            r"<loc>http://testserver(/compare/[^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?", text
        )
    )
    assert lastmod
    for path, date in sorted(lastmod.items()):
        shown = client.get(path + ".json").json()["last_reviewed"]
        assert (date or None) == shown, path
        assert _last_reviewed_shown(client.get(path).text) == shown, path
    assert sum(bool(d) for d in lastmod.values()) >= len(lastmod) // 2  # most have a date


def test_sitemap_pairs_are_the_related_pairs_model_pages_show(
    client: TestClient, catalog: Catalog
) -> None:
    text = client.get("/sitemap.xml").text
    listed = set(re.findall(r"<loc>http://testserver(/compare/[^<]+)</loc>", text))
    for slug in sorted(m.slug for m in catalog.models.values()):
        page = client.get(f"/models/{slug}").text
        shown = set(re.findall(r'href="(/compare/[^"?]+)"', page))
        assert shown, slug
        assert shown <= listed, slug


def test_price_vs_score_plots_only_comparable_priced_results(
    client: TestClient, catalog: Catalog
) -> None:
    ctx = client.get("/charts/price-vs-score.json?benchmark=gpqa-diamond").json()
    series = ctx["series"]
    assert series["benchmark"]["id"] == "gpqa-diamond"
    assert len(series["points"]) >= 3
    models = [p["model"] for p in series["points"]]
    assert len(models) == len(set(models))  # one point per model
    # The price is the compare engine's cheapest paid active route at 70/30, the same number
    # compare pages and related pairs use (never a second "cheapest" rule).
    cheapest = catalog_view(catalog).cheapest_blended
    for point in series["points"]:
        price = cheapest[point["model"]]
        assert price is not None and price > 0
        assert Decimal(point["blended_per_mtok"]) == price
    svg = client.get("/charts/price-vs-score.svg?benchmark=gpqa-diamond").text
    assert "<title>" in svg and "GPQA Diamond" in svg and "<script" not in svg
    # "N models" in the title is the number of dots drawn (pygal: one dot element per point).
    drawn = len(re.findall(r'<circle[^>]*class="dot', svg))
    assert f"({len(series['points'])} models)" in svg
    assert drawn == len(series["points"])


def test_price_vs_score_title_counts_only_drawn_points() -> None:
    from tradeoff.render.charts import price_vs_score_svg as chart_svg

    def point(name: str, price: str) -> dict[str, Any]:
        return {"model": name, "name": name, "url": "/", "blended_per_mtok": price, "score": "50"}

    ctx = {
        "series": {
            "benchmark": {"name": "B", "unit": "%", "higher_is_better": True},
            "basis": {"metric": "accuracy"},
            "points": [point("free", "0"), point("a", "1"), point("b", "2"), point("c", "3")],
        },
        "labelled": ["a"],
        "marked": [],
    }
    svg = chart_svg(cast("ScoreChartContext", ctx)).decode()  # the chart reads only the series
    assert "(3 models)" in svg  # a price of 0 cannot sit on the log axis: not drawn, not counted
    assert len(re.findall(r'<circle[^>]*class="dot', svg)) == 3


def test_calculator_totals_are_per_request_times_requests(client: TestClient) -> None:
    one = client.get(f"/calculator.json?models={KIMI}&requests=1").json()
    many = client.get(f"/calculator.json?models={KIMI}&requests=1000").json()
    assert many["workload"]["requests"] == 1000
    for a, b in zip(one["lines"], many["lines"], strict=True):
        if a["total_usd"] is not None:
            assert Decimal(b["total_usd"]) == Decimal(a["total_usd"]) * 1000


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    from tradeoff.web.routes import api_routes

    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    routes = api_routes()
    assert set(doc["paths"]) == {r.openapi_path for r in routes}
    for route in routes:
        response = client.get(route.example_url())
        assert response.status_code == 200, (route.example_url(), response.text[:300])
        assert response.headers["content-type"].startswith(JSON)


def test_render_cache_is_bounded_by_bytes(catalog: Catalog) -> None:
    from tradeoff.render.html import make_environment
    from tradeoff.web.site import Site

    site = Site(catalog, make_environment(), cache_bytes=8000)
    for i in range(50):
        site.remember(f"/?q={i}", b"x" * 100)
    assert sum(len(site.recall(f"/?q={i}") or b"") for i in range(50)) <= 8000
    assert site.cached_bytes <= 8000  # keys and per-entry overhead counted too
    assert site.recall("/?q=49") == b"x" * 100  # the newest is kept
    assert site.recall("/?q=0") is None  # the oldest went first


def test_calculator_says_an_unknown_context_fit_is_not_yet_sourced(client: TestClient) -> None:
    url = "/calculator{}?models=" + KIMI + "&input_tokens=1000&output_tokens=10"
    ctx = client.get(url.format(".json")).json()
    unknown = [line for line in ctx["lines"] if line["fits_context"] is None]
    assert unknown, "Kimi K2 Instruct on Together AI has no sourced context window"
    md_rows = [r for r in client.get(url.format(".md")).text.splitlines() if r.startswith("| ")]
    body = md_rows[1:]  # the header first (the rule line starts "|-")
    assert len(body) == len(ctx["lines"])
    fits = [r.split(" | ")[5] for r in body]
    expected = {True: "yes", False: "no", None: "not yet sourced"}
    assert fits == [expected[line["fits_context"]] for line in ctx["lines"]]
    page = client.get(url.format("")).text
    assert page.count("context fit not yet sourced") == len(unknown)
    assert f'href="/models/{KIMI}"' in page


def test_downloads_page_counts_what_the_files_hold(tmp_path: Path) -> None:
    """OpenRouter is not redistributable: its offerings are neither in the files nor counted."""
    import csv
    import datetime as dt
    import io
    import shutil

    from tradeoff.catalog.load import write_import
    from tradeoff.db.locate import ensure_database
    from tradeoff.sources.models_dev import import_tree
    from tradeoff.sources.openrouter import import_file

    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    write_import(import_tree(FIXTURES / "models-dev-mini"), root / "imports" / "models-dev.json")
    openrouter = import_file(
        FIXTURES / "openrouter" / "models.json", retrieved=dt.date(2026, 5, 15)
    )
    write_import(openrouter, root / "imports" / "openrouter.json")
    catalog = Catalog(ensure_database(root, tmp_path / "catalog.sqlite"))
    try:
        assert any(o.source_id == "openrouter" for o in catalog.offerings)
        client = client_for(catalog)
        ctx = client.get("/downloads.json").json()
        offerings = list(csv.DictReader(io.StringIO(client.get("/downloads/offerings.csv").text)))
        models = list(csv.DictReader(io.StringIO(client.get("/downloads/models.csv").text)))
        assert "openrouter" not in {o["source_id"] for o in offerings}
        assert ctx["offering_count"] == len(offerings) < len(catalog.offerings)
        assert ctx["model_count"] == len(models)
        page = client.get("/downloads").text
        assert f"{len(offerings)} offerings" in page
    finally:
        catalog.close()


def test_a_lab_without_models_links_to_no_refused_filter(client: TestClient) -> None:
    page = client.get("/labs/alibaba").text
    assert "No model of this lab is in the catalog yet." in page
    for link in re.findall(r'href="(/\?[^"]+)"', page):
        assert client.get(html.unescape(link)).status_code == 200, link


def test_score_chart_svg_without_series_is_404_built_off_the_loop(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the series come from the whole catalog: the resolver defers them to the page builder,
    # which runs in a worker thread, and a missing series is still a 404 problem
    import asyncio

    from tradeoff.web import resolvers

    on_loop: list[bool] = []

    def no_series(_: Catalog) -> dict[str, object]:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:  # no loop in this thread: a worker
            on_loop.append(False)
        return {}

    monkeypatch.setattr(resolvers, "all_series", no_series)
    with client_for(catalog) as fresh:
        response = fresh.get("/charts/price-vs-score.svg?benchmark=gpqa-diamond")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert on_loop == [False]


@pytest.mark.parametrize("url", ["/changes?since=notadate", "/changes?kind=nosuchkind"])
def test_a_browser_asking_a_page_with_a_bad_filter_gets_an_html_page(
    client: TestClient, url: str
) -> None:
    # a visitor's browser got raw application/problem+json from /changes
    page = client.get(url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert "Bad Request" in page.text
    api = client.get(url)  # a program (no HTML asked for) keeps the problem document
    assert api.status_code == 400
    assert api.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("capability=zzz", "unknown capability 'zzz'; one of vision, multimodal_input, "),
        ("open_weights=maybe", "open_weights must be one of yes, no, unknown, got 'maybe'"),
        ("modality=zzz", "unknown modality 'zzz'; one of audio, image, "),
        ("page=-1", "page must be a page number (1 or more), got '-1'"),
    ],
)
def test_a_bad_filter_is_named_in_words_not_python(
    client: TestClient, query: str, detail: str
) -> None:
    # the messages showed Python reprs: "one of ('vision', 'multimodal_input', …)", "['audio',
    # …]", and a page number was asked for "such as 2000, 1,000, 100k or 1.5M"
    problem = client.get(f"/api/v1/models?{query}").json()
    assert problem["detail"].startswith(detail), problem["detail"]
