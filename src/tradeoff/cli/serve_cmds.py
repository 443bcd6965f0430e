"""`tradeoff serve`: the web app on an ASGI server (uvicorn), on the bundled catalog."""

from __future__ import annotations

from typing import Annotated

import typer

from tradeoff.cli.shared import app, handles_errors, out


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

    from tradeoff.db.locate import ensure_database
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
