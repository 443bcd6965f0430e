"""Spec and capability claims: model names are never re-cased at the start of a sentence."""

from __future__ import annotations

from support.compare_helpers import model

from tradeoff.compare.fact_claims import spec_claims
from tradeoff.compare.specs import spec_rows


def test_sentences_never_recase_a_model_name() -> None:
    from dataclasses import replace

    from tradeoff.compare.capabilities import capability_rows
    from tradeoff.compare.fact_claims import capability_claims

    a = replace(model("openai/gpt-oss-120b", caps={"vision": False}), name="gpt-oss-120b")
    b = replace(model("lab/b", caps={"vision": None}), name="b-model")
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
