"""Lint output formats: text, concise, json, github, sarif.

Each format is a module with ``render(results, ...) -> str`` (``text`` gives lines
of styled pieces, written plain or in colour). Diagnostics go to standard output and nothing else
does: no banner, and a clean run prints one summary line (text and concise) or an
empty document (json, sarif, github).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic
    from ..lint.runner import FileResult

FORMATS = ("text", "concise", "json", "github", "sarif")

#: Control characters as the symbols Unicode draws them with (U+2400-U+2421), a tab as
#: a space, C1 controls as U+FFFD: an escape sequence in a release cannot recolour,
#: move or clear the reviewer's terminal, and each character stays one column wide so
#: that carets stay under the text they point at.
_PRINTABLE = str.maketrans(
    {0x09: " ", 0x7F: "\u2421"}
    | {c: chr(0x2400 + c) for c in range(0x20) if c != 0x09}
    | dict.fromkeys(range(0x80, 0xA0), "\ufffd")
)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: no control character left in it."""
    return text.translate(_PRINTABLE)


def diagnostics(results: Iterable[FileResult]) -> list[Diagnostic]:
    return [d for r in results for d in r.diagnostics]


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(results: Sequence[FileResult]) -> str:
    """``Found 2 errors, 1 warning, 0 info in 1 of 3 files (1 fixable with --fix).``"""
    found = diagnostics(results)
    files = len(results)
    if not found:
        return f"No problems found in {_plural(files, 'file')}."
    counts = Counter(d.severity for d in found)
    with_findings = len({d.path for d in found})
    fixable = sum(1 for d in found if d.fix is not None)
    where = f"{with_findings} of {_plural(files, 'file')}" if files > 1 else _plural(files, "file")
    hint = f" ({fixable} fixable with --fix)" if fixable else ""
    return (
        f"Found {_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'info')} in {where}{hint}."
    )


def statistics(results: Sequence[FileResult]) -> list[tuple[int, str, str, bool]]:
    """(count, code, name, fixable) per rule, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    fixable: dict[str, bool] = {}
    for d in diagnostics(results):
        counts[(d.code, d.name)] += 1
        fixable[d.code] = fixable.get(d.code, False) or d.fix is not None
    return [
        (n, code, name, fixable[code]) for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
