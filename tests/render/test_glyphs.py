"""Characters no font can draw: letters of such a script stop the PDF, stray signs are named."""

from __future__ import annotations

import pytest

from pressrelease.errors import RenderError
from pressrelease.parse import parse
from pressrelease.render import glyphs
from pressrelease.render.glyphs import (
    SURELY_COVERED,
    Ranges,
    bundled_coverage,
    check_fonts,
    glyph_warning,
    missing_glyphs,
    parse_charsets,
    script_problem,
    unprintable,
)

HEAD = "---\ntitle: Talks open\ndate: 2026-02-10\n---\n\n"
#: a machine whose fonts cover Latin only (as fc-list would list them)
LATIN_ONLY = parse_charsets("20-7e a0-17f")


def test_characters_without_a_glyph_in_the_bundled_fonts_are_listed_with_their_line() -> None:
    release = parse(f"{HEAD}LONDON – Café talks opened.\n\n王小明 spoke.\n")
    assert missing_glyphs(release) == [("王", 8), ("小", 8), ("明", 8)]


def test_arabic_is_in_the_bundled_fonts() -> None:
    release = parse(f"{HEAD}GENEVA – Talks opened.\n\nقالت سلمى حداد: «المياه حق للجميع»، ١٢٣.\n")
    assert missing_glyphs(release) == []
    covered = bundled_coverage()
    assert all(ord(c) in covered for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي،؛؟٠١٢٣٤٥٦٧٨٩")
    assert all(code in covered for code in (0xFEFB, 0xFDF2, 0x200C, 0x200D))  # a lam-alef, Allah, the joiners


def test_a_script_no_font_has_stops_the_pdf_naming_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "system_coverage", lambda: LATIN_ONLY)
    chinese = parse(f"{HEAD}LONDON – Talks opened.\n\n王小明 spoke.\n", "talks.md")
    with pytest.raises(RenderError) as raised:
        check_fonts(chinese)
    assert str(raised.value) == (
        "talks.md: no font covers Chinese (Han) text (line 8: '王', U+738B); install fonts-noto-cjk"
    )
    korean = parse(f"{HEAD}SEOUL – 한국 talks opened.\n", "talks.md")
    with pytest.raises(RenderError, match=r"Korean \(Hangul\) text \(line 6: '한'.*install fonts-noto-cjk$"):
        check_fonts(korean)
    adlam = parse(f"{HEAD}CONAKRY – The sign reads 𞤀𞤁𞤂.\n", "talks.md")
    with pytest.raises(RenderError, match=r"no font covers Adlam text .*; install fonts-noto-core$"):
        check_fonts(adlam)


def test_a_script_a_machine_font_has_is_printed_without_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "system_coverage", lambda: parse_charsets("20-7e 4e00-9fff"))
    release = parse(f"{HEAD}LONDON – Talks opened.\n\n王小明 spoke.\n")
    assert unprintable(release) == []
    check_fonts(release)
    assert glyph_warning(release) is None


def test_a_sign_no_font_has_is_a_warning_not_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "system_coverage", lambda: LATIN_ONLY)
    release = parse(f"{HEAD}LONDON – Talks opened 😀.\n")
    check_fonts(release)
    warning = glyph_warning(release)
    assert warning is not None and warning.startswith("6:1 glyphs no glyph in the bundled PDF fonts or this machine's")
    assert "'😀' (U+1F600, line 6)" in warning and warning.endswith("they print as blank space")
    assert script_problem([("😀", 6), ("−", 6)]) is None


def test_without_fontconfig_the_bundled_fonts_are_all_that_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "system_coverage", lambda: None)
    release = parse(f"{HEAD}LONDON – Café talks opened.\n\n王小明 spoke.\n")
    check_fonts(release)  # nothing can be said for sure: no failure
    warning = glyph_warning(release)
    assert warning is not None and warning.startswith("8:1 glyphs ") and "'王' (U+738B, line 8)" in warning
    assert "whatever font this machine has" in warning


def test_latin_greek_cyrillic_and_the_signs_releases_use_need_no_warning() -> None:
    text = "LONDON – Café, Ελλάδα, Москва: “ok” € £ ₹ ₦ ₴ −5 °C ‰ → ↑ ✓ ✗ ≤ ≥ ± × №.\n"
    release = parse(f"{HEAD}{text}")
    assert missing_glyphs(release) == []
    assert glyph_warning(release) is None


def test_fc_list_charsets_become_ranges() -> None:
    ranges = parse_charsets("20-7e a0-17f 192\n400-45f 41-5a\nnot-hex\n")
    assert all(code in ranges for code in (0x20, 0x7E, 0xA0, 0x17F, 0x192, 0x400, 0x45F))
    assert not any(code in ranges for code in (0x1F, 0x7F, 0x180, 0x191, 0x193, 0x460))
    assert "a" not in ranges
    assert Ranges([]).starts == []


def test_the_machine_fonts_are_read_once_per_process() -> None:
    assert glyphs.system_coverage() is glyphs.system_coverage()


def test_the_characters_assumed_covered_are_in_the_bundled_fonts() -> None:
    assert bundled_coverage() >= SURELY_COVERED
