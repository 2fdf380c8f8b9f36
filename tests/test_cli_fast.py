"""The typer-free way into ``pressrelease lint`` (cli/fast.py): same options, same results."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cliutil import loaded_after, run_main
from lint.util import CLEAN  # tests/ is on sys.path (pytest's rootdir-relative import)
from pressrelease.cli import fast, main
from pressrelease.cli.runlint import LintFormat
from pressrelease.cli.terminal import Color
from pressrelease.config import Level, Profile

NOW = "2026-01-01T00:00:00Z"
BROKEN = CLEAN.replace("Nairobi – Three", "Three").replace("location: Nairobi\n", "")  # PR201, an error


def test_the_option_table_matches_the_typer_declarations() -> None:
    import typer.main

    from pressrelease.cli import app

    group = typer.main.get_command(app)
    command = group.commands["lint"]  # type: ignore[attr-defined]
    declared: dict[str, tuple[str, bool, bool]] = {}
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        for flag in param.opts:
            declared[flag] = (param.name, param.multiple, param.is_flag)
    table = {flag: (name, False, False) for flag, name in fast.VALUES.items()}
    table |= {flag: (name, True, False) for flag, name in fast.LISTS.items()}
    table |= {flag: (name, False, True) for flag, name in fast.FLAGS.items()}
    assert table == declared


def test_only_run_declares_the_defaults() -> None:
    """The typer command passes on what is given, and run() defaults the rest, as on the fast path."""
    from pressrelease.cli.lint import lint_command
    from pressrelease.cli.runlint import run

    declared = inspect.signature(lint_command).parameters
    assert set(declared) == set(inspect.signature(run).parameters)
    assert {name: p.default for name, p in declared.items() if p.default is not None} == {}


def test_a_plain_command_line_is_read() -> None:
    argv = ["--color", "never", "--debug", "lint", "a.md", "--format=json", "--select", "PR1", "-", "--select=PR2"]
    argv += ["--ignore", "PR101", "--fail-on", "warning", "--profile", "un", "--statistics", "--now", NOW]
    argv += ["--config", "x.toml", "--extend-select", "PR9"]
    read = fast.read(argv)
    assert read == (
        {"color": Color.never, "debug": True},
        {
            "paths": [Path("a.md"), Path("-")],
            "format": LintFormat.json,
            "select": ["PR1", "PR2"],
            "ignore": ["PR101"],
            "fail_on": Level.warning,
            "profile": Profile.un,
            "statistics": True,
            "now": NOW,
            "config": Path("x.toml"),
            "extend_select": ["PR9"],
        },
    )
    assert fast.read(["lint"]) == ({}, {})
    assert fast.read(["lint", "--isolated", "--fix", "--diff", "-f", "sarif"]) == (
        {},
        {"isolated": True, "fix": True, "diff": True, "format": LintFormat.sarif},
    )
    assert fast.read(["lint", "-o", "r.txt", "--exit-zero", "--no-cache", "--stdin-filename=a/b.md", "-"]) == (
        {},
        {
            "output_file": Path("r.txt"),
            "exit_zero": True,
            "no_cache": True,
            "stdin_filename": Path("a/b.md"),
            "paths": [Path("-")],
        },
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["--version"],
        ["build", "a.md"],
        ["rules"],
        ["lint", "--help"],
        ["lint", "-h"],
        ["lint", "--bogus"],
        ["lint", "--form", "json"],  # no abbreviations
        ["lint", "--format", "JSON"],  # not one of the choices (typer says so)
        ["lint", "--format"],  # no value
        ["lint", "--format", "--fix"],
        ["lint", "--fix=yes"],
        ["lint", "--", "a.md"],
        ["lint", "-fjson"],
        ["--color", "pink", "lint"],
        ["--colour", "never", "lint"],
        ["--debug=1", "lint"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert fast.read(argv) is None


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], entry: str, argv: list[str]
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) through ``pressrelease.cli.main`` or the typer app's own main."""
    from pressrelease.cli import dispatch

    return run_main(monkeypatch, capsys, *argv, entry=main if entry == "fast" else dispatch.main)


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "--now", NOW, "--format", "concise", "CLEAN"],
        ["lint", "--now", NOW, "--format", "json", "BROKEN", "CLEAN"],
        ["lint", "--now", NOW, "BROKEN"],  # the rich text report
        ["--color", "never", "lint", "--now", NOW, "--statistics", "BROKEN"],
        ["lint", "--now", NOW, "--select", "PR2", "--format", "github", "BROKEN"],
        ["lint", "--now", NOW, "--ignore", "dateline-missing", "--format", "sarif", "BROKEN"],
        ["lint", "--now", NOW, "--fail-on", "info", "-f", "concise", "CLEAN"],
        ["lint", "--now", "yesterday", "CLEAN"],  # exit 2, one line
        ["lint", "--now", NOW, "missing.md"],  # exit 2, one line
        ["lint", "--now", NOW, "--select", "PR999", "CLEAN"],  # unknown rule: exit 2
        ["lint", "--now", NOW, "--isolated", "--config", "x.toml", "CLEAN"],
        ["lint", "--now", NOW, "--diff", "BROKEN"],
        ["lint", "--now", NOW, "--exit-zero", "-f", "concise", "BROKEN"],
        ["lint", "--now", NOW, "-o", "report.txt", "--no-cache", "BROKEN"],
        ["lint", "--now", NOW, "--stdin-filename", "x.md", "CLEAN"],  # exit 2: no -
    ],
)
def test_both_ways_in_give_the_same_result(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = [{"CLEAN": "clean.md", "BROKEN": "broken.md"}.get(a, a) for a in argv]
    assert fast.read(argv) is not None  # this command line does take the fast way
    typer_result = _run(monkeypatch, capsys, "typer", argv)
    fast_result = _run(monkeypatch, capsys, "fast", argv)
    assert fast_result == typer_result
    report = tmp_path / "report.txt"
    assert typer_result[0] in (0, 1, 2) and (typer_result[1] or typer_result[2] or report.read_text(encoding="utf-8"))


def test_errors_in_lint_keep_their_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run(monkeypatch, capsys, "fast", ["lint", "--now", NOW, "broken.md"])[0] == 1
    code, out, err = _run(monkeypatch, capsys, "fast", ["lint", "nowhere.md"])
    assert (code, out, err) == (2, "", "error: nowhere.md: no such file or folder\n")


@pytest.mark.parametrize(
    ("argv", "typer_loaded"),
    [(["lint", "--format", "concise", "FILE"], False), (["lint", "--help"], True), (["rules", "PR101"], True)],
)
def test_plain_lint_never_imports_typer(argv: list[str], typer_loaded: bool, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN, encoding="utf-8")
    argv = [str(path) if a == "FILE" else a for a in argv]
    assert loaded_after(argv, ["typer"]) == (0, ["typer"] if typer_loaded else [])


def test_the_quick_exit_keeps_every_byte_and_the_exit_code(tmp_path: Path) -> None:
    """``run()`` leaves with os._exit after flushing: a long report through a pipe arrives whole."""
    for i in range(60):
        (tmp_path / f"r{i:02}.md").write_text(BROKEN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pressrelease", "lint", "--no-cache", "--now", NOW, "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    findings = json.loads(done.stdout)
    assert len({f["path"] for f in findings}) == 60 and {f["code"] for f in findings} >= {"PR201"}
