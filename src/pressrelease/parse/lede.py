"""The dateline: the place (and maybe the date) that opens the lede, up to its dash.

Forms accepted (docs/format.md): ``Minsk – ``, ``MINSK, Belarus, 19 July 2024 – ``,
``NEW YORK, March 15, 2024 /PRNewswire/ -- ``, ``Dakar/New York, 22 December 2015 –``,
``BAMAKO, Mali/GENEVA/NEW YORK, 18 December 2015 –``, ``NAIROBI, 30 March (UNEP) --``,
``NEW YORK (May 29, 2018) –``, ``PARIS, le 26 mars 2026 –``, ``МИНСК, 19 июля 2024 года –``,
``BERLIN, 26.03.2026 –``.
Each may be set in bold or italics (``**GENEVA** –``, ``**NAIROBI, 3 May 2026 –**``), as
agencies' web pages often do: the emphasis marks are read as spaces, so offsets into
the block's source stay true, and the dateline's text keeps them.
"""

from __future__ import annotations

import re

import msgspec

from ..model import Block, Dateline, DateMention, Place
from .dates import find_dates, numeric_dates
from .language import Language

# A dash with spaces around it, or a bare "--" (the old wire form "TRENTON, NJ--Nov. 30"),
# a dash right after a wire's parenthesis ("SALEM, Ore.–(BUSINESS WIRE)–Text"), or a
# hyphen stuck to the place with a space after it ("Geneva- The agency ..."), or a dash
# stuck to the end of the date ("Eldoret, KE —14 June 2026— The council ...").
_SEPARATOR = re.compile(
    r"\s+(——|--|—|–|-)(?=\s)|(?<=\S)(——|--)(?=\S)|\s+(——|--|—|–)$"
    r"|(?<=\))\s*(-?[—–]|--?)(?=\s*\S|$)|(?<=[^\W\d_])(-)(?=\s+[A-ZÀ-ÞА-ЯЁ“«'\"])"
    r"|(?<=\d)([—–])(?=\s)"
)
#: a date in figures closing the place: ``BERLIN, 28.03.2026``, ``BRUSSELS, 12/03/2026``
_NUMERIC_DATE_END = re.compile(r"(?:,\s*|\s+)(\d{1,2}([./-])\d{1,2}\2\d{4})$")
_WIRE = re.compile(r"\s*(?:/\s*([^/]{2,40}?)\s*/|\(([^)]{2,40})\))\s*$")
_LOWER_OK = {
    "de",
    "la",
    "le",
    "les",
    "du",
    "des",
    "of",
    "upon",
    "on",
    "am",
    "an",
    "der",
    "sur",
    "del",
    "y",
    "and",
    "et",
    "en",
    "el",
    "los",
    "las",
    "da",
    "do",
    "dos",
    "das",
    "di",
    "au",
    "aux",
    "im",
    "van",
    "von",
}
_NOT_PLACES = {"today", "yesterday", "tomorrow", "now", "meanwhile", "however", "also", "this", "that", "here", "there"}
_MAX_PREFIX = 120
_EMPHASIS = re.compile(r"\*{1,3}|_{1,3}")


def find_dateline(lede: Block) -> Dateline | None:
    """The dateline that opens ``lede``'s text, or None."""
    source = lede.source
    first_line_end = source.find("\n")
    head = source if first_line_end < 0 else source[:first_line_end]
    head = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), head[: _MAX_PREFIX + 10])
    for match in _SEPARATOR.finditer(head[: _MAX_PREFIX + 4]):
        prefix = head[: match.start()]
        result = _read_prefix(lede, prefix, match)
        if result is not None:
            return result
        if any(ch in prefix for ch in ".!?;:") and not _abbreviations_only(prefix):
            return None
    return None


def _abbreviations_only(prefix: str) -> bool:
    """True when every full stop in ``prefix`` ends an abbreviation (``N.J.``, ``Oct.``, ``St.``).

    A German ordinal day (``BERLIN, 26. März 2026``) counts as one, and so do the stops of
    a date in figures (``BERLIN, 26.03.2026``).
    """
    stripped = re.sub(
        r"\b(?:[A-Z]\.){1,3}|\b[A-Z][a-z]{1,4}\.|\b\d{1,2}\.(?=\s+\w)|\b\d{1,2}\.\d{1,2}\.\d{4}\b", "", prefix
    )
    return not any(ch in stripped for ch in ".!?;")


def _read_prefix(lede: Block, prefix: str, match: re.Match[str]) -> Dateline | None:
    if not prefix.strip() or len(prefix) > _MAX_PREFIX or not _abbreviations_only(prefix):
        return None
    work = prefix.rstrip()
    wire = None
    wire_match = _WIRE.search(work)
    date: DateMention | None = None
    if wire_match:
        inner = wire_match.group(1) or wire_match.group(2)
        inner_dates = list(find_dates(inner))
        if inner_dates and inner_dates[0].text.strip() == inner.strip():
            # "NEW YORK (May 29, 2018)": the parenthesis holds the date, not a wire.
            offset = wire_match.start() + wire_match.group(0).index(inner)
            date = next(find_dates(inner, lambda s, e: lede.locate(offset + s, offset + e)))
        else:
            wire = inner.strip()
        work = work[: wire_match.start()].rstrip(" \t–—-")
    # A wire copy may print the date twice ("Mar 3, 2025, Mar. 3, 2025"): the last one is read.
    for _ in range(2 if date is None else 0):
        found = list(find_dates(work, lede.locate))
        if not found:
            break
        candidate = found[-1]
        end = work.rfind(candidate.text) + len(candidate.text)
        if work[end:].strip(" ,，،"):
            break
        date = date or candidate
        work = work[: work.rfind(candidate.text)].rstrip(" ,，،—–")  # "KE —14 June 2026": the dash too
        work = re.sub(r"(?:,\s*|\s+)(?:le|el|the)$", "", work, flags=re.IGNORECASE).rstrip(" ,，،")
    if date is None and (figures := _NUMERIC_DATE_END.search(work)) is not None:
        date = _numeric_date(lede, figures)
        work = work[: figures.start()].rstrip(" ,")
    if date is None:
        date, work = _date_first(lede, work)
    places = _places(lede, work)
    if not places:
        return None
    group = next(i for i in range(1, (match.lastindex or 0) + 1) if match.group(i))
    separator, sep_start = match.group(group), match.start(group)
    end = sep_start + len(separator)
    return Dateline(
        text=lede.source[:end],
        places=tuple(places),
        date=date,
        separator=separator,
        separator_span=lede.locate(sep_start, end),
        span=lede.locate(0, end),
        wire=wire,
    )


def _date_first(lede: Block, work: str) -> tuple[DateMention | None, str]:
    """``12 March 2026, Geneva –``: a date, a comma and the place. The date is blanked out
    of ``work`` (offsets into the lede stay true) and returned."""
    first = next(find_dates(work, lede.locate), None)
    if first is None or not work.startswith(first.text) or not work[len(first.text) :].startswith(","):
        return None, work
    return first, " " * (len(first.text) + 1) + work[len(first.text) + 1 :]


def _numeric_date(lede: Block, figures: re.Match[str]) -> DateMention | None:
    """The date of ``28.03.2026`` (a full stop: day first) or ``28/03/2026`` (the number over
    12 is the day); None when the order cannot be told (``12/03/2026``): the place is
    still the dateline's."""
    mention = next(numeric_dates(figures.group(1)), None)
    if mention is None:
        return None
    start, end = figures.span(1)
    return msgspec.structs.replace(mention, span=lede.locate(start, end))


def _places(lede: Block, text: str) -> list[Place]:
    places: list[Place] = []
    offset = 0
    for part in _place_parts(text):
        name = part.strip(" ,，،")
        if not name:
            return []
        start = text.index(name, offset)
        offset = start + len(name)
        if not _looks_like_place(name):
            return []
        places.append(Place(name, lede.locate(start, start + len(name))))
    return places


_AND = re.compile(r"\s(?:and|et|y|und|и)\s")


def _place_parts(text: str) -> list[str]:
    """``Dakar/New York`` and ``FAIRFAX, Virginia and NAMPA, Idaho``: each place on its own.

    "and" separates two places only when both sides name a place with its state or
    country (``City, State``): "Trinidad and Tobago" stays one.
    """
    parts: list[str] = []
    for part in text.split("/"):
        halves = _AND.split(part)
        if len(halves) == 2 and all("," in half.strip(" ,") for half in halves):
            parts.extend(halves)
        else:
            parts.append(part)
    return parts


def _looks_like_place(name: str) -> bool:
    words = re.findall(r"[^\s,]+", name)
    if not words or len(words) > 8:
        return False
    if words[0].lower() in _NOT_PLACES:
        return False
    for word in words:
        bare = word.strip("().")
        if not bare:
            continue
        if bare.lower() in _LOWER_OK:
            continue
        if not bare[0].isupper() and not _caseless(bare[0]):
            return False
        if any(ch.isdigit() for ch in bare):
            return False
    return True


def _caseless(ch: str) -> bool:
    """A letter of a script without capitals (Chinese, Arabic): a place name cannot be told by case."""
    return ch.isalpha() and ch.lower() == ch.upper()


def find_lede_date(lede: Block, dateline: Dateline | None, lang: Language) -> DateMention | None:
    """A date in the lede's first sentence after the dateline (``On 19 July 2024, ...``)."""
    start = len(dateline.text) if dateline else 0
    rest = lede.source[start:]
    # A full stop before a capital, a quotation mark or a letter of a script without
    # capitals (Arabic); Chinese stops end a sentence wherever they stand.
    sentence_end = re.search(r"[.!?؟](?=\s+[A-ZА-ЯЁ«“\"\u0600-\u06ff]|\s*$)|[。！？]", _mask_abbreviations(rest))
    sentence = rest[: sentence_end.end()] if sentence_end else rest
    for mention in find_dates(sentence, lambda s, e: lede.locate(start + s, start + e)):
        if dateline and dateline.date and mention.span == dateline.date.span:
            continue
        return mention
    return None


def date_after_dateline(block: Block, dateline: Dateline | None, mention: DateMention) -> tuple[int, int] | None:
    """Where ``mention`` first stands in ``block`` after the dateline: (the offset where the
    text after the dateline starts, the date's offset); None when it is not there."""
    start = len(dateline.text) if dateline is not None else 0
    offset = block.source.find(mention.text, start)
    return (start, offset) if offset >= 0 else None


def _mask_abbreviations(text: str) -> str:
    # Keep offsets: replace the full stop of "Dr." or "Oct." with a space-like letter.
    return re.sub(
        r"\b(Dr|Mr|Mrs|Ms|Prof|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Gen|Sen|Rep|Gov|[A-Z])\.",
        lambda m: m.group(0)[:-1] + "_",
        text,
    )
