"""Which command runs: every command module registered on the app, one of them chosen.

Apart from :mod:`.root` because the command modules import the app from there to
register on it: the module that imports them all sits above both, with no cycle.
"""

from __future__ import annotations

import copy
import importlib
import sys

import typer

from .root import app
from .terminal import guarded


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


#: the module that registers each command: a run imports only the one it names
MODULES = {
    "build": "build",
    "email": "build",
    "new": "build",
    "init": "build",
    "import": "importer",
    "inspect": "inspect",
    "lint": "lint",
    "rules": "lint",
    "preview": "preview",
    "site": "site",
}


def for_command(argv: list[str]) -> typer.Typer:
    """``app``, or a copy of it holding only the command that ``argv`` names.

    Before it parses anything, typer builds the click command of every registered
    command (signatures read, annotations evaluated): about 3 ms each, 20 ms of every
    start-up. A run names one command, so only its module is imported (the others
    cost 30 ms more) and the copy holds just that command; its options, help and
    errors are the same. With no command named (``--help``, ``--version``, a typo)
    the full app runs and says what it always says.
    """
    name = _command_name(argv)
    if name in MODULES:
        importlib.import_module(f"{__package__}.{MODULES[name]}")
    else:
        commands()
    chosen = [info for info in app.registered_commands if info.name == name]
    if len(chosen) != 1 or app.registered_groups:
        commands()
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single


def commands() -> typer.Typer:
    """The app with every command registered (each module adds its own when imported),
    in the order of ``MODULES`` whichever module a run imported first."""
    from . import build, importer, inspect, lint, preview, site  # noqa: F401

    order = list(MODULES)
    app.registered_commands.sort(key=lambda info: order.index(info.name) if info.name in order else len(order))
    return app


def main() -> int:
    """Run the typer app, turning library errors into one line and exit 2."""

    def command() -> int:
        for_command(sys.argv[1:])()
        return 0

    code = guarded(command)
    return 0 if code is None else code
