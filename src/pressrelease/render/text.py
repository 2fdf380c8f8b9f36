"""The plain-text email body: what staff paste into a mail client.

Each block becomes plain-text lines (:mod:`.text_lines`); the order and the labels
live in ``release.txt.j2``, and this module only hands it finished pieces of text,
never user content to evaluate.

No hard wrap by default: a pasted line break becomes a real one in the message
and "combs" on phones (a hard-wrapped line broken again by a narrow screen). Links become ``text [1]`` with the URLs
listed at the end; ``mailto:`` addresses and bare URLs are shown once, in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..config import Config
from ..errors import RenderError
from ..model import Release, Section
from ..parse.language import language
from ..parse.token_ranges import TokenRanges
from .bidi import direction, mark_lines
from .contact_block import contact_block
from .house_style import about_heading, dateline_prefix, end_mark, release_line
from .templates import environment
from .text_lines import Line, Walker, emit

TEMPLATE = "release.txt.j2"


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
        self.walker = Walker()
        self.labels = language(release.language).labels

    def text(self, lines: Sequence[Line]) -> str:
        return emit(lines, self.width)

    def block(self, index: int) -> str:
        tokens = TokenRanges(self.release.blocks[index].tokens)
        lines = self.walker.blocks(tokens, 0, len(tokens.list))
        prefix = dateline_prefix(self.release) if index == self.release.lede else None
        if prefix and lines:
            lines[0] = Line(lines[0].first, lines[0].rest, prefix + lines[0].text, lines[0].wrap)
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
        blocks = [self.text([Line("", "", line.text) for line in paragraph]) for paragraph in paragraphs]
        return _Part(self.heading("contact"), tuple(blocks)) if blocks else None


def inline_plain(text: str) -> str:
    """Inline Markdown as its words only (links keep their text): for subject lines."""
    return " ".join(Walker().plain(text, footnotes=False).split())


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
