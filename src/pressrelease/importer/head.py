"""The top of an article: where the lede starts, and what stands between headline and lede.

A copied release opens with a few short lines before its first real paragraph:
a kicker ("Press release"), the headline, perhaps a deck, a date line ("Published
26 March 2026"), a "From:" line, "FOR IMMEDIATE RELEASE". These helpers tell them
apart for every reader, so that only the headline becomes ``title``, only a deck
becomes ``subtitle``, and dates and issuers are read, not left in the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .blocks import (
    Boilerplate,
    Document,
    Piece,
    date_line,
    dateline_of,
    end_mark,
    ends_sentence,
    from_line,
    is_kicker,
    is_menu,
    is_punctuation,
    label_of,
    starts_footer,
    word_count,
    word_set,
)

LEDE_MIN_WORDS = 12  #: a dateline paragraph shorter than this is a caption, not a lede
PROSE_MIN_WORDS = 20  #: without a dateline, the first paragraph this long is the lede


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
        or from_line(text) is not None
        or label_of(text).startswith("embargo")
    )


def find_lede(texts: Sequence[str], skip: Sequence[bool]) -> int | None:
    """The index of the lede: the first paragraph opening with a dateline, else the first prose.

    ``skip[i]`` marks lines already known to be navigation.
    """
    usable = [i for i, text in enumerate(texts) if not skip[i]]
    for i in usable:
        if word_count(texts[i]) >= LEDE_MIN_WORDS and dateline_of(texts[i]) is not None:
            return i
    for position, i in enumerate(usable):
        text = texts[i]
        if word_count(text) >= PROSE_MIN_WORDS and ends_sentence(text) and position > 0:
            return i
    for i in usable:
        if word_count(texts[i]) >= LEDE_MIN_WORDS - 4 and not is_head_line(texts[i]):
            return i
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
        if date_line(line) is not None or from_line(line) is not None or label.startswith("embargo"):
            head.lines.append(line)
        elif is_kicker(line) or is_menu(line):
            head.dropped.append(line)
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
    if ends_sentence(last) or word_count(last) > word_count(before):
        head.title, head.subtitle = before, last
        head.dropped.extend(candidates[:-2])
    else:
        head.title = last
        head.dropped.extend(candidates[:-1])
    return head


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
    """A document from a source with real structure (HTML, Word): headline, head lines, body.

    The first level-1 heading (or ``title``) is the headline; footers and menu
    items are dropped; the short lines before the first real paragraph are sorted
    by :func:`read_head`. Unlike pasted text, nothing after the headline is taken
    for navigation merely for being short.
    """
    dropped: list[str] = []
    first_h1 = next((i for i, p in enumerate(pieces) if p.kind == "heading" and p.level == 1), None)
    if first_h1 is not None:
        dropped.extend(p.plain for p in pieces[:first_h1])
        title = title or pieces[first_h1].plain.strip()
        pieces = pieces[first_h1 + 1 :]
    kept: list[Piece] = []
    for index, piece in enumerate(pieces):
        if index > 0 and starts_footer(piece.plain):
            dropped.extend(p.plain for p in pieces[index:])
            break
        chrome = piece.kind in ("paragraph", "heading") and (is_menu(piece.plain) or is_punctuation(piece.plain))
        if chrome and end_mark(piece.plain) is None:
            dropped.append(piece.plain)
            continue
        kept.append(piece)
    lede = next((i for i, p in enumerate(kept) if _prose(p)), len(kept))
    head = read_head([p.plain for p in kept[:lede]], title)
    if title is None:
        title = head.title
    return Document(
        kind,
        kept[lede:],
        title=title,
        subtitle=head.subtitle,
        head=head.lines,
        boilerplate=boilerplate,
        dropped=[*dropped, *head.dropped],
    )


def _prose(piece: Piece) -> bool:
    """The first block that is text rather than a head line: the lede."""
    if piece.kind != "paragraph" or is_head_line(piece.plain):
        return piece.kind in ("list", "quote", "end")
    return word_count(piece.plain) >= LEDE_MIN_WORDS - 4 or ends_sentence(piece.plain)
