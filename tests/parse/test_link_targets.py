"""Link addresses normalised once: the same results as markdown-it's own, and only short ones kept."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from pressrelease.parse import link_targets
from pressrelease.parse.link_targets import LONGEST, LinkTargetsOnce

ADDRESSES = [
    "https://www.example.org/press/2026-03-report",
    "HTTP://Example.ORG/A Path/with spaces?q=1&r=é#frag",
    "https://bücher.example/straße",
    "mailto:press@example.org",
    "www.example.org/a%20b%zz",
    "javascript:alert(1)",
    "https://example.org/" + "a" * (LONGEST + 10),
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_is_normalised_as_markdown_it_does_it_the_first_time_and_after(address: str) -> None:
    ours, stock = LinkTargetsOnce(), MarkdownIt()
    for _ in range(2):  # the second time from what the first one kept
        assert ours.normalizeLink(address) == stock.normalizeLink(address)
        assert ours.normalizeLinkText(address) == stock.normalizeLinkText(address)


def test_a_document_gives_the_tokens_markdown_it_gives() -> None:
    text = (
        "See [the report](https://bücher.example/a b) and <https://example.org/x?y=1>, "
        "[mail](mailto:press@example.org) and ![a map](map.png 'Map').\n\n"
        "[again](https://bücher.example/a b)\n"
    )
    ours = LinkTargetsOnce("js-default").parse(text)
    stock = MarkdownIt("js-default").parse(text)
    assert [t.as_dict() for t in ours] == [t.as_dict() for t in stock]


def test_a_long_address_is_not_kept() -> None:
    link_targets._link.cache_clear()
    LinkTargetsOnce().normalizeLink("https://example.org/" + "a" * LONGEST)
    assert link_targets._link.cache_info().currsize == 0
    LinkTargetsOnce().normalizeLink("https://example.org/short")
    assert link_targets._link.cache_info().currsize == 1
