"""Plain text copied from a web page or an email -> a :class:`Document`.

Copying a page copies its menus too: short items, ``- `` bullets, headings glued
to their descriptions (``WHO WE AREThe International ...``), labels that appear
twice. The article is found from its lede (the first paragraph that opens with a
dateline, else the first real prose); the lines just above it are the headline,
deck and date lines; everything higher is navigation, except an organisation's
"Who we are" text, which is kept aside as the boilerplate to offer. Below the
article, a footer line ("Share this page", "©") ends it.

Paragraphs are one per line in text copied from a browser; email text is often
hard-wrapped at 70-80 columns with blank lines between paragraphs, and is joined.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..parse.contact_values import EMAIL, PHONE
from .blocks import (
    Boilerplate,
    Document,
    Piece,
    bullet,
    dateline_of,
    dateline_only,
    end_mark,
    ends_sentence,
    escape,
    is_punctuation,
    metadata_date,
    numbered,
    paragraph,
    word_count,
)
from .furniture import ends_article, is_contact_label, is_menu, is_share, is_who_we_are, starts_footer
from .head import find_lede, read_head
from .words import label_of

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_FIELD = re.compile(r"^[A-ZА-ЯЁ][\w.-]{0,15}(?: [\w.-]{1,15})?\s?:\s")  #: "Subject: ...", "Tel: ..."
_HEAD_LIMIT = 8  #: at most this many lines between the navigation and the lede
#: Where a PDF's text layer ran paragraphs together on one line: a sentence's end (or a
#: colon), three spaces or more, then a capital or an opening quotation mark.
_RUN_TOGETHER = re.compile(r"(?<=[.!?:”\"’)])[ ]{3,}(?=[A-ZÀ-ÞА-ЯЁ“\"‘«(])")
_BOILERPLATE_MIN_WORDS = 15


@dataclass(slots=True)
class _Unit:
    """One line (or one joined paragraph) of the input."""

    text: str
    gap: bool  #: a blank line stood before it
    nav: str | None = None  #: why it is navigation, if it is
    label: str = ""  #: :func:`label_of` the text, read once the text is final (:meth:`settle`)
    end: str | None = None  #: the end mark the line is, if it is (read with ``label``)
    words: int = 0  #: :func:`word_count` the text (read with ``label``)

    def settle(self) -> None:
        """Read what every later pass asks of the line, once: a megabyte of short
        lines is hundreds of thousands of units, each asked again in every pass."""
        self.label = label_of(self.text)
        self.end = end_mark(self.text)
        self.words = word_count(self.text)


def read_text(text: str) -> Document:
    """Find the article in ``text`` and return it as pieces."""
    units = _split_merged_head(_join_page_breaks(_split_date_prefix(_units(text))))
    for unit in units:
        unit.settle()
    _mark_navigation(units)
    boilerplate = _who_we_are(units)
    texts = [u.text for u in units]
    lede = find_lede(texts, [u.nav is not None for u in units])
    if lede is None:
        return Document("text", [], dropped=texts)
    contact: list[_Unit] = []
    top = _top_contact(units, lede)
    if top is not None:
        start, end = top
        contact, units = units[start:end], units[:start] + units[end:]
        lede -= end - start
    first = lede
    # Walk up to the navigation; a short line the page repeats ("MINISTRY", "MINISTRY") is passed over.
    # A sharing widget between the headline and the lede is passed over, not a stop.
    while first > 0 and lede - first < _HEAD_LIMIT:
        above = units[first - 1]
        if not is_share(above.text) and (above.nav not in (None, "repeated") or starts_footer(above.text)):
            break
        first -= 1
    head = read_head([u.text for u in units[first:lede] if u.nav is None])
    dropped = [u.text for u in units[:first] if boilerplate is None or boilerplate.text not in u.text]
    body, tail = _cut_footer(units[lede:], head.title)
    return Document(
        "text",
        _pieces(body) + [paragraph(u.text, u.gap) for u in contact],
        title=head.title,
        subtitle=head.subtitle,
        head=head.lines,
        boilerplate=boilerplate,
        dropped=[*dropped, *head.dropped, *tail],
    )


_TOP_CONTACT_LINES = 8  #: lines under a contact label above the headline: name, title, phones, emails


def _top_contact(units: list[_Unit], lede: int) -> tuple[int, int] | None:
    """``CONTACT:`` with a name, a title, a phone and an email above the headline.

    American releases often open so, before ``FOR IMMEDIATE RELEASE``: it is the media
    contact, not navigation. The (start, end) of the label and its lines (up to a
    blank line), when they give an email address or a phone number.
    """
    for start in range(lede):
        if units[start].nav is not None or not is_contact_label(units[start].text):
            continue
        end = start + 1
        while end < lede and end - start <= _TOP_CONTACT_LINES and not units[end].gap:
            end += 1
        lines = [u.text for u in units[start + 1 : end]]
        if lines and any(EMAIL.search(line) or PHONE.search(line) for line in lines):
            return start, end
    return None


def _units(text: str) -> list[_Unit]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.translate(_INVISIBLE).replace("\t", " ")
    lines = [line.rstrip() for line in text.split("\n")]  # not re.sub(r"\s+$"): quadratic on a run of spaces
    nonblank = [line for line in lines if line.strip()]
    width = max((len(line) for line in nonblank), default=0)
    wrapped = (
        0 < width <= 100
        and any(not line.strip() for line in lines)
        and sum(len(line) >= 0.8 * width for line in nonblank) >= 3
    )
    units: list[_Unit] = []
    # The last unit's text, written to it when the next unit starts: a local string grows
    # in place, an attribute's is copied at every line joined (a hard-wrapped paragraph
    # of thousands of lines was quadratic).
    current = ""
    gap = False
    joinable = False
    for raw in _paragraph_lines(lines):
        line = raw.strip()
        if not line:
            gap, joinable = True, False
            continue
        if wrapped and joinable and not gap and not _starts_item(line):
            current += " " + line
        elif units and not gap and dateline_only(current) and word_count(line) > 3:
            current += " " + line  # a wire dateline on a line of its own
        else:
            if units:
                units[-1].text = current
            units.append(_Unit(line, gap))
            current = line
        joinable = wrapped and len(raw) >= 0.6 * width and not line.endswith(":") and not _FIELD.match(line)
        gap = False
    if units:
        units[-1].text = current
    return units


def _paragraph_lines(lines: list[str]) -> Iterator[str]:
    """The lines, with each that holds paragraphs run together split into them.

    Text taken from a PDF often comes as one line a page, its paragraphs kept apart
    only by a run of spaces (``... of others.   Mr Jones said:   “We welcome ...``).
    Left whole, the page is one paragraph: a quotation continued over two
    paragraphs (an opening mark, no closing one) then looks unbalanced. Two such
    breaks in a line are needed, so that three spaces typed once after a full stop
    in a real paragraph split nothing.
    """
    for line in lines:
        breaks = _RUN_TOGETHER.split(line) if "   " in line else [line]
        if len(breaks) > 2:
            yield from breaks
        else:
            yield line


def _starts_item(line: str) -> bool:
    """A line that opens something of its own, never joined to a hard-wrapped paragraph above."""
    if bullet(line) is not None or numbered(line) is not None or end_mark(line) is not None:
        return True
    return bool(_FIELD.match(line)) or line.startswith("|")  # a field ("Tel: ...") or a table row


_DATE_PREFIX = re.compile(
    r"^(?:date|published|posted|updated|fecha|publié le|дата)\s?:?\s(\d{4}-\d{2}-\d{2})\s+(?=\S)", re.I
)


def _split_date_prefix(units: list[_Unit]) -> list[_Unit]:
    """``date 2026-04-22 OSLO, 20 April 2026 – ...``: a feed's date label glued to the lede
    becomes a date line of its own, so the dateline and the lede read as written."""
    out: list[_Unit] = []
    for unit in units:
        match = _DATE_PREFIX.match(unit.text)
        if match is None:
            out.append(unit)
            continue
        out.append(_Unit(unit.text[: match.end()].strip(), unit.gap))
        out.append(_Unit(unit.text[match.end() :], False))
    return out


_PAGE_NUMBER = re.compile(
    r"^(?:(?:[^\W\d_]+\s+)?\d{4},\s*)?(?:page|p\.|seite|página|страница)\s*\d{1,3}(?:\s*(?:of|/|de|von|из)\s*\d{1,3})?$"
    r"|^[-–—]?\s*\d{1,3}\s*[-–—]?$|^\d{1,3}\s*/\s*\d{1,3}$"
    r"|^[^\n]{0,200}?,\s(?:page|seite|página|страница)\s\d{1,3}(?:\s\d{1,3})?$",  # a running header: "Title, date, Page 2"
    re.IGNORECASE,
)
_OPEN_END = re.compile(r"(?:[^\W\d_]|,)$")  #: a paragraph cut off mid-sentence: a word or a comma last
_CONTINUES = re.compile(r"^[a-zà-ÿа-яё]")  #: ... and the next one goes on in lower case


def _ends_in_number(text: str) -> bool:
    """What every page number form ends with: a digit, perhaps a dash after it (``- 3 -``); asked
    first, as a prose line would walk the running-header form's 200 characters."""
    return text.rstrip().rstrip("-–—").rstrip()[-1:].isdecimal()


def _join_page_breaks(units: list[_Unit]) -> list[_Unit]:
    """Text extracted from a PDF: page numbers go, and a sentence cut by a page or column
    break ("... We agreed to do" / "so on the clear understanding ...") is joined again;
    a word split at the line end ("measure-" / "ment") is joined without a space.

    The joined text is kept in pieces and written once, and its length in words asked
    once: a pasted email's thousands of short lines, each joined to the growing text
    before it, made both quadratic.
    """
    out: list[_Unit] = []
    pieces: list[str] = []  #: the text of ``out[-1]`` as joined so far
    long_enough = False  #: ``out[-1]`` has eight words or more (joining only adds to them)
    for unit in units:
        if _ends_in_number(unit.text) and _PAGE_NUMBER.match(unit.text):
            continue
        if long_enough and _CONTINUES.match(unit.text):
            last = pieces[-1]  # the joined text ends as its last piece does
            if last.endswith("-") and last[-2:-1].isalpha():
                pieces[-1:] = [last[:-1], unit.text]
                continue
            if _OPEN_END.search(last):
                pieces += [" ", unit.text]
                continue
        if len(pieces) > 1:
            out[-1].text = "".join(pieces)
        out.append(unit)
        pieces = [unit.text]
        long_enough = word_count(unit.text) >= 8
    if len(pieces) > 1:
        out[-1].text = "".join(pieces)
    return out


_MERGED_HEAD = re.compile(
    r"^(?P<head>.{0,200}?)\s(?P<headline>(?:[A-Z][A-Z’'&,-]+\s+){2,12}[A-Z][A-Z’'&-]+)\s+(?P<lede>[A-Z](?:[a-z]|\s[A-Z][a-z]).*)$",
    re.DOTALL,
)
_MERGED_MIN_WORDS = 40


def _split_merged_head(units: list[_Unit]) -> list[_Unit]:
    """``NEWS RELEASE Commission 14 May 2004 COUNTRY BREACHES RIGHTS A Commission inquiry has found ...``:
    text extracted from a PDF letter runs kicker, date, headline in capitals and lede together.
    The first such paragraph is split into its head (kicker and date), the headline and the lede."""
    for index, unit in enumerate(units[:3]):
        if word_count(unit.text) < _MERGED_MIN_WORDS or dateline_of(unit.text) is not None:
            continue
        match = _MERGED_HEAD.match(unit.text[:2000])
        if match is None or not match.group("head").strip():
            return units
        parts = [match.group("head").strip(), match.group("headline").strip(), unit.text[match.start("lede") :]]
        return [
            *units[:index],
            *(_Unit(p, unit.gap if i == 0 else True) for i, p in enumerate(parts)),
            *units[index + 1 :],
        ]
    return units


def _mark_navigation(units: list[_Unit]) -> None:
    """Flag menu lines: bullets, bare punctuation, menu words, repeats, glued headings."""
    counts = Counter(u.label for u in units if u.words <= 6)
    previous: _Unit | None = None
    for unit in units:
        text = unit.text
        if unit.end is not None:
            pass
        elif is_punctuation(text):
            unit.nav = "punctuation"
        elif is_menu(text, unit.label):
            unit.nav = "menu"
        elif unit.words <= 6 and bullet(text) is not None:  # a bullet's mark is no word
            unit.nav = "bullet"
        elif unit.words <= 6 and counts[unit.label] > 1:
            unit.nav = "repeated"
        elif previous is not None and _glued(previous.text, text):
            unit.nav = "glued"
        previous = unit


def _glued(label: str, text: str) -> bool:
    """``Our WorkIOM is ...`` under ``Our Work``: a menu heading run into its blurb."""
    size = len(label)
    return (
        3 <= size < len(text)
        and word_count(label) <= 6
        and text[:size].casefold() == label.casefold()
        and text[size].isalpha()
    )


def _who_we_are(units: list[_Unit]) -> Boilerplate | None:
    """The organisation's own description from a "Who we are" menu, if the page had one."""
    for index, unit in enumerate(units[:-1]):
        if not is_who_we_are(unit.text, unit.label):
            continue
        following = units[index + 1]
        if following.nav == "glued":
            text = following.text[len(unit.text) :].strip()
        elif following.nav is None and word_count(following.text) >= _BOILERPLATE_MIN_WORDS:
            text = following.text
            following.nav = "boilerplate"
        else:
            continue
        if word_count(text) >= _BOILERPLATE_MIN_WORDS:
            return Boilerplate(unit.text, text)
    return None


_LABEL_PREFIX = re.compile(r"^([A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ '&-]{2,40}:)\s")  #: "COLLEGE MEETING: ...", not "UNDP:s ..."
_FEED_HEADLINE_MAX_WORDS = 25
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b")


def _cut_footer(units: list[_Unit], title: str | None = None) -> tuple[list[_Unit], list[str]]:
    """The article's units, and the footer lines after it.

    Besides footer lines, the next item of a news feed ends the article: a short
    line followed by the feed's date line (``Tue, 09/18/2018 - 10:51``), or a line
    opening with the headline's own label (``COLLEGE MEETING: ...`` in a digest).
    """
    texts = [unit.text for unit in units]
    label = _LABEL_PREFIX.match(title or "")

    def next_item(i: int) -> bool:
        text = texts[i]
        if label is not None and text.startswith(label.group(1)):
            return True
        if i <= 1 or units[i].words > _FEED_HEADLINE_MAX_WORDS or ends_sentence(text):
            return False  # a sentence is no feed headline
        following = texts[i + 1] if i + 1 < len(texts) else ""
        return _NUMERIC_DATE.search(following) is not None and metadata_date(following, day_first=True) is not None

    end = next((i for i in range(1, len(units)) if ends_article(texts, i, units[i].label) or next_item(i)), len(units))
    while end > 1 and units[end - 1].nav in ("punctuation", "menu", "repeated"):
        end -= 1
    return units[:end], [u.text for u in units[end:]]


def _pieces(units: list[_Unit]) -> list[Piece]:
    """Units as pieces: runs of bullet or numbered lines become lists."""
    pieces: list[Piece] = []
    index = 0
    while index < len(units):
        unit = units[index]
        if unit.end is not None:
            pieces.append(Piece("end", unit.end, unit.end, gap_before=unit.gap))
            index += 1
            continue
        for reader, ordered in ((bullet, False), (numbered, True)):
            if reader(unit.text) is None:
                continue
            items: list[str] = []
            while index < len(units) and (item := reader(units[index].text)) is not None:
                items.append(escape(item))
                index += 1
            pieces.append(Piece("list", items=tuple(items), ordered=ordered, gap_before=unit.gap))
            break
        else:
            pieces.append(paragraph(unit.text, unit.gap))
            index += 1
    return pieces
