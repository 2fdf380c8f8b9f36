"""The lint engine: run the selected rules over one parsed release.

``lint()`` takes a :class:`Release` parsed once and returns frozen
:class:`Diagnostic` values, sorted by position. Parse problems recorded on the
release reach the findings through their rules (PR001-PR004, PR302) and no other
way; a release the parser gave up on (PR004) gets that finding alone. Every rule runs inside a guard so a
crashing rule is one diagnostic, never a traceback; suppression comments and the
front matter's ``lint.ignore`` are applied last. Reading files, folders and
standard input is :mod:`pressrelease.lint.runner`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import msgspec

from ..config import Config
from ..model import Release, Span
from ..parse.language import language
from .registry import SEVERITY_ORDER, Context, Finding, Fix, Rule
from .select import Options, Selection
from .suppress import read as read_suppressions

if TYPE_CHECKING:
    from ..parse.versions import Version

BAD_SUPPRESSION = "PR009"
UNUSED_SUPPRESSION = "PR010"
UNREADABLE = "PR004"
_ENGINE_CODES = (BAD_SUPPRESSION, UNUSED_SUPPRESSION)


class Diagnostic(msgspec.Struct, frozen=True, gc=False):
    """One finding, ready for a report: where, which rule, how bad, what, and a fix."""

    # gc=False: no cycle can run through it (strings, numbers, spans); a pasted file yields
    # hundreds of thousands, and the cycle collector's passes over them took half of lint.
    path: str  #: as given on the command line, or ``<stdin>``
    span: Span  #: 1-based lines and columns, end column exclusive
    code: str  #: ``PR303``
    name: str  #: ``unattributed-quote``
    severity: str  #: ``error``, ``warning`` or ``info`` (after config overrides)
    message: str  #: one sentence for a person
    fix: Fix | None = None  #: a safe automatic fix, when the rule has one

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)


def all_rules() -> tuple[Rule, ...]:
    """The registry (imported late: the rule modules are the bulk of lint's code)."""
    from .rules import ALL_RULES

    return ALL_RULES


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold]


def failing(diagnostics: Iterable[Diagnostic], fail_on: str = "error") -> bool:
    """True when any diagnostic is at or above ``fail_on`` (exit code 1)."""
    return any(at_or_above(d.severity, fail_on) for d in diagnostics)


def clock() -> dt.datetime:
    """Now, timezone-aware (the embargo rules compare instants)."""
    return dt.datetime.now(dt.UTC)


def lint(
    release: Release,
    config: Config,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    profile: str | None = None,
    now: dt.datetime | None = None,
    rules: Sequence[Rule] | None = None,
    selection: Selection | None = None,
    debug: bool = False,
    versions: Sequence[Version] | None = None,
) -> list[Diagnostic]:
    """Lint one parsed release.

    ``versions`` are the other language versions it names (``translations:``);
    None reads them from disk (:func:`~pressrelease.parse.versions.load_versions`).

    ``select``/``ignore``/``extend_select``/``profile`` act like the command-line
    options (over the config's); pass a prebuilt ``selection`` to skip resolving
    them per file. ``rules`` replaces the registry (tests use small rule sets).
    ``debug`` lets a crashing rule's exception through.
    """
    if selection is None:
        options = Options(tuple(select) if select is not None else None, tuple(ignore), tuple(extend_select), profile)
        selection = Selection.build(rules if rules is not None else all_rules(), config, options)
    if versions is None and release.translations:
        from ..parse.versions import load_versions  # only a release that names its translations reads files

        versions = load_versions(release, config)
    return _Run(release, config, selection, now or clock(), debug, tuple(versions or ())).diagnostics()


#: Rules that judge front-matter values (title, location, date, organisation,
#: contacts, embargo): silent while the front matter cannot be read at all.
_NEEDS_FRONT_MATTER = frozenset(
    {
        *("PR101", "PR102", "PR103", "PR104", "PR105", "PR106"),
        *("PR201", "PR202", "PR205"),
        "PR404",
        *("PR501", "PR506"),
        *("PR601", "PR602", "PR603", "PR604"),
    }
)


class _Run:
    """One release through one selection."""

    def __init__(
        self,
        release: Release,
        config: Config,
        selection: Selection,
        now: dt.datetime,
        debug: bool,
        versions: tuple[Version, ...] = (),
    ) -> None:
        self.release = release
        self.versions = versions
        self.config = config
        self.selection = selection
        self.now = now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
        self.debug = debug
        self.path = release.display_name

    def make(self, rule: Rule, finding: Finding) -> Diagnostic:
        fix = finding.fix if rule.fixable else None
        return Diagnostic(
            self.path, finding.span, rule.code, rule.name, self.selection.severity_of(rule), finding.message, fix
        )

    def diagnostics(self) -> list[Diagnostic]:
        release = self.release
        catalogue = self.selection.catalogue
        fm_profile = release.profile if "profile" in release.front_matter.data else None
        profile = self.selection.profile_for(fm_profile, self.config.profile)
        rules = self.selection.rules_for(profile, release.path, release.lint_ignore)
        wanted = {r.code for r in rules}

        lang = language(release.language)
        context = Context(
            release=release,
            config=self.config,
            profile=profile,
            thresholds=self.config.lint.thresholds_for(lang.thresholds),
            lang=lang,
            now=self.now,
            versions=self.versions,
        )
        if any(p.code == UNREADABLE for p in release.problems):  # the parser gave up: nothing else to read
            rule = catalogue.by_code.get(UNREADABLE)
            return self.run_rule(rule, context) if rule is not None else []

        found: list[Diagnostic] = []
        # Front matter that is there but cannot be read (PR001) has values the writer
        # meant: rules that would judge their absence only repeat PR001, so they wait.
        broken = release.front_matter.present and any(p.code == "PR001" for p in release.problems)
        for rule in rules:
            if rule.code in _ENGINE_CODES or (broken and rule.code in _NEEDS_FRONT_MATTER):
                continue
            found.extend(self.run_rule(rule, context))

        for unknown in (k for k in release.lint_ignore if catalogue.find(k) is None):
            if BAD_SUPPRESSION in wanted:
                span = release.front_matter.key_spans.get("lint", release.front_matter.span)
                message = f"unknown rule {unknown!r} in the front matter's lint.ignore"
                found.append(self.make(catalogue.by_code[BAD_SUPPRESSION], Finding(span, message)))

        suppressions = read_suppressions(release, catalogue)
        kept = [d for d in found if not suppressions.silences(d.code, d.span)]
        if BAD_SUPPRESSION in wanted:
            rule = catalogue.by_code[BAD_SUPPRESSION]
            kept.extend(self.make(rule, f) for f in suppressions.bad)
        if UNUSED_SUPPRESSION in wanted:
            rule = catalogue.by_code[UNUSED_SUPPRESSION]
            for finding in suppressions.unused(wanted, release):
                diagnostic = self.make(rule, finding)
                if not suppressions.silences(UNUSED_SUPPRESSION, diagnostic.span):
                    kept.append(diagnostic)
        return sorted(kept, key=lambda d: d.sort_key)

    def run_rule(self, rule: Rule, context: Context) -> list[Diagnostic]:
        """The rule's findings; a crash becomes one error instead of a traceback."""
        try:
            return [self.make(rule, finding) for finding in rule.check(context)]
        except Exception as error:  # a bug in one rule must not stop the others
            if self.debug:
                raise
            message = (
                f"internal error: rule {rule.code} {rule.name} crashed ({type(error).__name__}: {error}); "
                "rerun with --debug for the traceback and please report it"
            )
            return [Diagnostic(self.path, Span.point(1), rule.code, rule.name, "error", message)]
