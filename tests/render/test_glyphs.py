"""Characters the bundled PDF fonts cannot draw are named, with their line."""

from __future__ import annotations

from pressrelease.parse import parse
from pressrelease.render.glyphs import SURELY_COVERED, bundled_coverage, glyph_warning, missing_glyphs


def test_characters_without_a_glyph_are_named_with_their_line() -> None:
    release = parse("---\ntitle: Talks open\ndate: 2026-02-10\n---\n\nLONDON – Café talks opened.\n\n王小明 spoke.\n")
    assert missing_glyphs(release) == [("王", 8), ("小", 8), ("明", 8)]
    warning = glyph_warning(release)
    assert warning is not None and warning.startswith("8:1 glyphs ") and "'王' (U+738B, line 8)" in warning


def test_latin_greek_cyrillic_and_the_signs_releases_use_need_no_warning() -> None:
    text = "LONDON – Café, Ελλάδα, Москва: “ok” € £ ₹ ₦ ₴ −5 °C ‰ → ↑ ✓ ✗ ≤ ≥ ± × №.\n"
    release = parse(f"---\ntitle: Talks open\ndate: 2026-02-10\n---\n\n{text}")
    assert missing_glyphs(release) == []
    assert glyph_warning(release) is None


def test_the_characters_assumed_covered_are_in_the_bundled_fonts() -> None:
    assert bundled_coverage() >= SURELY_COVERED
