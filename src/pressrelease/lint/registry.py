"""Rules as small declared values.

A rule is a frozen :class:`Rule` built by the :func:`rule` decorator around a
function that takes a :class:`Context` and yields :class:`Finding` values. Each
group module under ``lint/rules`` ends with ``RULES = (...)``; the registry is the
plain tuple ``lint.rules.ALL_RULES``, no global singleton.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Literal

import msgspec

from ..config import PROFILES, Config
from ..model import Release, Span, repr_without
from ..parse.language import Language

if TYPE_CHECKING:
    from ..parse.versions import Version

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Edit(msgspec.Struct, frozen=True, gc=False):
    """Replace the text at ``span`` with ``text`` (an empty span inserts)."""

    # gc=False: no cycle can run through it (strings, numbers, spans); a pasted file yields
    # hundreds of thousands, and the cycle collector's passes over them took half of lint.
    span: Span
    text: str


class Fix(msgspec.Struct, frozen=True, gc=False):
    """A safe automatic fix: it never deletes content a writer wrote."""

    # gc=False: no cycle can run through it (strings, numbers, spans); a pasted file yields
    # hundreds of thousands, and the cycle collector's passes over them took half of lint.
    description: str
    edits: tuple[Edit, ...]


class Finding(msgspec.Struct, frozen=True, gc=False):
    """What a rule function yields: where, what, and maybe how to fix it."""

    # gc=False: no cycle can run through it (strings, numbers, spans); a pasted file yields
    # hundreds of thousands, and the cycle collector's passes over them took half of lint.
    span: Span
    message: str
    fix: Fix | None = None


class Context(msgspec.Struct, frozen=True):
    """Everything a rule may look at: the parsed release and the settings in force."""

    release: Release
    config: Config
    profile: str  #: the house style in force (front matter, else config, else --profile)
    thresholds: Mapping[str, int]
    lang: Language
    now: dt.datetime  #: timezone-aware; ``--now`` or the clock
    versions: tuple[Version, ...] = ()  #: the other language versions the release names, read


Check = Callable[[Context], Iterator[Finding]]


class Rule(msgspec.Struct, frozen=True):
    """One lint rule. ``bad`` and ``good`` are whole small releases (tests run them)."""

    code: str  #: stable: never reused once shipped
    name: str  #: kebab-case, accepted wherever a code is
    severity: Severity  #: the default; config may override
    summary: str  #: one line: what it checks
    why: str  #: why it matters, with the source of its threshold
    check: Check
    fixable: bool = False
    profiles: tuple[str, ...] = PROFILES  #: the house styles in which it is on by default
    bad: str = ""
    good: str = ""

    def __repr__(self) -> str:
        return repr_without(self, ("check", "bad", "good"))


_FILE_HEADER = re.compile(r"^==> (?P<name>[\w.-]+) <==\n", re.MULTILINE)


def example_files(example: str) -> list[tuple[str, str]]:
    """An example's files, (name, text) each: the release linted first.

    Most examples are one release. One that needs other files (a translation, say)
    gives each its own ``==> NAME <==`` line, as ``head`` prints several files.
    """
    parts = _FILE_HEADER.split(example)
    if len(parts) == 1:
        return [("release.md", example)]
    return list(zip(parts[1::2], parts[2::2], strict=True))


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    summary: str,
    why: str,
    bad: str,
    good: str,
    fixable: bool = False,
    profiles: tuple[str, ...] = PROFILES,
) -> Callable[[Check], Rule]:
    """Declare a rule around its check function."""

    def wrap(check: Check) -> Rule:
        return Rule(code, name, severity, summary, why, check, fixable, profiles, bad, good)

    return wrap
