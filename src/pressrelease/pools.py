"""How every pool of worker processes starts them (lint, build, site): one choice, one place.

On Linux, from a process with no other thread, workers are forked: they start with
everything this process has loaded (the rules, the word lists, WeasyPrint), so a
run of a few hundred files does not wait for each worker to import them again.
``concurrent.futures`` forks all of a fork pool's workers before it starts its own
thread, so no lock held by another thread is copied. Elsewhere, or once any other
thread runs, workers come from a forkserver (a clean process that imports
``preload`` once) where the platform has one, else they are spawned: CPython's
safe choices there (fork is unsafe on macOS).
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Sequence
from multiprocessing.context import BaseContext


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
