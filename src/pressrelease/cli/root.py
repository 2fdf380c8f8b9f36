"""The typer app and its global options; each command module registers its command on it."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .parameters import LightGroup
from .terminal import (
    Color,
    console,
    escape,
    existing_paths,
    fail,
    library_error,
    parse_now,
    state,
)

__all__ = ["app", "console", "escape", "existing_paths", "fail", "library_error", "parse_now", "state"]

app = typer.Typer(
    name="pressrelease",
    help="Write, check and send press releases: lint the structure, build HTML, PDF and email.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=LightGroup,  # --color/--debug coerced without importing pydantic (see parameters.py)
)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"pressrelease {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    color: Annotated[Color, typer.Option("--color", help="Colour: auto, always or never.")] = Color.auto,
) -> None:
    """Write, check and send press releases."""
    state.debug = debug
    state.color = color
