"""``pressrelease lint`` without typer, for command lines that need no help or errors.

Importing typer and building its command costs 60-100 ms, a third of linting one
release from a cold start. A reviewer's editor or pre-commit hook runs lint on a
file at a time, so a plain, well-formed ``lint`` command line is read here, with
no typer at all, and goes straight to :func:`runlint.run`. Anything else (``--help``,
an unknown option, a missing value, a value that is not one of the choices, any
other command) returns None and the typer app reads the command line instead, so
help and usage errors are typer's, word for word.

The option table below must match the typer declarations in ``lint.py``; a test
compares the two.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .terminal import Color, state

#: options with one value: option -> parameter name
VALUES = {
    "--format": "format",
    "-f": "format",
    "--profile": "profile",
    "--fail-on": "fail_on",
    "--config": "config",
    "--now": "now",
    "--output-file": "output_file",
    "-o": "output_file",
    "--stdin-filename": "stdin_filename",
    "--timeout": "timeout",
}
#: the options whose value is a path
PATHS = frozenset({"config", "output_file", "stdin_filename"})
#: options that may repeat, each value kept
LISTS = {"--select": "select", "--ignore": "ignore", "--extend-select": "extend_select"}
#: options without a value
FLAGS = {
    "--statistics": "statistics",
    "--isolated": "isolated",
    "--fix": "fix",
    "--diff": "diff",
    "--no-cache": "no_cache",
    "--exit-zero": "exit_zero",
}


def _value(argv: list[str], index: int, arg: str) -> tuple[str, int] | None:
    """The value of the option at ``index`` (``--opt=value`` or ``--opt value``) and the next index."""
    if arg.startswith("--") and "=" in arg:
        return arg.partition("=")[2], index + 1
    if index + 1 >= len(argv) or argv[index + 1].startswith("-"):
        return None  # missing, or another option: typer says what is wrong
    return argv[index + 1], index + 2


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds < math.inf else None


def _globals(argv: list[str]) -> tuple[dict[str, Any], int] | None:
    """The app's own options before the command (``--color``, ``--debug``) and where the command is."""
    found: dict[str, Any] = {}
    index = 0
    while index < len(argv):
        arg = argv[index]
        name = arg.partition("=")[0]
        if name == "--debug" and "=" not in arg:
            found["debug"] = True
            index += 1
        elif name == "--color":
            got = _value(argv, index, arg)
            if got is None or got[0] not in {c.value for c in Color}:
                return None
            found["color"], index = Color(got[0]), got[1]
        elif arg.startswith("-"):
            return None
        else:
            return found, index
    return None


def read(argv: list[str]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(app options, lint keyword arguments) for a plain ``lint`` command line, else None."""
    from ..config import Level, Profile
    from .runlint import LintFormat

    start = _globals(argv)
    if start is None or argv[start[1]] != "lint":
        return None
    app_options, index = start
    choices: dict[str, Any] = {"format": LintFormat, "profile": Profile, "fail_on": Level}
    options: dict[str, Any] = {}
    paths: list[Path] = []
    index += 1
    while index < len(argv):
        arg = argv[index]
        if arg == "-" or not arg.startswith("-"):
            paths.append(Path(arg))
            index += 1
            continue
        name = arg.partition("=")[0] if arg.startswith("--") else arg
        if name in FLAGS and name == arg:
            options[FLAGS[name]] = True
            index += 1
            continue
        if name not in VALUES and name not in LISTS:
            return None  # --help, -h, --, an unknown or abbreviated option
        got = _value(argv, index, arg)
        if got is None:
            return None
        value, index = got
        if name in LISTS:
            options.setdefault(LISTS[name], []).append(value)
            continue
        key = VALUES[name]
        if key in choices:
            if value not in {member.value for member in choices[key]}:
                return None
            options[key] = choices[key](value)
        elif key == "timeout":
            seconds = _seconds(value)
            if seconds is None:
                return None  # not a number, or negative: typer says what is wrong
            options[key] = seconds
        else:
            options[key] = Path(value) if key in PATHS else value
    if paths:
        options["paths"] = paths
    return app_options, options


def run(argv: list[str]) -> int | None:
    """Run a plain ``lint`` command line and return its exit code; None to leave it to typer."""
    read_ = read(argv)
    if read_ is None:
        return None
    app_options, options = read_
    state.debug = app_options.get("debug", False)
    state.color = app_options.get("color", Color.auto)
    from .runlint import run as run_lint

    run_lint(**options)
    return 0
