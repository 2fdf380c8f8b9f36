"""The terminal side every command shares, without typer: colour and debug state,
consoles, one-line errors and the exit codes they lead to.

Kept apart from the typer app (``root.py``) so that ``pressrelease lint`` can run
without importing typer at all (see ``fast.py``). An exit is ``SystemExit``: typer
lets it through unchanged, and :func:`pressrelease.cli.main` turns it into the
process's exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from ..errors import ConfigError, PressReleaseError

if TYPE_CHECKING:
    from rich.console import Console


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class _State:
    debug = False
    color = Color.auto


state = _State()


def colour(stream: TextIO) -> bool:
    """Whether what goes to ``stream`` is in colour: ``--color always`` or ``never``;
    otherwise ``NO_COLOR`` (no-color.org) turns it off, ``FORCE_COLOR``
    (force-color.org) on unless empty, and a terminal has it and a pipe or a file not."""
    if state.color is Color.always:
        return True
    if state.color is Color.never or os.environ.get("NO_COLOR"):
        return False
    if (force := os.environ.get("FORCE_COLOR")) is not None:
        return force != ""
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False


def console(stderr: bool = False) -> Console:
    """A rich console for standard output (or error), in colour as :func:`colour` says.

    rich is imported here, not at the top: ``lint`` prints without it unless in colour,
    and starts about 15 ms sooner.
    """
    from rich.console import Console

    on = colour(sys.stderr if stderr else sys.stdout)
    return Console(stderr=stderr, force_terminal=on, no_color=not on, highlight=False)


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
    raise SystemExit(code)


@contextmanager
def file_budget(seconds: float, name: str) -> Iterator[None]:
    """Run the block within one file's time budget; past it, one line naming the file and exit 1."""
    from .. import budget

    try:
        with budget.limit(seconds, name):
            yield
    except budget.OverBudget as over:
        fail(f"{name}: {over.message}", 1)


def library_error(error: PressReleaseError) -> NoReturn:
    """A library error inside a command: its lines and exit 2 (``--debug`` re-raises)."""
    if state.debug:
        raise error
    print_errors(error_lines(error))
    raise SystemExit(2)


def parse_now(value: str | None) -> dt.datetime | None:
    """``--now``: an ISO date-time, UTC when it names no zone; exit 2 on anything else."""
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        fail(f"--now: {value!r} is not an ISO date-time like 2026-03-20T09:00:00+01:00")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def existing_paths(paths: list[Path]) -> list[Path]:
    """The paths given, each checked to exist (``-`` is standard input); exit 2 on a missing one."""
    for path in paths:
        if str(path) != "-" and not path.exists():
            fail(f"{path}: no such file or folder")
    return paths


def check_writable(path: Path) -> None:
    """Exit 2 now, before any work, when a report could not be written to ``path``."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        fail(f"{path}: is a folder; give a file name for the report")
    if not folder.is_dir():
        fail(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        fail(f"{path}: folder {folder} is not writable")


def write_report(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all; exit 2 when it cannot be written."""
    from ..atomic import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def exit_code(exit_: SystemExit) -> int:
    """The number a ``SystemExit`` stands for: 0 for None, 1 for a message."""
    return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)


def guarded(command: Callable[[], int | None]) -> int | None:
    """Run ``command``, the error boundary of every way in: a library error becomes its
    lines and exit 2 (``--debug`` re-raises), Ctrl-C exit 130, an exit its code."""
    try:
        return command()
    except PressReleaseError as error:
        if state.debug:
            raise
        print_errors(error_lines(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except SystemExit as exit_:
        return exit_code(exit_)
