"""Command line: parse, call one library function, print. Only this package imports Typer.

``cli.shared`` holds the Typer application; the command modules, one per topic, register on it
when imported here.
"""

from __future__ import annotations

import sys

from tradeoff.cli import (
    benchmark_cmds,
    catalog_cmds,
    compare_cmds,
    serve_cmds,
    sources_cmds,
)
from tradeoff.cli.shared import app, err
from tradeoff.errors import TradeoffError


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except TradeoffError as exc:  # pragma: no cover - commands handle their own
        err.print(f"error: {exc.describe()}", markup=False)
        sys.exit(1)
    except BrokenPipeError:  # `tradeoff models list | head`
        sys.stderr.close()
        sys.exit(0)


__all__ = [
    "app",
    "benchmark_cmds",
    "catalog_cmds",
    "compare_cmds",
    "main",
    "serve_cmds",
    "sources_cmds",
]
