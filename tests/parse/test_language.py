"""Word lists per language (src/pressrelease/parse/language.py): the data files as the code reads them."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import pytest

from pressrelease.parse import language as lang


@pytest.mark.parametrize("code", lang.available())
def test_the_parsed_copy_holds_what_the_toml_says(code: str) -> None:
    whole = tomllib.loads((lang.DATA / f"{code}.toml").read_text(encoding="utf-8"))
    assert lang._parsed()[code].data == whole


def _isolated(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setattr(lang, "DATA", data)
    monkeypatch.setattr(lang, "PARSED", data / "parsed.json")
    monkeypatch.setattr(lang, "_FILES", {})
    lang._parsed.cache_clear()
    monkeypatch.setattr(lang, "_parsed", functools.cache(lang._parsed.__wrapped__))


def test_a_fresh_copy_is_read_without_parsing_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[dates]\nmonths = { mai = 5 }\n"
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    _isolated(monkeypatch, tmp_path)
    (tmp_path / "parsed.json").write_text(lang.render_parsed(), encoding="utf-8")

    def refuse(text: str) -> object:
        raise AssertionError("parsed the TOML although the copy was fresh")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert lang._dates("xx") == {"months": {"mai": 5}}


@pytest.mark.parametrize("copy", ["stale", "broken", "missing"])
def test_an_edited_file_is_parsed_from_its_toml(copy: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "xx.toml").write_text("[dates]\nmonths = { mai = 5 }\n", encoding="utf-8")
    _isolated(monkeypatch, tmp_path)
    if copy != "missing":
        (tmp_path / "parsed.json").write_text(lang.render_parsed() if copy == "stale" else "{", encoding="utf-8")
    (tmp_path / "xx.toml").write_text("[dates]\nmonths = { mai = 5, juin = 6 }\n", encoding="utf-8")
    assert lang._dates("xx") == {"months": {"mai": 5, "juin": 6}}


def test_month_names_of_every_language_are_found() -> None:
    months = lang.all_months()
    assert months["july"] == months["juillet"] == months["julio"] == months["июля"] == months["juli"] == 7
