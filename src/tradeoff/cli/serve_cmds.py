"""`tradeoff serve`: the web app on an ASGI server (uvicorn); `tradeoff build`: the same site as
static files. Both on the bundled catalog."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from tradeoff.cli.shared import app, err, handles_errors, out


@app.command("serve")
@handles_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Interface to listen on.", envvar="TRADEOFF_HOST")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(help="TCP port.", min=0, max=65535, envvar="TRADEOFF_PORT")
    ] = 8000,
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Public URL of the site, for absolute links (canonical, sitemap, JSON-LD); "
            "only its host is answered. Default: http://HOST:PORT.",
            envvar="TRADEOFF_BASE_URL",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            help="Worker processes sharing the port (uvicorn workers), each with the catalog "
            "and its own render cache; about one per core.",
            min=1,
            max=64,
            envvar="TRADEOFF_WORKERS",
        ),
    ] = 1,
) -> None:
    """Serve the site and the JSON API (read-only) until interrupted."""
    import uvicorn

    from tradeoff.pages.precompute import ensure_database
    from tradeoff.web.app import create_app
    from tradeoff.web.server import SecureHttpToolsProtocol, app_settings, served

    shown = f"[{host}]" if ":" in host else host
    site_url = (base_url or f"http://{shown}:{port}").rstrip("/")
    db_path = ensure_database()  # compiled once, before any worker starts
    workers_text = f", {workers} workers" if workers > 1 else ""
    out.print(f"tradeoff: serving the catalog at {site_url}/{workers_text}  (Ctrl-C to stop)")
    # uvicorn's own answers (unparsable requests) carry the security headers, and the request
    # head is bounded (web/server.py); the app refuses longer paths, queries and Host headers
    # itself (web/security.py).
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "http": SecureHttpToolsProtocol,
    }
    if workers == 1:
        uvicorn.run(served(create_app(db_path, base_url=site_url)), **options)
        return
    # Each worker process builds its own app from the settings in its environment.
    os.environ.update(app_settings(db_path, site_url))
    uvicorn.run("tradeoff.web.server:app_from_env", factory=True, workers=workers, **options)


@app.command("build")
@handles_errors
def build(
    out_dir: Annotated[
        Path, typer.Argument(help="Folder of the site (created, or a previous build replaced).")
    ],
    base_url: Annotated[
        str,
        typer.Option(help="Public URL of the site, for absolute links (canonical, sitemap)."),
    ] = "http://127.0.0.1:8000",
    jobs: Annotated[
        int | None,
        typer.Option(
            help="Worker processes rendering pages (default: one per 2,000 URLs, at most "
            "one per CPU; 1: in this process)."
        ),
    ] = None,
) -> None:
    """Build the whole site as static files for any static host or CDN (docs/deploy.md)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from tradeoff.pages.precompute import ensure_database
    from tradeoff.web.static_build import build_site

    db_path = ensure_database()
    if err.is_terminal:
        columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("building", total=None)
            report = build_site(
                db_path,
                out_dir,
                base_url,
                lambda done, total: bar.update(task, completed=done, total=total),
                jobs,
            )
    else:
        report = build_site(db_path, out_dir, base_url, jobs=jobs)
    out.print(
        f"tradeoff: built {report.files} files in {report.out_dir} in {report.seconds:.1f} s: "
        f"{report.rewritten} rewritten, {report.files - report.rewritten} unchanged, "
        f"{report.removed} removed (+ {report.compressed} .gz/.br)"
    )
