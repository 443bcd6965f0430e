"""Benchmark claims and the "choose X when" reasons they give: ties are ties, at the top too."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.compare.benchmarks import (
    BenchmarkRow,
    BenchmarkScore,
    BenchmarkSection,
    benchmark_claims,
)
from tradeoff.compare.claim import Claim
from tradeoff.compare.verdict import choose_when

NAMES = {"a": "Model A", "b": "Model B", "c": "Model C"}


def _row(name: str, **scores: str) -> BenchmarkRow:
    return BenchmarkRow(
        benchmark_id=name.lower(),
        name=name,
        category="reasoning",
        subset="",
        metric="accuracy",
        unit="%",
        higher_is_better=True,
        harness="",
        settings="",
        basis="independent",
        scores=tuple(
            BenchmarkScore(m, Decimal(v), "independent", "Epoch AI", "2025-01-01", "s", f"{m}-r")
            for m, v in scores.items()
        ),
    )


def _claims(*rows: BenchmarkRow) -> list[Claim]:
    return benchmark_claims(BenchmarkSection(True, rows), NAMES)


def test_two_models_tied_at_the_top_of_three_are_named_as_tied() -> None:
    # 31% and 30.9% are within the 1% tie rule; C trails: A and B tie at the top
    (claim,) = _claims(_row("GPQA", a="31", b="30.9", c="20"))
    assert claim.leaders == ("a", "b") and set(claim.favours) == {"a", "b"}
    assert claim.text.endswith(": Model A and Model B tie at the top within 1%."), claim.text


def test_a_tied_leader_is_never_told_its_score_is_better() -> None:
    claims = _claims(_row("GPQA", a="31", b="30.9", c="20"), _row("MATH", a="80", b="60", c="50"))
    choose = {c.model_id: c for c in choose_when(["a", "b", "c"], NAMES, claims)}
    assert choose["a"].text == (
        "Choose Model A when you weigh its better score on MATH "
        "or you weigh the top score it shares on GPQA (with Model B)."
    )
    assert choose["b"].text == (
        "Choose Model B when you weigh the top score it shares on GPQA (with Model A)."
    )
    assert "better" not in choose["b"].text
    assert choose["c"].reasons == ()


def test_one_benchmark_is_one_score() -> None:
    claims = _claims(_row("WeirdML", a="38.6", b="2.8"))
    choose = {c.model_id: c for c in choose_when(["a", "b"], NAMES, claims)}
    assert choose["a"].text == "Choose Model A when you weigh its better score on WeirdML."


def test_a_score_on_a_zero_to_ten_scale_reads_out_of_ten() -> None:
    row = _row("Creative Writing", a="8.39", b="7.5")
    (claim,) = _claims(row._replace(unit="0-10"))
    assert "Model A 8.39 / 10 (independent) and Model B 7.5 / 10 (independent)" in claim.text
    assert "0-10" not in claim.text


def test_equal_scores_are_the_same_score_not_a_tie_within_one_percent() -> None:
    # o3 and o4-mini both 97.8% on MATH Level 5 read "a tie within 1%", as if they differed
    (same,) = _claims(_row("MATH", a="97.8", b="97.8"))
    assert same.tie and same.text.endswith(": the same score."), same.text
    (close,) = _claims(_row("MATH", a="97.8", b="97.5"))
    assert close.tie and close.text.endswith(": a tie within 1%."), close.text
    (top,) = _claims(_row("VPCT", a="33", b="33", c="30"))
    assert top.text.endswith(": Model A and Model B share the top score."), top.text
