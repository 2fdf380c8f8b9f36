"""The per-file time budget (budget.py): a runaway file is stopped, named, and the others still run.

No test here measures time: each runaway below never ends on its own, so the only
way the test can finish is the budget stopping it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cliutil import run_main  # tests/ is on sys.path
from pressrelease import budget
from pressrelease.lint.registry import Context, Finding, rule
from pressrelease.lint.runner import Settings, lint_paths

from .fakes import NOW, TEXT, word_found


@rule("PR998", "never-ends", "warning", summary="loops", why="test", bad="", good="")
def never_ends(context: Context) -> Iterator[Finding]:
    """A rule stuck on one file that swallows every Exception on the way, as a buggy rule would."""
    while "RUNAWAY" in context.release.source:
        with contextlib.suppress(Exception):  # the point: the budget must get through this
            time.sleep(0.01)
    yield from ()


def test_a_runaway_rule_is_stopped_and_named_and_the_other_files_still_run(tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.md"
    stuck.write_text(TEXT.replace("Third paragraph", "RUNAWAY paragraph"), encoding="utf-8")
    fine = tmp_path / "fine.md"
    fine.write_text(TEXT, encoding="utf-8")
    settings = Settings(now=NOW, isolated=True, timeout=0.2)
    results = {r.path: r for r in lint_paths([stuck, fine], settings, jobs=1, rules=[never_ends, word_found])}
    (stopped,) = results[str(stuck)].diagnostics
    assert stopped.severity == "error"
    assert "took longer than 0.2 s" in stopped.message
    assert [d.code for d in results[str(fine)].diagnostics] == ["PR901", "PR901"]


def test_the_budget_gets_through_except_exception() -> None:
    with pytest.raises(budget.OverBudget) as info, budget.limit(0.05, "x.md"):
        while True:
            with contextlib.suppress(Exception):
                time.sleep(0.01)
    assert info.value.what == "x.md"


def test_an_inner_budget_leaves_the_outer_one_running() -> None:
    with pytest.raises(budget.OverBudget) as info, budget.limit(0.1, "outer"):
        with budget.limit(60, "inner"):  # ends later than the outer one: the outer stays in charge
            pass
        with budget.limit(5, "shorter"):
            pass
        while True:
            time.sleep(0.01)
    assert info.value.what == "outer"


@pytest.mark.parametrize("seconds", [0.0, -1.0, float("inf")])
def test_no_limit(seconds: float) -> None:
    with budget.limit(seconds, "x.md"):
        assert budget.signal.getitimer(budget.signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("seconds", [0.0, 30.0])
def test_a_files_work_runs_with_the_cycle_collector_paused_and_restores_it(seconds: float) -> None:
    import gc

    assert gc.isenabled()
    with budget.limit(seconds, "x.md"):
        assert not gc.isenabled()
        with budget.limit(seconds, "inner"):
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner file's end does not turn it on under the outer one
    assert gc.isenabled()
    with pytest.raises(budget.OverBudget), budget.limit(seconds, "x.md"):
        raise budget.OverBudget(seconds, "x.md")
    assert gc.isenabled()


START_UP = """
import gc
from pressrelease import budget
budget.pause_start_up()
print(gc.isenabled(), gc.get_freeze_count() == 0)
kept = [[] for _ in range(1000)]  # what loading a command makes
with budget.limit(0, "first.md"):
    print(gc.isenabled(), gc.get_freeze_count() >= 1000)
print(gc.isenabled())
with budget.limit(0, "second.md"):
    print(gc.isenabled())
print(gc.isenabled())
"""


def test_the_console_scripts_start_up_pause_ends_with_the_first_files_work() -> None:
    """Collector off through start-up; the first file freezes what start-up made; on after it, as usual after that.

    In a child process: freezing would keep this test run's own garbage.
    """
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", START_UP], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n") == ["False True", "False True", "True", "False", "True", ""]


def _forever(*args: object, **kwargs: object) -> None:
    while True:
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("command", "patched"),
    [("inspect", "pressrelease.cli.inspect.parse_file"), ("import", "pressrelease.importer.import_file")],
)
def test_inspect_and_import_past_the_budget_are_one_line_naming_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    patched: str,
) -> None:
    source = tmp_path / ("release.md" if command == "inspect" else "release.txt")
    source.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(patched, _forever)
    code, _, err = run_main(monkeypatch, capsys, command, "--isolated", "--timeout", "0.2", str(source))
    assert code == 1
    assert err.strip() == f"error: {source}: took longer than 0.2 s and was stopped (--timeout sets the limit)"
