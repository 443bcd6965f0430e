"""Spec and capability claims: model names are never re-cased at the start of a sentence."""

from __future__ import annotations

from support.compare_helpers import model

from tradeoff.compare.claim import Claim
from tradeoff.compare.fact_claims import spec_claims
from tradeoff.compare.specs import spec_rows
from tradeoff.records import Model


def test_sentences_never_recase_a_model_name() -> None:
    from tradeoff.compare.capabilities import capability_rows
    from tradeoff.compare.fact_claims import capability_claims

    a = model("openai/gpt-oss-120b", caps={"vision": False})._replace(name="gpt-oss-120b")
    b = model("lab/b", caps={"vision": None})._replace(name="b-model")
    rows = capability_rows([a, b])
    names = {a.id: a.name, b.id: b.name}
    text = next(c.text for c in capability_claims(rows, names) if c.id == "capability.vision")
    assert text.startswith("gpt-oss-120b does not")
    specs = spec_rows([b, a])
    weights = next(
        c
        for c in spec_claims(specs, names, {a.id: "OpenAI", b.id: "Lab"})
        if c.id == "spec.open_weights"
    )
    assert weights.text.startswith("Whether b-model has open weights")


def test_a_context_window_2_percent_larger_is_never_called_one_times_as_large() -> None:
    a = model("moonshotai/kimi-k2-instruct", context_tokens=131_072)
    b = model("openai/gpt-4o", context_tokens=128_000)
    c = model("mistral/mixtral", context_tokens=65_536)
    names = {a.id: "Kimi", b.id: "GPT-4o", c.id: "Mixtral"}
    labs = {a.id: "Moonshot AI", b.id: "OpenAI", c.id: "Mistral"}

    def context(*models: Model) -> str:
        claims = spec_claims(spec_rows(list(models)), names, labs)
        return next(x.text for x in claims if x.id == "spec.context_tokens")

    assert context(a, b).endswith("for GPT-4o, 2% larger.")
    assert context(a, c).endswith("for Mixtral, 2.0× as large.")


def test_context_windows_within_1_percent_are_a_tie() -> None:
    # Ling-flash-2.0 (131,000) vs DeepSeek-R1 (131,072): "0.1% larger" was a reason to choose
    # DeepSeek-R1 ("requests need a longer context window") and its "✓ larger" mark. Within
    # the price ties' tolerance (compare.wording.TIE_TOLERANCE) no user would notice it.
    a = model("deepseek/deepseek-r1", context_tokens=131_072)
    b = model("inclusionai/ling-flash-2.0", context_tokens=131_000)
    c = model("mistral/mixtral", context_tokens=65_536)
    names = {a.id: "DeepSeek-R1", b.id: "Ling-flash-2.0", c.id: "Mixtral"}
    labs = {a.id: "DeepSeek", b.id: "inclusionAI", c.id: "Mistral"}

    def context(*models: Model) -> Claim:
        claims = spec_claims(spec_rows(list(models)), names, labs)
        return next(x for x in claims if x.id == "spec.context_tokens")

    tie = context(a, b)
    assert tie.tie and tie.reason == "" and tie.favours == ()
    assert set(tie.leaders) == {a.id, b.id}  # the glance card marks both a tie
    assert tie.text == (
        "DeepSeek-R1 and Ling-flash-2.0 have about the same context window (within 1%): "
        "131,072 tokens (128K) for DeepSeek-R1 and 131,000 tokens (131K) for Ling-flash-2.0."
    )
    assert [n.value for n in tie.numbers] == [131_072, 131_000]  # the table keeps exact values
    three = context(a, b, c)
    assert set(three.favours) == set(three.leaders) == {a.id, b.id}
    assert three.reason == "requests need a longer context window"
    assert three.text == (
        "DeepSeek-R1 and Ling-flash-2.0 have the larger context window (within 1% of each "
        "other): 131,072 tokens (128K) for DeepSeek-R1 and 131,000 tokens (131K) for "
        "Ling-flash-2.0 vs 65,536 tokens (64K) for Mixtral."
    )
