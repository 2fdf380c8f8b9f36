"""``--fix`` and ``--diff``: apply safe fixes until nothing changes, then write atomically.

Each round parses the text once, lints it, and applies the fixes whose edits do not
overlap an edit already taken (the others wait for the next round, so no edit is
ever dropped for good: textlint#731). Rounds repeat until the text stops changing
(markdownlint-cli2#738), at most :data:`MAX_ROUNDS`. An edit that would delete
letters or digits is refused, whatever rule offers it, except PR010's removal of an
unused suppression comment: a safe fix never deletes what a writer wrote.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from ..errors import PressReleaseError
from ..model import Span
from ..parse import parse, read_text
from .engine import UNUSED_SUPPRESSION, Diagnostic, clock, lint
from .runner import STDIN, FileResult, Plan, stdin_shown

MAX_ROUNDS = 10


class FixError(PressReleaseError):
    """A fixed file could not be written (exit 2)."""


class Outcome(msgspec.Struct, frozen=True):
    """One file after fixing: the new text, how many fixes went in, and what is left."""

    original: str
    fixed: str
    applied: int
    result: FileResult

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff from the original to the fixed text ('' when unchanged)."""
        if not self.changed:
            return ""
        name = self.result.path.lstrip("/")  # a//tmp/x.md reads badly; a/tmp/x.md as git writes it
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def offsets(starts: Sequence[int], text: str, span: Span) -> tuple[int, int]:
    """The string offsets of a span (clamped to the text)."""

    def one(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        return min(starts[line - 1] + column - 1, len(text))

    return one(span.line, span.column), one(span.end_line, span.end_column)


def _deletes_content(removed: str, replacement: str) -> bool:
    """True when an edit deletes letters or digits outright."""
    return not replacement and any(c.isalnum() for c in removed)


def apply(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """Apply every fix that does not overlap one taken before it; (new text, fixes applied)."""
    starts = _line_starts(text)
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        if diagnostic.fix is None or not diagnostic.fix.edits:
            continue
        edits = [(*offsets(starts, text, e.span), e.text) for e in diagnostic.fix.edits]
        if any(end < start for start, end, _ in edits):
            continue
        if diagnostic.code != UNUSED_SUPPRESSION and any(_deletes_content(text[a:b], t) for a, b, t in edits):
            continue
        if any(_overlaps(edit, other) for edit in edits for other in taken):
            continue
        taken.extend(edits)
        applied += 1
    for start, end, new in sorted(taken, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text, applied


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def fix_text(text: str, path: Path | None, plan: Plan) -> tuple[str, int, FileResult]:
    """Fix a text until stable; (fixed text, fixes applied, what remains)."""
    settings = plan.settings
    config = plan.config_for(path or STDIN)
    selection = plan.selection_for(config)
    shown = str(path) if path is not None else stdin_shown(settings)
    path = path or settings.stdin_name
    fail_on = settings.fail_on or config.lint.fail_on
    now = settings.now or clock()
    total = 0
    for round_ in range(MAX_ROUNDS + 1):
        release = parse(text, path, config)
        found = lint(release, config, selection=selection, now=now, debug=settings.debug)
        text = release.source
        fixable = [d for d in found if d.fix is not None]
        new, applied = apply(text, fixable) if fixable else (text, 0)
        if applied == 0 or new == text or round_ == MAX_ROUNDS:
            remaining = tuple(_shown(d, shown) for d in found)
            return text, total, FileResult(shown, remaining, text, fail_on)
        text = new
        total += applied
    raise AssertionError("unreachable")  # pragma: no cover


def _shown(diagnostic: Diagnostic, path: str) -> Diagnostic:
    if diagnostic.path == path:
        return diagnostic
    return Diagnostic(
        path, diagnostic.span, diagnostic.code, diagnostic.name, diagnostic.severity, diagnostic.message, diagnostic.fix
    )


def fix_file(path: Path, plan: Plan, write: bool = True) -> Outcome:
    """Fix one file; write it (atomically) when ``write`` and anything changed."""
    text, _ = read_text(path)
    if text is None:
        from .runner import lint_file

        result = lint_file(path, plan)
        return Outcome("", "", 0, result)
    original = parse(text, path, plan.config_for(path)).source
    fixed, applied, result = fix_text(text, path, plan)
    outcome = Outcome(original, fixed, applied, result)
    if write and outcome.changed:
        raw = path.read_bytes()
        crlf = b"\r\n" in raw
        bom = raw.startswith(b"\xef\xbb\xbf")
        data = fixed.replace("\n", "\r\n") if crlf else fixed
        write_atomic(path, ("\ufeff" if bom else "") + data)
    return outcome


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it over ``path``."""
    folder = path.resolve().parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o644
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FixError(f"cannot write fixes: folder not writable ({error.strerror})", path) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FixError(f"cannot write fixes: {error.strerror or error}", path) from None
