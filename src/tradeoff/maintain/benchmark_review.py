"""The benchmark review report: rows that name no model of the catalog, or no registered
benchmark, with reasons and counts per source (catalog/review/benchmarks-unmatched.csv)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from tradeoff.catalog.benchmark_files import Unregistered
from tradeoff.catalog.load import CatalogText
from tradeoff.db.benchmark_writer import linked_files
from tradeoff.reconcile.resolved import Resolved

REVIEW_FILE = "benchmarks-unmatched.csv"


@dataclass
class SourceTally:
    """Per result file: rows imported, matched to a canonical model, and left out."""

    source_id: str
    imported: int = 0
    matched: int = 0
    unregistered: int = 0
    unmatched: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    unregistered_names: list[Unregistered] = field(default_factory=list)


def tally(text: CatalogText, resolved: Resolved) -> dict[str, SourceTally]:
    """Counts by result file stem (in file order), and every unmatched (model name, ref, reason).

    The files and links are the ones the database build just made with this ``resolved``.
    """
    out: dict[str, SourceTally] = {}
    for linked in linked_files(text, resolved):
        results = linked.results
        t = out.setdefault(linked.path.stem, SourceTally(results.source_id))
        t.unregistered = sum(u.rows for u in results.unregistered)
        t.unregistered_names = list(results.unregistered)
        for row in linked.rows:
            t.imported += 1
            if row.model_id is not None and row.model_id in resolved.models:
                t.matched += 1
            else:
                reason = row.reason or f"{row.model_id} is not a model of the compiled catalog"
                ref = row.entry.model_id or row.entry.provider_ref or ""
                t.unmatched[(row.entry.source_model, ref, reason)] += 1
    return out


def review_text(tallies: dict[str, SourceTally]) -> str:
    """benchmarks-unmatched.csv: one line per (source, kind, name, reason) with its count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("source", "kind", "name", "ref", "reason", "rows"))
    for _, t in sorted(tallies.items()):
        for (name, ref, reason), n in sorted(t.unmatched.items()):
            writer.writerow((t.source_id, "model", name, ref, reason, n))
    for t in tallies.values():  # file order, as ``tally`` made them
        for u in t.unregistered_names:
            name = u.benchmark + (f"@{u.version}" if u.version else "")
            writer.writerow((t.source_id, "benchmark", name, "", "not in benchmarks.toml", u.rows))
    return buffer.getvalue()


def summary_lines(tallies: dict[str, SourceTally]) -> list[str]:
    """People-readable counts per source."""
    lines = []
    for stem, t in sorted(tallies.items()):
        unmatched = sum(t.unmatched.values())
        share = f" ({100 * t.matched / t.imported:.1f}%)" if t.imported else ""
        lines.append(
            f"{t.source_id} ({stem}): {t.imported} results imported, {t.matched} matched to a "
            f"catalog model{share}, {unmatched} unmatched, {t.unregistered} rows of "
            "unregistered benchmarks"
        )
    return lines
