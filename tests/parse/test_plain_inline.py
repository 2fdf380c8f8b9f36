"""The plain-text shortcut through markdown-it's inline stage (src/pressrelease/parse/plain_inline.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pressrelease.parse import markdown
from pressrelease.parse import plain_inline as mdplain
from pressrelease.parse.bare_links import use as use_bare_links

MD = markdown()
REFERENCE = MarkdownIt("js-default", {"typographer": False}).enable(["table", "strikethrough"])
#: markdown-it with our bare links but its own inline stage: what MD must equal on every text
WITH_BARE_LINKS = use_bare_links(MarkdownIt("js-default", {"typographer": False}).enable(["table", "strikethrough"]))


def dump(tokens: list[Token]) -> list[dict[str, Any]]:
    return [t.as_dict() for t in tokens]


def inline_tokens(md: MarkdownIt, content: str) -> list[Token]:
    """markdown-it's own inline tokens for ``content`` (its core rules in inline mode)."""
    (inline,) = md.parseInline(content)
    return list(inline.children or [])


# Prose pieces without inline syntax: words, the terminator characters that start no
# enabled rule, spaces, tabs and line ends in every arrangement.
plain = st.lists(
    st.sampled_from(
        [
            "word",
            "Minsk",
            "—",
            "“",
            "”",
            "-",
            ":",
            "#",
            "%",
            "+",
            "=",
            ">",
            "@",
            "]",
            "^",
            "{",
            "$",
            " ",
            "  ",
            "\t",
            "\n",
            "\u00a0",
        ]
    ),
    max_size=30,
).map("".join)


@given(plain)
def test_plain_content_gives_markdown_its_own_tokens(content: str) -> None:
    assert mdplain._SYNTAX.search(content) is None
    assert dump(mdplain.plain_children(content)) == dump(inline_tokens(REFERENCE, content))


@given(
    st.lists(
        st.sampled_from(
            ["Geneva", "*", "_", "[a](b)", "`x`", "\\", "&amp;", "<https://x.org>", "!", "~~", " ", "  ", "\n"]
        ),
        max_size=20,
    ).map("".join)
)
def test_whole_documents_parse_as_markdown_it_parses_them(text: str) -> None:
    """The shortcut is wired in: every document's tokens equal markdown-it's (plus bare links)."""
    ours = MD.parse(text)
    theirs = REFERENCE.parse(text)
    assert [(t.type, t.content, t.map) for t in ours] == [(t.type, t.content, t.map) for t in theirs]
    for mine, reference in zip(ours, theirs, strict=True):
        assert dump(mine.children or []) == dump(reference.children or [])


def test_the_shortcut_is_installed_only_for_the_rules_it_knows() -> None:
    def installed(md: MarkdownIt) -> bool:
        return "_inline" in [rule.__name__ for rule in mdplain.use(md).core.ruler.getRules("")]

    assert installed(MarkdownIt("js-default", {"html": True}).disable("linkify"))  # html_inline starts at '<'
    assert not installed(MarkdownIt("js-default"))  # linkify starts at ':': not known
    assert installed(MarkdownIt("commonmark").disable("html_inline"))
    assert "_inline" in [rule.__name__ for rule in MD.core.ruler.getRules("")]


def test_hard_and_soft_breaks() -> None:
    kinds = [(t.type, t.content) for t in mdplain.plain_children("one  \n  two \nthree\n\tfour")]
    assert kinds == [
        ("text", "one"),
        ("hardbreak", ""),
        ("text", "two"),
        ("softbreak", ""),
        ("text", "three"),
        ("softbreak", ""),
        ("text", "four"),
    ]


# Text whose only syntax is backslash escapes, as the importer writes plain text: escaped
# punctuation, a backslash before a letter, a space or a line end, one at the very end,
# spaces before line ends.
escaped = st.lists(
    st.sampled_from(
        [
            "word",
            "\\`",
            "\\*",
            "\\_",
            "\\[",
            "\\\\",
            "\\a",
            "\\ ",
            "\\\n",
            "\\",
            "-",
            ":",
            "é",
            " ",
            "  ",
            "\t",
            "\n",
            "http\\://x.org",
            "https://x.org",
            "www.x.org",
            "www\\.x.org",
            "a@b.org",
            "\\@",
        ]
    ),
    max_size=30,
).map("".join)


@given(escaped)
def test_escaped_content_gives_markdown_its_own_tokens(content: str) -> None:
    if not mdplain._ESCAPES_ONLY.fullmatch(content):
        return  # an escaped backslash left a backtick or star bare: markdown-it reads it
    assert dump(mdplain.escaped_children(content)) == dump(inline_tokens(REFERENCE, content))


@given(escaped)
def test_documents_with_escapes_parse_as_markdown_it_parses_them(text: str) -> None:
    """Bare links included: an address right after an escape is no link (bare_links.py)."""
    assert [t.as_dict() for t in MD.parse(text)] == [t.as_dict() for t in WITH_BARE_LINKS.parse(text)]


def test_what_a_backslash_escapes_is_what_markdown_it_escapes() -> None:
    from markdown_it.rules_inline.escape import _ESCAPED

    assert frozenset(_ESCAPED) == mdplain._ESCAPABLE


def test_escapes_only_is_told_from_other_syntax() -> None:
    assert mdplain._ESCAPES_ONLY.fullmatch("a \\` b \\*\\* c\\")
    assert not mdplain._ESCAPES_ONLY.fullmatch("a \\` b * c")
    assert not mdplain._ESCAPES_ONLY.fullmatch("\\\\`code`")
