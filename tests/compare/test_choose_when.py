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
