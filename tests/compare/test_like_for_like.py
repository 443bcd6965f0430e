"""Like for like across kinds: models of different kinds get no price comparison at all, the
page says so first, a kind without output tokens has no output price, related pairs stay
within a kind."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.compare_helpers import PROVIDERS, model, offering
from support.consistency import check_consistency

from tradeoff.compare.claim import Claim
from tradeoff.compare.engine import CatalogView, Comparison, compare
from tradeoff.compare.like_for_like import KIND_DIFFER, kind_phrase, prices_comparable
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.related import related_models
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.kinds import has_output_price
from tradeoff.records import Lab, Model, Offering, Source

# Fixture models of several kinds, each with a first-party and a host offering (prices as the
# datasets state them: an embedding's output is "0", a speech-to-text model's too).
FIXTURE_KINDS: dict[str, str | None] = {
    "lab/chat-a": "text-generation",
    "lab/chat-b": "text-generation",
    "lab/whisper": "speech-to-text",
    "lab/embed-a": "embedding",
    "lab/embed-b": "embedding",
    "lab/rerank": "rerank",
    "lab/voice": "text-to-speech",
    "lab/realtime": "realtime-audio",
    "lab/painter": "image-generation",
    "lab/mystery": None,
}
PRICES = {
    "lab/chat-a": ("2.5", "10"),
    "lab/chat-b": ("0.15", "0.6"),
    "lab/whisper": ("0.003", "0"),
    "lab/embed-a": ("0.02", "0"),
    "lab/embed-b": ("0.13", "0"),
    "lab/rerank": ("0.05", "0.12"),
    "lab/voice": ("0.5", "10"),
    "lab/realtime": ("4", "16"),
    "lab/painter": ("5", "40"),
    "lab/mystery": ("1", "2"),
}


def _models() -> dict[str, Model]:
    return {m: model(m, kind=k) for m, k in FIXTURE_KINDS.items()}


def _offerings() -> dict[str, list[Offering]]:
    out: dict[str, list[Offering]] = {}
    for m, (inp, outp) in PRICES.items():
        factor = Decimal("1.2")
        dearer = (str(Decimal(inp) * factor), str(Decimal(outp) * factor))
        out[m] = [offering(m, "lab-api", inp, outp), offering(m, "host", *dearer)]
    return out


VIEW = CatalogView(
    models=_models(),
    offerings=_offerings(),
    providers=PROVIDERS,
    labs={"lab": Lab("lab", "Lab")},
    sources={"src": Source("src", "Src", "dataset", "https://x.test", "MIT", "2026-01-01")},
)


def _compare(ids: list[str]) -> Comparison:
    return compare([VIEW.models[m] for m in ids], VIEW)


def _comparative(claim: Claim) -> bool:
    """Does a price claim set two models' prices against each other?"""
    priced = {n.model_id for n in claim.numbers if isinstance(n.value, Decimal)}
    return claim.topic == "price" and len(priced) >= 2


def test_cross_kind_page_says_so_first_and_compares_no_price() -> None:
    c = _compare(["lab/whisper", "lab/chat-a"])
    first = c.claims[0]
    assert first.id == KIND_DIFFER
    assert first.text == (
        "Whisper is a speech-to-text model and Chat-A is a text-generation model: their prices "
        "are sold in different units and are not compared."
    )
    assert c.verdict.summary.claim_ids[0] == KIND_DIFFER
    assert c.verdict.verdict.claim_ids[0] == KIND_DIFFER
    assert c.faq[0].claim_ids[0] == KIND_DIFFER  # "Which is cheaper?" answers it first
    assert not [x for x in c.claims if _comparative(x)]
    assert not [x for x in c.claims if x.id.startswith("price.") and "less" in x.text]
    assert all("lowest price" not in r for ch in c.verdict.choose for r in ch.reasons)
    check_consistency(c)


def test_three_models_two_kinds_group_the_names() -> None:
    c = _compare(["lab/chat-a", "lab/embed-a", "lab/chat-b"])
    assert c.claims[0].text.startswith(
        "Chat-A and Chat-B are text-generation models and Embed-A is an embedding model:"
    )


def test_an_unknown_kind_is_not_compared_either() -> None:
    c = _compare(["lab/mystery", "lab/chat-a"])
    assert c.claims[0].id == KIND_DIFFER
    assert "Mystery is of a kind not yet sourced" in c.claims[0].text
    assert not [x for x in c.claims if _comparative(x)]


def test_same_kind_is_compared_as_before() -> None:
    c = _compare(["lab/chat-a", "lab/chat-b"])
    ids = {x.id for x in c.claims}
    assert KIND_DIFFER not in ids
    assert {"price.cheapest", "price.cheapest.input", "price.cheapest.output"} <= ids


def test_embedding_output_is_not_applicable_never_zero() -> None:
    m = VIEW.models["lab/embed-a"]
    p = model_pricing(m, VIEW.offerings[m.id], PROVIDERS, DEFAULT_BLEND)
    assert p.cheapest is not None
    assert p.cheapest.output_per_mtok is None and not p.cheapest.output_applicable
    assert p.cheapest.blended_per_mtok == Decimal("0.02")  # its input price: nothing to blend
    c = _compare(["lab/embed-a", "lab/embed-b"])
    ids = {x.id for x in c.claims}
    assert "price.cheapest" in ids  # two embeddings: their input prices compare
    assert not ids & {"price.cheapest.output", "price.cheapest.input", "price.break_even"}
    cheapest = next(x for x in c.claims if x.id == "price.cheapest")
    assert "$0.00" not in cheapest.text and "no output tokens" in cheapest.basis
    check_consistency(c)


def test_a_rerank_output_price_in_the_data_is_not_shown() -> None:
    m = VIEW.models["lab/rerank"]
    p = model_pricing(m, VIEW.offerings[m.id], PROVIDERS, DEFAULT_BLEND)
    assert all(q.output_per_mtok is None for q in p.providers)


def test_related_comparisons_stay_within_a_kind() -> None:
    models = list(VIEW.models.values())
    for m in models:
        related = related_models(m, models, {}, limit=20)
        kinds = {VIEW.models[r.model_id].kind.value for r in related}
        assert kinds <= ({m.kind.value} if m.kind.value else set()), m.id


def test_kind_phrase_articles() -> None:
    assert kind_phrase("embedding") == "an embedding model"
    assert kind_phrase("image-generation") == "an image generation model"
    assert kind_phrase("text-to-speech") == "a text-to-speech model"
    assert kind_phrase(None) == "of a kind not yet sourced"
    assert prices_comparable({"a": "ocr", "b": "ocr"})
    assert not prices_comparable({"a": None, "b": None})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=st.lists(st.sampled_from(sorted(FIXTURE_KINDS)), min_size=2, max_size=4, unique=True))
def test_no_claim_compares_two_kinds_or_a_not_applicable_component(ids: list[str]) -> None:
    c = _compare(ids)
    kinds = {m: FIXTURE_KINDS[m] for m in ids}
    for claim in c.claims:
        priced = {n.model_id for n in claim.numbers if isinstance(n.value, Decimal)}
        if _comparative(claim):
            assert len({kinds[m] for m in priced}) == 1 and None not in kinds.values(), claim.id
        for n in claim.numbers:
            if "output_per_mtok" in n.field:
                assert has_output_price(kinds[n.model_id]), (claim.id, n)
        if claim.topic == "price":
            assert "$0.00" not in claim.text and "100% less" not in claim.text, claim.text
    differ = len(set(kinds.values())) > 1 or None in kinds.values()
    assert (c.claims[0].id == KIND_DIFFER) == differ
    for _, related in c.related:
        assert {FIXTURE_KINDS[r.model_id] for r in related} <= set(kinds.values())
    check_consistency(c)


def test_an_embedding_workload_has_no_output_cost_never_zero() -> None:
    from tradeoff.compare.cost import price_workload
    from tradeoff.compare.token_workload import Workload

    models = [VIEW.models["lab/embed-a"], VIEW.models["lab/chat-b"]]
    lines = price_workload(models, VIEW.offerings, PROVIDERS, Workload(1_000_000, 1_000_000))
    embed = [c for c in lines if c.model_id == "lab/embed-a"]
    chat = [c for c in lines if c.model_id == "lab/chat-b"]
    assert embed and all(not c.output_applicable for c in embed)
    assert all(c.output_usd is None and c.output_per_mtok is None for c in embed)
    assert min(c.total_usd or 0 for c in embed) == Decimal("0.02")  # 1M input tokens only
    assert all(c.output_applicable and c.output_usd is not None for c in chat)
