"""Which characters of a release no font can draw, and what to install for them.

Pango draws a character with the first font that has it: the bundled fonts (Latin,
Greek, Cyrillic, Arabic, signs), then whatever fontconfig lists on the machine (Noto
CJK for Chinese), and blank space when none has it. A Chinese release on a machine
without a Chinese font came out as an empty page with no word said. So before a PDF
is made, the release's characters are checked against the bundled fonts and then
against fontconfig's list (read once per process): letters of a script no font has
stop that PDF with the package to install; a stray sign no font has is a warning.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from functools import cache
from pathlib import Path

from ..errors import RenderError
from ..model import Release
from .templates import builtin_dir

THEME_FONTS = "default/fonts"
MAX_LISTED = 8
#: Code points the bundled fonts have (a test checks): Latin-1 and Latin Extended, Greek,
#: basic Cyrillic, dashes, quotes, the euro, and Arabic's letters, vowel marks, digits,
#: comma, semicolon and question mark. A release written only in these needs no look at
#: the fonts (reading their tables costs ~100 ms).
SURELY_COVERED = frozenset(
    c
    for c in (
        *range(0xA0, 0x250),
        *range(0x384, 0x3CF),
        *range(0x400, 0x460),
        *range(0x2010, 0x2027),
        0x20AC,
        *range(0x621, 0x653),
        *range(0x660, 0x66A),
        0x60C,
        0x61B,
        0x61F,
    )
    if unicodedata.category(chr(c)) != "Cn"
)
#: Scripts Debian's Noto CJK fonts cover, named the way a writer knows them.
CJK = {"Hani": "Chinese (Han)", "Bopo": "Chinese (Bopomofo)", "Hira": "Japanese (Hiragana)"}
CJK |= {"Kana": "Japanese (Katakana)", "Hang": "Korean (Hangul)"}
CJK_PACKAGE = "fonts-noto-cjk"
OTHER_PACKAGE = "fonts-noto-core"  #: Noto for every other living script, and many historic ones
#: Script codes for characters shared by every script (signs, digits) or taking their neighbour's.
NO_SCRIPT = ("Zyyy", "Zinh", "Zzzz")
FC_LIST_SECONDS = 20


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


class Ranges:
    """Code point ranges, merged and sorted, for a quick "is it in there"."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        index = bisect_right(self.starts, code) - 1
        return index >= 0 and code <= self.ends[index]


def parse_charsets(text: str) -> Ranges:
    """fc-list's ``%{charset}`` lines (``20-7e a0-17f 192``...) as one set of ranges."""
    ranges = []
    for word in set(text.split()):  # the faces of one family list the same ranges: read each once
        first, _, last = word.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    return Ranges(ranges)


@cache
def system_coverage() -> Ranges | None:
    """Every code point some font fontconfig lists has a glyph for (what Pango can fall back
    to); None when fontconfig's ``fc-list`` cannot be run, so nothing can be said."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "--format=%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=FC_LIST_SECONDS,
            check=True,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_charsets(done.stdout)


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


def unprintable(release: Release, system: Ranges | None = None) -> list[tuple[str, int]] | None:
    """(character, first line) for each character no font, bundled or on the machine, has;
    None when the machine's fonts cannot be listed."""
    missing = missing_glyphs(release)
    if not missing:
        return []
    system = system_coverage() if system is None else system
    if system is None:
        return None
    return [(char, line) for char, line in missing if ord(char) not in system]


def script_of(char: str) -> str | None:
    """The four-letter script code of a letter (``Hani``), None for signs shared by all scripts."""
    from fontTools import unicodedata as scripts  # type: ignore[import-untyped]

    code = str(scripts.script(char))
    return None if code in NO_SCRIPT else code


def script_problem(missing: list[tuple[str, int]]) -> str | None:
    """The one line that stops a PDF: the first script no font covers and the package to install."""
    from fontTools import unicodedata as scripts

    for char, line in missing:
        code = script_of(char)
        if code is None:
            continue
        name = CJK.get(code) or str(scripts.script_name(code))
        package = CJK_PACKAGE if code in CJK else OTHER_PACKAGE
        return f"no font covers {name} text (line {line}: '{char}', U+{ord(char):04X}); install {package}"
    return None


def check_fonts(release: Release) -> None:
    """Raise :class:`~pressrelease.errors.RenderError` when the release has letters of a script no
    font can draw: a PDF with blank space where the words were must not be sent."""
    missing = unprintable(release)
    problem = script_problem(missing) if missing else None
    if problem is not None:
        raise RenderError(problem, release.display_name)


def glyph_warning(release: Release) -> str | None:
    """One ``line:column glyphs message`` warning for ``build``: signs no font has (they print as
    blank space), or, when the machine's fonts cannot be listed, what the bundled fonts lack."""
    missing = unprintable(release)
    if missing is None:
        missing = missing_glyphs(release)
        outcome = "they print in whatever font this machine has, or as blank space"
        where = "the bundled PDF fonts"
    else:
        outcome = "they print as blank space"
        where = "the bundled PDF fonts or this machine's fonts"
    if not missing:
        return None
    listed = ", ".join(f"'{c}' (U+{ord(c):04X}, line {n})" for c, n in missing[:MAX_LISTED])
    more = f" and {len(missing) - MAX_LISTED} more" if len(missing) > MAX_LISTED else ""
    line = missing[0][1]
    return f"{line}:1 glyphs no glyph in {where} for {listed}{more}; {outcome}"
