"""A release written in Markdown (a static site's page, an aggregator's copy) -> a :class:`Document`.

The Markdown is rendered to HTML with markdown-it and read like a saved page, so
headings, links, lists and emphasis keep their meaning and the ``# `` of the
headline never reaches the title. Indented code blocks are off: pages copied
from the web indent whole paragraphs, which are prose, not code.

Text files are read this way only when they clearly are Markdown: a ``# ``
headline on the first line, a ``===`` underlined headline, or a page of link
lines and link menus (``* [News](/news/)``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .blocks import Document

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt

_ATX_HEADLINE = re.compile(r"\A\s*#[ \t]+\S")
#: A line with some text, underlined with ``=``. The text test is a lookahead: written
#: ``[^\n]*\S[^\n]*``, the two runs split a long line every way before failing (quadratic).
_SETEXT_H1 = re.compile(r"^(?=[^\n]*\S)[^\n]*\n=+[ \t]*$", re.MULTILINE)
_LINK_LINE = re.compile(
    r"^\s{0,4}(?:[*+-]\s+)?\[[^\]\n]{1,200}\]\([^)\s]{0,500}(?:\s+\"[^\"\n]{0,200}\")?\)\s*$", re.MULTILINE
)
_MIN_LINK_LINES = 5


def looks_like_markdown(text: str) -> bool:
    """Plain text that is really Markdown: a ``# `` or ``===`` headline, or menus made of links."""
    if _ATX_HEADLINE.match(text) or _SETEXT_H1.search(text):
        return True
    return sum(1 for _ in zip(range(_MIN_LINK_LINES), _LINK_LINE.finditer(text), strict=False)) >= _MIN_LINK_LINES


@cache
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    from ..parse.link_labels import use as use_link_labels

    return use_link_labels(MarkdownIt("commonmark", {"html": True}).disable("code").enable("table"))


def read_markdown(text: str, path: Path | None = None) -> Document:
    """The article in a Markdown text, read as the HTML it renders to."""
    from .html import read_html

    doc = read_html(_renderer().render(text), path)
    doc.kind = "markdown"
    return doc
