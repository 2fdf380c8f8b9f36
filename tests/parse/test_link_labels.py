"""Link and image labels looked for in linear time (src/pressrelease/parse/link_labels.py)."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pressrelease.parse import link_labels
from pressrelease.parse import markdown as release_markdown

PRESETS = ("js-default", "commonmark")


def stock(preset: str) -> MarkdownIt:
    return MarkdownIt(preset)


def bounded(preset: str) -> MarkdownIt:
    return link_labels.use(MarkdownIt(preset))


def dump(tokens: list[Token]) -> list[dict[str, Any]]:
    return [t.as_dict() for t in tokens]


def same_tokens(text: str) -> None:
    for preset in PRESETS:
        assert dump(bounded(preset).parse(text)) == dump(stock(preset).parse(text)), preset


TRICKY = [
    "[a](b)",
    "[a [b] c](d)",
    "[a [b](c) d](e)",  # a link inside a label: not a link for the outer one
    "![a [b] c](d)",
    "![a [b](c)](d)",  # a link inside an image's description
    "[a\\]b](c)",
    "[a\\[b](c)",
    "[a `]` b](c)",  # the code span hides the bracket
    "[a `b](c)`",
    "[a <http://x.org/]> b](c)",  # so does an autolink
    "[a](b",
    "[insert name",
    "[insert [insert [insert name] x",
    "[[[[[[a]]]]]](b)",
    "[" * 101 + "foo" + "]" * 101 + "()",  # markdown-it's own limit of nesting
    "[" * 100 + "foo]()",
    "[" * 250 + "a](b) " + "]" * 3,
    "[a][b]\n\n[b]: /u",
    "[a][b\n\n[b]: /u",
    "[a]\n\n[a]: /u 'title'",
    "[a][] [b] [c][d] [e]\n\n[a]: /1\n[c]: /2\n[d]: /3",
    "*[a*](b) **[c]** _d_]",
    "[a\nb](c)\n[d\n\ne](f)",
    "!",
    "![",
    "a ![",
    "[",
    "]",
    "x [",
    "[]",
    "[](",
    "[]()" * 5,
    "[a][b][c][d][e",
    "| [a | b] |\n| --- | --- |\n| [c | d](e) |",
    "- [a\n- b](c)\n- [d](e)",
    "> [a\n> b](c)",
    "# [Heading](x) [",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_labels_give_markdown_its_own_tokens(text: str) -> None:
    same_tokens(text)


pieces = st.sampled_from(
    [
        "[",
        "[",
        "]",
        "![",
        "(",
        ")",
        "](",
        "](x)",
        "][",
        "`",
        "\\[",
        "\\]",
        "*",
        "_",
        "word",
        " ",
        "\n",
        "\n\n",
        "<https://x.org>",
        "&amp;",
        '"t"',
        "[r]: /u\n",
        "[insert ",
    ]
)


@given(st.lists(pieces, max_size=40).map("".join))
@settings(max_examples=400)
def test_generated_texts_give_markdown_its_own_tokens(text: str) -> None:
    same_tokens(text)


@given(st.lists(pieces, max_size=30).map("".join), st.integers(min_value=90, max_value=110))
@settings(max_examples=50)
def test_texts_behind_deep_brackets_give_markdown_its_own_tokens(text: str, depth: int) -> None:
    """Past markdown-it's nesting limit its walks jump to the end of the text: the same here."""
    same_tokens("[" * depth + text)
    same_tokens(text + "[" * depth + text)


def test_the_release_parser_uses_the_rules() -> None:
    rules = release_markdown().inline.ruler.getRules("")
    assert link_labels.link in rules
    assert link_labels.image in rules


def token_skips(md: MarkdownIt, text: str) -> int:
    """How many tokens markdown-it steps over looking for labels in ``text``: the work, not the time."""
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_name == "skipToken":
            calls += 1

    sys.setprofile(count)
    try:
        md.parse(text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("unit", ["[insert ", "![insert ", "[a [b] "])
def test_unclosed_labels_take_work_in_proportion_to_their_number(unit: str) -> None:
    small, large = (token_skips(bounded("js-default"), "a " + unit * n) for n in (1_000, 4_000))
    assert large <= 4.5 * small  # linear: four times the brackets, four times the work
    assert large <= 12 * 4_000
    assert token_skips(stock("js-default"), "a " + unit * 4_000) > 20 * large  # markdown-it alone walks far
