"""Finding dates written in text, in every language that has a data file.

Month and weekday names come from ``data/*.toml``; the patterns are built once.
Recognised: ``19 July 2024``, ``19 de julio de 2024``, ``19 июля 2024 года``,
``26. März 2026``, ``July 19, 2024``, ``Oct. 16``, ``2024-07-19``, each with an
optional weekday before it (``Friday, 19 July 2024``, ``vendredi 19 juillet``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

import msgspec

from ..model import DateMention, Span
from .language import all_months, all_weekdays
from .phrases import Phrases

Locator = Callable[[int, int], Span]


def _alternation(words: dict[str, int]) -> str:
    # Longest first, so "sept" wins over "sep" and "september" over both.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    """One pattern for all three forms. The month names appear once: an optional day
    before the month makes it day-month-year, else month-day-year (the conditional
    ``(?(d1)...)`` picks the tail), which halves the pattern's compile time (about
    6 ms to 3 ms) against writing the names in each form."""
    months = _alternation(all_months())
    weekdays = _alternation(all_weekdays())
    weekday = rf"(?:(?P<wd>{weekdays})\.?,?\s+(?:(?:le|el|the)\s+)?)?"
    day_first = r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?)?"
    dmy_tail = r"(?:\s+(?:de\s+|del\s+)?(?P<y1>\d{4})(?:\s*(?:года|г\.))?)?"
    mdy_tail = r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:(?P<comma>,)?\s+(?P<y2>\d{4}))?"
    named = rf"{day_first}(?P<m>{months})(?P<dot>\.)?(?(d1){dmy_tail}|{mdy_tail})"
    iso = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    return re.compile(rf"(?<![\w.-]){weekday}(?:{named}|{iso})(?![\w-])", re.IGNORECASE)


def _lookup(names: dict[str, int], word: str) -> int:
    """The number of a month or weekday the pattern matched. The regex engine's case
    folding matches a few letters ``str.lower`` leaves alone (``ſ`` for ``s``)."""
    found = names.get(word.lower())
    if found is None:
        found = next(n for name, n in names.items() if re.fullmatch(re.escape(name), word, re.IGNORECASE))
    return found


_DIGIT = re.compile(r"\d")


@cache
def _phrases() -> Phrases:
    """The date pattern, tried only where a date can start (:mod:`.wordscan`).

    Every date holds a digit; it starts with its digit or with a month or weekday
    name, which are single words (tests check the data), at the start of a word.
    """
    return Phrases.build(_pattern(), [*all_months(), *all_weekdays()], digits=True, digit_start=_could_start)


#: What a date that starts with its digits opens with: an ISO date, or a day, then
#: (after an ordinal ending, a full stop, spaces and ``de``) the word that must be a
#: month. Prose is full of numbers; this check is cheaper than the whole pattern.
_DIGIT_HEAD = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?(\w+)", re.IGNORECASE)


def _could_start(low: str, start: int) -> bool:
    head = _DIGIT_HEAD.match(low, start)
    return head is not None and (head.group(1) is None or head.group(1) in all_months())


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_pattern().finditer(text)``, with the pattern tried only where a date can start."""
    if not _DIGIT.search(text):
        return
    yield from _phrases().finditer(text)


def find_dates(text: str, locate: Locator | None = None) -> Iterator[DateMention]:
    """Every date in ``text``; ``locate(start, end)`` turns offsets into a span."""
    for start, end, mention in _dates_in(text):
        yield mention if locate is None else msgspec.structs.replace(mention, span=locate(start, end))


@lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[tuple[int, int, DateMention], ...]:
    """(start, end, mention) for every date in ``text``, its span on line 1.

    Cached by text: paragraphs recur (an organisation's boilerplate, and the rules
    that search masked blocks again find the parser's text when masking changed nothing).
    """
    return tuple(_search(text))


def _search(text: str) -> Iterator[tuple[int, int, DateMention]]:
    months = all_months()
    weekdays = all_weekdays()
    for match in _matches(text):
        g = match.groupdict()
        if g["d1"]:
            style, day, month_word, year = "dmy", g["d1"], g["m"], g["y1"]
        elif g["d2"]:
            style, day, month_word, year = "mdy", g["d2"], g["m"], g["y2"]
        else:
            style, day, month_word, year = "iso", g["d3"], None, g["y3"]
        if month_word is not None:
            month = _lookup(months, month_word)
            # "May" and "March" are also words: without a year or weekday, a
            # capitalised month is required so that "may 5" in prose is not a date.
            if not year and not g["wd"] and not month_word[0].isupper():
                continue
        else:
            month = int(g["m3"])
            if not 1 <= month <= 12:
                continue
        day_n = int(day)
        if not 1 <= day_n <= 31:
            continue
        start, end = match.span()
        span = Span(1, start + 1, 1, end + 1)
        wd = g["wd"]
        abbreviated = month_word is not None and (
            bool(g["dot"]) or (len(month_word) <= 4 and month_word.lower() not in _FULL)
        )
        yield (
            start,
            end,
            DateMention(
                text=match.group(0),
                span=span,
                style=style,  # type: ignore[arg-type]
                day=day_n,
                month=month,
                year=int(year) if year else None,
                weekday=_lookup(weekdays, wd) if wd else None,
                weekday_text=wd,
                abbreviated_month=abbreviated,
                comma=bool(g.get("comma")),
            ),
        )


# Month names of four letters or fewer that are not abbreviations.
_FULL = frozenset(
    {
        "may",
        "june",
        "july",
        "mai",
        "juin",
        "mars",
        "juli",
        "juni",
        "mayo",
        "март",
        "мая",
        "май",
        "июня",
        "июля",
        "июнь",
        "июль",
    }
)
