"""Text helpers shared by the section, contact, embargo and body rules.

Word counts, masking of the parts of a block that are not prose (code spans,
link targets, URLs, email addresses), the links and images of a block with their
offsets, and where front-matter values are written. Masking keeps lengths, so an
offset into masked text is an offset into ``Block.source``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

import msgspec

from ...model import Block, Release, Written, blank
from ...parse import word_count

_TICKS = re.compile(r"`+")
_NOT_PROSE = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # a link target: [text](target "title")
    r"|<[a-zA-Z][\w+.-]*:[^\s<>]*>"  # <https://...>
    r"|<[^\s<>@]+@[^\s<>]+>"  # <name@example.org>
    r"|(?:https?|ftp|file)://[^\s<>]*"  # a bare URL
    r"|\bwww\.[^\s<>]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address, tried where its run starts
)


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    """Cached: the lede, body and boilerplate rules count the same paragraphs (a Han
    character counts as a word: :mod:`...parse.word_count`)."""
    return word_count.count_words(text)


def _blank(match: re.Match[str]) -> str:
    return blank(match.group(0))


@lru_cache(maxsize=1024)
def mask_code(text: str) -> str:
    """``text`` with code spans blanked (same length). Cached: the masks, the links and the
    embargo rule read the same blocks."""
    if "`" not in text:
        return text
    parts: list[str] = []
    at = 0
    for start, end in code_spans(text):
        parts += (text[at:start], blank(text[start:end]))
        at = end
    return "".join(parts) + text[at:] if parts else text


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a run of backticks up to the next run of the same length.

    One pass over the runs, as CommonMark reads them: each length keeps a pointer into its
    own runs that only moves forward, so an unclosed run costs one look, not a scan to the
    end of the text from every backtick (the regex this replaces, ``(`+)(?:(?!\\1).)+?\\1``,
    took cubic time on a long run).
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    next_of: dict[int, int] = dict.fromkeys(by_length, 0)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        pointer = next_of[end - start]
        while pointer < len(same) and same[pointer] <= index:
            pointer += 1
        next_of[end - start] = pointer
        if pointer < len(same):
            closing = same[pointer]
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


#: Every match of _NOT_PROSE holds one of these; most paragraphs hold none, and
#: looking for them is far cheaper than trying the pattern at every position.
_NOT_PROSE_HINTS = ("](", "<", "://", "www.", "@")


@lru_cache(maxsize=4096)
def mask(text: str) -> str:
    """``text`` with code spans, link targets, URLs and email addresses blanked (same length).

    Cached: several rules mask the same block.
    """
    text = mask_code(text)
    if not any(hint in text for hint in _NOT_PROSE_HINTS):
        return text
    return _NOT_PROSE.sub(_blank, text)


# -- links and images --------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<target><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_AUTOLINK = re.compile(r"<(?P<target>[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")
_BARE = re.compile(r"(?<![\w@/.])(?P<target>(?:(?:https?|ftp|file)://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]*_”’»])")


class Link(msgspec.Struct, frozen=True):
    """A link or image in a block's source, with offsets into ``Block.source``."""

    start: int  #: the whole ``[text](target)`` (or the bare URL)
    end: int
    text: str  #: link text or alt text, as written
    target: str
    target_start: int
    target_end: int
    image: bool = False
    auto: bool = False  #: an autolink or a bare URL: its text is its address


def _inline(text: str, offset: int = 0) -> Iterator[Link]:
    for match in _INLINE.finditer(text):
        target = match.group("target")
        t_start, t_end = match.start("target"), match.end("target")
        if target.startswith("<") and target.endswith(">"):
            target, t_start, t_end = target[1:-1], t_start + 1, t_end - 1
        yield Link(
            offset + match.start(),
            offset + match.end(),
            match.group("text"),
            target,
            offset + t_start,
            offset + t_end,
            image=bool(match.group("bang")),
        )
        if not match.group("bang"):  # an image inside link text: [![alt](img)](url)
            yield from _inline(match.group("text"), offset + match.start("text"))


def inline_links(block: Block) -> tuple[Link, ...]:
    """Every link and image in ``block``, in source order (code spans skipped)."""
    if not block.source or block.kind == "code":
        return ()
    return _links(block.source)


def _covered(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` is inside one of ``spans`` (sorted, apart): a bisection, not a scan of them all."""
    at = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return at >= 0 and offset < spans[at][1]


def _cover(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``start:end`` to ``spans``, merging what it overlaps so they stay sorted and apart."""
    at = bisect.bisect_left(spans, start, key=lambda span: span[0])
    if at > 0 and spans[at - 1][1] >= start:
        at -= 1
        start, end = spans[at][0], max(end, spans[at][1])
    last = at
    while last < len(spans) and spans[last][0] <= end:
        end = max(end, spans[last][1])
        last += 1
    spans[at:last] = [(start, end)]


@lru_cache(maxsize=4096)
def _links(source: str) -> tuple[Link, ...]:
    """Cached: four rules read the links of the same block."""
    text = mask_code(source)
    links = list(_inline(text)) if "](" in text else []
    taken: list[tuple[int, int]] = []  #: what the links cover, sorted and merged
    for link in links:
        _cover(taken, link.start, link.end)
    for pattern, hints in ((_AUTOLINK, (":",)), (_BARE, ("://", "www."))):
        if not any(hint in text for hint in hints):
            continue  # every match holds one of these
        for match in pattern.finditer(text):
            if _covered(taken, match.start()):
                continue
            target = match.group("target")
            start, end = match.start("target"), match.end("target")
            links.append(Link(match.start(), match.end(), target, target, start, end, auto=True))
            _cover(taken, match.start(), match.end())
    return tuple(sorted(links, key=lambda link: link.start))


# -- blocks -----------------------------------------------------------------------------------


def prose_blocks(release: Release) -> Iterator[tuple[int, Block]]:
    """Blocks of running text outside quotations: the body, notes and about; not contacts or code."""
    end_marks = {mark.block for mark in release.end_marks}
    for index, block in enumerate(release.blocks):
        if not block.source or block.kind in ("code", "blockquote", "html", "hr") or index in end_marks:
            continue
        if block.section is not None and release.sections[block.section].kind == "contact":
            continue
        yield index, block


# -- front matter ----------------------------------------------------------------------------------


def front_matter_texts(
    release: Release, keys: tuple[str, ...] = ("title", "subtitle")
) -> Iterator[tuple[str, str, Written]]:
    """``(key, value, where it is written)`` for each of ``keys`` whose value is text."""
    for key in keys:
        value = release.front_matter.data.get(key)
        where = release.front_matter.values.get(key)
        if isinstance(value, str) and where is not None:
            yield key, value, where
