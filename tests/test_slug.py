"""Output file names from titles: romanised, ASCII, dated, never empty."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.slug import slugify


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Пресс-релиз: Минск, ёжик и щука", "2026-01-02-press-reliz-minsk-ezhik-i-shchuka"),
        ("Ґудзик і Їжак у Львові", "2026-01-02-gudzik-i-yizhak-u-l-vovi"),
        ("Ünïcödé — Ärger über Straße", "2026-01-02-unicode-arger-uber-strasse"),
        ("Œuvres du cœur à Łódź, Ærø et Þingvellir", "2026-01-02-oeuvres-du-coeur-a-lodz-aero-et-thingvellir"),
        ("Harbour Trust opens 3 berths", "2026-01-02-harbour-trust-opens-3-berths"),
    ],
)
def test_titles_are_romanised_into_ascii_words(title: str, expected: str) -> None:
    assert slugify(title, dt.date(2026, 1, 2)) == expected


def test_a_title_without_latin_or_cyrillic_letters_takes_the_file_name() -> None:
    assert slugify("港务局新闻稿", dt.date(2026, 1, 2), fallback="harbour-notice") == "2026-01-02-harbour-notice"
    assert slugify("港务局新闻稿") == "release"


@given(st.text(alphabet="abc XYZ-–ßæœøđðłþıİЪъьабвгдеёжщюяіїєўґ£é1'«».ΣσÅ中", max_size=40))
def test_a_title_with_none_of_the_mapped_letters_skips_the_tables_with_the_same_slug(title: str) -> None:
    """The two tables are applied only to a title holding a letter they map: the same words."""
    import re
    import unicodedata

    from pressrelease import slug

    text = title.lower().translate(slug._CYRILLIC).translate(slug._LATIN).replace("-", " ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    assert slug._words(title) == re.sub(r"[^a-z0-9]+", "-", text).strip("-")
