"""The ``pressrelease`` command: a thin typer layer over the library.

Each command lives in its own module here and only turns options into library
calls and errors into exit codes (0 done, 1 findings or a failed build, 2 usage,
missing path, malformed config). Heavy packages are imported inside commands, so
``--help`` and ``lint`` stay fast, and a plain ``lint`` command line runs without
importing typer at all (``fast.py``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from ..exit_hooks import run_hooks

if TYPE_CHECKING:
    import typer

    app: typer.Typer

__all__ = ["app", "main", "run"]


def main() -> int:
    """The console script: a plain ``lint`` without typer, everything else through the typer app.

    Library errors become one line and exit 2, Ctrl-C exit 130, as in the app.
    """
    from . import fast
    from .terminal import guarded

    code = guarded(lambda: fast.run(sys.argv[1:]))
    if code is not None:
        return code
    from .dispatch import main as app_main

    return app_main()


def run() -> NoReturn:
    """The console script and ``python -m pressrelease``: :func:`main`, then a quick exit.

    The cycle collector is off while the command loads (:func:`~pressrelease.budget.pause_start_up`).

    Tearing the interpreter down (freeing every module, compiled pattern and word list
    one by one) takes 30-40 ms, longer than linting a release, and 0.15 s once
    WeasyPrint is loaded; nothing needs it. The output is flushed here, after the
    hooks that code registered for what a normal exit would clean up
    (:mod:`pressrelease.exit_hooks`: the PDF renderer's temporary font files).
    """
    from ..budget import pause_start_up

    pause_start_up()
    code = main()
    run_hooks()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # a reader gone (| head), a closed stream
            stream.flush()
    os._exit(code)


def __getattr__(name: str) -> Any:
    """``pressrelease.cli.app``: the typer app with every command, imported on first use."""
    if name == "app":
        from .dispatch import commands

        return commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    run()
