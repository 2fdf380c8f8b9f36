"""``pressrelease build``, ``email``, ``new`` and ``init`` from the command line."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.util import CLEAN  # tests/ is on sys.path (pytest's rootdir-relative import)
from pressrelease.cli import app
from pressrelease.config import load
from pressrelease.lint.engine import lint
from pressrelease.parse import parse_file
from pressrelease.render.eml import subject
from pressrelease.render.text import render_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples/iom-minsk-2024-07-19.md"
SEED_SLUG = "2024-07-19-unlocking-potential-of-migration-in-achieving-sustainable-development"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_build_all_four_formats_of_the_seed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = runner.invoke(app, ["build", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [f"{SEED_SLUG}.{ext}" for ext in ("eml", "html", "pdf", "txt")]
    assert (out / f"{SEED_SLUG}.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / f"{SEED_SLUG}.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    draft = email.message_from_bytes((out / f"{SEED_SLUG}.eml").read_bytes(), policy=email.policy.default)
    assert draft["X-Unsent"] == "1"
    # the summary table and the plain log (not a terminal here)
    assert "1 of 1 release built" in result.stdout
    assert f"files in {out.resolve()}" in result.stdout.replace("\n", "")
    assert "built " in result.stderr and "lint warning" in result.stderr


def test_build_exit_1_when_a_file_fails_and_the_others_still_build(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(CLEAN, encoding="utf-8")
    blocked = tmp_path / "blocked.md"
    blocked.write_text(CLEAN.replace("Three new", "TK Three new").replace("2026-03-20", "2026-03-21"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(good), str(blocked), "--to", "txt", "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert len(list(out.iterdir())) == 1
    assert "PR703" in result.stderr
    assert "blocked" in result.stdout
    forced = runner.invoke(app, ["build", str(blocked), "--to", "txt", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert len(list(out.iterdir())) == 2


def test_build_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "r.md"
    source.write_text(CLEAN, encoding="utf-8")
    assert runner.invoke(app, ["build", str(tmp_path / "missing.md")]).exit_code == 2
    bad_format = runner.invoke(app, ["build", str(source), "--to", "txt,odt"])
    assert bad_format.exit_code == 2 and "odt" in bad_format.stderr
    assert runner.invoke(app, ["build", str(source), "--now", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["build", str(source), "--templates", str(tmp_path / "none")]).exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    unwritable = runner.invoke(app, ["build", str(source), "--to", "txt", "-o", str(blocker / "out")])
    assert unwritable.exit_code == 2
    assert "cannot write to the output folder" in unwritable.stderr
    assert "Traceback" not in unwritable.output


def test_build_a_malformed_config_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text("profile = \n")
    source = tmp_path / "r.md"
    source.write_text(CLEAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "--to", "txt"])
    assert result.exit_code == 2
    assert "pressrelease.toml" in result.stderr


def test_build_from_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-", "--to", "txt", "-o", str(out), "--isolated"], input=CLEAN)
    assert result.exit_code == 0, result.output
    [written] = list(out.iterdir())
    assert written.read_text(encoding="utf-8").startswith("FOR IMMEDIATE RELEASE\n")


def test_build_wrap_option(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "r.md"
    source.write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(source), "--to", "txt", "-o", str(out), "--wrap", "50", "--isolated"])
    assert result.exit_code == 0, result.output
    [written] = list(out.iterdir())
    assert max(len(line) for line in written.read_text(encoding="utf-8").splitlines()) <= 50


def test_email_prints_the_body_and_the_subject_apart(runner: CliRunner) -> None:
    result = runner.invoke(app, ["email", str(SEED)])
    assert result.exit_code == 0, result.output
    release = parse_file(SEED)
    assert result.stdout == render_text(release, load(ROOT / "examples/pressrelease.toml"))
    assert result.stderr == f"Subject: {subject(release)}\n"


def test_email_from_stdin_and_wrapped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["email", "-", "--wrap", "40", "--isolated"], input=CLEAN)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("FOR IMMEDIATE RELEASE\n")
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (CLEAN.replace("Opens Three", "Opens [TK]", 1), ["PR703"]),  # a placeholder left in the headline
        ("", ["PR001", "PR005"]),  # an empty file: no front matter, no body
    ],
)
def test_email_stops_at_lint_errors_as_build_does(
    runner: CliRunner, tmp_path: Path, text: str, codes: list[str]
) -> None:
    """Nothing on standard output to paste; each error named with its line on standard error; exit 1."""
    source = tmp_path / "r.md"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["email", str(source), "--isolated"])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [re.search(r"(PR\d{3}) \[error\]", line).group(1) for line in lines[:-1]] == codes  # type: ignore[union-attr]
    assert all(line.startswith(f"error: {source}:") for line in lines[:-1])
    assert (
        lines[-1]
        == f"error: {source}: {len(codes)} lint error{'s' if len(codes) > 1 else ''}; fix or print with --force"
    )

    forced = runner.invoke(app, ["email", str(source), "--isolated", "--force"])
    assert forced.exit_code == 0, forced.output
    assert forced.stdout.startswith("FOR IMMEDIATE RELEASE\n")


def test_email_refuses_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["email", str(tmp_path)])
    assert result.exit_code == 2


def test_new_writes_a_skeleton_that_lint_flags_until_filled(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pressrelease.toml").write_text(
        '[organizations.cwa]\nname = "Clean Water Alliance"\nshort_name = "CWA"\nemail = "press@cwa.example.org"\n'
        'boilerplate = "CWA brings safe water to rural communities."\n'
    )
    result = runner.invoke(app, ["new", "plant.md"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "plant.md"
    release = parse_file(path)
    assert release.date == dt.date.today()
    assert release.organization is not None and release.organization.name == "Clean Water Alliance"
    assert [c.email for c in release.contacts if c.source == "front-matter"] == ["press@cwa.example.org"]
    assert {s.kind for s in release.sections} == {"notes", "about", "contact"}
    codes = {d.code for d in lint(release, load(tmp_path / "pressrelease.toml"))}
    assert "PR703" in codes
    before = path.read_text(encoding="utf-8")
    again = runner.invoke(app, ["new", "plant.md"])
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == before


def test_new_default_name_is_dated(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--isolated"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{dt.date.today().isoformat()}-new-release.md").is_file()


def test_init_writes_a_valid_commented_config_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "pressrelease.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")
    config = load(path)
    assert config.organization() is not None
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.slow
def test_the_quick_exit_leaves_no_temporary_font_files(tmp_path: Path) -> None:
    """``run()`` skips the interpreter's teardown, so it removes WeasyPrint's font copies itself."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    seed = Path(__file__).resolve().parent.parent / "examples" / "iom-minsk-2024-07-19.md"
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "pressrelease", "build", str(seed), "--to", "pdf", "-o", str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".pdf"]
    assert list(scratch.iterdir()) == []


def _linked(page: Path) -> dict[str, str]:
    """The page's PDF and Word links: class -> href."""
    html = page.read_text(encoding="utf-8")
    return dict(re.findall(r'<a class="(pdf-link|docx-link)" href="([^"]+)"', html))


@pytest.mark.parametrize(
    ("to", "links"),
    [("html", {}), ("html,txt", {}), ("html,docx", {"docx-link": "docx"}), ("pdf,html", {"pdf-link": "pdf"})],
)
def test_the_page_links_only_the_files_this_run_writes(runner: CliRunner, tmp_path: Path, to: str, links: dict) -> None:
    out = tmp_path / "dist"
    result = runner.invoke(app, ["build", str(SEED), "-o", str(out), "--to", to])
    assert result.exit_code == 0, result.output
    found = _linked(out / f"{SEED_SLUG}.html")
    assert found == {kind: f"{SEED_SLUG}.{ext}" for kind, ext in links.items()}
    assert all((out / href).is_file() for href in found.values())


def test_without_to_the_page_links_the_configs_formats(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text('[build]\nformats = ["docx", "html"]\n', encoding="utf-8")
    source = tmp_path / "release.md"
    source.write_text(CLEAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (page,) = (tmp_path / "out").glob("*.html")
    assert _linked(page) == {"docx-link": page.with_suffix(".docx").name}
    assert page.with_suffix(".docx").is_file() and not page.with_suffix(".pdf").exists()
