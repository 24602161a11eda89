"""``esglens serve``: the web app and REST API on a local port (a token guards writes off loopback)."""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

import typer

from . import app

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the loopback names; False for 0.0.0.0 and any other address."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


# Host headers a loopback server answers; any other name reaching it is a DNS-rebinding page.
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


@app.command()
def serve(
    db: Path | None = typer.Option(
        None, "--db", envvar="ESGLENS_DB", help="Library file (default: library.sqlite in the user's data directory)."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs a token."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: str | None = typer.Option(
        None, "--token", envvar="ESGLENS_TOKEN", help="Bearer token that upload and delete require."
    ),
) -> None:
    """Serve the web app and the REST API (/api, docs at /docs) over the library."""
    import uvicorn

    from ..web.app import create_app

    local = is_loopback(host)
    if not local and not token:
        token = secrets.token_urlsafe(24)
        typer.echo(f"{host} is reachable from other machines: uploads and deletes need this token:\n  {token}")
    try:
        web_app = create_app(str(db) if db else None, token=token,
                             allowed_hosts=LOOPBACK_HOSTS if local else None)
    except Exception as exc:  # a path that is not a library, a folder without write access
        typer.echo(f"error: cannot open library {db or ''}: {exc}", err=True)
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"esglens on http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
