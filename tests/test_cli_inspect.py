"""The CLI shell: --version, --help for every command, and ``pressrelease inspect``.

Most tests run the console script's ``main()`` in-process (its error boundary
included); one runs ``python -m pressrelease`` from another folder as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cliutil import loaded_after
from cliutil import run_main as run  # tests/ is on sys.path
from pressrelease import __version__
from pressrelease.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "iom-minsk-2024-07-19.md"


def inspect_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], path: Path, expect: int = 0
) -> dict[str, Any]:
    code, out, err = run(monkeypatch, capsys, "inspect", str(path), "--format", "json")
    assert code == expect, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_version(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, "--version")
    assert code == 0 and out == f"pressrelease {__version__}\n"


def commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_the_expected_commands_exist() -> None:
    assert {"inspect", "lint"} <= set(commands())


@pytest.mark.parametrize("command", [None, *commands()])
def test_help_for_every_command(
    command: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [command, "--help"] if command else ["--help"]
    code, out, err = run(monkeypatch, capsys, *args)  # type: ignore[arg-type]
    assert code == 0, err
    assert "Usage: pressrelease" in out
    if command:
        assert command in out.split("\n", 3)[1] or f"pressrelease {command}" in out


@pytest.mark.slow
def test_help_does_not_import_heavy_renderers() -> None:
    assert loaded_after(
        ["--help"], ["weasyprint", "css_inline", "docx", "bs4", "feedgen", "watchfiles", "pagefind_bin"]
    ) == (0, [])


def test_inspect_seed_as_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = inspect_json(monkeypatch, capsys, SEED)
    assert data["title"] == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    assert data["date"] == "2024-07-19"
    assert data["location"] == "Minsk"
    assert data["dateline"]["places"] == ["Minsk"] and data["dateline"]["separator"] == "-"
    assert data["dateline"]["span"] == {"line": 17, "column": 1, "end_line": 17, "end_column": 8}
    assert data["translations"] == [{"language": "ru", "path": "iom-minsk-2024-07-19.ru.md"}]
    assert data["lede_date"]["text"] == "19 July 2024"
    (quote,) = data["quotes"]
    assert quote["speaker"] == "Dr. Rasul Baghirov" and quote["attributed"] and quote["verb"] == "remarked"
    assert quote["text"].startswith("Through their work, their remittances")
    assert [(s["kind"], s["heading"]) for s in data["sections"]] == [
        ("notes", "Editor’s Notes"),
        ("contact", "Contact"),
    ]
    assert "IOM Flagship Report" in data["sections"][0]["text"]
    (contact,) = data["contacts"]
    assert contact["name"] == "Hanna Kalichava" and contact["email"] == "hkalichava@iom.int"
    assert contact["region"] == "In Belarus"
    assert data["organization"]["short_name"] == "IOM"
    assert data["problems"] == []


def test_inspect_tree_shows_what_was_found(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(monkeypatch, capsys, "inspect", str(SEED))
    assert code == 0
    for expected in (
        "dateline 17:1 'Minsk -'",
        "translations: ru iom-minsk-2024-07-19.ru.md",
        "places: Minsk",
        "Dr. Rasul Baghirov (remarked)",
        "notes: Editor’s Notes",
        "contact: Contact",
        "Hanna Kalichava, In Belarus, hkalichava@iom.int",
    ):
        assert expected in out, expected


def test_inspect_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    text = "---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    code, out, _ = run(monkeypatch, capsys, "inspect", "-", "--format", "json", "--isolated")
    data = json.loads(out)
    assert code == 0 and data["path"] is None and data["dateline"]["places"] == ["GENEVA"]


def test_inspect_missing_file_is_one_line_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.md"
    code, out, err = run(monkeypatch, capsys, "inspect", str(missing))
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0
    assert str(missing) in err and "Traceback" not in err


def test_inspect_folder_is_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(monkeypatch, capsys, "inspect", str(ROOT / "examples"))
    assert code == 2 and "folder" in err and "Traceback" not in err


def test_inspect_binary_file_shows_pr004(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "logo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    data = inspect_json(monkeypatch, capsys, binary, expect=1)  # shown, and exit 1: it is not a release
    assert [(p["code"], p["span"]["line"]) for p in data["problems"]] == [("PR004", 3)]
    assert "NUL" in data["problems"][0]["message"]


def test_inspect_broken_config_is_one_line_per_problem(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "pressrelease.toml").write_text('profile = "bbc"\ncolour = 1\n', encoding="utf-8")
    release = tmp_path / "r.md"
    release.write_text("---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n", encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "inspect", str(release))
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and len(lines) == 2
    assert all("pressrelease.toml:" in line for line in lines) and "Traceback" not in err


@pytest.mark.slow
def test_python_m_from_another_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pressrelease", "inspect", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["quotes"][0]["speaker"] == "Dr. Rasul Baghirov"
    assert data["organization"]["key"] == "iom", "the config beside the release is found from any folder"
