"""GPT-Image-1's first-party price read "no price of the lab's own in the catalog" (comparison
cards and table, the claim "The catalog has no price of GPT-Image-1 at its own lab's API", the
model page's price box), while OpenAI's own offering is in the catalog, priced and retired on
2026-10-23 (LiteLLM's deprecation_date): every format now says that."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tradeoff.cli import app as cli
from tradeoff.compare.first_party import NO_LAB_PRICE
from tradeoff.db.queries import Catalog
from tradeoff.pages.model import model_context

REASON = "the lab's own offering retired on 2026-10-23 (OpenAI)"
MODELS = ("gpt-image-1", "gpt-image-1-mini")


def _page(fmt: str) -> str:
    result = CliRunner().invoke(cli, ["compare", *MODELS, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_json_says_why_gpt_image_1_has_no_first_party_price() -> None:
    page = json.loads(_page("json"))
    gpt = page["pricing"][0]
    assert gpt["first_party"] is None and gpt["first_party_missing"] == REASON
    assert page["pricing"][1]["first_party_missing"] is None  # mini: OpenAI's own route
    card = {r["key"]: r for r in page["summary_cards"][0]["rows"]}["first_party"]
    assert card["display"] == REASON and card["mark"] == "unknown"
    claim = next(c for c in page["claims"] if c["id"] == "price.first_party.missing")
    assert claim["text"] == f"GPT-Image-1 has no first-party price: {REASON}."


def test_markdown_rows_and_sentences_say_it() -> None:
    page = _page("md")
    assert NO_LAB_PRICE not in page and "at its own lab's API" not in page
    assert f"| First-party price | {REASON} (unknown) |" in page
    assert f"| First-party API: provider | {REASON} |" in page


def test_the_model_page_price_box_says_it(catalog: Catalog) -> None:
    glance = model_context(catalog, catalog.resolve("gpt-image-1"))["glance"]
    assert glance["first_party"]["route"] is None
    assert glance["first_party"]["price"] == REASON
