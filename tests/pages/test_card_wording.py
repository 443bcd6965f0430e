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
    row = _route_row(audio, "first_party", p, ctx["blend"])  # type: ignore[arg-type]
    assert row["value"] is None and row["display"] == "not per token"
    assert row["detail"] == (
        f"sold per second of audio and per 1M audio tokens, at {audio['provider_name']}"
    )
    assert "blended" not in row["detail"]
