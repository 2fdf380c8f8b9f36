"""Word lists per language (src/pressrelease/lang.py): the data files as the code reads them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pressrelease import lang


@pytest.mark.parametrize("code", lang.available())
def test_the_dates_table_read_alone_is_the_files_own(code: str) -> None:
    """Other languages' month names are read from their [dates] lines only: the same table."""
    whole = tomllib.loads((lang.DATA / f"{code}.toml").read_text(encoding="utf-8"))
    lang._dates.cache_clear()
    saved = dict(lang._FILES)
    lang._FILES.clear()
    try:
        assert lang._dates(code) == whole.get("dates", {})
    finally:
        lang._FILES.clear()
        lang._FILES.update(saved)
        lang._dates.cache_clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[a]\nx = 1\n\n[dates]\nmonths = { mai = 5 }\n\n[b]\ny = "[dates]"\n', {"months": {"mai": 5}}),
        ("[dates]\nmonths = { mai = 5 }\n", {"months": {"mai": 5}}),  # a header on line 1: read whole
        (
            "[a]\nx = 1\n\n[dates]\nlead_words = []\n\n[dates.months]\nmai = 5\n",
            {"lead_words": [], "months": {"mai": 5}},
        ),
        ('dates.months = { mai = 5 }\n[a]\nx = "y"\n', {"months": {"mai": 5}}),
        ("[a]\nx = 1\n", {}),
    ],
)
def test_odd_layouts_of_the_dates_table(
    text: str, expected: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(lang, "DATA", tmp_path)
    monkeypatch.setattr(lang, "_FILES", {})
    lang._dates.cache_clear()
    try:
        assert tomllib.loads(text).get("dates", {}) == expected
        assert lang._dates("xx") == expected
    finally:
        lang._dates.cache_clear()


def test_month_names_of_every_language_are_found() -> None:
    months = lang.all_months()
    assert months["july"] == months["juillet"] == months["julio"] == months["июля"] == months["juli"] == 7
