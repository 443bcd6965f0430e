"""Markdown twins of the index pages (`/providers`, `/labs`, `/benchmarks`). Data is escaped."""

from __future__ import annotations

from tradeoff.compare.wording import NOT_SOURCED
from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.pages.benchmark_index import BenchmarksContext
from tradeoff.pages.lab import LabsContext
from tradeoff.pages.provider import ProvidersContext
from tradeoff.render.markdown import table
from tradeoff.render.markdown_pages import sources_md


def _link(text: str, url: str | None) -> str:
    return f"[{esc(text)}](<{md_url(url)}>)" if url else NOT_SOURCED


def providers_md(ctx: ProvidersContext) -> str:
    """Every provider with its kind, status and counts."""
    rows = [
        [
            f"[{esc(p['name'])}]({p['url']})",
            NOT_SOURCED if p["kind"] == "unknown" else esc(p["kind"]),
            "active" if p["status"] == "active" else f"defunct {esc(p['defunct_since'] or '')}",
            str(p["offering_count"]),
            str(p["model_count"]),
            _link("documentation", p["homepage"]),
        ]
        for p in ctx["providers"]
    ]
    kinds = ", ".join(f"{esc(k['kind'])} {k['count']}" for k in ctx["kinds"])
    head = (
        f"{ctx['provider_count']} providers: {ctx['active_count']} active, "
        f"{ctx['defunct_count']} defunct. By kind: {kinds}."
    )
    heads = ["Provider", "Kind", "Status", "Offerings", "Models", "Source"]
    return _join([f"# {esc(ctx['title'])}", head, table(heads, rows), sources_md(ctx["sources"])])


def labs_md(ctx: LabsContext) -> str:
    """Every lab with its model count."""
    rows = [
        [f"[{esc(lab['name'])}]({lab['page']})", str(lab["model_count"]), _link("site", lab["url"])]
        for lab in ctx["labs"]
    ]
    head = f"{ctx['lab_count']} labs with {ctx['model_count']} models in the catalog."
    body = table(["Lab", "Models", "Source"], rows)
    return _join([f"# {esc(ctx['title'])}", head, body, sources_md(ctx["sources"])])


def benchmarks_md(ctx: BenchmarksContext) -> str:
    """The benchmark registry with result and model counts."""
    rows = [
        [
            esc(b["name"]),
            f"{esc(b['metric'])} ({esc(b['unit'])}), "
            + ("higher" if b["higher_is_better"] else "lower")
            + " is better",
            str(b["result_count"]),
            str(b["model_count"]),
            f"[price vs score]({b['chart']})" if b["chart"] else "too few priced models",
            _link("homepage", b["homepage"]),
        ]
        for b in ctx["benchmarks"]
    ]
    head = f"{ctx['benchmark_count']} benchmarks, {ctx['result_count']} results in all."
    heads = ["Benchmark", "Metric", "Results", "Models", "Chart", "Source"]
    return _join([f"# {esc(ctx['title'])}", head, table(heads, rows), sources_md(ctx["sources"])])


def _join(parts: list[str]) -> str:
    return "\n\n".join(parts) + "\n"
