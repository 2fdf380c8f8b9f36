"""Dateline and date rules (PR201-PR207), planted into CLEAN or small variants of it."""

from __future__ import annotations

import pytest

from pressrelease.lint.registry import Rule
from pressrelease.lint.rules import dateline
from pressrelease.lint.rules.dateline import (
    date_format,
    date_mismatch,
    dateline_dash,
    dateline_missing,
    dateline_style,
    location_mismatch,
    weekday_mismatch,
)

from .test_rules_headline import apply_fix, at, where
from .util import CLEAN, run_rule

LEDE = "Nairobi – Three new water treatment plants opened on Friday, 20 March 2026, in the northern region"
# CLEAN as an AP wire release: capitals dateline with a country, AP date forms.
AP = CLEAN.replace("language: en", "language: en\nprofile: ap").replace(
    "Nairobi – Three new water treatment plants opened on Friday, 20 March 2026,",
    "NAIROBI, Kenya — Three new water treatment plants opened on Friday, March 20, 2026,",
)


def with_lede(start: str, profile: str | None = None) -> str:
    """CLEAN with the lede's opening replaced (and a profile set in the front matter)."""
    text = CLEAN.replace("Nairobi – Three new water treatment plants opened on Friday, 20 March 2026,", start)
    if profile:
        text = text.replace("language: en", f"language: en\nprofile: {profile}")
    return text


@pytest.mark.parametrize("rule", dateline.RULES, ids=lambda r: r.code)
def test_clean_release_and_examples(rule: Rule) -> None:
    assert LEDE in CLEAN
    for profile in ("default", "un", "uk"):
        assert run_rule(rule, CLEAN, profile=profile) == []
    assert run_rule(rule, AP) == []
    assert run_rule(rule, rule.good) == []
    assert run_rule(rule, rule.bad) != []


def test_pr201_no_location_and_no_dateline() -> None:
    text = with_lede("Three new water treatment plants opened on Friday, 20 March 2026,").replace(
        "location: Nairobi\n", ""
    )
    findings = run_rule(dateline_missing, text)
    line, column = at(text, "Three new water")
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column, column + 5)]


def test_pr201_location_alone_is_enough() -> None:
    text = with_lede("Three new water treatment plants opened on Friday, 20 March 2026,")
    assert run_rule(dateline_missing, text) == []


def test_pr202_dateline_date_differs() -> None:
    text = with_lede("Nairobi, 21 March 2026 – Three new water treatment plants opened")
    findings = run_rule(date_mismatch, text)
    assert where(findings) == [at(text, "21 March 2026")]
    assert "21 March 2026" in findings[0].message and "20 March 2026" in findings[0].message


def test_pr202_dateline_date_without_year_takes_the_release_year() -> None:
    assert run_rule(date_mismatch, with_lede("Nairobi, 20 March – Plants opened,")) == []
    text = with_lede("Nairobi, 19 March – Plants opened,")
    assert where(run_rule(date_mismatch, text)) == [at(text, "19 March")]


def test_pr202_lede_date_introduced_by_on() -> None:
    text = with_lede("Nairobi – Three new water treatment plants opened on Saturday, 21 March 2026,")
    assert where(run_rule(date_mismatch, text)) == [at(text, "Saturday, 21 March 2026")]


@pytest.mark.parametrize(
    ("lede", "language"),
    [
        ("Nairobi – The alliance will open three plants on Wednesday, 25 March 2026,", "en"),
        ("Nairobi – The alliance is scheduled to brief donors on 2 April 2026,", "en"),
        ("Nairobi – The board confirmed her for a second term beginning on 1 June 2026,", "en"),
        ("Nairobi – La conférence des donateurs se tiendra le 2 avril 2026,", "fr"),
        ("Nairobi – La conferencia de donantes se celebrará el 2 de abril de 2026,", "es"),
    ],
)
def test_pr202_an_event_the_lede_announces_is_not_the_release_date(lede: str, language: str) -> None:
    text = with_lede(lede).replace("language: en", f"language: {language}")
    assert run_rule(date_mismatch, text) == []


@pytest.mark.parametrize(
    ("lede", "language"),
    [
        ("Nairobi – Echoing a warning the ministry gave on 17 March 2026, the alliance today said", "en"),
        ("Nairobi – Après l'appel lancé le 17 mars 2026, l'alliance a annoncé aujourd’hui", "fr"),
    ],
)
def test_pr202_an_earlier_event_in_a_lede_whose_news_is_today(lede: str, language: str) -> None:
    text = with_lede(lede).replace("language: en", f"language: {language}")
    assert run_rule(date_mismatch, text) == []


def test_pr202_today_in_the_next_sentence_does_not_excuse_the_first() -> None:
    text = with_lede("Nairobi – Three plants opened on Thursday, 19 March 2026. Officials today said")
    assert where(run_rule(date_mismatch, text)) == [at(text, "Thursday, 19 March 2026")]


def test_pr202_an_announced_date_before_the_release_date_is_still_a_mismatch() -> None:
    text = with_lede("Nairobi – The alliance will open three plants on Thursday, 19 March 2026,")
    assert where(run_rule(date_mismatch, text)) == [at(text, "Thursday, 19 March 2026")]


def test_pr202_other_dates_in_the_first_sentence_are_not_the_release_date() -> None:
    text = with_lede("Nairobi – Three plants built between 1 January 2024 and 1 March 2026 opened,")
    assert run_rule(date_mismatch, text) == []


def test_pr203_hyphen_is_found_and_fixed() -> None:
    text = with_lede("Nairobi - Three new water treatment plants opened on Friday, 20 March 2026,")
    findings = run_rule(dateline_dash, text)
    line, column = at(text, "Nairobi - ")
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column + 8, column + 9)]
    fixed = apply_fix(text, findings[0].fix)
    assert fixed == CLEAN
    assert run_rule(dateline_dash, fixed) == []


def test_pr203_ap_wants_an_em_dash_and_spaces() -> None:
    text = AP.replace("NAIROBI, Kenya — ", "NAIROBI, Kenya--")
    findings = run_rule(dateline_dash, text)
    line, column = at(text, "Kenya--")
    assert where(findings) == [(line, column + 5)]
    assert "em dash" in findings[0].message
    fixed = apply_fix(text, findings[0].fix)
    assert fixed == AP
    assert run_rule(dateline_dash, fixed) == []


def test_pr203_a_wire_dateline_keeps_its_double_hyphen_in_default_only() -> None:
    text = with_lede("NAIROBI, March 20, 2026 /PRNewswire/ -- Three new water treatment plants opened,")
    assert run_rule(dateline_dash, text) == []
    assert where(run_rule(dateline_dash, text, profile="un")) == [at(text, "-- Three")]


def test_pr204_wrong_weekday_in_the_lede() -> None:
    text = CLEAN.replace("Friday, 20 March 2026", "Thursday, 20 March 2026")
    findings = run_rule(weekday_mismatch, text)
    assert where(findings) == [at(text, "Thursday")]
    assert "is a Friday, not a Thursday" in findings[0].message


def test_pr204_anywhere_in_the_text_and_without_a_year() -> None:
    text = CLEAN.replace("Photographs of the plants", "Visits on Monday, 24 March. Photographs of the plants")
    assert where(run_rule(weekday_mismatch, text)) == [at(text, "Monday, 24 March")]
    assert run_rule(weekday_mismatch, text.replace("Monday, 24 March", "Mon., 24 Mar.")) != []
    right = CLEAN.replace("Photographs of the plants", "Visits on Tuesday, 24 March. Photographs of the plants")
    assert run_rule(weekday_mismatch, right) == []


def test_pr204_a_date_without_year_near_new_year_takes_the_nearest_year() -> None:
    text = CLEAN.replace("date: 2026-03-20", "date: 2025-12-20").replace(
        "Friday, 20 March 2026", "Saturday, 20 December 2025"
    )
    text = text.replace("Photographs of the plants", "Visits on Monday, 5 January. Photographs of the plants")
    assert run_rule(weekday_mismatch, text) == []  # 5 January 2026 is a Monday


def test_pr204_dates_in_urls_and_code_are_not_read() -> None:
    text = CLEAN.replace(
        "Photographs of the plants",
        "See [the log](https://example.org/Thursday-20-March-2026) and `Thursday, 20 March 2026`. Photographs of the plants",
    )
    assert run_rule(weekday_mismatch, text) == []


def test_pr205_location_and_dateline_disagree() -> None:
    text = CLEAN.replace("location: Nairobi", "location: Mombasa")
    findings = run_rule(location_mismatch, text)
    line, column = at(text, LEDE)
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column, column + 7)]


@pytest.mark.parametrize(
    ("location", "written"),
    [
        ("Nairobi", "NAIROBI, Kenya"),
        ("Nairobi, Kenya", "Nairobi"),
        ("Dakar", "Dakar/New York"),
        ("Dakar/New York", "DAKAR/NEW YORK"),
        ("São Paulo", "SAO PAULO"),
        ("MADISON, N.J.", "MADISON, N.J."),
    ],
)
def test_pr205_the_same_place_written_differently(location: str, written: str) -> None:
    text = CLEAN.replace("location: Nairobi", f"location: {location}").replace("Nairobi – Three", f"{written} – Three")
    assert run_rule(location_mismatch, text) == []


@pytest.mark.parametrize(
    ("dateline_text", "needle", "words"),
    [
        ("Nairobi, Kenya —", "Nairobi", "capitals"),
        ("NAIROBI —", "NAIROBI", "stand-alone"),
        ("MADISON, NJ —", "NJ", "'N.J.'"),
        ("MADISON, New Jersey —", "New Jersey", "'N.J.'"),
        ("NAIROBI, KENYA —", "KENYA", "ordinary case"),
    ],
)
def test_pr206_ap_dateline_form(dateline_text: str, needle: str, words: str) -> None:
    text = AP.replace("NAIROBI, Kenya —", dateline_text).replace("location: Nairobi", "location: Nairobi, Kenya")
    findings = run_rule(dateline_style, text)
    line, column = at(text, needle, nth=1 if needle in "location: Nairobi, Kenya" else 0)
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column, column + len(needle))]
    assert words in findings[0].message


@pytest.mark.parametrize("dateline_text", ["CHICAGO —", "NAMPA, Idaho —", "BELLEVUE, Wash. —", "GENEVA —"])
def test_pr206_correct_ap_datelines(dateline_text: str) -> None:
    text = AP.replace("NAIROBI, Kenya —", dateline_text)
    assert run_rule(dateline_style, text) == []


def test_pr206_un_wants_title_case() -> None:
    text = with_lede("NAIROBI – Three new water treatment plants opened on Friday, 20 March 2026,", profile="un")
    findings = run_rule(dateline_style, text)
    assert where(findings) == [at(text, "NAIROBI")]
    assert "'Nairobi'" in findings[0].message
    assert run_rule(dateline_style, CLEAN, profile="un") == []


def test_pr206_is_off_in_default_and_uk() -> None:
    assert "default" not in dateline_style.profiles and "uk" not in dateline_style.profiles
    text = with_lede("NAIROBI – Three new water treatment plants opened on Friday, 20 March 2026,")
    assert run_rule(dateline_style, text) == []


@pytest.mark.parametrize(
    ("written", "profile"),
    [
        ("Friday, March 20, 2026", "un"),
        ("Friday, 20th March 2026", "uk"),
        ("Friday, 20 Mar 2026", "un"),
        ("Friday, 2026-03-20", "uk"),
        ("Friday, 20 March 2026", "ap"),
        ("Friday, Mar. 20, 2026", "ap"),
        ("Friday, March 20 2026", "ap"),
        ("Friday, Sep. 20, 2026", "ap"),
        ("Friday, September 20, 2026", "ap"),
    ],
)
def test_pr207_date_breaks_the_profile_format(written: str, profile: str) -> None:
    text = CLEAN.replace("Friday, 20 March 2026", written)
    assert where(run_rule(date_format, text, profile=profile)) == [at(text, written)]


@pytest.mark.parametrize(
    ("written", "profile"),
    [
        ("Friday, 20 March 2026", "un"),
        ("Friday, 20 March", "uk"),
        ("Friday, March 20, 2026", "ap"),
        ("Friday, Sept. 20, 2026", "ap"),
        ("Friday, Oct. 16", "ap"),
        ("Friday, July 19, 2024", "ap"),
        ("Friday, March 20, 2026", "default"),
        ("Friday, 2026-03-20", "default"),
    ],
)
def test_pr207_dates_in_the_profile_format(written: str, profile: str) -> None:
    text = CLEAN.replace("Friday, 20 March 2026", written)
    assert run_rule(date_format, text, profile=profile) == []


def test_pr207_ambiguous_numeric_date_in_any_profile() -> None:
    text = CLEAN.replace("Photographs of the plants", "Visits from 03/04/2026. Photographs of the plants")
    findings = run_rule(date_format, text)
    assert where(findings) == [at(text, "03/04/2026")]
    assert "April or March" in findings[0].message
    assert run_rule(date_format, text.replace("03/04/2026", "13/04/2026")) == []


@pytest.mark.parametrize(
    ("location", "written"),
    [("Geneva", "NEW YORK/GENEVA"), ("Kenya", "NAIROBI, Kenya")],
)
def test_pr205_a_place_of_a_multi_city_dateline_or_the_country(location: str, written: str) -> None:
    text = CLEAN.replace("location: Nairobi", f"location: {location}").replace("Nairobi – Three", f"{written} – Three")
    assert run_rule(location_mismatch, text) == []
    assert run_rule(location_mismatch, text.replace(f"location: {location}", "location: Mombasa")) != []


def test_pr207_contact_lines_are_not_read_for_dates() -> None:
    text = CLEAN.replace("Tel: +254 20 555 0142\n", "Tel: 02/12/45 67\n")
    assert text != CLEAN
    assert run_rule(date_format, text) == []


def test_pr202_a_date_at_the_start_of_a_wrapped_line_is_not_introduced() -> None:
    text = with_lede("Nairobi – Three plants finished by\n19 March 2026 opened,")
    assert run_rule(date_mismatch, text) == []
    text = with_lede("Nairobi – Three plants opened on\n21 March 2026,")
    assert where(run_rule(date_mismatch, text)) == [at(text, "21 March 2026")]


def _releases_with_links_and_dates() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("examples/*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("tests/fixtures/releases/*.md"))]
    texts.append(
        CLEAN
        + "\nSee `19 July 2024` and https://example.org/19-July-2024 and [20 March 2026](https://x.org/2026-03-20),"
        + " or write to press.19@example.org on Friday, 20 March 2026.\n"
    )
    # The parser lists a paragraph's Chinese dates after its others: here one line above them.
    texts.append(CLEAN + "\nIt met 2026年3月1日（星期一）\nand on Tuesday, 12 May 2026.\n")
    return texts


def test_block_dates_are_the_dates_of_the_masked_block() -> None:
    """Reusing ``release.dates`` gives what searching each masked block again gives."""
    from pressrelease.lint.rules._text import mask
    from pressrelease.parse import parse
    from pressrelease.parse.dates import find_dates

    reused = searched = 0
    for text in _releases_with_links_and_dates():
        release = parse(text)
        by_line = dateline.dates_by_line(release)
        for block in release.blocks:
            if not block.source or block.kind == "code":
                continue
            expected = list(find_dates(mask(block.source), block.locate))
            assert list(dateline.block_dates(block, by_line)) == expected
            reused += mask(block.source) == block.source
            searched += mask(block.source) != block.source
    assert reused > 50 and searched > 5


def test_a_bold_dateline_is_a_dateline() -> None:
    """``**NAIROBI** –``, as agencies' web pages set it: no PR201, and PR203 fixes its hyphen."""
    bold = with_lede("**NAIROBI** – Three new water treatment plants opened on Friday, 20 March 2026,")
    bold = bold.replace("location: Nairobi\n", "")
    assert run_rule(dateline_missing, bold) == []
    hyphen = bold.replace("**NAIROBI** – ", "**NAIROBI** - ")
    findings = run_rule(dateline_dash, hyphen)
    line, column = at(hyphen, "** - ")
    assert [(f.span.line, f.span.column) for f in findings] == [(line, column + 3)]
    assert apply_fix(hyphen, findings[0].fix) == bold
