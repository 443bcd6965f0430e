"""The terminal's table layout: a table too wide for the terminal to keep its prices, dates
and counts on one line each is printed as one record per row instead, so that no number is
ever split over two lines ("$3.29" above "9" reads as $3.29)."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from tradeoff.render.terminal_text import add_row, new_table

HEADERS = ("provider", "model id", "input", "output", "cache read", "blended", "context", "why")
WHY = "not headline: priced in Poe's points, not USD per token (the USD figure is a conversion)"
ROWS = [
    ("OpenCode Zen", "gpt-5", "$1.07", "$8.50", "$0.107", "$3.299", "400,000", "headline"),
    ("Poe", "openai/gpt-5", "$1.10", "$9.00", "$0.11", "$3.47", "400,000", WHY),
    ("Azure Cognitive Services", "gpt-5", "$1.25", "$10.00", "$0.13", "$3.875", "272,000", "-"),
]


def _printed(width: int) -> str:
    table = new_table("GPT-5: 3 active providers", HEADERS)
    for row in ROWS:
        add_row(table, *row)
    buffer = io.StringIO()
    # as the CLI's console (cli.shared.out): soft-wrapped, so Rich itself wraps nothing
    Console(file=buffer, width=width, color_system=None, soft_wrap=True).print(table)
    return buffer.getvalue()


def _whole_on_a_line(value: str, text: str) -> bool:
    return any(
        re.search(rf"(?<![\w.,$]){re.escape(value)}(?![\w.,])", line) for line in text.splitlines()
    )


def test_in_a_narrow_terminal_every_price_is_on_one_line() -> None:
    # the table form folded "$3.299" into "$3.29" and "9" on the next line
    text = _printed(60)
    for row in ROWS:
        for value in row[2:-1]:
            assert _whole_on_a_line(value, text), (value, text)
    assert max(len(line) for line in text.splitlines()) <= 60
    # a long value wraps (the CLI's soft-wrapping console cropped it at the edge)
    assert " ".join(WHY.split()) in " ".join(text.split())


def test_a_table_that_fits_stays_a_table() -> None:
    text = _printed(200)
    assert text.count("┃") > 0 and "$3.299" in text


@given(st.integers(min_value=30, max_value=200))
def test_no_short_value_is_split_at_any_width(width: int) -> None:
    text = _printed(width)
    assert max(len(line) for line in text.splitlines()) <= width
    for row in ROWS:
        for value in row[2:-1]:
            assert _whole_on_a_line(value, text), (width, value)
