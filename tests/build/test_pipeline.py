"""The build pipeline: discovery, lint gating, atomic writes, safe names, failures kept apart.

Most tests build only the plain text (fast); the PDF path is exercised once in
tests/test_cli_build.py.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from lint.util import CLEAN  # tests/ is on sys.path (pytest's rootdir-relative import)
from pressrelease.build import BuildOptions, OutputError, build
from pressrelease.build import pipeline as build_mod
from pressrelease.build.pipeline import discover, write_atomic
from pressrelease.errors import ReadError
from pressrelease.render import text as text_mod

TXT = BuildOptions(formats=("txt",), jobs=1, isolated=True)


def write(folder: Path, name: str, text: str = CLEAN) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def titled(title: str, slug: str | None = None) -> str:
    text = CLEAN.replace("title: Water Authority Opens Three Treatment Plants in Northern Region", f"title: {title}")
    return text.replace("date: 2026-03-20", f"date: 2026-03-20\nslug: {slug}") if slug else text


def options(out: Path, **changes: object) -> BuildOptions:
    return BuildOptions(**{**TXT.__dict__, "output": out, **changes})  # type: ignore[arg-type]


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".")]


def test_builds_each_format_named_by_slug(tmp_path: Path) -> None:
    source = write(tmp_path, "release.md")
    out = tmp_path / "out"
    [result] = build([source], options(out, formats=("txt", "eml", "html")))
    assert result.status == "built", result.message
    names = sorted(p.name for p in out.iterdir())
    slug = "2026-03-20-water-authority-opens-three-treatment-plants-in-northern-region"
    assert names == [f"{slug}.eml", f"{slug}.html", f"{slug}.txt"]
    assert {p.parent for p in result.outputs} == {out.resolve()}
    assert (out / f"{slug}.txt").read_text(encoding="utf-8").startswith("FOR IMMEDIATE RELEASE\n")


def test_a_failed_render_leaves_the_previous_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(tmp_path, "release.md")
    out = tmp_path / "out"
    [first] = build([source], options(out))
    [target] = first.outputs
    before = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(text_mod, "render_text", broken)
    [second] = build([source], options(out))
    assert second.status == "failed"
    assert "txt: internal error (RuntimeError: renderer exploded)" in second.message
    assert target.read_bytes() == before
    assert leftovers(out) == []


def test_a_failed_write_removes_its_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("good")

    def no_rename(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_mod.os, "replace", no_rename)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_text() == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [("../../etc/passwd", None), ("/etc/passwd", None), ("..\\\\..\\\\x", None), ("Fine", "../../../tmp/evil")],
)
def test_a_hostile_title_or_slug_cannot_steer_the_output_path(tmp_path: Path, title: str, slug: str | None) -> None:
    source = write(tmp_path / "in", "release.md", titled(f'"{title}"', slug))
    out = tmp_path / "out"
    [result] = build([source], options(out, force=True))
    assert result.status == "built", result.message
    [written] = result.outputs
    assert written.parent == out.resolve()
    assert written.name.endswith(".txt") and "/" not in written.name and ".." not in written.name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_lint_errors_block_the_build_unless_forced(tmp_path: Path) -> None:
    source = write(tmp_path, "release.md", CLEAN.replace("Three new water", "TK Three new water"))
    out = tmp_path / "out"
    [blocked] = build([source], options(out))
    assert blocked.status == "blocked"
    assert blocked.outputs == ()
    assert any(" PR703 " in error for error in blocked.errors)
    assert list(out.iterdir()) == []
    [forced] = build([source], options(out, force=True))
    assert forced.status == "built"
    assert len(forced.outputs) == 1


def test_warnings_do_not_block(tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "release.md",
        CLEAN.replace("in the northern region", "in the northern region. Click [here](https://example.org)"),
    )
    [result] = build([source], options(tmp_path / "out"))
    assert result.status == "built"
    assert any(" PR705 " in w for w in result.warnings)


def test_one_failing_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = write(tmp_path, "a.md")
    bad = tmp_path / "b.md"
    bad.write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    other = write(tmp_path, "c.md", titled("Another plant opens"))
    results = build([good, bad, other], options(tmp_path / "out"))
    assert [r.status for r in results] == ["built", "failed", "built"]
    assert "not UTF-8" in results[1].message


def test_two_releases_with_one_slug_do_not_overwrite_each_other(tmp_path: Path) -> None:
    first = write(tmp_path, "a.md")
    second = write(tmp_path, "b.md", CLEAN.replace("Three new water treatment plants", "Three new water plants"))
    results = build([first, second], options(tmp_path / "out"))
    assert [r.status for r in results] == ["built", "failed"]
    assert "same output name as" in results[1].message
    assert "Three new water treatment plants" in results[0].outputs[0].read_text(encoding="utf-8")


def test_titles_with_no_letters_to_romanise_are_named_after_their_files(tmp_path: Path) -> None:
    # Two Arabic (or Chinese) releases of one day: the title gives no ASCII words, so
    # each output takes its source file's name after the date, not the bare date twice.
    first = write(tmp_path, "water-ar.md", titled("المياه الجوفية تتراجع في المنطقة"))
    second = write(tmp_path, "rain-zh.md", titled("地下水位持续下降"))
    results = build([first, second], options(tmp_path / "out"))
    assert [r.status for r in results] == ["built", "built"]
    assert [r.outputs[0].name for r in results] == ["2026-03-20-water-ar.txt", "2026-03-20-rain-zh.txt"]


def test_a_runaway_render_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    def slow(*args: object, **kwargs: object) -> str:
        time.sleep(30)
        return ""

    monkeypatch.setattr(text_mod, "render_text", slow)
    source = write(tmp_path, "release.md")
    [result] = build([source], options(tmp_path / "out", timeout=1.0))
    assert result.status == "failed"
    assert "took longer than 1 s" in result.message


def test_unwritable_output_folder_is_an_error_before_any_work(tmp_path: Path) -> None:
    source = write(tmp_path, "release.md")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write to the output folder"):
        build([source], options(blocker / "out"))


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        build([tmp_path / "nope.md"], options(tmp_path / "out"))


def test_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CLEAN.encode())))
    monkeypatch.chdir(tmp_path)
    [result] = build([Path("-")], BuildOptions(formats=("txt",), jobs=1, isolated=True))
    assert result.path == "<stdin>"
    assert result.status == "built", result.message
    assert result.outputs[0].parent == (tmp_path / "dist").resolve()


def test_folders_skip_hidden_output_and_excluded(tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text('exclude = ["drafts/**"]\n')
    write(tmp_path, "a.md")
    write(tmp_path, "sub/b.md")
    write(tmp_path, ".hidden/c.md")
    write(tmp_path, "drafts/d.md")
    write(tmp_path, "dist/e.md")
    write(tmp_path, "notes.txt", "not markdown")
    found = discover([tmp_path], BuildOptions())
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found) == ["a.md", "sub/b.md"]


def test_default_output_is_dist_beside_the_config(tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text('profile = "default"\n')
    source = write(tmp_path, "releases/a.md")
    [result] = build([source], BuildOptions(formats=("txt",), jobs=1))
    assert result.outputs[0].parent == (tmp_path / "dist").resolve()


def test_config_output_and_formats(tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text('[build]\noutput = "public"\nformats = ["txt"]\n')
    source = write(tmp_path, "a.md")
    [result] = build([source], BuildOptions(jobs=1))
    assert [p.relative_to(tmp_path).parent.as_posix() for p in result.outputs] == ["public"]


def test_pool_builds_many_and_keeps_order(tmp_path: Path) -> None:
    sources = [write(tmp_path, f"r{i:02}.md", titled(f"Plant number {i} opens")) for i in range(16)]
    broken = tmp_path / "r99.md"
    broken.write_bytes(b"\xff")
    results = build([*sources, broken], options(tmp_path / "out", jobs=2))
    assert [r.path for r in results] == [str(p) for p in [*sources, broken]]
    assert [r.status for r in results] == ["built"] * 16 + ["failed"]
    assert len(list((tmp_path / "out").iterdir())) == 16


def test_a_parser_crash_is_one_failed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(text: str, *args: object, **kwargs: object) -> object:
        if "CRASH" in text:
            raise RecursionError("too deep")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    real = build_mod.parse
    monkeypatch.setattr(build_mod, "parse", crash)
    good = write(tmp_path, "a.md")
    bad = write(tmp_path, "b.md", CLEAN.replace("Three new", "CRASH Three new"))
    results = build([good, bad], options(tmp_path / "out"))
    assert [r.status for r in results] == ["built", "failed"]
    assert "internal error while parsing (RecursionError: too deep)" in results[1].message


def test_stdin_larger_than_two_megabytes_fails_with_one_message(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"x" * (2 * 1024 * 1024 + 10))

    monkeypatch.setattr(sys, "stdin", Stdin)
    job = build_mod.prepare(Path("-"), BuildOptions(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert job.release is None
    assert job.problem == "input is larger than 2 MB; a press release never is"


def test_the_cycle_collector_stays_paused_from_parse_to_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the parse and the render, a collection of each generation would walk every
    token of a long release in turn; the collector is on again once the release is done."""
    import gc

    collector_on: list[bool] = []
    real = build_mod.make

    def make(job: build_mod.Job) -> build_mod.Made:
        collector_on.append(gc.isenabled())
        return real(job)

    monkeypatch.setattr(build_mod, "make", make)
    assert gc.isenabled()
    [result] = build([write(tmp_path, "release.md")], options(tmp_path / "out"))
    assert result.status == "built", result.message
    assert collector_on == [False]
    assert gc.isenabled()
