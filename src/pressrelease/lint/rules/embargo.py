"""Lint rules: the embargo (PR6xx).

The front-matter ``embargo`` is the one source of truth: renderers print it in every
output. These rules check that it names an instant (date, time and zone), that its
local date is the release date, that it has not passed, and that no "EMBARGOED
UNTIL ..." line in the text says something else or stands in for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

import msgspec

from ...model import Block, Embargo, Release
from ...parse.dates import find_dates
from ...parse.language import language
from ..registry import Context, Finding, Rule, rule
from ._example import NOTES, QUOTE, example
from ._text import mask_code


def _example(embargo: str | None, date: str = "2099-03-20", first: str = "") -> str:
    """The example release with this embargo, dated ``date`` (in its lede too), ``first`` above the lede."""
    day = dt.date.fromisoformat(date)
    lede = f"Nairobi – Three new water treatment plants opened on {day.day} {day:%B} {day.year} in the northern region."
    body = ([first] if first else []) + [lede, QUOTE, "###", NOTES]
    embargo_line = f"embargo: {embargo}\n" if embargo else ""
    return example(*body, date=date, front=embargo_line, organization="", lede=None)


#: An embargo with no zone: a date alone, or a date and time without an offset or IANA name.
_ZONELESS = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2})?))?")


def _zoneless(embargo: Embargo) -> tuple[dt.date, tuple[int, int] | None] | None:
    """(date, time) of an embargo written without a zone; None otherwise or when impossible."""
    match = _ZONELESS.fullmatch(embargo.text.strip())
    if embargo.at is not None or match is None:
        return None
    try:
        date = dt.date.fromisoformat(match.group("date"))
    except ValueError:
        return None
    time = match.group("time")
    return date, (int(time.split(":")[0]), int(time.split(":")[1])) if time else None


def _local_date(embargo: Embargo) -> dt.date | None:
    """The embargo's date where it was written (its own zone, or none)."""
    if embargo.at is not None:
        return embargo.at.date()
    written = _zoneless(embargo)
    return written[0] if written else None


def _show(date: dt.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


@rule(
    "PR601",
    "embargo-no-timezone",
    "error",
    summary="An embargo without a time, or without a UTC offset or IANA zone.",
    why="'The embargo time, date, and appropriate time zone should be prominently displayed' (IDSA/OUP "
    "press-office guidelines; Accesswire says the same); a date with no time let one outlet publish at "
    "12:01 AM while others waited (eReleases).",
    bad=_example("2099-03-20T10:00:00"),
    good=_example("2099-03-20T10:00:00+03:00"),
)
def embargo_no_timezone(ctx: Context) -> Iterator[Finding]:
    embargo = ctx.release.embargo
    if embargo is None:
        return
    span = ctx.release.front_matter.value_span("embargo")
    written = _zoneless(embargo)
    if written is None:
        return  # it has a zone, or it is unreadable and PR003 says so
    date, time = written
    if time is None:
        yield Finding(
            span,
            f"the embargo '{embargo.text}' has a date but no time or zone: write it as "
            f"'{date.isoformat()}T09:00:00+01:00' or '{date.isoformat()} 09:00 Europe/Paris'",
        )
    else:
        yield Finding(
            span,
            f"the embargo '{embargo.text}' has no time zone: add an offset (+03:00) or an IANA zone "
            "such as Europe/Minsk",
        )


@rule(
    "PR602",
    "embargo-date-mismatch",
    "error",
    summary="The embargo's local date differs from the release `date`.",
    why="The release date is the day the news may run; an embargo lifting on another day puts two dates on "
    "one release, the kind of simple error Reuters says causes most corrections.",
    bad=_example("2099-03-21T10:00:00+03:00"),
    good=_example("2099-03-20T10:00:00+03:00"),
)
def embargo_date_mismatch(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if release.embargo is None or release.date is None:
        return
    local = _local_date(release.embargo)
    if local is not None and local != release.date:
        yield Finding(
            release.front_matter.value_span("embargo"),
            f"the embargo lifts on {_show(local)} but the release is dated {_show(release.date)}: make "
            "`date` the embargo's local date",
        )


@rule(
    "PR603",
    "embargo-passed",
    "warning",
    summary="The embargo instant is already past (now is `--now` or the clock).",
    why="An embargo in the past protects nothing and tells journalists the release is stale; check it before sending.",
    bad=_example("2020-03-20T10:00:00+03:00", date="2020-03-20"),
    good=_example("2099-03-20T10:00:00+03:00"),
)
def embargo_passed(ctx: Context) -> Iterator[Finding]:
    embargo = ctx.release.embargo
    if embargo is None or embargo.at is None:
        return
    if embargo.at <= ctx.now:
        yield Finding(
            ctx.release.front_matter.value_span("embargo"),
            f"the embargo '{embargo.text}' has already passed: remove it, or set the new time",
        )


# -- PR604: embargo lines in the text ---------------------------------------------------------------

#: The words that open an embargo line in the Latin and Cyrillic languages; the other
#: languages' are data (``[release_lines] embargo``), joined to these by :func:`_line_pattern`.
_PHRASES = (
    r"embargo(?:ed)?(?:\s+(?:until|till|to|before)\b|\s*[:–—-]|(?=\s+\d))"
    r"|not\s+for\s+(?:publication|release|broadcast)\b[^\n]*?\b(?:before|until)\b"
    r"|hold\s+for\s+release\s+until\b"
    r"|sous\s+embargo\b(?:\s+jusqu['’]\s*(?:au|à)\b)?"
    r"|embargo\s+(?:jusqu['’]\s*(?:au|à)|hasta)\b"
    r"|эмбарго(?:\s+до\b|\s*:)"
)


@cache
def _line_pattern(code: str) -> re.Pattern[str]:
    """An embargo line of a release in language ``code``: its own forms and the Latin and Cyrillic ones."""
    own = "".join(f"|{phrase}" for phrase in language(code).embargo_lines)
    return re.compile(rf"(?im)^[ \t>*_#【]*(?P<phrase>{_PHRASES}{own})(?P<rest>[^\n]*)")


@cache
def _time_pattern() -> re.Pattern[str]:  # compiled on first use, like the next: few releases have an embargo line
    # Chinese writes the half of the day before the hour and the hour's sign after it
    # (上午10时30分, 下午3点); Arabic the half after it (10:00 صباحاً, 3:00 مساءً).
    return re.compile(
        r"(?<![\d:.])(?P<half>上午|下午|晚上)?(?P<h>\d{1,2})(?:[:.hH](?P<m>\d{2}))?"
        r"\s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z])|صباح|مساء|ظهر)?"
        r"(?P<hours>\s*(?:hours|hrs|heures|horas|час\w*)|[时時点點](?:(?P<cm>\d{1,2})分)?)?",
        re.IGNORECASE,
    )


@cache
def _zone_pattern() -> re.Pattern[str]:
    return re.compile(
        r"\s*[(（]?(?P<zone>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5})\b[)）]?"
    )


#: Zone abbreviations an embargo line may use; ET/PT/CT/MT follow daylight saving.
_ZONES: dict[str, str | float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "EAT": 3, "CAT": 2, "WAT": 1, "GST": 4, "PKT": 5, "SGT": 8, "HKT": 8,
    "JST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "ET": "America/New_York", "CT": "America/Chicago",
    "MT": "America/Denver", "PT": "America/Los_Angeles",
}  # fmt: skip


class _Said(msgspec.Struct, frozen=True):
    """What an embargo line says: a date, a time and a zone, each when it gives one."""

    date: tuple[int, int, int | None] | None  #: day, month, year
    time: tuple[int, int] | None
    zone: dt.tzinfo | None
    unknown_zone: bool


def _zone(text: str) -> tuple[dt.tzinfo | None, bool]:
    match = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2}):?(\d{2})?", text)
    if match:
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None, True  # no zone is more than 14 hours from UTC: not an offset
        sign = -1 if match.group(1) == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes)), False
    known = _ZONES.get(text)
    if known is None:
        return None, True
    if isinstance(known, str):
        from zoneinfo import ZoneInfo  # only for a named zone: importing it costs as much as a lint

        return ZoneInfo(known), False
    return dt.timezone(dt.timedelta(hours=known)), False


def _read(rest: str) -> _Said:
    """The date, time and zone written in the text of an embargo line."""
    dates = list(find_dates(rest))
    date = (dates[0].day, dates[0].month, dates[0].year) if dates else None
    masked = rest
    for mention in dates:  # without a locator, a span's columns are offsets + 1
        start, end = mention.span.column - 1, mention.span.end_column - 1
        masked = masked[:start] + " " * (end - start) + masked[end:]
    time: tuple[int, int] | None = None
    zone: dt.tzinfo | None = None
    unknown = False
    for match in _time_pattern().finditer(masked):
        if not (match.group("m") or match.group("ampm") or match.group("hours")):
            continue
        hour, minute = int(match.group("h")), int(match.group("m") or match.group("cm") or 0)
        half = (match.group("ampm") or "").lower() or {"上午": "a", "下午": "p", "晚上": "p"}.get(
            match.group("half"), ""
        )
        if half.startswith(("p", "مساء", "ظهر")) and hour < 12:
            hour += 12
        elif half.startswith(("a", "صباح")) and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            continue
        time = (hour, minute)
        after = _zone_pattern().match(masked, match.end())
        if after:
            zone, unknown = _zone(after.group("zone"))
        break
    if time is None and re.search(r"\bnoon\b|\bmidi\b|\bmediod[ií]a\b", rest, re.IGNORECASE):
        time = (12, 0)
    return _Said(date, time, zone, unknown)


def _disagreement(said: _Said, embargo: Embargo) -> str | None:
    """What the line says that the front matter does not, or None when they agree."""
    at = embargo.at
    if at is None:
        written = _zoneless(embargo)
        if written is None:
            return None
        date, time = written
        if said.date is not None and (said.date[0], said.date[1], said.date[2] or date.year) != (
            date.day,
            date.month,
            date.year,
        ):
            return "date"
        if time is not None and said.time is not None and said.zone is None and not said.unknown_zone:
            return "time" if said.time != time else None
        return None
    local = at
    if said.zone is not None and at.utcoffset() is not None:
        local = at.astimezone(said.zone)
    if said.date is not None:
        day, month, year = said.date
        if (day, month, year or local.year) != (local.day, local.month, local.year):
            return "date"
    if said.time is not None and not said.unknown_zone and said.time != (local.hour, local.minute):
        return "time"
    return None


def _lines(release: Release) -> Iterator[tuple[Block, re.Match[str]]]:
    pattern = _line_pattern(release.language)
    for block in release.blocks:
        if block.source and block.kind in ("paragraph", "heading", "blockquote", "bullet_list", "ordered_list"):
            for match in _at_line_starts(pattern, mask_code(block.source)):
                yield block, match


#: the line length, on average, from which trying a pattern once a line beats scanning
_LONG_LINES = 40


def _at_line_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches only where a line starts.

    The regex engine's scan tries every character of a paragraph, about 9 ns each;
    trying the pattern at each line's start costs about 0.35 us a line. A paragraph
    is mostly one long line, so its lines are tried one by one; text of short lines
    is scanned. The same matches: each ends before a line end, so the next can only
    start on a later line.
    """
    if len(text) < _LONG_LINES * (text.count("\n") + 1):
        yield from pattern.finditer(text)
        return
    start = 0
    while True:
        match = pattern.match(text, start)
        if match is not None:
            yield match
        newline = text.find("\n", match.end() if match is not None else start)
        if newline < 0:
            return
        start = newline + 1


@rule(
    "PR604",
    "embargo-text",
    "warning",
    summary="An 'EMBARGOED UNTIL ...' line in the text that disagrees with, or stands in for, the front-matter "
    "`embargo`.",
    why="The embargo goes at the top of the release, with date, time and zone (IDSA/OUP; Bland et al. for "
    "'EMBARGO: Not for publication before ...'). The renderers print it from the "
    "front matter in every output, so a second copy in the text can only drift.",
    bad=_example(None, first="**EMBARGOED UNTIL 10:00 EAT, 20 March 2099**"),
    good=_example("2099-03-20T10:00:00+03:00", first="**EMBARGOED UNTIL 10:00 EAT, 20 March 2099**"),
)
def embargo_text(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for block, match in _lines(release):
        span = block.locate(match.start("phrase"), match.end("rest"))
        if release.embargo is None:
            yield Finding(
                span,
                "the embargo is only in the text: put it in the front matter as `embargo:` with date, time "
                "and zone, so every output prints it",
            )
            continue
        # the whole line: a Chinese one may give the date before its words ("2024年7月19日10时前禁止发布")
        what = _disagreement(_read(match.string[match.start("phrase") : match.end("rest")]), release.embargo)
        if what is not None:
            yield Finding(
                span,
                f"this line gives a different {what} from the front-matter embargo '{release.embargo.text}': "
                "make them agree, or delete the line (the renderers print the embargo)",
            )


RULES: tuple[Rule, ...] = (embargo_no_timezone, embargo_date_mismatch, embargo_passed, embargo_text)
