"""Word lists per language (src/pressrelease/parse/language.py): the data files as the code reads them."""

from __future__ import annotations

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
