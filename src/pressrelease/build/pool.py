"""Many releases at once: the process pool behind :func:`pressrelease.build.build`.

Loading WeasyPrint, the fonts and the stylesheets takes about a second, and each
release's PDF about a fifth of one. On Linux this process imports WeasyPrint and
builds a small built-in release first, so that workers forked from it start with all
of that loaded; elsewhere (forkserver or spawn) each worker loads WeasyPrint when it
starts. Whatever the order in which workers finish, the caller writes each release's
files in file order, so that of two releases with one output name the first is built
and the second fails.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from ..discover import STDIN
from ..parse import parse
from ..pools import executor
from .pipeline import BuildOptions, Job, Made, build_one, job_for, make, prepare
from .processes import init_worker, pool_context, warm_up

WARM_UP = Path(__file__).parent.parent / "data" / "warm-up.md"  #: the release :func:`warm_up_renderers` builds
Source = Path | Job  #: a release to read, or standard input already read (a worker has none)
Settle = Callable[[int, Made], None]


def build_in_pool(
    files: Sequence[Path],
    options: BuildOptions,
    now: dt.datetime,
    workers: int,
    pdf: bool,
    settle: Settle,
    on_start: Callable[[int], None] | None = None,
) -> None:
    """Build ``files`` on ``workers`` processes; ``settle(index, made)`` in file order."""
    sources: list[Source] = [prepare(path, options, now) if path == STDIN else path for path in files]
    context = pool_context()
    forked = context.get_start_method() == "fork"
    if pdf and forked:
        warm_up_renderers(files[0], options, now)
    if forked:
        # What the workers inherit is moved out of the collector's sight before they fork
        # (the gc module's advice for fork): a full collection in a worker then walks only
        # its own objects, not every inherited one, and copies none of the pages they share.
        gc.freeze()
    try:
        with executor(workers, context=context, initializer=init_worker, initargs=(pdf,)) as pool:
            pool.submit(warm_up)  # workers start (fork) now, before on_start's progress bar thread
            if on_start is not None:
                on_start(len(files))
            _Run(pool, sources, options, now, settle).run()
    finally:
        gc.unfreeze()


def warm_up_renderers(path: Path, options: BuildOptions, now: dt.datetime) -> None:
    """Build a small built-in release here, writing nothing, so that workers forked from
    this process start with everything a first release loads: the fonts, the parsed
    stylesheets, WeasyPrint's C types, the hyphenation dictionary, the templates, the
    lint rules. Cheaper than building a real release first (bench/README.md)."""
    job = job_for(path, options, now)
    try:
        release = parse(WARM_UP.read_text(encoding="utf-8"), None, job.config)
    except OSError:  # a warm-up only saves time: without it the workers load all that themselves
        return
    make(replace(job, release=release, force=True))


class _Run:
    """Hands releases to the pool, and settles what comes back in file order."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        sources: list[Source],
        options: BuildOptions,
        now: dt.datetime,
        settle: Settle,
    ) -> None:
        self.pool, self.sources, self.options, self.now, self.settle = pool, sources, options, now, settle
        self.pending: dict[Future[Made], int] = {}
        self.ready: dict[int, Made] = {}  #: made, waiting for the releases before them
        self.collected: set[int] = set()  #: releases whose task has answered
        self.settled = 0  #: every release before this index is settled

    def run(self) -> None:
        try:
            for index in range(len(self.sources)):
                self.pending[self.pool.submit(build_one, self.sources[index], self.options, self.now)] = index
            self.advance()
            for future in as_completed(self.pending):
                self.collect(future)
                self.advance()
        except KeyboardInterrupt:  # Ctrl-C: drop what has not started; what was rendering is still written
            started = [future for future in self.pending if not future.cancel()]
            wait(started)
            for future in started:
                if self.pending[future] not in self.collected:
                    self.collect(future)
            for index in sorted(self.ready):
                self.settle(index, self.ready.pop(index))
            raise

    def collect(self, future: Future[Made]) -> None:
        index = self.pending[future]
        try:
            made = future.result()
        except Exception as error:  # a worker that died (memory, a crash in C)
            if self.options.debug and not isinstance(error, BrokenProcessPool):
                raise
            why = f"the build worker stopped ({type(error).__name__}: {error})"
            source = self.sources[index]
            job = source if isinstance(source, Job) else job_for(source, self.options, self.now)
            made = make(replace(job, release=None, problem=why))
        self.ready[index] = made
        self.collected.add(index)

    def advance(self) -> None:
        """Settle every release whose predecessors are all settled."""
        while self.settled in self.ready:
            index, self.settled = self.settled, self.settled + 1
            self.settle(index, self.ready.pop(index))
