"""Bare links in Markdown text: a small markdown-it core rule in place of linkify.

markdown-it's ``linkify`` option runs linkify-it-py's pretest over every inline
token, and its fuzzy-domain machinery (a regex over every Unicode letter class and
a list of top-level domains) tripled the parser's cost on a release (4.4 ms against
1.4 ms per example). Releases only ever write three kinds of bare link: ``http(s)://``
(or ``ftp://``) addresses, ``www.`` hosts and email addresses. This rule links those
in text tokens, outside existing links, with the tokens linkify makes
(``link_open``/``text``/``link_close``, ``markup="linkify"``, ``info="auto"``), so
renderers and rules read them the same way.

A link ends before trailing sentence punctuation (``.`` ``,`` ``;`` ``:`` ``!`` ``?``),
closing quotation marks and a ``)``, ``]`` or ``}`` it did not open: ``(see
https://example.org/a_(b)).`` links ``https://example.org/a_(b)``. Unlike
linkify-it, a bare ``example.org`` without ``www.`` is not a link, and any
top-level domain is accepted (``www.iom.int``, ``press@iom.int``).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# A link starts at a scheme, "www." or an email's local part, never inside a word,
# a path or another address.
_LINK = re.compile(
    r"(?<![\w@/.+:-])"
    r"(?:"
    r"(?P<url>(?:https?|ftp)://[^\s<>\"/?#.][^\s<>\"]*)"
    r"|(?P<www>www\.[^\W_][^\s<>\"]*)"
    r"|(?P<email>[\w.+-]*[^\W_]@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.[^\W\d_]{2,}(?![\w@-]))"
    r")",
    re.IGNORECASE,
)
# Trailing characters that end a sentence or a quotation rather than the address.
_TRAILING = ".,;:!?'\"*_”’»“‘«…"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> str:
    """Drop trailing punctuation and closing brackets the address did not open."""
    balance = {close: url.count(close) - url.count(opener) for close, opener in _CLOSERS.items()}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _CLOSERS and balance[last] > 0:
            balance[last] -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return url[:end]


def find_links(text: str) -> list[tuple[int, int, str, str]]:
    """Bare links in ``text``: (start, end, href before normalising, kind)."""
    found: list[tuple[int, int, str, str]] = []
    for match in _LINK.finditer(text):
        kind = match.lastgroup or "url"
        written = match.group(0) if kind == "email" else _trim(match.group(0))
        if kind == "www" and "." not in written[4:]:
            continue  # "www.example" names no host
        if kind == "url" and written.endswith("://"):
            continue
        start = match.start()
        href = {"url": written, "www": "http://" + written, "email": "mailto:" + written}[kind]
        found.append((start, start + len(written), href, kind))
    return found


def _maybe(text: str) -> bool:
    """A cheap test before the regex: most text has no link at all."""
    return "://" in text or "@" in text or "www." in text or "WWW." in text


def _link_tokens(md: MarkdownIt, run: list[Token]) -> list[Token] | None:
    """A run of text tokens split into text and links, or None when it holds no link.

    The run is read as one string, so an escape or an entity inside an address
    (``a\\_b``, ``&amp;``) does not cut it short; an address starting right after
    an escape (``http\\://example.org``) stays text, as it does with linkify.
    """
    text = "".join(token.content for token in run)
    escapes: set[int] = set()
    offset = 0
    for token in run:
        offset += len(token.content)
        if token.type == "text_special":
            escapes.add(offset)
    nodes: list[Token] = []
    last = 0
    level = run[0].level
    for start, end, href, kind in find_links(text):
        url = md.normalizeLink(href)
        if start in escapes or not md.validateLink(url):
            continue
        written = text[start:end]
        if kind == "www":
            shown = md.normalizeLinkText("http://" + written).removeprefix("http://")
        else:
            shown = md.normalizeLinkText(written)
        if start > last:
            nodes.append(_text(text[last:start], level))
        opening = Token("link_open", "a", 1)
        opening.attrs = {"href": url}
        opening.level = level
        opening.markup = "linkify"
        opening.info = "auto"
        closing = Token("link_close", "a", -1)
        closing.level = level
        closing.markup = "linkify"
        closing.info = "auto"
        nodes += [opening, _text(shown, level + 1), closing]
        last = end
    if not nodes:
        return None
    if last < len(text):
        nodes.append(_text(text[last:], level))
    return nodes


def _text(content: str, level: int) -> Token:
    token = Token("text", "", 0)
    token.content = content
    token.level = level
    return token


def _linked(md: MarkdownIt, tokens: list[Token]) -> list[Token] | None:
    """The inline children with bare links made, or None when there are none."""
    result: list[Token] = []
    run: list[Token] = []
    depth = 0
    changed = False

    def flush() -> None:
        nonlocal changed
        if any(t.type == "text" and _maybe(t.content) for t in run):
            replaced = _link_tokens(md, run)
            if replaced is not None:
                result.extend(replaced)
                changed = True
                run.clear()
                return
        result.extend(run)
        run.clear()

    for token in tokens:
        if depth == 0 and token.type in ("text", "text_special"):
            run.append(token)
            continue
        flush()
        if token.type == "link_open":
            depth += 1
        elif token.type == "link_close":
            depth -= 1
        result.append(token)
    flush()
    return result if changed else None


def bare_links(state: StateCore) -> None:
    """The core rule: link bare addresses in every inline token's text, outside links."""
    for inline in state.tokens:
        if inline.type == "inline" and inline.children and _maybe(inline.content):
            linked = _linked(state.md, inline.children)
            if linked is not None:
                inline.children = linked


def use(md: MarkdownIt) -> MarkdownIt:
    """Add the rule where markdown-it's linkify runs: after inline parsing."""
    md.core.ruler.after("inline", "bare_links", bare_links)
    return md
