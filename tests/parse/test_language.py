"""Word lists per language (src/pressrelease/parse/language.py): the data files as the code reads them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from pressrelease.parse import language as lang


def test_an_edited_word_list_is_read_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "xx.toml").write_text("[dates]\nmonths = { mai = 5, juin = 6 }\n", encoding="utf-8")
    monkeypatch.setattr(lang, "DATA", tmp_path)
    monkeypatch.setattr(lang, "_FILES", {})
    assert lang._dates("xx") == {"months": {"mai": 5, "juin": 6}}


def test_month_names_of_every_language_are_found() -> None:
    months = lang.all_months()
    assert months["july"] == months["juillet"] == months["julio"] == months["июля"] == months["juli"] == 7


@pytest.mark.parametrize("code", sorted(p.stem for p in lang.DATA.glob("*.toml")))
def test_the_dates_table_read_alone_is_the_one_in_the_whole_file(code: str) -> None:
    whole = tomllib.loads((lang.DATA / f"{code}.toml").read_text(encoding="utf-8"))
    alone = tomllib.loads(lang._table_text((lang.DATA / f"{code}.toml").read_text(encoding="utf-8"), "dates"))
    assert alone.get("dates", {}) == whole.get("dates", {})


def test_a_dates_table_between_others_is_read_with_its_subtables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        'speech_verbs = ["dit"]\n[sections]\nabout = ["x"]\n[dates]\nlead_words = ["le"]\n'
        "[dates.months]\nmai = 5\n[labels]\nphone = 'Tél.'\n"
    )
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(lang, "DATA", tmp_path)
    monkeypatch.setattr(lang, "_FILES", {})
    assert lang._dates("xx") == {"lead_words": ["le"], "months": {"mai": 5}}
    assert lang._dates("yy") == {}


LANGUAGES = ("en", "de", "es", "fr", "ru", "sv", "zh", "ar")
LABELS = [
    "Notes to editors",
    "NOTES",
    "Editor's Notes",
    "About",
    "About Acme Water",
    "Contact",
    "Media contacts",
    "For more information, contact",
    "Pressekontakt",
    "Contacto de prensa",
    "Acerca de Acme",
    "Contact presse",
    "À propos",
    "Контакты для СМИ",
    "Om Acme",
    "Presskontakt",
    "联系方式",
    "للمزيد من المعلومات",
    "Heading",
    "",
    "about",
    "Background information",
    "notes to the editors and contacts",
]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("label", LABELS)
def test_the_joined_section_pattern_finds_the_kind_each_pattern_finds(code: str, label: str) -> None:
    words = lang.language(code)
    one_by_one = next(
        (k for k, ps in words.sections.items() if any(re.fullmatch(p, label, re.IGNORECASE) for p in ps)), None
    )
    assert words.section_kind(label) == one_by_one


def test_the_joined_section_pattern_is_read_for_a_real_label() -> None:
    assert lang.language("en").section_kind("Media contacts") == "contact"
    assert lang.language("en").section_kind("Notes to editors") == "notes"
