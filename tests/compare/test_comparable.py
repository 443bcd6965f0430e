"""The comparable-rows rule: same thing measured the same way, never vendor vs independent."""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typing_extensions import Unpack

from tradeoff.benchmark_records import INDEPENDENT, UNATTRIBUTED, VENDOR, BenchmarkResult
from tradeoff.compare.comparable import comparable


class Changes(TypedDict, total=False):
    """Fields of a ``BenchmarkResult`` a test sets (the rest keep ``result``'s defaults)."""

    benchmark_id: str
    subset: str
    metric: str
    score: Decimal
    harness: str
    harness_key: str
    settings: tuple[tuple[str, str], ...]
    run_by: str
    reported: str
    date: str | None
    source_id: str
    source_url: str
    published_in: str


def result(model: str, n: int, **changes: Unpack[Changes]) -> BenchmarkResult:
    """An Epoch AI run of ``model`` on GPQA Diamond, with ``changes``."""
    base = BenchmarkResult(
        id=f"epoch#{model}-{n}",
        model_id=model,
        benchmark_id="gpqa-diamond",
        subset="",
        metric="accuracy",
        metric_as_published="accuracy (%)",
        score=Decimal("50.0"),
        harness="Epoch AI (Inspect)",
        harness_key="epoch ai (inspect)",
        settings=(),
        run_by="Epoch AI",
        reported=INDEPENDENT,
        date="2025-08-07",
        source_id="epoch-benchmark-stitching",
        source_url="https://epoch.ai/benchmarks",
        published_in="epoch-research/benchmark-stitching:data/benchmarks_runs.csv@37d55ed71467",
        licence="MIT",
        source_model=model,
        matched_how="canonical",
    )
    return base._replace(**changes)


KIMI, MIXTRAL = "moonshotai/kimi-k2-instruct", "mistral/mixtral-8x22b-instruct"
VENDOR_CLAIM: Changes = {
    "harness": "vendor (Moonshot AI)",
    "harness_key": "vendor (moonshot ai)",
    "run_by": "Moonshot AI",
    "reported": VENDOR,
    "source_id": "vendor-kimi-k2-instruct",
    "published_in": "MoonshotAI/Kimi-K2:README.md@b15a1b84fe27",
}


def test_same_benchmark_same_harness_forms_a_row() -> None:
    a = [result(KIMI, 1, score=Decimal("54.6"))]
    b = [result(MIXTRAL, 1, score=Decimal("34.1"))]
    got = comparable(a, b)
    assert [(r.a.score, r.b.score) for r in got.rows] == [(Decimal("54.6"), Decimal("34.1"))]
    assert got.rows[0].reported == INDEPENDENT
    assert got.left_out == ()


def test_vendor_claim_is_never_set_against_an_independent_run() -> None:
    vendor = result(KIMI, 2, **(VENDOR_CLAIM | {"score": Decimal("75.1")}))
    got = comparable([vendor], [result(MIXTRAL, 1)])
    assert got.rows == ()
    assert [x.side for x in got.left_out] == ["a", "b"]
    assert all("vendor-reported number is never set against" in x.reason for x in got.left_out)


def test_independent_pair_preferred_and_vendor_claim_left_out_with_reason() -> None:
    vendor = result(KIMI, 2, **(VENDOR_CLAIM | {"score": Decimal("75.1")}))
    got = comparable([result(KIMI, 1), vendor], [result(MIXTRAL, 1)])
    assert len(got.rows) == 1 and got.rows[0].a.reported == INDEPENDENT
    assert [x.result.id for x in got.left_out] == [vendor.id]
    assert "never set against" in got.left_out[0].reason


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"subset": "public"}, "subsets differ"),
        ({"metric": "pass@1"}, "metrics differ"),
        ({"settings": (("reasoning_effort", "high"),)}, "settings differ"),
        ({"harness": "OpenHands", "harness_key": "openhands"}, "harnesses differ"),
        ({"benchmark_id": "math-level-5"}, "no result on this benchmark"),
    ],
)
def test_incompatible_results_are_left_out_with_reason(change: Changes, reason: str) -> None:
    got = comparable([result(KIMI, 1, **change)], [result(MIXTRAL, 1)])
    assert got.rows == ()
    assert len(got.left_out) == 2
    assert all(reason in x.reason for x in got.left_out)


def test_unstated_setup_needs_one_source_file() -> None:
    quiet: Changes = {"harness": "", "harness_key": "", "source_id": "lmarena"}
    a = [result(KIMI, 1, **(quiet | {"published_in": "lmarena:a.json@1"}))]
    b = [result(MIXTRAL, 1, **(quiet | {"published_in": "lmarena:b.json@2"}))]
    assert comparable(a, b).rows == ()
    b2 = [result(MIXTRAL, 1, **(quiet | {"published_in": "lmarena:a.json@1"}))]
    assert len(comparable(a, b2).rows) == 1


def test_one_source_for_both_is_preferred() -> None:
    other: Changes = {"source_id": "swebench", "published_in": "swebench:x@1", "date": "2025-12-01"}
    a = [result(KIMI, 1), result(KIMI, 2, **other)]
    b = [result(MIXTRAL, 1, **other)]
    got = comparable(a, b)
    assert len(got.rows) == 1
    assert got.rows[0].same_source and got.rows[0].a.id == f"epoch#{KIMI}-2"
    assert "preferred pair" in got.left_out[0].reason


def test_same_model_on_both_sides_is_refused() -> None:
    with pytest.raises(ValueError, match="same model"):
        comparable([result(KIMI, 1)], [result(KIMI, 2)])


# --- properties ------------------------------------------------------------------------

REPORTERS = {
    INDEPENDENT: ("Epoch AI", "Epoch AI (Inspect)"),
    VENDOR: ("Moonshot AI", "vendor (Moonshot AI)"),
    UNATTRIBUTED: ("arxiv.org", ""),
}


# Strategies built once (a strategy built inside a draw is re-validated on every draw).
COUNT = st.integers(0, 8)
KIND = st.sampled_from(sorted(REPORTERS))
HARNESS = st.sampled_from((None, "", "OpenHands"))  # None: the reporter's own harness
BENCHMARK = st.sampled_from(("gpqa-diamond", "math-level-5", "mmlu"))
SUBSET = st.sampled_from(("", "public"))
METRIC = st.sampled_from(("accuracy", "pass@1"))
SETTINGS = st.sampled_from(((), (("shots", "5"),)))
SOURCE = st.sampled_from(("epoch", "models-dev"))
PUBLISHED_IN = st.sampled_from(("f1@1", "f2@1"))
SOURCE_URL = st.sampled_from(("https://x", "https://y"))
DATE = st.sampled_from((None, "2025-01-26", "2025-08-07"))
SCORE = st.integers(0, 1000)
NEVER = st.sampled_from((("", ""), ("", "withdrawn by Epoch: x"), ("x-preview", "")))


@st.composite
def results(draw: st.DrawFn, model: str) -> list[BenchmarkResult]:
    out = []
    for n in range(draw(COUNT)):
        kind = draw(KIND)
        run_by, own_harness = REPORTERS[kind]
        harness = draw(HARNESS)
        harness = own_harness if harness is None else harness
        checkpoint, withdrawn = draw(NEVER)
        out.append(
            result(
                model,
                n,
                benchmark_id=draw(BENCHMARK),
                subset=draw(SUBSET),
                metric=draw(METRIC),
                settings=draw(SETTINGS),
                reported=kind,
                run_by=run_by,
                harness=harness,
                harness_key=harness.lower(),
                source_id=draw(SOURCE),
                published_in=draw(PUBLISHED_IN),
                source_url=draw(SOURCE_URL),
                date=draw(DATE),
                score=Decimal(draw(SCORE)) / 10,
            )._replace(
                checkpoint=checkpoint,
                withdrawn=withdrawn,
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(results(KIMI), results(MIXTRAL))
def test_comparable_mirrors(a: list[BenchmarkResult], b: list[BenchmarkResult]) -> None:
    assert comparable(b, a) == comparable(a, b).swapped()


@settings(max_examples=300, deadline=None)
@given(results(KIMI), results(MIXTRAL))
def test_rows_are_honest_and_everything_is_accounted_for(
    a: list[BenchmarkResult], b: list[BenchmarkResult]
) -> None:
    got = comparable(a, b)
    for row in got.rows:
        assert row.a.reported == row.b.reported  # never vendor against independent
        assert (row.a.benchmark_id, row.a.subset, row.a.metric, row.a.settings) == (
            row.b.benchmark_id,
            row.b.subset,
            row.b.metric,
            row.b.settings,
        )
        assert row.a.harness_key == row.b.harness_key
        assert not (row.a.left_out_because or row.b.left_out_because)
    in_rows = [r.a.id for r in got.rows] + [r.b.id for r in got.rows]
    left = [x.result.id for x in got.left_out]
    assert sorted(in_rows + left) == sorted(r.id for r in a + b)
    assert all(x.reason for x in got.left_out)


# --- settings classes, preview checkpoints, withdrawn runs -----------------------------

THINKING_32K = (("thinking", "on"), ("thinking_budget", "32k"))
WITHDRAWN = "withdrawn by Epoch: run not in latest file (last seen at commit 900096de11fb)"


def test_a_thinking_run_is_never_set_against_a_plain_run() -> None:
    got = comparable([result(KIMI, 1, settings=THINKING_32K)], [result(MIXTRAL, 1)])
    assert got.rows == ()
    assert {x.reason for x in got.left_out} == {
        "settings differ: thinking run (32k budget) vs plain run"
    }


def test_a_withdrawn_run_is_left_out_with_the_sources_reason() -> None:
    withdrawn = result(KIMI, 1)._replace(withdrawn=WITHDRAWN)
    got = comparable([withdrawn], [result(MIXTRAL, 1)])
    assert got.rows == ()
    reasons = {x.side: x.reason for x in got.left_out}
    assert reasons["a"] == WITHDRAWN
    assert reasons["b"] == f"the other model's result on this benchmark is left out ({WITHDRAWN})"


def test_a_preview_checkpoints_run_does_not_stand_for_the_released_model() -> None:
    preview = result(KIMI, 1)._replace(checkpoint="gemini-2.5-pro-preview-06-05")
    got = comparable([preview, result(KIMI, 2)], [result(MIXTRAL, 1)])
    assert [r.a.id for r in got.rows] == [f"epoch#{KIMI}-2"]  # the released model's own run
    (left,) = got.left_out
    assert left.reason.startswith("preview checkpoint (gemini-2.5-pro-preview-06-05)")
