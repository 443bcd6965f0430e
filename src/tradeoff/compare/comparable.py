"""Which benchmark results of two models form an honest side-by-side row — and why others don't.

A pure function over records (no SQLite, no files). Two results are *compatible* when they
measure the same thing the same way:

1. same benchmark id;
2. same kind of reporter — a vendor's own claim is never set against an independent run;
3. same subset and metric;
4. same settings class (reasoning effort, thinking and its budget, shots, attempts,
   quantization); a run of a preview checkpoint never stands for a released model, and a
   result its own source withdrew is never compared (each is left out with that reason);
5. vendor claims pair only with claims of the same vendor;
6. same harness (``harness_key``); when neither source says how it was run, only numbers
   published together (same page or snapshot) count, and unattributed numbers only from the
   same page.

Among compatible pairs of one (benchmark, subset, metric, settings) the row takes the best:
independent over vendor over unattributed, one source for both over two, one file over two,
then the newer pair. Every result not in a row is returned with the reason it was left out.
``comparable(b, a)`` is ``comparable(a, b).swapped()``.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tradeoff.benchmark_records import INDEPENDENT, REPORTED_KINDS, VENDOR, BenchmarkResult

Side = str  # "a" | "b"
GroupKey = tuple[str, str, str, tuple[tuple[str, str], ...]]


class ComparableRow(NamedTuple):
    """Two results, one per model, that measure the same thing the same way."""

    benchmark_id: str
    subset: str
    metric: str
    settings: tuple[tuple[str, str], ...]
    a: BenchmarkResult
    b: BenchmarkResult
    reported: str  # the reporter kind both share: independent | vendor | unattributed
    same_source: bool
    basis: str  # for people: why these two numbers may be compared

    def swapped(self) -> "ComparableRow":
        """The same row seen from the other model."""
        return ComparableRow(
            self.benchmark_id,
            self.subset,
            self.metric,
            self.settings,
            self.b,
            self.a,
            self.reported,
            self.same_source,
            self.basis,
        )


class LeftOut(NamedTuple):
    """A result of one side that is in no row, with the reason."""

    side: Side
    result: BenchmarkResult
    reason: str


class Comparison(NamedTuple):
    """The comparable rows of two models and every result left out."""

    rows: tuple[ComparableRow, ...]
    left_out: tuple[LeftOut, ...]

    def swapped(self) -> "Comparison":
        """The comparison of B with A."""
        return Comparison(
            _sorted_rows(r.swapped() for r in self.rows),
            _sorted_left_out(
                LeftOut("b" if x.side == "a" else "a", x.result, x.reason) for x in self.left_out
            ),
        )


def _group(r: BenchmarkResult) -> GroupKey:
    return (r.benchmark_id, r.subset, r.metric, r.settings)


def _show(text: str) -> str:
    return text or "not stated"


def mismatch(x: BenchmarkResult, y: BenchmarkResult) -> tuple[int, str | None]:
    """(depth, reason) of the first rule two results break; reason None when compatible.

    The depth says how close the two came (higher = more alike); it picks the most telling
    reason for a left-out result. Symmetric in x and y.
    """
    if x.benchmark_id != y.benchmark_id:
        return 0, "the other model has no result on this benchmark"
    if x.reported != y.reported:
        if VENDOR in (x.reported, y.reported):
            return 1, (
                "a vendor-reported number is never set against a number from another "
                "kind of reporter (vendor-reported vs "
                f"{y.reported if x.reported == VENDOR else x.reported})"
            )
        low, high = sorted((x.reported, y.reported))
        return 1, f"reporters differ ({low} vs {high})"
    if x.subset != y.subset:
        return 2, f"subsets differ ({_show(x.subset)!r} vs {_show(y.subset)!r})"
    if x.metric != y.metric:
        return 3, f"metrics differ ({x.metric!r} vs {y.metric!r})"
    if x.settings != y.settings:
        # the run with stated settings first: "thinking run (32k budget) vs plain run"
        first, second = sorted((x, y), key=lambda r: (not r.settings, r.settings_class))
        return 4, f"settings differ: {first.settings_class} vs {second.settings_class}"
    if x.reported == VENDOR and x.run_by != y.run_by:
        low, high = sorted((x.run_by, y.run_by))
        return 5, f"claims of different vendors ({low} vs {high})"
    if x.harness_key != y.harness_key:
        low, high = sorted((_show(x.harness), _show(y.harness)))
        return 6, f"harnesses differ ({low} vs {high})"
    if not x.harness_key and x.published_in != y.published_in:
        return 7, "setup not stated and published in different sources"
    if x.reported not in (INDEPENDENT, VENDOR) and x.source_url != y.source_url:
        return 8, "who ran it is not stated and the numbers come from different pages"
    return 9, None


def _inverted(date: str | None) -> str:
    # Newer dates sort first; a missing date sorts last ("~" > digits).
    if not date:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def _preference(x: BenchmarkResult, y: BenchmarkResult) -> tuple[object, ...]:
    """Sort key of a compatible pair (lower is better); symmetric in x and y."""
    older = min(x.date or "", y.date or "") or None
    return (
        REPORTED_KINDS.index(x.reported) if x.reported in REPORTED_KINDS else len(REPORTED_KINDS),
        x.source_id != y.source_id,
        x.published_in != y.published_in,
        _inverted(older),
        tuple(sorted((x.id, y.id))),
    )


def _basis(x: BenchmarkResult, y: BenchmarkResult) -> str:
    who = "vendor-reported" if x.reported == VENDOR else x.reported
    how = f"harness {x.harness}" if x.harness == y.harness and x.harness else None
    if how is None and x.harness_key:
        low, high = sorted((_show(x.harness), _show(y.harness)))
        how = f"harness {x.harness_key} ({low} / {high})"
    if x.source_id == y.source_id:
        where = f"both from {x.source_id}"
    else:
        where = f"from {min(x.source_id, y.source_id)} and {max(x.source_id, y.source_id)}"
    parts = [who, where, how or "published together in " + x.published_in]
    if x.run_by == y.run_by:
        parts.insert(1, f"run by {x.run_by}")
    return "; ".join(parts)


def _sorted_rows(rows: Iterable[ComparableRow]) -> tuple[ComparableRow, ...]:
    return tuple(sorted(rows, key=lambda r: (r.benchmark_id, r.subset, r.metric, r.settings)))


def _sorted_left_out(items: Iterable[LeftOut]) -> tuple[LeftOut, ...]:
    return tuple(sorted(items, key=lambda x: (x.side, x.result.benchmark_id, x.result.id)))


def comparable(a: Sequence[BenchmarkResult], b: Sequence[BenchmarkResult]) -> Comparison:
    """The comparable rows of model A's and model B's results, and why the rest were left out.

    ``a`` and ``b`` are all results of two different models (any order, any benchmarks).
    One row per (benchmark, subset, metric, settings) both models have a compatible pair for.
    """
    shared = {r.model_id for r in a} & {r.model_id for r in b}
    if shared:
        raise ValueError(f"the same model on both sides: {sorted(shared)}")
    never = [LeftOut("a", r, why) for r in a if (why := r.left_out_because)]
    never += [LeftOut("b", r, why) for r in b if (why := r.left_out_because)]
    a_all, b_all = a, b
    a = [r for r in a if not r.left_out_because]
    b = [r for r in b if not r.left_out_because]
    by_group_b: dict[GroupKey, list[BenchmarkResult]] = defaultdict(list)
    for r in b:
        by_group_b[_group(r)].append(r)
    best: dict[GroupKey, tuple[tuple[object, ...], BenchmarkResult, BenchmarkResult]] = {}
    for x in a:
        for y in by_group_b.get(_group(x), []):
            if mismatch(x, y)[1] is not None:
                continue
            key = _preference(x, y)
            current = best.get(_group(x))
            if current is None or key < current[0]:
                best[_group(x)] = (key, x, y)
    rows = [
        ComparableRow(
            x.benchmark_id,
            x.subset,
            x.metric,
            x.settings,
            x,
            y,
            x.reported,
            x.source_id == y.source_id,
            _basis(x, y),
        )
        for _, x, y in best.values()
    ]
    used = {id(r) for _, x, y in best.values() for r in (x, y)}
    left = [LeftOut("a", x, _why(x, b, best, b_all)) for x in a if id(x) not in used]
    left += [LeftOut("b", y, _why(y, a, best, a_all)) for y in b if id(y) not in used]
    return Comparison(_sorted_rows(rows), _sorted_left_out(left + never))


def _why(
    r: BenchmarkResult,
    others: Sequence[BenchmarkResult],
    best: dict[GroupKey, tuple[tuple[object, ...], BenchmarkResult, BenchmarkResult]],
    all_others: Sequence[BenchmarkResult],
) -> str:
    found = [mismatch(r, o) for o in others if o.benchmark_id == r.benchmark_id]
    chosen = best.get(_group(r))
    if chosen is not None and any(reason is None for _, reason in found):
        _, x, y = chosen
        return f"a preferred pair was chosen ({_basis(x, y)})"
    if not found:
        never = sorted(
            {
                why
                for o in all_others
                if o.benchmark_id == r.benchmark_id
                if (why := o.left_out_because)
            }
        )
        if never:
            return (
                "the other model's result on this benchmark is left out (" + "; ".join(never) + ")"
            )
        return "the other model has no result on this benchmark"
    depth = max(d for d, _ in found)
    return min(reason or "" for d, reason in found if d == depth)
