"""Figures written in a release, as values: so that ``1.4 billion`` in English and
``1,4 млрд`` in Russian compare equal, and a translator's slip does not.

A figure is a number written in digits, grouped and with a decimal mark as its
language writes them (``61,000`` in English, ``61 000`` in Russian, ``61.000`` in
Spanish), maybe followed by a scale word (``million``, ``млрд``, ``mil millones``)
or a percent sign or word. How each language writes them is data
(``data/figures.toml``). Numbers glued to letters (``4th``, ``G20``) and inside
link targets or web addresses are not figures.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "figures.toml"
#: a run of digits and the marks that may group or split them; each mark must be
#: followed by a digit, so the pattern is linear and never ends on a mark
_RUN = re.compile(r"(?<![\w.,/-])\d+(?:[.,' \u00a0\u202f\u2009]\d+)*")
_HIDDEN = re.compile(r"\]\([^)\n]*\)|<[^>\n]*>|\b(?:https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: its value, whether it is a percentage, and where it is written."""

    value: float
    percent: bool
    start: int  #: offset in the text it was found in
    end: int
    text: str  #: as written, scale or percent word included

    @property
    def key(self) -> tuple[float, bool]:
        """What two versions must agree on: the value (to a millionth) and the kind."""
        return (round(self.value, 6), self.percent)


@dataclass(frozen=True)
class _Style:
    decimal: str
    group: frozenset[str]
    after: re.Pattern[str]  #: a scale or percent word right after the number
    scales: dict[str, float]
    percents: frozenset[str]


@cache
def _style(lang: str) -> _Style | None:
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    entry = data.get(lang.split("-")[0].lower())
    if entry is None:
        return None
    scales = {word.lower().rstrip("."): float(value) for word, value in entry.get("scale", {}).items()}
    percents = frozenset(word.lower() for word in entry.get("percent", []))
    words = sorted({*scales, *percents}, key=len, reverse=True)  # the longest first: "mil millones" before "mil"
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    after = re.compile(rf"[ \u00a0\u202f]?(?P<word>{alternatives})\.?(?!\w)", re.IGNORECASE)
    return _Style(entry["decimal"], frozenset(entry["group"]), after, scales, percents)


def figures(text: str, lang: str) -> list[Figure]:
    """Every figure in ``text`` (Markdown or plain), read with ``lang``'s marks; [] for a language without data."""
    style = _style(lang)
    if style is None:
        return []
    visible = _HIDDEN.sub(lambda m: " " * len(m.group()), text)
    found: list[Figure] = []
    for match in _RUN.finditer(visible):
        end = match.end()
        if end < len(visible) and (
            visible[end].isalpha() or (visible[end] == "-" and visible[end + 1 : end + 2].isalnum())
        ):
            continue  # 4th, 19-year-old, a code
        for start, stop, value in _values(match.group(), match.start(), style):
            percent, word_end = False, stop
            word = style.after.match(visible, stop)
            if word is not None:
                said = " ".join(word.group("word").lower().split())
                if said in style.percents:
                    percent = True
                else:
                    value *= style.scales.get(said.rstrip("."), 1.0)
                word_end = word.end()
            found.append(Figure(value, percent, start, word_end, text[start:word_end]))
    return found


def _values(run: str, offset: int, style: _Style) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number in a run of digits and marks.

    A well-formed number is digits, then groups of three after a grouping mark, then
    maybe a decimal mark and more digits. A run that is not (``2015 2025``, ``1,2,3``)
    is read as its digit groups, each a number of its own.
    """
    pieces = re.split(r"(\D)", run)
    digits, marks = pieces[0::2], pieces[1::2]
    whole, fraction = digits[0], ""
    well_formed = True
    for index, mark in enumerate(marks):
        group = digits[index + 1]
        last = index == len(marks) - 1
        if mark == style.decimal and last:
            fraction = group
        elif mark in style.group and len(group) == 3 and (index > 0 or len(digits[0]) <= 3):
            whole += group
        else:
            well_formed = False
            break
    if well_formed:
        return [(offset, offset + len(run), float(f"{whole}.{fraction or 0}"))]
    values, position = [], offset
    for index, group in enumerate(digits):
        values.append((position, position + len(group), float(group)))
        position += len(group) + (len(marks[index]) if index < len(marks) else 0)
    return values
