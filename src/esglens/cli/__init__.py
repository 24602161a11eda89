"""The ``esglens`` command line: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="esglens",
    help="Turn ESG / sustainability reports into verified, comparable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Each module adds its commands to ``app`` on import.
    from . import parse_cmd  # noqa: F401
    import importlib

    for name in ("extract_cmd", "check_cmd", "library_cmd", "web_cmd"):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != f"{__name__}.{name}":
                raise


def main() -> None:
    _register()
    app()
