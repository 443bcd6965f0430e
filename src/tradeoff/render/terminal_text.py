"""The terminal's escaping rule: data reaches Rich only as ``Text``, never parsed as markup.

Kept apart from ``render.terminal`` (which imports every page context) so that CLI commands
can use it without slowing the start of every command.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text


def plain(value: object) -> Text:
    """Data as terminal text, printed as written (never parsed as Rich markup)."""
    return Text(str(value))


def heading(text: str) -> Text:
    """A bold heading whose text is data-safe."""
    return Text(text, style="bold")


def add_row(table: Table, *cells: object) -> None:
    """A table row of data cells, each printed as written."""
    table.add_row(*(None if c is None else c if isinstance(c, Text) else plain(c) for c in cells))
