"""``pressrelease import`` from the command line: output, refusal to overwrite, the report, bad input."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cliutil import run_main as run  # tests/ is on sys.path

from .util import FIXTURES

SEED = FIXTURES / "seed-iom-minsk.txt"


class _Stdin(io.TextIOWrapper):
    """A stand-in for sys.stdin whose ``buffer`` holds the given bytes."""


@pytest.fixture(autouse=True)
def _no_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run from an empty folder, so no pressrelease.toml above the tests applies."""
    monkeypatch.chdir(tmp_path)


def test_writes_the_release_to_stdout_and_the_report_to_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, "import", str(SEED))
    assert code == 0, err
    assert out.startswith("---\ntitle: Unlocking Potential of Migration in Achieving Sustainable Development Goals\n")
    assert "In Belarus: Hanna Kalichava at <hkalichava@iom.int>" in out
    assert "found    date: 2024-07-19" in err
    assert "found    location: Minsk (from the dateline)" in err
    assert "found    contacts: Hanna Kalichava (hkalichava@iom.int)" in err
    assert "boilerplate: the “Who We Are” text, written as organization.boilerplate" in err
    assert "navigation/footer lines" in err
    assert "lint: 0 errors" in err
    assert "Traceback" not in err


def test_output_file_written_then_refused_then_forced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "release.md"
    code, out, err = run(monkeypatch, capsys, "import", str(SEED), "-o", str(target))
    assert code == 0 and out == ""
    first = target.read_text(encoding="utf-8")
    assert first.startswith("---\ntitle: Unlocking Potential")

    target.write_text("edited by hand\n", encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "import", str(SEED), "-o", str(target))
    assert code == 2
    assert f"{target}: already exists; use --force to overwrite it" in err
    assert target.read_text(encoding="utf-8") == "edited by hand\n"

    code, _, err = run(monkeypatch, capsys, "import", str(SEED), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]  # no temporary file left behind


def test_standard_input_is_read_as_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(SEED.read_bytes()), encoding="utf-8"))
    code, out, err = run(monkeypatch, capsys, "import", "-")
    assert code == 0, err
    assert "date: 2024-07-19" in out and "imported <stdin>" in err


def test_language_and_organization_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pressrelease.toml"
    config.write_text('[organizations.iom]\nname = "International Organization for Migration"\n', encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "import", str(SEED), "--organization", "iom", "--language", "en-GB")
    assert code == 0, err
    assert "organization: iom\nlanguage: en-GB\n" in out
    assert "found    organisation: iom (from --organization)" in err
    assert "is missing from the config's 'iom'; offered: The International Organization for Migration" in err

    code, _, err = run(monkeypatch, capsys, "import", str(SEED), "--organization", "unicef")
    assert code == 2 and "no organisation 'unicef' in the config (known: iom)" in err


def test_missing_date_is_reported_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, "import", str(FIXTURES / "no-date-clinic.txt"))
    assert code == 1  # the release was written; it needs a date before it passes lint
    assert "\ndate:" not in out
    assert "missing  date: none found in the text" in err
    assert "lint: 1 errors" in err and "PR003" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: is empty: nothing to import"),
        ("blank.txt", b"  \n\n \n", "blank.txt: is empty: nothing to import"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt: is binary (it contains NUL bytes), not text"),
        (
            "notes.pdf",
            b"%PDF-1.7",
            "notes.pdf: cannot import a file with '.pdf': give a .txt, .md, .html, .htm or .docx file",
        ),
        ("README", b"text", "README: cannot import a file with no extension"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "broken.docx: is not a readable Word (.docx) file"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "empty.html: no article text found"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    name: str,
    content: bytes,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(monkeypatch, capsys, "import", str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_zip_that_is_not_a_word_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    code, _, err = run(monkeypatch, capsys, "import", str(path))
    assert code == 2 and "archive.docx: is not a readable Word (.docx) file" in err


def test_missing_file_folder_and_bad_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(monkeypatch, capsys, "import", str(tmp_path / "nope.txt"))
    assert code == 2 and "nope.txt: no such file" in err
    code, _, err = run(monkeypatch, capsys, "import", str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(monkeypatch, capsys, "import", str(SEED), "--language", "english please")
    assert code == 2 and "--language: expected a language tag" in err
    code, _, err = run(monkeypatch, capsys, "import", str(SEED), "-o", str(tmp_path))
    assert code == 2 and "is a folder; give the output file's name" in err


def test_help_and_lint_do_not_load_the_importer_libraries() -> None:
    code = (
        "import sys; from pressrelease.cli import app; import typer.main; "
        "typer.main.get_command(app); "
        "print(sorted(m for m in ('bs4', 'docx', 'pressrelease.importer') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_written_release_has_ordinary_permissions(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Written whole through a temporary file, yet readable like any file open() makes (not 0600)."""
    target = tmp_path / "release.md"
    code, _, err = run(monkeypatch, capsys, "import", str(SEED), "-o", str(target))
    assert code == 0, err
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_the_cycle_collector_stays_paused_until_the_report_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Back on with a long release's tokens alive, the collector's first collection would walk
    every one of them as the report is printed; it is on again once the release is freed."""
    import gc

    from pressrelease.cli import importer as command

    collector_on: list[bool] = []
    real = command._report

    def report(*args: object) -> int:
        collector_on.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "_report", report)
    assert gc.isenabled()
    code, out, err = run(monkeypatch, capsys, "import", str(SEED))
    assert code == 0, err
    assert out.startswith("---\ntitle: ")
    assert collector_on == [False]
    assert gc.isenabled()
