"""Shared benchmark rows in the comparison, and the claims they support.

Which results are comparable (same benchmark, subset, metric, harness and settings) is decided
by ``tradeoff.benchmarks``; this module only words what it is given.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.compare import wording as w
from tradeoff.compare.claim import Claim, new_claim, new_number
from tradeoff.compare.comparable import ComparableRow, comparable


class BenchmarkScore(NamedTuple):
    """One model's score on one benchmark, and who reported it."""

    model_id: str
    score: Decimal
    reported: str  # vendor | independent | unattributed
    run_by: str
    date: str | None
    source_id: str
    result_id: str
    source_url: str = ""


class BenchmarkRow(NamedTuple):
    """One benchmark on which every compared model has a comparable result."""

    benchmark_id: str
    name: str
    category: str
    subset: str
    metric: str
    unit: str
    higher_is_better: bool
    harness: str
    settings: str
    basis: str
    scores: tuple[BenchmarkScore, ...]

    @property
    def key(self) -> str:
        """Unique within a comparison: one benchmark can have rows per subset and settings."""
        return "|".join((self.benchmark_id, self.subset, self.metric, self.settings))

    @property
    def label(self) -> str:
        """ "ARC-AGI (semi-private, reasoning_effort=high)"."""
        extra = ", ".join(x for x in (self.subset, self.settings) if x)
        return self.name + (f" ({extra})" if extra else "")


class BenchmarkSection(NamedTuple):
    """``in_catalog`` False: the catalog holds no benchmark results at all yet."""

    in_catalog: bool
    rows: tuple[BenchmarkRow, ...] = ()
    result_counts: tuple[tuple[str, int], ...] = ()  # (model id, results of that model)
    excluded: tuple[str, ...] = ()  # why other results were not compared (every message)
    excluded_by_rule: tuple[str, ...] = ()  # the messages of results a comparability rule left out
    without_counterpart: int = 0  # distinct results left out only because no partner exists


NO_RESULT = "the other model has no result on this benchmark"  # benchmarks.comparable's reason

NO_BENCHMARKS = BenchmarkSection(in_catalog=False)


def benchmark_claims(section: BenchmarkSection, names: Mapping[str, str]) -> list[Claim]:
    """One claim per shared row (ties within 1% called ties), or why there are none."""
    if not section.rows:
        if not section.in_catalog:
            text = (
                "Benchmark results are not yet sourced in this catalog, so no benchmark "
                "comparison is made."
            )
        else:
            counts = dict(section.result_counts)
            held = w.join([f"{names[m]} has {w.count(n, 'result')}" for m, n in counts.items()])
            if section.excluded_by_rule:
                # results that could have been paired were left out by a rule (settings,
                # harness, reporter, subset, a model without a comparable result, withdrawn):
                # "no shared benchmark rows (same benchmark, subset, metric and comparable
                # harness)" read as if nothing had been set aside
                text = (
                    "No benchmark row compares these models: the results a comparability rule "
                    "left out are listed with their reasons under Not compared"
                )
                text += f"; {held}." if held else "."
            else:
                text = (
                    "No shared benchmark rows are sourced for these models (same benchmark, "
                    "subset, metric and comparable harness)"
                )
                text += f": {held}." if held else "."
        numbers = tuple(
            new_number("benchmarks", m, "result_count", n) for m, n in section.result_counts
        )
        return [new_claim("benchmark.none", "benchmark", text, "benchmark results", numbers)]
    claims = []
    for row in section.rows:
        claims.append(_row_claim(row, names))
    return claims


def _row_claim(row: BenchmarkRow, names: Mapping[str, str]) -> Claim:
    scores = sorted(row.scores, key=lambda s: s.score, reverse=row.higher_is_better)
    label = row.label
    shown = [
        f"{names[s.model_id]} {w.score_text(s.score, row.unit)} ({s.reported})" for s in scores
    ]
    best = scores[0]
    tie = all(w.is_tie(s.score, best.score) for s in scores[1:])
    numbers = tuple(new_number("benchmarks", s.model_id, row.key, s.score) for s in row.scores)
    if tie:
        same = all(s.score == best.score for s in scores)
        text = f"On {label}, {row.metric}: {w.join(shown)}: "
        text += "the same score." if same else "a tie within 1%."
        everyone = tuple(s.model_id for s in scores)
        return new_claim(
            f"benchmark.{row.key}",
            "benchmark",
            text,
            row.metric,
            numbers,
            (),
            True,
            leaders=everyone,
        )
    direction = "higher" if row.higher_is_better else "lower"
    text = f"On {label}, {row.metric} ({direction} is better): {w.join(shown)}."
    leaders = tuple(s.model_id for s in scores if w.is_tie(s.score, best.score))
    if len(leaders) > 1:  # some of 3–4 models tie at the top: none of them is better
        tied = w.join([names[m] for m in leaders])
        same = len({s.score for s in scores if s.model_id in leaders}) == 1
        ending = "share the top score" if same else "tie at the top within 1%"
        text = text[:-1] + f": {tied} {ending}."
    return new_claim(
        f"benchmark.{row.key}",
        "benchmark",
        text,
        row.basis,
        numbers,
        leaders,
        reason=f"{row.name} results matter to you",
        benchmark=label,
        leaders=leaders,
    )


def reasoning_note(section: BenchmarkSection, claims: Sequence[Claim]) -> Claim | None:
    """The benchmark evidence on reasoning for the FAQ: shared reasoning rows, or their absence."""
    rows = [r for r in section.rows if r.category == "reasoning"]
    if rows:
        ids = {f"benchmark.{r.key}" for r in rows}
        picked = [c for c in claims if c.id in ids]
        return new_claim(
            "benchmark.reasoning",
            "benchmark",
            " ".join(c.text for c in picked),
            "shared reasoning benchmark rows",
            tuple(n for c in picked for n in c.numbers),
        )
    return new_claim(
        "benchmark.reasoning",
        "benchmark",
        # "no shared rows" read as if no reasoning benchmark had results for them all; it is
        # that none has comparable ones (the Benchmarks section lists what is not compared)
        "No reasoning benchmark row compares these models (same benchmark, subset, metric, "
        "settings and comparable harness), so the catalog does not rank them on reasoning "
        "quality.",
        "shared benchmark rows of category reasoning",
        (),
    )


def section_from_results(
    model_ids: Sequence[str],
    results: Mapping[str, Sequence[BenchmarkResult]],
    registry: Mapping[str, Benchmark],
    names: Mapping[str, str],
) -> BenchmarkSection:
    """Rows every model shares, by ``tradeoff.compare.comparable`` against the first model.

    With 3 or 4 models a row needs the same result of the first model paired with every
    other model; anything else is listed as excluded with the rule's reason.
    """
    first = model_ids[0]
    pairs = {m: comparable(results.get(first, ()), results.get(m, ())) for m in model_ids[1:]}
    keyed: dict[tuple[object, ...], dict[str, ComparableRow]] = {}
    for m, cmp in pairs.items():
        for row in cmp.rows:
            keyed.setdefault(
                (row.benchmark_id, row.subset, row.metric, row.settings, row.a.id), {}
            )[m] = row
    rows: list[BenchmarkRow] = []
    excluded: list[str] = []
    by_rule: list[str] = []
    mentioned: set[str] = set()  # results in a row, or in a row left out by a rule
    for _, by_other in sorted(keyed.items(), key=lambda kv: str(kv[0])):
        sample = next(iter(by_other.values()))
        bench = registry.get(sample.benchmark_id)
        mentioned.add(sample.a.id)
        if len(by_other) != len(pairs):
            missing = [names[m] for m in pairs if m not in by_other]
            message = f"{_label(sample, bench)}: no comparable result for {w.join(missing)}"
            excluded.append(message)
            by_rule.append(message)
            continue
        scores = [_score_of(sample.a)] + [_score_of(r.b) for r in by_other.values()]
        rows.append(
            BenchmarkRow(
                benchmark_id=sample.benchmark_id,
                name=bench.name if bench else sample.benchmark_id,
                category=bench.category if bench else "",
                subset=sample.subset,
                metric=sample.metric,
                unit=bench.unit if bench else "",
                higher_is_better=bench.higher_is_better if bench else True,
                harness=sample.a.harness,
                settings=sample.a.settings_text,
                basis=sample.basis,
                scores=tuple(scores),
            )
        )
    alone: set[str] = set()
    for m, cmp in pairs.items():
        for left in cmp.left_out:
            owner = first if left.side == "a" else m
            bench = registry.get(left.result.benchmark_id)
            name = bench.name if bench else left.result.benchmark_id
            message = f"{names[owner]} on {name}: {left.reason}"
            excluded.append(message)
            if left.reason == NO_RESULT:
                alone.add(left.result.id)
            else:
                by_rule.append(message)
    counts = tuple((m, len(results.get(m, ()))) for m in model_ids)
    return BenchmarkSection(
        True,
        tuple(rows),
        counts,
        tuple(dict.fromkeys(excluded)),
        tuple(dict.fromkeys(by_rule)),
        len(alone - mentioned),
    )


def _label(row: ComparableRow, bench: Benchmark | None) -> str:
    return (bench.name if bench else row.benchmark_id) + (f" ({row.subset})" if row.subset else "")


def _score_of(r: BenchmarkResult) -> BenchmarkScore:
    return BenchmarkScore(
        r.model_id, r.score, r.reported, r.run_by, r.date, r.source_id, r.id, r.source_url
    )
