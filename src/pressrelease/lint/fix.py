"""``--fix`` and ``--diff``: apply safe fixes until nothing changes, then write atomically.

Each round parses the text once, lints it, and applies the fixes whose edits do not
overlap an edit already taken (the others wait for the next round, so no edit is
ever dropped for good: textlint#731). Rounds repeat until the text stops changing
(markdownlint-cli2#738), at most :data:`MAX_ROUNDS`. An edit that would delete
letters or digits is refused, whatever rule offers it, except PR010's removal of an
unused suppression comment: a safe fix never deletes what a writer wrote.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import os
import stat
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import msgspec

from ..atomic import FolderNotWritable, write_atomic
from ..errors import PressReleaseError
from ..model import Span
from ..parse import MAX_BYTES, decode, parse, read_stdin, source_text
from .engine import UNUSED_SUPPRESSION, Diagnostic, clock, lint
from .runner import STDIN, FileResult, Plan, refused, stdin_shown

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


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _deletes_content(removed: str, replacement: str) -> bool:
    """True when an edit deletes letters or digits outright."""
    return not replacement and _has_words(removed)


def apply(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """Apply every fix that does not overlap one taken before it; (new text, fixes applied).

    Fixes are offered in report order and the first one wins a clash. The edits
    taken are kept sorted by start (they never overlap, so their ends are sorted
    too): a new edit is checked against its two neighbours only, found by bisection.
    An edit that inserts letters or digits where it replaces nothing is refused, as
    one that deletes them is: a rule's words always replace text it found, so an
    empty match is a pattern gone wrong (taken, it would insert at every word
    boundary of the file).
    """
    starts = _line_starts(text)
    taken: list[tuple[int, int, str]] = []  #: sorted by start, pairwise disjoint
    taken_starts: list[int] = []
    applied = 0
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        if diagnostic.fix is None or not diagnostic.fix.edits:
            continue
        edits = sorted((*offsets(starts, text, e.span), e.text) for e in diagnostic.fix.edits)
        if any(end < start or (end == start and _has_words(new)) for start, end, new in edits):
            continue
        if diagnostic.code != UNUSED_SUPPRESSION and any(_deletes_content(text[a:b], t) for a, b, t in edits):
            continue
        if any(a[1] > b[0] or a[0] == b[0] for a, b in pairwise(edits)):
            continue  # a fix whose own edits clash
        if any(_clashes(taken, taken_starts, start, end) for start, end, _ in edits):
            continue
        for edit in edits:
            index = bisect.bisect_left(taken_starts, edit[0])
            taken.insert(index, edit)
            taken_starts.insert(index, edit[0])
        applied += 1
    pieces: list[str] = []
    position = 0
    for start, end, new in taken:
        pieces += (text[position:start], new)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _clashes(taken: list[tuple[int, int, str]], taken_starts: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps an edit in ``taken`` (sorted, disjoint) or starts where one does."""
    index = bisect.bisect_left(taken_starts, start)
    if index < len(taken) and (taken[index][0] < end or taken[index][0] == start):
        return True
    return index > 0 and taken[index - 1][1] > start


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


class Stamp(NamedTuple):
    """What a file was when it was read: a different stamp means someone wrote it meanwhile."""

    size: int
    mtime_ns: int
    digest: str  #: SHA-256 of the bytes (an editor may keep the size and the second)


def stamp(path: Path) -> tuple[bytes, Stamp]:
    """The file's bytes (at most one more than a release may have) and their stamp."""
    with path.open("rb") as handle:
        status = os.fstat(handle.fileno())
        data = handle.read(MAX_BYTES + 1)
    return data, Stamp(status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


class FileChanged(FixError):
    """The file changed on disk after it was read: the fixes are not written over it."""


def fix_file(path: Path, plan: Plan, write: bool = True) -> Outcome:
    """Fix one file; write it (atomically) when ``write``, anything changed, and nobody wrote it meanwhile.

    Raises :class:`FileChanged` (nothing written) when the file is not what it was
    when read, and :class:`FixError` when it cannot be written.
    """
    from .runner import lint_file

    try:
        raw, seen = stamp(path)
    except OSError:
        return Outcome("", "", 0, lint_file(path, plan))  # it reports the file, as lint would
    text, _ = decode(raw)
    if text is None:
        return Outcome("", "", 0, lint_file(path, plan))
    original = parse(text, path, plan.config_for(path)).source
    fixed, applied, result = fix_text(text, path, plan)
    outcome = Outcome(original, fixed, applied, result)
    if write and outcome.changed:
        crlf = b"\r\n" in raw
        bom = raw.startswith(b"\xef\xbb\xbf")
        data = fixed.replace("\n", "\r\n") if crlf else fixed
        write_fixed(path, ("\ufeff" if bom else "") + data, unchanged=seen)
    return outcome


def fix_stdin(plan: Plan) -> Outcome:
    """Fix standard input, read with a file's checks; input the reader refuses gets its PR004 alone."""
    text, problem = read_stdin()
    if text is None:
        return Outcome("", "", 0, refused(STDIN, problem, plan))
    fixed, applied, result = fix_text(text, None, plan)
    return Outcome(source_text(text), fixed, applied, result)


def write_fixed(path: Path, text: str, unchanged: Stamp | None = None) -> None:
    """Write fixed text over ``path`` atomically, on disk, with the file's own permissions.

    With ``unchanged``, the file is stamped again just before the rename and left
    alone (:class:`FileChanged`) if it differs.
    """

    def still_unchanged() -> None:
        if unchanged is not None and _restamp(path) != unchanged:
            raise FileChanged("changed on disk while it was being fixed; not written: run --fix again", path)

    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o644
    try:
        write_atomic(path.resolve(), text.encode("utf-8"), mode=mode, fsync=True, before_replace=still_unchanged)
    except FolderNotWritable as error:
        raise FixError(f"cannot write fixes: folder not writable ({error.strerror})", path) from None
    except OSError as error:
        raise FixError(f"cannot write fixes: {error.strerror or error}", path) from None


def _restamp(path: Path) -> Stamp | None:
    try:
        return stamp(path)[1]
    except OSError:
        return None  # gone: not the file that was read
