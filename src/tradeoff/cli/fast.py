"""The cold paths answered without Typer: ``tradeoff --version`` and ``tradeoff compare
A B [C D] --format md|json|html [--blend I:O]``.

Typer builds a Pydantic adapter for every parameter it parses, so importing it and Rich costs
more than the whole comparison (``bench/cold_compare.py``). These two commands, spelled
exactly as above, are answered here with the same library calls and the same output; any
other spelling (``--help``, ``-f md``, another option, the terminal format, a wrong argument)
and any error are left to the Typer application, which then gives its usual answer and
message. ``run_fast`` returns False when it did not answer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tradeoff.errors import TradeoffError

FAST_FORMATS = ("md", "json", "html")  # the terminal format needs Rich: Typer's path


def run_fast(argv: Sequence[str]) -> bool:
    """Answer ``argv`` (without the program name) if it is one of the fast paths."""
    if not _catalog_env_ok():
        return False  # Typer's --catalog check names the missing directory
    if list(argv) == ["--version"]:
        from tradeoff import __version__
        from tradeoff.db.locate import catalog_version

        sys.stdout.write(f"tradeoff {__version__}, {catalog_version()}\n")
        return True
    parsed = _compare_args(argv)
    return parsed is not None and _compare(*parsed)


def _catalog_env_ok() -> bool:
    env = os.environ.get("TRADEOFF_CATALOG")
    if not env:
        return True
    if not Path(env).is_dir():
        return False
    os.environ["TRADEOFF_CATALOG"] = str(Path(env).resolve())  # as --catalog sets it
    return True


def _compare_args(argv: Sequence[str]) -> tuple[list[str], str, str | None] | None:
    """(models, format, blend) of ``compare … --format F [--blend B]``; None otherwise."""
    if not argv or argv[0] != "compare":
        return None
    models: list[str] = []
    options: dict[str, str] = {}
    rest = list(argv[1:])
    while rest:
        word = rest.pop(0)
        name, eq, value = word.partition("=")
        if name in ("--format", "--blend") and name not in options:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            options[name] = value
        elif word.startswith("-"):
            return None
        else:
            models.append(word)
    fmt = options.get("--format")
    if fmt not in FAST_FORMATS or not 2 <= len(models) <= 4:
        return None
    return models, fmt, options.get("--blend")


def _database() -> Path:
    """The database to read: when it is current (the usual case), without importing the
    builder or the precompute step (``pages.precompute`` imports most page modules)."""
    from tradeoff.db.locate import current_database

    current = current_database()
    if current is not None:
        return current
    from tradeoff.pages.precompute import ensure_database

    return ensure_database()


def _compare(models: list[str], fmt: str, blend: str | None) -> bool:
    from tradeoff.compare.workload import parse_blend_parts
    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison.page import compare_context

    try:
        parts = None if blend is None else parse_blend_parts(blend)
        ctx = compare_context(Catalog(_database()), models, parts)
    except TradeoffError:
        return False  # Typer's path says what is wrong, as it always has
    if fmt == "json":
        from tradeoff.pages.jsonable import dumps

        sys.stdout.write(dumps(ctx) + "\n")
    elif fmt == "md":
        from tradeoff.render.markdown import render_compare_markdown

        sys.stdout.write(render_compare_markdown(ctx))
    else:
        from tradeoff.render.html import render_compare_html

        sys.stdout.write(render_compare_html(ctx))
    return True
