"""The Markdown twin of a model page's price-history section (pages/price_history.py)."""

from __future__ import annotations

from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.pages.history_shapes import PriceHistory
from tradeoff.render.markdown import money, table


def price_history_md(history: PriceHistory | None) -> str:
    """The trend claim, the moves table and the chart's numbers; empty without a history."""
    if history is None:
        return ""
    parts = [f"## Price history ({history['first_date']} to {history['last_date']})"]
    if history["cheapest_trend"]:
        parts.append(esc(history["cheapest_trend"]["text"]) + ".")
    parts.append(f"![Price history by provider]({history['chart_url']})")
    rows = [
        [
            m["date"],
            esc(m["provider_name"]),
            _pair(m["before_input_per_mtok"], m["before_output_per_mtok"]),
            _pair(m["after_input_per_mtok"], m["after_output_per_mtok"]),
            esc(m["change"]),
            f"[{esc(m['source_id'])} {m['commit'][:7]}](<{md_url(m['source_url'])}>)"
            if m["source_url"] and m["commit"]
            else esc(m["source_id"]),
        ]
        for m in history["moves"]
    ]
    if rows:
        parts.append(f"Price moves: {history['moves_total']} (data corrections are not moves).")
        parts.append(table(["Date", "Provider", "Before", "After", "Change", "Source"], rows))
    steps = [
        [
            esc(line["provider_name"]) + (" (headline)" if line["headline"] else ""),
            s["start"],
            s["end"] or _now(s["live_differs"]),
            money(s["input_per_mtok"]),
            money(s["output_per_mtok"]),
            money(s["blended_per_mtok"]),
        ]
        for line in history["lines"]
        for s in line["steps"]
    ]
    parts.append(table(["Provider", "From", "To", "Input", "Output", "Blended"], steps))
    return "\n\n".join(parts)


def _pair(i: str | None, o: str | None) -> str:
    return money(i) if o is None else f"{money(i)} / {money(o)}"


def _now(live_differs: str | None) -> str:
    """An open step: "now", or whose statement it is when the live price differs."""
    return "now" if live_differs is None else f"now ({esc(live_differs)})"
