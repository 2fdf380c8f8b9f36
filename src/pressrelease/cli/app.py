"""The typer app, the global options and the error boundary."""

from __future__ import annotations

import copy
import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .. import __version__
from ..errors import ConfigError, PressReleaseError
from .light import LightGroup

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="pressrelease",
    help="Write, check and send press releases: lint the structure, build HTML, PDF and email.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=LightGroup,  # --color/--debug coerced without importing pydantic (see light.py)
)


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class _State:
    debug = False
    color = Color.auto


state = _State()


def console(stderr: bool = False) -> Console:
    """A rich console honouring ``--color`` and ``NO_COLOR``.

    rich is imported here, not at the top: ``lint --format concise`` (json, github,
    sarif) prints no rich output and starts about 40 ms sooner without it.
    """
    from rich.console import Console

    if state.color is Color.always:
        return Console(stderr=stderr, force_terminal=True, no_color=False, highlight=False)
    if state.color is Color.never or os.environ.get("NO_COLOR"):
        return Console(stderr=stderr, no_color=True, highlight=False, force_terminal=False)
    return Console(stderr=stderr, highlight=False)


def escape(text: str) -> str:
    """rich's markup escape, imported on first use (see :func:`console`)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def print_errors(lines: list[str]) -> None:
    """``error: ...`` lines on standard error; the text is escaped, never read as rich markup."""
    err = console(stderr=True)
    for line in lines:
        err.print(f"[bold red]error[/]: {escape(line)}", markup=True, highlight=False, soft_wrap=True)


def error_lines(error: PressReleaseError) -> list[str]:
    """One line per problem: a malformed config lists every one it found."""
    lines = getattr(error, "all", None) if isinstance(error, ConfigError) else None
    return list(lines or [str(error)])


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to standard error and exit."""
    print_errors([message])
    raise typer.Exit(code)


def library_error(error: PressReleaseError) -> NoReturn:
    """A library error inside a command: its lines and exit 2 (``--debug`` re-raises)."""
    if state.debug:
        raise error
    print_errors(error_lines(error))
    raise typer.Exit(2)


def parse_now(value: str | None) -> dt.datetime | None:
    """``--now``: an ISO date-time, UTC when it names no zone; exit 2 on anything else."""
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        fail(f"--now: {value!r} is not an ISO date-time like 2026-03-20T09:00:00+01:00")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


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


def existing_paths(paths: list[Path]) -> list[Path]:
    """The paths given, each checked to exist (``-`` is standard input); exit 2 on a missing one."""
    for path in paths:
        if str(path) != "-" and not path.exists():
            fail(f"{path}: no such file or folder")
    return paths


def _command_name(argv: list[str]) -> str | None:
    """The command named on the command line, past the app's own options; None for none."""
    args = iter(argv)
    for arg in args:
        if arg == "--color":
            next(args, None)  # its value
        elif arg.startswith("-"):
            if arg in ("--help", "-h", "--version"):
                return None
        else:
            return arg
    return None


def for_command(argv: list[str]) -> typer.Typer:
    """``app``, or a copy of it holding only the command that ``argv`` names.

    Before it parses anything, typer builds the click command of every registered
    command (signatures read, annotations evaluated): about 3 ms each, 20 ms of every
    start-up. A run names one command, so the copy holds just that one; its options,
    help and errors are the same. With no command named (``--help``, ``--version``,
    a typo) the full app runs and says what it always says.
    """
    name = _command_name(argv)
    chosen = [info for info in app.registered_commands if info.name == name]
    if len(chosen) != 1 or app.registered_groups:
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single


def main() -> int:
    """The console script: run the app, turning library errors into one line and exit 2."""
    try:
        for_command(sys.argv[1:])()
    except PressReleaseError as error:
        if state.debug:
            raise
        print_errors(error_lines(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return 0


def run() -> NoReturn:  # pragma: no cover - used by __main__
    sys.exit(main())
