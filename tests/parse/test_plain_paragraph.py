"""The one-line paragraph shortcut through markdown-it's block stage (src/pressrelease/parse/plain_paragraph.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pressrelease.parse import markdown
from pressrelease.parse.plain_paragraph import plain_paragraph, use

MD = markdown()
#: the same parser without the shortcut: what MD must equal on every text
REFERENCE = markdown().disable("plain_paragraph")


def dump(tokens: list[Token]) -> list[dict[str, Any]]:
    return [t.as_dict() for t in tokens]


def test_the_shortcut_is_tried_first_and_ends_no_other_block() -> None:
    assert MD.block.ruler.get_active_rules()[0] == "plain_paragraph"
    for chain in ("paragraph", "reference", "blockquote", "list"):
        assert plain_paragraph not in MD.block.ruler.getRules(chain)


def test_not_installed_beside_a_block_rule_it_does_not_know() -> None:
    """A plugin's block rule may start at a character the shortcut takes for a paragraph's."""
    md = MarkdownIt("js-default")
    md.block.ruler.before("paragraph", "container", lambda state, start, end, silent: False)
    assert "plain_paragraph" not in use(md).block.ruler.get_all_rules()
    assert "plain_paragraph" in use(MarkdownIt("js-default")).block.ruler.get_all_rules()


# Lines a release holds, and the starts of every block construct, in every arrangement:
# a line alone between blank lines is the shortcut's; the rest must be left to markdown-it.
lines = st.lists(
    st.sampled_from(
        [
            "word",
            "Word and more words.",
            "“Quoted,” she said.",
            "  indented",
            "    code",
            "\tcode",
            "# Heading",
            "## Notes to editors",
            "> quoted",
            "- item",
            "* item",
            "+ item",
            "1. item",
            "2) item",
            "2026 was a year",
            "---",
            "***",
            "___",
            "===",
            "```",
            "~~~",
            "[ref]: https://example.org",
            "[link](https://example.org)",
            "| a | b |",
            "| --- | --- |",
            "<div>",
            "\\## escaped",
            "\u00a0nbsp",
            "ENDS",
            "",
            "",
            " ",
        ]
    ),
    max_size=14,
)


@example(["word", "", "word"], "\n")
@example(["- item", "word", "", "word"], "\n")
@example(["> quoted", "word", "", "word"], "\n")
@example(["word", "===", "", "word"], "\n")
@example(["| a | b |", "| --- | --- |", "", "word"], "\n")
@example(["    code", "", "word", "", "    code"], "\n")
@settings(max_examples=400)
@given(lines, st.sampled_from(["\n", "\n\n"]))
def test_tokens_are_markdown_its_own(parts: list[str], end: str) -> None:
    text = "\n".join(parts) + end
    assert dump(MD.parse(text)) == dump(REFERENCE.parse(text))


def test_nested_paragraphs_are_left_to_markdown_it() -> None:
    text = "- item\n\n  word\n\n> quoted\n>\n> word\n\nword\n"
    assert dump(MD.parse(text)) == dump(REFERENCE.parse(text))
