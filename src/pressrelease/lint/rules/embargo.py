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

_LINE = re.compile(
    r"(?im)^[ \t>*_#]*(?P<phrase>"
    r"embargo(?:ed)?(?:\s+(?:until|till|to|before)\b|\s*[:–—-]|(?=\s+\d))"
    r"|not\s+for\s+(?:publication|release|broadcast)\b[^\n]*?\b(?:before|until)\b"
    r"|hold\s+for\s+release\s+until\b"
    r"|sous\s+embargo\b(?:\s+jusqu['’]\s*(?:au|à)\b)?"
    r"|embargo\s+(?:jusqu['’]\s*(?:au|à)|hasta)\b"
    r"|эмбарго(?:\s+до\b|\s*:)"
    r")(?P<rest>[^\n]*)"
)


@cache
def _time_pattern() -> re.Pattern[str]:  # compiled on first use, like the next: few releases have an embargo line
    return re.compile(
        r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.hH](?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z]))?"
        r"(?P<hours>\s*(?:hours|hrs|heures|horas|час\w*))?",
        re.IGNORECASE,
    )


@cache
def _zone_pattern() -> re.Pattern[str]:
    return re.compile(r"\s*\(?(?P<zone>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5})\b\)?")


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
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
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
    for block in release.blocks:
        if block.source and block.kind in ("paragraph", "heading", "blockquote", "bullet_list", "ordered_list"):
            for match in _LINE.finditer(mask_code(block.source)):
                yield block, match


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
        what = _disagreement(_read(match.group("rest")), release.embargo)
        if what is not None:
            yield Finding(
                span,
                f"this line gives a different {what} from the front-matter embargo '{release.embargo.text}': "
                "make them agree, or delete the line (the renderers print the embargo)",
            )


RULES: tuple[Rule, ...] = (embargo_no_timezone, embargo_date_mismatch, embargo_passed, embargo_text)
