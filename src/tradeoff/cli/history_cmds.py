"""`tradeoff import models-dev-history PATH` (docs/history.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tradeoff.cli.shared import handles_errors, import_app, out


@import_app.command("models-dev-history")
@handles_errors
def import_models_dev_history(
    path: Annotated[
        Path,
        typer.Argument(help="models.dev's dated history: price-changes.csv or its folder."),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print what the import would write; write nothing."),
    ] = False,
) -> None:
    """Import models.dev's dated history into catalog/history/ and rebuild the database."""
    from tradeoff.maintain.history_import import import_history_file

    out.print(import_history_file(path, dry_run=dry_run), markup=False)
