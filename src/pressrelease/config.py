"""Configuration: ``pressrelease.toml`` or ``[tool.pressrelease]`` in ``pyproject.toml``.

The closest config walking up from a release's folder wins; ``--config`` names one
outright and ``--isolated`` ignores them all. Validation collects every problem
with its file, line and key before it raises, so a writer fixes them in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from . import assets, organizations
from .errors import ConfigError
from .model import LANGUAGE_TAG, Organization


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


def discover(start: Path) -> Path | None:
    """The closest config file walking up from ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.pressrelease" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def for_path(release: Path | None, explicit: Path | None = None, isolated: bool = False) -> Config:
    """The config that applies to a release: ``explicit``, else discovered, else defaults."""
    if isolated:
        return DEFAULT
    if explicit is not None:
        return load(explicit)
    found = discover(release if release is not None else Path.cwd())
    return load(found) if found else DEFAULT


@cache
def load(path: Path) -> Config:
    """Read and validate one config file; raises :class:`ConfigError` listing every problem."""
    import tomllib  # here: a release without a config file never needs the TOML parser

    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _line_from_toml_error(str(exc))
        raise ConfigError(f"invalid TOML: {exc}", path, line) from None
    except RecursionError:  # the reader recurses once per level of nested arrays or tables
        raise ConfigError("invalid TOML: arrays or inline tables nested too deeply", path) from None
    except (ValueError, MemoryError) as exc:  # anything else the reader raises: still this file's fault
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("pressrelease", {})
        if not isinstance(raw, dict):
            raise ConfigError("[tool.pressrelease] must be a table", path)
    return _Validator(path, text).config(raw)


#: Unknown keys reported one by one; the rest are counted in one more problem.
SHOWN_UNKNOWN = 10


def _line_from_toml_error(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


class _Validator:
    """Turns a raw TOML mapping into a :class:`Config`, collecting every problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[tuple[int | None, str]] = []
        self.theme: list[Path] = []  #: ``[build] templates``, where a config's logo may also be

    def line_of(self, key: str, table: str | None = None) -> int | None:
        """The line where ``key`` is set (searched after ``[table]`` when given)."""
        start = 0
        if table:
            header = re.compile(rf"^\s*\[{re.escape(table)}\]\s*(#.*)?$")
            start = next((i for i, line in enumerate(self.lines) if header.match(line)), 0)
        pattern = re.compile(rf'^\s*(["\']?){re.escape(key)}\1\s*=')
        for i in range(start, len(self.lines)):
            if pattern.match(self.lines[i]):
                return i + 1
        header = re.compile(rf"^\s*\[+[^\]]*\b{re.escape(key)}\b[^\]]*\]+")
        return next((i + 1 for i, line in enumerate(self.lines) if header.match(line)), None)

    def problem(self, key: str, message: str, table: str | None = None) -> None:
        shown = f"{table}.{key}" if table else key
        self.problems.append((self.line_of(key, table), f"{shown}: {message}"))

    def expect(self, value: Any, kind: type | tuple[type, ...], key: str, table: str | None, what: str) -> bool:
        ok = False if isinstance(value, bool) and kind is int else isinstance(value, kind)
        if not ok:
            self.problem(key, f"expected {what}, got {type(value).__name__} {value!r}", table)
        return ok

    def strings(self, value: Any, key: str, table: str | None) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.problem(key, "expected a list of strings", table)
        return ()

    def unknown(self, raw: dict[str, Any], known: Iterable[str], table: str | None) -> None:
        """One problem per unknown key, up to :data:`SHOWN_UNKNOWN`, then one for the rest:
        each problem looks up its line, and a file of thousands of stray keys would be
        read once per key."""
        known = set(known)
        stray = [key for key in raw if key not in known]
        for key in stray[:SHOWN_UNKNOWN]:
            self.problem(key, f"unknown key (known: {', '.join(sorted(known))})", table)
        if len(stray) > SHOWN_UNKNOWN:
            where = f" in [{table}]" if table else ""
            self.problems.append((None, f"{len(stray) - SHOWN_UNKNOWN} more unknown keys{where}"))

    def config(self, raw: dict[str, Any]) -> Config:
        top = ("profile", "language", "organizations", "default_organization", "exclude", "lint", "build")
        self.unknown(raw, top, None)
        profile = raw.get("profile", "default")
        if self.expect(profile, str, "profile", None, "a string") and profile not in PROFILES:
            self.problem("profile", f"must be one of {', '.join(PROFILES)}")
            profile = "default"
        language = raw.get("language", "en")
        if not self.expect(language, str, "language", None, "a language tag like 'en'"):
            language = "en"
        elif not LANGUAGE_TAG.match(language):
            self.problem("language", f"expected a language tag like 'en' or 'fr-CH', got {language!r}")
            language = "en"
        build_raw = raw.get("build", {})
        templates = build_raw.get("templates") if isinstance(build_raw, dict) else None
        self.theme = [(self.path.parent / templates).resolve()] if isinstance(templates, str) else []
        organizations = self.organizations(raw.get("organizations", {}))
        default_org = raw.get("default_organization")
        if default_org is not None:
            if not self.expect(default_org, str, "default_organization", None, "a string"):
                default_org = None
            elif default_org not in organizations:
                self.problem("default_organization", f"no [organizations.{default_org}] table")
                default_org = None
        if default_org is None and len(organizations) == 1:
            default_org = next(iter(organizations))
        exclude = self.strings(raw.get("exclude", []), "exclude", None)
        lint = self.lint(raw.get("lint", {}))
        build = self.build(raw.get("build", {}))
        if self.problems:
            line, first = self.problems[0]
            error = ConfigError(first, self.path, line)
            error.all = [str(ConfigError(m, self.path, n)) for n, m in self.problems]  # type: ignore[attr-defined]
            raise error
        return Config(
            path=self.path,
            profile=str(profile),
            language=str(language),
            organizations=organizations,
            default_organization=default_org,
            exclude=exclude,
            lint=lint,
            build=build,
        )

    def organizations(self, raw: Any) -> dict[str, Organization]:
        if not self.expect(raw, dict, "organizations", None, "a table of organisations"):
            return {}
        result: dict[str, Organization] = {}
        for key, org in raw.items():
            table = f"organizations.{key}"
            if not self.expect(org, dict, key, "organizations", "a table"):
                continue
            self.unknown(org, organizations.KEYS, table)

            def report(field: str | None, message: str, key: str = key, table: str = table) -> None:
                if field is None:
                    self.problem(key, message, "organizations")
                else:
                    self.problem(field, message, table)

            found = organizations.read_organization(org, key, report, self.logo)
            if found is not None:
                result[key] = found
        return result

    def logo(self, name: str) -> Path | str:
        """A logo the config may name: a small image in the config's folder or its theme (:mod:`.assets`)."""
        return assets.resolve(
            name, self.path.parent, [self.path.parent, *self.theme], "the config's folder or the theme"
        )

    def lint(self, raw: Any) -> LintConfig:
        if not self.expect(raw, dict, "lint", None, "a table"):
            return LintConfig()
        known = ("select", "ignore", "extend-select", "per-file-ignores", "severity", "thresholds", "terms", "fail-on")
        self.unknown(raw, known, "lint")
        fail_on = raw.get("fail-on", "error")
        if not isinstance(fail_on, str) or fail_on not in SEVERITIES:
            self.problem("fail-on", f"must be one of {', '.join(SEVERITIES)}", "lint")
            fail_on = "error"
        per_file: dict[str, tuple[str, ...]] = {}
        pfi = raw.get("per-file-ignores", {})
        if self.expect(pfi, dict, "per-file-ignores", "lint", "a table of glob = [codes]"):
            for glob, codes in pfi.items():
                per_file[glob] = self.strings(codes, glob, "lint.per-file-ignores")
        severity: dict[str, str] = {}
        sev = raw.get("severity", {})
        if self.expect(sev, dict, "severity", "lint", "a table of code = severity"):
            for code, level in sev.items():
                if level not in SEVERITIES:
                    self.problem(code, f"severity must be one of {', '.join(SEVERITIES)}", "lint.severity")
                else:
                    severity[code] = level
        thresholds = dict(THRESHOLDS)
        chosen: set[str] = set()
        th = raw.get("thresholds", {})
        if self.expect(th, dict, "thresholds", "lint", "a table"):
            for key, value in th.items():
                if key not in THRESHOLDS:
                    self.problem(key, f"unknown threshold (known: {', '.join(THRESHOLDS)})", "lint.thresholds")
                elif self.expect(value, int, key, "lint.thresholds", "a whole number") and value < 0:
                    self.problem(key, "must not be negative", "lint.thresholds")
                else:
                    thresholds[key] = value
                    chosen.add(key)
        return LintConfig(
            select=self.strings(raw.get("select", []), "select", "lint"),
            ignore=self.strings(raw.get("ignore", []), "ignore", "lint"),
            extend_select=self.strings(raw.get("extend-select", []), "extend-select", "lint"),
            per_file_ignores=per_file,
            severity=severity,
            thresholds=thresholds,
            thresholds_set=frozenset(chosen),
            terms=self.terms(raw.get("terms", {})),
            fail_on=fail_on,
        )

    def terms(self, raw: Any) -> tuple[Term, ...]:
        if not self.expect(raw, dict, "terms", "lint", 'a table of "wrong" = "right"'):
            return ()
        terms: list[Term] = []
        for wrong, entry in raw.items():
            if not wrong.strip():  # it would match at every word boundary, and --fix insert there
                self.problem(f'"{wrong}"', "a house term needs a word to look for, not an empty string", "lint.terms")
                continue
            if isinstance(entry, str):
                terms.append(Term(wrong, entry))
            elif isinstance(entry, dict) and isinstance(entry.get("use"), str):
                self.unknown(entry, ("use", "case-sensitive", "in-quotes"), f"lint.terms.{wrong}")
                terms.append(Term(wrong, entry["use"], bool(entry.get("case-sensitive")), bool(entry.get("in-quotes"))))
            else:
                self.problem(wrong, 'expected "replacement" or { use = "replacement" }', "lint.terms")
        return tuple(terms)

    def build(self, raw: Any) -> BuildConfig:
        if not self.expect(raw, dict, "build", None, "a table"):
            return BuildConfig()
        self.unknown(raw, ("formats", "output", "paper", "end-mark", "wrap", "templates"), "build")
        formats = self.strings(raw.get("formats", list(FORMATS)), "formats", "build")
        for f in formats:
            if f not in ALL_FORMATS:
                self.problem("formats", f"unknown format {f!r} (known: {', '.join(ALL_FORMATS)})", "build")
        formats = tuple(f for f in formats if f in ALL_FORMATS) or FORMATS
        paper = raw.get("paper")
        papers = {size.lower(): size.value for size in Paper}
        if paper is not None and (not isinstance(paper, str) or paper.lower() not in papers):
            self.problem("paper", "must be A4 or Letter", "build")
            paper = None
        wrap = raw.get("wrap", 0)
        if not self.expect(wrap, int, "wrap", "build", "a whole number") or wrap < 0:
            wrap = 0
        end_mark = raw.get("end-mark")
        if end_mark is not None and not self.expect(end_mark, str, "end-mark", "build", "a string"):
            end_mark = None
        output = raw.get("output")
        out_path = None
        if output is not None and self.expect(output, str, "output", "build", "a folder path"):
            out_path = (self.path.parent / output).resolve()
        templates = raw.get("templates")
        tpl_path = None
        if templates is not None and self.expect(templates, str, "templates", "build", "a folder path"):
            tpl_path = (self.path.parent / templates).resolve()
            if not tpl_path.is_dir():
                self.problem("templates", f"folder not found: {tpl_path}", "build")
                tpl_path = None
        return BuildConfig(
            formats=formats,
            output=out_path,
            paper=None if paper is None else papers[paper.lower()],
            end_mark=end_mark,
            wrap=int(wrap),
            templates=tpl_path,
        )
