"""The terminal's escaping rule: data reaches Rich only as ``Text``, never parsed as markup.

And its layout rule: no value is ever cut. Every column folds what does not fit onto the next
line (Rich's ``overflow="fold"``) instead of ending it with an ellipsis, so an id, a price or a
total is always printed whole, however narrow the terminal.

Kept apart from ``render.terminal`` (which imports every page context) so that CLI commands
can use it without slowing the start of every command.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text


def plain(value: object) -> Text:
    """Data as terminal text, printed as written (never parsed as Rich markup)."""
    return Text(str(value))


def heading(text: str) -> Text:
    """A bold heading whose text is data-safe."""
    return Text(text, style="bold")


# A column keeps at least the width of its longest word up to this many cells, so that prices
# ("$0.0512"), short ids and words stay whole; longer words fold.
WORD_WIDTH = 10


def _longest_word(text: str) -> int:
    return min(max((len(word) for word in text.split()), default=0), WORD_WIDTH)


def fitted(wanted: list[int], budget: int) -> list[int]:
    """Each column's wanted minimum, lowered evenly from the top (the widest first) until
    they sum to at most ``budget`` cells."""
    cap = max(wanted, default=0)
    while cap > 1 and sum(min(w, cap) for w in wanted) > budget:
        cap -= 1
    return [min(w, cap) for w in wanted]


class FoldTable(Table):
    """A Rich table that never cuts a value: columns fold, and keep their short words whole
    as far as the width allows (Rich's ``min_width`` alone would overflow the terminal)."""

    def __init__(self, title: str, *, lines: bool = False) -> None:
        super().__init__(title=plain(title), show_lines=lines)
        self.wanted: list[int] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Borders and padding: one rule per column and one more, one cell each side of a value.
        budget = options.max_width - (3 * len(self.columns) + 1)
        for column, width in zip(self.columns, fitted(self.wanted, budget), strict=True):
            column.min_width = width
        yield from super().__rich_console__(console, options)


def new_table(title: str, columns: tuple[str, ...] | list[str], *, lines: bool = False) -> Table:
    """A table whose columns fold long values onto more lines: nothing is cut with "…"."""
    table = FoldTable(title, lines=lines)
    for column in columns:
        table.add_column(plain(column), overflow="fold")
        table.wanted.append(_longest_word(column))
    return table


def add_row(table: Table, *cells: object) -> None:
    """A table row of data cells, each printed as written (a ``FoldTable`` notes the row's
    short words, to keep them whole)."""
    texts = [None if c is None else c if isinstance(c, Text) else plain(c) for c in cells]
    if isinstance(table, FoldTable):
        for i, text in enumerate(texts):
            if text is not None:
                table.wanted[i] = max(table.wanted[i], _longest_word(text.plain))
    table.add_row(*texts)
