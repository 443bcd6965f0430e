"""A listing (title, column names, rows of text) in each format a listing command prints:
a terminal table, CSV or a Markdown table. JSON is the command's own context.

Cells are the same words in every format; data is escaped by the one rule of each format
(``tradeoff.escape``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from rich.table import Table

from tradeoff.escape import csv_cell, md
from tradeoff.render.terminal_text import add_row, new_table


@dataclass(frozen=True)
class Listing:
    """What a listing command shows: a title, its columns and its rows."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    lines: bool = False  # rules between rows (rows of several lines)
    # sentences said of the rows (the calculator's cheapest route), under the Markdown title;
    # a terminal command prints its own above the table, where a caption under a long table
    # would be read last
    notes: tuple[str, ...] = ()


def listing_table(listing: Listing) -> Table:
    """The listing as a Rich table whose columns fold (nothing cut); a column empty in every
    row is left out, to leave its width to the others."""
    kept = [i for i in range(len(listing.columns)) if any(row[i] for row in listing.rows)]
    if not listing.rows:
        kept = list(range(len(listing.columns)))
    table = new_table(listing.title, [listing.columns[i] for i in kept], lines=listing.lines)
    for row in listing.rows:
        add_row(table, *(row[i] for i in kept))
    return table


# money as people read it, thousands grouped ("$17,900.00"): a CSV cell carries it ungrouped
_GROUPED_MONEY = re.compile(r"\$\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def listing_csv(listing: Listing) -> str:
    """The listing as CSV: a header row, then one line per row (no title); money cells without
    thousands separators, so a number reads as one."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(listing.columns)
    for row in listing.rows:
        writer.writerow(
            [
                csv_cell(cell.replace(",", "") if _GROUPED_MONEY.fullmatch(cell) else cell)
                for cell in row
            ]
        )
    return buffer.getvalue()


def listing_markdown(listing: Listing) -> str:
    """The listing as a Markdown table under its title and notes."""
    head = "| " + " | ".join(md(c) for c in listing.columns) + " |"
    rule = "|" + "---|" * len(listing.columns)
    body = ["| " + " | ".join(md(cell) for cell in row) + " |" for row in listing.rows]
    said = [line for note in listing.notes for line in (md(note), "")]
    return "\n".join([f"## {md(listing.title)}", "", *said, head, rule, *body]) + "\n"
