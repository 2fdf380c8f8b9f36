"""Finding dates: the fast search finds exactly what the full pattern finds everywhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.parse.dates import _matches, _pattern, find_dates
from pressrelease.parse.language import all_months, all_weekdays

NAMES = sorted({*all_months(), *all_weekdays()})
WORDS = [*NAMES, "le", "el", "the", "de", "del", "года", "г.", "er", "th", "1", "19", "2024", "2024-07-19", "7th", "x"]
WORDS += ["1er", "3º", "5°", "19.", "07", "400,000", "2024-7-19"]  # the digit check (dates._digit_starts)
SEPARATORS = [" ", "  ", ", ", ". ", "\n", "-", ".", ",", "", "/", " – ", "\u00a0", "\t"]


def test_month_and_weekday_names_are_words() -> None:
    """One word, or two (``تشرين الأول``): the fast search looks up a name's first word (see phrases.py)."""
    assert [name for name in NAMES if not re.fullmatch(r"\w+(?: \w+)?", name)] == []


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400)
@given(
    st.lists(
        st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS), st.sampled_from(["lower", "title", "upper"])),
        max_size=10,
    )
)
def test_fast_search_equals_the_full_pattern_on_date_like_text(parts: list[tuple[str, str, str]]) -> None:
    text = "".join(sep + getattr(word, case)() for sep, word, case in parts)
    assert spans(_matches(text)) == spans(_pattern().finditer(text))


@given(st.text(alphabet=st.sampled_from(list("19 Jul.y,-Mai2024dem\n")), max_size=40))
def test_fast_search_equals_the_full_pattern_on_any_text(text: str) -> None:
    assert spans(_matches(text)) == spans(_pattern().finditer(text))


def test_dates_are_found_with_weekdays_articles_and_ordinals() -> None:
    text = "On Friday, 19 July 2024, and on vendredi le 19 juillet, then Thu. Oct. 16th and 2024-07-19."
    found = [(m.text, m.style, m.day, m.month, m.year, m.weekday) for m in find_dates(text)]
    assert found == [
        ("Friday, 19 July 2024", "dmy", 19, 7, 2024, 5),
        ("vendredi le 19 juillet", "dmy", 19, 7, None, 5),
        ("Thu. Oct. 16th", "mdy", 16, 10, None, 4),
        ("2024-07-19", "iso", 19, 7, 2024, None),
    ]


def test_text_without_digits_has_no_dates() -> None:
    assert list(find_dates("Friday in July, in May and in mars")) == []


def test_names_the_regex_engine_folds_differently_from_str_lower() -> None:
    """``ſ`` (long s) matches ``s`` under IGNORECASE, but ``"ſ".lower()`` is itself."""
    found = [(m.day, m.month, m.year, m.weekday) for m in find_dates("On ſunday, 19 ſeptember 2024, we met.")]
    assert found == [(19, 9, 2024, 7)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # The UN form: a month's Levantine and Egyptian-Gulf names paired with a slash.
        ("صدر في 19 تموز/يوليو 2024 عن المكتب", ("19 تموز/يوليو 2024", 19, 7, 2024, None)),
        ("صدر في 3 كانون الثاني/يناير 2025", ("3 كانون الثاني/يناير 2025", 3, 1, 2025, None)),
        ("صدر في 28 تشرين الثاني/نوفمبر 2025", ("28 تشرين الثاني/نوفمبر 2025", 28, 11, 2025, None)),
        # Either series alone, the spellings with and without hamza, an era letter after the year.
        ("اجتمع المجلس في 5 أيار 2026", ("5 أيار 2026", 5, 5, 2026, None)),
        ("اجتمع المجلس في 9 إبريل 2026", ("9 إبريل 2026", 9, 4, 2026, None)),
        ("اجتمع المجلس في 9 ابريل 2026م", ("9 ابريل 2026م", 9, 4, 2026, None)),
        ("اجتمع المجلس في 21 يوليه 2026", ("21 يوليه 2026", 21, 7, 2026, None)),
        # Arabic-Indic digits, and a weekday before the date with the Arabic comma.
        ("الجمعة، ١٩ تموز/يوليو ٢٠٢٤", ("الجمعة، ١٩ تموز/يوليو ٢٠٢٤", 19, 7, 2024, 5)),
        ("يوم الأربعاء 14 تشرين الأول/أكتوبر 2026", ("الأربعاء 14 تشرين الأول/أكتوبر 2026", 14, 10, 2026, 3)),
        # Chinese: year, month and day with their signs, the weekday after them.
        ("报告于2024年7月19日发布", ("2024年7月19日", 19, 7, 2024, None)),
        ("会议定于2026年10月16日（星期五）举行", ("2026年10月16日（星期五）", 16, 10, 2026, 5)),
        ("会议定于2026年10月16日周五举行", ("2026年10月16日周五", 16, 10, 2026, 5)),
        # Without the year, as Chinese writes a date of the same year; 号 for 日 as people say it.
        ("会议定于10月16日（星期五）举行", ("10月16日（星期五）", 16, 10, None, 5)),
        ("展览5月1号开幕", ("5月1号", 1, 5, None, None)),
        # The weekday before the date: after it a comma, or the date in brackets.
        ("星期五，2026年10月16日，理事会举行会议", ("星期五，2026年10月16日", 16, 10, 2026, 5)),
        ("理事会将于周五（10月16日）举行会议", ("周五（10月16日）", 16, 10, None, 5)),
        ("理事会将于週五(10月16日)举行会议", ("週五(10月16日)", 16, 10, None, 5)),
    ],
)
def test_arabic_and_chinese_dates(text: str, found: tuple[str, int, int, int, int | None]) -> None:
    dates = [(m.text, m.day, m.month, m.year, m.weekday) for m in find_dates(text)]
    assert dates == [found]


def test_an_arabic_month_pair_must_name_one_month_and_a_chinese_date_is_year_first() -> None:
    assert list(find_dates("بين 19 تموز/أغسطس 2024")) == []
    (chinese,) = find_dates("2024年7月19日")
    assert chinese.style == "ymd"
    assert [m.text for m in find_dates("2月30日，20124年7月19日，2024年7月")] == []  # no such day, year or day
    # English months are never paired: "July/August" leaves the date at its first month.
    assert [m.text for m in find_dates("On 19 July/August 2024")] == ["19 July"]
