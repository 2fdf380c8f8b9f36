"""The lint cache: hits give the same findings without parsing; anything they depend on invalidates them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import pressrelease.lint.runner as files_mod
from pressrelease.config import load
from pressrelease.lint import cache as cache_mod
from pressrelease.lint.rules.embargo import embargo_passed
from pressrelease.lint.runner import FileResult, Settings, lint_paths
from pressrelease.lint.select import Options

from .util import CLEAN

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


class Parses:
    """Counts the releases parsed (a miss parses, a hit does not)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = files_mod.parse

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(files_mod, "parse", counting)


def run(paths: list[Path], now: dt.datetime = NOW, **settings: Any) -> list[FileResult]:
    return lint_paths(paths, Settings(now=now, cache=True, isolated=True, **settings), jobs=1)


def codes(results: list[FileResult]) -> list[str]:
    return [d.code for r in results for d in r.diagnostics]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    return Parses(monkeypatch)


def test_a_second_run_is_served_from_the_cache(tmp_path: Path, parses: Parses) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN.replace("Nairobi – Three", "Nairobi - Three"), encoding="utf-8")  # PR203, with a fix
    first = run([path])
    assert parses.count == 1 and "PR203" in codes(first)
    second = run([path])
    assert parses.count == 1  # not parsed again
    assert second == first  # same findings, fixes, source and threshold


def test_the_text_the_name_and_the_options_are_part_of_the_key(tmp_path: Path, parses: Parses) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN, encoding="utf-8")
    run([path])
    path.write_text(CLEAN.replace("Nairobi – Three", "Nairobi - Three"), encoding="utf-8")
    assert "PR203" in codes(run([path])) and parses.count == 2
    assert codes(run([path], options=Options(ignore=("PR203",)))) == [] and parses.count == 3
    copy = tmp_path / "b.md"
    copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert [r.path for r in run([copy])] == [str(copy)] and parses.count == 4


def test_a_changed_config_is_a_miss(tmp_path: Path, parses: Parses) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN.replace("Nairobi – Three", "Nairobi - Three"), encoding="utf-8")
    config = tmp_path / "pressrelease.toml"
    config.write_text("[lint]\n", encoding="utf-8")
    settings = {"isolated": False}
    before = lint_paths([path], Settings(now=NOW, cache=True, **settings), jobs=1)
    assert [d.severity for d in before[0].diagnostics if d.code == "PR203"] == ["warning"]
    config.write_text('[lint.severity]\nPR203 = "error"\n', encoding="utf-8")
    load.cache_clear()  # as a new process would read it
    after = lint_paths([path], Settings(now=NOW, cache=True, **settings), jobs=1)
    assert [d.severity for d in after[0].diagnostics if d.code == "PR203"] == ["error"]
    assert parses.count == 2


def test_the_embargo_is_judged_against_each_run_s_clock(tmp_path: Path, parses: Parses) -> None:
    path = tmp_path / "a.md"
    path.write_text(embargo_passed.good.replace("2099-03-20T10:00:00", "2026-03-20T10:00:00"), encoding="utf-8")
    before, after = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    assert "PR603" not in codes(run([path], now=before))
    assert "PR603" not in codes(run([path], now=before + dt.timedelta(days=1))) and parses.count == 1
    assert "PR603" in codes(run([path], now=after)) and parses.count == 2  # the other side: linted again
    assert "PR603" in codes(run([path], now=after + dt.timedelta(days=9))) and parses.count == 2


def test_a_relative_link_target_appearing_is_a_miss(tmp_path: Path, parses: Parses) -> None:
    path = tmp_path / "a.md"
    text = CLEAN.replace("bringing safe drinking water", "bringing [safe drinking water](report.pdf)")
    path.write_text(text, encoding="utf-8")
    assert "PR706" in codes(run([path]))
    assert "PR706" in codes(run([path])) and parses.count == 1
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    assert "PR706" not in codes(run([path])) and parses.count == 2


def test_a_new_version_of_the_tool_is_a_miss(tmp_path: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN, encoding="utf-8")
    run([path])
    monkeypatch.setattr(cache_mod, "tool_fingerprint", lambda: "another version")
    run([path])
    assert parses.count == 2


def test_a_damaged_or_unusable_cache_is_no_cache(
    tmp_path: Path, parses: Parses, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN.replace("Nairobi – Three", "Nairobi - Three"), encoding="utf-8")
    expected = codes(run([path]))
    folder = cache_mod.directory()
    entries = [p for p in folder.rglob("*") if p.is_file()]
    assert len(entries) == 1
    entries[0].write_bytes(b"\x00not msgpack")
    assert codes(run([path])) == expected and parses.count == 2
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("PRESSRELEASE_CACHE_DIR", str(blocked / "cache"))  # cannot be created
    assert codes(run([path])) == expected and parses.count == 3


def test_only_pr603_reads_the_clock() -> None:
    """What the cache relies on: every other finding is the same at any instant."""
    releases = [*sorted((ROOT / "examples").glob("*.md")), *sorted((ROOT / "tests/fixtures/releases").glob("*.md"))]
    assert len(releases) > 10
    early = lint_paths(releases, Settings(now=dt.datetime(1990, 1, 1, tzinfo=dt.UTC)), jobs=1)
    late = lint_paths(releases, Settings(now=dt.datetime(2199, 1, 1, tzinfo=dt.UTC)), jobs=1)
    for a, b in zip(early, late, strict=True):
        assert [d for d in a.diagnostics if d.code != "PR603"] == [d for d in b.diagnostics if d.code != "PR603"]
    assert any(d.code == "PR603" for r in late for d in r.diagnostics)


def test_the_command_line_caches_unless_told_not_to(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(CLEAN, encoding="utf-8")
    folder = cache_mod.directory()
    command = [sys.executable, "-m", "pressrelease", "lint", "--format", "concise", str(path)]
    done = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not any(p.is_file() for p in folder.rglob("*"))
    for _ in range(2):
        again = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert (again.returncode, again.stdout) == (done.returncode, done.stdout)
    assert len([p for p in folder.rglob("*") if p.is_file()]) == 1


@pytest.mark.parametrize("name", ["en.toml", "phones.json"])
def test_the_tool_fingerprint_covers_the_data_files(name: str) -> None:
    """An edited word list or a regenerated table changes every key (here: a new mtime)."""
    path = Path(cache_mod.__file__).resolve().parents[1] / "data" / name
    before = cache_mod.tool_fingerprint.__wrapped__()
    stat = path.stat()
    try:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert cache_mod.tool_fingerprint.__wrapped__() != before
    finally:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache_mod.tool_fingerprint.__wrapped__() == before
