"""The Typer application and what every command shares: consoles, error handling, JSON."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from tradeoff.errors import AmbiguousModel, TradeoffError, UnknownModel, UsageError

if TYPE_CHECKING:
    from tradeoff.render.listing import Listing

F = TypeVar("F", bound=Callable[..., Any])


def one_line(text: str) -> str:
    """A message on one line (Click's may hold newlines)."""
    return " ".join(text.split())


class _OneLineErrors(TyperGroup):
    """The root command: a usage error is one line on standard error and exit status 2.

    Typer draws Click's usage errors in a box of several lines; here every one (a missing or
    unknown option, a bad value, an unknown command) is ``error: <command>: <message>``.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        # Typer runs its own copy of Click (typer._click), whose exceptions it does not export.
        except ClickException as exc:
            ctx = exc.ctx if isinstance(exc, ClickUsageError) else None
            where = f"{ctx.command_path}: " if ctx else ""
            err.print(f"error: {where}{one_line(exc.format_message())}", markup=False)
            sys.exit(exc.exit_code)
        except typer.Abort:
            err.print("Aborted.", markup=False)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_OneLineErrors,
    help="tradeoff: which LLM, from which provider, at what cost — sourced and dated.",
    no_args_is_help=True,
    invoke_without_command=True,  # `tradeoff --version` (a command is required otherwise)
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, pwsh)
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

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON instead of tables (same as --format json).")
]
WideFlag = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="Lay tables out at their natural width, ignoring the terminal's "
        "(for `less -S` or a file); without it long values fold onto more lines.",
    ),
]


class ListFormat(StrEnum):
    """What a listing command prints."""

    text = "text"
    json = "json"
    csv = "csv"
    md = "md"


FormatOption = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="text (tables), json, csv or md (a Markdown table)."),
]


def chosen_format(fmt: Enum, as_json: bool) -> str:
    """--format's value, --json being short for --format json (a different --format with
    --json is a usage error)."""
    value = str(fmt.value)
    if as_json and value not in ("text", "json"):
        raise UsageError(f"--json and --format {value} ask for two formats", field="--json")
    return "json" if as_json else value


def stdout_console(wide: bool) -> Console:
    """Standard output's console; with --wide, one that lays tables out at their natural width
    (the terminal's width ignored)."""
    if not wide:
        return out
    return _Console(highlight=False, soft_wrap=True, markup=False, width=100_000)


def emit(fmt: str, listing: Listing, payload: Any, *, wide: bool = False) -> None:
    """Print a listing command's answer in the chosen format (JSON: its ``payload``)."""
    from tradeoff.render.listing import listing_csv, listing_markdown, listing_table

    if fmt == "json":
        print_json(payload)
    elif fmt == "csv":
        sys.stdout.write(listing_csv(listing))
    elif fmt == "md":
        sys.stdout.write(listing_markdown(listing))
    else:
        stdout_console(wide).print(listing_table(listing))


@contextmanager
def working(what: str) -> Iterator[None]:
    """A transient Rich progress line on standard error while slow work runs, when standard
    error is a terminal; nothing at all when it is piped or redirected."""
    if not err.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task(what, total=None)
        yield


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

    with working("reading the catalog (compiling it when its text changed)"):
        path = ensure_database()
    return Catalog(path)


def _fail(exc: TradeoffError) -> None:
    err.print(f"[bold red]error:[/] {escape(exc.describe())}", markup=True)
    if isinstance(exc, AmbiguousModel | UnknownModel | UsageError):
        raise typer.Exit(2)  # the command was called wrongly, as Click's own usage errors
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
