"""An organisation's fields, read and checked once for the two places that give one.

A config's ``[organizations.KEY]`` table and a mapping under a release's
``organization:`` describe the same thing, so one function reads both: a check added
here (one-line header values, a web address) holds in each. The caller says how a
problem is reported and where a logo may be.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .model import Organization

KEYS = ("name", "short_name", "url", "boilerplate", "logo", "email", "acronyms", "about_heading", "base_url")
_TEXTS = ("name", "short_name", "url", "boilerplate", "logo", "email", "base_url")

#: ``report(field, message)``: ``field`` is one of :data:`KEYS` (``about_heading.de``: one of its
#: languages), or None for the whole organisation.
Report = Callable[[str | None, str], None]
#: ``find_logo(name)``: the file a logo names, or why it may not be used.
FindLogo = Callable[[str], Path | str]


def has_line_break(text: str) -> bool:
    """True when a one-line value (an email header's) holds a line break or another control character."""
    return any(ord(c) < 32 or c in "\x7f\x85\u2028\u2029" for c in text)


def is_web_address(text: str) -> bool:
    """An http(s) address: the only kind an organisation's ``url`` may be (it becomes a link)."""
    return urlsplit(text).scheme.lower() in ("http", "https")


def read_organization(
    raw: Mapping[str, Any], key: str | None, report: Report, find_logo: FindLogo
) -> Organization | None:
    """The organisation ``raw`` describes, or None without a name; each problem goes to ``report``.

    A value that breaks a rule is reported and left out (a line break is folded into
    a space), so a release still builds with the rest; a config stops at any problem.
    """
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        report(None, "an organisation needs a name")
        return None
    texts: dict[str, str | None] = {}
    for field in _TEXTS:
        value = raw.get(field)
        if value is not None and not isinstance(value, str):
            report(field, f"expected a string, got {type(value).__name__} {value!r}")
            value = None
        text = value.strip() if value is not None else None
        if text and field != "boilerplate" and has_line_break(text):  # they go into email headers and links
            report(field, "contains a line break or control character: write it on one line")
            text = " ".join(text.split())
        texts[field] = text
    if texts["url"] and not is_web_address(texts["url"]):
        report("url", f"'{texts['url'][:80]}' is not a web address: start it with https://")
        texts["url"] = None
    logo = find_logo(texts["logo"]) if texts["logo"] else None
    if isinstance(logo, str):
        report("logo", logo)
        logo = None
    return Organization(
        key=key,
        name=texts["name"] or name,
        short_name=texts["short_name"],
        url=texts["url"],
        boilerplate=texts["boilerplate"],
        logo=logo,
        email=texts["email"],
        acronyms=_strings(raw.get("acronyms", []), "acronyms", report),
        about_heading=_about_heading(raw.get("about_heading"), report),
        base_url=texts["base_url"],
    )


def _strings(value: Any, field: str, report: Report) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    report(field, "expected a list of strings")
    return ()


def _about_heading(raw: Any, report: Report) -> tuple[tuple[str, str], ...]:
    """``about_heading``: one heading for every language, or a table of them by language."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (("*", raw.strip()),) if raw.strip() else ()
    if not isinstance(raw, Mapping):
        what = "a string or a table of strings by language"
        report("about_heading", f"expected {what}, got {type(raw).__name__} {raw!r}")
        return ()
    pairs = []
    for lang, heading in raw.items():
        if isinstance(heading, str):
            pairs.append((str(lang), heading.strip()))
        else:
            report(f"about_heading.{lang}", f"expected a string, got {type(heading).__name__} {heading!r}")
    return tuple(pairs)
