"""Fixes: non-overlapping edits, rounds to a fixpoint, no deletions, atomic writes."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from pressrelease.lint.engine import Diagnostic
from pressrelease.lint.fix import FileChanged, FixError, apply, fix_file, fix_text, write_fixed
from pressrelease.lint.registry import Edit, Fix
from pressrelease.lint.runner import Plan, Settings
from pressrelease.lint.select import Options
from pressrelease.model import Span

from .fakes import ALL, NOW, TEXT


def plan(*select: str) -> Plan:
    return Plan(Settings(options=Options(select=select or None), now=NOW, isolated=True), rules=ALL)


def diagnostic(span: Span, text: str, code: str = "PR902") -> Diagnostic:
    return Diagnostic("x.md", span, code, "n", "warning", "m", Fix("f", (Edit(span, text),)))


def test_apply_takes_non_overlapping_edits_and_leaves_overlaps_for_later() -> None:
    text = "abcdef\n"
    first = diagnostic(Span(1, 1, 1, 3), "AB")  # ab
    clash = diagnostic(Span(1, 2, 1, 4), "BC")  # bc overlaps ab
    later = diagnostic(Span(1, 5, 1, 7), "EF")  # ef
    fixed, applied = apply(text, [later, clash, first])
    assert (fixed, applied) == ("ABcdEF\n", 2)


def test_apply_accepts_adjacent_edits_and_multi_line_spans() -> None:
    text = "one\ntwo\nthree\n"
    fixed, applied = apply(text, [diagnostic(Span(1, 1, 1, 4), "ONE"), diagnostic(Span(1, 4, 2, 4), " + TWO")])
    assert (fixed, applied) == ("ONE + TWO\nthree\n", 2)


def test_apply_refuses_an_edit_that_deletes_words() -> None:
    fixed, applied = apply("keep these words\n", [diagnostic(Span(1, 6, 1, 12), "")])
    assert (fixed, applied) == ("keep these words\n", 0)
    # deleting punctuation is allowed (a headline's trailing full stop)
    assert apply("Headline.\n", [diagnostic(Span(1, 9, 1, 10), "")]) == ("Headline\n", 1)


def test_fix_text_reaches_a_fixpoint_and_reports_what_remains() -> None:
    fixed, applied, result = fix_text(TEXT, None, plan("PR901", "PR902", "PR907"))
    assert "WORD" not in fixed and fixed.count("word") == 2
    assert "Third paragraph without it.!!!" in fixed  # one '!' per round: three rounds
    assert applied == 5
    assert result.diagnostics == ()  # PR901 no longer finds WORD


def test_fix_is_idempotent() -> None:
    once, _, _ = fix_text(TEXT, None, plan("PR902", "PR907"))
    twice, applied, _ = fix_text(once, None, plan("PR902", "PR907"))
    assert twice == once and applied == 0


def test_a_fix_that_deletes_content_is_never_applied() -> None:
    fixed, applied, result = fix_text(TEXT, None, plan("PR906"))
    assert fixed == TEXT and applied == 0
    assert [d.code for d in result.diagnostics] == ["PR906", "PR906"]


def test_fix_file_writes_atomically_keeping_permissions_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode())
    path.chmod(0o640)
    outcome = fix_file(path, plan("PR902"))
    assert outcome.changed and outcome.applied == 2
    data = path.read_bytes()
    assert b"WORD" not in data and data.count(b"\r\n") == TEXT.count("\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]  # no temporary file left


def test_fix_file_without_write_only_diffs(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(TEXT, encoding="utf-8")
    outcome = fix_file(path, plan("PR902"), write=False)
    assert path.read_text(encoding="utf-8") == TEXT
    diff = outcome.diff()
    assert diff.startswith(f"--- a/{str(path).lstrip('/')}\n+++ b/{str(path).lstrip('/')}\n")
    assert "-Nairobi – First paragraph with WORD in it." in diff
    assert "+Nairobi – First paragraph with word in it." in diff


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(TEXT.replace("WORD", "word"), encoding="utf-8")
    before = path.stat().st_mtime_ns
    outcome = fix_file(path, plan("PR902"))
    assert not outcome.changed and outcome.diff() == ""
    assert path.stat().st_mtime_ns == before


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "release.md"
    path.write_text(TEXT, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # a read-only folder, as seen by a non-root user (the tests may run as root)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(FixError, match="not writable") as info:
        fix_file(path, plan("PR902"))
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == TEXT


def test_write_fixed_error_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "release.md"
    with pytest.raises(FixError) as info:
        write_fixed(missing, "text")
    assert str(missing) in str(info.value)


# -- concurrent writers, interrupted writes ---------------------------------------------------


def _appending_during_fix(path: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    """Make the next fix append ``line`` to ``path`` after it has been read, as an editor's save would."""
    from pressrelease.lint import fix as fix_module

    real = fix_module.fix_text

    def fix_then_append(*args: object, **kwargs: object) -> tuple[str, int, object]:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line)
        return result

    monkeypatch.setattr(fix_module, "fix_text", fix_then_append)


def test_a_file_written_meanwhile_is_reported_and_keeps_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "release.md"
    path.write_text(TEXT, encoding="utf-8")
    _appending_during_fix(path, monkeypatch, "\nA line the editor saved.\n")
    with pytest.raises(FileChanged, match="changed on disk") as info:
        fix_file(path, plan("PR902"))
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == TEXT + "\nA line the editor saved.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "release.md"
    path.write_text(TEXT, encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_file(path, plan("PR902"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]
    assert path.read_text(encoding="utf-8") == TEXT


def test_a_pure_insertion_of_words_is_refused() -> None:
    """An empty match (a house term of only spaces) would insert at every word boundary."""
    text = "one two\n"
    assert apply(text, [diagnostic(Span(1, 4, 1, 4), "X")]) == (text, 0)


def test_many_fixes_are_all_applied_in_one_round() -> None:
    """Thousands of non-overlapping edits, some offered out of order, all taken once."""
    text = "ab " * 3000 + "\n"
    found = [diagnostic(Span(1, 1 + 3 * k, 1, 3 + 3 * k), "AB") for k in range(3000)]
    found += [diagnostic(Span(1, 2 + 3 * k, 1, 4 + 3 * k), "clash") for k in range(0, 3000, 7)]
    fixed, applied = apply(text, reversed(found))
    assert (fixed, applied) == ("AB " * 3000 + "\n", 3000)


def test_the_command_line_reports_a_file_changed_meanwhile_and_fixes_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from lint.util import CLEAN
    from pressrelease.cli import app

    busy = tmp_path / "a.md"
    other = tmp_path / "b.md"
    straight = CLEAN.replace("“Safe water", '"Safe water').replace(
        "mothers no longer walk for hours,”", 'mothers no longer walk for hours,"'
    )
    busy.write_text(straight, encoding="utf-8")
    other.write_text(straight, encoding="utf-8")
    _appending_during_fix(busy, monkeypatch, "\nA line the editor saved.\n")
    result = CliRunner().invoke(app, ["lint", "--isolated", "--fix", "--format", "concise", str(busy), str(other)])
    assert result.exit_code == 1 and f"{busy}: changed on disk while it was being fixed" in result.stderr
    kept = busy.read_text(encoding="utf-8")
    assert kept.startswith(straight) and kept.endswith("\nA line the editor saved.\n")
    assert "“Safe water" in other.read_text(encoding="utf-8")  # the other file is still fixed
