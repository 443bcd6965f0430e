"""The terminal's escaping rule: data reaches Rich only as ``Text``, never parsed as markup.

And its layout rule: no value is ever cut or split. Every column folds what does not fit onto
the next line (Rich's ``overflow="fold"``) instead of ending it with an ellipsis, so an id is
always printed whole, however narrow the terminal. A table too wide to keep each of its short
values (a price, a date, a count) on one line is printed as records instead — a row's first
cell, then its other cells as "header: value" — since "$3.29" folded above "9" reads as $3.29.

Kept apart from ``render.terminal`` (which imports every page context) so that CLI commands
can use it without slowing the start of every command.
"""

from __future__ import annotations

import textwrap

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


def fitted(
    natural: list[int], wanted: list[int], whole: list[bool], budget: int
) -> list[int] | None:
    """Column widths summing to at most ``budget`` cells, or None when the columns marked
    ``whole`` (one short word per cell: prices, dates, counts) cannot all keep their ``wanted``
    width (their longest word) with a few cells left for every other column.

    Each column is as wide as its longest line when all fit. Otherwise the ``whole`` columns
    keep their width and the other columns share what is left, the widest giving way first.
    """
    if sum(natural) <= budget:
        return natural
    # what a column that gives way keeps at least: six cells, fewer when there are many columns
    floor = max(1, min(6, budget // max(len(natural), 1)))
    protected: set[int] = set()
    used = floor * len(natural)
    for i in sorted((i for i, w in enumerate(whole) if w), key=lambda i: wanted[i]):
        extra = max(wanted[i] - floor, 0)
        if used + extra > budget:
            return None  # a short value would be split over two lines
        protected.add(i)
        used += extra

    def widths(cap: int) -> list[int]:
        return [wanted[i] if i in protected else min(n, cap) for i, n in enumerate(natural)]

    cap = max(natural, default=0)
    while cap > floor and sum(widths(cap)) > budget:
        cap -= 1
    return widths(cap)


class FoldTable(Table):
    """A Rich table that never cuts a value: columns fold, and keep their short words whole
    as far as the width allows (``fitted``)."""

    def __init__(self, title: str, *, lines: bool = False) -> None:
        super().__init__(title=plain(title), show_lines=lines)
        self.natural: list[int] = []
        self.wanted: list[int] = []
        self.whole: list[bool] = []
        self.records: list[list[Text | None]] = []  # the rows, for the record layout

    def note(self, i: int, text: str, *, header: bool = False) -> None:
        """Widths a cell of column ``i`` asks for."""
        if i == len(self.natural):
            self.natural.append(0)
            self.wanted.append(0)
            self.whole.append(True)
        lines = text.splitlines() or [""]
        self.natural[i] = max(self.natural[i], *(len(line) for line in lines))
        self.wanted[i] = max(self.wanted[i], _longest_word(text))
        if not header:  # a short single word (a price, a date, a count) is kept whole
            self.whole[i] &= len(text) <= WORD_WIDTH and " " not in text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Borders and padding: one rule per column and one more, one cell each side of a value.
        budget = options.max_width - (3 * len(self.columns) + 1)
        widths = fitted(self.natural, self.wanted, self.whole, budget)
        if widths is None:
            yield from self._records(options.max_width - 2)
            return
        for column, width in zip(self.columns, widths, strict=True):
            column.min_width = column.max_width = width
        yield from super().__rich_console__(console, options)

    def _records(self, width: int) -> RenderResult:
        """Each row as its first cell, then "header: value" for the others, as many to a line
        as fit ``width``; a pair longer than a line wraps on its own."""
        headers = [str(c.header) for c in self.columns]
        if self.title:
            yield heading(str(self.title))
        for row in self.records:
            first, rest = row[0], row[1:]
            yield Text(first.plain if first is not None else "", style="bold")
            pairs = [
                f"{header}: {cell.plain}"
                for header, cell in zip(headers[1:], rest, strict=False)
                if cell is not None and cell.plain
            ]
            for line in _packed(pairs, " · ", width):
                yield Text(f"  {line}")


def _packed(items: list[str], separator: str, width: int) -> list[str]:
    """``items`` joined by ``separator`` into lines of at most ``width`` cells: an item that
    fits a line is never broken; a longer one wraps at spaces (a word longer than a line
    folds). Wrapped here, not by Rich: the CLI's console soft-wraps, which would crop."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + len(separator) + len(item) <= width:
            lines[-1] += separator + item
        elif len(item) <= width:
            lines.append(item)
        else:
            lines += textwrap.wrap(item, max(width, 1), break_on_hyphens=False)
    return lines


def new_table(title: str, columns: tuple[str, ...] | list[str], *, lines: bool = False) -> Table:
    """A table whose columns fold long values onto more lines: nothing is cut with "…"."""
    table = FoldTable(title, lines=lines)
    for column in columns:
        table.note(len(table.columns), column, header=True)
        table.add_column(plain(column), overflow="fold")
    return table


def add_row(table: Table, *cells: object) -> None:
    """A table row of data cells, each printed as written (a ``FoldTable`` notes the row's
    short words, to keep them whole)."""
    texts = [None if c is None else c if isinstance(c, Text) else plain(c) for c in cells]
    if isinstance(table, FoldTable):
        for i, text in enumerate(texts):
            if text is not None:
                table.note(i, text.plain)
        table.records.append(texts)
    table.add_row(*texts)
