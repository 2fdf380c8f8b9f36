"""The front matter's values checked and turned into the model's types.

Each reader records a PR002 (unknown key) or PR003 (a value of the wrong kind)
problem at the key's span, and returns what can still be used.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .. import assets, organizations
from .. import config as config_mod
from ..model import LANGUAGE_TAG, Embargo, FrontMatter, Organization, Problem, Span, Translation
from ..slug import slugify

KNOWN_KEYS = (
    "title",
    "subtitle",
    "date",
    "location",
    "embargo",
    "organization",
    "language",
    "profile",
    "contacts",
    "tags",
    "slug",
    "draft",
    "translations",
    "lint",
)
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Fields:
    """Reads typed values out of the front matter, recording PR002/PR003 problems."""

    def __init__(
        self, fm: FrontMatter, nodes: dict[str, yaml.Node], problems: list[Problem], child_spans: dict[str, Span]
    ) -> None:
        self.fm = fm
        self.nodes = nodes
        self.problems = problems
        self.child_spans = child_spans  #: ``organization.logo`` and the like

    def span(self, key: str) -> Span:
        return self.fm.key_spans.get(key, Span.point(1))

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem("PR003", f"{key}: {message}", self.span(key)))

    def string(self, key: str) -> str | None:
        value = self.fm.data.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.bad(key, f"expected text, got {_kind(value)}")
            return None
        return value.strip() or None

    def unknown_keys(self) -> None:
        for key in self.fm.data:
            if key in KNOWN_KEYS:
                continue
            import difflib  # only for a misspelt key: most releases have none

            close = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f" (known keys: {', '.join(KNOWN_KEYS)})"
            self.problems.append(Problem("PR002", f"unknown front-matter key '{key}'{hint}", self.span(key)))

    def date(self) -> dt.date | None:
        value = self.fm.data.get("date")
        if value is None:
            if self.fm.present and self.fm.data:
                self.problems.append(
                    Problem("PR003", "date: missing; add the release date as YYYY-MM-DD", self.fm.span)
                )
            return None
        if isinstance(value, dt.datetime):
            self.bad("date", "expected a date YYYY-MM-DD, not a date and time (use embargo for a time)")
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad("date", f"expected a date YYYY-MM-DD, got {value!r}")
        return None

    def embargo(self) -> Embargo | None:
        value = self.fm.data.get("embargo")
        if value is None:
            return None
        node = self.nodes.get("embargo")
        text = str(node.value) if isinstance(node, yaml.ScalarNode) else str(value)
        span = self.span("embargo")
        at: dt.datetime | None
        zone: str | None
        if isinstance(value, dt.datetime):
            at, zone = value, None
            if at.tzinfo is None:
                return Embargo(text, None, None, span)  # no zone: PR601 says so
        elif isinstance(value, str):
            if organizations.has_line_break(value.strip()):  # it would end up in an email header
                self.bad("embargo", "contains a line break or control character: write the date and time on one line")
                return Embargo(" ".join(text.split()), None, None, span)
            at, zone = _parse_embargo(value.strip())
            if at is None and zone == "?":
                self.bad("embargo", "unknown time zone; use an offset (+03:00) or an IANA name like Europe/Minsk")
                return Embargo(text, None, None, span)
        elif isinstance(value, dt.date):
            return Embargo(text, None, None, span)  # a date without a time: PR601 says so
        else:
            self.bad("embargo", f"expected a date and time, got {_kind(value)}")
            return None
        if at is None:
            self.bad("embargo", "expected YYYY-MM-DDTHH:MM+HH:MM or 'YYYY-MM-DD HH:MM Area/City'")
            return Embargo(text, None, None, span)
        if at.tzinfo is None:
            return Embargo(text, None, None, span)  # no zone: PR601 says so
        return Embargo(text, at, zone, span)

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.string(key)
        if value is None:
            return default
        if value not in allowed:
            self.bad(key, f"must be one of {', '.join(allowed)}, got {value!r}")
            return default
        return value

    def language(self, default: str) -> str:
        value = self.string("language")
        if value is None:
            return default
        if not LANGUAGE_TAG.match(value):
            self.bad("language", f"expected a language tag like 'en' or 'fr-CH', got {value!r}")
            return default
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.fm.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return tuple(str(v) for v in value)
        self.bad(key, f"expected a list of words, got {_kind(value)}")
        return ()

    def translations(self, own: str) -> tuple[Translation, ...]:
        """``translations: {ru: minsk.ru.md}``: each other version's language and file."""
        value = self.fm.data.get("translations")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.bad("translations", f"expected a mapping of language tags to files, got {_kind(value)}")
            return ()
        found = []
        for tag, name in value.items():
            where = self.fm.value_span(f"translations.{tag}")
            if not isinstance(tag, str) or not LANGUAGE_TAG.match(tag):
                self.bad("translations", f"expected a language tag like 'ru' or 'fr-CH', got {tag!r}")
            elif tag.lower() == own.lower():
                self.bad("translations", f"'{tag}' is this release's own language")
            elif not isinstance(name, str) or not name.strip().endswith(".md"):
                self.bad("translations", f"{tag}: expected a release file (.md), got {name!r}")
            else:
                found.append(Translation(tag, name.strip(), where))
        return tuple(found)

    def flag(self, key: str) -> bool:
        value = self.fm.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.bad(key, f"expected true or false, got {_kind(value)}")
            return False
        return value

    def slug(self, title: str | None, date: dt.date | None, path: str | Path | None) -> str:
        value = self.string("slug")
        if value is not None:
            if _SLUG.match(value) and len(value) <= 80:
                return value
            self.bad("slug", "use only a-z, 0-9 and single hyphens, at most 80 characters")
        return slugify(title, date, fallback=Path(path).stem if path is not None else None)

    def lint_ignore(self) -> tuple[str, ...]:
        value = self.fm.data.get("lint")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.bad("lint", "expected a mapping like 'ignore: [PR401]'")
            return ()
        extra = [k for k in value if k != "ignore"]
        if extra:
            self.bad("lint", f"only 'ignore' is allowed here, got {', '.join(map(str, extra))}")
        ignore = value.get("ignore", [])
        if isinstance(ignore, str):
            ignore = [v for v in re.split(r"[\s,]+", ignore) if v]
        if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
            self.bad("lint", "ignore: expected a list of rule codes or names")
            return ()
        return tuple(ignore)

    def organization(self, config: config_mod.Config, base: Path | None) -> Organization | None:
        value = self.fm.data.get("organization")
        if value is None:
            return config.organization()
        if isinstance(value, str):
            org = config.organizations.get(value.strip())
            if org is None:
                known = ", ".join(config.organizations) or "none configured"
                self.bad("organization", f"no organisation '{value}' in the config (known: {known})")
                return Organization(key=None, name=value.strip())
            return org
        if isinstance(value, dict):
            unknown = [k for k in value if k not in organizations.KEYS]
            if unknown:
                self.bad("organization", f"unknown keys {', '.join(map(str, unknown))}")

            def report(field: str | None, message: str) -> None:
                if field is None:
                    self.bad("organization", message)
                    return
                span = self.child_spans.get(f"organization.{field}", self.span("organization"))
                self.problems.append(Problem("PR003", f"organization.{field}: {message}", span))

            found = organizations.read_organization(value, None, report, lambda name: self.logo(name, config, base))
            return found or config.organization()
        self.bad("organization", f"expected a config key or a mapping, got {_kind(value)}")
        return config.organization()

    def logo(self, name: str, config: config_mod.Config, base: Path | None) -> Path | str:
        """The file the front matter's logo names, if the release may name it (:mod:`pressrelease.assets`)."""
        if base is None:
            return "a release read from standard input cannot name a logo file"
        roots = (base, config.build.templates) if config.build.templates else (base,)
        return assets.resolve(name, base, roots, "the release's folder or the theme")


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _parse_embargo(text: str) -> tuple[dt.datetime | None, str | None]:
    """``2024-07-19T10:00:00+03:00`` or ``2024-07-19 10:00 Europe/Minsk``; naive when no zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*(.*)$", text)
    if not match:
        return None, None
    day, time, rest = match.groups()
    rest = rest.strip()
    try:
        if not rest or re.match(r"^(Z|[+-]\d{2}:?\d{2})$", rest):
            return dt.datetime.fromisoformat(f"{day}T{time}{rest}"), None
        try:
            zone = ZoneInfo(rest)
        except (ZoneInfoNotFoundError, ValueError):
            return None, "?"
        return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=zone), rest
    except ValueError:
        return None, None
