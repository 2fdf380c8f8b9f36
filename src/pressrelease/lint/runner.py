"""Files, folders and standard input to diagnostics: discovery, configs, a process pool.

Every config is loaded and every selector checked in the parent process before any
release is read, so a malformed config stops the run (exit 2) before work starts.
Each file is then read and parsed once and linted with its own config (the closest
one, unless ``--config`` or ``--isolated``). Many files go in chunks to a
``concurrent.futures`` process pool whose workers start the way CPython calls safe
(see pools.py); a few run in-process, since starting workers
costs more than it saves.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import msgspec

from .. import budget
from .. import config as config_mod
from ..config import Config
from ..discover import STDIN, release_files
from ..errors import PressReleaseError, ReadError
from ..model import STDIN_NAME, Problem, Span
from ..parse import parse, read_stdin, read_text, source_text
from .engine import UNREADABLE, Diagnostic, all_rules, clock, lint
from .registry import Rule

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from .cache import Cache
from .select import Options, Selection

_NAMES_TRANSLATIONS = re.compile(r"^translations\s*:", re.MULTILINE)
#: below this many files the pool's start-up costs more than it saves (bench/lint.py)
POOL_MIN_FILES = 48
CHUNK = 16  #: the most files a worker takes at once (each chunk is one round trip)
_PRELOAD = (__name__, "pressrelease.lint.rules")  #: what a forkserver imports before its first worker


class FileResult(msgspec.Struct, frozen=True):
    """One file's diagnostics, with its text for code frames and fixes."""

    path: str  #: as shown in reports
    diagnostics: tuple[Diagnostic, ...]
    source: str  #: the text as parsed ('' when unreadable)
    fail_on: str  #: the threshold in force for this file


class Settings(msgspec.Struct, frozen=True):
    """What the command line asks for, the same for every file."""

    options: Options = msgspec.field(default_factory=Options)
    config: Path | None = None
    isolated: bool = False
    now: dt.datetime | None = None
    fail_on: str | None = None
    debug: bool = False
    cache: bool = False  #: reuse and store results (lint/cache.py); the command line turns it on
    stdin_name: Path | None = None  #: the file standard input stands for (config, ignores, links, reports)
    timeout: float = budget.DEFAULT_SECONDS  #: seconds each file may take to parse and lint (0: no limit)


def discover(paths: Sequence[Path], settings: Settings) -> list[Path]:
    """The files to lint: files as given, ``*.md`` below folders, ``-`` for stdin."""
    return release_files(paths, lambda path: config_mod.for_path(path, settings.config, settings.isolated))


class Plan:
    """The config and selection for each file, resolved (and checked) up front."""

    def __init__(self, settings: Settings, rules: Sequence[Rule] | None = None) -> None:
        self.settings = settings
        self.rules = tuple(rules) if rules is not None else all_rules()
        self.selections: dict[Path | None, Selection] = {}
        self.fingerprints: dict[Path | None, str] = {}
        self.configs: dict[Path | None, Config] = {}  #: by the release's folder
        self.cache: Cache | None = None
        if settings.cache and rules is None:  # a custom rule set is not the tool's: never cached
            from .cache import Cache, directory

            self.cache = Cache(directory())

    def config_for(self, path: Path) -> Config:
        """The config for a release file (or ``-``), found once per folder in a run."""
        target = self.settings.stdin_name if path == STDIN else path
        folder = target.parent if target is not None else None
        if folder not in self.configs:
            self.configs[folder] = config_mod.for_path(target, self.settings.config, self.settings.isolated)
        return self.configs[folder]

    def fingerprint(self, config: Config) -> str:
        if config.path not in self.fingerprints:
            from .cache import settings_fingerprint

            self.fingerprints[config.path] = settings_fingerprint(config, self.settings.options)
        return self.fingerprints[config.path]

    def selection_for(self, config: Config) -> Selection:
        key = config.path
        if key not in self.selections:
            self.selections[key] = Selection.build(self.rules, config, self.settings.options)
        return self.selections[key]


def lint_file(path: Path, plan: Plan) -> FileResult:
    """Read, parse and lint one file (or ``-``) within the time budget; past it, one error."""
    shown = stdin_shown(plan.settings) if path == STDIN else str(path)
    try:
        with budget.limit(plan.settings.timeout, shown):
            return _lint_file(path, plan)
    except budget.OverBudget as over:
        fail_on = plan.settings.fail_on or plan.config_for(path).lint.fail_on
        return FileResult(shown, (_unreadable(shown, over.message),), "", fail_on)


def _lint_file(path: Path, plan: Plan) -> FileResult:
    settings = plan.settings
    config = plan.config_for(path)
    selection = plan.selection_for(config)
    fail_on = settings.fail_on or config.lint.fail_on
    shown = stdin_shown(settings) if path == STDIN else str(path)
    now = settings.now or clock()
    key: str | None = None  #: the cache entry's, for a file read from disk
    if path == STDIN:
        text, read_problem = read_stdin()
        if text is None:
            return refused(path, read_problem, plan)
        release = parse(text, settings.stdin_name, config)
    else:
        try:
            text, read_problem = read_text(path)
        except ReadError as error:  # gone since discovery, or a broken link: this file's error only
            return FileResult(shown, (_unreadable(shown, f"cannot read the file: {error.message}"),), "", fail_on)
        if text is None:
            return refused(path, read_problem, plan)
        # A release naming its translations is checked against them: its findings
        # depend on other files, so it is never taken from (or put in) the cache.
        if plan.cache is not None and not _NAMES_TRANSLATIONS.search(text):
            key = plan.cache.key(text, shown, plan.fingerprint(config))
            cached = plan.cache.get(key, shown, now)
            if cached is not None:
                return FileResult(shown, cached, source_text(text), fail_on)
        try:
            release = parse(text, path, config)
        except Exception as error:  # a parser bug must not hide the other files
            if settings.debug:
                raise
            message = f"internal error while parsing ({type(error).__name__}: {error}); rerun with --debug"
            return FileResult(shown, (_unreadable(shown, message),), text, fail_on)
    diagnostics = lint(release, config, selection=selection, now=now, debug=settings.debug)
    if shown != release.display_name:
        diagnostics = [msgspec.structs.replace(d, path=shown) for d in diagnostics]
    if key is not None and plan.cache is not None:
        plan.cache.put(key, release, tuple(diagnostics), now)
    return FileResult(shown, tuple(diagnostics), release.source, fail_on)


def stdin_shown(settings: Settings) -> str:
    """How standard input is named in reports: ``--stdin-filename``, else ``<stdin>``."""
    return str(settings.stdin_name) if settings.stdin_name is not None else STDIN_NAME


def refused(path: Path, problem: Problem | None, plan: Plan) -> FileResult:
    """The result for a file (or ``-``) the reader refused: its PR004 alone."""
    shown = stdin_shown(plan.settings) if path == STDIN else str(path)
    message = problem.message if problem else "cannot read the file"
    fail_on = plan.settings.fail_on or plan.config_for(path).lint.fail_on
    return FileResult(shown, (_unreadable(shown, message, problem.span if problem else None),), "", fail_on)


def _unreadable(path: str, message: str, span: Span | None = None) -> Diagnostic:
    rule = next((r for r in all_rules() if r.code == UNREADABLE), None)  # its name, if registered
    name = rule.name if rule else "unreadable"
    return Diagnostic(path, span or Span.point(1), UNREADABLE, name, "error", message)


_WORKER_PLAN: Plan | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PLAN
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER_PLAN = Plan(settings)


def _lint_chunk(paths: list[Path]) -> list[FileResult]:
    assert _WORKER_PLAN is not None
    return [lint_file(p, _WORKER_PLAN) for p in paths]


def lint_paths(
    paths: Sequence[Path],
    settings: Settings | None = None,
    jobs: int | None = None,
    rules: Sequence[Rule] | None = None,
) -> list[FileResult]:
    """Lint files, folders and ``-``; raises ConfigError / UnknownRule before reading any release.

    ``rules`` replaces the registry (tests); a custom rule set always runs in-process.
    """
    settings = settings or Settings()
    settings = msgspec.structs.replace(settings, now=settings.now or clock())
    files = discover(paths, settings)
    plan = Plan(settings, rules)
    for path in files:  # load every config and check every selector first
        plan.selection_for(plan.config_for(path))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < POOL_MIN_FILES or STDIN in files or rules is not None:
        return [lint_file(p, plan) for p in files]
    from ..pools import start_context

    context = start_context(_PRELOAD)
    forked = context.get_start_method() == "fork"
    chunks = in_workers(
        _lint_chunk,
        chunked(files, workers),
        workers,
        _init_worker,
        (settings,),
        None if forked else lambda paths: [lint_file(p, plan) for p in paths],
        context,
    )
    return [result for chunk in chunks for result in chunk]


def chunked(files: list[Path], workers: int) -> list[list[Path]]:
    """``files`` in chunks of at most CHUNK that shrink towards the end.

    A worker takes a chunk at a time; with equal chunks, one worker could still be
    busy with a whole chunk after the other has run out. Each chunk is at most a
    quarter of what is left for each worker, so the last ones are a file or two.
    """
    chunks: list[list[Path]] = []
    start = 0
    while start < len(files):
        size = max(1, min(CHUNK, (len(files) - start) // (4 * workers)))
        chunks.append(files[start : start + size])
        start += size
    return chunks


_Chunk = TypeVar("_Chunk")
_Result = TypeVar("_Result")


class WorkerDied(PressReleaseError):
    """A worker process ended without finishing its files (killed, or out of memory)."""


def in_workers(
    work: Callable[[_Chunk], _Result],
    chunks: Sequence[_Chunk],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[object, ...],
    here: Callable[[_Chunk], _Result] | None = None,
    context: BaseContext | None = None,
) -> list[_Result]:
    """``[work(chunk) for chunk in chunks]`` in ``workers`` processes; a worker's exception is raised here.

    Workers start in ``context`` (by default as :func:`pressrelease.pools.start_context`
    says). With ``here``, this process is one of the ``workers``: it does
    ``here(chunk)`` with the last chunks (the smallest) while the pool takes them from
    the front, a few at a time, so that workers slow to start (from a forkserver, about
    0.1 s of CPU for the server) are not waited for, and no chunk handed to the pool is
    ever taken back. Forked workers start at once; there, working beside them costs more
    than it saves, since this process's lint holds up the pool's own thread that
    gathers their results (500 files: 0.81 s wall with ``here``, 0.77 s without;
    bench/README.md), and :func:`lint_paths` passes no ``here``.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures.process import BrokenProcessPool

    from ..pools import executor

    results: dict[int, _Result] = {}
    front, back = 0, len(chunks)  #: the workers take chunks from the front, this process from the back
    size = max(1, workers - (here is not None))
    pool = executor(size, _PRELOAD, initializer, initargs, context)
    try:
        pending: dict[Future[_Result], int] = {}
        while front < back or pending:
            while front < back and len(pending) < 2 * size:  # each worker one in hand, one queued
                pending[pool.submit(work, chunks[front])] = front
                front += 1
            for future in [f for f in pending if f.done()]:
                results[pending.pop(future)] = future.result()
            if here is not None and front < back:
                back -= 1
                results[back] = here(chunks[back])
            elif pending:
                wait(pending, return_when=FIRST_COMPLETED)
        return [results[index] for index in range(len(chunks))]
    except BrokenProcessPool as error:
        raise WorkerDied(
            "a lint worker stopped before finishing its files; rerun, or lint fewer files at once if memory is short"
        ) from error
    finally:
        pool.shutdown(cancel_futures=True)  # after an error, the chunks not begun are dropped


__all__ = [
    "STDIN",
    "FileResult",
    "ReadError",
    "Settings",
    "WorkerDied",
    "discover",
    "in_workers",
    "lint_file",
    "lint_paths",
    "refused",
]
