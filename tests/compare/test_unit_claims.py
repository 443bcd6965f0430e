"""Like for like in units: no claim sets prices of different units against each other, and a
model sold only in other units (per minute of audio, per image) gets no per-token verdict."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering

from tradeoff.compare.availability_claims import availability_claims
from tradeoff.compare.claim import Claim
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Offering, UnitPrice
from tradeoff.units import TEXT_TOKENS, UNITS, unit_label, unit_of_field

OTHER_UNITS = [u for u in UNITS if u != TEXT_TOKENS]
money = st.decimals(min_value="0.0001", max_value=100, places=4)


@st.composite
def priced_offering(draw: st.DrawFn, model_id: str, provider: str) -> Offering:
    """An offering priced per token, in another unit only, or both."""
    shape = draw(st.sampled_from(["tokens", "other", "both"]))
    tokens = shape in ("tokens", "both")
    base = offering(
        model_id,
        provider,
        str(draw(money)) if tokens else None,
        str(draw(money)) if tokens else None,
        pmid=f"{model_id}@{provider}",
    )
    if shape == "tokens":
        return base
    units = draw(st.lists(st.sampled_from(OTHER_UNITS), min_size=1, max_size=3, unique=True))
    # a unit price may be billed at a price the catalog does not hold (None, never $0)
    others = tuple(UnitPrice("input", unit, draw(st.none() | money)) for unit in units)
    return replace(base, prices=replace(base.prices, unit_prices=others))


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[list[str], list[Offering]]:
    count = draw(st.integers(2, 4))
    ids = [f"lab/m{n}" for n in range(count)]
    offers: list[Offering] = []
    for model_id in ids:
        hosts = draw(
            st.lists(
                st.sampled_from(["host", "other", "lab-api"]), min_size=1, max_size=3, unique=True
            )
        )
        offers += [draw(priced_offering(model_id, host)) for host in hosts]
    return ids, offers


def _claims(ids: list[str], offers: list[Offering]) -> list[Claim]:
    pricing = {
        m: model_pricing(model(m), [o for o in offers if o.model_id == m], PROVIDERS, DEFAULT_BLEND)
        for m in ids
    }
    names = {m: m.upper() for m in ids}
    return price_claims(ids, names, pricing, DEFAULT_BLEND)


@settings(max_examples=150, deadline=None)
@given(catalogs())
def test_no_claim_compares_prices_of_different_units(
    drawn: tuple[list[str], list[Offering]],
) -> None:
    ids, offers = drawn
    unit_only = {
        m for m in ids if all(not o.prices.token_priced for o in offers if o.model_id == m)
    }
    for claim in _claims(ids, offers):
        stated = [n for n in claim.numbers if isinstance(n.value, Decimal)]
        units = {unit_of_field(n.field) for n in stated}
        assert None not in units, f"a price without a unit in {claim.id}: {claim.text}"
        assert len(units) <= 1, f"{claim.id} compares {units}: {claim.text}"
        # a model sold only in other units is never priced in a per-token claim
        assert not [n for n in stated if n.model_id in unit_only], claim.text
    for m in unit_only:
        verdict = next(c for c in _claims(ids, offers) if c.id == f"price.unpriced.{m}")
        assert "not per text token" in verdict.text and "no per-token price verdict" in verdict.text
        labels = {
            unit_label(u.unit) for o in offers if o.model_id == m for u in o.prices.unit_prices
        }
        assert any(label in verdict.text for label in labels)


def test_a_whisper_priced_per_minute_is_not_compared_with_a_chat_model() -> None:
    whisper = offering("lab/whisper", "host", None, None)
    whisper = replace(
        whisper,
        prices=replace(
            whisper.prices,
            unit_prices=(UnitPrice("input", "per_audio_minute", Decimal("0.0023")),),
        ),
    )
    chat = offering("lab/chat", "host", "0.15", "0.6")
    claims = {c.id: c for c in _claims(["lab/whisper", "lab/chat"], [whisper, chat])}
    assert claims["price.unpriced.lab/whisper"].text == (
        "LAB/WHISPER is sold per minute of audio (at Host), not per text token: no per-token "
        "price verdict is made, and prices in different units are never compared."
    )
    assert "price.cheapest" not in claims  # no "% less", no "×", no break-even
    assert "price.break_even" not in claims


def test_the_unit_of_a_field_is_read_from_its_name() -> None:
    assert unit_of_field("cheapest.blended_per_mtok") == "per_mtok"
    assert unit_of_field("input_per_mtok_audio") == "per_mtok_audio"
    assert unit_of_field("input_per_audio_minute") == "per_audio_minute"
    assert unit_of_field("cheapest") is None


def test_a_route_priced_in_another_unit_or_on_one_side_has_a_sourced_price() -> None:
    # "For Whisper large-v3, 6 of 6 providers have no sourced price: evroc, Groq, …" beside
    # "Whisper large-v3 is sold per minute of audio and per second of audio (at evroc and Groq)"
    per_minute = offering("lab/whisper", "host", None, None)
    per_minute = replace(
        per_minute,
        prices=replace(
            per_minute.prices,
            unit_prices=(UnitPrice("input", "per_audio_minute", Decimal("0.0023")),),
        ),
    )
    output_only = offering("lab/whisper", "other", None, "10")  # input not stated
    none = offering("lab/whisper", "lab-api", None, None)
    offers = [per_minute, output_only, none]
    p = model_pricing(model("lab/whisper"), offers, PROVIDERS, DEFAULT_BLEND)
    assert [q.provider_id for q in p.unpriced_providers] == ["lab-api"]
    none_name = p.unpriced_providers[0].provider_name
    claims = availability_claims(["lab/whisper"], {"lab/whisper": "W"}, {"lab/whisper": p}, [], {})
    unpriced = next(c for c in claims if c.id == "availability.unpriced.lab/whisper")
    assert unpriced.text == f"For W, 1 of 3 providers has no sourced price: {none_name}."


def test_a_route_billed_per_character_at_no_held_price_says_so_not_unpriced() -> None:
    # Oracle bills Meta and Cohere models per character; the catalog holds no price per
    # character: the route says the unit it is billed in, never "unpriced" nor $0
    billed = UnitPrice("input", "per_character", None), UnitPrice("output", "per_character", None)
    oracle = offering("lab/chat", "other", None, None)
    oracle = replace(oracle, prices=replace(oracle.prices, unit_prices=billed))
    host = offering("lab/chat", "host", "0.15", "0.6")
    pricing = model_pricing(model("lab/chat"), [oracle, host], PROVIDERS, DEFAULT_BLEND)
    (route,) = [q for q in (*pricing.providers, *pricing.other_routes) if q.provider_id == "other"]
    assert route.excluded_reason == (
        "not priced per token: input billed per character (price not in the catalog); "
        "output billed per character (price not in the catalog)"
    )
    assert pricing.cheapest is not None and pricing.cheapest.provider_id == "host"
    alone = {c.id: c for c in _claims(["lab/chat"], [oracle])}
    assert alone["price.unpriced.lab/chat"].text.startswith(
        "LAB/CHAT is sold per character (at Other), not per text token"
    )
