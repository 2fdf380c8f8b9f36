"""Bare links: the markdown-it core rule that replaces linkify (src/pressrelease/parse/bare_links.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.token import Token

from pressrelease.parse import markdown
from pressrelease.parse.bare_links import find_links

MD = markdown()


def children(text: str) -> list[Token]:
    (inline,) = [t for t in MD.parse(text) if t.type == "inline"]
    return list(inline.children or [])


def links(text: str) -> list[tuple[str, str]]:
    """(href, shown text) of every link the parser made from bare addresses."""
    kids = children(text)
    return [
        (kid.attrs["href"], kids[i + 1].content)
        for i, kid in enumerate(kids)
        if kid.type == "link_open" and kid.markup == "linkify"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Read it at https://example.org/report.", [("https://example.org/report", "https://example.org/report")]),
        ("See http://example.org, then", [("http://example.org", "http://example.org")]),
        ("(see https://example.org/a_(b)).", [("https://example.org/a_(b)", "https://example.org/a_(b)")]),
        ("(see https://example.org/page)", [("https://example.org/page", "https://example.org/page")]),
        ("Go to www.iom.int; then", [("http://www.iom.int", "www.iom.int")]),
        ("Write to press@iom.int: today", [("mailto:press@iom.int", "press@iom.int")]),
        ("“https://example.org/a” she wrote", [("https://example.org/a", "https://example.org/a")]),
        (
            "at https://example.org:8080/a?b=1&c=2#top!",
            [("https://example.org:8080/a?b=1&c=2#top", "https://example.org:8080/a?b=1&c=2#top")],
        ),
        ("FTP at ftp://files.example.org/x", [("ftp://files.example.org/x", "ftp://files.example.org/x")]),
        ("a.b-c+d@mail.example.co.uk.", [("mailto:a.b-c+d@mail.example.co.uk", "a.b-c+d@mail.example.co.uk")]),
        ("https://example.org/caf%C3%A9 x", [("https://example.org/caf%C3%A9", "https://example.org/café")]),
        (
            "two: https://a.example and https://b.example.",
            [("https://a.example", "https://a.example"), ("https://b.example", "https://b.example")],
        ),
    ],
)
def test_bare_addresses_become_links_without_trailing_punctuation(text: str, expected: list[tuple[str, str]]) -> None:
    assert links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a bare example.org is a name, not a link",
        "GOV.UK and format.md are not links",
        "only a scheme: http:// and nothing",
        "www.example names no host",
        "user@localhost has no domain",
        "the `https://example.org` code span",
        "an escaped http\\://example.org",
        "file.www.example.org and x.https://example.org",
    ],
)
def test_what_is_not_a_bare_link(text: str) -> None:
    assert links(text) == []


def test_link_tokens_match_linkify_shape() -> None:
    kids = children("Visit https://example.org now")
    assert [k.type for k in kids] == ["text", "link_open", "text", "link_close", "text"]
    opening, shown, closing = kids[1:4]
    assert (opening.markup, opening.info, closing.markup, closing.info) == ("linkify", "auto", "linkify", "auto")
    assert (opening.level, shown.level, closing.level) == (0, 1, 0)
    assert kids[0].content == "Visit " and kids[4].content == " now"


def test_text_inside_existing_links_is_left_alone() -> None:
    kids = children("[https://example.org](https://example.org/x) and <https://example.org/y>")
    opened = [k for k in kids if k.type == "link_open"]
    assert [k.attrs["href"] for k in opened] == ["https://example.org/x", "https://example.org/y"]
    assert all(k.markup != "linkify" for k in opened)


def test_links_inside_emphasis_and_tables_are_found() -> None:
    assert links("**see https://example.org**") == [("https://example.org", "https://example.org")]
    table = "| a | b |\n| --- | --- |\n| x | www.example.org |\n"
    cells = [t for t in MD.parse(table) if t.type == "inline"]
    hrefs = [c.attrs["href"] for t in cells for c in t.children or () if c.type == "link_open"]
    assert hrefs == ["http://www.example.org"]


def test_unsafe_schemes_are_never_links() -> None:
    assert links("javascript://example.org/%0Aalert(1)") == []


@given(st.text(alphabet=st.sampled_from(list("aw.:/@ -()h_tps\"'<>,;!?x”1")), max_size=60))
def test_any_text_gives_in_range_links_that_read_as_written(text: str) -> None:
    for start, end, href, kind in find_links(text):
        assert 0 <= start < end <= len(text)
        written = text[start:end]
        assert href.endswith(written)
        assert written[-1] not in ".,;:!?'\""
        assert kind in ("url", "www", "email")


def test_escapes_and_entities_inside_an_address_keep_it_whole() -> None:
    assert links("https://example.org/?a=1&amp;b=2 x") == [
        ("https://example.org/?a=1&b=2", "https://example.org/?a=1&b=2")
    ]
    assert links("https://example.org/a\\_b x") == [("https://example.org/a_b", "https://example.org/a_b")]
    assert links("\\* https://example.org/a \\*") == [("https://example.org/a", "https://example.org/a")]
