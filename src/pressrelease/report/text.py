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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from . import statistics, summary

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic
    from ..lint.runner import FileResult

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


def frame(diagnostic: Diagnostic, lines: Sequence[str]) -> list[str]:
    """The code frame lines (markup escaped) for one diagnostic."""
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
        f"[blue]{pad} |[/]",
        f"[blue]{number} |[/] {escape(shown)}",
        f"[blue]{pad} |[/] {' ' * a}[{colour}]{carets}[/]",
    ]


def render(console: Console, results: Sequence[FileResult], *, show_statistics: bool = False) -> None:
    """Print every finding with its frame, then the summary line."""
    if show_statistics:
        print_statistics(console, results)
        return
    for result in results:
        lines = result.source.split("\n")
        shown: Counter[str] = Counter()
        for diagnostic in result.diagnostics:
            shown[diagnostic.code] += 1
            if shown[diagnostic.code] > SHOWN_PER_RULE:
                continue
            colour = COLOURS.get(diagnostic.severity, "bold")
            span = diagnostic.span
            mark = " [*]" if diagnostic.fix else ""
            block = [
                f"[bold]{diagnostic.code}[/] [{colour}]\\[{diagnostic.severity}][/]{mark} "
                f"[bold]{diagnostic.name}[/]: {escape(diagnostic.message)}",
                f"  [blue]-->[/] {escape(result.path)}:{span.line}:{span.column}",
                *frame(diagnostic, lines),
            ]
            if diagnostic.fix:
                block.append(f"   [blue]=[/] [green]fix[/]: {escape(diagnostic.fix.description)}")
            console.print("\n".join(block) + "\n", soft_wrap=True)
        for code, count in shown.items():
            if count > SHOWN_PER_RULE:
                more = count - SHOWN_PER_RULE
                console.print(
                    f"{code}: {more} more in {result.path} not shown (--format concise lists every finding)\n",
                    soft_wrap=True,
                    highlight=False,
                    markup=False,
                )
    console.print(summary(results), soft_wrap=True, highlight=False, markup=False)


def print_statistics(console: Console, results: Sequence[FileResult]) -> None:
    """``count  code  name`` per rule, ``[*]`` marking the fixable ones."""
    rows = statistics(results)
    for count, code, name, fixable in rows:
        console.print(f"{count:>5}  {code}  {'[*] ' if fixable else ''}{name}", markup=False, highlight=False)
    console.print(summary(results), soft_wrap=True, highlight=False, markup=False)
