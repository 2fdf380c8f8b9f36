"""The contact block: what every format prints under the Contact heading.

A journalist who calls the number on the PDF must reach the person the text names,
so the block is built once, here, and every renderer (page, PDF, email, plain text,
Word) prints the same lines. The Contact section is kept as written: the lead-in
("For further information please contact:"), the labels ("Out of hours:",
"Investors:", "Courriel :" with its French space) and the line breaks. Addresses and
phone numbers become links; a contact's name is marked so it can be set in bold
(its title stays regular). Contacts given only in the front matter follow, in the
order a journalist reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token
from markupsafe import Markup, escape

from ..model import Contact, Release
from ..parse.contact_details import EMAIL, PHONE
from ..parse.language import language
from .house_style import contact_lines, safe_url

_MIN_PHONE_DIGITS = 7
_MIN_NAME = 3


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in a contact line: plain, a link, or a name."""

    text: str
    href: str | None = None  #: ``mailto:``, ``tel:`` or ``http(s):`` URL
    strong: bool = False  #: a contact's name (or a heading inside the section)


@dataclass(frozen=True, slots=True)
class ContactLine:
    """One line of the block, as its segments."""

    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        """The words as a journalist reads them; a link whose words hide its target shows it."""
        return "".join(_plain(segment) for segment in self.segments)

    @property
    def html(self) -> Markup:
        """The line as safe HTML: links live, names in ``<strong>``."""
        parts: list[str] = []
        for segment in self.segments:
            piece = str(escape(segment.text))
            if segment.href and segment.href.startswith("mailto:"):
                # a long address breaks after its @ or before a dot on a phone, never mid-word
                piece = piece.replace("@", "@<wbr>").replace(".", "<wbr>.")
            if segment.strong:
                piece = f'<strong class="contact-name">{piece}</strong>'
            if segment.href:
                # an address, a number or a URL reads left to right, in Arabic text too
                # (unisolated, "+41 22 555 0199" prints as "0199 555 22 41+" right to left)
                piece = f'<a href="{escape(segment.href)}" dir="ltr">{piece}</a>'
            parts.append(piece)
        return Markup("".join(parts))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the block: a contact (``card``) or words around them (a lead-in)."""

    lines: tuple[ContactLine, ...]

    @property
    def card(self) -> bool:
        """True when it gives a name, an address or a number, not only words."""
        return any(s.href or s.strong for line in self.lines for s in line.segments)

    def __iter__(self) -> Iterator[ContactLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def _plain(segment: Segment) -> str:
    href = segment.href
    if not href:
        return segment.text
    scheme, _, rest = href.partition(":")
    target = rest if scheme in ("mailto", "tel") else href
    if scheme == "tel":
        digits = re.sub(r"\D", "", segment.text)
        return segment.text if digits and digits in re.sub(r"\D", "", target) else f"{segment.text} ({target})"
    bare = re.sub(r"^[a-z]+://(www\.)?", "", target.lower()).rstrip("/")
    return segment.text if bare in segment.text.lower() else f"{segment.text} ({target})"


def tel_url(number: str) -> str:
    """``tel:+441234567890`` for ``+44 (0)1234 567 890``-style numbers: digits and the plus."""
    number = re.sub(r"\(0\)", "", number)
    return "tel:" + re.sub(r"[^\d+]", "", number)


def _linked(text: str) -> Iterator[Segment]:
    """Plain text with its email addresses and phone numbers made links."""
    found = sorted(
        [(m.start(), m.end(), "mailto:" + m.group()) for m in EMAIL.finditer(text)]
        + [
            (m.start(), m.end(), tel_url(m.group()))
            for m in PHONE.finditer(text)
            if len(re.sub(r"\D", "", m.group())) >= _MIN_PHONE_DIGITS
        ]
    )
    position = 0
    for start, end, href in found:
        if start < position:
            continue
        if start > position:
            yield Segment(text[position:start])
        yield Segment(text[start:end], href)
        position = end
    if position < len(text):
        yield Segment(text[position:])


def _inline_lines(children: Iterable[Token], strong_all: bool = False) -> list[list[Segment]]:
    """An inline token's children as lines of segments (soft and hard breaks end a line)."""
    lines: list[list[Segment]] = [[]]
    href: str | None = None
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append([])
        elif kind == "link_open":
            href = safe_url(str(child.attrs.get("href") or ""))
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline"):
            if href is not None:
                lines[-1].append(Segment(child.content, href, strong_all))
            else:
                lines[-1].extend(Segment(s.text, s.href, strong_all) for s in _linked(child.content) if s.text)
        elif kind == "image":
            alt = str(child.content or child.attrs.get("alt") or "").strip()
            if alt:
                lines[-1].append(Segment(alt))
    return lines


def _block_lines(tokens: Iterable[Token]) -> list[list[Segment]]:
    lines: list[list[Segment]] = []
    heading = False
    item_marker: str | None = None
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "list_item_open":
            item_marker = "- " if token.markup in ("-", "*", "+") else f"{token.info or ''}{token.markup} "
        elif token.type == "inline" and token.children is not None:
            found = _inline_lines(token.children, strong_all=heading)
            if item_marker and found:
                found[0].insert(0, Segment(item_marker))
                item_marker = None
            lines.extend(found)
    return [line for line in lines if "".join(s.text for s in line).strip()]


def _trimmed(line: list[Segment]) -> list[Segment]:
    """Leading and trailing spaces off the line's first and last segments."""
    if not line:
        return line
    line = list(line)
    line[0] = Segment(line[0].text.lstrip(), line[0].href, line[0].strong)
    line[-1] = Segment(line[-1].text.rstrip(), line[-1].href, line[-1].strong)
    return [s for s in line if s.text]


def _with_names(line: list[Segment], names: list[str]) -> tuple[Segment, ...]:
    """The line with every contact name in its plain text marked strong."""
    if not names:
        return tuple(line)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    out: list[Segment] = []
    for segment in line:
        if segment.strong or (segment.href and segment.href.startswith("mailto:")):
            out.append(segment)
            continue
        position = 0
        for match in pattern.finditer(segment.text):
            if match.start() > position:
                out.append(Segment(segment.text[position : match.start()], segment.href))
            out.append(Segment(match.group(), segment.href, True))
            position = match.end()
        if position < len(segment.text):
            out.append(Segment(segment.text[position:], segment.href))
    return tuple(out)


def _mentioned(contact: Contact, text: str) -> bool:
    """Whether the Contact section's own text already gives this contact."""
    folded = text.casefold()
    return any(value and value.casefold() in folded for value in (contact.email, contact.name))


def _front_matter_paragraph(contact: Contact, lang: str) -> Paragraph:
    labels = language(lang).labels
    lines: list[ContactLine] = []
    for text in contact_lines(contact, lang):
        segments: list[Segment] = []
        for key, value, href in (
            ("email", contact.email, f"mailto:{contact.email}"),
            ("phone", contact.phone, tel_url(contact.phone or "")),
            ("mobile", contact.mobile, tel_url(contact.mobile or "")),
        ):
            if value and text == f"{labels[key]}: {value}":
                segments = [Segment(f"{labels[key]}: "), Segment(value, href)]
                break
        if not segments:
            names = [contact.name] if contact.name else []
            segments = list(_with_names([Segment(text)], names))
        lines.append(ContactLine(tuple(segments)))
    return Paragraph(tuple(lines))


def contact_block(release: Release) -> tuple[Paragraph, ...]:
    """The contact block as paragraphs of lines: the Contact section as written, then
    any front-matter contact the section does not already give."""
    names = [c.name for c in release.contacts if c.name and len(c.name) >= _MIN_NAME]
    paragraphs: list[Paragraph] = []
    written: list[str] = []
    for section in release.sections:
        if section.kind != "contact":
            continue
        for index in section.blocks:
            lines = _block_lines(release.blocks[index].tokens)
            if index == section.heading_block:  # "Media Contact:" and its lines in one paragraph
                lines = lines[1:]
            found = (ContactLine(_with_names(_trimmed(line), names)) for line in lines)
            paragraph = Paragraph(tuple(line for line in found if line.segments))
            if paragraph.lines:
                paragraphs.append(paragraph)
                written.extend(line.text for line in paragraph)
    text = "\n".join(written)
    for contact in release.contacts:
        if contact.source == "front-matter" and not _mentioned(contact, text):
            paragraphs.append(_front_matter_paragraph(contact, release.language))
    return tuple(paragraphs)


def contact_heading(release: Release) -> str:
    """The Contact section's own heading, else the language's label."""
    section = release.section("contact")
    return section.heading if section is not None else language(release.language).labels["contact"]
