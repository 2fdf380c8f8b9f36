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


@dataclass(frozen=True, slots=True)
class Header:
    """What the source's front matter says about the release."""

    title: str | None = None
    subtitle: str | None = None
    date: dt.date | None = None
    keys: tuple[str, ...] = ()  #: every key it held, for the report


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
    return Header(title or None, subtitle or None, date, tuple(str(k) for k in data))


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
