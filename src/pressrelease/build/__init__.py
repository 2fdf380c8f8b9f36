"""Building releases: check everything first, then make each release, write in file order.

The steps for one release are :mod:`.pipeline`; the process pool for many is
:mod:`.pool`; which process does what is :mod:`.processes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from ..discover import STDIN
from ..errors import ReadError
from .pipeline import (
    BuildOptions,
    BuildResult,
    Made,
    OutputError,
    build_one,
    check_selection,
    config_for,
    discover,
    ensure_writable,
    output_folder,
    write,
)
from .processes import pool_size

Reporter = Callable[[BuildResult], None]


def build(
    paths: Sequence[Path],
    options: BuildOptions | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    on_result: Reporter | None = None,
) -> list[BuildResult]:
    """Build every release found under ``paths``; one :class:`BuildResult` each, in order.

    Raises :class:`~pressrelease.errors.ConfigError`, :class:`OutputError` or
    :class:`~pressrelease.errors.ReadError` (a path that does not exist) before any
    release is built; per-file problems are results, never exceptions.
    """
    options = options or BuildOptions()
    now = options.now or dt.datetime.now(dt.UTC)
    for path in paths:
        if path != STDIN and not path.exists():
            raise ReadError("no such file or folder", path)
    files = discover(paths, options)
    seen_configs: set[Path | None] = set()
    folders: set[Path] = set()
    for path in files:  # every config, selector and output folder checked before any work
        config = config_for(path, options)
        check_selection(config, seen_configs)
        folders.add(output_folder(path, config, options))
    for folder in sorted(folders):
        ensure_writable(folder)
    pdf = any("pdf" in (options.formats or config_for(p, options).build.formats) for p in files)
    workers = pool_size(options.jobs, len(files), pdf)
    results: dict[int, BuildResult] = {}
    claimed: dict[Path, str] = {}

    def settle(index: int, made: Made) -> None:
        """Write one release unless an earlier one (in file order) has its output name."""
        result = made.result
        if made.slug is not None:
            key = made.output / made.slug
            if key in claimed:
                message = f"same output name as {claimed[key]} ({key.name}); give one a 'slug:' in its front matter"
                result = BuildResult(result.path, (), 0.0, "failed", message)
            else:
                claimed[key] = result.path
                result = write(made)
        results[index] = result
        if on_result is not None:
            on_result(result)

    if workers == 1:
        if on_start is not None:
            on_start(len(files))
        for index, path in enumerate(files):
            settle(index, build_one(path, options, now))
        return [results[i] for i in range(len(files))]

    from .pool import build_in_pool  # imported late: the pool brings concurrent.futures

    build_in_pool(files, options, now, workers, pdf, settle, on_start)
    return [results[i] for i in range(len(files))]


__all__ = ["BuildOptions", "BuildResult", "OutputError", "Reporter", "build"]
