"""The source's own header: the front matter a static site or an archive put on top.

Releases kept in a Hugo or Jekyll site, or exported from an archive, open with a
``---`` YAML block (``+++`` TOML for Hugo) that names the headline and the date
the publisher gave them. That header is the most reliable source of both; its
other keys (``layout``, ``permalink``, ``trove_url``) are the site's bookkeeping
and never reach the body.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

_YAML = re.compile(r"\A\s*---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML = re.compile(r"\A\s*\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_HEADER = 20_000  #: a header longer than this is not a header
_TITLE_KEYS = ("title", "headline", "name")
_SUBTITLE_KEYS = ("subtitle", "deck")
_DATE_KEYS = ("date", "publishdate", "published", "pubdate", "date_published", "datepublished")
_LABEL_KEYS = ("subjects", "tags", "categories", "keywords", "topics")
_TRAILING_NOTE = re.compile(r"\s*\[([^\[\]]{1,80})\]\s*$")
_ISO_START = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
#: keys that name the issuer, the surest first: a site's own key, then an archive's
#: catalogue (``creators`` lists people too; ``source`` is the body in capitals)
_ORGANIZATION_KEYS = ("organization", "organisation", "publisher", "creators", "creator", "source")


@dataclass(frozen=True, slots=True)
class Header:
    """What the source's front matter says about the release."""

    title: str | None = None
    subtitle: str | None = None
    date: dt.date | None = None
    keys: tuple[str, ...] = ()  #: every key it held, for the report
    organization: str | None = None  #: the issuer the header names


def split_header(text: str, markup: bool = False) -> tuple[Header | None, str]:
    """(the header, the text after it); (None, ``text``) when the text has no readable header.

    ``markup``: the values are HTML (``The Apache&reg; Software Foundation``).
    """
    for pattern, reader in ((_YAML, _yaml), (_TOML, _toml)):
        match = pattern.match(text[: _MAX_HEADER + 10])
        if match is None:
            continue
        data = reader(match.group(1) or "")
        if not isinstance(data, dict) or not data:
            return None, text
        return _header(data, markup), text[match.end() :]
    return None, text


def _yaml(text: str) -> Any:
    from ..parse.front_matter import load

    try:
        return load(text)[1]
    except Exception:
        return None


def _toml(text: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _header(data: dict[Any, Any], markup: bool) -> Header:
    values = {str(k).casefold(): v for k, v in data.items()}
    labels = {str(x).strip().casefold() for key in _LABEL_KEYS for x in _as_list(values.get(key))}
    title = _text(next((values[k] for k in _TITLE_KEYS if k in values), None), markup)
    if title is not None:
        note = _TRAILING_NOTE.search(title)
        # "... the Minister for Water [Flood relief]": the archive's subject, added to the headline.
        if note is not None and note.group(1).strip().casefold() in labels:
            title = title[: note.start()].rstrip()
    subtitle = _text(next((values[k] for k in _SUBTITLE_KEYS if k in values), None), markup)
    date = next((d for k in _DATE_KEYS if k in values and (d := _date(values[k])) is not None), None)
    organization = next(
        (
            name
            for key in _ORGANIZATION_KEYS
            for value in _as_list(values.get(key))
            if (name := catalogue_name(_text(value, markup) or "")) is not None
        ),
        None,
    )
    return Header(title or None, subtitle or None, date, tuple(str(k) for k in data), organization)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _text(value: Any, markup: bool) -> str | None:
    if not isinstance(value, str):
        return None
    text = html.unescape(value) if markup else value
    text = " ".join(text.split())
    return text or None


def _date(value: Any) -> dt.date | None:
    """``2017-07-24``, ``'2018-05-31 13:00:27 -0400'`` or a YAML date/datetime -> the day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_START.match(value.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


#: a catalogue's person: ``Surname, Given names``
_PERSON = re.compile(r"^[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?,\s+[^\W\d_]")
#: a country qualifier after a name: ``White House (US)``
_QUALIFIER = re.compile(r"\s*\((?:[A-Z]{2,3}|[A-Z]\.[A-Z]\.)\)$")
#: the parent bodies before the one named: ``United Kingdom. Department for ...``. The
#: word before the full stop has three letters or more, so ``U.S. Department`` stays whole.
_PARENTS = re.compile(r"^(?:[^.]*?[^\W\d_]{3}\.\s+)+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")
#: words a name in title case leaves in lower case
_MINOR = frozenset("a an and at by de del der des du et for in la le les of on the to und y".split())


def catalogue_name(value: str) -> str | None:
    """An archive's creator or source as the organisation's name; None for a person.

    ``United Kingdom. Department for Education and Skills`` -> the department;
    ``White House (US)`` -> ``White House``; ``UNITED NATIONS HIGH COMMISSIONER FOR
    REFUGEES`` -> ``United Nations High Commissioner for Refugees``.
    """
    name = " ".join(value.split())
    if not name or len(name) > 150 or "://" in name or "@" in name or _PERSON.match(name):
        return None
    name = _PARENTS.sub("", _QUALIFIER.sub("", name)).strip(" .")
    if name.isupper() and len(name.split()) > 1:
        name = _title_case(name)
    return name if name[:1].isalpha() else None


def _title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if i and w in _MINOR else w[:1].upper() + w[1:] for i, w in enumerate(words))
