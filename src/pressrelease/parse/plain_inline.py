"""A shortcut through markdown-it's inline stage for text with no inline syntax.

Most inline content of a release is plain prose: no emphasis, link, code span,
escape or entity. markdown-it still runs its whole inline machinery over it: a
state object, every inline rule tried at each ``-``, ``:`` or line end, then the
delimiter post-processing. For content holding none of the characters an enabled
inline rule can start at (``\\`` ````` ``~`` ``*`` ``_`` ``[`` ``!`` ``<`` ``&``),
its result is known in advance: text tokens between soft or hard line breaks,
with the break rule's handling of spaces (a line's trailing spaces dropped, two
or more making a hard break; the next line's leading spaces and tabs skipped).
This core rule builds those tokens directly, and those of content whose only
syntax is backslash escapes (an imported text escapes every backtick and star),
and hands all other content to markdown-it. It is installed only when the enabled inline rules are those whose
start characters it knows, and tests/parse/test_plain_inline.py compares its tokens with
markdown-it's own on generated text.
"""

from __future__ import annotations

import re
import string

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

#: the characters at which an enabled inline rule other than text and newline can start
_SYNTAX = re.compile(r"[\\`~*_\[!<&]")
#: content whose only inline syntax is backslash escapes (an importer escapes every
#: backtick, star and bracket of plain text); a surrogate sends it to markdown-it
_ESCAPES_ONLY = re.compile(r"(?:[^\\`~*_\[!<&\ud800-\udfff]++|\\[^\ud800-\udfff])*+\\?")
_TEXT = re.compile(r"[^\\\n]*")  #: text up to the next escape or line end
#: what a bare link needs (bare_links.py): it tells ``http\\://`` from ``http://`` by the
#: escape tokens, which escaped_children joins, so such content goes to markdown-it
_LINK_HINT = re.compile(r"://|@|www\.", re.IGNORECASE)
_ESCAPABLE = frozenset(string.punctuation)  #: what a backslash escapes (ASCII punctuation)
#: inline rules whose start characters _SYNTAX covers (text and newline are rebuilt here)
_KNOWN = frozenset(
    {
        "text",
        "newline",
        "escape",
        "backticks",
        "strikethrough",
        "emphasis",
        "link",
        "image",
        "autolink",
        "html_inline",
        "entity",
    }
)


def _token(kind: str, tag: str, content: str = "") -> Token:
    token = Token(kind, tag, 0)
    token.content = content
    return token


def plain_children(content: str) -> list[Token]:
    """markdown-it's inline tokens for ``content`` that holds no inline syntax."""
    if "\n" not in content:  # one line (a heading, a list item): its text, untrimmed
        return [_token("text", "", content)] if content else []
    children: list[Token] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")  # the break rule skips the next line's indentation
        if number == last:
            if line:
                children.append(_token("text", "", line))
            break
        text = line.rstrip(" ")
        if text:
            children.append(_token("text", "", text))
        children.append(_token("hardbreak" if len(line) - len(text) >= 2 else "softbreak", "br"))
    return children


def escaped_children(content: str) -> list[Token]:
    """markdown-it's inline tokens for ``content`` whose only syntax is backslash escapes.

    As its escape, newline and text rules make them and its ``text_join`` rule then
    joins them: an escape is a token of its own (``\\*`` the character, ``\\a`` both,
    a backslash before a line end a hard break), a line end trims the spaces of the
    text before it (two or more: a hard break), and each run of text and escapes
    becomes one text token that keeps the markup of its first part. A megabyte of
    escaped backticks made a million tokens to join; here it makes one.
    """
    children: list[Token] = []
    run: list[str] = []  #: the text and escapes since the last break
    pending: list[str] = []  #: the text since the last escape (what a line end trims)
    first: tuple[str, str] | None = None  #: (markup, info) of the run's first part

    def flush_pending() -> None:
        nonlocal first
        text = "".join(pending)
        pending.clear()
        if text:
            run.append(text)
            first = first or ("", "")

    def end_run(kind: str | None) -> None:
        nonlocal first
        flush_pending()
        if run:
            token = _token("text", "", "".join(run))
            token.markup, token.info = first or ("", "")
            children.append(token)
            run.clear()
        first = None
        if kind is not None:
            children.append(_token(kind, "br"))

    pos, end = 0, len(content)
    while pos < end:
        char = content[pos]
        if char == "\\" and pos + 1 < end:
            escaped = content[pos + 1]
            pos += 2
            if escaped == "\n":
                end_run("hardbreak")
                while pos < end and content[pos] in " \t":
                    pos += 1
                continue
            flush_pending()
            run.append(escaped if escaped in _ESCAPABLE else "\\" + escaped)
            first = first or ("\\" + escaped, "escape")
        elif char == "\n":
            text = "".join(pending)
            trimmed = text.rstrip(" ")
            pending[:] = [trimmed if len(text) - len(trimmed) >= 2 else text.removesuffix(" ")]
            end_run("hardbreak" if len(text) - len(trimmed) >= 2 else "softbreak")
            pos += 1
            while pos < end and content[pos] in " \t":
                pos += 1
        else:
            stop = _TEXT.match(content, pos + 1).end()  # type: ignore[union-attr]  # it matches the empty string
            pending.append(content[pos:stop])
            pos = stop
    end_run(None)
    return children


def _inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, with plain content tokenised directly."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if _SYNTAX.search(token.content) is None:
                token.children.extend(plain_children(token.content))
            elif _ESCAPES_ONLY.fullmatch(token.content) and not _LINK_HINT.search(token.content):
                token.children.extend(escaped_children(token.content))
            else:
                md.inline.parse(token.content, md, state.env, token.children)


def use(md: MarkdownIt) -> MarkdownIt:
    """Replace the core ``inline`` rule, unless an inline rule it does not know is enabled."""
    if set(md.get_active_rules()["inline"]) <= _KNOWN:
        md.core.ruler.at("inline", _inline)
    return md
