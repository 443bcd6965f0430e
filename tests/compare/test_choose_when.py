""" "Choose X when …": a value that several models share at the top is said as a tie."""

from __future__ import annotations

from tradeoff.compare.claim import Claim, Number
from tradeoff.compare.verdict import choose_when

NAMES = {"a": "Model A", "b": "Model B", "c": "Model C"}


def _count_claim(favours: tuple[str, ...]) -> Claim:
    numbers = tuple(Number("availability", m, "provider_count", n) for m, n in (("a", 29),
                    ("b", 29), ("c", 13)))  # fmt: skip
    return Claim(
        "availability.count",
        "availability",
        "Model A runs on 29 active providers, Model B on 29 active providers and Model C on 13.",
        "active providers",
        numbers,
        favours,
        reason="you want more providers to choose from or fail over to",
    )


def test_models_tied_for_the_most_providers_are_told_so() -> None:
    # Gemini 2.5 Pro and GPT-5 (29 providers each, vs 25 and 13) were each told "choose it
    # when you want more providers", as if each had more than the other
    choose = {c.model_id: c.text for c in choose_when(["a", "b", "c"], NAMES, [_count_claim(
        ("a", "b"))])}  # fmt: skip
    assert choose["a"] == (
        "Choose Model A when you want more providers to choose from or fail over to "
        "(tied with Model B)."
    )
    assert choose["b"].endswith("(tied with Model A).")


def test_a_sole_leader_is_not_said_to_tie() -> None:
    choose = {c.model_id: c.text for c in choose_when(["a", "b", "c"], NAMES, [_count_claim(
        ("a",))])}  # fmt: skip
    assert choose["a"] == (
        "Choose Model A when you want more providers to choose from or fail over to."
    )


def test_a_model_without_an_active_provider_runs_on_none() -> None:
    # "Ornith 1.0 35B runs on 0 active providers and UI-TARS 7B on 2 active providers."
    from support.compare_helpers import PROVIDERS, model, offering

    from tradeoff.compare.availability_claims import availability_claims
    from tradeoff.compare.pricing import model_pricing
    from tradeoff.compare.workload import DEFAULT_BLEND

    offers = {"lab/a": [], "lab/b": [offering("lab/b", "host", "1", "1")]}
    pricing = {
        m: model_pricing(model(m), offers[m], PROVIDERS, DEFAULT_BLEND) for m in ("lab/a", "lab/b")
    }
    names = {"lab/a": "A", "lab/b": "B"}
    count = availability_claims(["lab/a", "lab/b"], names, pricing, [], {})[0]
    assert count.text == "A runs on no active provider and B on 1 active provider."
    none = {m: model_pricing(model(m), [], PROVIDERS, DEFAULT_BLEND) for m in ("lab/a", "lab/b")}
    count = availability_claims(["lab/a", "lab/b"], names, none, [], {})[0]
    assert count.text == "Neither runs on an active provider."
