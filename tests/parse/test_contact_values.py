"""Email addresses and phone numbers in a contact line: what is a number to call, and whose kind."""

from __future__ import annotations

import pytest

from pressrelease.parse.contact_values import values_in


def found(line: str) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in values_in(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("02 6200 0000 / 0400 000 000", [("phone", "02 6200 0000"), ("phone", "0400 000 000")]),
        (
            "0200000000or0400000000  0200000001",
            [("phone", "0200000000"), ("phone", "0400000000"), ("phone", "0200000001")],
        ),
        ("02 6?00 0000. 0400 000 000", [("phone", "0400 000 000")]),
        ("(+ 32 2 000 00 01)", [("phone", "+32 2 000 00 01")]),
        ("电话:+ 1 212 000 0000,", [("phone", "+1 212 000 0000")]),
        ("jdoe@example.org+1 202 000 0000", [("email", "jdoe@example.org"), ("phone", "+1 202 000 0000")]),
        ("Tel: +41 22 000 0000, Fax: +41 22 000 0001", [("phone", "+41 22 000 0000"), ("fax", "+41 22 000 0001")]),
        ("Mobile phone: 079 000 00 00", [("mobile", "079 000 00 00")]),
        ("Tel/Fax: +41 22 000 0000", [("phone", "+41 22 000 0000")]),
        ("Fax +41 22 000 0001", [("fax", "+41 22 000 0001")]),
        (
            "T +44 20 0000 0000 | M +44 7000 000000 | F +44 20 0000 0001",
            [("phone", "+44 20 0000 0000"), ("mobile", "+44 7000 000000"), ("fax", "+44 20 0000 0001")],
        ),
        ("Téléphone portable : 06 00 00 00 00", [("mobile", "06 00 00 00 00")]),
        ("手机：138 0000 0000", [("mobile", "138 0000 0000")]),
        ("(617) 000-0000 or 617-000-0001", [("phone", "(617) 000-0000"), ("phone", "617-000-0001")]),
        ("+41 79  000 0000", [("phone", "+41 79  000 0000")]),  # a wide gap inside one number
    ],
)
def test_numbers_as_people_write_them(line: str, expected: list[tuple[str, str]]) -> None:
    assert found(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Stand: 25.01.2026",
        "Press Notice 2026/0012",
        "agenda 2026-2031",
        "![](https://rt.example/rt.gif?NewsItemId=XX1&DateId=20260227)",
        "[www.acme.example](https://t.example/c/link/?o=2731814-1&h=3881339635)",
        "https://example.org/news/566770794",
        "<https://example.org/item/12345678>",
    ],
)
def test_no_number_to_call(line: str) -> None:
    assert found(line) == []


def test_a_long_run_of_digits_and_spaces_is_read_in_one_pass() -> None:
    assert found("0 " * 20_000) == [] and len(found("0400 000 000  " * 2_000)) == 2_000


@pytest.mark.parametrize(
    "line",
    [
        "Tel: +41 22 000 0000 [site](https://example.org/2020/05) ![px](t.gif?DateId=20200227)",
        "Stand: 25.01.2022, www.example.org/press and <https://example.org/a>",
        r"Email \[jdoe@example.org\](mailto:jdoe@example.org) 2019-03-04",
        "see http://example.org (1999-12-31), no link here: ] ( and 12.12.1912",
        "Jane Roe, +1 202 000 0000, jroe@example.org",
        "电话：+86 10 0000 0000，王明",
    ],
)
def test_readable_skips_a_pattern_only_where_it_cannot_match(line: str) -> None:
    from pressrelease.parse.contact_values import _DATE, _LINKED, blank, readable

    assert readable(line) == blank(blank(line, _LINKED), _DATE)
    assert values_in(line, readable(line)) == values_in(line)
