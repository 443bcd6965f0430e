"""Listing commands: `--format text|json|csv|md` (`--json` short for json), `models list`'s
filters, sort, limit and price column, shell completion, and progress that stays off pipes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog

runner = CliRunner()
LISTINGS = [
    ["models", "list"],
    ["benchmarks", "list"],
    ["conflicts"],
    ["cost", "kimi-k2-instruct", "--input-tokens", "1000", "--output-tokens", "10"],
]


def listed(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("args", LISTINGS)
def test_every_listing_prints_each_format(args: list[str]) -> None:
    as_json = runner.invoke(app, [*args, "--json"])
    long_json = runner.invoke(app, [*args, "--format", "json"])
    assert as_json.exit_code == long_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == json.loads(long_json.stdout)
    rows = listed(*args)
    assert rows and all(rows[0].keys())
    md = runner.invoke(app, [*args, "-f", "md"])
    assert md.exit_code == 0, md.output
    lines = md.stdout.splitlines()
    # the title, its notes (the calculator's cheapest line), each a paragraph, then the table
    head = next(n for n, line in enumerate(lines) if line.startswith("| "))
    assert lines[0].startswith("## ") and lines[1] == lines[head - 1] == ""
    assert lines[head + 1].startswith("|---")
    assert len(lines) == head + 2 + len(rows)  # one table row per CSV row
    text = runner.invoke(app, args)
    assert text.exit_code == 0
    # a table, or (too wide for the terminal to keep its values whole) one record per row
    first = next(iter(rows[0]))
    records = all(f"\n{r[first]}\n" in text.stdout for r in rows)
    assert "┏" in text.stdout or records, text.stdout


def test_a_format_that_does_not_exist_is_a_usage_error() -> None:
    result = runner.invoke(app, ["models", "list", "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'--format'" in result.stderr


def test_models_list_filters(catalog: Catalog) -> None:
    everything = listed("models", "list")
    assert len(everything) == len(catalog.models)
    moonshot = listed("models", "list", "--lab", "moonshotai")
    assert moonshot and {r["lab"] for r in moonshot} == {"moonshotai"}
    assert len(moonshot) < len(everything)
    on_groq = listed("models", "list", "--provider", "groq")
    served = {o.model_id for o in catalog.offerings if o.provider_id == "groq"}
    assert on_groq and {r["id"] for r in on_groq} <= served
    big = listed("models", "list", "--min-context", "200000")
    assert big and all(int(r["context"].replace(",", "")) >= 200_000 for r in big)
    closed = listed("models", "list", "--open-weights", "no")
    assert closed and {r["open weights"] for r in closed} == {"no"}


def test_models_list_sort_limit_and_price() -> None:
    by_context = listed("models", "list", "--sort", "-context", "--limit", "3")
    assert len(by_context) == 3
    sizes = [int(r["context"].replace(",", "")) for r in by_context]
    assert sizes == sorted(sizes, reverse=True)
    by_price = listed("models", "list", "--sort", "price")
    prices = [Decimal(r["price $/1M"].lstrip("$")) for r in by_price if r["price $/1M"][:1] == "$"]
    assert len(prices) > 3 and prices == sorted(prices)
    data = json.loads(runner.invoke(app, ["models", "list", "--sort", "price", "--json"]).stdout)
    first = data["models"][0]["cheapest"]  # the headline route's blended price, as shown
    assert prices[0] == Decimal(first["blended_per_mtok"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--lab", "moonshot"], "moonshotai"),  # near names suggested
        (["--provider", "nosuch"], "--provider"),
        (["--sort", "cost"], "--sort"),
        (["--open-weights", "maybe"], "--open-weights"),
        (["--limit", "0"], "--limit"),
    ],
)
def test_models_list_bad_options(args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["models", "list", *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and needle in result.stderr


def test_json_and_another_format_together_are_a_usage_error() -> None:
    result = runner.invoke(app, ["benchmarks", "list", "--json", "--format", "csv"])
    assert result.exit_code == 2 and "--json" in result.stderr


def test_shell_completion_script_and_completions() -> None:
    script = runner.invoke(app, ["--show-completion", "bash"], prog_name="tradeoff")
    assert script.exit_code == 0, script.output
    assert "_TRADEOFF_COMPLETE" in script.stdout.upper()
    env = os.environ | {
        "_TRADEOFF_COMPLETE": "complete_bash",
        "COMP_WORDS": "tradeoff comp",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv[0] = 'tradeoff'; from tradeoff.cli import main; main()",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "compare" in done.stdout.split(), (done.stdout, done.stderr)


def test_progress_is_silent_when_standard_error_is_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from tradeoff.cli import main; main()", "models", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
