"""What every renderer prints the same way: dates, the release line, the end mark,
the dateline a release without one gets, contacts, and which links are allowed.

Kept free of WeasyPrint and css-inline so the plain-text path stays light.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..config import Config
from ..model import Contact, Embargo, Release
from ..parse.language import language

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
PROFILE_END_MARKS: dict[str, str | None] = {"default": "###", "ap": "###", "uk": "ENDS", "un": None}
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def format_date(date: dt.date, profile: str = "default", lang: str = "en") -> str:
    """A date as the house style writes it: ``19 July 2024``, ``July 19, 2024`` (ap), localised."""
    if profile == "ap" and lang.split("-")[0] == "en":
        return f"{date:%B} {date.day}, {date.year}"
    from babel.dates import format_date as babel_format

    try:
        return str(babel_format(date, "d MMMM y", locale=lang.replace("-", "_")))
    except (ValueError, LookupError):
        return f"{date.day} {date:%B} {date.year}"


def format_ap_dateline_date(date: dt.date) -> str:
    """``Oct. 16``: the AP form of a date inside a dateline."""
    return f"{_AP_MONTHS[date.month - 1]} {date.day}"


def format_embargo(embargo: Embargo, profile: str = "default", lang: str = "en") -> str:
    """``10:00 EEST, 19 July 2024``: time, zone abbreviation, date, all in the embargo's own zone."""
    if embargo.at is None:
        return embargo.text
    at = embargo.at
    zone = at.tzname() or ""
    if zone.startswith("UTC") and len(zone) > 3:
        zone = zone.replace(":00", "")
    return f"{at:%H:%M} {zone}, {format_date(at.date(), profile, lang)}".replace("  ", " ")


def release_line(release: Release) -> str:
    """``FOR IMMEDIATE RELEASE`` or ``EMBARGOED UNTIL 10:00 EEST, 19 July 2024``."""
    labels = language(release.language).labels
    if release.embargo is not None:
        return f"{labels['embargoed_until']} {format_embargo(release.embargo, release.profile, release.language)}"
    return labels["immediate_release"]


def end_mark(release: Release, config: Config | None = None) -> str | None:
    """The end mark a renderer adds when the source has none (None: print nothing extra)."""
    if release.end_marks:
        return None
    if config is not None and config.build.end_mark is not None:
        return config.build.end_mark or None
    return PROFILE_END_MARKS.get(release.profile, "###")


def dateline_prefix(release: Release) -> str | None:
    """``Minsk, 19 July 2024 – ``: printed before the lede when the front matter has the
    location and the lede has no dateline of its own."""
    if release.dateline is not None or not release.location:
        return None
    dash = "—" if release.profile == "ap" else "–"
    place = release.location
    if release.date is None:
        return f"{place} {dash} "
    if release.profile == "ap":
        return f"{place.upper() if ',' not in place else place} {dash} "
    return f"{place}, {format_date(release.date, release.profile, release.language)} {dash} "


def contact_lines(contact: Contact, lang: str = "en") -> list[str]:
    """A contact as lines of text, in the order a journalist reads them."""
    labels = language(lang).labels
    head = ", ".join(p for p in (contact.name, contact.title, contact.organization) if p)
    if contact.region:
        head = f"{contact.region}: {head}" if head else contact.region
    lines = [head] if head else []
    if contact.email:
        lines.append(f"{labels['email']}: {contact.email}")
    if contact.phone:
        lines.append(f"{labels['phone']}: {contact.phone}")
    if contact.mobile:
        lines.append(f"{labels['mobile']}: {contact.mobile}")
    return lines


def safe_url(url: str) -> str | None:
    """The URL if a reader may follow it (http, https, mailto, tel, or relative), else None."""
    url = url.strip()
    if not url:
        return None
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        return None if url.startswith("//") else url
    return url if scheme in SAFE_SCHEMES else None
