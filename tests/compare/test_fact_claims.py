"""Spec and capability claims: model names are never re-cased at the start of a sentence."""

from __future__ import annotations

from support.compare_helpers import model

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
