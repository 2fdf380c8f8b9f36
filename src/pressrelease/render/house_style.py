"""The house style every renderer prints alike: dates and regions by profile, the
release line, the end mark, the About heading, the dateline a release without one
gets, contact lines, and which links are allowed.

Kept free of WeasyPrint and css-inline so the plain-text path stays light.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from ..config import Config
from ..model import Contact, Embargo, Release
from ..parse.language import language
from .bidi import direction

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: End marks by profile; the default profile takes the language's own (``###``, ``– FIN –``, none).
PROFILE_END_MARKS: dict[str, str | None] = {"ap": "###", "uk": "ENDS", "un": None}
#: The region a profile's house style writes English in (dates, hyphenation, ``og:locale``).
PROFILE_REGIONS = {"ap": "US", "uk": "GB", "un": "GB", "default": "GB"}
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
#: English names that read "About the ...": an institution named by what it is.
_INSTITUTION = re.compile(
    r"(?i)\b(?:of|for|and)\b|\b(?:department|ministry|office|agency|observatory|organi[sz]ation|alliance|"
    r"association|federation|council|committee|commission|institute|foundation|trust|union|bank|fund|"
    r"programme|program|network|society|authority|service|centre|center|board|secretariat|league)$"
)


def locale_tag(lang: str, profile: str = "default") -> str:
    """The release's language with the region its profile writes: ``en-US`` for ap,
    ``en-GB`` for uk; a tag that already names a region keeps it."""
    if "-" in lang or "_" in lang or lang.split("-")[0] != "en":
        return lang.replace("_", "-")
    return f"en-{PROFILE_REGIONS.get(profile, 'GB')}"


def format_date(date: dt.date, profile: str = "default", lang: str = "en", like: str | None = None) -> str:
    """A date in the locale's long form: ``19 July 2024``, ``July 19, 2024`` (ap),
    ``7 de octubre de 2025``, ``3. Juni 2026`` (CLDR through Babel).

    ``like`` is a date as the release writes it (its dateline's): an Arabic date follows
    its month names (see :func:`_arabic_date`)."""
    if lang.replace("_", "-").split("-")[0].lower() == "ar":
        return _arabic_date(date, like)
    from babel.dates import format_date as babel_format

    try:
        return str(babel_format(date, "long", locale=locale_tag(lang, profile).replace("-", "_")))
    except (ValueError, LookupError):
        return f"{date.day} {date:%B} {date.year}"


#: Hamza forms written plainly, so ``اذار`` is taken for ``آذار``.
_PLAIN_ALEF = str.maketrans("أإآ", "ااا")


def _arabic_date(date: dt.date, like: str | None) -> str:
    """``15 نيسان/أبريل 2026``: the Levantine and the Egyptian-Gulf month names paired with a slash,
    as UN Arabic texts write them so that every reader knows the month; one series alone when the
    release's own date (``like``) names its month so (``15 نيسان 2026``, ``15 أبريل 2026``).
    Babel has both series: CLDR's Arabic for Syria and its Arabic."""
    from babel.dates import get_month_names

    levantine = str(get_month_names("wide", locale="ar_SY")[date.month])
    egyptian = str(get_month_names("wide", locale="ar")[date.month])
    month = f"{levantine}/{egyptian}"
    if like and "/" not in like:
        words = f" {' '.join(like.translate(_PLAIN_ALEF).replace('،', ' ').split())} "  # whole words: آب is not ابريل
        names = get_month_names("wide", locale="ar_SY").values()
        month = levantine if any(f" {str(name).translate(_PLAIN_ALEF)} " in words for name in names) else egyptian
    return f"{date.day} {month} {date.year}"


def own_date_form(release: Release) -> str | None:
    """The date of the release's dateline as written (``15 نيسان/أبريل 2026``): the form its other dates follow."""
    dateline = release.dateline
    return dateline.date.text if dateline is not None and dateline.date is not None else None


def format_ap_dateline_date(date: dt.date) -> str:
    """``Oct. 16``: the AP form of a date inside a dateline."""
    return f"{_AP_MONTHS[date.month - 1]} {date.day}"


def zone_name(at: dt.datetime) -> str:
    """``CEST`` for a named zone, ``UTC+1`` or ``UTC+5:30`` for a bare offset (never ``UTC+01``)."""
    zone = at.tzname() or ""
    if zone and zone[0].isalpha() and not zone.startswith("UTC"):
        return zone
    offset = at.utcoffset()
    if offset is None:
        return zone
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_embargo(embargo: Embargo, profile: str = "default", lang: str = "en", like: str | None = None) -> str:
    """``10:00 EEST, 19 July 2024``: time, zone abbreviation, date, all in the embargo's own zone,
    in the language's order (``[labels] embargo_time``: Arabic ``الساعة 10:00 بتوقيت UTC+3، ...``).
    In a right-to-left language the zone is isolated (LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL
    ISOLATE): unisolated, ``UTC+3, 19`` reads as one left-to-right run and the day leaves its month."""
    if embargo.at is None:
        return embargo.text
    at = embargo.at
    zone = zone_name(at)
    if direction(lang) == "rtl":
        zone = f"\u2066{zone}\u2069"
    template = language(lang).labels.get("embargo_time") or "{time} {zone}, {date}"
    text = template.format(time=f"{at:%H:%M}", zone=zone, date=format_date(at.date(), profile, lang, like))
    return text.replace("  ", " ")


def release_line(release: Release) -> str:
    """``FOR IMMEDIATE RELEASE`` or ``EMBARGOED UNTIL 10:00 EEST, 19 July 2024``."""
    labels = language(release.language).labels
    if release.embargo is not None:
        when = format_embargo(release.embargo, release.profile, release.language, own_date_form(release))
        return f"{labels['embargoed_until']} {when}"
    return labels["immediate_release"]


def end_mark(release: Release, config: Config | None = None) -> str | None:
    """The end mark a renderer adds when the source has none (None: print nothing extra):
    the config's, else the profile's (``ENDS`` for uk), else the language's."""
    if release.end_marks:
        return None
    if config is not None and config.build.end_mark is not None:
        return config.build.end_mark or None
    if release.profile in PROFILE_END_MARKS:
        return PROFILE_END_MARKS[release.profile]
    return language(release.language).labels.get("end_mark") or None


def about_heading(release: Release) -> str:
    """The heading over the organisation's boilerplate: the config's ``about_heading`` for
    the language, else the language's default (``About the Global Freshwater Observatory``)."""
    org = release.organization
    name = org.name if org is not None else ""
    if org is not None:
        own = dict(org.about_heading)
        lang = release.language
        for key in (lang, lang.split("-")[0], "*"):
            if key in own:
                return own[key].replace("{name}", name)
    template = language(release.language).labels.get("about_heading") or "{name}"
    if language(release.language).code == "en" and _INSTITUTION.search(name) and not name.lower().startswith("the "):
        name = f"the {name}"
    return template.replace("{name}", name).strip()


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


def language_name(tag: str) -> str:
    """A language named in itself (Babel), as a label: ``Français`` for ``fr``,
    ``Русский`` for ``ru`` (a language switcher capitalises the names that the
    language itself writes in lower case); the tag when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = str(Locale.parse(tag.replace("-", "_")).get_display_name() or "")
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:] if name else tag
