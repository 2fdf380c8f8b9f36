"""Pieces -> the body of a release in our Markdown: subheads, lists, end mark, sections.

Section labels are recognised with the heading patterns of the language data
(``lang.language(code).sections``), so "Editor’s Notes:", "Notes to editors",
"Background", "À propos de ...", "Контакты для СМИ" all map onto our notes, about
and contact sections. A contact label that is a sentence ("For further information
please contact:") stays as the section's first line under the language's Contact
label. Inside the Contact section each agency's block becomes its own paragraph
and every email address an autolink.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from msgspec.structs import replace

from ..parse.contact_details import EMAIL, PHONE
from ..parse.language import Language
from .blocks import Piece, dateline_of, ends_sentence, escape, word_count
from .contact_block import (
    Kind,
    inline_contact,
    is_contact_sentence,
    label_splits,
    merge_table_rows,
    table_columns,
    table_rows,
)
from .words import label_of

_MAX_LABEL_WORDS = 8
_MAX_SUBHEAD_WORDS = 12
_REGION_LABEL = re.compile(r"^\s*(?:\*\*)?(?:In|For|Dans|Pour|En|Para|В|Во|Для)\s+\S", re.IGNORECASE)
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")  #: bold in a contact block is styling only
#: The bracket alternative stops at the next ``[``: tried from every ``[`` of a text with
#: no ``]``, a run over ``[`` too would read to the end each time (quadratic).
_AUTOLINKED = re.compile(r"<[^<>\s]+@[^<>\s]+>|\]\(mailto:[^)]*\)|\[[^\[\]@]*@[^\[\]]*\]")


@dataclass(slots=True)
class Arranged:
    """The body as Markdown blocks, with what was recognised on the way."""

    blocks: list[str] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)  #: (kind, heading) in order
    end_marks: list[str] = field(default_factory=list)
    subheads: int = 0
    #: index of the first block that opens a section or is an end mark: what follows is
    #: not the running text (``None`` when there is no such block)
    tail: int | None = None
    lede: int | None = None  #: index of the block made from the first paragraph

    def open_tail(self) -> None:
        """Note that the block about to be added opens a section or is an end mark."""
        if self.tail is None:
            self.tail = len(self.blocks)


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  #: notes, about or contact
    heading: str  #: as it will be written after ``## ``
    rest: str | None  #: inline Markdown that followed the label in the same block
    keep: str | None = None  #: the label line itself, kept as the section's first line


def section_kind(label: str, lang: Language) -> str | None:
    """The section a heading text opens, by the language's patterns (as ``parse`` reads them)."""
    text = label.strip().strip("*_ ").replace("’", "'").replace("‘", "'").rstrip(":").strip()
    return lang.section_kind(text)


def find_label(piece: Piece, lang: Language, text_source: bool, kind_of: Kind) -> Label | None:
    """The section label a heading or paragraph is (or starts with), if any.

    ``kind_of`` is :func:`section_kind` in ``lang``, remembering its answers (see :func:`arrange`).
    """
    if piece.kind not in ("heading", "paragraph"):
        return None
    first_plain, _, _ = piece.plain.partition("\n")
    first_md, _, rest_md = piece.text.partition("\n")
    options: list[tuple[str, str | None]] = [(first_plain, rest_md or None)]
    if ":" in first_plain and piece.kind == "paragraph":
        head, _, tail = first_plain.partition(":")
        md_tail = first_md.partition(":")[2].strip().lstrip("*_").strip()
        if tail.strip() and md_tail:
            options.append((head, "\n".join(x for x in (md_tail, rest_md) if x)))
    if piece.kind == "paragraph":
        for head, tail in label_splits(first_plain, first_md, kind_of):
            options.append((head, "\n".join(x for x in (tail.strip(), rest_md) if x)))
    for candidate, rest in options:
        if word_count(candidate) > _MAX_LABEL_WORDS or not candidate.strip():
            continue
        kind = kind_of(candidate)
        if kind is None or not _plausible(kind, candidate, piece, text_source, rest is not None):
            continue
        heading = candidate.strip().strip("*_ ").rstrip(":").strip()
        if kind == "contact" and word_count(heading) > 4:
            return Label(kind, lang.labels.get("contact", "Contact"), rest, keep=escape(candidate.strip()))
        return Label(kind, heading, rest)
    return None


def _plausible(kind: str, candidate: str, piece: Piece, text_source: bool, split: bool) -> bool:
    """Guard against prose that happens to match ("About 300 people came.", "Notes")."""
    stripped = candidate.strip()
    marked = piece.kind == "heading" or piece.bold or stripped.endswith(":") or split
    if stripped.rstrip(":").endswith((".", "!", "?", ",", ";")) and not re.search(r"\b[A-Z][a-z]{0,3}\.$", stripped):
        return False
    if kind == "about":
        # "About 300 people came" is prose; "About IOM", "À propos de l’AIPF", "О МОМ" are labels.
        words = stripped.rstrip(":").split()
        if any(word[:1].isdigit() for word in words) or not any(
            ch.isupper() for word in words[1:] or words for ch in word
        ):
            return False
        return marked or text_source or len(words) <= 6
    if kind == "notes" and label_of(stripped) in ("notes", "notas", "примечания"):
        return marked
    return marked or text_source or word_count(stripped) <= 5


def arrange(pieces: list[Piece], lang: Language, text_source: bool) -> Arranged:
    """Lay the pieces out as Markdown blocks in our order and headings."""
    out = Arranged()
    current: str | None = None
    contact: list[str] = []
    intro = False  # the last body paragraph ended "... said:": whole quotations after it are block quotes

    def flush() -> None:
        if contact:
            out.blocks.append("\n".join(contact))
            contact.clear()

    pieces = merge_table_rows(pieces)
    deferred: list[Piece] = []  # contacts written in the body: they go to the Contact section

    kinds: dict[str, str | None] = {}

    def kind_of(text: str) -> str | None:
        """:func:`section_kind`, once a text: a piece's text is asked as a label, as a contact
        sentence's opening and as a subhead, and a pasted page has hundreds of thousands."""
        if text not in kinds:
            kinds[text] = section_kind(text, lang)
        return kinds[text]

    for index, piece in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if piece.kind == "end":
            intro = False
            flush()
            out.open_tail()
            out.blocks.append(piece.text)
            out.end_marks.append(piece.text)
            continue
        label = find_label(piece, lang, text_source, kind_of)
        if label is None and current in (None, "notes", "about") and piece.kind == "paragraph":
            # a contact sentence after the notes ("For more information, please contact ...")
            # is the contact block all the same
            if is_contact_sentence(piece.plain, kind_of):
                deferred.append(piece)
                continue
            split = inline_contact(piece, kind_of)
            if split is not None:
                piece, found = split
                deferred.append(found)
        if label is not None and label.keep and label.kind == current == "contact":
            label = None  # "For further information please contact:" inside the Contact section: its text
        elif label is not None and label.kind == current == "contact":
            # "Media Contact:" after "Investor Contact:": one Contact section, each label a line in it
            lines = [f"{label.heading.rstrip(':：')}:", *(line for line in (label.keep, label.rest) if line)]
            flush()
            _section_text(out, current, Piece("paragraph", "\n".join(lines), "\n".join(lines)), contact, flush)
            continue
        if label is not None:
            flush()
            out.open_tail()
            out.blocks.append(f"## {escape(label.heading)}")
            out.sections.append((label.kind, label.heading))
            current = label.kind
            lines = [line for line in (label.keep, label.rest) if line]
            if lines:
                _section_text(out, current, Piece("paragraph", "\n".join(lines), "\n".join(lines)), contact, flush)
            continue
        if current is not None:
            if piece.kind == "heading" and piece.level <= 2:
                flush()
                current = None  # a level-2 subhead ends a section, as the parser reads it
            else:
                _section_text(out, current, piece, contact, flush)
                continue
        if out.lede is None and piece.kind == "paragraph":
            out.lede = len(out.blocks)
            piece = _plain_dateline(piece)
        rows = table_rows(piece)
        if rows is not None:
            out.blocks.extend(rows)  # a table in the body: a paragraph per row, as before
            continue
        if intro and piece.kind == "paragraph" and _whole_quote(piece.plain):
            out.blocks.append(_quote_block(piece.text))
            continue
        out.blocks.append(_body_block(piece, following, text_source, out, kind_of))
        intro = piece.kind == "paragraph" and _introduces(piece.plain, lang)
    if deferred and current != "contact":
        flush()
        heading = lang.labels.get("contact", "Contact")
        out.open_tail()
        out.blocks.append(f"## {escape(heading)}")
        out.sections.append(("contact", heading))
    for piece in deferred:
        _section_text(out, "contact", piece, contact, flush)
    flush()
    return out


def _plain_dateline(piece: Piece) -> Piece:
    """``**Geneva, 12 November 2025** – ...``: a bold dateline is styling, and hides it from the parser."""
    match = re.match(r"^(\*\*|__|\\\*\\\*)(.+?)\1", piece.text)
    if match is None or dateline_of(piece.plain) is None:
        return piece
    return replace(piece, text=match.group(2) + piece.text[match.end() :])


def _introduces(text: str, lang: Language) -> bool:
    """``The Floods Minister, Sarah Whitfield, said:``: a speech verb, then a colon ending the paragraph."""
    stripped = text.strip()
    if not stripped.endswith(":") or "\n" in stripped:
        return False
    lowered = stripped.casefold()
    return any(re.search(rf"(?<!\w){re.escape(verb.casefold())}(?!\w)", lowered) for verb in lang.speech_verbs)


def _whole_quote(text: str) -> bool:
    """A paragraph that is one quotation from its first character to its last."""
    stripped = text.strip()
    return len(stripped) > 2 and stripped[0] in '“«„"' and stripped[-1] in '”»“"'


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _body_block(piece: Piece, following: Piece | None, text_source: bool, out: Arranged, kind_of: Kind) -> str:
    if piece.kind == "heading":
        out.subheads += 1
        return f"{'#' * max(2, min(piece.level, 4))} {piece.text}"
    if piece.kind == "list":
        return _list(piece)
    if piece.kind == "quote":
        return _quote_block(piece.text)
    if _subhead(piece, following, text_source, kind_of):
        out.subheads += 1
        return f"## {piece.text.strip().strip('*').strip()}" if piece.bold else f"## {piece.text}"
    return piece.text


def _subhead(piece: Piece, following: Piece | None, text_source: bool, kind_of: Kind) -> bool:
    """A short line standing alone between paragraphs: a subhead lost in copying (or a bold one)."""
    text = piece.plain.strip()
    if "\n" in text or not text or following is None or following.kind not in ("paragraph", "list"):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False  # the cheapest test first: a line in lower case is prose cut short, not a subhead
    if not (piece.bold or text_source):
        return False
    if word_count(text) > _MAX_SUBHEAD_WORDS or ends_sentence(text) or text.endswith((":", ",", ";")):
        return False
    if ":" in text or EMAIL.search(text) or "http" in text or text[0] in "“\"«„'‘":
        return False
    return kind_of(text) is None  # "About 300 people came": as a heading the parser would open a section


def _list(piece: Piece) -> str:
    if piece.ordered:
        return "\n".join(f"{n}. {item}" for n, item in enumerate(piece.items, start=1))
    return "\n".join(f"- {item}" for item in piece.items)


def _section_text(out: Arranged, kind: str, piece: Piece, contact: list[str], flush: Callable[[], None]) -> None:
    """A piece inside a section; Contact text is regrouped per person or agency."""
    if kind != "contact":
        rows = table_rows(piece)
        if rows is not None:
            out.blocks.extend(rows)
        elif piece.kind == "heading":
            out.blocks.append(f"### {piece.text}")
        elif piece.kind == "list":
            out.blocks.append(_list(piece))
        else:
            out.blocks.append(piece.text)
        return
    if piece.kind == "list":
        flush()
        out.blocks.append(autolink_emails(_list(piece)))
        return
    columns = table_columns(piece)
    if columns is not None:
        for column in columns:  # one column per person: each its own block
            flush()
            contact.extend(autolink_emails(_STRONG.sub(r"\2", line)) for line in column.split("\n"))
        flush()
        return
    if piece.gap_before or piece.kind == "heading":
        flush()
    for line in piece.text.split("\n"):
        if not line.strip():
            flush()
            continue
        if _agency_label(line):
            flush()
            if not _REGION_LABEL.match(line):
                # "Media contact for the Lake Authority:" read as a name would be
                # taken for a person; as a subheading it groups the lines under it.
                out.blocks.append(f"### {line.strip().strip('*').rstrip(':').strip()}")
                continue
        elif piece.kind == "heading":
            out.blocks.append(f"### {line}")
            continue
        contact.append(autolink_emails(_STRONG.sub(r"\2", line)))


def _agency_label(line: str) -> bool:
    plain = line.strip().strip("*_ ")
    return (
        plain.endswith(":")
        and word_count(plain) <= 10
        and not EMAIL.search(plain)
        and not any(len(re.sub(r"\D", "", m.group(0))) >= 7 for m in PHONE.finditer(plain))
    )


def autolink_emails(markdown: str) -> str:
    """Every bare email address in ``markdown`` as an ``<address>`` autolink."""
    taken = [m.span() for m in _AUTOLINKED.finditer(markdown)]

    def link(match: re.Match[str]) -> str:
        if any(a <= match.start() < b for a, b in taken):
            return match.group(0)
        address = match.group(0).replace("\\", "")
        return f"<{address}>"

    return EMAIL.sub(link, markdown)
