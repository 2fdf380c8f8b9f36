"""A shortcut through markdown-it's inline stage for text with no inline syntax.

Most inline content of a release is plain prose: no emphasis, link, code span,
escape or entity. markdown-it still runs its whole inline machinery over it: a
state object, every inline rule tried at each ``-``, ``:`` or line end, then the
delimiter post-processing. For content holding none of the characters an enabled
inline rule can start at (``\\`` ````` ``~`` ``*`` ``_`` ``[`` ``!`` ``<`` ``&``),
its result is known in advance: text tokens between soft or hard line breaks,
with the break rule's handling of spaces (a line's trailing spaces dropped, two
or more making a hard break; the next line's leading spaces and tabs skipped).
This core rule builds those tokens directly and hands all other content to
markdown-it. It is installed only when the enabled inline rules are those whose
start characters it knows, and tests/parse/test_plain_inline.py compares its tokens with
markdown-it's own on generated text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

#: the characters at which an enabled inline rule other than text and newline can start
_SYNTAX = re.compile(r"[\\`~*_\[!<&]")
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


def _inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, with plain content tokenised directly."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if _SYNTAX.search(token.content) is None:
                token.children.extend(plain_children(token.content))
            else:
                md.inline.parse(token.content, md, state.env, token.children)


def use(md: MarkdownIt) -> MarkdownIt:
    """Replace the core ``inline`` rule, unless an inline rule it does not know is enabled."""
    if set(md.get_active_rules()["inline"]) <= _KNOWN:
        md.core.ruler.at("inline", _inline)
    return md
