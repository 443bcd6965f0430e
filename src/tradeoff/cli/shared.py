"""The Typer application and what every command shares: consoles, error handling, JSON."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from tradeoff.errors import AmbiguousModel, TradeoffError, UnknownModel

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    help="tradeoff: which LLM, from which provider, at what cost — sourced and dated.",
    no_args_is_help=True,
    invoke_without_command=True,  # `tradeoff --version` (a command is required otherwise)
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="List and inspect models of the catalog.", no_args_is_help=True)
import_app = typer.Typer(
    help="Import a public dataset into the catalog text.", no_args_is_help=True
)
app.add_typer(models_app, name="models")
app.add_typer(import_app, name="import")


# Markup off: data is printed as written; the few styled words pass markup=True explicitly.
class _Console(Console):
    """Rich's console, but a reader that stops early (`tradeoff check | head`) is no error."""

    def on_broken_pipe(self) -> None:
        # Rich's own answer exits 1; like `cat`, we stop quietly and successfully.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)


out = _Console(highlight=False, soft_wrap=True, markup=False)
err = _Console(stderr=True, highlight=False, soft_wrap=True, markup=False)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@app.callback()
def _options(
    ctx: typer.Context,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            envvar="TRADEOFF_CATALOG",
            file_okay=False,
            exists=True,
            help="A catalog text tree to compile and use instead of the packaged catalog "
            "(compiled into $TRADEOFF_DB, else build/ beside it).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the package version and the catalog version, then exit.",
        ),
    ] = False,
) -> None:
    """tradeoff: which LLM, from which provider, at what cost — sourced and dated."""
    if catalog is not None:
        # One place says which catalog: db.locate and the catalog commands read the variable.
        os.environ["TRADEOFF_CATALOG"] = str(catalog.resolve())
    if version:
        from tradeoff import __version__
        from tradeoff.db.locate import catalog_version

        out.print(f"tradeoff {__version__}, {catalog_version()}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help())
        raise typer.Exit(2)


def open_catalog() -> Any:
    """The catalog (db.locate: --catalog's text compiled when stale, else the packaged
    database), opened read-only."""
    from tradeoff.db.queries import Catalog
    from tradeoff.pages.precompute import ensure_database

    return Catalog(ensure_database())


def _fail(exc: TradeoffError) -> None:
    err.print(f"[bold red]error:[/] {escape(exc.describe())}", markup=True)
    if isinstance(exc, AmbiguousModel | UnknownModel):
        raise typer.Exit(2)
    raise typer.Exit(1)


def handles_errors(func: F) -> F:
    """Turn TradeoffError into a one-line message and a non-zero exit (never a traceback)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TradeoffError as exc:
            _fail(exc)

    return wrapper  # type: ignore[return-value]


def print_json(value: Any) -> None:
    """One JSON document on standard output (money as decimal strings)."""
    from tradeoff.pages.jsonable import dumps

    sys.stdout.write(dumps(value) + "\n")


def parse_date(text: str | None) -> dt.date | None:
    """``--retrieved`` as a date; a malformed one is a usage error naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise TradeoffError(f"not a date: {text!r}", field="--retrieved") from exc
