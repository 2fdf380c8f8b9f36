"""Text helpers shared by the section, contact, embargo and body rules.

Word counts, masking of the parts of a block that are not prose (code spans,
link targets, URLs, email addresses), the links and images of a block with their
offsets, and where front-matter values are written. Masking keeps lengths, so an
offset into masked text is an offset into ``Block.source``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import msgspec

from ...model import Block, Release, Span, blank

#: A word: letters or digits, with inner apostrophes, hyphens, dots and commas
#: ("co-chaired", "U.S", "400,000"); a dash or a lone symbol is not a word.
WORD = re.compile(r"[^\W_](?:[\w'’.,&-]*[^\W_])?")

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_NOT_PROSE = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # a link target: [text](target "title")
    r"|<[a-zA-Z][\w+.-]*:[^\s<>]*>"  # <https://...>
    r"|<[^\s<>@]+@[^\s<>]+>"  # <name@example.org>
    r"|(?:https?|ftp|file)://[^\s<>]*"  # a bare URL
    r"|\bwww\.[^\s<>]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address
)


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    """Cached: the lede, body and boilerplate rules count the same paragraphs."""
    return len(WORD.findall(text))


def _blank(match: re.Match[str]) -> str:
    return blank(match.group(0))


def mask_code(text: str) -> str:
    """``text`` with code spans blanked (same length)."""
    return _CODE_SPAN.sub(_blank, text) if "`" in text else text


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


@lru_cache(maxsize=4096)
def _links(source: str) -> tuple[Link, ...]:
    """Cached: four rules read the links of the same block."""
    text = mask_code(source)
    links = list(_inline(text)) if "](" in text else []
    taken = [(link.start, link.end) for link in links]
    for pattern, hints in ((_AUTOLINK, (":",)), (_BARE, ("://", "www."))):
        if not any(hint in text for hint in hints):
            continue  # every match holds one of these
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            target = match.group("target")
            start, end = match.start("target"), match.end("target")
            links.append(Link(match.start(), match.end(), target, target, start, end, auto=True))
            taken.append((match.start(), match.end()))
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


class Value(msgspec.Struct, frozen=True):
    """Where a one-line front-matter scalar is written: its line, first column and raw text."""

    line: int
    column: int
    raw: str  #: as written, without surrounding quotes or a trailing comment

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + len(self.raw))

    def locate(self, start: int, end: int) -> Span:
        return Span(self.line, self.column + start, self.line, self.column + end)


def _scalar_at(line_no: int, line: str, start: int) -> Value | None:
    """The scalar written on ``line`` from column offset ``start`` (after ``key:``)."""
    while start < len(line) and line[start] in " \t":
        start += 1
    rest = line[start:]
    if not rest or rest[0] in "|>[{&*!":
        return None
    if rest[0] in "'\"":
        close = rest.find(rest[0], 1)
        if close < 0:
            return None
        return Value(line_no, start + 2, rest[1:close])
    raw = re.split(r"\s+#", rest, maxsplit=1)[0].rstrip()
    return Value(line_no, start + 1, raw) if raw else None


def fm_value(release: Release, key: str) -> Value | None:
    """Where the value of top-level ``key`` is written, when it is on the key's line."""
    key_span = release.front_matter.key_spans.get(key)
    if key_span is None or key_span.line > len(release.lines):
        return None
    line = release.lines[key_span.line - 1]
    colon = line.find(":", key_span.end_column - 1)
    return _scalar_at(key_span.line, line, colon + 1) if colon >= 0 else None


def fm_value_span(release: Release, key: str) -> Span:
    """The value of ``key`` if it can be found, else the key, else the file's start."""
    value = fm_value(release, key)
    if value is not None:
        return value.span
    return release.front_matter.key_spans.get(key, Span.point(1))


_ITEM_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*)\s*:")


#: the last release's list items by key: the contact rules ask for them one after another
_items_memo: tuple[Release | None, dict[str, list[dict[str, Value]]]] = (None, {})


def fm_list_items(release: Release, key: str) -> list[dict[str, Value]]:
    """For a block-style list of mappings under ``key``: each item's values by field name.

    Flow-style lists (``[{...}]``) give an empty list; callers fall back to the key.
    Read once a release (the result is shared: do not change it).
    """
    global _items_memo
    memo_release, memo = _items_memo
    if memo_release is not release:
        memo = {}
        _items_memo = (release, memo)
    if key not in memo:
        memo[key] = _list_items(release, key)
    return memo[key]


def _list_items(release: Release, key: str) -> list[dict[str, Value]]:
    key_span = release.front_matter.key_spans.get(key)
    if key_span is None:
        return []
    lines = release.lines
    last = min(release.front_matter.span.end_line - 1, len(lines))
    items: list[dict[str, Value]] = []
    item_indent: int | None = None
    for line_no in range(key_span.line + 1, last + 1):
        line = lines[line_no - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0 and not stripped.startswith("-"):
            break  # the next top-level key
        match = _ITEM_KEY.match(line)
        if stripped.startswith("-") and (item_indent is None or indent <= item_indent):
            item_indent = indent
            items.append({})
        if match is None or not items:
            continue
        value = _scalar_at(line_no, line, match.end())
        if value is not None:
            items[-1].setdefault(match.group("key"), value)
    return items
