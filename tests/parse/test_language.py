"""Word lists per language (src/pressrelease/parse/language.py): the data files as the code reads them."""

from __future__ import annotations

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
