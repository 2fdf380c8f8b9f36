"""Word files that are not releases: refused before parsing; heading styles that lie: the article kept.

The zip bomb is made here: a few dozen KB on disk whose ``document.xml`` expands
past the per-part limit, and one with more paragraphs than a release could hold.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import docx as docx_reader
from pressrelease.importer.blocks import ImportFailed
from pressrelease.importer.core import import_file

_PREFIX = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
_SUFFIX = b"</w:body></w:document>"


def _plain_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("A paragraph.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_document(xml: bytes) -> bytes:
    """A real Word file with its ``word/document.xml`` replaced by ``xml``, deflated."""
    source = zipfile.ZipFile(io.BytesIO(_plain_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def test_a_document_that_expands_past_the_limit_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    padding = b"<w:p><w:r><w:t>" + b" " * (docx_reader.MAX_PART_BYTES + 1024) + b"</w:t></w:r></w:p>"
    bomb = _with_document(_PREFIX + padding + _SUFFIX)
    assert len(bomb) < 200_000  # small on disk

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("python-docx was asked to parse it")

    import docx

    monkeypatch.setattr(docx, "Document", never)
    with pytest.raises(ImportFailed, match=r"expands to more than 32 MB \(word/document.xml\)"):
        docx_reader.read_docx(bomb, Path("bomb.docx"))


def test_a_document_with_too_many_paragraphs_is_refused() -> None:
    many = b"<w:p/>" * (docx_reader.MAX_PARAGRAPHS + 1)
    with pytest.raises(ImportFailed, match="paragraphs"):
        docx_reader.read_docx(_with_document(_PREFIX + many + _SUFFIX), Path("many.docx"))


def test_a_contact_styled_heading_1_keeps_the_article(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Harbour Trust opens a ferry terminal in Lowport", style="Title")
    document.add_paragraph(
        "LOWPORT, 2 March 2026 – The Harbour Trust opened a ferry terminal on Monday, doubling the number of "
        "daily crossings to the islands."
    )
    document.add_paragraph(
        "“The terminal gives island families a reliable link to the mainland,” said Petra Osei, director of "
        "the Harbour Trust."
    )
    document.add_heading("Contact", level=1)
    document.add_paragraph("Petra Osei, press office, press@harbour.example.org")
    path = tmp_path / "terminal.docx"
    document.save(str(path))
    result = import_file(path, DEFAULT)
    assert result.release.title == "Harbour Trust opens a ferry terminal in Lowport"
    assert "doubling the number of daily crossings" in result.markdown
    assert "said Petra Osei" in result.markdown
    assert "## Contact" in result.markdown
    assert not result.dropped


def test_a_page_whose_text_is_over_2_mb_is_refused_with_a_message(tmp_path: Path) -> None:
    """Lint refuses a release over 2 MB: import says so instead of writing one."""
    from pressrelease.importer.core import import_bytes

    sentence = "The harbour trust reports that the ferry carried more passengers than in any year before. "
    page = "<html><body><h1>Ferry figures</h1>" + f"<p>{sentence * 100}</p>" * 300 + "</body></html>"
    assert 2 * 1024 * 1024 < len(page) < 10 * 1024 * 1024  # within the web page limit, over a release's
    with pytest.raises(ImportFailed, match="2 MB"):
        import_bytes(page.encode(), "html", DEFAULT, path=tmp_path / "page.html")
