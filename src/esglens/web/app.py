"""The web application: settings, the library per request, write protection, error answers, and the app factory."""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from ..store import Library, db
from . import charts, labels
from .uploads import DEFAULT_MAX_BYTES, UploadRejected

HERE = Path(__file__).parent
MULTIPART_OVERHEAD = 1024 * 1024  # form boundaries and other fields around the file
log = logging.getLogger("esglens.web")


@dataclass
class Settings:
    db_path: Path
    token: str | None
    max_upload_bytes: int
    upload_dir: Path


def create_app(
    db_path: str | None = None,
    token: str | None = None,
    *,
    max_upload_bytes: int = DEFAULT_MAX_BYTES,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The esglens web app and REST API over the library at ``db_path`` (default: the user's library).

    With a ``token``, upload and delete need ``Authorization: Bearer <token>`` (or the form's token
    field). ``allowed_hosts`` limits the Host header (the server passes the loopback names when bound
    to loopback, so a web page cannot reach it through DNS rebinding).
    """
    path = Path(db_path).expanduser() if db_path else db.default_path()
    Library(path).close()  # create and migrate now: a bad library path fails at start, not per request
    settings = Settings(path, token or None, max_upload_bytes, path.parent / "uploads")

    app = FastAPI(
        title="esglens",
        summary="ESG reports as verified, comparable data: reports, facts, findings, comparison, search.",
        version=_version(),
        docs_url=None,  # FastAPI's own pages load their JavaScript from a CDN; ours is served locally
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = _templates()
    app.add_middleware(BodyLimit, max_bytes=max_upload_bytes + MULTIPART_OVERHEAD)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    _add_docs(app)

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _add_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="esglens API",
            swagger_js_url="/static/swagger-ui-bundle.js", swagger_css_url="/static/swagger-ui.css",
            swagger_favicon_url="/static/favicon-32x32.png",
        )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("esglens")
    except Exception:
        return "0"


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["num"] = charts.fmt
    env.filters["pct"] = completeness_pct
    env.filters["score_class"] = score_class
    env.globals["metric_label"] = labels.metric_label
    env.globals["aspect_title"] = labels.aspect_title
    return templates


def completeness_pct(value: float | None) -> str:
    """A completeness score as a percentage (the check stage gives 0..1 or 0..100)."""
    if value is None:
        return "–"
    return f"{value * 100 if value <= 1 else value:.0f}%"


def score_class(value: float | None) -> str:
    """A CSS class for a completeness score: how much of the HKEX code a report covers."""
    if value is None:
        return "score-none"
    share = value if value <= 1 else value / 100
    return "score-high" if share >= 0.9 else "score-mid" if share >= 0.6 else "score-low"


# -- per request ---------------------------------------------------------------------------------


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def library(request: Request) -> Iterator[Library]:
    """One connection per request: SQLite connections are not shared between the server's threads."""
    lib = Library(settings_of(request).db_path)
    try:
        yield lib
    finally:
        lib.close()


def report_or_404(lib: Library, report_id: int) -> dict:
    """A report by its id only (never by name or path, whatever the request holds)."""
    report = lib.get_report(report_id)
    if report is None or report["id"] != report_id:
        raise HTTPException(404, f"no report with id {report_id}")
    return report


def check_same_origin(request: Request) -> None:
    """Refuse a write sent by another site's page (a form posted to localhost from the web)."""
    origin = request.headers.get("origin")
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "cross-site requests may not change the library")
    if origin is None:
        return
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin != own:
        raise HTTPException(403, f"requests from {origin} may not change the library")


def token_matches(request: Request, given: str | None) -> bool:
    expected = settings_of(request).token
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_writer(request: Request) -> None:
    """Dependency of every API write: same origin, and the bearer token when one is configured."""
    check_same_origin(request)
    if not token_matches(request, bearer_token(request)):
        raise HTTPException(401, "this server needs 'Authorization: Bearer <token>' to change the library",
                            headers={"WWW-Authenticate": "Bearer"})


LibraryDep = Depends(library)


# -- request body limit ------------------------------------------------------------------------


class BodyLimit:
    """Answer 413 before reading a body larger than the limit; 411 for a write without Content-Length.

    The declared length bounds the body (the HTTP server refuses more), so the multipart parser never
    spools more than the limit to disk.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            headers = dict(scope.get("headers") or [])
            length = headers.get(b"content-length")
            problem = None
            if length is None and headers.get(b"transfer-encoding"):
                problem = (411, "send the upload with a Content-Length header")
            elif length is not None and (not length.isdigit() or int(length) > self.max_bytes):
                limit = (self.max_bytes - MULTIPART_OVERHEAD) // (1024 * 1024)
                problem = (413, f"the request is larger than the {limit} MB upload limit")
            if problem:
                response = _error_response(scope.get("path", ""), problem[0], problem[1], headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# -- errors ------------------------------------------------------------------------------------


def _error_response(path: str, status: int, message: str, headers: dict | None = None) -> Response:
    if path.startswith("/api") or not _accepts_html(headers or {}):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return HTMLResponse(_error_html(status, message), status_code=status)


def _accepts_html(headers: dict) -> bool:
    for k, v in headers.items():
        key = k.decode("latin-1").lower() if isinstance(k, bytes) else k.lower()
        if key == "accept":
            value = v.decode("latin-1") if isinstance(v, bytes) else v
            return "text/html" in value
    return False


def _error_html(status: int, message: str) -> str:
    from html import escape

    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>esglens: error</title>'
        '<link rel="stylesheet" href="/static/style.css"></head><body><main>'
        f'<h1>{status}</h1><p class="error-message">{escape(message)}</p>'
        '<p><a href="/">Back to the library</a></p></main></body></html>'
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body",))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _add_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, extra: dict | None = None) -> Response:
        response = _error_response(request.url.path, status, message, dict(request.headers))
        for k, v in (extra or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(UploadRejected)
    async def rejected(request: Request, exc: UploadRejected) -> Response:
        return respond(request, exc.status, exc.message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")
