"""How every pool of worker processes starts them (lint, build, site): one choice, one place.

On Linux, from a process with no other thread, workers are forked: they start with
everything this process has loaded (the rules, the word lists, WeasyPrint), so a
run of a few hundred files does not wait for each worker to import them again.
``concurrent.futures`` forks all of a fork pool's workers before it starts its own
thread, so no lock held by another thread is copied. Elsewhere, or once any other
thread runs, workers come from a forkserver (a clean process that imports
``preload`` once) where the platform has one, else they are spawned: CPython's
safe choices there (fork is unsafe on macOS).

Every worker also watches its parent (:func:`exit_with_parent`): a pool's worker
waits for tasks on a pipe whose writing end it inherited, so it never sees the end
of it, and a ``kill -9`` of the command would leave it waiting for ever.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def start_context(preload: Sequence[str] = ()) -> BaseContext:
    """The multiprocessing context a pool should use now (see the module's docstring)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        if preload:
            context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def executor(
    workers: int,
    preload: Sequence[str] = (),
    initializer: Callable[..., None] | None = None,
    initargs: tuple[object, ...] = (),
    context: BaseContext | None = None,
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started as :func:`start_context` says, each of
    which runs ``initializer(*initargs)`` and ends soon after this process dies."""
    from concurrent.futures import ProcessPoolExecutor

    context = context or start_context(preload)
    parent = os.getpid() if context.get_start_method() == "fork" else None
    return ProcessPoolExecutor(workers, context, _start_worker, (parent, initializer, initargs))


def _start_worker(parent: int | None, initializer: Callable[..., None] | None, initargs: tuple[object, ...]) -> None:
    exit_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def exit_with_parent(parent: int | None = None, every: float = 0.5) -> None:
    """End this worker soon after its parent dies (``kill -9`` included).

    A daemon thread notices the worker being handed to another parent, runs the
    exit hooks (a PDF renderer's temporary font files) and ends the process. (Linux's
    ``PR_SET_PDEATHSIG`` fires when the *thread* that forked exits, which in a pool
    need not be the main one.)

    ``parent`` is the process the worker was forked from, known before the fork: a
    parent killed between the fork and this call has already handed the worker to
    another, and asking ``getppid()`` here would watch that one for ever. Without it
    (workers from a forkserver), the parent at this call is watched.
    """
    if parent is None:
        parent = os.getppid()

    def watch() -> None:
        from .exit_hooks import run_hooks

        while os.getppid() == parent:
            time.sleep(every)
        try:
            run_hooks()  # os._exit runs no finalizers
        finally:
            os._exit(1)  # nobody is left to collect the results

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
