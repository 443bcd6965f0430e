"""The Markdown of a comparison's "price changes" section (pages/history.py)."""

from __future__ import annotations

from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.pages.history_shapes import ModelPriceChanges


def price_changes_lines(changes: list[ModelPriceChanges]) -> list[str]:
    """The section's lines; none when no compared model has a dated history."""
    if not changes:
        return []
    lines = [
        "",
        "## Price changes",
        "",
        "Dated price moves of each model's routes (USD per 1M tokens; blended 70% input / "
        "30% output). Data corrections are not moves.",
    ]
    for c in changes:
        lines += ["", f"### {esc(c['name'])}", ""]
        if c["cheapest_trend"]:
            lines += [esc(c["cheapest_trend"]["text"]) + ".", ""]
        for m in c["latest_moves"]:
            source = (
                f" ([{esc(m['source_id'])} {m['commit'][:7]}](<{md_url(m['source_url'])}>))"
                if m["source_url"] and m["commit"]
                else ""
            )
            lines.append(f"- {esc(m['text'])}{source}")
        if not c["latest_moves"]:
            lines.append(
                f"No price move of its routes is recorded from {c['first_date']} to "
                f"{c['last_date']}."
            )
        elif c["moves_total"] > len(c["latest_moves"]):
            lines += ["", f"{c['moves_total']} moves in all: [the model page]({c['url']})."]
    return lines
