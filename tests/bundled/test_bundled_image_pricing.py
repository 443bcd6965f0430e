"""Image models' pages compare what an image costs (round nine).

`tradeoff compare google/gemini-2.5-flash-image openai/gpt-image-1.5` led with "$0.96 vs
$6.50 blended 70/30 per 1M tokens" — text tokens ($0.30 / $2.50 vs $5 / $10) — and a
verdict "costs 85% less", while what these models are bought for, an image, is billed per 1M
image output tokens ($30 at Google vs $32 at Azure and OpenAI) or per image (fal $0.039).
Those rates showed only in the routes' "not headline" reasons. fal's route also read "not per
token" in its input cell, though fal states no input price in any unit.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app as cli
from tradeoff.compare.image_output import IMAGE_OUTPUT_CLAIM, NOT_IN_BLEND

GEMINI = "google/gemini-2.5-flash-image"
GPT = "openai/gpt-image-1.5"
CLAIM = (
    "Gemini 2.5 Flash Image costs 6% less than GPT-Image-1.5 per 1M image output tokens on "
    "comparable routes: $30.00 (Google) vs $32.00 (Azure)"
)


def _page(fmt: str, *models: str) -> str:
    result = CliRunner().invoke(cli, ["compare", *models, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_json_compares_the_image_output_rate() -> None:
    page = json.loads(_page("json", GEMINI, GPT))
    gemini, gpt = page["pricing"]
    assert gemini["image_output"]["provider"] == "google"
    assert gemini["image_output"]["output_per_mtok_image"] == "30"
    assert gpt["image_output"]["output_per_mtok_image"] == "32"
    assert page["image_output"]["note"] == NOT_IN_BLEND
    claim = next(c for c in page["claims"] if c["id"] == IMAGE_OUTPUT_CLAIM)
    assert claim["text"].startswith(CLAIM) and claim["favours"] == [GEMINI]
    assert page["verdict"].startswith(CLAIM)
    cheaper = page["faq"][0]["answer"]
    assert cheaper.startswith(CLAIM) and NOT_IN_BLEND in cheaper
    rows = {r["key"]: r for r in page["summary_cards"][0]["rows"]}
    assert rows["image_output"]["value"] == "30" and rows["image_output"]["mark"] == "better"
    assert "the lower image-output price" in page["verdict_line"]
    assert "text-token headline price" in page["verdict_line"]
    fal = next(q for q in gemini["providers"] if q["provider"] == "fal")
    assert fal["not_per_token_sides"] == ["output"]


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_every_format_shows_the_image_rate_and_says_the_blend_leaves_it_out(fmt: str) -> None:
    page = _page(fmt, GEMINI, GPT)
    assert CLAIM in page.replace("\n", " ")
    assert NOT_IN_BLEND in page
    assert "$30.00" in page and "$32.00" in page
    assert "image output route" in page.lower()


def test_fals_input_cell_is_unpriced_and_its_output_not_per_token() -> None:
    md = _page("md", GEMINI, GPT)
    fal = next(line for line in md.splitlines() if line.startswith("| fal |"))
    assert fal.split(" | ")[2:4] == ["unpriced", "not per token"]
    html = _page("html", GEMINI, GPT)
    row = next(line for line in html.splitlines() if "fal-ai/nano-banana" in line)
    assert row.count("not per token") == 2 and row.count(">unpriced<") == 1


def test_a_per_image_price_is_never_set_against_a_per_token_rate() -> None:
    # gpt-image-1-mini is sold per 1M image tokens at OpenAI ($8); GPT-Image-1's routes
    # that state one are retired: no verdict, each side says why
    page = json.loads(_page("json", "openai/gpt-image-1-mini", "openai/gpt-image-1"))
    mini, one = page["pricing"]
    assert mini["image_output"]["provider"] == "openai"
    assert mini["image_output"]["output_per_mtok_image"] == "8"
    assert one["image_output"] is None
    assert one["image_output_missing"].startswith("not comparable: ")
    claim = next(c for c in page["claims"] if c["id"] == IMAGE_OUTPUT_CLAIM)
    assert claim["favours"] == [] and "No image price verdict is made" in claim["text"]


def test_beside_a_text_model_the_image_row_is_not_applicable_and_nothing_is_compared() -> None:
    page = json.loads(_page("json", GEMINI, "openai/gpt-4o"))
    gemini, gpt4o = page["pricing"]
    assert gemini["outputs_images"] and not gpt4o["outputs_images"]
    assert gpt4o["image_output"] is None and gpt4o["image_output_missing"] is None
    assert not [c for c in page["claims"] if c["id"] == IMAGE_OUTPUT_CLAIM]  # kinds differ
    rows = {r["key"]: r for r in page["summary_cards"][1]["rows"]}
    assert rows["image_output"]["display"] == "not applicable"
    assert rows["image_output"]["mark"] == "not_compared"
    assert "image output not included" not in rows["headline"]["detail"]


def test_the_image_price_is_dated_by_its_own_source_in_every_format() -> None:
    # Google's $30 per 1M image tokens is genai-prices' (its route's text prices are
    # models.dev's, as of 2026-07-02): the price carries genai-prices' date, not the route's
    page = json.loads(_page("json", GEMINI, GPT))
    image = page["pricing"][0]["image_output"]
    assert image["output_per_mtok_image_source"] == "genai-prices"
    dated = image["output_per_mtok_image_dated"]
    assert dated and "models.dev" not in dated and dated != image["dated"]
    assert image["output_per_mtok_image_checked"] in dated
    assert page["pricing"][1]["image_output"]["output_per_mtok_image_dated"]
    md = _page("md", GEMINI, GPT)
    assert f"| $30.00 [2], {dated} |" in md
    html = _page("html", GEMINI, GPT)
    assert dated in html.split("Image output / 1M image tokens", 1)[1].split("</tr>", 1)[0]
    wide = {"COLUMNS": "200"}  # the cell on one line
    text = CliRunner().invoke(cli, ["compare", GEMINI, GPT], env=wide).stdout
    assert f"$30.00, {dated}" in text


def test_a_model_whose_output_modalities_are_unknown_is_not_said_to_output_no_images() -> None:
    # Jamba 1.5 Large: text generation, output modalities not yet sourced — a text-generation
    # model may output images (GPT-5 Image), so whether Jamba does is unknown, not "no"
    jamba = "ai21/jamba-1.5-large"
    page = json.loads(_page("json", jamba, GEMINI))
    assert page["pricing"][0]["outputs_images"] is None
    rows = {r["key"]: r for r in page["summary_cards"][0]["rows"]}
    assert rows["image_output"]["display"] == "not yet sourced"
    md = _page("md", jamba, GEMINI)
    image_rows = [line for line in md.splitlines() if line.startswith("| Image output")]
    assert len(image_rows) == 3
    assert all("not applicable" not in line for line in image_rows)
    assert all("| not yet sourced" in line for line in image_rows)


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_beside_a_text_model_the_blend_note_is_said_of_the_image_model_only(fmt: str) -> None:
    # GPT-4o's blend is all it sells: the note names the image model, not every model
    note = (
        "For Gemini 2.5 Flash Image, the blended price per 1M tokens is for text tokens only: "
        "it does not include image output."
    )
    page = json.loads(_page("json", GEMINI, "openai/gpt-4o"))
    assert page["image_output"]["note"] == note
    shown = " ".join(_page(fmt, GEMINI, "openai/gpt-4o").split())
    assert note in shown and NOT_IN_BLEND not in shown
