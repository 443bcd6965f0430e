"""The bundled price history reads units as the live record does: Gemini 2.5 Flash Image's
$30 (Google's price per 1M image output tokens, which models.dev files as the text output
price) is never a text price on its history, and no price move is made of it."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.db.queries import Catalog
from tradeoff.pages.price_history import price_history

MODEL = "google/gemini-2.5-flash-image"


def test_gemini_flash_image_history_has_no_move_made_of_the_image_rate(catalog: Catalog) -> None:
    history = price_history(catalog, catalog.models[MODEL])
    assert history is not None
    trend = history["cheapest_trend"]
    assert trend is None or "fell 90%" not in trend["text"]
    assert trend is None or trend["before_blended_per_mtok"] != "9.21"


def test_gemini_flash_image_history_rows_agree_with_the_live_units(catalog: Catalog) -> None:
    history = price_history(catalog, catalog.models[MODEL])
    assert history is not None
    live = {(o.provider_id, o.provider_model_id): o for o in catalog.offerings_for(MODEL)}
    checked = 0
    for line in history["lines"]:
        offering = live[(line["provider_id"], line["provider_model_id"])]
        image_rates = {
            p.usd
            for p in offering.prices.unit_prices
            if p.component == "output" and p.unit == "per_mtok_image"
        }
        for step in line["steps"]:
            shown = step["output_per_mtok"]
            if shown is not None and offering.prices.output_per_mtok != Decimal(shown):
                assert Decimal(shown) not in image_rates, (line["provider_name"], step)
            checked += 1
    assert checked
    assert not [
        (line["provider_name"], s)
        for line in history["lines"]
        for s in line["steps"]
        if s["output_per_mtok"] is not None and Decimal(s["output_per_mtok"]) == 30
    ]


def test_an_open_step_that_differs_from_the_live_price_says_whose_statement_it_is(
    catalog: Catalog,
) -> None:
    # gpt-image-1-mini: models.dev states no price for OpenAI's route (2026-04-02 on); the
    # live record shows genai-prices' input $2.00. Gemini 2.5 Flash Image: models.dev states
    # no text output for Google's; the live record shows genai-prices' $2.50.
    seen = []
    for model_id in ("openai/gpt-image-1-mini", MODEL):
        history = price_history(catalog, catalog.models[model_id])
        assert history is not None
        live = {
            (o.provider_id, o.provider_model_id.lower()): o for o in catalog.offerings_for(model_id)
        }
        for line in history["lines"]:
            offering = live[(line["provider_id"], line["provider_model_id"].lower())]
            step = line["steps"][-1]
            if step["end"] is not None:
                continue
            agrees = all(
                (None if shown is None else Decimal(shown)) == stated
                for shown, stated in (
                    (step["input_per_mtok"], offering.prices.input_per_mtok),
                    (step["output_per_mtok"], offering.prices.output_per_mtok),
                )
            )
            if agrees:
                assert step["live_differs"] is None, (line["provider_name"], step)
            else:
                assert step["live_differs"] is not None, (line["provider_name"], step)
                seen.append((line["provider_id"], step["live_differs"]))
    assert ("openai", "as models-dev states it; live: input $2.00 from genai-prices") in seen
    assert ("google", "as models-dev states it; live: output $2.50 from genai-prices") in seen
