"""Markdown to plain-text lines: what the email body's blocks read as, and how they wrap.

:class:`Walker` turns each block's markdown-it tokens into :class:`Line` values,
each with the prefixes of its first and following visual lines (``- ``, ``1. ``,
``> ``), so that wrapping, when asked for, keeps list indents and quote marks on
every line. Links become ``text [1]``, numbered as the walker meets them;
``mailto:`` addresses and bare URLs are shown once, in place. :func:`emit` writes
the lines out.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..parse import flatten_deep_inlines
from ..parse.token_ranges import TokenRanges
from .house_style import safe_url

RULE = "———"  #: a thematic break; ``---`` or ``***`` would read as Markdown
_DASHES = ("—", "–", "―", "-")
#: two spaces or more inside a line of text (a PDF's or a typist's), which a browser shows as one
_SPACES = re.compile(r" {2,}")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.IGNORECASE)
# markdown-it refuses these targets and leaves ``[text](javascript:...)`` as literal
# text; the words stay, the Markdown and the target go.
_REFUSED_LINK = re.compile(
    r"(!?)\[([^\]\n]*)\]\(\s*(?:javascript|vbscript|file|data):(?:[^()\s]|\([^()\s]*\))*\s*\)", re.IGNORECASE
)


def _unlink(match: re.Match[str]) -> str:
    image, text = match.group(1), match.group(2).strip()
    if image:
        return f"[Image: {text}]" if text else "[Image]"
    return text


def _without_refused_links(text: str) -> str:
    """``_REFUSED_LINK.sub(_unlink, text)``, trying one ``[`` per ``](`` instead of every ``[``.

    A match's label runs from its ``[`` to the first ``]`` or line end, so every ``[``
    before one ``](`` (and after the ``]`` or line end before it) ends at that same
    ``]``: the first of them matches or none does. Tried from each, a line of unclosed
    ``[`` made the search quadratic.
    """
    parts: list[str] = []
    done = 0  #: text before this is copied or replaced
    close, before = text.find("]("), 0  #: this ``](`` and the one before, a ``]`` to look back to
    while close >= 0:
        after = max(done, text.rfind("]", before, close) + 1, text.rfind("\n", before, close) + 1)
        start = text.find("[", after, close)
        if start > after and text[start - 1] == "!":
            start -= 1
        match = _REFUSED_LINK.match(text, start) if start >= 0 else None
        if match is not None:
            parts += [text[done : match.start()], _unlink(match)]
            done = match.end()
        close, before = text.find("](", max(close + 1, done)), close
    return "".join(parts) + text[done:] if parts else text


class Line(NamedTuple):
    """One logical line: its text and the prefixes of its first and following visual lines.

    A named tuple, made about twice as fast as a frozen dataclass: a long list makes
    two per item.
    """

    first: str
    rest: str
    text: str
    wrap: bool = True  #: False for code, which keeps its own line breaks

    @property
    def blank(self) -> bool:
        return not self.text


BLANK = Line("", "", "")


def _bare(url: str) -> str:
    """``https://www.example.org/`` -> ``www.example.org``: how a writer types an address."""
    return _SCHEME.sub("", url).rstrip("/").lower()


class Walker:
    """Turns blocks into :class:`Line` lists, numbering links as it meets them.

    It walks markdown-it's flat token list, an opening token's closing one found once
    per block (:class:`~pressrelease.parse.token_ranges.TokenRanges`), rather than a
    ``SyntaxTreeNode``: building that tree cost more than the walk itself on a long list.
    """

    def __init__(self) -> None:
        self.links: dict[str, int] = {}
        self.quote_depth = 0
        self.footnotes = True  #: off for the headline: a link there keeps its words only

    def plain(self, text: str, footnotes: bool = True) -> str:
        """Inline Markdown from the front matter or config (headline, boilerplate) as text."""
        self.footnotes = footnotes
        try:
            tokens = parser().parseInline(text)
            flatten_deep_inlines(tokens)  # a headline nested 250 deep reads as its marks, not a RecursionError
            return "".join(self.inline(token.children or []) for token in tokens)
        finally:
            self.footnotes = True

    # -- inline ---------------------------------------------------------------------------

    def inline(self, tokens: Sequence[Token]) -> str:
        parts: list[str] = []
        #: the links open here, each with the parts before it (markdown-it closes every one)
        links: list[tuple[Token, list[str]]] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "text":
                content = _without_refused_links(token.content)
                parts.append(_SPACES.sub(" ", content) if "  " in content else content)
            elif kind in ("code_inline", "html_inline"):
                parts.append(token.content)
            elif kind == "softbreak":
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                attribution = (
                    self.quote_depth > 0
                    and following is not None
                    and following.type == "text"
                    and following.content.lstrip().startswith(_DASHES)
                )
                parts.append("\n" if attribution else " ")
            elif kind == "hardbreak":
                parts.append("\n")
            elif kind == "link_open":
                links.append((token, parts))
                parts = []
            elif kind == "link_close" and links:
                opening, outer = links.pop()
                outer.append(self.link(opening, "".join(parts)))
                parts = outer
            elif kind == "image":
                alt = self.inline(token.children or []).strip() or str(token.attrs.get("alt") or "").strip()
                parts.append(f"[Image: {alt}]" if alt else "[Image]")
            elif token.children:  # anything a plugin adds: the words, not the marks
                parts.append(self.inline(token.children))
            # em, strong, s: their words are walked in turn, their marks dropped
        return "".join(parts)

    def link(self, opening: Token, words: str) -> str:
        text = words.strip()
        url = safe_url(str(opening.attrs.get("href") or ""))
        if url is None:  # javascript:, file:, data: ... the words stay, the target goes
            return text
        if not text:
            return url
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("mailto", "tel"):
            address = unquote(url.split(":", 1)[1]).split("?", 1)[0]
            return text if not address or address.lower() in text.lower() else f"{text} ({address})"
        if opening.markup in ("linkify", "autolink") or _bare(text) == _bare(url) or not self.footnotes:
            return text
        number = self.links.setdefault(url, len(self.links) + 1)
        return f"{text} [{number}]"

    # -- blocks -----------------------------------------------------------------------------

    def blocks(self, tokens: TokenRanges, start: int, end: int, tight: bool = False) -> list[Line]:
        """The lines of the blocks from ``tokens[start]`` up to ``tokens[end]`` (not included)."""
        if start < end and tokens.closer[start] == end - 1:  # one block, as in most list items
            return self.block(tokens, start, end - 1)
        lines: list[Line] = []
        for first, last in tokens.children(start, end):
            rendered = self.block(tokens, first, last)
            if not rendered:
                continue
            if lines and not tight:
                lines.append(BLANK)
            lines.extend(rendered)
        return lines

    def block(self, tokens: TokenRanges, first: int, last: int) -> list[Line]:
        """The lines of one block: ``tokens[first]`` opens it and ``tokens[last]`` closes it."""
        token = tokens.list[first]
        kind = token.type
        if kind == "paragraph_open":
            return self.paragraph(self.inline(tokens.inline(first, last)))
        if kind == "heading_open":
            return self.paragraph(self.inline(tokens.inline(first, last)).upper())
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.list_(tokens, first, last)
        if kind == "blockquote_open":
            return self.quote(tokens, first, last)
        if kind in ("fence", "code_block"):
            return [Line("", "", line, wrap=False) for line in token.content.rstrip("\n").split("\n")]
        if kind == "hr":
            return [Line("", "", RULE)]
        if kind == "table_open":
            return self.table(tokens, first, last)
        if kind == "inline":
            return self.paragraph(self.inline(token.children or []))
        return self.blocks(tokens, first + 1, last)

    def paragraph(self, text: str) -> list[Line]:
        if "\n" not in text:  # one line: most paragraphs, and every item of a long list
            text = text.strip()
            return [Line("", "", text)] if text else []
        return [Line("", "", part) for part in map(str.strip, text.split("\n")) if part]

    def list_(self, tokens: TokenRanges, first: int, last: int) -> list[Line]:
        opening = tokens.list[first]
        ordered = opening.type == "ordered_list_open"
        start = int(str(opening.attrs.get("start", 1))) if ordered else 1
        items = list(tokens.children(first + 1, last))
        # markdown-it hides every paragraph of a tight list and none of a loose one: the
        # first paragraph tells (a list without one is tight)
        tight = next(
            (
                tokens.list[child].hidden
                for item_first, item_last in items
                for child, _ in tokens.children(item_first + 1, item_last)
                if tokens.list[child].type == "paragraph_open"
            ),
            True,
        )
        lines: list[Line] = []
        for number, (item_first, item_last) in enumerate(items, start=start):
            marker = f"{number}. " if ordered else "- "
            indent = " " * len(marker)
            if lines and not tight:
                lines.append(BLANK)
            inner = self.blocks(tokens, item_first + 1, item_last, tight)
            if not inner:
                lines.append(Line(marker.rstrip(), indent, ""))
            prefix = marker  #: the item's first line starts with its marker, the others line up
            for line in inner:
                if not line.blank:
                    line = Line(prefix + line.first, indent + line.rest, line.text, line.wrap)
                lines.append(line)
                prefix = indent
        return lines

    def quote(self, tokens: TokenRanges, first: int, last: int) -> list[Line]:
        self.quote_depth += 1
        try:
            inner = self.blocks(tokens, first + 1, last)
        finally:
            self.quote_depth -= 1
        return [Line("> " + line.first, "> " + line.rest, line.text, line.wrap) for line in inner]

    def table(self, tokens: TokenRanges, first: int, last: int) -> list[Line]:
        lines: list[Line] = []
        for row in range(first + 1, last):
            if tokens.list[row].type == "tr_open":
                cells = [
                    self.inline(tokens.inline(cell_first, cell_last)).strip()
                    for cell_first, cell_last in tokens.children(row + 1, tokens.closer[row])
                ]
                lines.append(Line("", "", " | ".join(cells)))
        return lines


@cache
def parser() -> MarkdownIt:
    from ..parse import markdown

    return markdown()


def emit(lines: Sequence[Line], width: int) -> str:
    """The lines as text: wrapped at ``width`` columns (0: not at all), prefixes on every line.

    Words are never broken, nor split at hyphens, so a URL always stays whole.
    """
    out: list[str] = []
    for line in lines:
        if line.blank:
            out.append(line.first.rstrip())
        elif width and line.wrap:
            out.append(
                textwrap.fill(
                    line.text,
                    width,
                    initial_indent=line.first,
                    subsequent_indent=line.rest,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        else:
            out.append(line.first + line.text)
    return "\n".join(out)
