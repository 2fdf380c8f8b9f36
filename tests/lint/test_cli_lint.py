"""``pressrelease lint`` and ``pressrelease rules`` end to end: options, outputs, exit codes, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cliutil import loaded_after  # tests/ is on sys.path
from pressrelease.cli import app

from .util import CLEAN

runner = CliRunner()
NOW = "2026-01-01T00:00:00Z"
# a suppression of PR009 where there is nothing to silence: PR010 (select PR009 and PR010 so both run)
STALE = CLEAN.replace(
    "County officials said", "<!-- pressrelease-disable-next-line bad-suppression -->\nCounty officials said"
)
LINE = CLEAN[: CLEAN.index("County officials said")].count("\n") + 1  #: where the comments go
MISSPELT = CLEAN.replace(
    "County officials said", "<!-- pressrelease-disable-next-line PR7777 -->\nCounty officials said"
)


def lint(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", "--now", NOW, *args], input=input)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_clean_selection_exits_0_with_one_summary_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    code, out, _ = lint("--isolated", "--select", "PR009,PR010", str(path))
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_warnings_fail_only_at_fail_on_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MISSPELT)
    code, out, _ = lint("--isolated", "--select", "PR009", "--format", "concise", str(path))
    assert code == 0
    assert out.splitlines()[0].startswith(f"{path}:")
    assert "PR009 [warning] bad-suppression: unknown rule 'PR7777'" in out
    assert lint("--isolated", "--select", "PR009", "--fail-on", "warning", str(path))[0] == 1


def test_fail_on_from_config(tmp_path: Path) -> None:
    write(tmp_path, "pressrelease.toml", '[lint]\nfail-on = "warning"\nselect = ["PR009"]\n')
    path = write(tmp_path, "a.md", MISSPELT)
    assert lint(str(path))[0] == 1
    assert lint("--fail-on", "error", str(path))[0] == 0


def test_severity_override_turns_a_warning_into_an_error(tmp_path: Path) -> None:
    write(tmp_path, "pressrelease.toml", '[lint]\nselect = ["PR009"]\n[lint.severity]\nbad-suppression = "error"\n')
    path = write(tmp_path, "a.md", MISSPELT)
    code, out, _ = lint("--format", "json", str(path))
    assert code == 1
    assert [d["severity"] for d in json.loads(out)] == ["error"]


def test_json_github_sarif_outputs(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MISSPELT)
    base = ("--isolated", "--select", "PR009", str(path))
    data = json.loads(lint("--format", "json", *base)[1])
    assert [(d["code"], d["name"], d["line"]) for d in data] == [("PR009", "bad-suppression", LINE)]
    github = lint("--format", "github", *base)[1]
    assert github.startswith(f"::warning file={path},line={LINE},col=1,") and "title=PR009 bad-suppression::" in github
    sarif = json.loads(lint("--format", "sarif", *base)[1])
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["PR009"]


def test_statistics(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MISSPELT)
    out = lint("--isolated", "--select", "PR009", "--statistics", str(path))[1]
    assert out.splitlines()[0] == "    1  PR009  bad-suppression"
    rows = json.loads(lint("--isolated", "--select", "PR009", "--statistics", "--format", "json", str(path))[1])
    assert rows == [{"count": 1, "code": "PR009", "name": "bad-suppression", "fixable": False}]


def test_stdin(tmp_path: Path) -> None:
    code, out, _ = lint("--isolated", "--select", "PR009", "--format", "concise", "-", input=MISSPELT)
    assert code == 0 and out.startswith(f"<stdin>:{LINE}:1: PR009")


def test_fix_removes_an_unused_suppression_and_reports_what_is_left(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", STALE + "\n<!-- pressrelease-disable-next-line PR7777 -->\n")
    code, out, err = lint("--isolated", "--select", "PR009,PR010", "--fix", "--format", "concise", str(path))
    assert path.read_text(encoding="utf-8") == CLEAN + "\n<!-- pressrelease-disable-next-line PR7777 -->\n"
    assert "Fixed 1 issue." in err
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["PR009"]  # what is left
    assert code == 0
    # a second run changes nothing
    assert lint("--isolated", "--select", "PR009,PR010", "--fix", str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == CLEAN + "\n<!-- pressrelease-disable-next-line PR7777 -->\n"


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", STALE)
    code, out, err = lint("--isolated", "--select", "PR009,PR010", "--diff", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == STALE
    assert out.startswith(f"--- a/{str(path).lstrip('/')}\n+++ b/{str(path).lstrip('/')}\n")
    assert "-<!-- pressrelease-disable-next-line bad-suppression -->" in out
    assert "Would fix 1 issue in 1 file." in err
    clean = write(tmp_path, "b.md", CLEAN)
    assert lint("--isolated", "--select", "PR009,PR010", "--diff", str(clean))[:2] == (0, "")


def test_fix_on_stdin_prints_the_fixed_text() -> None:
    code, out, _ = lint("--isolated", "--select", "PR009,PR010", "--fix", "-", input=STALE)
    assert (code, out) == (0, CLEAN)  # the report goes to standard error


def test_fix_into_an_unwritable_folder_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.md", STALE)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = lint("--isolated", "--select", "PR009,PR010", "--fix", str(path))
    assert code == 2
    assert f"{path}: cannot write fixes: folder not writable" in err.replace("\n", "")


# -- usage errors: exit 2, one line, no traceback ----------------------------------------------


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    code, _, err = lint(str(tmp_path / "nope.md"))
    assert code == 2 and "nope.md: no such file or folder" in err


def test_unknown_rule_on_the_command_line_is_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint("--select", "PR999", str(path))
    assert code == 2 and "unknown rule or prefix 'PR999'" in err


def test_malformed_config_names_file_and_line(tmp_path: Path) -> None:
    config = write(tmp_path, "pressrelease.toml", 'profile = "un"\n[lint]\nignore = [PR401\n')
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint(str(path))
    assert code == 2
    assert f"{config}:3:" in err.replace("\n", "")
    code, _, err = lint("--config", str(config), str(path))
    assert code == 2 and str(config) in err.replace("\n", "")


def test_unknown_code_in_config_names_file_and_line(tmp_path: Path) -> None:
    config = write(tmp_path, "pressrelease.toml", '[lint]\nselect = ["PR3"]\nignore = ["PR3O3"]\n')
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint(str(path))
    assert code == 2 and f"{config}:3:" in err.replace("\n", "") and "PR3O3" in err


def test_bad_option_values_are_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    for option in (["--format", "xml"], ["--profile", "nyt"], ["--fail-on", "never"]):
        result = runner.invoke(app, ["lint", *option, str(path)])
        assert result.exit_code == 2, option
        assert "is not one of" in result.output


def test_valid_enum_options_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", MISSPELT)
    code, out, _ = lint("--isolated", "--select", "PR009", "--format", "concise", "--profile", "un", str(path))
    assert code == 0 and "PR009" in out


def test_bad_now_is_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    result = runner.invoke(app, ["lint", "--now", "yesterday", str(path)])
    assert result.exit_code == 2 and "--now" in result.stderr


# -- bad input: a finding, never a crash ---------------------------------------------------------


def codes_of(path: Path) -> tuple[int, list[str]]:
    code, out, _ = lint("--isolated", "--format", "json", str(path))
    return code, [d["code"] for d in json.loads(out)]


def test_binary_and_huge_files_are_pr004_only(tmp_path: Path) -> None:
    binary = write(tmp_path, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = write(tmp_path, "latin1.md", "---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    huge = write(tmp_path, "huge.md", CLEAN + "x" * (2 * 1024 * 1024))
    for path in (binary, latin1, huge):
        assert codes_of(path) == (1, ["PR004"])


def test_empty_file_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    code, found = codes_of(write(tmp_path, "empty.md", ""))
    assert code == 1 and "PR001" in found


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "---\n" + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 12):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n"
    bomb += "title: Bomb\n---\n\nText.\n"
    code, found = codes_of(write(tmp_path, "bomb.md", bomb))
    assert code == 1 and "PR001" in found


def test_python_tags_never_execute(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = CLEAN.replace("tags: [water, Kenya]", f'tags: !!python/object/apply:os.system ["touch {marker}"]')
    code, found = codes_of(write(tmp_path, "evil.md", text))
    assert not marker.exists()
    assert code == 1 and "PR001" in found


# -- rules ------------------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {"code": "PR010", "name": "unused-suppression", "severity": "info", "fixable": True}.items() <= next(
        r for r in rows if r["code"] == "PR010"
    ).items()
    text = runner.invoke(app, ["rules"], env={"COLUMNS": "160"})
    assert text.exit_code == 0 and "unused-suppression" in text.stdout


def test_rule_page_by_code_or_name() -> None:
    page = runner.invoke(app, ["rules", "pr010"], env={"COLUMNS": "160"})
    assert page.exit_code == 0
    for heading in ("PR010 unused-suppression", "What", "Why", "Bad", "Good", "Fix"):
        assert heading in page.stdout
    data = json.loads(runner.invoke(app, ["rules", "unused-suppression", "--format", "json"]).stdout)
    assert data["code"] == "PR010" and data["fixable"] is True and "<!--" in data["bad"]


def test_unknown_rule_page_is_exit_2() -> None:
    result = runner.invoke(app, ["rules", "PR999"])
    assert result.exit_code == 2 and "unknown rule 'PR999'" in result.stderr


# -- start-up stays light ----------------------------------------------------------------------

# pydantic: typer coerces options through it unless cli/parameters.py does (0.2 s of start-up)
HEAVY = ("weasyprint", "css_inline", "docx", "bs4", "jinja2", "pydantic", "feedgen", "watchfiles", "pagefind_bin")


@pytest.mark.parametrize("argv", [["--help"], ["lint", "--help"], ["lint", "FILE"], ["rules"]])
def test_lint_never_imports_heavy_packages(argv: list[str], tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    argv = [str(path) if a == "FILE" else a for a in argv]
    assert loaded_after(argv, HEAVY)[1] == []


# Formats other than text print no rich output; well-formed addresses never need
# email-validator (PR503 checks them with its own conservative pattern first), nor
# numbers in international form phonenumbers (PR504 counts their digits from a table).
LINT_PATH_ONLY = (*HEAVY, "rich", "babel", "email_validator", "phonenumbers")


@pytest.mark.parametrize("format", ["concise", "json", "github", "sarif"])
def test_machine_formats_import_only_what_linting_needs(format: str, tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    assert loaded_after(["lint", "--format", format, str(path)], LINT_PATH_ONLY)[1] == []


def test_the_text_report_imports_rich_only_for_colour(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    argv = ["lint", "--now", NOW, "--isolated", "--select", "PR009,PR010"]
    assert loaded_after([*argv, str(path)], ["rich"]) == (0, [])
    misspelt = str(write(tmp_path, "b.md", MISSPELT))
    assert loaded_after([*argv, misspelt], ["rich"]) == (0, [])  # a pipe: plain text
    assert loaded_after(["--color", "always", *argv, misspelt], ["rich"]) == (0, ["rich"])  # findings, in colour
    for colour in ("always", "never"):
        result = runner.invoke(app, ["--color", colour, *argv, str(path)])
        assert (result.exit_code, result.stdout) == (0, "No problems found in 1 file.\n")


# -- one command built, not eight -----------------------------------------------------------------

COMMANDS = ["build", "email", "new", "init", "import", "inspect", "lint", "rules", "preview", "site"]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_named_command_alone_has_the_same_help(command: str) -> None:
    from pressrelease.cli.dispatch import for_command

    single = for_command([command, "--help"])
    assert [info.name for info in single.registered_commands] == [command]
    env = {"COLUMNS": "120", "NO_COLOR": "1"}
    assert (
        runner.invoke(single, [command, "--help"], env=env).stdout
        == runner.invoke(app, [command, "--help"], env=env).stdout
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--debug", "lint", "x.md"], ["lint"]),
        (["--color", "never", "rules"], ["rules"]),
        (["--color=never", "lint"], ["lint"]),
        (["--help"], COMMANDS),
        (["--version"], COMMANDS),
        (["lnt", "x.md"], COMMANDS),
        ([], COMMANDS),
    ],
)
def test_which_commands_a_run_builds(argv: list[str], expected: list[str]) -> None:
    from pressrelease.cli.dispatch import for_command

    assert [info.name for info in for_command(argv).registered_commands] == expected


def test_lint_through_main_with_app_options(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    done = subprocess.run(
        [sys.executable, "-m", "pressrelease", "--color", "never", "lint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is not None


def test_error_text_with_brackets_is_printed_as_written(tmp_path: Path) -> None:
    # A folder named "[bold]" must reach the reader as written, not as rich markup.
    folder = tmp_path / "[bold]press"
    folder.mkdir()
    config = write(folder, "pressrelease.toml", '[lint.severity]\nPR401 = "loud"\n')
    path = write(folder, "r.md", CLEAN)
    code, _, err = lint("--config", str(config), str(path))
    assert code == 2
    assert f"{config}:2: lint.severity.PR401: severity must be one of" in err.replace("\n", "")


def test_stdin_that_is_not_utf8_is_pr004_at_its_line() -> None:
    result = runner.invoke(app, ["lint", "--now", NOW, "--format", "concise", "-"], input=b"---\ntitle: x\n\xff\n")
    assert result.exit_code == 1
    assert "<stdin>:3:1: PR004 [error] unreadable: not UTF-8 (byte 0xff); save the text as UTF-8" in result.stdout


# -- --exit-zero, --output-file, --stdin-filename --------------------------------------------------

BROKEN = CLEAN.replace("Nairobi – Three", "Three").replace("location: Nairobi\n", "")  # PR201, an error


def test_exit_zero_reports_but_does_not_fail(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BROKEN)
    code, out, _ = lint("--exit-zero", "--format", "concise", str(path))
    assert code == 0 and "PR201" in out
    assert lint("--exit-zero", str(tmp_path / "missing.md"))[0] == 2  # errors are still errors


def test_output_file_holds_the_report(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BROKEN)
    on_screen = lint("--format", "concise", str(path))
    report = tmp_path / "report.txt"
    report.write_text("an old report\n", encoding="utf-8")
    code, out, _ = lint("--format", "concise", "-o", str(report), str(path))
    assert (code, out) == (on_screen[0], "") and code == 1
    assert report.read_text(encoding="utf-8") == on_screen[1]
    as_json = tmp_path / "report.json"
    lint("--format", "json", "--output-file", str(as_json), str(path))
    assert [d["code"] for d in json.loads(as_json.read_text(encoding="utf-8"))] == ["PR201"]
    text = tmp_path / "report-text.txt"
    runner.invoke(app, ["--color", "always", "lint", "--now", NOW, "-o", str(text), str(path)])  # no codes in a file
    assert "PR201" in text.read_text(encoding="utf-8") and "\x1b[" not in text.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report-text.txt", "report.json", "report.txt"]


@pytest.mark.parametrize("where", ["missing/report.txt", "."])
def test_output_file_that_cannot_be_written_is_exit_2_before_linting(tmp_path: Path, where: str) -> None:
    path = write(tmp_path, "a.md", BROKEN)
    code, out, err = lint("-o", str(tmp_path / where), str(path))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and err.startswith("error: ")


def test_stdin_filename_names_standard_input_and_finds_its_config(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "pressrelease.toml").write_text('[lint.severity]\nPR203 = "error"\n', encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF")
    text = CLEAN.replace("Nairobi – Three", "Nairobi - Three").replace(
        "bringing safe drinking water", "bringing [safe drinking water](report.pdf)"
    )
    named = str(folder / "draft.md")
    code, out, _ = lint("--format", "concise", "--stdin-filename", named, "-", input=text)
    assert code == 1  # PR203 raised to an error by the folder's config
    assert out.splitlines()[0].startswith(f"{named}:") and "PR203 [error]" in out
    assert "PR706" not in out  # report.pdf resolves from the named file's folder
    plain = lint("--format", "concise", "-", input=text)[1]
    assert plain.startswith("<stdin>:") and "PR203 [warning]" in plain


def test_stdin_filename_needs_standard_input(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", CLEAN)
    code, _, err = lint("--stdin-filename", "x.md", str(path))
    assert code == 2 and "give - as the path" in err


def _help(command: str) -> str:
    return runner.invoke(app, [command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_what_a_user_types_not_python_types(command: str) -> None:
    out = _help(command)
    assert "Usage:" in out
    for python_type in ("<list[", "<bool>", "<int", "<float", "<path>", "<str>", "<text>", "range>", "[x", "<=x"):
        assert python_type not in out, (command, python_type)
    usage = next(line for line in out.splitlines() if "Usage:" in line)
    assert "{" not in usage and re.fullmatch(
        r" Usage: pressrelease \w+ \[OPTIONS\]( \[?[A-Z]+\]?(\.\.\.)?)?", usage.rstrip()
    )
    for line in out.splitlines():  # a flag's row holds its name, then its help: no type between
        row = line.strip("│ ")
        if row.startswith(("--no-cache ", "--force ", "--fix ", "--isolated ")):
            assert row.partition(" ")[2].lstrip()[:1].isupper(), line


def test_help_names_the_values_a_user_types() -> None:
    out = _help("build")
    assert re.search(r"\[OPTIONS\] FILE\.\.\.\s", out)
    assert re.search(r"--to\s+FORMATS", out) and re.search(r"--jobs\s+-j\s+N\s", out)
    assert re.search(r"\[OPTIONS\] \[FILE\]\.\.\.\s", _help("lint"))  # optional: in brackets
    preview = _help("preview")  # the default in words, not also the 0 that stands for it
    assert "(default: a free one)" in preview and "[default: 0]" not in preview
