"""``pip install .`` carries the built-in theme and the word lists inside the package.

Builds the wheel with the venv's hatchling (no build isolation, so no network) and
reads its file list; the by-hand check of a clean venv is in the report of issue 2.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_templates_and_data(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("pressrelease-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    theme = ROOT / "templates" / "default"
    shipped = {
        f"pressrelease/templates/default/{p.relative_to(theme).as_posix()}" for p in theme.rglob("*") if p.is_file()
    }
    assert shipped, "templates/default/ has files"
    assert shipped <= names, sorted(shipped - names)
    fonts = "pressrelease/templates/default/fonts/"
    arabic = {f"{fonts}NotoNaskhArabic-Regular.ttf", f"{fonts}NotoNaskhArabic-Bold.ttf", f"{fonts}OFL.txt"}
    assert arabic <= names  # the Arabic subset and its licence
    sizes = {i.filename: i.file_size for i in zipfile.ZipFile(wheel).infolist() if i.filename.startswith(fonts)}
    assert sum(sizes[n] for n in arabic if n.endswith(".ttf")) < 300 * 1024, sizes
    assert "pressrelease/data/en.toml" in names
    data = ROOT / "src" / "pressrelease" / "data"
    every = {f"pressrelease/data/{p.relative_to(data).as_posix()}" for p in data.rglob("*") if p.is_file()}
    every = {n for n in every if "__pycache__" not in n}
    assert {"pressrelease/data/phones.json", "pressrelease/data/warm-up.md"} <= every  # the kinds beside *.toml
    assert every <= names, sorted(every - names)  # every data file, whatever its kind
    assert "pressrelease/__main__.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "pressrelease = pressrelease.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
    # Nothing from the repository's working folders leaks into the wheel.
    assert not any(n.startswith(("tests/", "examples/", ".venv/")) for n in names)


def test_builtin_templates_resolve_inside_the_package() -> None:
    from pressrelease.render.templates import builtin_dir

    folder = builtin_dir()
    assert (folder / "default").is_dir()
    assert any((folder / "default").glob("*.j2"))
