"""A model's benchmark results in its Markdown twin: the HTML page's table, row for row, with
the same notes (who ran each result, its harness and settings, why no comparison uses it)."""

from __future__ import annotations

from tradeoff import urls
from tradeoff.compare.wording import count, score_text
from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.pages.model import BenchmarkEntry
from tradeoff.render.markdown import table

INTRO = (
    "Scores as published, with who ran them. Vendor-reported results are the lab's own "
    "claims; compare like with like (same benchmark, subset, metric and harness) on a "
    f"[comparison page]({urls.compare([])}); see how scores relate to price across the "
    f"catalog on [price vs score]({urls.price_vs_score()})."
)


def _settings(b: BenchmarkEntry) -> str:
    """'harness; key: value, key: value (not compared: why)', as the HTML cell reads."""
    settings = ", ".join(f"{k}: {v}" for k, v in b["settings"].items())
    text = "; ".join(part for part in (b["harness"] or "", settings) if part)
    if b["not_compared"]:
        text += f" (not compared: {b['not_compared']})"
    return esc(text.strip())


def _source(b: BenchmarkEntry) -> str:
    name = esc(b["source"]["name"])
    cited = f"[{name}](<{md_url(b['source']['url'])}>)" if b["source"]["url"] else name
    return cited + (f", {esc(b['date'])}" if b["date"] else "")


def benchmarks_md(results: list[BenchmarkEntry]) -> str:
    """'## Benchmarks (N results)', the intro and one row per result; or that none is sourced."""
    if not results:
        return "## Benchmarks\n\nNo benchmark result is sourced for this model yet."
    rows = [
        [
            esc(b["benchmark_name"] + (f" ({b['subset']})" if b["subset"] else "")),
            esc(f"{b['metric']}, {'higher' if b['higher_is_better'] else 'lower'} is better"),
            esc(score_text(b["score"], b["unit"])),
            _settings(b),
            esc(b["reported"] + (f" ({b['run_by']})" if b["run_by"] else "")),
            _source(b),
        ]
        for b in results
    ]
    head = ["Benchmark", "Metric", "Score", "Harness / settings", "Reported", "Source, date"]
    return f"## Benchmarks ({count(len(results), 'result')})\n\n{INTRO}\n\n{table(head, rows)}"
