"""The importer's common ground: text blocks, the document they make, and small tests on lines.

Each reader (plain text, HTML, Word) turns its input into a :class:`Document`:
a list of :class:`Piece` values whose text is already inline Markdown (links,
bold and emphasis written out, everything else escaped), plus what it found
around the article. ``core`` then maps the pieces onto the release format. Page
furniture (menus, footers, kickers) is recognised in :mod:`.furniture`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

import msgspec

from ..errors import PressReleaseError
from ..model import Block, Dateline, DateMention, Span
from ..parse import END_MARKS
from ..parse.dates import find_dates, numeric_dates
from ..parse.language import available, language
from ..parse.lede import find_dateline
from .header import Header
from .words import label_of, word_set

PieceKind = Literal["paragraph", "heading", "list", "quote", "end"]


class ImportFailed(PressReleaseError):
    """The input cannot be imported at all (empty, binary, corrupt, no text)."""


class Piece(msgspec.Struct, frozen=True):
    """One block of the article, its text already inline Markdown.

    A frozen ``msgspec.Struct``, as the model's values are: a pasted page of short
    lines makes hundreds of thousands, and a frozen dataclass is built five times
    slower (each field set through ``object.__setattr__``).
    """

    kind: PieceKind
    text: str = ""  #: inline Markdown; lines of a paragraph are joined with newlines
    plain: str = ""  #: the same text without markup, for recognising labels and dates
    level: int = 0  #: heading level (1 is the headline)
    items: tuple[str, ...] = ()  #: list items, inline Markdown
    ordered: bool = False
    gap_before: bool = False  #: a blank line (or an empty paragraph) stood before it
    bold: bool = False  #: the whole block was bold: a label or a subhead, not prose


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """An organisation's "who we are" text found around the article."""

    label: str  #: the heading it stood under (``Who We Are``)
    text: str


@dataclass(slots=True)
class Document:
    """What a reader found: the article's pieces and what surrounded them."""

    kind: str  #: ``text``, ``html`` or ``docx``
    pieces: list[Piece]  #: the article from the lede on (head lines already taken out)
    title: str | None = None
    subtitle: str | None = None
    head: list[str] = field(default_factory=list)  #: lines between headline and lede (dates, kickers)
    boilerplate: Boilerplate | None = None
    dropped: list[str] = field(default_factory=list)  #: navigation and footer lines left out
    dates: list[str] = field(default_factory=list)  #: machine dates the page declares (``<time datetime>``)
    notes: list[str] = field(default_factory=list)  #: anything else worth telling the user
    header: Header | None = None  #: the source's own front matter (a static site's page)


# -- small tests on a line -----------------------------------------------------------------

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_BULLET = re.compile(r"^(?:[-*•·▪◦‣]|–(?=\s))\s+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…][”’»\"')]*$")
_DATELINE_ONLY = re.compile(r"\S\s*(?:--|—|–|-)$")


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=256)
def word_count(text: str) -> int:
    """Words in ``text``; Chinese and Japanese, written without spaces, count two characters a word.

    Cached: the importer's tests ask it of the same lines and paragraphs again and
    again, and a pasted paragraph may be a megabyte long.
    """
    count = len(_WORD.findall(text))
    if text.isascii():
        return count
    return count + len(_CJK_CHAR.findall(text)) // 2


def bullet(text: str) -> str | None:
    """The item text when ``text`` is a bullet line (``- Item``, ``• Item``), else None."""
    match = _BULLET.match(text)
    return text[match.end() :] if match else None


def numbered(text: str) -> str | None:
    match = _NUMBERED.match(text)
    return text[match.end() :] if match else None


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


_ALNUM = re.compile(r"[^\W_]")  #: a letter or a digit, as ``str.isalnum`` reads one


def is_punctuation(text: str) -> bool:
    return _ALNUM.search(text) is None


@cache
def _own_end_marks() -> dict[str, str]:
    """Each data file's own end marks (Arabic ``-انتهى-``, Chinese ``（完）``), as the parser reads
    them, by their text without spaces: ``- انتهى -`` is ``-انتهى-`` spaced out."""
    marks: dict[str, str] = {}
    for code in available():
        for mark in language(code).end_marks:
            marks.setdefault("".join(mark.split()), mark)
    return marks


_END_MARK_MAX = 40  #: characters: an end mark is a few, even spaced out (``- E N D S -``)


def end_mark(text: str) -> str | None:
    """The end mark a line is (``###``, ``-30-``, ``ENDS``, ``-انتهى-``, ``（完）``), normalised only in spacing."""
    stripped = text.strip()
    if stripped in END_MARKS:
        return stripped
    if len(stripped) > _END_MARK_MAX:
        return None
    squeezed = "".join(stripped.split())  # no spaces (a split, not a pattern: asked of every line)
    own = _own_end_marks()
    if squeezed in own:
        return stripped if stripped in own.values() else own[squeezed]
    if squeezed in ("###", "#-#-#", "*****"):
        return "###"  # "* *** *" closes the UN's releases (press.un.org): written as the format's mark
    if squeezed.upper() in ("-30-", "-ENDS-", "ENDS", "—ENDS—", "–ENDS–", "FIN", "-FIN-", "—FIN—", "–FIN–"):
        # "Ends" alone on a line ends many British releases, "Fin" French and Spanish
        # ones: written as the format's mark
        upper = stripped.upper()
        return upper if upper in END_MARKS else squeezed.upper()
    return None


def dateline_only(text: str) -> bool:
    """``NEW YORK, March 15, 2024 /PRNewswire/ --`` alone on a line, the text on the next."""
    if not text.endswith(("-", "—", "–")):
        return False  # what the pattern asks first, without a search from every character
    return bool(_DATELINE_ONLY.search(text)) and word_count(text) <= 12 and dateline_of(text + " x") is not None


def _line_block(text: str) -> Block:
    return Block(kind="paragraph", text=text, span=Span.point(1), tokens=(), source=text)


def dateline_of(text: str) -> Dateline | None:
    """The dateline opening ``text`` (the parser's own reading), or None."""
    return find_dateline(_line_block(text))


def block_for(text: str) -> Block:
    """A stand-in model block for the parser's helpers that read one paragraph."""
    return _line_block(text)


def dates_in(text: str) -> list[DateMention]:
    return list(find_dates(text))


def date_line(text: str) -> DateMention | None:
    """The date when a line is only a date, perhaps labelled or with a place
    (``Published 26 March 2026``, ``Paris, le 26 mars 2026``, ``Friday, July 19, 2024``)."""
    found = [d for d in dates_in(text) if d.year is not None]
    if len(found) != 1 or word_count(text) > 12:
        return None
    mention = found[0]
    rest = text.replace(mention.text, " ").strip(" ,.:-–—|()/")
    rest_label = label_of(rest)
    if not rest_label:
        return mention
    labels = word_set("date_labels")
    if any(rest_label == lab or rest_label.startswith(lab + " ") for lab in labels):
        return mention
    # A place before the date ("GENEVA, 3 March 2014"): a few capitalised words.
    rest_words = rest.replace(",", " ").split()
    if len(rest_words) <= 4 and all(w[:1].isupper() or w.lower() in ("le", "el", "de") for w in rest_words):
        return mention
    return None


_CAPTION = re.compile(
    r"(?:©|\(c\)|\b(?:Photo|Foto|Photo credit|Credit|Crédit photo|Фото|Image)\s?:)\s*[^.!?\n]{1,80}\.?\s*$"
)
_CAPTION_MAX_WORDS = 70


def is_caption(text: str) -> bool:
    """A photo caption: a short paragraph that ends with its credit (``... © Agency/Name``, ``Foto: Name``)."""
    stripped = text.strip()
    return word_count(stripped) <= _CAPTION_MAX_WORDS and _CAPTION.search(stripped[-140:]) is not None


_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s?(?:[ap]\.?m\.?|ET|EST|EDT|CET|CEST|GMT|UTC))?", re.IGNORECASE)
_META_SEPARATOR = re.compile(r"\s[|·•]\s|\s[-–—]\s|^\S{2,5},\s")
_META_MAX_WORDS = 30
_META_LABEL_WORDS = 3  #: words besides the date and time in a bare date line ("Daily News 30 / 04 / 2019")


def metadata_date(text: str, day_first: bool | None = None) -> DateMention | None:
    """The date in a content system's metadata line: ``Wed, 09/30/2020 - 12:30``,
    ``Agency - News - Mar, 02/19/2019 - 10:34``, ``Author: Press office | 03.09.2014 | 15:44``,
    ``24.02.2016``, ``2017-apr-20``. Numeric dates are read by :func:`numeric_date`; a date
    whose day and month order cannot be told is not taken (None)."""
    stripped = text.strip()
    if word_count(stripped) > _META_MAX_WORDS or (ends_sentence(stripped) and not _TIME.search(stripped)):
        return None
    found = [d for d in numeric_dates(stripped, day_first) if d.year is not None]
    if len(found) != 1:
        return None
    mention = found[0]
    rest = stripped.replace(mention.text, " ")
    rest = _TIME.sub(" ", rest)
    if word_count(rest) <= _META_LABEL_WORDS or _META_SEPARATOR.search(stripped) or _TIME.search(stripped):
        return mention  # "24.02.2016", "Daily News 30 / 04 / 2019", "Wed, 09/30/2020 - 12:30"
    return None


def issue_line(text: str) -> DateMention | None:
    """``The press release issued by the Agency on 7 May 2025.``: a line that says when it was published."""
    if word_count(text) > _META_MAX_WORDS:
        return None
    found = [d for d in dates_in(text) if d.year is not None]
    words_in = {w.casefold() for w in _WORD.findall(text)}
    return found[0] if len(found) == 1 and words_in & word_set("issued_words") else None


def place_of_date_line(text: str) -> str | None:
    """``Brussels, 15 November 2015`` on its own line -> ``Brussels``: the dateline set apart (EU pages)."""
    mention = date_line(text)
    if mention is None:
        return None
    place = text[: text.find(mention.text)].strip(" ,.:-–—|(")
    place = re.sub(r"(?:,\s*|\s+)(?:le|el|the|den|am)$", "", place, flags=re.IGNORECASE).strip(" ,")
    if (
        not place
        or label_of(place) in word_set("date_labels")
        or text[text.find(mention.text) + len(mention.text) :].strip(" .,")
    ):
        return None
    dateline = dateline_of(f"{place}, {mention.text} – x")
    return "/".join(p.name for p in dateline.places) if dateline is not None else None


#: a list and its last name (``..., X`` or ``... and X``)
_LAST_OF_LIST = re.compile(r"^(.+)(?:,\s*|\s+and\s+)(.+)$")
#: a person, not a body: ``Jane Cole MP``, ``The Rt Hon Jane Cole``, ``Lord Smith of Leigh``
_PERSON = re.compile(
    r"^(?:the\s+)?(?:rt\.?\s+hon\.?|lord|baroness|sir|dame)\s|\s(?:mp|msp|ms|mla|am|mep)$", re.IGNORECASE
)


def from_line(text: str) -> str | None:
    """``From: Department for Flood Resilience`` -> the body named, else None.

    GOV.UK lists the ministers beside the department (``From: Department for
    Transport and Jane Cole MP``): the people at the end of the list are left out, the
    body is what is named before them. A pasted email's ``From:`` header names a
    mailbox, not a body.
    """
    match = re.match(r"^\s*([^:：]{2,20})\s*[:：]\s*(\S.{1,150})$", text)
    if not match or match.group(1).strip().casefold() not in word_set("from_labels"):
        return None
    named = match.group(2).strip().strip("*_ ")
    if "@" in named:
        return None  # an email's sender (``From: Press Office <press@example.org>``), not a body
    while (split := _LAST_OF_LIST.match(named)) is not None and _PERSON.search(split.group(2).strip()):
        named = split.group(1).strip().rstrip(",").strip()
    return None if _PERSON.search(named) else named


# -- Markdown escaping -----------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<~|])|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-(?=(?:\s*-){2,}\s*$)|(?:```|~~~))")
_ORDERED_START = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
#: A line the three patterns above leave as it is: no character they escape anywhere, and
#: neither a space, a block mark nor a digit first.
_PLAIN_LINE = re.compile(r"[^\s\d#>+=\-\\`*\[\]<~|_&][^\\`*\[\]<~|_&]*")


def escape(text: str) -> str:
    """Plain text as Markdown that reads back as the same text (lines kept)."""
    if "\n" not in text:
        return _escape_line(text)  # most text is one line: asked of every line of a pasted page
    return "\n".join(map(_escape_line, text.split("\n")))


def _escape_line(line: str) -> str:
    if _PLAIN_LINE.fullmatch(line):
        return line  # most lines: one scan instead of three substitutions
    line = _INLINE_SPECIAL.sub(_backslashed, line)
    line = _LINE_START.sub(_backslashed_mark, line)
    return _ORDERED_START.sub(_backslashed_mark, line)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def _backslashed_mark(match: re.Match[str]) -> str:
    """The indent kept, the mark after it escaped."""
    return match.group(1) + "\\" + match.group(2)


def paragraph(text: str, gap_before: bool = False) -> Piece:
    """A paragraph piece from plain text."""
    return Piece("paragraph", escape(text), text, gap_before=gap_before)
