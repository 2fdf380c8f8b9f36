"""What must happen before the command line's quick exit, which runs no ``atexit`` handlers.

The console script ends with ``os._exit`` (see :func:`pressrelease.cli.run`): tearing
the interpreter down costs more than most commands. Code that holds something a normal
exit would clean up (the PDF renderer's temporary font files) registers a hook here
when it takes it; the exit runs the hooks, newest first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

_HOOKS: list[Callable[[], None]] = []


def before_exit(hook: Callable[[], None]) -> None:
    """Run ``hook`` before a quick exit (once, however often it is registered)."""
    if hook not in _HOOKS:
        _HOOKS.append(hook)


def run_hooks() -> None:
    """Run every hook, newest first; one that fails does not stop the others or the exit."""
    while _HOOKS:
        hook = _HOOKS.pop()
        with contextlib.suppress(Exception):
            hook()
