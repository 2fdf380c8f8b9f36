"""Suppression comments: ``<!-- pressrelease-disable PR303 reason -->`` and friends.

The parser keeps HTML comments out of the Markdown and records them on
``Release.comments`` with their spans; this module reads the directives among them,
decides which findings they silence, and reports the comments that are wrong
(PR009, an unknown rule or a malformed directive) or useless (PR010, they silenced
nothing). PR010's fix removes the comment, and only the comment: it is the one fix
that removes text, and that text is the suppression the writer added.

Directives, each followed by codes or names separated by commas or spaces; any
text after the codes is the reason::

    pressrelease-disable CODES        until the matching enable, or the end of file
    pressrelease-enable CODES
    pressrelease-disable-next-line CODES
    pressrelease-disable-line CODES   the comment's own line
    pressrelease-disable-file CODES
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import msgspec

from ..model import Comment, Release, Span
from .registry import Edit, Finding, Fix
from .select import Catalogue


@cache
def _directive() -> re.Pattern[str]:  # compiled on first use: most releases have no suppression comment
    return re.compile(r"^pressrelease-([a-z-]+)(?:\s+|$)(.*)$", re.DOTALL | re.IGNORECASE)


_KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_CODE_LIKE = re.compile(r"^PR\d+$", re.IGNORECASE)
_NAME_LIKE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


class Directive(msgspec.Struct):
    """One suppression comment, and the lines where it applies."""

    kind: str
    comment: Comment
    codes: tuple[str, ...]  #: resolved codes (unknown names dropped)
    first: int  #: first line it covers
    last: int  #: last line it covers (inclusive)
    closer: Comment | None = None  #: the matching enable comment, for a range
    used: set[str] = msgspec.field(default_factory=set)

    def covers(self, code: str, line: int) -> bool:
        return code in self.codes and self.first <= line <= self.last


class Suppressions(msgspec.Struct):
    """The directives of one file plus the findings about the comments themselves."""

    directives: list[Directive]
    bad: list[Finding]  #: PR009 findings

    def silences(self, code: str, span: Span) -> bool:
        """True (and the directive marked used) when a directive covers this finding."""
        hit = False
        for directive in self.directives:
            if directive.covers(code, span.line):
                directive.used.add(code)
                hit = True
        return hit

    def unused(self, ran: Iterable[str], release: Release) -> list[Finding]:
        """PR010 findings: directives whose rules all ran and silenced nothing."""
        ran = set(ran)
        findings: list[Finding] = []
        for directive in self.directives:
            if not directive.codes or not set(directive.codes) <= ran:
                continue
            idle = [c for c in directive.codes if c not in directive.used]
            if not idle:
                continue
            if len(idle) == len(directive.codes):
                comments = [directive.comment] + ([directive.closer] if directive.closer else [])
                edits = tuple(_removal(c, release) for c in comments)
                fix = Fix("remove the unused suppression comment", edits)
                message = f"this suppression of {', '.join(idle)} silenced nothing; remove it"
                findings.append(Finding(directive.comment.span, message, fix))
            else:
                message = f"{', '.join(idle)} in this suppression silenced nothing; remove {'it' if len(idle) == 1 else 'them'}"
                findings.append(Finding(directive.comment.span, message))
        return findings


def _removal(comment: Comment, release: Release) -> Edit:
    """An edit removing the comment; its line too when nothing else is on it.

    A comment alone on a line between two paragraph lines keeps its (now empty)
    line, so the paragraphs do not run together.
    """
    lines = release.source.split("\n")
    span = comment.span
    first = lines[span.line - 1] if span.line <= len(lines) else ""
    last = lines[span.end_line - 1] if span.end_line <= len(lines) else ""
    alone = not first[: span.column - 1].strip() and not last[span.end_column - 1 :].strip()
    if not alone:
        return Edit(span, "")
    before = lines[span.line - 2] if span.line >= 2 else ""
    after = lines[span.end_line] if span.end_line < len(lines) else ""
    if before.strip() and after.strip():
        return Edit(Span(span.line, 1, span.end_line, len(last) + 1), "")
    if span.end_line < len(lines):
        return Edit(Span(span.line, 1, span.end_line + 1, 1), "")
    return Edit(Span(span.line, 1, span.end_line, len(last) + 1), "")


def _split_codes(rest: str, catalogue: Catalogue) -> tuple[list[str], list[str]]:
    """(known codes, unknown code-like tokens); stops at the first word of the reason."""
    known: list[str] = []
    unknown: list[str] = []
    for token in re.split(r"[\s,]+", rest.strip()):
        if not token:
            continue
        if token in ("--", ":"):
            break
        rule = catalogue.find(token)
        if rule is not None:
            known.append(rule.code)
        elif _CODE_LIKE.match(token) or _NAME_LIKE.match(token):
            unknown.append(token)
        else:
            break
    return known, unknown


def _next_text_line(lines: Sequence[str], after: int) -> int:
    """The first non-blank line after line ``after`` (1-based)."""
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return after + 1


def read(release: Release, catalogue: Catalogue) -> Suppressions:
    """Parse every suppression comment of a release."""
    if not release.comments:
        return Suppressions([], [])  # most releases: no comment, and no need to split the text into lines
    lines = release.source.split("\n")
    last_line = max(len(lines), 1)
    directives: list[Directive] = []
    bad: list[Finding] = []
    open_ranges: dict[str, Directive] = {}
    for comment in release.comments:
        match = _directive().match(comment.text)
        if match is None:
            continue
        kind = match.group(1).lower()
        if kind not in _KINDS:
            bad.append(Finding(comment.span, f"unknown directive 'pressrelease-{kind}' (use {', '.join(_KINDS)})"))
            continue
        codes, unknown = _split_codes(match.group(2), catalogue)
        for token in unknown:
            bad.append(Finding(comment.span, f"unknown rule {token!r} in suppression; `pressrelease rules` lists them"))
        if not codes:
            if not unknown:
                bad.append(Finding(comment.span, "suppression names no rule; list the codes or names to silence"))
            continue
        line = comment.span.line
        if kind == "enable":
            for code in codes:
                opened = open_ranges.pop(code, None)
                if opened is not None:
                    opened.last = comment.span.end_line
                    opened.closer = comment
            continue
        if kind == "disable":
            directive = Directive(kind, comment, tuple(dict.fromkeys(codes)), line, last_line)
            for code in directive.codes:
                open_ranges[code] = directive
        elif kind == "disable-next-line":
            target = _next_text_line(lines, comment.span.end_line)
            directive = Directive(kind, comment, tuple(dict.fromkeys(codes)), target, target)
        elif kind == "disable-line":
            directive = Directive(kind, comment, tuple(dict.fromkeys(codes)), line, comment.span.end_line)
        else:
            directive = Directive(kind, comment, tuple(dict.fromkeys(codes)), 1, last_line)
        directives.append(directive)
    return Suppressions(directives, bad)
