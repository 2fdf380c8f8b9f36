"""Front matter: the line of every key, PR001/PR002/PR003 with the right line, safe YAML, embargoes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pressrelease.model import Release, Span
from pressrelease.parse import parse

BODY = "\nGENEVA – The agency met today.\n"


def front(*lines: str) -> Release:
    return parse("---\n" + "\n".join(lines) + "\n---\n" + BODY)


def problems(release: Release) -> list[tuple[str, int]]:
    return [(p.code, p.span.line) for p in release.problems]


FULL = """\
---
title: Headline
subtitle: Deck
date: 2024-07-19
location: Minsk
embargo: 2024-07-19T10:00:00+03:00
organization:
  name: Acme
language: en-GB
profile: un
contacts:
  - name: Jane Doe
    email: jane@example.org
tags: [a, b]
slug: my-release
lint:
  ignore: [PR306]
---

Minsk – The meeting.
"""


POSITIONS = """\
---
title: 'Pallas Thermal''s pump'  # a comment
subtitle: "A \\"new\\" caf\\u00e9 opens"
location: >
  Folded over
  two lines
summary: |
  Kept as written.
tags: [alpha, "beta"]  # flow
date: 2024-07-19 # plain, then a comment
organization: {name: Acme Ltd}
contacts:
  - name: Jane Doe
    # a comment between fields
    email: 'jane@example.org'
  - just text
---

Minsk – The meeting.
"""


def _written(release: Release, span: Span) -> str:
    """The source text a one-line span covers."""
    assert span.line == span.end_line
    return release.lines[span.line - 1][span.column - 1 : span.end_column - 1]


def test_every_value_is_where_the_yaml_nodes_say() -> None:
    release = parse(POSITIONS)
    fm = release.front_matter
    spans = {key: (w.span.line, w.span.column, w.span.end_line, w.span.end_column) for key, w in fm.values.items()}
    assert spans == {
        "title": (2, 9, 2, 31),  # inside the quotes
        "subtitle": (3, 12, 3, 37),
        "location": (4, 11, 6, 12),  # folded: from '>' to the end of its last line
        "summary": (7, 10, 8, 19),
        "tags": (9, 7, 9, 22),  # flow: the brackets included
        "date": (10, 7, 10, 17),  # the comment left out
        "organization": (11, 15, 11, 31),
        "organization.name": (11, 22, 11, 30),
        "contacts": (13, 3, 16, 14),
    }
    assert _written(release, fm.values["title"].span) == "Pallas Thermal''s pump"
    assert _written(release, fm.values["tags"].span) == '[alpha, "beta"]'
    assert [w.span.column for w in (fm.values["location"], fm.values["summary"])] == [11, 10]


@pytest.mark.parametrize(
    ("key", "needle", "written"),
    [
        ("title", "s pump", "s pump"),  # after the '' escape, one column further on
        ("title", "'", "''"),  # the escaped quote is both characters
        ("subtitle", '"new"', '\\"new\\"'),
        ("subtitle", "é", "\\u00e9"),
    ],
)
def test_a_character_of_a_one_line_value_maps_to_where_it_is_written(key: str, needle: str, written: str) -> None:
    release = parse(POSITIONS)
    value = release.front_matter.data[key]
    where = release.front_matter.values[key]
    start = value.index(needle)
    assert _written(release, where.locate(start, start + len(needle))) == written
    assert not where.exact  # an escape: a fix may not edit the value as if it were the source


def test_a_value_written_as_it_reads_maps_its_characters_by_their_offsets() -> None:
    release = parse(POSITIONS)
    where = release.front_matter.values["organization.name"]
    assert where.exact and where.mapped
    assert _written(release, where.locate(2, 6)) == "me L"
    assert _written(release, where.locate(0, 8)) == "Acme Ltd"
    assert where.locate(0, 9) == where.span  # past the value's end: the whole value


def test_values_on_several_lines_have_no_character_map() -> None:
    fm = parse(POSITIONS).front_matter
    for key in ("location", "summary", "tags", "contacts"):
        assert not fm.values[key].mapped and not fm.values[key].exact
        assert fm.values[key].locate(0, 3) == fm.values[key].span


def test_list_items_have_their_fields_positions_and_comments_are_skipped() -> None:
    release = parse(POSITIONS)
    first, second = release.front_matter.items["contacts"]
    assert {k: _written(release, w.span) for k, w in first.items()} == {"name": "Jane Doe", "email": "jane@example.org"}
    assert first["email"].span.line == 15 and first["email"].exact
    assert second == {}  # an item that is no mapping
    assert release.front_matter.items["tags"] == ({}, {})


def test_every_key_has_its_line() -> None:
    release = parse(FULL)
    assert release.problems == ()
    lines = {key: span.line for key, span in release.front_matter.key_spans.items()}
    assert lines == {
        "title": 2,
        "subtitle": 3,
        "date": 4,
        "location": 5,
        "embargo": 6,
        "organization": 7,
        "language": 9,
        "profile": 10,
        "contacts": 11,
        "tags": 14,
        "slug": 15,
        "lint": 16,
    }
    assert release.front_matter.key_spans["subtitle"] == Span(3, 1, 3, 9)
    assert release.front_matter.span == Span(1, 1, 18, 4)
    assert release.body_line_offset == 18
    assert (release.title, release.subtitle, release.location) == ("Headline", "Deck", "Minsk")
    assert (release.language, release.profile, release.tags, release.slug) == ("en-GB", "un", ("a", "b"), "my-release")
    assert release.lint_ignore == ("PR306",)
    assert release.organization is not None and release.organization.name == "Acme"


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("---\ntitle: T\n---\nBody\n", 3),  # the body on the next line
        ("---\ntitle: T\n---\n\nBody\n", 3),
        ("-----\ntitle: T\n\n---   \nBody\n", 4),
        ("---\n---\nBody\n", 2),
        ("---\ntitle: T\n---", 3),
    ],
)
def test_the_front_matter_ends_on_its_closing_line(text: str, closing: int) -> None:
    assert parse(text).front_matter.span.end_line == closing


def test_unknown_key_suggests_the_closest() -> None:
    release = front("title: T", "date: 2024-07-19", "locaton: Minsk")
    assert problems(release) == [("PR002", 4)]
    assert "did you mean 'location'" in release.problems[0].message
    assert release.problems[0].span == Span(4, 1, 4, 8)


def test_unknown_key_far_from_any_lists_the_known_ones() -> None:
    release = front("title: T", "date: 2024-07-19", "zzz: 1")
    assert problems(release) == [("PR002", 4)]
    assert "known keys" in release.problems[0].message


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("date: 19 July 2024", "date"),
        ("date: 20240719", "date"),
        ("date: 2024-13-45", "date"),
        ("date: 2024-07-19 10:00:00", "date"),
        ("contacts: Jane Doe", "contacts"),
        ("contacts: [Jane Doe]", "contacts"),
        ("slug: My Slug!", "slug"),
        ("slug: a--b", "slug"),
        ("profile: bbc", "profile"),
        ("language: english!", "language"),
        ("tags: {a: 1}", "tags"),
        ("title: [a, b]", "title"),
        ("lint: [PR001]", "lint"),
        ("embargo: soon", "embargo"),
        ("embargo: [2024]", "embargo"),
        ("organization: 12", "organization"),
        ("organization: nope", "organization"),
    ],
)
def test_wrong_types_are_pr003_on_the_key_line(line: str, fragment: str) -> None:
    key = line.split(":")[0]
    lines = [x for x in ("title: T", "date: 2024-07-19") if not x.startswith(f"{key}:")] + [line]
    release = front(*lines)
    found = [p for p in release.problems if p.code == "PR003"]
    assert len(found) == 1, release.problems
    assert found[0].span.line == len(lines) + 1 and found[0].message.startswith(fragment)
    assert not [p for p in release.problems if p.code == "PR001"]


def test_phone_as_a_number_is_pr003_with_a_hint() -> None:
    release = front("title: T", "date: 2024-07-19", "contacts:", "  - name: Jane Doe", "    phone: 41225550100")
    assert problems(release) == [("PR003", 4)]
    assert "quotes" in release.problems[0].message
    assert release.contacts[0].name == "Jane Doe" and release.contacts[0].phone is None


def test_contact_without_a_name_or_with_unknown_keys() -> None:
    release = front("title: T", "date: 2024-07-19", "contacts:", "  - email: a@example.org", "    fax: '1'")
    messages = [p.message for p in release.problems if p.code == "PR003"]
    assert any("needs a name" in m for m in messages)
    assert any("unknown keys fax" in m for m in messages)


def test_missing_date_is_pr003_on_the_front_matter() -> None:
    release = front("title: T")
    assert problems(release) == [("PR003", 1)]
    assert release.date is None


def test_duplicate_key_is_reported() -> None:
    release = front("title: T", "date: 2024-07-19", "title: U")
    assert problems(release) == [("PR003", 4)]
    assert "twice" in release.problems[0].message
    assert release.title == "U"


@pytest.mark.parametrize(
    ("lines", "line"),
    [
        (("title: T", "date: 2024-07-19", "location: [Minsk"), 4),
        (("title: T", "  date: 2024-07-19"), 3),
        (("title: T", "date: 2024-07-19", "\tlocation: Minsk"), 4),
        (("title: 'T", "date: 2024-07-19"), 2),
        (("title: T", "date: 2024-07-19", "tags: [a, b", "location: Minsk"), 4),
    ],
)
def test_yaml_syntax_error_is_pr001_on_its_line(lines: tuple[str, ...], line: int) -> None:
    release = front(*lines)
    assert problems(release) == [("PR001", line)]
    assert release.problems[0].message.startswith("YAML error")
    assert release.title is None


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    release = front(*lines)
    assert [p.code for p in release.problems] == ["PR001"]
    assert "aliases" in release.problems[0].message
    assert release.front_matter.data == {}


def test_python_tags_are_not_executed(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    release = front("title: T", "date: 2024-07-19", f'x: !!python/object/apply:os.system ["touch {target}"]')
    assert [p.code for p in release.problems] == ["PR001"]
    assert release.problems[0].span.line == 4
    assert not target.exists()


@pytest.mark.parametrize("yaml", ["- a\n- b", "just text", "42"])
def test_front_matter_must_be_a_mapping(yaml: str) -> None:
    release = parse(f"---\n{yaml}\n---\n" + BODY)
    assert [p.code for p in release.problems] == ["PR001"]
    assert "mapping" in release.problems[0].message


def test_no_front_matter() -> None:
    release = parse("GENEVA – The agency met today.\n")
    assert [(p.code, p.span.line) for p in release.problems] == [("PR001", 1)]
    assert not release.front_matter.present
    # The body is still read.
    assert release.dateline is not None and release.dateline.span.line == 1


def test_unclosed_front_matter() -> None:
    release = parse("---\ntitle: T\ndate: 2024-07-19\n\nGENEVA – The agency met today.\n")
    assert [p.code for p in release.problems] == ["PR001"]
    assert "not closed" in release.problems[0].message


def test_empty_front_matter() -> None:
    release = parse("---\n---\n" + BODY)
    assert [p.code for p in release.problems] == ["PR001"]
    assert "empty" in release.problems[0].message


# -- embargo ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "at", "zone"),
    [
        ("2024-07-19T10:00:00+03:00", dt.datetime(2024, 7, 19, 7, 0, tzinfo=dt.UTC), None),
        ('"2024-07-19T10:00+03:00"', dt.datetime(2024, 7, 19, 7, 0, tzinfo=dt.UTC), None),
        ("2024-07-19T07:00:00Z", dt.datetime(2024, 7, 19, 7, 0, tzinfo=dt.UTC), None),
        ("2024-07-19 10:00 Europe/Minsk", dt.datetime(2024, 7, 19, 7, 0, tzinfo=dt.UTC), "Europe/Minsk"),
        ("2024-01-19 10:00 Europe/London", dt.datetime(2024, 1, 19, 10, 0, tzinfo=dt.UTC), "Europe/London"),
    ],
)
def test_embargo_with_a_zone(value: str, at: dt.datetime, zone: str | None) -> None:
    release = front("title: T", "date: 2024-07-19", f"embargo: {value}")
    assert release.problems == ()
    assert release.embargo is not None and release.embargo.at is not None
    assert release.embargo.at.tzinfo is not None
    assert release.embargo.at == at
    assert release.embargo.zone == zone
    assert release.embargo.span.line == 4
    if zone:
        assert release.embargo.at.tzinfo == ZoneInfo(zone)


@pytest.mark.parametrize("value", ["2024-07-19 10:00", "2024-07-19T10:00:00", '"2024-07-19 10:00"', "2024-07-19"])
def test_embargo_without_a_zone_has_no_instant(value: str) -> None:
    # PR601 (lint) reports it; the model never holds a naive datetime.
    release = front("title: T", "date: 2024-07-19", f"embargo: {value}")
    assert release.embargo is not None
    assert release.embargo.at is None and release.embargo.zone is None
    assert release.embargo.text == value.strip('"')
    assert [p for p in release.problems if p.code == "PR001"] == []


def test_embargo_with_an_unknown_zone() -> None:
    release = front("title: T", "date: 2024-07-19", "embargo: 2024-07-19 10:00 Mars/Olympus")
    assert problems(release) == [("PR003", 4)]
    assert "time zone" in release.problems[0].message
    assert release.embargo is not None and release.embargo.at is None


def test_organization_by_key_and_language_default() -> None:
    release = front("title: T", "date: 2024-07-19", "tags: migration, SDGs")
    assert release.organization is None
    assert release.language == "en" and release.profile == "default"
    assert release.tags == ("migration", "SDGs")
    assert release.slug == "2024-07-19-t"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org", "example.org"])
def test_an_organisation_url_in_the_front_matter_must_be_a_web_address(url: str) -> None:
    release = parse(f'---\ntitle: T\ndate: 2026-05-04\norganization:\n  name: Acme Ltd\n  url: "{url}"\n---\n\nBody.\n')
    assert release.organization is not None and release.organization.url is None
    assert [p.code for p in release.problems] == ["PR003"]
    assert "is not a web address" in release.problems[0].message


def test_an_https_organisation_url_is_kept() -> None:
    release = parse(
        "---\ntitle: T\ndate: 2026-05-04\norganization:\n  name: Acme Ltd\n  url: https://acme.example.org\n---\n\nBody.\n"
    )
    assert release.organization is not None and release.organization.url == "https://acme.example.org"
    assert release.problems == ()
