"""Every dateline form in format.md and conventions.md §1: places, date, separator and their columns.

Each lede sits on line 6 (four lines of front matter and a blank line), so a span is
``Span(6, first column, 6, column after the last character)``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressrelease.model import Dateline, Release, Span
from pressrelease.parse import parse

FRONT = "---\ntitle: T\ndate: 2024-07-19\n---\n\n"
LINE = 6


def lede(text: str, language: str = "en") -> Release:
    front = FRONT if language == "en" else FRONT.replace("---\n\n", f"language: {language}\n---\n\n")
    return parse(front + text)


def dateline_of(text: str, language: str = "en") -> Dateline:
    release = lede(text, language)
    assert release.dateline is not None, text
    return release.dateline


def cols(text: str, part: str, start: int = 0) -> tuple[int, int]:
    """The 1-based (column, end column) of ``part`` in ``text``."""
    at = text.index(part, start)
    return at + 1, at + 1 + len(part)


# (lede, places, date text or None, (day, month, year or None) or None, separator, wire)
FORMS = [
    ("Minsk – A meeting was held.", ["Minsk"], None, None, "–", None),
    # bold or italic, as agencies' web pages set them
    ("**GENEVA** – The agency said.", ["GENEVA"], None, None, "–", None),
    ("*Minsk* - A meeting was held.", ["Minsk"], None, None, "-", None),
    (
        "**NEW YORK, 15 March 2026** – A report.",
        ["NEW YORK"],
        "15 March 2026",
        (15, 3, 2026),
        "–",
        None,
    ),
    ("__BAMAKO, Mali__/**GENEVA** – A report.", ["BAMAKO, Mali", "GENEVA"], None, None, "–", None),
    ("Minsk - On 19 July 2024, a meeting was held.", ["Minsk"], None, None, "-", None),
    (
        "MINSK, Belarus, 19 July 2024 – A meeting was held.",
        ["MINSK, Belarus"],
        "19 July 2024",
        (19, 7, 2024),
        "–",
        None,
    ),
    ("GENEVA, 3 March 2014 - The agency said.", ["GENEVA"], "3 March 2014", (3, 3, 2014), "-", None),
    (
        "NEW YORK, March 15, 2024 /PRNewswire/ -- A company said.",
        ["NEW YORK"],
        "March 15, 2024",
        (15, 3, 2024),
        "--",
        "PRNewswire",
    ),
    (
        "Dakar/New York, 22 December 2015 – A report.",
        ["Dakar", "New York"],
        "22 December 2015",
        (22, 12, 2015),
        "–",
        None,
    ),
    (
        "BAMAKO, Mali/GENEVA/NEW YORK, 18 December 2015 – Children.",
        ["BAMAKO, Mali", "GENEVA", "NEW YORK"],
        "18 December 2015",
        (18, 12, 2015),
        "–",
        None,
    ),
    (
        "MADISON, N.J., Oct. 16 /PRNewswire-FirstCall/ -- A company.",
        ["MADISON, N.J."],
        "Oct. 16",
        (16, 10, None),
        "--",
        "PRNewswire-FirstCall",
    ),
    ("NAIROBI, 30 March (UNEP) -- Ministers met.", ["NAIROBI"], "30 March", (30, 3, None), "--", "UNEP"),
    ("Bonn/Nairobi 10 May 2013 - Ministers met.", ["Bonn", "Nairobi"], "10 May 2013", (10, 5, 2013), "-", None),
    ("NEW YORK (May 29, 2018) – UNICEF said.", ["NEW YORK"], "May 29, 2018", (29, 5, 2018), "–", None),
    ("YOUNGSTOWN, Ohio — President Obama announced.", ["YOUNGSTOWN, Ohio"], None, None, "—", None),
    ("LONDON, 26 March 2026 -- The minister said.", ["LONDON"], "26 March 2026", (26, 3, 2026), "--", None),
    ("TORONTO (March 26, 2026) -- A company.", ["TORONTO"], "March 26, 2026", (26, 3, 2026), "--", None),
    ("LONDON, Sept 28 (Reuters) - Stocks fell.", ["LONDON"], "Sept 28", (28, 9, None), "-", "Reuters"),
    ("CHICAGO — A coalition said.", ["CHICAGO"], None, None, "—", None),
    # a date in figures: a full stop is day first; otherwise the number over 12 is the day
    ("BERLIN, 28.03.2026 – Die Agentur teilte mit.", ["BERLIN"], "28.03.2026", (28, 3, 2026), "–", None),
    ("BRUSSELS, 28/03/2026 – The agency said.", ["BRUSSELS"], "28/03/2026", (28, 3, 2026), "–", None),
    ("Roma, 28-03-2026 – The agency said.", ["Roma"], "28-03-2026", (28, 3, 2026), "–", None),
    ("BOSTON, 03/28/2026 – The company said.", ["BOSTON"], "03/28/2026", (28, 3, 2026), "–", None),
    # the order cannot be told: the place is the dateline's, the date is not read
    ("BRUSSELS, 12/03/2026 – The agency said.", ["BRUSSELS"], None, None, "–", None),
    # the date first, then the place
    ("12 March 2026, Geneva – The agency said.", ["Geneva"], "12 March 2026", (12, 3, 2026), "–", None),
    ("March 12, 2026, NEW YORK -- The company said.", ["NEW YORK"], "March 12, 2026", (12, 3, 2026), "--", None),
]


@pytest.mark.parametrize(("text", "places", "date_text", "date", "separator", "wire"), FORMS)
def test_dateline_forms(
    text: str,
    places: list[str],
    date_text: str | None,
    date: tuple[int, int, int | None] | None,
    separator: str,
    wire: str | None,
) -> None:
    dateline = dateline_of(text)
    assert [p.name for p in dateline.places] == places
    assert dateline.separator == separator
    assert dateline.wire == wire
    # The whole dateline runs from column 1 through the separator.
    sep_at = text.index(f" {separator} ") + 1
    assert dateline.text == text[: sep_at + len(separator)]
    assert dateline.span == Span(LINE, 1, LINE, sep_at + 1 + len(separator))
    assert dateline.separator_span == Span(LINE, sep_at + 1, LINE, sep_at + 1 + len(separator))
    offset = 0
    for place in dateline.places:
        column, end = cols(text, place.name, offset)
        assert place.span == Span(LINE, column, LINE, end)
        offset = end - 1
    if date_text is None:
        assert dateline.date is None
    else:
        assert dateline.date is not None
        assert dateline.date.text == date_text
        assert (dateline.date.day, dateline.date.month, dateline.date.year) == date
        column, end = cols(text, date_text)
        assert dateline.date.span == Span(LINE, column, LINE, end)


@pytest.mark.parametrize(
    ("text", "language", "place", "date_text", "date"),
    [
        ("PARIS, le 26 mars 2026 – Le ministre a annoncé.", "fr", "PARIS", "26 mars 2026", dt.date(2026, 3, 26)),
        (
            "MADRID, 26 de marzo de 2026 – El ministro dijo.",
            "es",
            "MADRID",
            "26 de marzo de 2026",
            dt.date(2026, 3, 26),
        ),
        ("МИНСК, 19 июля 2024 года – Министр заявил.", "ru", "МИНСК", "19 июля 2024 года", dt.date(2024, 7, 19)),
        ("BERLIN, 26. März 2026 – Der Minister sagte.", "de", "BERLIN", "26. März 2026", dt.date(2026, 3, 26)),
        # The UN Arabic form, both names of the month; the Arabic comma after the place.
        ("جنيف، 19 تموز/يوليو 2024 – قال المدير.", "ar", "جنيف", "19 تموز/يوليو 2024", dt.date(2024, 7, 19)),
        ("بيروت، ٣ آذار/مارس ٢٠٢٦ – قالت الوزيرة.", "ar", "بيروت", "٣ آذار/مارس ٢٠٢٦", dt.date(2026, 3, 3)),
        ("日内瓦，2024年7月19日 – 报告今天发布。", "zh", "日内瓦", "2024年7月19日", dt.date(2024, 7, 19)),
    ],
)
def test_localised_datelines(text: str, language: str, place: str, date_text: str, date: dt.date) -> None:
    dateline = dateline_of(text, language)
    line = LINE + 1  # the language key takes a line
    assert [p.name for p in dateline.places] == [place]
    assert dateline.places[0].span == Span(line, 1, line, 1 + len(place))
    assert dateline.date is not None and dateline.date.text == date_text
    assert dateline.date.date == date
    column, end = cols(text, date_text)
    assert dateline.date.span == Span(line, column, line, end)
    assert dateline.separator == "–"
    assert dateline.text == text[: text.index("–") + 1]


@pytest.mark.parametrize(
    ("text", "language", "places", "date", "separator"),
    [
        ("جنيف – أعلنت الوكالة اليوم عن خطة جديدة.", "ar", ["جنيف"], None, "–"),
        ("日内瓦，2024年7月19日——世界气象组织今天发布报告。", "zh", ["日内瓦"], dt.date(2024, 7, 19), "——"),
        ("日内瓦/香港，2024年7月19日 —— 报告今天发布。", "zh", ["日内瓦", "香港"], dt.date(2024, 7, 19), "——"),
    ],
)
def test_arabic_and_chinese_datelines(
    text: str, language: str, places: list[str], date: dt.date | None, separator: str
) -> None:
    dateline = dateline_of(text, language)
    assert [p.name for p in dateline.places] == places
    assert (dateline.date.date if dateline.date else None) == date
    assert dateline.separator == separator
    column, end = cols(text, separator)
    assert dateline.separator_span == Span(LINE + 1, column, LINE + 1, end)


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        # The first sentence ends at the Chinese full stop, written without a space after it.
        ("日内瓦——7月19日，报告发布。7月20日，会议召开。", "zh", "7月19日"),
        ("日内瓦——报告今天发布。7月20日，会议召开。", "zh", None),
        # An Arabic sentence ends at a full stop before an Arabic letter.
        ("جنيف – صدر التقرير اليوم. وفي 20 تموز 2024 يعقد المجلس اجتماعه.", "ar", None),
        ("جنيف – صدر التقرير في 19 تموز 2024. ويعقد المجلس اجتماعه.", "ar", "19 تموز 2024"),
    ],
)
def test_the_lede_date_is_in_the_first_sentence_in_arabic_and_chinese(
    text: str, language: str, want: str | None
) -> None:
    release = lede(text, language)
    assert (release.lede_date.text if release.lede_date else None) == want


def test_date_in_the_first_sentence_is_the_lede_date() -> None:
    release = lede("Minsk - On 19 July 2024, the fourth meeting was held. On 20 July 2024 it ended.")
    assert release.dateline is not None and release.dateline.date is None
    assert release.lede_date is not None
    assert release.lede_date.text == "19 July 2024"
    assert release.lede_date.date == dt.date(2024, 7, 19)
    assert release.lede_date.span == Span(LINE, 12, LINE, 24)


def test_weekday_with_the_lede_date() -> None:
    release = lede("Tbilisi, Georgia – On Wednesday, 10 September 2025, ministers met.")
    assert release.lede_date is not None
    assert release.lede_date.weekday == 3 and release.lede_date.weekday_text == "Wednesday"


def test_no_date_in_first_sentence_means_no_lede_date() -> None:
    release = lede("GENEVA – The agency said today that it would act. On 19 July 2024 it did.")
    assert release.lede_date is None


def test_dateline_after_the_front_matter_position_moves_with_it() -> None:
    text = "---\ntitle: T\ndate: 2024-07-19\nlocation: Minsk\nprofile: un\n---\n\n\nMinsk – A meeting.\n"
    release = parse(text)
    assert release.dateline is not None and release.dateline.span == Span(9, 1, 9, 8)


def test_only_the_first_line_of_the_lede_is_searched() -> None:
    release = lede("The agency said\nGENEVA – something.")
    assert release.dateline is None


@pytest.mark.parametrize(
    "text",
    [
        "The meeting - held in Minsk - was long and productive.",
        "Today – the agency said that it would act.",
        "“We are ready,” she said – and the meeting began.",
        "“Geneva – a city of peace,” the mayor said.",
        "In 2024 - a record year - exports grew.",
        "Meanwhile – in Minsk – the network met.",
        "This year, the agency said - for the first time - that it would act.",
        "Exports grew by 12 per cent - a record.",
        "A new report finds that the number of children out of school – 250 million – is rising.",
        "However, GENEVA - which hosts the agency - was quiet.",
        "12 March 2026 – The agency published its report.",
        "12 March 2026, the agency said – for the first time – that it would act.",
    ],
)
def test_non_datelines_are_not_taken(text: str) -> None:
    assert lede(text).dateline is None


def test_no_lede_no_dateline() -> None:
    release = parse(FRONT + "## Contact\n\nJane Doe, jane@example.org\n")
    assert release.lede is None and release.dateline is None


def test_a_lede_that_starts_with_a_quotation_has_no_dateline() -> None:
    release = lede("“This is the day we waited for,” said Jane Doe – and she meant it.")
    assert release.dateline is None
    assert release.quotes and release.quotes[0].speaker == "Jane Doe"


def test_location_alone_is_enough() -> None:
    release = parse("---\ntitle: T\ndate: 2024-07-19\nlocation: Minsk, Belarus\n---\n\nThe meeting was held.\n")
    assert release.dateline is None
    assert release.location == "Minsk, Belarus"


@pytest.mark.parametrize(
    "text", ["Eldoret, KE —14 June 2026— The council said.", "**Eldoret, KE —14 June 2026—** The council said."]
)
def test_a_date_between_two_stuck_dashes(text: str) -> None:
    dateline = dateline_of(text)
    assert [p.name for p in dateline.places] == ["Eldoret, KE"]
    assert dateline.date is not None and dateline.date.resolve() == dt.date(2026, 6, 14)
    assert dateline.separator == "—"
    end = text.index("2026—") + len("2026—")
    assert dateline.text == text[:end]
    assert dateline.separator_span == Span(LINE, end, LINE, end + 1)


def test_a_dash_inside_the_bold_ends_the_dateline() -> None:
    dateline = dateline_of("**NAIROBI, 3 May 2026 –** Three plants opened.")
    assert [p.name for p in dateline.places] == ["NAIROBI"]
    assert dateline.date is not None and dateline.date.text == "3 May 2026"
    assert dateline.text == "**NAIROBI, 3 May 2026 –"
    assert dateline.separator_span == Span(LINE, 23, LINE, 24)


def test_emphasis_later_in_the_lede_is_not_a_dateline() -> None:
    assert lede("The **agency** – said to be the largest – opened.").dateline is None
