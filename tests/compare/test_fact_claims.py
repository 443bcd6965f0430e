"""Spec and capability claims: model names are never re-cased at the start of a sentence."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from support.compare_helpers import model

from tradeoff.compare.claim import Claim
from tradeoff.compare.fact_claims import spec_claims
from tradeoff.compare.specs import spec_rows
from tradeoff.compare.verdict import choose_when
from tradeoff.compare.wording import TIE_TOLERANCE
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
        "DeepSeek-R1 and Ling-flash-2.0 have about the same context window (within 1% of the "
        "largest): "
        "131,072 tokens (131K) for DeepSeek-R1 and 131,000 tokens (131K) for Ling-flash-2.0."
    )
    assert [n.value for n in tie.numbers] == [131_072, 131_000]  # the table keeps exact values
    three = context(a, b, c)
    assert set(three.favours) == set(three.leaders) == {a.id, b.id}
    assert three.reason == "requests need a longer context window"
    assert three.text == (
        "DeepSeek-R1 and Ling-flash-2.0 have the larger context window (within 1% of the "
        "largest): 131,072 tokens (131K) for DeepSeek-R1 and 131,000 tokens (131K) for "
        "Ling-flash-2.0 vs 65,536 tokens (65.5K) for Mixtral."
    )


def _windows(*tokens: int) -> tuple[list[Model], dict[str, str], Claim]:
    models = [model(f"lab/{n}", context_tokens=t) for n, t in zip("abcd", tokens, strict=False)]
    names = {m.id: m.id[-1].upper() for m in models}
    claims = spec_claims(spec_rows(models), names, {m.id: "Lab" for m in models})
    return models, names, next(x for x in claims if x.id == "spec.context_tokens")


def test_a_tie_within_1_percent_says_its_basis_the_largest() -> None:
    # 100,000 / 99,100 / 98,500: A and B are within 1% of the largest, but B and C are 0.6%
    # apart too; "(within 1% of each other) … vs 98,500 for C" read as if C were far behind B
    models, names, claim = _windows(100_000, 99_100, 98_500)
    assert set(claim.leaders) == {"lab/a", "lab/b"}
    assert "of each other" not in claim.text
    assert claim.text.startswith(
        "A and B have the larger context window (within 1% of the largest): "
        "100,000 tokens (100K) for A and 99,100 tokens"
    )
    choose = {c.model_id: c.text for c in choose_when([m.id for m in models], names, [claim])}
    assert choose["lab/b"] == (
        "Choose B when requests need a longer context window (tied with A, within 1% of the "
        "largest)."
    )
    # an exact tie needs no basis
    models, names, claim = _windows(100_000, 100_000, 98_500)
    choose = {c.model_id: c.text for c in choose_when([m.id for m in models], names, [claim])}
    assert choose["lab/b"] == "Choose B when requests need a longer context window (tied with A)."


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1_000, max_value=2_000_000),
    # each window 0–2.5% below a base: near the 1% line, where a tie can chain
    st.lists(st.integers(min_value=0, max_value=25), min_size=2, max_size=4),
)
def test_context_leaders_are_those_within_1_percent_of_the_largest(
    base: int, per_mille_below: list[int]
) -> None:
    tokens = [base * (1000 - d) // 1000 for d in per_mille_below]
    _, _, claim = _windows(*tokens)
    top = Decimal(max(tokens))
    by_id = {f"lab/{n}": t for n, t in zip("abcd", tokens, strict=False)}
    for model_id, t in by_id.items():
        within = top - t <= top * TIE_TOLERANCE
        assert (model_id in claim.leaders) == within, (tokens, claim.text)
    assert "of each other" not in claim.text
    leaders = {by_id[m] for m in claim.leaders}
    # the basis is said whenever the leaders' windows differ, and only then
    assert ("within 1% of the largest" in claim.text) == (len(leaders) > 1), claim.text
