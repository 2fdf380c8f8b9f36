"""The time budget of one file: parse, lint, render, inspect or import stop when it runs out.

A safety net, not a substitute for linear code (bench/adversarial.py): a pasted
document that still finds a slow path becomes a one-line error naming the file
instead of a hang, and the other files still get their results.

The budget is a ``SIGALRM`` timer (``signal.setitimer``) armed in the process that
does the work, before the file is parsed, so it also covers the parse. When it
fires, :class:`OverBudget` is raised wherever the work is; it derives from
``BaseException``, so no rule's or renderer's ``except Exception`` can take it for
a crash of its own and carry on. A signal is delivered only to the main thread
and only where ``SIGALRM`` exists (not Windows): elsewhere the work runs unlimited.
The regex engine checks for signals while it matches, so a runaway pattern is
stopped too.
"""

from __future__ import annotations

import gc
import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Seconds one file may take (``--timeout``): a long release parses and lints in a
#: fraction of a second, so this only ever stops a runaway.
DEFAULT_SECONDS = 10.0


class OverBudget(BaseException):  # not an Exception: no except Exception may take it
    """A file ran past its time budget: raised from the timer, caught where the file's result is made."""

    def __init__(self, seconds: float, what: str) -> None:
        super().__init__(seconds, what)
        self.seconds = seconds
        self.what = what

    @property
    def message(self) -> str:
        return f"took longer than {self.seconds:g} s and was stopped (--timeout sets the limit)"


def usable(seconds: float) -> bool:
    """Whether a budget of ``seconds`` can be enforced here (0 or less: no limit)."""
    return (
        0 < seconds < math.inf
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


@contextmanager
def limit(seconds: float, what: str, *, budget: float | None = None) -> Iterator[None]:
    """Raise :class:`OverBudget` in this block after ``seconds`` of wall time.

    ``budget`` is the file's whole budget, for the message, when ``seconds`` is what is
    left of it (the build parses first, then lints and renders).

    Nested inside another budget, the inner one is armed only if it ends first, and
    the outer one's remaining time is re-armed on the way out. The block runs with
    the cycle collector paused (:func:`collector_paused`), budget or not.
    """
    with collector_paused():
        if not usable(seconds):
            yield
            return
        outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        if outer_remaining and outer_remaining <= seconds:
            yield  # the enclosing budget ends first: it stays in charge
            return

        def expire(signum: int, frame: object) -> None:
            raise OverBudget(budget or seconds, what)

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer_remaining:
                spent = seconds - left
                signal.setitimer(signal.ITIMER_REAL, max(outer_remaining - spent, 0.001))


_starting = False  #: the console script's start-up pause is on: see pause_start_up()


def pause_start_up() -> None:
    """The cycle collector off from here to the first file's work, which freezes what start-up made.

    For the console script only (:func:`pressrelease.cli.run`). Loading a command's
    modules, compiling their patterns and reading the config make some 30,000
    objects the collector tracks, and nearly all of them live until the exit. The
    collector walked them again and again while they were made: 4 ms of a 120 ms
    one-file lint. The first
    :func:`collector_paused` block moves them to the permanent generation
    (``gc.freeze()``, so no collection looks at them again) and turns the collector
    on when that file is done. Freezing in a program that merely imports this
    package would keep that program's garbage too: hence the console script only.
    A command that never reaches a file's work (``--help``, ``new``) ends with the
    collector still off, having made little.
    """
    global _starting
    if gc.isenabled():
        gc.disable()
        _starting = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for one file's work, and on again after (if it was).

    One file's parse, lint and render make objects that all live until the file is
    done: a long release, hundreds of thousands of tokens, tree nodes and spans. The
    collector, run after every 700 new objects, walked them over and over: a third of
    the time on a megabyte of headings or list items, and more than linear in their
    number (40,000 list items made a tree in 1.4 s with it, 0.4 s without). Nothing
    is lost: what the file's work leaves in cycles is freed by the next collection.

    The first such block after :func:`pause_start_up` ends the start-up pause.
    """
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        was_enabled = True
    else:
        was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
