"""The plain-text email body: what staff paste into a mail client.

A walker over the markdown-it tokens of each block turns the release into lines
with their prefixes (``- ``, ``1. ``, ``> ``), so that wrapping, when asked for,
keeps list indents and quote marks on every line. The order and the labels live
in ``release.txt.j2``; this module only hands it finished pieces of text, never
user content to evaluate.

No hard wrap by default: a pasted line break becomes a real one in the message
and "combs" on phones (a hard-wrapped line broken again by a narrow screen). Links become ``text [1]`` with the URLs
listed at the end; ``mailto:`` addresses and bare URLs are shown once, in place.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import jinja2
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..config import Config
from ..errors import RenderError
from ..model import Release, Section
from ..parse import flatten_deep_inlines
from ..parse.language import language
from ..parse.token_ranges import TokenRanges
from .bidi import direction, mark_lines
from .contact_block import contact_block
from .house_style import about_heading, dateline_prefix, end_mark, release_line, safe_url
from .templates import environment

TEMPLATE = "release.txt.j2"
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


class _Line(NamedTuple):
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


_BLANK = _Line("", "", "")


def _bare(url: str) -> str:
    """``https://www.example.org/`` -> ``www.example.org``: how a writer types an address."""
    return _SCHEME.sub("", url).rstrip("/").lower()


class _Walker:
    """Turns blocks into :class:`_Line` lists, numbering links as it meets them.

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
            tokens = _parser().parseInline(text)
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

    def blocks(self, tokens: TokenRanges, start: int, end: int, tight: bool = False) -> list[_Line]:
        """The lines of the blocks from ``tokens[start]`` up to ``tokens[end]`` (not included)."""
        if start < end and tokens.closer[start] == end - 1:  # one block, as in most list items
            return self.block(tokens, start, end - 1)
        lines: list[_Line] = []
        for first, last in tokens.children(start, end):
            rendered = self.block(tokens, first, last)
            if not rendered:
                continue
            if lines and not tight:
                lines.append(_BLANK)
            lines.extend(rendered)
        return lines

    def block(self, tokens: TokenRanges, first: int, last: int) -> list[_Line]:
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
            return [_Line("", "", line, wrap=False) for line in token.content.rstrip("\n").split("\n")]
        if kind == "hr":
            return [_Line("", "", RULE)]
        if kind == "table_open":
            return self.table(tokens, first, last)
        if kind == "inline":
            return self.paragraph(self.inline(token.children or []))
        return self.blocks(tokens, first + 1, last)

    def paragraph(self, text: str) -> list[_Line]:
        if "\n" not in text:  # one line: most paragraphs, and every item of a long list
            text = text.strip()
            return [_Line("", "", text)] if text else []
        return [_Line("", "", part) for part in map(str.strip, text.split("\n")) if part]

    def list_(self, tokens: TokenRanges, first: int, last: int) -> list[_Line]:
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
        lines: list[_Line] = []
        for number, (item_first, item_last) in enumerate(items, start=start):
            marker = f"{number}. " if ordered else "- "
            indent = " " * len(marker)
            if lines and not tight:
                lines.append(_BLANK)
            inner = self.blocks(tokens, item_first + 1, item_last, tight)
            if not inner:
                lines.append(_Line(marker.rstrip(), indent, ""))
            prefix = marker  #: the item's first line starts with its marker, the others line up
            for line in inner:
                if not line.blank:
                    line = _Line(prefix + line.first, indent + line.rest, line.text, line.wrap)
                lines.append(line)
                prefix = indent
        return lines

    def quote(self, tokens: TokenRanges, first: int, last: int) -> list[_Line]:
        self.quote_depth += 1
        try:
            inner = self.blocks(tokens, first + 1, last)
        finally:
            self.quote_depth -= 1
        return [_Line("> " + line.first, "> " + line.rest, line.text, line.wrap) for line in inner]

    def table(self, tokens: TokenRanges, first: int, last: int) -> list[_Line]:
        lines: list[_Line] = []
        for row in range(first + 1, last):
            if tokens.list[row].type == "tr_open":
                cells = [
                    self.inline(tokens.inline(cell_first, cell_last)).strip()
                    for cell_first, cell_last in tokens.children(row + 1, tokens.closer[row])
                ]
                lines.append(_Line("", "", " | ".join(cells)))
        return lines


@cache
def _parser() -> MarkdownIt:
    from ..parse import markdown

    return markdown()


def _emit(lines: Sequence[_Line], width: int) -> str:
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


@dataclass(frozen=True, slots=True)
class _Part:
    label: str
    blocks: tuple[str, ...]


class _Document:
    """The release in reading order: body, end mark, notes, about, contact, links."""

    def __init__(self, release: Release, config: Config, width: int) -> None:
        self.release = release
        self.config = config
        self.width = width
        self.walker = _Walker()
        self.labels = language(release.language).labels

    def text(self, lines: Sequence[_Line]) -> str:
        return _emit(lines, self.width)

    def block(self, index: int) -> str:
        tokens = TokenRanges(self.release.blocks[index].tokens)
        lines = self.walker.blocks(tokens, 0, len(tokens.list))
        prefix = dateline_prefix(self.release) if index == self.release.lede else None
        if prefix and lines:
            lines[0] = _Line(lines[0].first, lines[0].rest, prefix + lines[0].text, lines[0].wrap)
        return self.text(lines)

    def body(self) -> tuple[list[str], list[str]]:
        """Every block outside the sections and end marks, in source order: those before
        the first end mark, and those after it (a lint finding, but the writer's text)."""
        marks = {mark.block for mark in self.release.end_marks}
        first_mark = min(marks, default=len(self.release.blocks))
        indices = [
            i
            for i, block in enumerate(self.release.blocks)
            if block.section is None and i not in marks and not (block.kind == "heading" and not block.text)
        ]
        before = [text for text in (self.block(i) for i in indices if i < first_mark) if text]
        after = [text for text in (self.block(i) for i in indices if i > first_mark) if text]
        return before, after

    def end_mark(self) -> str | None:
        if self.release.end_mark is not None:
            return self.release.end_mark.text
        return end_mark(self.release, self.config)

    def section(self, section: Section) -> list[str]:
        texts = []
        for i in section.blocks:
            text = self.block(i)
            if i == section.heading_block:  # "Media Contact:" heading its own paragraph: printed as the heading
                text = text.partition("\n")[2].strip("\n")
            if text:
                texts.append(text)
        return texts

    def notes(self) -> _Part | None:
        blocks = [text for s in self.release.sections if s.kind == "notes" for text in self.section(s)]
        return _Part(self.heading("notes"), tuple(blocks)) if blocks else None

    def heading(self, kind: str) -> str:
        """The writer's own heading for a section kind (as the HTML has it), else the language's label."""
        section = next((s for s in self.release.sections if s.kind == kind), None)
        return (section.heading if section is not None else self.labels[kind]).upper()

    def about(self) -> list[_Part]:
        """The About sections under their own headings, else the organisation's boilerplate."""
        parts = [_Part(s.heading.upper(), tuple(self.section(s))) for s in self.release.sections if s.kind == "about"]
        parts = [part for part in parts if part.blocks]
        org = self.release.organization
        if not parts and org is not None and org.boilerplate:
            label = about_heading(self.release).upper()  # as the HTML part of the .eml has it
            boilerplate = self.walker.plain(org.boilerplate)
            parts.append(_Part(label, (self.text(self.walker.paragraph(boilerplate)),)))
        return parts

    def contact(self) -> _Part | None:
        """The contact block every format prints (``contact_block``), line breaks kept."""
        paragraphs = contact_block(self.release)
        blocks = [self.text([_Line("", "", line.text) for line in paragraph]) for paragraph in paragraphs]
        return _Part(self.heading("contact"), tuple(blocks)) if blocks else None


def inline_plain(text: str) -> str:
    """Inline Markdown as its words only (links keep their text): for subject lines."""
    return " ".join(_Walker().plain(text, footnotes=False).split())


def render_text(release: Release, config: Config, *, wrap: int | None = None, templates: Path | None = None) -> str:
    """The plain-text body. ``wrap``: columns to wrap at (0: none); default ``[build] wrap``."""
    width = config.build.wrap if wrap is None else max(wrap, 0)
    doc = _Document(release, config, width)
    walker = doc.walker
    headline = doc.text(walker.paragraph(walker.plain(release.title, False).upper())) if release.title else ""
    subtitle = doc.text(walker.paragraph(walker.plain(release.subtitle, False))) if release.subtitle else ""
    # The order matters: links are numbered as the reader meets them.
    body, after_end_mark = doc.body()
    mark = doc.end_mark()
    notes = doc.notes()
    about = doc.about()
    contact = doc.contact()
    sections = [part for part in (notes, *about, contact) if part is not None]
    folder = templates if templates is not None else config.build.templates
    values = {
        "release_line": release_line(release),
        "headline": headline,
        "subtitle": subtitle,
        "body": body,
        "end_mark": mark or "",
        "after_end_mark": after_end_mark,
        "sections": sections,
        "links_label": doc.labels["links"].upper(),
        "links": [(number, url) for url, number in doc.walker.links.items()],
    }
    try:
        text = environment(folder).get_template(TEMPLATE).render(**values)
    except jinja2.TemplateError as error:  # a broken override: one line naming the template
        where = f"{error.filename}:{error.lineno}: " if isinstance(error, jinja2.TemplateSyntaxError) else ""
        raise RenderError(
            f"plain-text template {where or TEMPLATE + ': '}{error.message}", release.display_name
        ) from None
    text = _tidy(text)
    return mark_lines(text) if direction(release.language) == "rtl" else text


def _tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
