"""The Word file (``.docx``): for clearance rounds, which run in Word with tracked changes.

python-docx is imported here only, and only when a Word file is made, so ``lint``
and ``--help`` never load it. The document uses Word's own styles (Title, Subtitle,
Heading 2, Quote, List Bullet, List Number), so that a reviewer's edits keep the
structure and ``pressrelease import`` reads the file back into the same release.
The masthead (organisation, "PRESS RELEASE") and the release line (the embargo)
are in the page header, on every page; the footer has the organisation and the
page number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from markdown_it.token import Token

from ..config import Config
from ..model import Release
from ..parse.language import language
from . import house_style
from .bidi import direction, has_right_to_left
from .contact_block import contact_block, contact_heading

ACCENT = (0x0B, 0x4F, 0x8A)
ALERT = (0xA4, 0x16, 0x1A)
ARABIC_FONT = "Noto Naskh Arabic"  #: Word's "complex script" face for right-to-left runs
BODY_FONT = "Noto Serif"  #: the PDF theme's faces; Word substitutes when they are not installed
HEADING_FONT = "Noto Sans"
CONTACT_STYLE = "Contact"  #: the contact block's paragraphs: one style to restyle them all


def render_docx(release: Release, config: Config) -> bytes:
    """The release as a Word document's bytes."""
    import docx

    document = docx.Document()
    writer = _Writer(document, release)
    writer.styles()
    writer.page_furniture(config)
    writer.head()
    writer.body(config)
    writer.sections()
    if direction(release.language) == "rtl":
        _right_to_left(document)
    org = release.organization
    properties = document.core_properties
    properties.title = release.title or ""
    properties.author = org.name if org is not None else ""
    properties.language = house_style.locale_tag(release.language, release.profile)
    properties.keywords = ", ".join(release.tags)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, document: Any, release: Release) -> None:
        self.document = document
        self.release = release

    # -- look -------------------------------------------------------------------------------

    def styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt, RGBColor

        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.25
        for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
            style = styles[name]
            style.font.name = HEADING_FONT
            style.font.color.rgb = RGBColor(*ACCENT) if name.startswith("Heading") else RGBColor(0x1C, 0x1F, 0x23)
        styles["Title"].font.size = Pt(22)
        contact = styles.add_style(CONTACT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        contact.base_style = normal
        contact.font.name = HEADING_FONT
        contact.font.size = Pt(10)
        contact.paragraph_format.space_after = Pt(8)
        styles["Subtitle"].font.color.rgb = RGBColor(0x3F, 0x46, 0x50)
        lang = house_style.locale_tag(self.release.language, self.release.profile)
        _set_language(normal, lang)

    def page_furniture(self, config: Config) -> None:
        """The release line in the header of every page; organisation and page number in the footer."""
        from docx.shared import Pt, RGBColor

        del config
        section = self.document.sections[0]
        if self.release.profile == "ap":
            from docx.shared import Mm

            section.page_width, section.page_height = Mm(215.9), Mm(279.4)
        labels = language(self.release.language).labels
        org = self.release.organization
        masthead = section.header.paragraphs[0]
        if org is not None:
            run = masthead.add_run(f"{org.name}    ")
            run.bold = True
            run.font.color.rgb = RGBColor(*ACCENT)
        masthead.add_run(labels.get("press_release", "PRESS RELEASE")).bold = True
        run = section.header.add_paragraph().add_run(house_style.release_line(self.release))
        run.bold = True
        if self.release.embargo is not None:
            run.font.color.rgb = RGBColor(*ALERT)
        for paragraph in section.header.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(10)
                run.font.name = HEADING_FONT
        footer = section.footer.paragraphs[0]
        if org is not None:
            footer.add_run(f"{org.name}    ").font.size = Pt(8)
        _page_number(footer)

    # -- content ----------------------------------------------------------------------------

    def head(self) -> None:
        """Headline, subtitle and date (the masthead and release line are in the page header)."""
        release = self.release
        self.document.add_paragraph(release.title or "", style="Title")
        if release.subtitle:
            self.document.add_paragraph(release.subtitle, style="Subtitle")
        if release.date is not None:
            self.document.add_paragraph(
                house_style.format_date(
                    release.date, release.profile, release.language, house_style.own_date_form(release)
                )
            )

    def body(self, config: Config) -> None:
        release = self.release
        marks = {mark.block for mark in release.end_marks}
        for index, block in enumerate(release.blocks):
            if block.section is not None or index in marks:
                continue
            prefix = house_style.dateline_prefix(release) if index == release.lede else None
            self.blocks(list(block.tokens), prefix)
        mark = release.end_mark.text if release.end_mark is not None else house_style.end_mark(release, config)
        if mark:
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            self.document.add_paragraph(mark).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def sections(self) -> None:
        release = self.release
        for section in release.sections:
            if section.kind == "contact" or section.empty:
                continue
            self.document.add_heading(section.heading, level=2)
            for index in section.blocks:
                self.blocks(list(release.blocks[index].tokens))
        org = release.organization
        if release.section("about") is None and org is not None and org.boilerplate:
            self.document.add_heading(house_style.about_heading(release), level=2)
            self.document.add_paragraph(org.boilerplate)
        paragraphs = contact_block(release)
        if paragraphs:
            self.document.add_heading(contact_heading(release), level=2)
        for paragraph in paragraphs:
            out = self.document.add_paragraph(style=CONTACT_STYLE)
            for number, line in enumerate(paragraph.lines):
                if number:
                    out.add_run().add_break()
                for segment in line.segments:
                    if segment.href:
                        _hyperlink(out, segment.text, segment.href, bold=segment.strong)
                    else:
                        out.add_run(segment.text).bold = segment.strong or None

    def blocks(self, tokens: Sequence[Token], prefix: str | None = None) -> None:
        """Markdown block tokens as Word paragraphs in the matching styles."""
        style = "Normal"
        lists: list[str] = []
        quote = 0
        for token in tokens:
            kind = token.type
            if kind == "heading_open":
                style = f"Heading {min(max(int(token.tag[1]), 2), 4)}"
            elif kind in ("bullet_list_open", "ordered_list_open"):
                lists.append("List Bullet" if kind.startswith("bullet") else "List Number")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind in ("fence", "code_block"):
                self.document.add_paragraph(token.content.rstrip("\n"))
            elif kind == "inline":
                chosen = lists[-1] if lists else "Quote" if quote else style
                paragraph = self.document.add_paragraph(style=chosen)
                if prefix:
                    paragraph.add_run(prefix)
                    prefix = None
                _inline(paragraph, token.children or [], keep_breaks=quote > 0)
                style = "Normal"


def _inline(paragraph: Any, children: Sequence[Token], keep_breaks: bool = False) -> None:
    bold = italic = False
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            href = house_style.safe_url(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            href = None
        elif kind == "softbreak":
            if keep_breaks:
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "image":
            alt = str(child.content or child.attrGet("alt") or "").strip()
            paragraph.add_run(f"[Image: {alt}]" if alt else "[Image]")
        elif kind in ("text", "code_inline", "text_special", "html_inline"):
            if href is not None and href.split(":", 1)[0] in ("http", "https", "mailto"):
                _hyperlink(paragraph, child.content, href, bold=bold, italic=italic)
            else:
                run = paragraph.add_run(child.content)
                run.bold = bold or None
                run.italic = italic or None


def _hyperlink(paragraph: Any, text: str, url: str, *, bold: bool = False, italic: bool = False) -> None:
    """A live link: python-docx has no API for it, so the run is built from its XML."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph.part
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "".join(f"{part:02X}" for part in ACCENT))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    for flag, on in (("w:b", bold), ("w:i", italic)):
        if on:
            props.append(OxmlElement(flag))
    props.append(color)
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _page_number(paragraph: Any) -> None:
    """A PAGE field: Word fills in the number on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_language(style: Any, lang: str) -> None:
    """The style's proofing language, so Word's spelling checker uses the right dictionary."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = style.element.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), lang)
    props.append(element)


#: Word's built-in styles that space their letters out or slant them
_SPACED_OR_SLANTED = ("Title", "Subtitle", "Quote", "IntenseQuote")
#: the elements a run's properties may have after ``w:rtl``, in the schema's order
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _right_to_left(document: Any) -> None:
    """Every paragraph right to left (``w:bidi``: Word puts its start on the right), and every
    run with Arabic, Hebrew... letters marked ``w:rtl``, so Word orders its digits and
    punctuation for a right-to-left reader and draws it with :data:`ARABIC_FONT`. Latin runs
    (names, addresses) stay plain left-to-right runs inside the paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for style_id in _SPACED_OR_SLANTED:  # letter spacing pulls joined letters apart; Arabic has no italic
        style = document.styles.element.get_by_id(style_id)
        properties = style.rPr if style is not None else None
        if properties is None:
            continue
        for tag in ("w:spacing", "w:i", "w:iCs"):
            found = properties.find(qn(tag))
            if found is not None:
                properties.remove(found)
    section = document.sections[0]
    parts = [document.element.body, section.header._element, section.footer._element]
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            properties = paragraph.get_or_add_pPr()
            if properties.find(qn("w:bidi")) is None:
                properties.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
        for run in part.iter(qn("w:r")):
            words = "".join(text.text or "" for text in run.iter(qn("w:t")))
            if not has_right_to_left(words):
                continue
            properties = run.get_or_add_rPr()
            if properties.find(qn("w:rtl")) is None:
                properties.insert_element_before(OxmlElement("w:rtl"), *_AFTER_RTL)
            fonts = properties.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                properties.insert(0, fonts)
            fonts.set(qn("w:cs"), ARABIC_FONT)
            for latin, complex_script in (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs")):
                # Word draws a right-to-left run with the complex-script bold, italic and size
                found = properties.find(qn(latin))
                if found is not None and properties.find(qn(complex_script)) is None:
                    twin = OxmlElement(complex_script)
                    for name, value in found.attrib.items():
                        twin.set(name, value)
                    found.addnext(twin)


#: the elements paragraph properties may have after ``w:bidi``, in the schema's order
_PPR_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
