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
) -> None:
    """Serve the site and the JSON API (read-only) until interrupted."""
    import uvicorn

    from tradeoff.db.locate import ensure_database
    from tradeoff.web.app import create_app

    web_app = create_app(ensure_database())
    shown = f"[{host}]" if ":" in host else host
    out.print(f"tradeoff: serving the catalog at http://{shown}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)
