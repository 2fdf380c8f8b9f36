"""The build's process pool: the same results as one process, whatever order workers finish in.

Workers are forked (Linux), so a function patched here is patched in them too: that
is how a slow or crashing release is planted. One test builds PDFs through the whole
pool (the warm-up, the PDF workers); the others build plain text only.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_pipeline import leftovers, options, titled, write

from lint.util import CLEAN  # tests/ is on sys.path (pytest's rootdir-relative import)
from pressrelease.build import BuildOptions, BuildResult, build
from pressrelease.build import pool as pool_mod
from pressrelease.build.pipeline import job_for, make
from pressrelease.build.processes import pool_context
from pressrelease.parse import parse
from pressrelease.render import text as text_mod

NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
forked = pytest.mark.skipif(
    pool_context().get_start_method() != "fork", reason="patches reach the workers only when they are forked"
)


def many(folder: Path, count: int = 16) -> list[Path]:
    """Enough releases for a plain-text build to use the pool (16), each with its own slug."""
    return [write(folder, f"r{i:02}.md", titled(f"Plant number {i} opens")) for i in range(count)]


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.slow
def test_the_pool_builds_pdfs_byte_for_byte_as_one_process_does(tmp_path: Path) -> None:
    sources = [
        write(tmp_path, "a.md", titled("Plant A opens", "plant-a")),
        write(tmp_path, "b.md", titled("Plant B opens", "plant-b")),
        write(tmp_path, "c.md", CLEAN.replace("Three new water", "TK Three new water")),  # lint error
        write(tmp_path, "d.md", titled("Plant A opens again", "plant-a")),  # a's name
        write(tmp_path, "e.md", titled("Plant E opens", "plant-e")),
    ]
    (tmp_path / "f.md").write_bytes(b"\xff")
    sources.append(tmp_path / "f.md")
    one = build(sources, options(tmp_path / "one", formats=("pdf", "txt"), now=NOW))
    pooled = build(sources, options(tmp_path / "pool", formats=("pdf", "txt"), now=NOW, jobs=2))
    assert [(r.path, r.status, r.message, r.warnings, r.errors) for r in pooled] == [
        (r.path, r.status, r.message, r.warnings, r.errors) for r in one
    ]
    assert [r.status for r in pooled] == ["built", "built", "blocked", "failed", "built", "failed"]
    assert [[p.name for p in r.outputs] for r in pooled] == [[p.name for p in r.outputs] for r in one]
    assert outputs(tmp_path / "pool") == outputs(tmp_path / "one")
    assert sorted(outputs(tmp_path / "pool")) == [f"plant-{x}.{ext}" for x in "abe" for ext in ("pdf", "txt")]


@forked
def test_of_two_releases_with_one_name_the_first_in_file_order_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = text_mod.render_text

    def slow_first(release: Any, *args: Any, **kwargs: Any) -> str:
        if release.path.name == "r00.md":
            time.sleep(1)  # so that its namesake, after it in file order, is made first
        return real(release, *args, **kwargs)

    monkeypatch.setattr(text_mod, "render_text", slow_first)
    sources = many(tmp_path / "in")
    sources.insert(1, write(tmp_path / "in", "r00-copy.md", titled("Plant number 0 opens")))
    seen: list[str] = []
    results = build(sources, options(tmp_path / "out", jobs=2), on_result=lambda r: seen.append(r.path))
    assert [r.status for r in results] == ["built", "failed"] + ["built"] * 15
    assert results[1].message.startswith(f"same output name as {sources[0]} (")
    assert seen == [str(p) for p in sources]  # reported in file order too
    assert "number 0 opens" in results[0].outputs[0].read_text(encoding="utf-8").lower()


def test_standard_input_among_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(titled("From the pipe").encode())))
    sources = [Path("-"), *many(tmp_path)]
    results = build(sources, options(tmp_path / "out", jobs=2))
    assert [r.status for r in results] == ["built"] * 17
    assert results[0].path == "<stdin>"
    assert "FROM THE PIPE" in results[0].outputs[0].read_text(encoding="utf-8")


@forked
def test_a_worker_that_dies_fails_releases_not_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = text_mod.render_text

    def dies_on_seven(release: Any, *args: Any, **kwargs: Any) -> str:
        if release.path.name == "r07.md":
            os._exit(3)
        return real(release, *args, **kwargs)

    monkeypatch.setattr(text_mod, "render_text", dies_on_seven)
    sources = many(tmp_path / "in")
    results = build(sources, options(tmp_path / "out", jobs=2))
    assert len(results) == 16
    assert results[7].status == "failed"
    assert results[7].message.startswith("the build worker stopped (BrokenProcessPool")
    assert all(r.status == "built" or r.message.startswith("the build worker stopped") for r in results)
    assert leftovers(tmp_path / "out") == []


@forked
def test_workers_start_with_what_they_inherit_frozen_and_the_caller_gets_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = text_mod.render_text

    def with_frozen_count(release: Any, *args: Any, **kwargs: Any) -> str:
        return real(release, *args, **kwargs) + f"\nfrozen in the worker: {gc.get_freeze_count()}\n"

    monkeypatch.setattr(text_mod, "render_text", with_frozen_count)
    results = build(many(tmp_path / "in"), options(tmp_path / "out", jobs=2))
    counts = [int(r.outputs[0].read_text(encoding="utf-8").rsplit(": ", 1)[1]) for r in results]
    assert min(counts) > 0  # the collector never walks (nor copies) the parent's objects
    assert gc.get_freeze_count() == 0  # a library call leaves the caller's collector as it was


@forked
def test_ctrl_c_drops_what_has_not_started_and_leaves_only_whole_files(tmp_path: Path) -> None:
    sources = many(tmp_path / "in", 24)
    build(sources, options(tmp_path / "one"))
    expected = outputs(tmp_path / "one")
    seen: list[BuildResult] = []

    def interrupt_once(result: BuildResult) -> None:
        seen.append(result)
        if len(seen) == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(sources, options(tmp_path / "out", jobs=2), on_result=interrupt_once)
    written = outputs(tmp_path / "out")
    assert 1 <= len(written) < len(sources)
    assert all(data == expected[name] for name, data in written.items())
    assert leftovers(tmp_path / "out") == []


@pytest.mark.slow
def test_the_warm_up_release_renders_in_every_format(tmp_path: Path) -> None:
    job = job_for(write(tmp_path, "a.md"), BuildOptions(isolated=True), NOW)
    made = make(replace(job, release=parse(pool_mod.WARM_UP.read_text(encoding="utf-8"), None, job.config), force=True))
    assert made.result.status == "built", made.result.message
    assert [fmt for fmt, _ in made.files] == list(job.formats) == ["html", "pdf", "txt", "eml"]
    assert made.failed == ()
