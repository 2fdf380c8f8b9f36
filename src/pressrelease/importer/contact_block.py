"""Contact blocks as other people lay them out, made into our Contact section.

``arrange`` asks this module four questions about the pieces it lays out:

- a label run into its text, by a wide gap or glued (``Contact Details  Public
  Enquiries 0800 ...``, ``Contact DetailsAcme Public Relations``): where to split;
- a sentence that is a contact ("For further information, please contact Jane Roe
  on 0400 000 000."): it goes to the Contact section, whatever its length;
- a contact at the end of a paragraph, in brackets, as the European Commission
  writes them (``... (For more information: A – Tel.: +32 ...; B – Tel.: ...)``):
  split off into the Contact section;
- a Markdown table in the Contact section (one column per person): read column by
  column, each column a block of its own, so every number stays with its person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from ..parse.contact_names import name_in
from ..parse.contact_values import values_in
from ..parse.language import data_file
from .blocks import Piece, word_count
from .issuer import COMPANY_FORMS

_WIDE = re.compile(r"\s{2,}")
#: An About heading run into its text as a first sentence of its own: ``About Pallas
#: Thermal Inc. Pallas Thermal builds ...``: the heading ends with a company form's
#: full stop, or a full stop of its own (not kept), before a capital.
_ABOUT_SENTENCE = re.compile(
    rf"(?P<head>[^\W\d_](?:[^.!?\n]|\.(?=\S)){{2,80}}?(?:\s{COMPANY_FORMS}\.)?)"
    r"\.?(?<=\.)\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])"
)
_MAX_LABEL_WORDS = 4  #: a label run into its text is short: "Contact Details", "Media enquiries"
_GLUE_REACH = 40  #: characters from the start of a line within which a glued label ends
_MAX_SENTENCE_WORDS = 80
_PHRASE_REACH = 15  #: words from the start of a sentence within which its contact phrase stands  #: a contact sentence is short; a paragraph of prose is not one
_INLINE = re.compile(r"\((?P<label>[^():]{3,60}):(?P<text>[^()]{5,500})\)\s*$")
_CLAUSE_END = re.compile(r"[,:;，：]")
_REACHABLE = re.compile(r"[@\d]")  #: what every email address and phone number holds
_ROW = re.compile(r"^\s*\\?\|.*\\?\|\s*$")
_CELL_SPLIT = re.compile(r"\s*\\?\|\s*")
_RULE_CELL = re.compile(r":?-{3,}:?")
_HEADER_CELL = re.compile(
    r"(?i)name|phone|telephone|tel\.?|e-?mail|mobile|contact|title|role|position|organi[sz]ation|office|region|"
    r"nom|téléphone|courriel|nombre|teléfono|correo|имя|телефон|姓名|电话|邮箱"
)


@cache
def _phrases() -> re.Pattern[str]:
    """ "please contact", "veuillez contacter", "请联系": phrases that make a sentence a contact."""
    phrases = data_file("contacts").get("sentences", {}).get("phrases", [])
    return re.compile("(?i)(?<!\\w)(?:" + "|".join(re.escape(p) for p in phrases) + ")")


Kind = Callable[[str], str | None]  #: a label text -> the section it opens (``arrange.section_kind``)


def label_splits(first_plain: str, first_md: str, kind_of: Kind) -> list[tuple[str, str]]:
    """(label, the Markdown after it) for a contact label run into its text on one line,
    a notes label set off from its text by a wide gap (``Editor's Notes  1. The ...``:
    a PDF's line break, flattened into spaces), or an About heading that is the first
    sentence of its text (``About Pallas Thermal Inc. Pallas Thermal builds ...``)."""
    splits: list[tuple[str, str]] = []
    gap = _WIDE.search(first_plain)
    if gap is not None and 0 < word_count(first_plain[: gap.start()]) <= _MAX_LABEL_WORDS:
        head = first_plain[: gap.start()]
        at = first_md.find(first_plain[gap.end() : gap.end() + 20])
        if kind_of(head) in ("contact", "notes") and at > 0:
            splits.append((head, first_md[at:]))
    if (about := _ABOUT_SENTENCE.match(first_plain)) is not None and word_count(about.group("head")) <= 5:
        head = about.group("head")
        if kind_of(head) == "about" and first_md.startswith(head) and _names_again(head, first_plain[about.end() :]):
            splits.append((head, first_md[len(head) :].lstrip()))
    if first_plain[1:_GLUE_REACH].islower():
        return splits  # no capital after the first character: no label glued to a capital
    for index, (before, after) in enumerate(pairwise(first_plain[:_GLUE_REACH]), start=1):
        if before.islower() and after.isupper():
            head = first_plain[:index]
            if kind_of(head) == "contact" and first_md.startswith(head):
                splits.append((head, first_md[index:]))
                break
    return splits


def _names_again(head: str, text: str) -> bool:
    """The text after an About heading names what the heading names (``About Pallas
    Thermal Inc. Founded in 1990, Pallas Thermal ...``): "About Face. The policy ..." is prose."""
    opening = text[:160]
    return any(word in opening for word in head.split()[1:] if len(word) >= 3 and word[:1].isupper())


def is_contact_sentence(plain: str, kind_of: Kind) -> bool:
    """ "For further information, please contact Jane Roe on 0400 000 000.": a contact, not prose.

    It opens with a contact label (up to its first comma or colon) or has a contact
    phrase in its first words, and names someone with an address or a number to call.
    """
    text = plain.strip()
    if not text or "\n" in text or word_count(text) > _MAX_SENTENCE_WORDS:
        return False
    if not _REACHABLE.search(text):
        return False  # no "@" and no digit: no address or number, so no one named with one
    head = _CLAUSE_END.split(text, maxsplit=1)[0]
    if kind_of(head) != "contact" and not _phrases().search(" ".join(text.split()[:_PHRASE_REACH])):
        return False
    return _names_someone(text)


def _names_someone(text: str) -> bool:
    """An address or number to call, and the name of a person or desk before it.

    "For more information, visit our site or call 0800 000 000" names nobody: it is
    the organisation's own line, not a media contact.
    """
    values = [v for v in values_in(text) if v.kind in ("email", "phone", "mobile")]
    return bool(values) and name_in(text[: values[-1].start]) is not None


def inline_contact(piece: Piece, kind_of: Kind) -> tuple[Piece, Piece] | None:
    """A paragraph ending in ``(For more information: ...)``: (the paragraph without it, the contact)."""
    if piece.kind != "paragraph":
        return None
    md, plain = _INLINE.search(piece.text), _INLINE.search(piece.plain)
    if md is None or plain is None or kind_of(plain.group("label").strip()) != "contact":
        return None
    if not _names_someone(plain.group("text")):
        return None
    before = piece.text[: md.start()].rstrip()
    if not before:
        return None
    rest = Piece("paragraph", before, piece.plain[: plain.start()].rstrip(), gap_before=piece.gap_before)
    contact = Piece(
        "paragraph",
        f"{md.group('label').strip()}: {md.group('text').strip()}",
        f"{plain.group('label').strip()}: {plain.group('text').strip()}",
        gap_before=True,
    )
    return rest, contact


def is_table_row(piece: Piece) -> bool:
    return piece.kind == "paragraph" and "\n" not in piece.text and bool(_ROW.match(piece.text))


def merge_table_rows(pieces: list[Piece]) -> list[Piece]:
    """Consecutive table rows (``| a | b |``, one piece each) as one piece, a row per line.

    Each piece is tested once and a table's rows are joined once: tested against the
    whole table so far and appended to it row by row, a paste of thousands of rows
    was quadratic.
    """
    merged: list[Piece] = []
    rows: list[Piece] = []  #: the rows that follow ``merged[-1]``, a table, not yet joined to it
    last_is_table = False

    def join_rows() -> None:
        if rows:
            head = merged[-1]
            merged[-1] = Piece(
                "paragraph",
                "\n".join([head.text, *(row.text for row in rows)]),
                "\n".join([head.plain, *(row.plain for row in rows)]),
                gap_before=head.gap_before,
            )
            rows.clear()

    for piece in pieces:
        if last_is_table and is_table_row(piece) and not piece.gap_before:
            rows.append(piece)  # a table with one more row is still a table
            continue
        join_rows()
        merged.append(piece)
        last_is_table = _is_table(piece)
    join_rows()
    return merged


def _is_table(piece: Piece) -> bool:
    text = piece.text  # every row has a "|": most paragraphs are no table at a glance
    return piece.kind == "paragraph" and "|" in text and all(_ROW.match(line) for line in text.split("\n"))


def _cells(piece: Piece) -> list[list[str]] | None:
    """A table's rows of cells (rule rows left out), or None if ``piece`` is no table."""
    if not _is_table(piece):
        return None
    rows = []
    for line in piece.text.split("\n"):
        cells = _CELL_SPLIT.split(line.strip())[1:-1]
        if cells and not all(_RULE_CELL.fullmatch(c) or not c for c in cells):
            rows.append(cells)
    return rows


def table_rows(piece: Piece) -> list[str] | None:
    """A table outside the Contact section: each row's cells, one paragraph per row."""
    rows = _cells(piece)
    if rows is None:
        return None
    return [text for text in (" ".join(c for c in row if c) for row in rows) if text]


def table_columns(piece: Piece) -> list[str] | None:
    """A contact table's people, each their non-empty cells one per line; None if no table.

    A table is read a column per person (names across the first row, as wire
    releases set two contacts side by side) unless its first row already holds an
    address or a number, or is a header (``Name | Phone | Email``): then a row per person.
    """
    rows = _cells(piece)
    if rows is None:
        return None
    first = rows[0] if rows else []
    if first and all(_HEADER_CELL.fullmatch(c.strip("*_ ")) for c in first if c):
        rows = rows[1:]
        by_row = True
    else:
        by_row = any(values_in(c) for c in first)
    if by_row:
        people = ["\n".join(c for c in row if c) for row in rows]
    else:
        width = max((len(r) for r in rows), default=0)
        people = ["\n".join(r[i] for r in rows if i < len(r) and r[i]) for i in range(width)]
    return [p for p in people if p]
