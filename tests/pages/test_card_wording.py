"""The cards' one-line verdict keeps a model's name as the catalog spells it."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context


def test_a_lowercase_model_name_is_not_capitalised(catalog: Catalog) -> None:
    # "Gpt-oss-120b has the lower headline price …" (bundled: "Text-embedding-3-small has …")
    ctx = compare_context(catalog, ["gpt-oss-120b", "deepseek-r1"], (70, 30))
    assert ctx["verdict_line"].startswith("gpt-oss-120b has the lower headline price"), ctx[
        "verdict_line"
    ]


def test_a_route_not_sold_per_token_is_not_said_to_be_priced_per_token(catalog: Catalog) -> None:
    # GPT-4o Transcribe's card read "not per token (unknown) — USD per 1M tokens, blended 70/30,
    # at OpenAI": the detail named a unit its price is not sold in
    from tradeoff.pages.comparison.cards import _route_row

    ctx = compare_context(catalog, ["kimi-k2-instruct", "mixtral-8x22b-instruct"], (70, 30))
    p = ctx["pricing"][0]
    assert p["first_party"] is not None
    audio = {
        **p["first_party"],
        "input_per_mtok": None,
        "blended_per_mtok": None,
        "not_per_token": True,
        "other_units": ["per_audio_second", "per_mtok_audio"],
    }
    value, display, detail = _route_row(audio, "first_party", p, ctx["blend"])  # type: ignore[arg-type]
    assert value is None and display == "not per token"
    # its output is priced per token (GPT-4o Transcribe: $10 per 1M output tokens)
    assert detail == (
        "output priced per 1M tokens only; sold per second of audio and per 1M audio tokens, "
        f"at {audio['provider_name']}"
    )
    assert "blended" not in detail
    # one token side and nothing else: not "no price per token" (the reviewer's finding)
    one_side = {**audio, "other_units": []}
    _, _, detail = _route_row(one_side, "first_party", p, ctx["blend"])  # type: ignore[arg-type]
    assert detail == f"output priced per 1M tokens only, at {audio['provider_name']}"


def test_a_value_better_than_two_others_is_the_best_of_them(catalog: Catalog) -> None:
    # "Mixtral 8x22B Instruct v0.1 has the lower headline price" on a page of three prices
    ids = ["kimi-k2-instruct", "mixtral-8x22b-instruct", "deepseek-r1"]
    line = compare_context(catalog, ids, (70, 30))["verdict_line"]
    assert line.startswith("Kimi K2 Instruct has the best WeirdML score; "), line
    assert "Mixtral 8x22B Instruct v0.1 has the lowest headline price" in line, line
    assert "the lower" not in line and "the better" not in line
    pair = compare_context(catalog, ids[:2], (70, 30))["verdict_line"]
    assert "has the lower headline price" in pair, pair


def test_a_context_window_larger_than_two_others_is_the_largest(catalog: Catalog) -> None:
    ids = ["kimi-k2-instruct", "mixtral-8x22b-instruct", "gemini-2.5-pro"]
    claims = {c["id"]: c["text"] for c in compare_context(catalog, ids, (70, 30))["claims"]}
    text = claims["spec.context_tokens"]
    assert text.startswith("Gemini 2.5 Pro has the largest context window: "), text
