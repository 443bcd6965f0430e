"""Everything from data or the query string is escaped: HTML, JSON-LD, Markdown, SVG, URLs."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.web_support import KIMI, assert_security_headers, client_for

from tradeoff.catalog.load import write_import
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog
from tradeoff.sources.models_dev import import_tree

if TYPE_CHECKING:
    from collections.abc import Iterator

    from starlette.testclient import TestClient

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAYLOAD = "<script>alert(1)</script>"
EVIL_NAME = f'Evil {PAYLOAD} "quoted" & <img src=x onerror=alert(2)> ]](x) | #'
EVIL_LICENCE = "</script><script>alert(3)</script>"
EVIL_CURATED = f"""
id = "acme/evil-1"
name = '{EVIL_NAME}'
lab = "acme"
family = "widget"

[sources.evil-card]
name = "Card {PAYLOAD}"
kind = "model-card"
url = "javascript:alert(4)"
licence = "facts"
retrieved = 2026-11-29

[facts]
licence = {{ value = "{EVIL_LICENCE}", source = "evil-card", checked = 2026-11-29 }}
release_date = {{ value = "2025-05-01", source = "evil-card", checked = 2026-11-29 }}
"""


FORMULA_NAME = '=HYPERLINK("https://evil.example","open me")'
FORMULA_CURATED = f"""
id = "acme/formula-1"
name = '{FORMULA_NAME}'
lab = "acme"
family = "widget"
"""


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The mini fixture catalog plus one model whose name, licence and source are attacks."""
    root = tmp_path_factory.mktemp("evil") / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    write_import(import_tree(FIXTURES / "models-dev-mini"), root / "imports" / "models-dev.json")
    (root / "curated" / "acme" / "evil-1.toml").write_text(EVIL_CURATED, encoding="utf-8")
    (root / "curated" / "acme" / "formula-1.toml").write_text(FORMULA_CURATED, encoding="utf-8")
    db = ensure_database(root, root.parent / "evil.sqlite")
    catalog = Catalog(db)
    assert catalog.models["acme/evil-1"].name == EVIL_NAME
    yield client_for(catalog)
    catalog.close()


def _no_live_markup(text: str) -> None:
    assert PAYLOAD not in text
    assert "<img src=x" not in text
    assert EVIL_LICENCE not in text
    assert 'href="javascript:' not in text.lower()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=evil",
        "/models/acme--evil-1",
        "/labs/acme",
        "/compare/acme--evil-1-vs-acme--widget-1",
        "/compare?models=acme--evil-1,acme--widget-1,acme/widget-1",
        "/calculator?models=acme--evil-1,acme--widget-1",
        "/llms.txt",
    ],
)
def test_crafted_names_are_escaped_in_html(evil: TestClient, url: str) -> None:
    response = evil.get(url, follow_redirects=True)
    assert response.status_code in (200, 400), response.text[:300]
    _no_live_markup(response.text)
    if url.startswith("/models/"):
        assert "Evil &lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_json_twins_carry_the_exact_text(evil: TestClient) -> None:
    ctx = evil.get("/models/acme--evil-1.json").json()
    assert ctx["name"] == EVIL_NAME  # JSON is data: exact, escaped only by JSON syntax


def test_markdown_twin_escapes_markup_and_links(evil: TestClient) -> None:
    text = evil.get("/models/acme--evil-1.md").text
    _no_live_markup(text)
    assert "javascript:" not in text
    assert "&lt;script&gt;" in text


def test_compare_markdown_twin_escapes_markup(evil: TestClient) -> None:
    text = evil.get("/compare/acme--evil-1-vs-acme--widget-1.md").text
    assert "Evil" in text
    # This renderer escapes with backslashes (CommonMark): no unescaped tag may remain.
    assert not re.search(r"(?<!\\)<(script|img|/script)", text)


def test_licences_file_escapes_names_and_links(evil: TestClient) -> None:
    text = evil.get("/downloads/LICENCES.md").text
    assert "Card &lt;script&gt;" in text and PAYLOAD not in text
    assert "javascript:" not in text


def test_csv_cells_never_start_a_formula(evil: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(evil.get("/downloads/models.csv").text)))
    names = [row[1] for row in rows[1:]]
    assert "'" + FORMULA_NAME in names
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "@"))]


def test_json_ld_cannot_close_its_script_element(evil: TestClient) -> None:
    page = evil.get("/compare/acme--evil-1-vs-acme--widget-1").text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "FAQPage"
    assert "<" not in blocks[0]
    assert any("Evil" in q["name"] for q in data["mainEntity"])


def test_svg_chart_escapes_the_model_name(evil: TestClient) -> None:
    response = evil.get("/charts/price-by-provider.svg?model=acme--evil-1")
    assert response.status_code == 200
    _no_live_markup(response.text)
    assert "<script" not in response.text  # pygal's inline config script is stripped
    assert_security_headers(response.headers, "svg")


@pytest.mark.parametrize(
    "url",
    [
        f"/?q={PAYLOAD}",
        f"/models/{PAYLOAD}",
        f"/compare?models={PAYLOAD},{KIMI}",
        f"/calculator?models={PAYLOAD}",
        f"/?sort={PAYLOAD}",
        f"/compare/{KIMI}-vs-{PAYLOAD}",
        f"/providers/{PAYLOAD}",
    ],
)
def test_query_and_path_injection_is_escaped(catalog: Catalog, url: str) -> None:
    response = client_for(catalog).get(url)
    assert response.status_code in (200, 400, 404)
    _no_live_markup(response.text)
    assert_security_headers(response.headers, url)
