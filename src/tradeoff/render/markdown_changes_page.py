"""The Markdown twin of `/changes` (and what `tradeoff changes --format md` prints)."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.compare.wording import NOT_A_PRICE_MOVE
from tradeoff.escape import md as esc
from tradeoff.money import format_usd
from tradeoff.pages.changes import ChangeEntry, ChangesContext
from tradeoff.render.markdown import table
from tradeoff.render.markdown_pages import sources_md


def scheduled_note(ctx: ChangesContext) -> str:
    """The changes sources date after the catalog's data, said rather than hidden."""
    if not ctx["scheduled"]:
        return ""
    return (
        f" Up to {ctx['data_as_of']}, the catalog's newest data; {ctx['scheduled']} later-dated"
        " changes (retirements sources announce) are listed once that day has passed."
    )


def _price(before: Decimal | None, after: Decimal | None) -> str:
    if before is None and after is None:
        return NOT_A_PRICE_MOVE
    return f"{format_usd(before)} → {format_usd(after)}"


def _provider(c: ChangeEntry) -> str:
    """The provider and, so two routes of one model at one provider read apart, its id."""
    name = esc(c["provider_name"] or "")
    return f"{name} ({esc(c['provider_model_id'])})" if name and c["provider_model_id"] else name


def changes_md(ctx: ChangesContext) -> str:
    """The changes as a table, newest first, with the feed and the sources."""
    rows = [
        [
            c["date"],
            esc(c["kind_label"]),
            f"[{esc(c['model_name'])}]({c['model_url']})"
            if c["model_name"] and c["model_url"]
            else esc(c["model_id"] or c["provider_model_id"] or ""),
            _provider(c),
            _price(c["input_before"], c["input_after"]),
            _price(c["output_before"], c["output_after"]),
        ]
        for c in ctx["changes"]
    ]
    shown = f"{ctx['shown']:,} of {ctx['matched']:,} changes, newest first." + scheduled_note(ctx)
    parts = [
        f"# {esc(ctx['title'])}",
        shown + f" Atom feed: <{ctx['feed']}>.",
        table(["Date", "Change", "Model", "Provider", "Input / 1M", "Output / 1M"], rows)
        if rows
        else "No change matches these filters.",
        sources_md(ctx["sources"]),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"
