"""Checking a config file's TOML mapping and turning it into a :class:`~.values.Config`.

Every problem is collected with its file, line and key before one
:class:`~pressrelease.errors.ConfigError` is raised, so a writer fixes them in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import assets, organizations
from ..errors import ConfigError
from ..model import LANGUAGE_TAG, Organization
from .values import (
    ALL_FORMATS,
    FORMATS,
    PROFILES,
    SEVERITIES,
    THRESHOLDS,
    BuildConfig,
    Config,
    LintConfig,
    Paper,
    Term,
)

#: Unknown keys reported one by one; the rest are counted in one more problem.
SHOWN_UNKNOWN = 10


def toml_error_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


class Checker:
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
