"""Which characters of a release the bundled PDF fonts cannot draw.

Pango falls back to whatever fonts the machine has for a character the bundled
fonts lack, or draws blank space when none has it: a Chinese name in an English
release vanished without a word. ``build`` reports such characters with the line
they are on, so a writer sees it before a journalist does.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from ..model import Release
from .templates import builtin_dir

THEME_FONTS = "default/fonts"
MAX_LISTED = 8
#: Code points every bundled Noto subset has (a test checks): Latin-1 and Latin
#: Extended, Greek, basic Cyrillic, dashes, quotes, the euro. A release written only in
#: these needs no look at the fonts (reading their tables costs ~30 ms).
SURELY_COVERED = frozenset(
    c
    for c in (*range(0xA0, 0x250), *range(0x384, 0x3CF), *range(0x400, 0x460), *range(0x2010, 0x2027), 0x20AC)
    if unicodedata.category(chr(c)) != "Cn"
)


@cache
def bundled_coverage(folder: Path | None = None) -> frozenset[int]:
    """Every code point some bundled font has a glyph for."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    folder = folder or builtin_dir() / THEME_FONTS
    covered: set[int] = set()
    for path in sorted(folder.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap() or {})
    return frozenset(covered)


def _drawn(char: str) -> bool:
    """False for characters nothing is drawn for: spaces, controls, joiners, selectors."""
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Zs", "Zl", "Zp"))


def missing_glyphs(release: Release, covered: frozenset[int] | None = None) -> list[tuple[str, int]]:
    """(character, first line) for each character of the release no bundled font can draw."""
    candidates: dict[str, int] = {}
    for number, line in enumerate(release.source.splitlines(), start=1):
        if line.isascii():
            continue
        for char in line:
            if char not in candidates and ord(char) > 0x7E and ord(char) not in SURELY_COVERED and _drawn(char):
                candidates[char] = number
    if not candidates:
        return []
    covered = bundled_coverage() if covered is None else covered
    return [(char, number) for char, number in candidates.items() if ord(char) not in covered]


def glyph_warning(release: Release) -> str | None:
    """One ``line:column glyphs message`` warning for ``build``: the characters, code points and lines."""
    missing = missing_glyphs(release)
    if not missing:
        return None
    listed = ", ".join(f"'{c}' (U+{ord(c):04X}, line {n})" for c, n in missing[:MAX_LISTED])
    more = f" and {len(missing) - MAX_LISTED} more" if len(missing) > MAX_LISTED else ""
    line = missing[0][1]
    return (
        f"{line}:1 glyphs no glyph in the bundled PDF fonts for {listed}{more}; they print in whatever "
        "font this machine has, or as blank space"
    )
