"""The top of an article: where the lede starts, and what stands between headline and lede.

A copied release opens with a few short lines before its first real paragraph:
a kicker ("Press release"), the headline, perhaps a deck, a date line ("Published
26 March 2026"), a "From:" line, "FOR IMMEDIATE RELEASE". These helpers tell them
apart for every reader, so that only the headline becomes ``title``, only a deck
becomes ``subtitle``, and dates and issuers are read, not left in the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .blocks import (
    Boilerplate,
    Document,
    Piece,
    date_line,
    dateline_of,
    dates_in,
    end_mark,
    ends_sentence,
    from_line,
    is_caption,
    is_punctuation,
    issue_line,
    metadata_date,
    word_count,
)
from .furniture import ends_article, is_embargo_line, is_kicker, is_menu, starts_footer
from .words import label_of, word_set

LEDE_MIN_WORDS = 12  #: a dateline paragraph shorter than this is a caption, not a lede
PROSE_MIN_WORDS = 15  #: without a dateline, the first paragraph this long is the lede
LONG_PROSE_WORDS = 60  #: a line this long is running text, never a headline or a deck
MAX_HEADLINE_WORDS = 35  #: a first line longer than this is prose, never a headline


@dataclass(slots=True)
class Head:
    """The lines above the lede, sorted out."""

    title: str | None = None
    subtitle: str | None = None
    lines: list[str] = field(default_factory=list)  #: date, "From:", release and embargo lines
    dropped: list[str] = field(default_factory=list)  #: kickers and breadcrumbs


def is_head_line(text: str) -> bool:
    """A line that belongs above the lede and never in the body."""
    return (
        is_kicker(text)
        or is_menu(text)
        or date_line(text) is not None
        or metadata_date(text, day_first=True) is not None  # either order: a date, even if unsure which
        or issue_line(text) is not None
        or from_line(text) is not None
        or is_embargo_line(text)
    )


_BYLINE = re.compile(r"\s+(?:[|–—-]\s+)?(?:By|Par|Por|Von|Av)\s+\S.{0,120}$")
_TAIL_SEPARATORS = " \t|,–—-"
_PREPOSITION_END = re.compile(r"\b(?:on|of|in|at|from|since|until|le|du|de|del|el|am|vom|den|от)$", re.IGNORECASE)


def split_stuck_date(line: str) -> tuple[str, str | None]:
    """``Headline 24 July 2017`` or ``Headline By Agency | 02 November 2017`` -> (headline, date part).

    A date stuck to the end of a headline line (a copied page lost the line break)
    is the publication date, and a byline just before it is the author's; neither
    belongs to the headline. (``line``, None) when nothing is stuck to it.
    """
    mentions = [d for d in dates_in(line) if d.year is not None]
    if not mentions:
        return line, None
    last = mentions[-1]
    start = line.rfind(last.text)
    if line[start + len(last.text) :].strip(_TAIL_SEPARATORS + "."):
        return line, None
    rest = line[:start].rstrip(_TAIL_SEPARATORS)
    if ends_sentence(line) or _PREPOSITION_END.search(rest):
        return line, None  # "... issued by the Agency on 7 May 2025.": a sentence that holds a date
    byline = _BYLINE.search(rest)
    if byline is not None and word_count(rest[: byline.start()]) >= 3:
        rest = rest[: byline.start()].rstrip(_TAIL_SEPARATORS)
    if word_count(rest) < 3:
        return line, None
    return rest, line[len(rest) :].strip(_TAIL_SEPARATORS)


def find_lede(texts: Sequence[str], skip: Sequence[bool]) -> int | None:
    """The index of the lede: the first paragraph opening with a dateline, else the first prose.

    ``skip[i]`` marks lines already known to be navigation.
    """
    usable = [i for i, text in enumerate(texts) if not skip[i] and not starts_footer(text)]
    for i in usable:
        if word_count(texts[i]) >= LEDE_MIN_WORDS and dateline_of(texts[i]) is not None:
            return i
    for position, i in enumerate(usable):
        text = texts[i]
        words = word_count(text)
        # Prose: a sentence, the words that introduce a statement ("... the text of the
        # statement:", ", ... said," before a quote), or a paragraph of several sentences
        # however it ends (a page's footer may cut it).
        prose = ends_sentence(text) or text.rstrip().endswith((":", "：", ",")) or words >= LONG_PROSE_WORDS
        if words >= PROSE_MIN_WORDS and prose and (position > 0 or words > MAX_HEADLINE_WORDS):
            return i
    # A short lede (an excerpt): not the headline, which a date or kicker line follows, nor the headline repeated.
    seen: set[str] = set()
    heads: dict[int, bool] = {}

    def head_line(position: int) -> bool:
        """:func:`is_head_line` of the usable line at ``position`` (of "" past the last), asked once:
        each line is asked as itself and as the one after, and the walk may run to the end."""
        if position not in heads:
            heads[position] = is_head_line(texts[usable[position]] if position < len(usable) else "")
        return heads[position]

    for position, i in enumerate(usable):
        label = label_of(texts[i]).rstrip(".")
        following = texts[usable[position + 1]] if position + 1 < len(usable) else ""
        words = word_count(texts[i])
        long_enough = words >= LEDE_MIN_WORDS - 4 and not head_line(position)
        # A line over a head line (a date, a kicker) or over a longer paragraph is the headline.
        over = head_line(position + 1) or (word_count(following) > words and not ends_sentence(texts[i]))
        if long_enough and label not in seen and not over and (position > 0 or len(usable) == 1):
            return i
        seen.add(label)
    return usable[0] if usable else None


def read_head(lines: Sequence[str], title: str | None = None) -> Head:
    """Sort the lines between the page's navigation and the lede.

    With ``title`` known (an HTML ``h1``, a Word Title), the first remaining line is
    the deck; otherwise the headline is chosen among the remaining lines: the last
    one, or the one before a longer deck that ends like a sentence.
    """
    head = Head(title=title)
    candidates: list[str] = []
    for line in _join_labels(lines):
        label = label_of(line)
        if not label:
            continue
        if title is not None and label == label_of(title):
            continue
        if is_embargo_line(line):
            head.lines.append(line)  # its date ends it, but it is no headline with a date stuck to it
            continue
        rest, stuck = split_stuck_date(line) if date_line(line) is None else (line, None)
        if stuck is not None and not is_kicker(rest):
            head.lines.append(stuck)
            head.dropped.append(line)
            candidates.append(rest)
        elif is_head_line(line) and not (is_kicker(line) or is_menu(line)):
            head.lines.append(line)
        elif is_kicker(line) or is_menu(line) or is_caption(line) or _field(line):
            head.dropped.append(line)
        elif any(label.rstrip(".") == label_of(c).rstrip(".") for c in candidates):
            head.dropped.append(line)  # the headline again, as the page's body repeats it
        else:
            candidates.append(line)
    if title is not None:
        if candidates:
            head.subtitle = candidates[0]
            head.dropped.extend(candidates[1:])
        return head
    substantial = [c for c in candidates if word_count(c) > 2]
    if substantial and len(substantial) < len(candidates):
        head.dropped.extend(c for c in candidates if c not in substantial)
        candidates = substantial
    if not candidates:
        return head
    if len(candidates) == 1:
        head.title = candidates[0]
        return head
    before, last = candidates[-2], candidates[-1]
    if word_count(before) >= _MIN_HEADLINE_WORDS and (ends_sentence(last) or word_count(last) > word_count(before)):
        head.title, head.subtitle = before, last
        head.dropped.extend(candidates[:-2])
    else:
        head.title = last
        head.dropped.extend(candidates[:-1])
    return head


_MIN_HEADLINE_WORDS = 4  #: a shorter line above a longer one is a section label, not a headline over its deck


_FIELD_MAX_WORDS = 6


def _field(line: str) -> bool:
    """``Updated: 2 hours 5 min ago``, ``Tag: Press Release``, ``Source / Exclusive:``: a page's
    labelled field, or a short label, is never the headline."""
    label, colon, value = line.replace("：", ":").partition(":")
    if not colon:
        return False
    if label_of(label) in word_set("date_labels") or label_of(label) in word_set("field_labels"):
        return True
    if "@" in value and word_count(label) <= 2:
        return True  # a pasted email's sender: ``From: Press Office <press@example.org>``
    return word_count(line) <= _FIELD_MAX_WORDS and (not value.strip() or is_kicker(value))


def _join_labels(lines: Sequence[str]) -> list[str]:
    """``From:`` / ``Published`` on a line of their own join the line under them (GOV.UK pages)."""
    labels = word_set("from_labels") | word_set("date_labels")
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if label_of(line) in labels and index + 1 < len(lines):
            joined.append(f"{line.strip().rstrip(':：').strip()}: {lines[index + 1].strip()}")
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def structured(kind: str, pieces: list[Piece], title: str | None, boilerplate: Boilerplate | None = None) -> Document:
    """A document from a source with real structure (HTML, Word, Markdown): headline, head lines, body.

    The first level-1 heading (or ``title``) is the headline; menu items are
    dropped; the lede is the first paragraph that opens with a dateline, else the
    first real paragraph; the short lines between headline and lede are sorted by
    :func:`read_head`. A footer line ("Share this article", "©") before the lede
    is page furniture and is dropped; after it, it ends the article. Unlike pasted
    text, nothing after the headline is taken for navigation merely for being short.
    """
    dropped: list[str] = []
    first_h1 = next((i for i, p in enumerate(pieces) if p.kind == "heading" and p.level == 1), None)
    # A Word file has no navigation: a level-1 heading after article text (a
    # "Contact" a writer styled Heading 1) is a subhead, and the style alone never
    # makes the article before it navigation. (A web page's menus and banners do
    # come before its h1.)
    after_prose = kind == "docx" and any(_prose(p) for p in pieces[: first_h1 or 0])
    if first_h1 is not None and not after_prose:
        dropped.extend(p.plain for p in pieces[:first_h1])
        title = title or pieces[first_h1].plain.strip()
        pieces = pieces[first_h1 + 1 :]
    kept: list[Piece] = []
    for piece in pieces:
        chrome = piece.kind in ("paragraph", "heading") and (is_menu(piece.plain) or is_punctuation(piece.plain))
        if chrome and end_mark(piece.plain) is None:
            dropped.append(piece.plain)
            continue
        kept.append(piece)
    lede = _structured_lede(kept)
    head_pieces = [p for p in kept[:lede] if not starts_footer(p.plain)]
    dropped.extend(p.plain for p in kept[:lede] if starts_footer(p.plain))
    texts = [p.plain for p in kept]
    end = next((i for i in range(lede + 1, len(kept)) if ends_article(texts, i)), len(kept))
    dropped_tail = texts[end:]
    head = read_head([p.plain for p in head_pieces], title)
    if title is None:
        title = head.title
    return Document(
        kind,
        kept[lede:end],
        title=title,
        subtitle=head.subtitle,
        head=head.lines,
        boilerplate=boilerplate,
        dropped=[*dropped, *head.dropped, *dropped_tail],
    )


_DATELINE_REACH = 15  #: how many blocks after the headline a dateline lede is looked for


def _structured_lede(pieces: Sequence[Piece]) -> int:
    """The lede: a paragraph opening with a dateline near the top, else the first real paragraph."""
    for index, piece in enumerate(pieces[:_DATELINE_REACH]):
        if piece.kind == "paragraph" and word_count(piece.plain) >= LEDE_MIN_WORDS and dateline_of(piece.plain):
            return index
    return next((i for i, p in enumerate(pieces) if _prose(p)), len(pieces))


def _prose(piece: Piece) -> bool:
    """The first block that is text rather than a head line: the lede."""
    if piece.kind != "paragraph" or is_head_line(piece.plain):
        return piece.kind in ("list", "quote", "end")
    return word_count(piece.plain) >= LEDE_MIN_WORDS - 4 or ends_sentence(piece.plain)
