"""``import`` then ``build``: every imported fixture parses cleanly and builds to text and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease.build import BuildOptions, build
from pressrelease.config import DEFAULT
from pressrelease.importer import ImportResult, import_file
from pressrelease.parse import parse_file

from .test_sources import _word_file
from .util import FIXTURES

INPUTS = [
    "seed-iom-minsk.txt",
    "wire-pallas-heat-pump.txt",
    "govuk-flood-funding.txt",
    "fr-aipf-patrimoine.txt",
    "ru-iom-minsk.txt",
    "html-gfo-groundwater.html",
    "no-date-clinic.txt",
    "two-agencies-lake.txt",
    "fountains.docx",  # made by the test with python-docx
]


def _import(name: str, folder: Path) -> ImportResult:
    source = FIXTURES / name
    if name.endswith(".docx"):
        source = folder / name
        _word_file(source)
    return import_file(source, DEFAULT)


@pytest.mark.parametrize("name", INPUTS)
def test_import_then_build_txt_and_html(name: str, tmp_path: Path) -> None:
    result = _import(name, tmp_path)
    release_file = tmp_path / "release.md"
    release_file.write_text(result.markdown, encoding="utf-8")
    reread = parse_file(release_file, DEFAULT)
    assert reread.problems == () or [p.code for p in reread.problems] == ["PR003"]  # no-date: the missing date
    assert reread.title and reread.body

    # The release without a date cannot pass lint until someone adds the date: --force.
    force = "date" not in reread.front_matter.data
    out = tmp_path / "dist"
    options = BuildOptions(formats=("txt", "html"), output=out, jobs=1, isolated=True, force=force)
    [built] = build([release_file], options)
    assert built.ok, built.message
    assert sorted(p.suffix for p in built.outputs) == [".html", ".txt"]
    text = next(p for p in built.outputs if p.suffix == ".txt").read_text(encoding="utf-8")
    assert reread.title.upper() in text
    lede = reread.blocks[reread.body[0]].text
    assert lede.split(" ")[-1] in text  # the lede's last word made it into the email body
    html = next(p for p in built.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert "<article" in html and "<script>window.dataLayer" not in html


def test_imported_seed_builds_to_pdf(tmp_path: Path) -> None:
    result = _import("seed-iom-minsk.txt", tmp_path)
    release_file = tmp_path / "seed.md"
    release_file.write_text(result.markdown, encoding="utf-8")
    options = BuildOptions(formats=("pdf",), output=tmp_path / "dist", jobs=1, isolated=True)
    [built] = build([release_file], options)
    assert built.ok, built.message
    [pdf] = built.outputs
    assert pdf.read_bytes().startswith(b"%PDF-")
