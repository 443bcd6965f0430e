"""Image models are compared on what an image costs: the output price per 1M image tokens on
each model's comparable routes, in that one unit only (docs/compare.md "Image output")."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.claim import Claim
from tradeoff.compare.image_output import (
    IMAGE_OUTPUT_CLAIM,
    NOT_IN_BLEND,
    TOKENS_PER_IMAGE,
    outputs_images,
)
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.wording import is_tie, percent_less
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Fact, Offering, UnitPrice

IMAGE = "image-generation"


def _sold(o: Offering, *prices: UnitPrice) -> Offering:
    return replace(o, prices=replace(o.prices, unit_prices=prices))


def _per_mtok_image(usd: str) -> UnitPrice:
    return UnitPrice("output", "per_mtok_image", Decimal(usd))


def _claims(offers: list[Offering], kind: str = IMAGE) -> dict[str, Claim]:
    ids = sorted({o.model_id for o in offers if o.model_id})
    pricing = {
        m: model_pricing(
            model(m, kind=kind), [o for o in offers if o.model_id == m], PROVIDERS, DEFAULT_BLEND
        )
        for m in ids
    }
    names = {m: m.split("/")[1].upper() for m in ids}
    kinds = dict.fromkeys(ids, kind)
    images = ids if kind == IMAGE else []
    claims = price_claims(ids, names, pricing, DEFAULT_BLEND, kinds, images)
    return {c.id: c for c in claims}


def test_image_models_are_compared_per_image_output_token() -> None:
    # Gemini 2.5 Flash Image at Google ($0.30 / $2.50 text, $30 per 1M image tokens) vs
    # GPT-Image-1.5 at Azure ($5 / $10 text, $32 per 1M image tokens)
    a = _sold(offering("lab/a", "lab-api", "0.3", "2.5"), _per_mtok_image("30"))
    b = _sold(offering("lab/b", "host", "5", "10"), _per_mtok_image("32"))
    claims = _claims([a, b])
    image = claims[IMAGE_OUTPUT_CLAIM]
    assert image.text.startswith(
        "A costs 6% less than B per 1M image output tokens on comparable routes: "
        "$30.00 (Lab-Api) vs $32.00 (Host); B costs 7% more."
    )
    assert "does not include image output" in image.text
    assert image.favours == ("lab/a",) and image.leaders == ("lab/a",)
    assert {n.field for n in image.numbers} == {"image_output.output_per_mtok_image"}
    # the text-token blend says what it is, and is not the reason to choose an image model
    assert "per text token" in claims["price.cheapest"].text
    assert claims["price.cheapest"].reason == "the lowest text-token price matters most"


def test_the_verdict_per_image_token_says_an_image_is_not_a_fixed_number_of_tokens() -> None:
    # Google counts 1,290 tokens for a 1024x1024 Gemini 2.5 Flash Image picture; OpenAI 272
    # to 4,160 for one gpt-image-1 picture of that size, by quality: a lower rate per 1M image
    # tokens is not always a lower price per image, and the verdict says so
    a = _sold(offering("lab/a", "lab-api", "0.3", "2.5"), _per_mtok_image("30"))
    b = _sold(offering("lab/b", "host", "5", "10"), _per_mtok_image("8"))
    image = _claims([a, b])[IMAGE_OUTPUT_CLAIM]
    assert TOKENS_PER_IMAGE in image.text
    alone = _claims([a, replace(b, prices=replace(b.prices, unit_prices=()))])
    assert TOKENS_PER_IMAGE not in alone[IMAGE_OUTPUT_CLAIM].text  # no verdict: no caveat


def test_equal_image_rates_are_a_tie() -> None:
    a = _sold(offering("lab/a", "lab-api", "0.3", "2.5"), _per_mtok_image("30"))
    b = _sold(offering("lab/b", "host", "5", "10"), _per_mtok_image("30"))
    image = _claims([a, b])[IMAGE_OUTPUT_CLAIM]
    assert image.tie and image.favours == () and set(image.leaders) == {"lab/a", "lab/b"}
    assert "cost the same per 1M image output tokens" in image.text


def test_a_per_image_price_is_never_set_against_a_per_token_rate() -> None:
    # fal sells per image only; the other model states its rate per 1M image tokens
    a = _sold(
        offering("lab/a", "host", "0.3", "2.5"), UnitPrice("output", "per_image", Decimal("0.039"))
    )
    b = _sold(offering("lab/b", "host", "5", "10"), _per_mtok_image("32"))
    image = _claims([a, b])[IMAGE_OUTPUT_CLAIM]
    assert image.favours == () and image.leaders == ()
    assert "not comparable" in image.text and "per image" in image.text
    assert "$32.00 (Host)" in image.text
    assert [n.value for n in image.numbers if n.model_id == "lab/a"] == [None]


def test_the_rate_is_read_from_a_comparable_route_only() -> None:
    # a preview route's rate is not comparable; the GA route's is
    preview = _sold(
        offering("lab/a", "other", "0.3", "2.5", lifecycle="preview"), _per_mtok_image("20")
    )
    ga = _sold(offering("lab/a", "lab-api", "0.3", "2.5"), _per_mtok_image("30"))
    pricing = model_pricing(model("lab/a", kind=IMAGE), [preview, ga], PROVIDERS, DEFAULT_BLEND)
    route = pricing.image_output
    assert route is not None and route.provider_id == "lab-api"
    assert route.output_per_mtok_image == Decimal("30")


def test_text_models_get_no_image_claim() -> None:
    a = offering("lab/a", "lab-api", "0.3", "2.5")
    b = offering("lab/b", "host", "5", "10")
    claims = _claims([a, b], kind="text-generation")
    assert IMAGE_OUTPUT_CLAIM not in claims
    assert claims["price.cheapest"].reason == "the lowest price matters most"


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value="0.01", max_value=200, places=2),
    st.decimals(min_value="0.01", max_value=200, places=2),
)
def test_the_lower_image_rate_leads_and_a_tie_favours_no_one(x: Decimal, y: Decimal) -> None:
    a = _sold(offering("lab/a", "lab-api", "1", "2"), _per_mtok_image(str(x)))
    b = _sold(offering("lab/b", "host", "1", "2"), _per_mtok_image(str(y)))
    image = _claims([a, b])[IMAGE_OUTPUT_CLAIM]
    assert {n.value for n in image.numbers} == {x, y}
    if is_tie(x, y):
        assert image.tie and not image.favours and "less than" not in image.text
    else:
        assert image.favours == (("lab/a",) if x < y else ("lab/b",))
        assert f"{percent_less(min(x, y), max(x, y))} less" in image.text
    assert image.text.endswith(NOT_IN_BLEND)


def test_without_a_blended_price_the_claim_does_not_speak_of_one() -> None:
    # both sold per 1M image tokens only (no text price, so no headline route, no blend)
    a = _sold(offering("lab/a", "lab-api", None, None), _per_mtok_image("8"))
    b = _sold(offering("lab/b", "host", None, None), _per_mtok_image("40"))
    image = _claims([a, b])[IMAGE_OUTPUT_CLAIM]
    assert image.favours == ("lab/a",) and "$8.00 (Lab-Api) vs $40.00 (Host)" in image.text
    assert "blended" not in image.text


def test_a_model_of_the_same_kind_without_images_is_not_applicable() -> None:
    pricing = {
        "lab/a": model_pricing(
            model("lab/a", kind=IMAGE),
            [_sold(offering("lab/a", "lab-api", "1", "2"), _per_mtok_image("30"))],
            PROVIDERS,
            DEFAULT_BLEND,
        ),
        "lab/b": model_pricing(
            model("lab/b", kind=IMAGE),
            [offering("lab/b", "host", "1", "2")],
            PROVIDERS,
            DEFAULT_BLEND,
        ),
    }
    ids = ["lab/a", "lab/b"]
    claims = price_claims(
        ids, {"lab/a": "A", "lab/b": "B"}, pricing, DEFAULT_BLEND, None, ["lab/a"]
    )
    image = next(c for c in claims if c.id == IMAGE_OUTPUT_CLAIM)
    assert "B: not applicable: neither its kind nor its cited output modalities" in image.text


def test_whether_a_model_outputs_images_is_unknown_until_its_kind_or_modalities_say() -> None:
    text = model("lab/t")  # text generation: may output images (GPT-5 Image); modalities unknown
    assert outputs_images(text) is None
    assert outputs_images(model("lab/i", kind=IMAGE)) is True
    assert outputs_images(model("lab/k", kind=None)) is None
    assert outputs_images(model("lab/e", kind="embedding")) is False  # its kind says no
    cited = text._replace(modalities_output=Fact(("text",), "src", "2026-01-01"))
    assert outputs_images(cited) is False
    drawn = text._replace(modalities_output=Fact(("image", "text"), "src", "2026-01-01"))
    assert outputs_images(drawn) is True


def test_in_the_claim_a_model_not_known_to_output_images_is_not_yet_sourced() -> None:
    # two text-generation models: A outputs images (cited), B's output modalities are unknown
    a = _sold(offering("lab/a", "lab-api", "1", "2"), _per_mtok_image("30"))
    b = offering("lab/b", "host", "1", "2")
    ids = ["lab/a", "lab/b"]
    pricing = {
        o.model_id or "": model_pricing(model(o.model_id or ""), [o], PROVIDERS, DEFAULT_BLEND)
        for o in (a, b)
    }
    names = {"lab/a": "A", "lab/b": "B"}
    claims = price_claims(ids, names, pricing, DEFAULT_BLEND, None, ["lab/a"], ["lab/b"])
    image = next(c for c in claims if c.id == IMAGE_OUTPUT_CLAIM)
    assert "B: not yet sourced" in image.text and "not applicable" not in image.text


def test_the_claim_says_the_blend_leaves_images_out_only_of_the_image_models() -> None:
    a = _sold(offering("lab/a", "lab-api", "1", "2"), _per_mtok_image("30"))
    b = offering("lab/b", "host", "1", "2")
    ids = ["lab/a", "lab/b"]
    pricing = {
        o.model_id or "": model_pricing(model(o.model_id or ""), [o], PROVIDERS, DEFAULT_BLEND)
        for o in (a, b)
    }
    names = {"lab/a": "A", "lab/b": "B"}
    claims = price_claims(ids, names, pricing, DEFAULT_BLEND, None, ["lab/a"])
    image = next(c for c in claims if c.id == IMAGE_OUTPUT_CLAIM)
    assert NOT_IN_BLEND not in image.text
    assert image.text.endswith(
        "For A, the blended price per 1M tokens is for text tokens only: it does not include "
        "image output."
    )
