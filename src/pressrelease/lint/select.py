"""Which rules run on a file: selectors, profiles, per-file ignores, severities.

A selector is a full code (``PR303``), a code prefix (``PR3``, ``PR30``), a
kebab-case name (``unattributed-quote``) or ``ALL``. Selectors are checked once per
config, before any file is read, so a typo in ``pyproject.toml`` or on the command
line is an exit-2 error naming where it came from, never a silently ignored rule.

Precedence follows ruff: ``select`` (the command line's, else the config's) sets the
base set, ``extend-select`` adds to it, then ``ignore``, ``per-file-ignores`` and the
front matter's ``lint.ignore`` take away. Without ``select`` the base set is every
rule on by default in the file's profile; a rule named by its exact code or name is
explicitly wanted and runs in any profile, while prefixes respect the profile.
"""

from __future__ import annotations

import contextlib
import fnmatch
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from ..config import PROFILES, Config
from ..errors import ConfigError, PressReleaseError
from .registry import Rule

_PREFIX = re.compile(r"^PR\d{0,3}$")


class UnknownRule(PressReleaseError):
    """A selector on the command line names no rule (exit 2)."""


class Match(msgspec.Struct, frozen=True):
    """What one selector resolved to."""

    rules: frozenset[str]  #: codes
    explicit: bool  #: a full code or name (overrides the profile), not a prefix


class Catalogue:
    """Lookups over a tuple of rules: by code, by name, by prefix."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self.by_code = {r.code: r for r in self.rules}
        self.by_name = {r.name: r for r in self.rules}

    def find(self, key: str) -> Rule | None:
        """The rule with this code or name (codes are case-insensitive)."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def resolve(self, selector: str) -> Match | None:
        """The codes a selector names, or None when it names nothing."""
        key = selector.strip()
        found = self.find(key)
        if found is not None:
            return Match(frozenset({found.code}), explicit=True)
        upper = key.upper()
        if upper == "ALL":
            return Match(frozenset(self.by_code), explicit=False)
        if _PREFIX.match(upper):
            codes = frozenset(c for c in self.by_code if c.startswith(upper))
            if codes:
                return Match(codes, explicit=False)
        return None

    def codes(self, selectors: Iterable[str]) -> frozenset[str]:
        """Every code named by known selectors (unknown ones are skipped)."""
        result: set[str] = set()
        for selector in selectors:
            match = self.resolve(selector)
            if match is not None:
                result |= match.rules
        return frozenset(result)


def _config_line(config: Config, text: str) -> int | None:
    """The line of the config file that mentions ``text`` (for error messages)."""
    if config.path is None:
        return None
    try:
        lines = config.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    needle = re.compile(rf"""["']{re.escape(text)}["']""")
    return next((i + 1 for i, line in enumerate(lines) if needle.search(line)), None)


def _check(catalogue: Catalogue, selectors: Iterable[str], where: str, config: Config | None) -> None:
    for selector in selectors:
        if catalogue.resolve(selector) is None:
            message = f"{where}: unknown rule or prefix {selector!r}; `pressrelease rules` lists them"
            if config is not None and config.path is not None:
                raise ConfigError(message, config.path, _config_line(config, selector))
            raise UnknownRule(message)


class Options(msgspec.Struct, frozen=True):
    """Selection options from the command line (None: take the config's)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    profile: str | None = None


class Selection(msgspec.Struct, frozen=True):
    """The resolved selection for one config and one set of command-line options."""

    catalogue: Catalogue
    config: Config
    options: Options
    base: frozenset[str] | None  #: codes from ``select``; None means the profile's defaults
    explicit: frozenset[str]  #: codes named exactly in select / extend-select
    extended: frozenset[str]
    ignored: frozenset[str]
    severity: dict[str, str] = msgspec.field(default_factory=dict)  #: code -> severity
    #: each profile's rules less the ignored ones, in code order (set by :meth:`build`)
    by_profile: dict[str, tuple[Rule, ...]] = msgspec.field(default_factory=dict)

    @classmethod
    def build(cls, rules: Sequence[Rule], config: Config, options: Options | None = None) -> Selection:
        """Resolve and check every selector; raises on an unknown one."""
        catalogue = Catalogue(rules)
        lint = config.lint
        cli = options or Options()
        _check(catalogue, cli.select or (), "--select", None)
        _check(catalogue, cli.ignore, "--ignore", None)
        _check(catalogue, cli.extend_select, "--extend-select", None)
        if cli.profile is not None and cli.profile not in PROFILES:
            raise PressReleaseError(f"--profile: unknown profile {cli.profile!r}; one of {', '.join(PROFILES)}")
        _check(catalogue, lint.select, "[lint] select", config)
        _check(catalogue, lint.ignore, "[lint] ignore", config)
        _check(catalogue, lint.extend_select, "[lint] extend-select", config)
        for glob, codes in lint.per_file_ignores.items():
            _check(catalogue, codes, f"[lint.per-file-ignores] {glob!r}", config)
        severity: dict[str, str] = {}
        for key, level in lint.severity.items():
            found = catalogue.find(key)
            if found is None:
                _check(catalogue, [key], "[lint.severity]", config)
                continue
            severity[found.code] = level
        select = cli.select if cli.select is not None else (lint.select or None)
        extend = (*lint.extend_select, *cli.extend_select)
        explicit = frozenset(
            catalogue.find(s).code  # type: ignore[union-attr]
            for s in (*(select or ()), *extend)
            if catalogue.find(s) is not None
        )
        base = catalogue.codes(select) if select else None
        extended = catalogue.codes(extend)
        ignored = catalogue.codes((*lint.ignore, *cli.ignore))
        return cls(
            catalogue=catalogue,
            config=config,
            options=cli,
            base=base,
            explicit=explicit,
            extended=extended,
            ignored=ignored,
            severity=severity,
            by_profile={p: _profile_rules(catalogue, p, base, explicit, extended, ignored) for p in PROFILES},
        )

    def profile_for(self, front_matter_profile: str | None, fallback: str) -> str:
        """The front matter's profile, else ``--profile``, else the config's (``fallback``)."""
        return front_matter_profile or self.options.profile or fallback

    def per_file_ignored(self, path: Path | None) -> frozenset[str]:
        """Codes ignored for this path by ``[lint.per-file-ignores]`` globs."""
        globs = self.config.lint.per_file_ignores
        if path is None or not globs:
            return frozenset()
        names = {path.as_posix(), path.name}
        root = self.config.root
        absolute = path.resolve()
        if root is not None:
            with contextlib.suppress(ValueError):
                names.add(absolute.relative_to(root).as_posix())
        result: set[str] = set()
        for glob, codes in globs.items():
            if any(fnmatch.fnmatchcase(name, glob) for name in names):
                result |= self.catalogue.codes(codes)
        return frozenset(result)

    def rules_for(self, profile: str, path: Path | None, file_ignores: Iterable[str] = ()) -> tuple[Rule, ...]:
        """The rules to run on one file, in code order."""
        rules = self.by_profile[profile]
        dropped = self.per_file_ignored(path) | self.catalogue.codes(file_ignores)
        return tuple(r for r in rules if r.code not in dropped) if dropped else rules

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.code, rule.severity)


def _profile_rules(
    catalogue: Catalogue,
    profile: str,
    base: frozenset[str] | None,
    explicit: frozenset[str],
    extended: frozenset[str],
    ignored: frozenset[str],
) -> tuple[Rule, ...]:
    """The rules a file of ``profile`` runs unless it or its path ignores some, in code order.

    ``base`` is what ``select`` chose (None: every rule of the profile); a rule chosen
    by its exact code runs whatever its profiles, one chosen by a prefix only in its own.
    """
    if base is not None:
        wanted = {c for c in base if c in explicit or profile in catalogue.by_code[c].profiles}
    else:
        wanted = {r.code for r in catalogue.rules if profile in r.profiles}
    wanted |= {c for c in extended if c in explicit or profile in catalogue.by_code[c].profiles}
    wanted -= ignored
    return tuple(r for r in catalogue.rules if r.code in wanted)
