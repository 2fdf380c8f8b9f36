"""Files a release or config names (logos, images): only small images inside the allowed folders.

Each test names a file the tool must not read (outside the folder by an absolute
path, by ``../``, through a symbolic link; a named pipe; a folder) and checks the
refusal is a finding at the key, and that nothing of the file reaches an output.
"""

from __future__ import annotations

import os
from pathlib import Path
from textwrap import dedent

import pytest

from pressrelease import ConfigError
from pressrelease.assets import resolve
from pressrelease.config import DEFAULT, load
from pressrelease.parse import parse_file
from pressrelease.render.html import render_html
from pressrelease.render.text import render_text

_SECRET = '<svg xmlns="http://www.w3.org/2000/svg"><text y="20">OUTSIDE-ONLY</text></svg>'


def _release(folder: Path, logo: str) -> Path:
    path = folder / "release.md"
    path.write_text(
        dedent(f"""\
        ---
        title: Harbour Trust opens a ferry terminal in Lowport
        date: 2026-03-02
        location: Lowport
        organization:
          name: Harbour Trust
          logo: {logo}
        ---

        LOWPORT – The Harbour Trust opened a ferry terminal on 2 March 2026.
        """),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """(the release's folder, a folder beside it holding a secret image)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text(_SECRET, encoding="utf-8")
    inside = tmp_path / "release"
    inside.mkdir()
    return inside, outside


def _refused_logo(path: Path) -> str:
    release = parse_file(path)
    problems = [p for p in release.problems if p.message.startswith("organization.logo:")]
    assert len(problems) == 1, release.problems
    assert problems[0].code == "PR003"
    assert problems[0].span.line == 7  # the logo key, not the file's first line
    assert release.organization is not None and release.organization.logo is None
    html = render_html(release, DEFAULT)
    assert "data:image" not in html and "OUTSIDE-ONLY" not in html
    return problems[0].message


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink"])
def test_a_logo_outside_the_release_folder_is_refused(folders: tuple[Path, Path], how: str) -> None:
    inside, outside = folders
    if how == "absolute":
        name = str(outside / "secret.svg")
    elif how == "dotdot":
        name = "../outside/secret.svg"
    else:
        (inside / "logo.svg").symlink_to(outside / "secret.svg")
        name = "logo.svg"
    assert "outside the release's folder" in _refused_logo(_release(inside, name))


def test_a_logo_that_is_a_named_pipe_is_refused_without_opening_it(folders: tuple[Path, Path]) -> None:
    inside, _ = folders
    os.mkfifo(inside / "logo.png")  # opening it for reading would wait for a writer forever
    assert "named pipe" in _refused_logo(_release(inside, "logo.png"))


def test_a_logo_inside_the_release_folder_is_embedded(folders: tuple[Path, Path]) -> None:
    inside, _ = folders
    (inside / "logo.svg").write_text(_SECRET.replace("OUTSIDE-ONLY", "OUR-LOGO"), encoding="utf-8")
    release = parse_file(_release(inside, "logo.svg"))
    assert not [p for p in release.problems if p.code == "PR003"]
    assert "data:image/svg+xml;base64," in render_html(release, DEFAULT)
    render_text(release, DEFAULT)  # the text output never reads the logo


def test_a_body_image_that_is_a_named_pipe_is_not_read(folders: tuple[Path, Path]) -> None:
    inside, _ = folders
    os.mkfifo(inside / "photo.png")
    path = _release(inside, "")
    path.write_text(path.read_text(encoding="utf-8") + "\n![A ferry](photo.png)\n", encoding="utf-8")
    html = render_html(parse_file(path), DEFAULT)
    assert "data:image" not in html and "A ferry" in html


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: os.mkfifo(p), "is a named pipe"),
        (lambda p: None, "is not found"),
    ],
)
def test_config_logo_errors_say_what_the_path_is(tmp_path: Path, make: object, said: str) -> None:
    make(tmp_path / "logo.png")  # type: ignore[operator]
    config = tmp_path / "pressrelease.toml"
    config.write_text('[organizations.acme]\nname = "Acme"\nlogo = "logo.png"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(config)
    assert "organizations.acme.logo" in str(caught.value) and said in str(caught.value)


def test_config_logo_outside_its_folder_is_refused(folders: tuple[Path, Path]) -> None:
    inside, outside = folders
    config = inside / "pressrelease.toml"
    config.write_text(f'[organizations.acme]\nname = "Acme"\nlogo = "{outside / "secret.svg"}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outside the config's folder"):
        load(config)


def test_the_resolver_refuses_proc_and_devices_even_inside_a_root() -> None:
    assert "outside" in resolve("/proc/self/status", Path("/"), (Path("/"),), "the root", images=False)
    assert "outside" in resolve("/dev/zero", Path("/"), (Path("/"),), "the root", images=False)


def test_lint_warns_about_each_image_the_build_will_leave_out(folders: tuple[Path, Path]) -> None:
    from pressrelease.lint.engine import lint

    inside, outside = folders
    (inside / "ok.svg").write_text(_SECRET, encoding="utf-8")
    (inside / "folder.png").mkdir()
    os.mkfifo(inside / "pipe.png")
    (inside / "away.svg").symlink_to(outside / "secret.svg")
    images = ["ok.svg", "folder.png", "pipe.png", "away.svg", "../outside/secret.svg", "missing.png", "/srv/x.png"]
    path = _release(inside, "ok.svg")
    body = "".join(f"\n![Picture {n}]({name})\n" for n, name in enumerate(images))
    path.write_text(path.read_text(encoding="utf-8") + body, encoding="utf-8")
    found = [d for d in lint(parse_file(path), DEFAULT) if d.code == "PR711"]
    flagged = sorted(d.span.line for d in found)
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = sorted(n + 1 for n, line in enumerate(lines) if line.startswith("![") and "(ok.svg)" not in line)
    assert flagged == expected and len(flagged) == len(images) - 1, [d.message for d in found]
    messages = " | ".join(d.message for d in found)
    for said in ("is a folder", "named pipe", "outside the release's folder", "not found", "absolute path"):
        assert said in messages


def test_the_lint_cache_never_serves_a_stale_image_verdict(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from pressrelease.cli import app

    inside, _ = folders
    monkeypatch.setenv("PRESSRELEASE_CACHE_DIR", str(inside.parent / "cache"))
    path = _release(inside, "logo.svg")  # neither the logo nor the image is there yet
    path.write_text(path.read_text(encoding="utf-8") + "\n![A ferry](ferry.svg)\n", encoding="utf-8")
    args = ["lint", "--format", "concise", "--isolated", "--select", "PR003,PR711", str(path)]
    first = CliRunner().invoke(app, args).stdout
    assert "PR003" in first and "PR711" in first
    (inside / "logo.svg").write_text(_SECRET, encoding="utf-8")
    (inside / "ferry.svg").write_text(_SECRET, encoding="utf-8")
    second = CliRunner().invoke(app, args).stdout
    assert "PR003" not in second and "PR711" not in second, second
