"""Command line: parse, call one library function, print. Only this package imports Typer.

``cli.shared`` holds the Typer application; the command modules, one per topic, register on it
when imported here — on first use of ``app`` (PEP 562), so that ``main`` can first answer the
cold paths of ``cli.fast`` (``--version``, ``compare --format md|json|html``) without
importing Typer, Rich or any command's dependencies.
"""

from __future__ import annotations

import codecs
import gc
import io
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: the cold paths skip it
if TYPE_CHECKING:
    from typing import Any

COMMAND_MODULES = (
    "benchmark_cmds",
    "catalog_cmds",
    "changes_cmds",
    "compare_cmds",
    "history_cmds",
    "serve_cmds",
    "sources_cmds",
)


def __getattr__(name: str) -> Any:
    """``app`` (every command registered) and the command modules, imported on first use."""
    if name != "app" and name not in COMMAND_MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    from tradeoff.cli.shared import app

    return app if name == "app" else globals()[name]


def _text_streams_never_fail() -> None:
    # A terminal or pipe that is not UTF-8 (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what
    # it cannot show, not a UnicodeEncodeError traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(errors="replace")


def _pipe_closed() -> bool:
    # Click answers EPIPE by wrapping stdout in PacifyFlushWrapper and exiting 1; a reader
    # that stopped early (`tradeoff check | head`) is not an error of ours.
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def main() -> None:
    """Console-script entry point."""
    _text_streams_never_fail()
    # The cold paths import ~130 modules and build a few thousand objects, then exit: the
    # cyclic garbage collector would walk them all several times for nothing to free
    # (bench/cold_paths.py). Off while they run; after an answer, what they built is frozen
    # (out of every later collection, the one at exit included).
    gc.disable()
    try:
        from tradeoff.cli.fast import run_fast

        if run_fast(sys.argv[1:]):
            gc.freeze()
            return
    except BrokenPipeError:  # `tradeoff compare a b --format md | head`
        sys.stderr.close()
        sys.exit(0)
    finally:
        gc.enable()
    from tradeoff.cli.shared import err
    from tradeoff.errors import TradeoffError

    app = __getattr__("app")
    try:
        app()
    except TradeoffError as exc:  # pragma: no cover - commands handle their own
        err.print(f"error: {exc.describe()}", markup=False)
        sys.exit(1)
    except BrokenPipeError:  # `tradeoff models list | head`
        sys.stderr.close()
        sys.exit(0)
    except SystemExit as exc:
        if exc.code and _pipe_closed():
            sys.exit(0)
        raise


__all__ = [
    "app",
    "benchmark_cmds",
    "catalog_cmds",
    "changes_cmds",
    "compare_cmds",
    "history_cmds",
    "main",
    "serve_cmds",
    "sources_cmds",
]
