"""Lint's process pool (lint/runner.py ``in_workers``): order, a worker's own error, a dead worker.

The tasks are module-level functions, so that workers started from a forkserver (or
spawned) can import them by name, as they import ``_lint_chunk``.
"""

from __future__ import annotations

import os

import pytest

from pressrelease.lint.runner import WorkerDied, in_workers

CHUNKS = [[f"{c:02}-{i}" for i in range(c % 3 + 1)] for c in range(25)]
_SUFFIX = ""


def _remember(suffix: str) -> None:
    global _SUFFIX
    _SUFFIX = suffix


def tagged(chunk: list[str]) -> list[tuple[str, int]]:
    return [(name + _SUFFIX, os.getpid()) for name in chunk]


def raises_on_seven(chunk: list[str]) -> list[tuple[str, int]]:
    if chunk[0].startswith("07-"):
        raise ValueError(f"cannot read {chunk[0]}")
    return tagged(chunk)


def dies_on_the_first(chunk: list[str]) -> list[tuple[str, int]]:
    if chunk[0].startswith("00-"):  # the first chunk: always a worker's
        os._exit(9)  # as if killed: no word to the parent
    return tagged(chunk)


def test_results_come_back_in_chunk_order_from_other_processes() -> None:
    out = in_workers(tagged, CHUNKS, 2, _remember, ("!",))
    assert [[name for name, _ in chunk] for chunk in out] == [[name + "!" for name in chunk] for chunk in CHUNKS]
    assert os.getpid() not in {pid for chunk in out for _, pid in chunk}


def test_this_process_takes_chunks_from_the_end_while_the_worker_starts() -> None:
    out = in_workers(tagged, CHUNKS, 2, _remember, ("!",), here=tagged)
    here = [chunk[0][1] == os.getpid() for chunk in out]
    assert here[-1]  # the worker takes the first chunks, this process the last
    assert here == sorted(here)  # the two meet once, somewhere in between
    expected = [
        [name + ("" if done_here else "!") for name in chunk] for chunk, done_here in zip(CHUNKS, here, strict=True)
    ]
    assert [[name for name, _ in chunk] for chunk in out] == expected


@pytest.mark.parametrize("attempt", range(3))
def test_a_workers_own_exception_is_raised_here(attempt: int) -> None:
    with pytest.raises(ValueError, match=r"^cannot read 07-0$"):
        in_workers(raises_on_seven, CHUNKS, 2, _remember, ("",))


@pytest.mark.parametrize("here", [None, tagged])
def test_a_worker_that_dies_is_one_error_for_the_command_line(here: object, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(WorkerDied, match="stopped before finishing its files"):
        in_workers(dies_on_the_first, CHUNKS, 2, _remember, ("",), here=here)  # type: ignore[arg-type]
    assert "Traceback" not in capfd.readouterr().err  # no thread of the pool complains either
