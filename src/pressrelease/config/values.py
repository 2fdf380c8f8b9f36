"""The configuration's values: profiles, severities, paper sizes, formats, limits, and
the frozen structs a validated config file becomes (:class:`Config`).

``Config()`` is the built-in default. Reading and checking a file is
:func:`pressrelease.config.load`'s (with :mod:`.checks`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import msgspec

from ..model import Organization


class Profile(StrEnum):
    """The house styles: which rules are on by default, the end mark, the paper."""

    default = "default"
    un = "un"
    ap = "ap"
    uk = "uk"


class Level(StrEnum):
    """A finding's severity, and the least one that fails a run (``fail-on``)."""

    error = "error"
    warning = "warning"
    info = "info"


class Paper(StrEnum):
    """The PDF's paper size (``[build] paper``, ``--paper``), in any case."""

    A4 = "A4"
    Letter = "Letter"


PROFILES = tuple(profile.value for profile in Profile)
SEVERITIES = tuple(level.value for level in Level)
FORMATS = ("html", "pdf", "txt", "eml")  #: built when nothing else is asked for
ALL_FORMATS = (*FORMATS, "docx")  #: docx on request: ``--to docx`` or ``[build] formats``
THRESHOLDS: dict[str, int] = {
    "headline-max-chars": 100,
    "headline-max-words": 24,
    "subtitle-max-chars": 250,
    "lede-max-words": 35,
    "body-min-words": 250,
    "body-max-words": 800,
    "quote-max-words": 80,
    "quote-max-sentences": 3,
    "max-quotes": 4,
    "boilerplate-max-words": 100,
}
CONFIG_NAMES = ("pressrelease.toml", ".pressrelease.toml", "pyproject.toml")


class Term(msgspec.Struct, frozen=True):
    """A house term (PR801): ``wrong`` should read ``right``."""

    wrong: str
    right: str
    case_sensitive: bool = False
    in_quotes: bool = False  #: also flag it inside quotations


class LintConfig(msgspec.Struct, frozen=True):
    select: tuple[str, ...] = ()  #: empty means the default set
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    severity: dict[str, str] = msgspec.field(default_factory=dict)  #: code or name -> severity
    thresholds: dict[str, int] = msgspec.field(default_factory=lambda: dict(THRESHOLDS))
    terms: tuple[Term, ...] = ()
    fail_on: str = "error"
    thresholds_set: frozenset[str] = frozenset()  #: the thresholds the config itself sets

    def thresholds_for(self, language_limits: dict[str, int]) -> dict[str, int]:
        """The limits for a release: a language's own (Chinese counts characters) over the
        defaults, and the config's over both."""
        if not language_limits:
            return self.thresholds
        own = {key: value for key, value in language_limits.items() if key not in self.thresholds_set}
        return {**self.thresholds, **own}


class BuildConfig(msgspec.Struct, frozen=True):
    formats: tuple[str, ...] = FORMATS
    output: Path | None = None  #: resolved; None means ``dist/`` beside the config or release
    paper: str | None = None  #: None: Letter for the ap profile, else A4
    end_mark: str | None = None  #: None means the profile's
    wrap: int = 0
    templates: Path | None = None


class Config(msgspec.Struct, frozen=True):
    """A validated configuration. ``Config()`` is the built-in default."""

    path: Path | None = None
    profile: str = "default"
    language: str = "en"
    organizations: dict[str, Organization] = msgspec.field(default_factory=dict)
    default_organization: str | None = None
    exclude: tuple[str, ...] = ()
    lint: LintConfig = msgspec.field(default_factory=LintConfig)
    build: BuildConfig = msgspec.field(default_factory=BuildConfig)

    @property
    def root(self) -> Path | None:
        """The folder the config lives in (paths in it are relative to this)."""
        return self.path.parent if self.path else None

    def organization(self, key: str | None = None) -> Organization | None:
        key = key or self.default_organization
        return self.organizations.get(key) if key else None


DEFAULT = Config()
