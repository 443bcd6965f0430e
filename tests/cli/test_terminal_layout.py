"""The terminal at 80 columns: nothing that answers is cut, and the verdict is printed once.

The commands run as a shell runs them (a subprocess with ``COLUMNS=80``); each table is read
back column by column, so that an id folded over several lines is found whole; a table too wide
to keep its prices on one line is printed as records ("header: value"), where a price must be
found whole on one line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from tradeoff.render.markdown import money

ENTRY = [sys.executable, "-c", "from tradeoff.cli import main; main()"]
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
COST = [*PAIR, "--input-tokens", "123457", "--output-tokens", "98765"]


def run(*args: str, columns: int = 80) -> str:
    env = os.environ | {"COLUMNS": str(columns)}
    done = subprocess.run([*ENTRY, *args], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def column_texts(output: str) -> list[str]:
    """Each column of each table as one string (its body lines joined, spaces dropped)."""
    found: list[str] = []
    columns: list[list[str]] = []
    for line in output.splitlines():
        if line.startswith("┏"):
            columns = []
        elif line.startswith("│"):
            cells = line.split("│")[1:-1]
            columns += [[] for _ in range(len(cells) - len(columns))]
            for column, cell in zip(columns, cells, strict=False):
                column.append("".join(cell.split()))
        elif line.startswith("└"):
            found += ["".join(c) for c in columns]
    return found


def is_shown(value: str, output: str) -> bool:
    """In a table column (folded or not), or whole on one line of a record."""
    if any("".join(value.split()) in column for column in column_texts(output)):
        return True
    pattern = re.compile(rf"(?<![\w.,$]){re.escape(value)}(?![\w.,])")
    return any(pattern.search(line) for line in output.splitlines() if line.startswith("  "))


def test_no_line_is_wider_than_the_terminal_and_nothing_is_cut() -> None:
    for args in (["compare", *PAIR], ["cost", *COST], ["models", "list"]):
        output = run(*args)
        assert "…" not in output, args
        laid_out = [line for line in output.splitlines() if line[:1] in "┏┃│┡└" or line[:2] == "  "]
        assert laid_out and max(len(line) for line in laid_out) <= 80, args


def whole_on_a_line(value: str, output: str) -> bool:
    """A price or total printed on one line: "$0.14" above "52" is not $0.1452."""
    pattern = re.compile(rf"(?<![\w.,$]){re.escape(value)}(?![\w.,])")
    return any(pattern.search(line) for line in output.splitlines())


def test_compare_at_80_columns_shows_every_id_and_price_whole() -> None:
    ctx = json.loads(run("compare", *PAIR, "--json"))
    output = run("compare", *PAIR)
    quotes = [q for p in ctx["pricing"] for q in p["providers"]]
    assert len(quotes) > 5
    long_ids = [q["provider_model_id"] for q in quotes if len(q["provider_model_id"]) > 12]
    assert long_ids  # ids that cannot fit a narrow column, so folding is tested
    for q in quotes:
        assert is_shown(q["provider_model_id"], output), q["provider_model_id"]
        for key in ("input_per_mtok", "output_per_mtok", "blended_per_mtok"):
            if q[key] is not None:
                assert whole_on_a_line(money(q[key]), output), (q["provider_model_id"], key)


def test_cost_at_80_columns_shows_every_total_whole() -> None:
    ctx = json.loads(run("cost", *COST, "--json"))
    output = run("cost", *COST)
    priced = [line for line in ctx["lines"] if line["priced"]]
    assert priced
    for line in priced:
        assert is_shown(line["provider_model_id"], output)
        assert whole_on_a_line(money(line["total_usd"]), output), line["total_usd"]


def test_wide_lays_tables_out_at_their_natural_width() -> None:
    narrow = run("cost", *COST)
    wide = run("cost", *COST, "--wide")
    assert max(len(line) for line in wide.splitlines()) > 80
    assert len(wide.splitlines()) < len(narrow.splitlines())


def test_the_verdict_is_printed_once() -> None:
    ctx = json.loads(run("compare", *PAIR, "--json"))
    output = run("compare", *PAIR, columns=200)
    in_verdict = [c["text"] for c in ctx["claims"] if c["text"] in ctx["verdict"]]
    assert in_verdict
    for claim in in_verdict:
        assert output.count(claim) == 1, claim
    # the FAQ's answers repeat the verdict on the page; in the terminal they are not repeated
    assert ctx["faq"] and all(output.count(c["text"]) == 1 for c in ctx["choose"])
