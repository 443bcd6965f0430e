"""`tradeoff serve`: the web app on an ASGI server (uvicorn); `tradeoff build`: the same site as
static files. Both on the bundled catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tradeoff.cli.shared import app, err, handles_errors, out


@app.command("serve")
@handles_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Public URL of the site, for absolute links (canonical, sitemap, JSON-LD); "
            "only its host is answered. Default: http://HOST:PORT."
        ),
    ] = None,
) -> None:
    """Serve the site and the JSON API (read-only) until interrupted."""
    import uvicorn

    from tradeoff.pages.precompute import ensure_database
    from tradeoff.web.app import create_app
    from tradeoff.web.server import SecureHttpToolsProtocol

    shown = f"[{host}]" if ":" in host else host
    site_url = (base_url or f"http://{shown}:{port}").rstrip("/")
    web_app = create_app(ensure_database(), base_url=site_url)
    out.print(f"tradeoff: serving the catalog at {site_url}/  (Ctrl-C to stop)")
    # uvicorn's own answers (unparsable requests) carry the security headers, and the request
    # head is bounded (web/server.py); the app refuses longer paths, queries and Host headers
    # itself (web/security.py).
    uvicorn.run(
        web_app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        http=SecureHttpToolsProtocol,
    )


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
            )
    else:
        report = build_site(db_path, out_dir, base_url)
    out.print(
        f"tradeoff: built {report.files} files in {report.out_dir} in {report.seconds:.1f} s: "
        f"{report.rewritten} rewritten, {report.files - report.rewritten} unchanged, "
        f"{report.removed} removed (+ {report.gz_files} .gz)"
    )
