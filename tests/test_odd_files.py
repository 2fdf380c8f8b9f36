"""A folder run with odd files in it: each odd file is one line, every other file is still done.

A file deleted between discovery and reading, a dangling ``.md`` link, a link to
itself and two links to each other: each is that file's own error (lint: PR004,
exit 1; build: "failed", exit 1), the good file is linted or built, and the
summary is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.util import CLEAN  # tests/ is on sys.path
from pressrelease.build import pipeline
from pressrelease.cli import app
from pressrelease.lint import runner as lint_runner

ODD = ["dangling.md", "loop.md", "ping.md", "pong.md", "vanished.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A release folder: one good release, a dangling link, a self-loop, a loop of two, and a file to delete."""
    (tmp_path / "good.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "vanished.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "ping.md").symlink_to("pong.md")
    (tmp_path / "pong.md").symlink_to("ping.md")
    return tmp_path


def _deleting_after(discover: Callable[..., list[Path]], victim: Path) -> Callable[..., list[Path]]:
    """``discover``, then delete ``victim``: the file is listed but gone when it is read."""

    def discover_then_delete(*args: object, **kwargs: object) -> list[Path]:
        found = discover(*args, **kwargs)
        victim.unlink()
        return found

    return discover_then_delete


@pytest.mark.parametrize("fix", [False, True])
def test_lint_reports_each_odd_file_and_lints_the_rest(
    folder: Path, monkeypatch: pytest.MonkeyPatch, fix: bool
) -> None:
    monkeypatch.setattr(lint_runner, "discover", _deleting_after(lint_runner.discover, folder / "vanished.md"))
    args = ["lint", "--isolated", "--format", "concise", "--now", "2026-03-21T00:00:00Z", str(folder)]
    result = CliRunner().invoke(app, args + (["--fix"] if fix else []))
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    for name in ODD:
        lines = [line for line in result.stdout.splitlines() if line.startswith(str(folder / name))]
        assert len(lines) == 1 and "PR004" in lines[0] and "cannot read the file" in lines[0], (name, result.stdout)
    assert not [line for line in result.stdout.splitlines() if "good.md" in line and "PR004" in line]


def test_build_fails_each_odd_file_builds_the_rest_and_prints_the_summary(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "discover", _deleting_after(pipeline.discover, folder / "vanished.md"))
    out = folder.parent / "out"
    args = ["build", "--isolated", "--to", "txt", "-j", "1", "-o", str(out), str(folder)]
    result = CliRunner().invoke(app, args)
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert "1 of 6 releases built" in result.output
    for name in ODD:
        assert f"FAILED {folder / name}" in result.output or f"FAILED {name}" in result.output.replace(
            str(folder) + "/", ""
        ), (name, result.output)
    assert len(list(out.iterdir())) == 1
