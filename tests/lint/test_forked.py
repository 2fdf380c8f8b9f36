"""Lint's forked workers (src/pressrelease/lint/forked.py): order, errors, no leftovers."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from pressrelease.lint.forked import WorkerDied, run_forked
from pressrelease.lint.runner import FileResult

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need fork (the pool covers the rest)")

CHUNKS = [[Path(f"{c:02}-{i}.md") for i in range(c % 3 + 1)] for c in range(25)]


def result(path: Path) -> FileResult:
    return FileResult(str(path), (), f"text of {path} in process {os.getpid()}", "error")


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("workers", [1, 2, 3, 30])
def test_results_come_back_in_chunk_order(workers: int) -> None:
    out = run_forked(CHUNKS, workers, lambda paths: [result(p) for p in paths], FileResult)
    assert [[r.path for r in chunk] for chunk in out] == [[str(p) for p in chunk] for chunk in CHUNKS]
    pids = {r.source.rsplit(" ", 1)[1] for chunk in out for r in chunk}
    assert str(os.getpid()) not in pids  # the work was done in the workers
    assert len(pids) == min(workers, len(CHUNKS))  # each worker is handed chunks before any returns
    assert no_children_left()


def test_an_exception_in_a_worker_is_raised_here() -> None:
    def work(paths: Sequence[Path]) -> list[FileResult]:
        if paths[0].name.startswith("07-"):
            raise ValueError(f"cannot read {paths[0]}")
        return [result(p) for p in paths]

    with pytest.raises(ValueError, match=r"cannot read 07-0\.md"):
        run_forked(CHUNKS, 2, work, FileResult)
    assert no_children_left()


def test_an_exception_that_cannot_be_pickled_arrives_as_its_traceback() -> None:
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def work(paths: Sequence[Path]) -> list[FileResult]:
        raise Local("the rule crashed")

    with pytest.raises(RuntimeError, match="the rule crashed"):
        run_forked(CHUNKS, 2, work, FileResult)
    assert no_children_left()


def test_a_worker_that_dies_is_reported() -> None:
    def work(paths: Sequence[Path]) -> list[FileResult]:
        if paths[0].name.startswith("03-"):
            os._exit(9)  # as if killed: no word to the parent
        return [result(p) for p in paths]

    with pytest.raises(WorkerDied, match="stopped before finishing"):
        run_forked(CHUNKS, 2, work, FileResult)
    assert no_children_left()


def test_the_command_line_reports_a_dead_worker_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pressrelease.lint.runner as files_module
    from cliutil import run_main  # tests/ is on sys.path

    text = Path("examples/iom-minsk-2024-07-19.md").read_text(encoding="utf-8")
    for i in range(files_module.POOL_MIN_FILES + 2):
        (tmp_path / f"{i:03}.md").write_text(text, encoding="utf-8")
    parent = os.getpid()
    lint_file = files_module.lint_file

    def dying(path: Path, plan: files_module.Plan) -> FileResult:
        if os.getpid() != parent and path.name == "030.md":
            os._exit(9)
        return lint_file(path, plan)

    monkeypatch.setattr(files_module, "lint_file", dying)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    code, out, err = run_main(monkeypatch, capsys, "lint", "--no-cache", str(tmp_path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "stopped before finishing its files" in err
    assert no_children_left()
