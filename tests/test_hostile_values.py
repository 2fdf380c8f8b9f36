"""Hostile values inside an otherwise good release: every command answers with a finding, never a traceback.

Emphasis nested hundreds deep, an embargo or an organisation name with a line
break (both end up in email headers), a named pipe called ``*.md``, a file over
the size cap, a config URL that is not a web address.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.util import CLEAN  # tests/ is on sys.path
from pressrelease import ConfigError
from pressrelease.cli import app
from pressrelease.config import load
from pressrelease.parse import parse

DEEP = "*" * 500 + "a" + "*" * 500  #: 250 strong elements inside each other, 1 KB


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    output = result.output
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, output


@pytest.fixture
def deep(tmp_path: Path) -> Path:
    path = tmp_path / "deep.md"
    path.write_text(CLEAN.replace("###", f"{DEEP}\n\n###"), encoding="utf-8")
    return path


def test_deep_emphasis_is_a_finding_in_lint(deep: Path) -> None:
    code, output = _run("lint", "--isolated", "--format", "concise", str(deep))
    assert code == 1 and "PR004" in output and "nested 250 deep" in output


def test_deep_emphasis_in_inspect_and_email(deep: Path) -> None:
    code, output = _run("inspect", "--isolated", str(deep))
    assert code == 1 and "nested 250 deep" in output
    code, output = _run("email", "--isolated", str(deep))
    assert code in (1, 2) and "nested 250 deep" in output


@pytest.mark.parametrize(("levels", "flattened"), [(32, False), (33, True)])
def test_emphasis_is_kept_to_the_depth_limit_and_flattened_past_it(levels: int, flattened: bool) -> None:
    release = parse(CLEAN.replace("###", "*" * (2 * levels) + "a" + "*" * (2 * levels) + "\n\n###"))
    problems = [p.message for p in release.problems if p.code == "PR004"]
    assert problems == ([f"inline markup nested {levels} deep (at most 32): shown as plain text"] if flattened else [])


@pytest.mark.parametrize("formats", ["txt,html,eml", "pdf"])
def test_deep_emphasis_builds_as_plain_text_with_force(deep: Path, formats: str) -> None:
    out = deep.parent / "out"
    code, output = _run("build", "--isolated", "--force", "-j", "1", "--to", formats, "-o", str(out), str(deep))
    assert code == 0, output
    assert len(list(out.iterdir())) == len(formats.split(","))
    if "txt" in formats:
        [text] = out.glob("*.txt")
        assert "*" * 40 in text.read_text(encoding="utf-8")  # the marks, as written


def test_shallow_emphasis_is_still_emphasis() -> None:
    release = parse(CLEAN.replace("###", "***Bold** and italic* words.\n\n###"))
    assert not [p for p in release.problems if p.code == "PR004"]
    kinds = {child.type for block in release.blocks for t in block.tokens for child in t.children or ()}
    assert {"em_open", "strong_open"} <= kinds


def test_an_embargo_with_a_line_break_is_a_finding_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(
        CLEAN.replace("date: 2026-03-20", 'date: 2026-03-20\nembargo: "2026-03-19 10:00\\r\\nBcc: list@example.org"'),
        encoding="utf-8",
    )
    code, output = _run("lint", "--isolated", "--format", "concise", str(path))
    assert code == 1 and "PR003" in output and "embargo: contains a line break" in output
    out = tmp_path / "out"
    code, output = _run("build", "--isolated", "--force", "-j", "1", "--to", "eml", "-o", str(out), str(path))
    assert code == 0, output
    [eml] = out.glob("*.eml")
    headers = eml.read_bytes().split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in headers


def test_an_organisation_name_with_a_line_break_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(
        CLEAN.replace(
            "name: Clean Water Alliance", 'name: "Clean Water\\r\\nBcc: Alliance"\n  email: press@cwa.example.org'
        ),
        encoding="utf-8",
    )
    code, output = _run("lint", "--isolated", "--format", "concise", str(path))
    assert "organization.name: contains a line break" in output
    out = tmp_path / "out"
    code, output = _run("build", "--isolated", "--force", "-j", "1", "--to", "eml", "-o", str(out), str(path))
    assert code == 0 and "is not an address" not in output, output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('name = "Acme\\r\\nBcc: x@example.org"', "organizations.acme.name: contains a line break"),
        ('name = "Acme"\nurl = "javascript:alert(1)"', "organizations.acme.url: 'javascript:alert(1)' is not a web"),
        ('name = "Acme"\nurl = "ftp://acme.example.org"', "is not a web address"),
    ],
)
def test_config_header_values_and_urls_are_checked(tmp_path: Path, line: str, said: str) -> None:
    config = tmp_path / "pressrelease.toml"
    config.write_text(f"[organizations.acme]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=said.replace("(", r"\(").replace(")", r"\)")):
        load(config)


def test_a_web_address_in_the_config_is_kept(tmp_path: Path) -> None:
    config = tmp_path / "pressrelease.toml"
    config.write_text('[organizations.acme]\nname = "Acme"\nurl = "https://acme.example.org"\n', encoding="utf-8")
    assert load(config).organizations["acme"].url == "https://acme.example.org"


def test_a_named_pipe_called_md_is_one_finding_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")  # reading it would wait for a writer forever
    code, output = _run("lint", "--isolated", "--format", "concise", str(tmp_path))
    assert code == 1
    [line] = [line for line in output.splitlines() if "pipe.md" in line]
    assert "PR004" in line and "not a regular file" in line
    code, output = _run("inspect", "--isolated", str(tmp_path / "pipe.md"))
    assert code == 1


def test_inspect_exits_1_on_a_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(CLEAN + "word " * 450_000, encoding="utf-8")  # over 2 MB
    code, output = _run("inspect", "--isolated", str(path))
    assert code == 1 and "larger than 2 MB" in output


def test_a_headline_nested_hundreds_deep_breaks_no_command(tmp_path: Path) -> None:
    path = tmp_path / "deep-title.md"
    title = "title: Water Authority Opens Three Treatment Plants in Northern Region"
    path.write_text(CLEAN.replace(title, f'title: "{DEEP}"'), encoding="utf-8")
    for command in (["lint"], ["inspect"], ["email"]):
        code, _ = _run(*command, "--isolated", str(path))
        assert code in (0, 1)
    out = tmp_path / "out"
    code, output = _run("build", "--isolated", "--force", "-j", "1", "--to", "txt,eml,html", "-o", str(out), str(path))
    assert code == 0, output
