"""The comparison page's listed parts (cards, lists, price changes, paragraphs) in Python.

``compare_body.py`` writes the page's outline (sections, headings, fixed sentences) and
calls these for every part that repeats per model, per claim or per move: a Jinja loop pays
for each value it writes (an attribute lookup, ``markupsafe.escape`` building a ``Markup``,
one generator step per piece through every enclosing template), several times what the
value itself costs. Each function writes the bytes its template loop wrote, with the same
escaping rule (``html_cells.escape``, markupsafe's own), as a plain ``str`` of HTML, joined
by ``compare_body.comparison_body`` and put in by the templates with autoescape off (a
``Markup`` per part would copy its text when built and again when put in an f-string).
``tests/pages/test_comparison.py``'s golden pages hold them to those bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tradeoff.render.html_cells import escape, escape_text


def glance(cards: Sequence[Mapping[str, Any]], verdict_line: str) -> str:
    """The page's top: one card per model (its rows: ``card_row_lines``) and the cards in
    one line."""
    out = ['<section class="glance" aria-label="At a glance">\n<div class="cards">\n']
    for n, card in enumerate(cards, 1):
        out.append(
            f'<article class="card" data-model="{escape_text(card["model"])}" '
            f'aria-labelledby="card-{n}">\n'
            f'<h2 class="card-title" id="card-{n}">{escape_text(card["model_name"])}</h2>\n'
            f"<dl>\n{card_row_lines(card['rows'])}</dl>\n</article>\n"
        )
    out.append(
        '</div>\n<p class="verdict-line"><strong>In one line:</strong> '
        f"{escape_text(verdict_line)}</p>\n</section>\n"
    )
    return "".join(out)


def card_row_lines(rows: Sequence[Mapping[str, Any]]) -> str:
    """A summary card's rows, one line each."""
    return "".join([_card_row(r) + "\n" for r in rows])


def _card_row(r: Mapping[str, Any]) -> str:
    """A summary card's row: label, value, its mark (better in words) and detail."""
    mark, mark_text, detail = r["mark"], r["mark_text"], r["detail"]
    out = (
        f'<div class="card-row mark-{escape_text(mark)}" data-key="{escape_text(r["key"])}">'
        f"<dt>{escape_text(r['label'])}</dt><dd>"
        f'<span class="value{" unknown" if r["value"] is None else ""}">'
        f"{escape_text(r['display'])}</span>"
    )
    if mark == "better":
        out += f' <strong class="mark">✓ {escape_text(mark_text)}</strong>'
    elif mark_text:
        out += f' <span class="mark">{escape_text(mark_text)}</span>'
    if detail:
        out += f'<br><span class="detail">{escape_text(detail)}</span>'
    return out + "</dd></div>"


def list_items(entries: Sequence[Mapping[str, Any]], key: str) -> str:
    """One ``<li>`` line per entry, of its ``key`` (the verdict's "choose" list)."""
    return "".join([f"<li>{escape_text(e[key])}</li>\n" for e in entries])


def names(entries: Sequence[Mapping[str, Any]], between: str) -> str:
    """The entries' names joined: "A, B" (shared providers), "A and B" (chart alt texts)."""
    return between.join([escape_text(e["name"]) for e in entries])


def titled_paragraphs(entries: Sequence[Mapping[str, Any]], title: str, text: str) -> str:
    """An ``<h3>`` and a ``<p>`` per entry (the deep dive, the FAQ), each on its own line."""
    return "".join(
        [f"<h3>{escape_text(e[title])}</h3>\n<p>{escape_text(e[text])}</p>\n" for e in entries]
    )


def plain_items(texts: Sequence[object]) -> str:
    """``<li>`` items on one line (the benchmarks left out by a comparability rule)."""
    return "".join([f"<li>{escape(t)}</li>" for t in texts])


_PRICE_CHANGES_HEAD = (
    '<section id="price-changes">\n<h2>Price changes</h2>\n'
    "<p>Dated price moves of each model's routes (USD per 1M tokens; blended 70% input / 30% "
    "output), from models.dev's history and genai-prices' dated prices. Data corrections are "
    "not moves.</p>\n"
)


def price_changes(changes: Sequence[Mapping[str, Any]]) -> str:
    """Each model's dated price moves (pages/history.py ``price_changes``; docs/history.md):
    its cheapest route's trend, its latest moves with their sources, or that none is
    recorded; nothing when no model has a price history."""
    if not changes:
        return ""
    out = [_PRICE_CHANGES_HEAD]
    for c in changes:
        out.append(f"<h3>{escape(c['name'])}</h3>\n")
        trend = c["cheapest_trend"]
        if trend:
            out.append(f"<p>{escape(trend['text'])}.</p>")  # no line break: as the template wrote
        moves = c["latest_moves"]
        if moves:
            out.append("<ul>\n")
            out += [_move_item(m) for m in moves]
            out.append("</ul>\n")
            if c["moves_total"] > len(moves):
                out.append(
                    f"<p>{escape(c['moves_total'])} moves in all from {escape(c['first_date'])}"
                    f" to {escape(c['last_date'])}: "
                    f'<a href="{escape(c["url"])}">the model page</a>.</p>'
                )
        else:
            out.append(
                f"<p>No price move of its routes is recorded from {escape(c['first_date'])}"
                f" to {escape(c['last_date'])}.</p>\n"
            )
    out.append("</section>\n")
    return "".join(out)


def _move_item(m: Mapping[str, Any]) -> str:
    source = ""
    if m["source_url"]:
        source = (
            f' (<a href="{escape(m["source_url"])}">{escape(m["source_id"])} '
            f"{escape(m['commit'][:7])}</a>)"
        )
    return f"<li>{escape(m['text'])}{source}</li>\n"
