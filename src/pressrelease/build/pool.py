"""Many releases at once: the process pool behind :func:`~pressrelease.build.pipeline.build`.

Loading WeasyPrint, the fonts and the stylesheets takes about a second, and each
release's PDF about a fifth of one; the rest of a release (parse, lint, HTML, text,
.eml) is a tenth of its cost. On Linux, with PDFs wanted, both CPUs are kept busy from
the start:

1. a *helper* process, forked first, reads, parses and lints the releases in file
   order and renders everything but their PDFs, while
2. this process imports WeasyPrint and builds a small built-in release, so that
3. the PDF workers, forked from it, start with all of that loaded. Each release the
   helper got to before they started needs only its PDF from them; the helper then
   stops, and the rest go to the workers whole.

Elsewhere (forkserver or spawn), or without PDFs, every release goes to the workers
whole, and each worker loads WeasyPrint when it starts. Whatever the order in which
workers finish, this process writes each release's files in file order, so that of two
releases with one output name the first is built and the second fails.
"""

from __future__ import annotations

import datetime as dt
import queue
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from .pipeline import BuildOptions, Job, Made, job_for, make, prepare
from ..discover import STDIN
from ..parse import parse
from .workers import init_worker, pool_context, warm_up

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
    helper = _Helper(context, sources, options, now) if pdf and context.get_start_method() == "fork" else None
    try:
        if helper is not None:
            warm_up_renderers(files[0], options, now)
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=init_worker, initargs=(pdf,)
        ) as pool:
            pool.submit(warm_up)  # workers start (fork) now, before on_start's progress bar thread
            if on_start is not None:
                on_start(len(files))
            _Run(pool, sources, options, now, settle, helper).run()
    finally:
        if helper is not None:
            helper.close()


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


def make_source(source: Source, options: BuildOptions, now: dt.datetime) -> Made:
    """A worker's task: read, parse, lint and render one release."""
    return make(source if isinstance(source, Job) else prepare(source, options, now))


def make_pdf(job: Job, budget: float) -> Made:
    """A worker's task: the PDF of a release the helper has linted (``budget``: seconds left)."""
    return make(replace(job, timeout=budget, parse_seconds=0.0), ("pdf",), lint=False)


def combine(light: Made, pdf: Made, formats: Sequence[str]) -> Made:
    """One release from its other formats and its PDF, made apart, in the formats' order."""
    seconds = light.result.seconds + pdf.result.seconds
    if pdf.result.status != "built":  # stopped or crashed: nothing of it is written
        return replace(pdf, result=replace(pdf.result, seconds=seconds))
    order = {fmt: position for position, fmt in enumerate(formats)}
    return replace(
        light,
        result=replace(light.result, seconds=seconds),
        files=tuple(sorted(light.files + pdf.files, key=lambda item: order[item[0]])),
        failed=tuple(sorted(light.failed + pdf.failed, key=lambda item: order[item[0]])),
    )


class _Helper:
    """The forked process that parses, lints and renders all but the PDF, in file order."""

    def __init__(self, context: Any, sources: list[Source], options: BuildOptions, now: dt.datetime) -> None:
        self.results = context.Queue()  # its feeder thread runs in the helper: it never waits for us
        self.stop = context.Event()
        self.process = context.Process(
            target=_light_stage, args=(sources, options, now, self.results, self.stop), daemon=True
        )
        self.process.start()

    def receive(self, expected: int) -> tuple[int, Made | None, Job | None]:
        """The helper's next release: (index, what it made, the job if its PDF is still to
        make), or ``(index, None, None)`` where it stopped. A helper that died, or is slow
        to answer (a runaway release), stopped at ``expected``: the workers take the rest."""
        try:
            item: tuple[int, Made | None, Job | None] = self.results.get(timeout=0.5)
        except queue.Empty:
            return expected, None, None
        return item

    def close(self) -> None:
        """Stop it (at once: it writes nothing, so nothing is lost)."""
        self.stop.set()
        self.process.terminate()
        self.process.join()


def _light_stage(sources: list[Source], options: BuildOptions, now: dt.datetime, results: Any, stop: Any) -> None:
    """The helper's work: every release until ``stop`` is set, then where it stopped."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    index = 0
    while index < len(sources) and not stop.is_set():
        source = sources[index]
        job = source if isinstance(source, Job) else prepare(source, options, now)
        made = make(job, tuple(fmt for fmt in job.formats if fmt != "pdf"))
        wants_pdf = made.result.status == "built" and "pdf" in job.formats
        results.put((index, made, job if wants_pdf else None))
        index += 1
    results.put((index, None, None))


class _Run:
    """Hands releases to the pool, and settles what comes back in file order."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        sources: list[Source],
        options: BuildOptions,
        now: dt.datetime,
        settle: Settle,
        helper: _Helper | None,
    ) -> None:
        self.pool, self.sources, self.options, self.now = pool, sources, options, now
        self.settle, self.helper = settle, helper
        self.pending: dict[Future[Made], int] = {}
        self.light: dict[int, tuple[Made, Job]] = {}  #: releases waiting for their PDF
        self.ready: dict[int, Made] = {}  #: made, waiting for the releases before them
        self.collected: set[int] = set()  #: releases whose task has answered
        self.settled = 0  #: every release before this index is settled

    def run(self) -> None:
        try:
            first = self.from_helper() if self.helper is not None else 0
            for index in range(first, len(self.sources)):
                self.pending[self.pool.submit(make_source, self.sources[index], self.options, self.now)] = index
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

    def from_helper(self) -> int:
        """Send the PDFs of what the helper made to the pool; the index it stopped at."""
        assert self.helper is not None
        self.helper.stop.set()  # the workers are up: from here on they take releases whole
        done = 0
        while done < len(self.sources):
            index, made, job = self.helper.receive(done)
            if made is None:
                break
            if job is None:  # blocked, failed, or no PDF wanted: nothing left to do
                self.ready[index] = made
            else:
                spent = made.result.seconds - job.parse_seconds
                budget = max(job.timeout - spent, 0.001) if job.timeout > 0 else job.timeout
                self.light[index] = (made, job)
                self.pending[self.pool.submit(make_pdf, job, budget)] = index
            done = index + 1
        self.helper.close()
        return done

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
        if index in self.light:
            light, job = self.light[index]
            made = combine(light, made, job.formats)
        self.ready[index] = made
        self.collected.add(index)

    def advance(self) -> None:
        """Settle every release whose predecessors are all settled."""
        while self.settled in self.ready:
            index, self.settled = self.settled, self.settled + 1
            self.settle(index, self.ready.pop(index))
