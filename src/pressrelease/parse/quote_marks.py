"""Quotation marks in a paragraph: which pair, which stand alone.

:func:`scan` finds the top-level quoted stretches and the marks with no partner, for
the parser's quotations (:mod:`.quotations`) and for the lint rules that must know
what is inside a quotation and what is not. Code spans, link targets and autolinks
are masked first: a mark there is not the writer's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import msgspec

# Opening mark -> the closing marks it accepts. A straight opening mark takes a curly
# closing one too ("...”): word processors curl one end of a pair and not the other.
PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”",),
    "«": ("»",),
    "„": ("“", "”"),
    '"': ('"', "”"),
    "「": ("」",),
    "『": ("』",),
}
CLOSERS = frozenset("”»」』")
_CODE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[a-z]+:[^>]*>")


class Mark(msgspec.Struct, frozen=True):
    """One quoted stretch: ``start`` is the opening mark, ``end`` the closing one (or the text's end)."""

    start: int
    end: int
    open: str
    close: str | None  #: None when the paragraph ends inside the quotation, or a new one opens (run-on)


def scan(text: str) -> tuple[list[Mark], list[int]]:
    """Top-level quoted stretches of ``text`` and the offsets of marks that do not pair.

    An opening mark after a sentence end, inside a quotation opened with the same mark,
    starts a new quotation: the newspaper convention for a quotation running over
    paragraphs (each paragraph opens again, only the last closes), in text whose
    paragraph breaks were lost (``“First. “Second.”``). The earlier opening marks still
    count as unpaired.
    """
    marks, stray = _scan(text)
    return list(marks), list(stray)


_MARK_CHARS = re.compile(
    "[" + re.escape("".join(sorted({*PAIRS, *CLOSERS, *(c for cs in PAIRS.values() for c in cs)}))) + "]"
)


@cache
def _run_on() -> re.Pattern[str]:
    """A sentence end just before an opening mark (compiled on first need: few paragraphs
    open a quotation inside one opened with the same mark)."""
    return re.compile(r"[.!?…]\s+$")


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[tuple[Mark, ...], tuple[int, ...]]:
    """Cached: the parser and three rules scan the same paragraphs."""
    if _MARK_CHARS.search(text) is None:  # most paragraphs: no code span to mask, nothing to pair
        return (), ()
    masked = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    stack: list[tuple[int, str]] = []
    marks: list[Mark] = []
    stray: list[int] = []
    for found in _MARK_CHARS.finditer(masked):  # only quotation marks change the state
        i, ch = found.start(), found.group(0)
        if stack and ch in PAIRS[stack[-1][1]]:
            start, opener = stack.pop()
            if not stack:
                marks.append(Mark(start, i, opener, ch))
        elif ch in PAIRS and len(stack) == 1 and stack[0][1] == ch and _run_on().search(masked, max(0, i - 8), i):
            start, opener = stack.pop()
            marks.append(Mark(start, i, opener, None))
            stray.append(start)
            stack.append((i, ch))
        elif ch in PAIRS:
            stack.append((i, ch))
        elif ch in CLOSERS:
            stray.append(i)
    for start, opener in stack[:1]:
        marks.append(Mark(start, len(text), opener, None))
    stray.extend(start for start, _ in stack)
    marks.sort(key=lambda m: m.start)
    return tuple(marks), tuple(sorted(stray))
