"""The Word file: real Word styles, the release line on every page, live links, and a
round trip through ``import`` that gives back the same release."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from pressrelease.config import for_path
from pressrelease.importer.core import import_bytes
from pressrelease.model import Release
from pressrelease.parse import parse_file
from pressrelease.render.contact_block import contact_heading
from pressrelease.render.docx import render_docx
from pressrelease.render.house_style import about_heading, release_line

docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))
EMBARGOED = ROOT / "examples/un-embargoed-water-report.md"


def built(path: Path) -> tuple[Release, bytes]:
    release = parse_file(path)
    return release, render_docx(release, for_path(path))


def facts(release: Release, rendered: bool = False) -> dict[str, object]:
    """What must survive the round trip. ``rendered``: the sections as every format
    prints them (the organisation's boilerplate and front-matter contacts included)."""
    sections = [(s.kind, s.heading) for s in release.sections if not s.empty]
    org = release.organization
    if rendered and release.section("about") is None and org is not None and org.boilerplate:
        sections.insert(len([s for s in sections if s[0] == "notes"]), ("about", about_heading(release)))
    if rendered and release.section("contact") is None and release.contacts:
        sections.append(("contact", contact_heading(release)))
    return {
        "title": release.title,
        "date": release.date,
        "location": (release.location or "").casefold(),
        "quotes": [(q.text, q.speaker) for q in release.quotes],
        "sections": sections,
        "contacts": [(c.name, c.email, c.phone, c.mobile) for c in release.contacts],
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_import_gives_back_the_same_release(path: Path) -> None:
    release, data = built(path)
    imported = import_bytes(data, "docx", for_path(path)).release
    assert facts(imported) == facts(release, rendered=True)


def test_word_styles_header_on_every_page_and_live_links() -> None:
    release, data = built(EMBARGOED)
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    assert {"Heading 2", "Quote", "List Bullet", "Contact"} <= set(styles)
    section = document.sections[0]
    assert not section.different_first_page_header_footer  # one header: every page
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert release_line(release) in header and "PRESS RELEASE" in header
    footer_xml = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert "https://gfo.example.org/outlook-2026/press" in links
    assert "mailto:avarenne@gfo.example.org" in links
    assert document.core_properties.title == release.title


def test_lint_and_help_never_import_python_docx() -> None:
    code = (
        "import sys\n"
        "from pressrelease.cli import app\n"
        "try:\n    app(['lint', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print('docx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES[0])], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
