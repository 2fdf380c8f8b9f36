"""The human format: a code frame per finding, then one summary line.

::

    PR303 [error] unattributed-quote: a quotation with no speaker
      --> release.md:12:1
       |
    12 | “We will not stop,” the statement read.
       | ^^^^^^^^^^^^^^^^^^^
       = fix: replace straight quotes with curly ones

Long Markdown lines (a whole paragraph is often one line) are cut to a window
around the finding, so the caret stays under the words it points at.

The report is made of lines of styled pieces, written as plain text or, in colour,
through rich: the same characters either way, and rich is imported only for colour
(a pipe, a file or a CI log gets plain text; importing rich is about 15 ms of a
one-file lint). Pieces are text, never markup: a ``[`` or an emoji code such as
``:thumbs_up:`` in a release is shown as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from . import printable, statistics, summary

if TYPE_CHECKING:
    from rich.console import Console

    from ..lint.engine import Diagnostic
    from ..lint.runner import FileResult

Piece = tuple[str, str]  #: some text and its rich style ("" for none)
Line = list[Piece]
COLOURS = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
WINDOW = 100  #: the most characters of a source line shown
BEFORE = 30  #: characters kept before the finding when a line is cut
#: Code frames shown per rule and file; a paste that trips one rule thousands of times
#: gets a count of the rest (the summary line and the other formats still count them all).
SHOWN_PER_RULE = 50


def window(line: str, start: int, end: int, width: int = WINDOW) -> tuple[str, int, int]:
    """(shown text, caret start, caret end): ``line`` cut around ``start:end`` (0-based)."""
    line = line.replace("\t", " ")
    if len(line) <= width:
        return line, start, end
    left = max(0, min(start - BEFORE, len(line) - width))
    right = min(len(line), left + width)
    shown = line[left:right]
    start, end = start - left, min(end, right) - left
    if left > 0:
        shown, start, end = "…" + shown, start + 1, end + 1
    if right < len(line):
        shown += "…"
    return shown, start, end


def frame(diagnostic: Diagnostic, lines: Sequence[str]) -> list[Line]:
    """The code frame lines for one diagnostic."""
    span = diagnostic.span
    if not 1 <= span.line <= len(lines):
        return []
    number = str(span.line)
    pad = " " * len(number)
    source = lines[span.line - 1]
    start = max(span.column - 1, 0)
    end = span.end_column - 1 if span.end_line == span.line else len(source)
    shown, a, b = window(source, min(start, len(source)), max(end, start))
    carets = "^" * max(b - a, 1)
    colour = COLOURS.get(diagnostic.severity, "bold")
    return [
        [(f"{pad} |", "blue")],
        [(f"{number} |", "blue"), (f" {shown}", "")],
        [(f"{pad} |", "blue"), (" " * (a + 1), ""), (carets, colour)],
    ]


def report(results: Sequence[FileResult]) -> Iterator[Line]:
    """Every finding with its frame, a blank line after each, then the summary line."""
    for result in results:
        lines = result.source.split("\n")
        shown: Counter[str] = Counter()
        for diagnostic in result.diagnostics:
            shown[diagnostic.code] += 1
            if shown[diagnostic.code] <= SHOWN_PER_RULE:
                yield from _finding(diagnostic, result.path, lines)
        for code, count in shown.items():
            if count > SHOWN_PER_RULE:
                more = count - SHOWN_PER_RULE
                yield [(f"{code}: {more} more in {result.path} not shown (--format concise lists every finding)", "")]
                yield []
    yield [(summary(results), "")]


def _finding(diagnostic: Diagnostic, path: str, lines: Sequence[str]) -> Iterator[Line]:
    colour = COLOURS.get(diagnostic.severity, "bold")
    span = diagnostic.span
    yield [
        (diagnostic.code, "bold"),
        (" ", ""),
        (f"[{diagnostic.severity}]", colour),
        (" [*] " if diagnostic.fix else " ", ""),
        (diagnostic.name, "bold"),
        (f": {diagnostic.message}", ""),
    ]
    yield [("  ", ""), ("-->", "blue"), (f" {path}:{span.line}:{span.column}", "")]
    yield from frame(diagnostic, lines)
    if diagnostic.fix:
        yield [("   ", ""), ("=", "blue"), (" ", ""), ("fix", "green"), (f": {diagnostic.fix.description}", "")]
    yield []


def statistics_table(results: Sequence[FileResult]) -> Iterator[Line]:
    """``count  code  name`` per rule, ``[*]`` marking the fixable ones, then the summary line."""
    for count, code, name, fixable in statistics(results):
        yield [(f"{count:>5}  {code}  {'[*] ' if fixable else ''}{name}", "")]
    yield [(summary(results), "")]


def write(stream: TextIO, lines: Iterator[Line], console: Callable[[], Console] | None = None) -> None:
    """Write ``lines`` to ``stream``: in colour through the rich console ``console()``
    makes, or as plain text when there is none (or nothing to colour)."""
    done = [[(printable(text), style) for text, style in line] for line in lines]
    if console is None or not any(style for line in done for _, style in line):
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in done))
        stream.flush()  # before anything later on standard error
        return
    from rich.text import Text

    out = console()
    for line in done:
        out.print(Text.assemble(*line), soft_wrap=True)
