"""The cold paths answered without Typer (``cli.fast``) print what the Typer commands print,
and leave every other spelling and every error to Typer."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.cli.fast import _compare_args

PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
MAIN = (
    "import sys; from tradeoff.cli import main; main(); "
    "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'pydantic')),"
    " file=sys.stderr)"
)


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ["compare", *PAIR, "--format", "md"],
        ["compare", *PAIR, "--format=json", "--blend", "50:50"],
        ["compare", "--format", "html", *PAIR],
        ["--version"],
    ],
)
def test_fast_path_prints_what_typer_prints(args: list[str]) -> None:
    fast = _main(*args)
    assert fast.returncode == 0, fast.stderr
    assert fast.stderr.strip() == "[]"  # neither Typer, Rich nor Pydantic was imported
    typer = CliRunner().invoke(app, args)
    assert typer.exit_code == 0, typer.output
    assert fast.stdout == typer.stdout


def test_errors_are_typers() -> None:
    args = ["compare", "nosuchmodel-xyz", PAIR[1], "--format", "md"]
    done = _main(*args)
    typer = CliRunner().invoke(app, args)
    assert (done.returncode, done.stderr) == (typer.exit_code, typer.stderr)
    assert "unknown model" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["compare", *PAIR],  # the terminal format
        ["compare", *PAIR, "-f", "md"],
        ["compare", *PAIR, "--format", "md", "--help"],
        ["compare", *PAIR, "--format", "md", "--format", "json"],
        ["compare", *PAIR, "--format"],
        ["compare", PAIR[0], "--format", "md"],
        ["models", "list"],
    ],
)
def test_other_spellings_are_left_to_typer(args: list[str]) -> None:
    assert _compare_args(args) is None


# Modules the cold ``compare --format md`` path has no use for (bench/cold_paths.py): it reads
# stored pricing and the stored headline, so it builds no offering and applies no headline rule;
# its records are named tuples, so it defines no dataclass (``dataclasses`` imports ``inspect``
# and ``ast``, and each class compiles its generated methods) and prices no token workload.
NOT_ON_THE_MD_PATH = (
    "tradeoff.offering_records",
    "tradeoff.compare.headline",
    "fractions",
    "dataclasses",
    "tradeoff.compare.token_workload",
)


def test_the_md_path_imports_none_of_what_it_does_not_use() -> None:
    code = (
        "import gc, sys; from tradeoff.cli import main; main(); "
        f"print(sorted(m for m in {NOT_ON_THE_MD_PATH!r} if m in sys.modules), file=sys.stderr)"
    )
    args = ["compare", *PAIR, "--format", "md"]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"


def test_the_collector_is_back_on_after_a_fast_answer() -> None:
    """``main`` turns the cyclic collector off while a cold path runs, and freezes what the
    answer built (the process is about to end): it is on again when ``main`` returns."""
    code = (
        "import gc, sys; from tradeoff.cli import main; main(); "
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.split() == ["True", "True"]
