"""Lint rules: dateline and dates (PR201-PR207).

The parser finds the dateline and every date; these rules compare them with the
front matter and with the house profile (rules.md, "Profiles"). Dates are looked
for again in each block's source with code and URLs masked (:func:`._text.mask`),
so a date inside a link target is never judged; blocks with nothing to mask reuse
the parser's ``Release.dates``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from operator import itemgetter

from ...model import Block, DateMention, Release, Span
from ...parse.dates import find_dates
from ...parse.language import data_file
from ..registry import Context, Edit, Finding, Fix, Rule, rule
from ._example import example
from ._lede_dates import introduced, other_event
from ._text import mask
from .document import is_unreadable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PROFILE_DASH = {"default": "–", "un": "–", "uk": "–", "ap": "—"}
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\w./-])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\w/-])")


def _release(lede: str, extra: str = "") -> str:
    """The example release with this lede alone, and no ``location`` unless ``extra`` gives one."""
    return example(lede=lede, front=extra, location=None)


def _text(day: int, month: int, year: int | None, profile: str) -> str:
    if profile == "ap":
        return f"{AP_MONTHS[month - 1]} {day}" + (f", {year}" if year else "")
    return f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")


def _long(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def nearest(mention: DateMention, release: Release) -> dt.date | None:
    """The calendar date of a mention; with no year, the one nearest the release date."""
    date = release.date
    if mention.year is not None or date is None:
        return mention.resolve()
    options = [d for d in (mention.resolve(y) for y in (date.year - 1, date.year, date.year + 1)) if d is not None]
    return min(options, key=lambda d: abs((d - date).days), default=None)


DatesByLine = dict[int, list[tuple[int, DateMention]]]  #: line -> (place in ``Release.dates``, date)


def dates_by_line(release: Release) -> DatesByLine:
    """The parser's dates by the line they are on, each with its place in ``release.dates``.

    A block's dates are then read from its own lines: a pass over every date of the
    release for each block made PR204 and PR207 quadratic on a release of many dated
    paragraphs (2,000, 4,000 and 8,000 of them took 0.5, 1.2 and 3.6 s to lint).
    """
    by_line: DatesByLine = {}
    for place, mention in enumerate(release.dates):
        by_line.setdefault(mention.span.line, []).append((place, mention))
    return by_line


def block_dates(block: Block, by_line: DatesByLine) -> tuple[DateMention, ...]:
    """The dates written in ``block`` outside code, link targets and URLs.

    The parser already found every date of every block (``release.dates``, here
    ``by_line``); when masking changes nothing in the block (no code, link or
    address), those are the block's dates, in the parser's order. Otherwise the
    masked text is searched again (``find_dates`` caches by text, so PR204 and
    PR207 search it once).
    """
    masked = mask(block.source)
    if masked != block.source:
        return tuple(find_dates(masked, block.locate))
    first, last = block.span.line, block.span.end_line
    if first == last:  # most blocks: the line's dates, in the parser's order already
        dated = by_line.get(first)
        return tuple(mention for _, mention in dated) if dated else ()
    found = [dated for line in range(first, last + 1) for dated in by_line.get(line, ())]
    return tuple(mention for _, mention in sorted(found, key=itemgetter(0)))


def text_dates(release: Release) -> Iterator[DateMention]:
    """Every date written in the body and sections, outside code, link targets and URLs."""
    by_line = dates_by_line(release)
    for block in release.blocks:
        if block.source and block.kind != "code":
            yield from block_dates(block, by_line)


@rule(
    "PR201",
    "dateline-missing",
    "error",
    summary="Neither a `location` in the front matter nor a dateline opening the lede.",
    why="Every wire and agency release opens with a dateline naming where the news comes from "
    "(AP Stylebook; the UN agencies' own releases).",
    bad=_release("Three new water treatment plants opened on 20 March 2026 in the northern region."),
    good=_release("Nairobi – Three new water treatment plants opened on 20 March 2026 in the northern region."),
)
def dateline_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    lede = release.lede_block()
    if lede is None or release.location or release.dateline is not None or is_unreadable(release):
        return
    first = re.match(r"\S+", lede.source)
    span = lede.locate(0, first.end()) if first else lede.span
    yield Finding(span, "no dateline: start the lede with the place and a dash (`Nairobi – `) or add `location:`")


@rule(
    "PR202",
    "date-mismatch",
    "error",
    summary="A date in the dateline or the lede's first sentence differs from `date`; an event or a "
    "start the lede announces for a later day (`will hold a call on 27 October`) is not the release date.",
    why='"Many corrections can be prevented by checking simple things" (Reuters Handbook); '
    "A date in the dateline or in the lede's first sentence (`On 19 July 2024`) must agree with `date`.",
    bad=_release("Nairobi, 21 March 2026 – Three new water treatment plants opened in the northern region."),
    good=_release("Nairobi, 20 March 2026 – Three new water treatment plants opened in the northern region."),
)
def date_mismatch(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    date = release.date
    if date is None:
        return
    candidates: list[tuple[DateMention, str]] = []
    if release.dateline is not None and release.dateline.date is not None:
        candidates.append((release.dateline.date, "the dateline"))
    if release.lede_date is not None and introduced(release, release.lede_date, ctx.lang.lead_words):
        candidates.append((release.lede_date, "the lede"))
    for mention, where in candidates:
        written = mention.resolve(date.year)
        if where == "the lede" and written is not None and other_event(release, mention, written, date):
            continue  # "will hold a call on 25 March": an event the release announces
        if written is not None and written != date:
            yield Finding(
                mention.span,
                f"{where} says {_long(written)} but `date` is {_long(date)}: make them agree",
            )


def _separator_fix(release: Release, dash: str) -> Fix | None:
    dateline = release.dateline
    lede = release.lede_block()
    if dateline is None or lede is None:
        return None
    end = len(dateline.text)
    before = dateline.text[-len(dateline.separator) - 1 : -len(dateline.separator)]
    after = lede.source[end : end + 1]
    text = ("" if before.isspace() else " ") + dash + ("" if after.isspace() or not after else " ")
    return Fix(f"use '{dash}' after the dateline", (Edit(dateline.separator_span, text),))


@rule(
    "PR203",
    "dateline-dash",
    "warning",
    fixable=True,
    summary="The dateline's separator is a hyphen or `--` where the profile wants an en dash (em dash in `ap`).",
    why="AP sets space, dash, space after the dateline; UN agencies use an en dash "
    "(their own releases). `--` after a named wire (`/PRNewswire/ --`) is that wire's own form and is accepted in `default`.",
    bad=_release("Nairobi - Three new water treatment plants opened on 20 March 2026 in the northern region."),
    good=_release("Nairobi – Three new water treatment plants opened on 20 March 2026 in the northern region."),
)
def dateline_dash(ctx: Context) -> Iterator[Finding]:
    dateline = ctx.release.dateline
    if dateline is None or dateline.separator not in ("-", "--"):
        return
    if dateline.separator == "--" and dateline.wire and ctx.profile == "default":
        return
    dash = PROFILE_DASH.get(ctx.profile, "–")
    name = "an em dash" if dash == "—" else "an en dash"
    yield Finding(
        dateline.separator_span,
        f"dateline ends with '{dateline.separator}': use {name} ('{dash}')",
        _separator_fix(ctx.release, dash),
    )


@rule(
    "PR204",
    "weekday-mismatch",
    "error",
    summary="A weekday written with a date (`Friday, 19 July 2024`) is not that date's weekday.",
    why='"Many corrections can be prevented by checking simple things - the day of the week" (Reuters Handbook).',
    bad=_release("Nairobi – Three new water treatment plants opened on Thursday, 20 March 2026."),
    good=_release("Nairobi – Three new water treatment plants opened on Friday, 20 March 2026."),
)
def weekday_mismatch(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for mention in text_dates(release):
        if mention.weekday is None:
            continue
        date = nearest(mention, release)
        if date is None or date.isoweekday() == mention.weekday:
            continue
        written = WEEKDAYS[mention.weekday - 1]
        actual = WEEKDAYS[date.isoweekday() - 1]
        yield Finding(
            mention.span,
            f"{_long(date)} is a {actual}, not a {written}: correct the weekday or the date",
        )


def _fold(text: str) -> str:
    """Case, accents, dashes and spacing folded away: ``São Paulo`` == ``SAO PAULO``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("،", ",").replace("，", ","))
    bare = decomposed if decomposed.isascii() else "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", re.sub(r"\s*([,/])\s*", r"\1", bare)).strip(" ,.")


def _same_place(location: str, written: str) -> bool:
    """``Minsk`` and ``MINSK, Belarus``; ``Dakar`` and ``Dakar/New York``; ``Kenya`` and ``NAIROBI, Kenya``."""
    a, b = _fold(location), _fold(written)
    if a == b:
        return True
    for short, long in ((a, b), (b, a)):
        if long.startswith(short) and long[len(short)] in ",/":
            return True
    places_a = [[part.strip() for part in place.split(",")] for place in a.split("/")]
    places_b = [[part.strip() for part in place.split(",")] for place in b.split("/")]
    # The location's city is one of the dateline's places, or the location is only a country or state.
    if any(place[0] == places_a[0][0] for place in places_b):
        return True
    return len(places_a) == 1 and len(places_a[0]) == 1 and any(places_a[0][0] in place for place in places_b)


@rule(
    "PR205",
    "location-mismatch",
    "error",
    summary="The front-matter `location` and the lede's dateline name different places.",
    why="When both `location` and a dateline exist they must agree, or the rendered page and "
    "the wire copy will give two different places.",
    bad=_release("Mombasa – Three new water treatment plants opened on 20 March 2026.", "location: Nairobi\n"),
    good=_release("NAIROBI, Kenya – Three new water treatment plants opened on 20 March 2026.", "location: Nairobi\n"),
)
def location_mismatch(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    dateline = release.dateline
    if not release.location or dateline is None or not dateline.places:
        return
    written = "/".join(place.name for place in dateline.places)
    if _same_place(release.location, written):
        return
    first, last = dateline.places[0].span, dateline.places[-1].span
    span = Span(first.line, first.column, last.end_line, last.end_column)
    yield Finding(span, f"the dateline says '{written}' but `location` is '{release.location}': make them agree")


def _ap_place(city: str, qualifier: str) -> tuple[str, str] | None:
    """What is wrong with one AP dateline place, and which part ("city" or "qualifier"), or None."""
    ap = data_file("ap")
    if any(ch.islower() for ch in city):
        return f"write the dateline city in capitals ('{city.upper()}'), as AP does", "city"
    if not qualifier:
        standalone = {c.upper() for c in ap.get("standalone_cities", [])}
        if city.upper() not in standalone:
            return (
                f"{city} is not one of AP's stand-alone cities: add its state or country after a comma ('{city}, ...')",
                "city",
            )
        return None
    postal = ap.get("postal_codes", {})
    by_state = {state: abbr for abbr, state in ap.get("state_abbreviations", {}).items()}
    never = set(ap.get("states_never_abbreviated", []))
    if qualifier in postal:
        state = postal[qualifier]
        want = state if state in never else by_state.get(state, state)
        return f"'{qualifier}' is a postal code: AP datelines write '{want}'", "qualifier"
    if qualifier in by_state:
        return f"AP datelines abbreviate the state: write '{by_state[qualifier]}', not '{qualifier}'", "qualifier"
    letters = qualifier.replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) > 2:
        return (
            f"write the state or country in ordinary case ('{qualifier.title()}'); only the city is in capitals",
            "qualifier",
        )
    return None


def _un_place(city: str) -> tuple[str, str] | None:
    letters = [ch for ch in city if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return f"write the dateline place in title case ('{city.title()}'), as UN releases do", "city"
    return None


@rule(
    "PR206",
    "dateline-style",
    "warning",
    profiles=("ap", "un"),
    summary="The dateline breaks the profile's form: AP capitals and state abbreviations, UN title case.",
    why="AP writes the city in capitals followed by the state or country, with AP (not postal) state "
    "abbreviations, unless the city stands alone (AP memo and city list); UN agencies "
    "write the place in title case (IOM and UNEP releases).",
    bad=_release("Nairobi – Three new water treatment plants opened on March 20.", "profile: ap\n"),
    good=_release("NAIROBI, Kenya — Three new water treatment plants opened on March 20.", "profile: ap\n"),
)
def dateline_style(ctx: Context) -> Iterator[Finding]:
    dateline = ctx.release.dateline
    if dateline is None or ctx.profile not in ("ap", "un") or (ctx.profile == "ap" and ctx.lang.code != "en"):
        return
    for place in dateline.places:
        city, _, qualifier = place.name.partition(",")
        city, qualifier = city.strip(), qualifier.strip(" ,")
        found = _ap_place(city, qualifier) if ctx.profile == "ap" else _un_place(city)
        if found is None:
            continue
        message, part = found
        span = place.span
        start, width = (
            (place.name.find(qualifier, len(city)), len(qualifier)) if part == "qualifier" else (0, len(city))
        )
        yield Finding(Span(span.line, span.column + start, span.line, span.column + start + width), message)


def _format_problem(mention: DateMention, profile: str, english: bool) -> str | None:
    """Why a date breaks the profile's format, or None (rules.md, "dates in text")."""
    if mention.style == "ymd":
        return None  # 2024年7月19日: the one way Chinese writes a date, UN texts included
    if profile in ("un", "uk"):
        want = _text(mention.day, mention.month, mention.year, profile)
        if mention.style != "dmy":
            return f"write dates day-month-year in the {profile} profile: '{want}'"
        if english and (mention.abbreviated_month or _ORDINAL.search(mention.text)):
            return f"write the month in full and no ordinal in the {profile} profile: '{want}'"
        return None
    if profile == "ap" and english:
        want = _text(mention.day, mention.month, mention.year, "ap")
        if mention.style != "mdy":
            return f"write dates month-day-year in AP style: '{want}'"
        month = re.search(r"[A-Za-z]+\.?", mention.text[len(mention.weekday_text or "") :])
        if month is None or month.group(0) != AP_MONTHS[mention.month - 1] or _ORDINAL.search(mention.text):
            return f"AP abbreviates Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a day and spells out March-July: '{want}'"
        if mention.year is not None and not mention.comma:
            return f"AP puts a comma before the year: '{want}'"
    return None


def _in_contact(release: Release, block: Block) -> bool:
    """Contact lines hold phone numbers such as ``02/12/45 67``, never dates."""
    return block.section is not None and release.sections[block.section].kind == "contact"


@rule(
    "PR207",
    "date-format",
    "info",
    summary="A date in the text breaks the profile's format (`19 July 2024` un/uk, `July 19, 2024` and "
    "`Oct. 16` ap); any profile: an ambiguous numeric date like 03/04/2026.",
    why="UN and UK style write 19 July 2024 with no comma or ordinal (UN Editorial Manual; "
    "the UN agencies' own releases); AP writes July 19, 2024 and abbreviates Jan., Feb., Aug.-Dec. with a day (AP "
    "Stylebook). 03/04/2026 reads as "
    "March or April depending on the reader's country.",
    bad=_release("Nairobi – Three new water treatment plants opened on March 20, 2026.", "profile: un\n"),
    good=_release("Nairobi – Three new water treatment plants opened on 20 March 2026.", "profile: un\n"),
)
def date_format(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    english = ctx.lang.code == "en"
    by_line = dates_by_line(release)
    for block in release.blocks:
        if not block.source or block.kind == "code" or _in_contact(release, block):
            continue
        text = mask(block.source)
        for mention in block_dates(block, by_line):
            problem = _format_problem(mention, ctx.profile, english)
            if problem is not None:
                yield Finding(mention.span, problem)
        for match in _NUMERIC.finditer(text) if "/" in text else ():
            first, second = int(match.group(1)), int(match.group(2))
            if 1 <= first <= 12 and 1 <= second <= 12 and first != second:
                yield Finding(
                    block.locate(match.start(), match.end()),
                    f"'{match.group(0)}' reads as {MONTHS[second - 1]} or {MONTHS[first - 1]} depending on the "
                    "reader: write the month in words",
                )


RULES: tuple[Rule, ...] = (
    dateline_missing,
    date_mismatch,
    dateline_dash,
    weekday_mismatch,
    location_mismatch,
    dateline_style,
    date_format,
)
