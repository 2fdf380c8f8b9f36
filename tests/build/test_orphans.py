"""A build or a lint killed with ``kill -9`` leaves no worker behind.

The workers wait for tasks on a pipe they hold both ends of, so without a watch on
their parent they would wait forever once it is gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.util import CLEAN  # tests/ is on sys.path

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition: object, seconds: float) -> bool:
    """Poll ``condition()`` until it holds or ``seconds`` pass (a bound on a hang, not a timing test)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(condition())  # type: ignore[operator]


def _kill_once_workers_run(command: list[str], workers_expected: int) -> None:
    """Start ``command``, kill it with SIGKILL once its pool runs, and check its workers end."""
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        assert _wait_for(lambda: len(_children(run.pid)) >= workers_expected, 120), "the pool never started"
        workers = _children(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        assert _wait_for(lambda: not any(_running(w) for w in workers), 30), "workers outlived the command"
    finally:
        for pid in [run.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def test_killing_a_two_worker_build_leaves_no_process(tmp_path: Path) -> None:
    for n in range(6):
        title = f"Water Authority Opens Treatment Plant Number {n + 1}"
        text = CLEAN.replace("Water Authority Opens Three Treatment Plants in Northern Region", title)
        (tmp_path / f"release-{n}.md").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "pressrelease", "build", "--isolated", "--force", "-j", "2", "--to", "pdf"]
    _kill_once_workers_run([*command, "-o", str(tmp_path / "out"), str(tmp_path)], 2)


def test_killing_a_lint_with_workers_leaves_no_process(tmp_path: Path) -> None:
    for n in range(1500):
        (tmp_path / f"release-{n}.md").write_text(CLEAN, encoding="utf-8")
    # the lint process takes a share of the files itself: one worker at least
    _kill_once_workers_run([sys.executable, "-m", "pressrelease", "lint", "--isolated", "--no-cache", str(tmp_path)], 1)


def test_a_worker_whose_parent_died_before_it_started_watching_exits() -> None:
    # The build killed between a worker's fork and its first look at its parent: the
    # worker already belongs to another process, and watching "its parent" then would
    # watch that one for ever. It is given the pid it was forked from instead.
    script = (
        "import sys, time\n"
        "from pressrelease.pools import exit_with_parent\n"
        "exit_with_parent(int(sys.argv[1]), every=0.05)\n"
        "time.sleep(120)\n"
    )
    dead_parent = 2**22 + 1  # above Linux's highest pid (PID_MAX_LIMIT): no process has it
    worker = subprocess.run([sys.executable, "-c", script, str(dead_parent)], timeout=60, check=False)
    assert worker.returncode == 1
