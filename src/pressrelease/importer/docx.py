"""A Word file -> a :class:`Document` (python-docx, imported only here).

Structure comes from paragraph styles: Title, Subtitle, Heading 1-6, List
Bullet/Number (or Word numbering), Quote. Inside a paragraph, hyperlinks, bold
and italic runs are kept as Markdown; a paragraph that is bold from end to end
is a label or a subhead, not emphasis, and is marked so. Empty paragraphs
separate contact blocks the way blank lines do in text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from .blocks import Document, ImportFailed, Piece, escape
from .head import structured

_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
MAX_PART_BYTES = 32 * 1024 * 1024  #: one part (the document's XML, an image) expanded
MAX_TOTAL_BYTES = 128 * 1024 * 1024  #: every part expanded
MAX_PARAGRAPHS = 50_000  #: in the document's XML; a release's text is at most 2 MB


def read_docx(data: bytes, path: Path | None = None) -> Document:
    """Read a .docx file's paragraphs, lists, tables and links."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportFailed(f"reading Word files needs python-docx ({exc})", path) from None
    try:
        _check_sizes(data, path)
        document = docx.Document(io.BytesIO(data))
        pieces, title = _pieces(document)
    except ImportFailed:
        raise
    except Exception as exc:  # python-docx raises zip, XML and key errors for damaged files
        reason = type(exc).__name__
        raise ImportFailed(
            f"is not a readable Word (.docx) file ({reason}); open and re-save it in Word", path
        ) from None
    return structured("docx", pieces, title)


def _check_sizes(data: bytes, path: Path | None) -> None:
    """Refuse a file whose parts expand past what a release needs, before any part is parsed.

    The compressed size says little: a few MB of zip can expand to gigabytes of
    XML. Each part's declared size is checked (the zip reader stops at it, so it
    cannot lie upwards), then the paragraphs of the document are counted in its
    bytes.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                limit = MAX_PART_BYTES if info.file_size > MAX_PART_BYTES else MAX_TOTAL_BYTES
                raise ImportFailed(
                    f"expands to more than {limit // (1024 * 1024)} MB ({info.filename[:80]}); "
                    "a press release never does: is this the right file?",
                    path,
                )
        names = {info.filename for info in infos}
        if "word/document.xml" in names:
            document = archive.read("word/document.xml")
            paragraphs = sum(document.count(tag) for tag in (b"<w:p>", b"<w:p ", b"<w:p/>"))
            if paragraphs > MAX_PARAGRAPHS:
                raise ImportFailed(
                    f"has {paragraphs:,} paragraphs (at most {MAX_PARAGRAPHS:,}); a press release has a few dozen",
                    path,
                )


def _style_names(document: Any) -> dict[str | None, str]:
    """Paragraph style id -> name, read once (python-docx looks each paragraph's up among all styles)."""
    from docx.enum.style import WD_STYLE_TYPE

    names: dict[str | None, str] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id is not None:
            names[style.style_id] = style.name or ""
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    names[None] = (default.name or "") if default is not None else ""
    return names


def _pieces(document: Any) -> tuple[list[Piece], str | None]:
    from docx.table import Table

    pieces: list[Piece] = []
    title: str | None = None
    gap = False
    styles = _style_names(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                line = " ".join(dict.fromkeys(c for c in cells if c))  # merged cells repeat their text
                if line:
                    pieces.append(Piece("paragraph", escape(line), line, gap_before=gap))
                    gap = False
            continue
        style_id = item._p.style
        style = styles.get(style_id, styles[None]) if style_id is not None else styles[None]
        md, plain = _runs(item)
        if not plain.strip():
            gap = True
            continue
        lowered = style.lower()
        heading = _HEADING.match(style)
        if lowered == "title" and title is None:
            title = " ".join(plain.split())
        elif lowered == "subtitle":
            pieces.append(Piece("paragraph", _one_line(md), _one_line(plain), gap_before=gap))
        elif heading:
            pieces.append(Piece("heading", _one_line(md), _one_line(plain), level=int(heading.group(1))))
        elif lowered.startswith("list") or _numbered(item):
            ordered = "number" in lowered
            if pieces and pieces[-1].kind == "list" and pieces[-1].ordered == ordered and not gap:
                last = pieces[-1]
                pieces[-1] = Piece(
                    "list", items=(*last.items, _one_line(md)), ordered=ordered, gap_before=last.gap_before
                )
            else:
                pieces.append(Piece("list", items=(_one_line(md),), ordered=ordered, gap_before=gap))
        elif "quote" in lowered:
            pieces.append(Piece("quote", md.strip(), plain.strip(), gap_before=gap))
        else:
            pieces.append(_paragraph(md, plain, gap))
        gap = False
    return pieces, title


def _numbered(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraph(md: str, plain: str, gap: bool) -> Piece:
    md = "\n".join(line.strip() for line in md.split("\n") if line.strip())
    plain = "\n".join(line.strip() for line in plain.split("\n") if line.strip())
    bold = md.startswith("**") and md.endswith("**") and md.count("**") == 2 and len(md) > 4
    return Piece("paragraph", md[2:-2].strip() if bold else md, plain, gap_before=gap, bold=bold)


def _runs(paragraph: Any) -> tuple[str, str]:
    """(Markdown, plain text) of a paragraph: runs grouped by formatting, links written out."""
    from docx.text.hyperlink import Hyperlink

    spans: list[tuple[str, bool, bool, str | None]] = []  # text, bold, italic, link
    for part in paragraph.iter_inner_content():
        if isinstance(part, Hyperlink):
            url = part.url or ""
            spans.append((part.text, False, False, url if _SAFE_LINK.match(url) else None))
        else:
            spans.append((part.text.replace("\t", " "), bool(part.bold), bool(part.italic), None))
    merged: list[tuple[str, bool, bool, str | None]] = []
    for span in spans:
        if merged and merged[-1][1:] == span[1:] and span[3] is None:
            merged[-1] = (merged[-1][0] + span[0], *span[1:])
        else:
            merged.append(span)
    md: list[str] = []
    for text, bold, italic, link in merged:
        if not text.strip():
            md.append(escape(text))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        core = escape(text.strip())
        if link and text.strip() not in (link, link.removeprefix("mailto:")):
            core = f"[{core}]({link.replace(' ', '%20').replace('(', '%28').replace(')', '%29')})"
        if italic:
            core = f"*{core}*"
        if bold:
            core = f"**{core}**"
        md.append(lead + core + tail)
    return "".join(md), "".join(span[0] for span in spans)
