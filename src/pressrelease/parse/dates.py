"""Finding dates written in text, in every language that has a data file.

Month and weekday names come from ``data/*.toml``; the patterns are built once.
Recognised: ``19 July 2024``, ``19 de julio de 2024``, ``19 июля 2024 года``,
``26. März 2026``, ``July 19, 2024``, ``Oct. 16``, ``2024-07-19``, each with an
optional weekday before it (``Friday, 19 July 2024``, ``vendredi 19 juillet``,
``الجمعة، 19 تموز/يوليو 2024``: a month's two Arabic names paired with a slash, in
Western or Arabic-Indic digits), and ``2024年7月19日`` with its weekday after it
(``2024年7月19日（星期五）``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

import msgspec

from ..model import DateMention, Span
from .language import all_months, all_weekdays, all_year_words, paired_months
from .phrases import Phrases

Locator = Callable[[int, int], Span]


def _alternation(words: dict[str, int] | tuple[str, ...]) -> str:
    # Longest first, so "sept" wins over "sep" and "september" over both. A name of
    # two words ("تشرين الأول") may break its line between them.
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def _spaced(word: str) -> str:
    """A name as the data writes it: the words of a matched name one space apart."""
    return " ".join(word.split())


@cache
def _pattern() -> re.Pattern[str]:
    """One pattern for all three forms. The month names appear once: an optional day
    before the month makes it day-month-year, else month-day-year (the conditional
    ``(?(d1)...)`` picks the tail), which halves the pattern's compile time (about
    6 ms to 3 ms) against writing the names in each form."""
    months = _alternation(all_months())
    weekdays = _alternation(all_weekdays())
    paired = paired_months()
    weekday = rf"(?:(?P<wd>{weekdays})\.?[,،]?\s+(?:(?:le|el|the)\s+)?)?"
    day_first = r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?)?"
    year_words = _alternation(all_year_words())
    after_year = rf"(?:\s*(?:{year_words}))?" if year_words else ""
    dmy_tail = rf"(?:\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}}){after_year})?"
    mdy_tail = r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:(?P<comma>,)?\s+(?P<y2>\d{4}))?"
    pair = rf"(?:\s?/\s?(?P<m2>{_alternation(paired)}))?" if paired else ""
    named = rf"{day_first}(?P<m>{months}){pair}(?P<dot>\.)?(?(d1){dmy_tail}|{mdy_tail})"
    iso = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    return re.compile(rf"(?<![\w.-]){weekday}(?:{named}|{iso})(?![\w-])", re.IGNORECASE)


def _lookup(names: dict[str, int], word: str) -> int:
    """The number of a month or weekday the pattern matched. The regex engine's case
    folding matches a few letters ``str.lower`` leaves alone (``ſ`` for ``s``)."""
    found = names.get(_spaced(word).lower())
    if found is None:
        found = next(n for name, n in names.items() if re.fullmatch(re.escape(name), word, re.IGNORECASE))
    return found


_DIGIT = re.compile(r"\d")


@cache
def _phrases() -> Phrases:
    """The date pattern, tried only where a date can start (:mod:`.phrases`).

    Every date holds a digit; it starts with its digit or with a month or weekday
    name, which are single words (tests check the data), at the start of a word.
    """
    return Phrases.build(_pattern(), [*all_months(), *all_weekdays()], digit_starts=_digit_starts)


#: Where a date that starts with its digits can start: a digit that begins a word and
#: opens an ISO date, or a day, then (after an ordinal ending, a full stop, spaces and
#: ``de``) the word that must be a month. Prose is full of numbers; this scan is
#: cheaper than the whole pattern. It opens with the digit, so the regex engine skips
#: ahead to the next one; the rest is a lookahead, so the next digit is not passed over
#: (``19 2024-07-19``: the ISO date starts in the first one's word).
_DIGIT_HEAD = re.compile(
    r"\d(?<!\w\d)(?=\d{3}-\d{2}-\d{2}|\d?(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?(\w+))", re.IGNORECASE
)
_ISO_HEAD = re.compile(r"\d(?<!\w\d)(?=\d{3}-\d{2}-\d{2})")  #: the first of ``_DIGIT_HEAD``'s two


def _digit_starts(low: str, present: frozenset[str]) -> list[int]:
    """Where a date can start with its digits in ``low``; ``present`` holds every word of
    ``low`` that opens a month's name (and maybe others).

    The word after a day is a whole word of the text, so in a text where no month's
    name stands only an ISO date can start with a digit: most paragraphs.
    """
    months = _month_first_words()
    if months.isdisjoint(present):
        return [head.start() for head in _ISO_HEAD.finditer(low)] if "-" in low else []
    return [head.start() for head in _DIGIT_HEAD.finditer(low) if head.group(1) is None or head.group(1) in months]


@cache
def _month_first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in all_months())


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
    found = tuple(_search(text))
    if "月" in text:  # 2011年3月14日, 3月14日: Chinese and Japanese write the year, month and day with their signs
        found += tuple(_cjk(text))
    return found


def _han_weekdays() -> str:
    """The Han weekday names of the data, as one alternation ("" when there are none)."""
    return _alternation(tuple(name for name in all_weekdays() if "\u3400" <= name[:1] <= "\u9fff"))


@cache
def _cjk_pattern() -> re.Pattern[str]:
    """``2011年3月14日`` or ``3月14日``, and the weekday after it: ``（星期五）``, ``周五`` (the Han
    weekday names of the data)."""
    weekdays = _han_weekdays()
    weekday = rf"(?:\s?(?:(?P<open>[（(])\s?)?(?P<wd>{weekdays})(?(open)\s?[）)]))?" if weekdays else ""
    return re.compile(
        rf"(?<!\d)(?:(\d{{4}})\s?年\s?)?(?(1)|(?<![\d年]))(\d{{1,2}})\s?月\s?(\d{{1,2}})\s?[日号]{weekday}"
    )


_CLOSE = re.compile(r"\s?[）)]")
_WEEKDAY_REACH = 8  #: characters before a Chinese date searched for its weekday: 星期五， and spaces


@cache
def _cjk_weekday_before() -> re.Pattern[str] | None:
    """The weekday written before a Chinese date: ``星期五，`` or ``周五（`` (the date then closes the
    bracket). Searched in the few characters before each date found, not at every position of the
    text: one pattern for both orders read Chinese text half as fast."""
    weekdays = _han_weekdays()
    return re.compile(rf"(?P<wd>{weekdays})\s?(?:[，,、]\s?|(?P<open>[（(])\s?)?$") if weekdays else None


def _cjk(text: str) -> Iterator[tuple[int, int, DateMention]]:
    before = _cjk_weekday_before()
    for match in _cjk_pattern().finditer(text):
        start, end = match.span()
        written, month, day = (int(g) if g else None for g in match.groups()[:3])
        assert month is not None and day is not None
        wd = match.groupdict().get("wd")
        if not wd and before is not None:
            found = before.search(text, max(0, start - _WEEKDAY_REACH), start)
            close = _CLOSE.match(text, end) if found and found.group("open") else None
            if found and (close or not found.group("open")):
                wd, start, end = found.group("wd"), found.start(), close.end() if close else end
        # Without a year, the day is checked against a leap year: 2月29日 may be right.
        mention = _checked(text[start:end], Span(1, start + 1, 1, end + 1), written or 2000, month, day, "ymd")
        if mention is not None:
            mention = msgspec.structs.replace(mention, year=written)
            if wd:
                mention = msgspec.structs.replace(mention, weekday=all_weekdays()[wd], weekday_text=wd)
            yield start, end, mention


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
            if g.get("m2") and _lookup(months, g["m2"]) != month:
                continue  # "تموز/أغسطس": two different months are not one date
            # "May" and "March" are also words: without a year or weekday, a
            # capitalised month is required so that "may 5" in prose is not a date
            # (a script without capitals has no such doubt).
            if not year and not g["wd"] and not month_word[0].isupper() and not _caseless(month_word[0]):
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
            bool(g["dot"])
            or (len(month_word) <= 4 and month_word.lower() not in _FULL and not _caseless(month_word[0]))
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


def _caseless(letter: str) -> bool:
    """A letter of a script without capitals (Arabic): its short month names (آب, تموز) are whole."""
    return letter.lower() == letter.upper()


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


# -- numeric dates (content systems' metadata lines) --------------------------------------

_NUMERIC = re.compile(
    r"(?<![\w./-])(?:(?P<a>\d{1,2})\s?(?P<sep>[./-])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})"
    r"|(?P<yi>\d{4})-(?P<mon>[^\W\d_]{3,4})-(?P<di>\d{1,2}))(?![\w-])"
)
_WEEKDAY_BEFORE = re.compile(r"([^\W\d_]{2,12})\.?,?\s*$")


def numeric_dates(text: str, day_first: bool | None = None) -> Iterator[DateMention]:
    """Dates written with figures, as content systems print them, and every named date.

    ``20.01.2022`` (a full stop: always day first), ``09/30/2020`` and ``30/09/2020``
    (the number above 12 is the day), ``Wed, 09/04/2020`` (the weekday decides),
    ``2017-apr-20`` (and ``2011年3月14日``, which :func:`find_dates` reads). When the order cannot be told, ``day_first``
    decides (the release language's custom); left None, such a date is not yielded.
    """
    yield from find_dates(text)
    for match in _NUMERIC.finditer(text):
        mention = _numeric(match, text, day_first)
        if mention is not None:
            yield mention


def _numeric(match: re.Match[str], text: str, day_first: bool | None) -> DateMention | None:
    g = match.groupdict()
    start, end = match.span()
    span = Span(1, start + 1, 1, end + 1)
    if g["yi"]:
        month = all_months().get(g["mon"].lower())
        return _checked(match.group(0), span, int(g["yi"]), month, int(g["di"]), "iso") if month else None
    a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
    if g["sep"] == "." or a > 12 >= b:
        order: bool | None = True
    elif b > 12 >= a:
        order = False
    else:
        order = _by_weekday(text[:start], year, a, b)
        if order is None:
            order = day_first
    if order is None:
        return None
    day, month = (a, b) if order else (b, a)
    return _checked(match.group(0), span, year, month, day, "dmy" if order else "mdy")


def _by_weekday(before: str, year: int, a: int, b: int) -> bool | None:
    """``Wed, 09/04/2020``: the order whose date falls on the weekday written before it."""
    import datetime as dt

    found = _WEEKDAY_BEFORE.search(before[-16:])
    weekday = all_weekdays().get(found.group(1).lower()) if found else None
    if weekday is None:
        return None
    fits = []
    for day_first, (day, month) in ((True, (a, b)), (False, (b, a))):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                fits.append(day_first)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def _checked(text: str, span: Span, year: int, month: int, day: int, style: str) -> DateMention | None:
    import datetime as dt

    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(text=text, span=span, style=style, day=day, month=month, year=year)  # type: ignore[arg-type]
