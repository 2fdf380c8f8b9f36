"""Counting words: each Han character or kana one word, other scripts by their spaces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.parse.chinese_names import has_han
from pressrelease.parse.word_count import WORD, count_words, has_han_or_kana


@pytest.mark.parametrize(
    ("text", "han", "han_or_kana"),
    [
        ("", False, False),
        ("Plain ASCII text, 2026.", False, False),
        ("“Curly quotes” — and é, ß, Привет", False, False),
        ("A face 😀 and a replacement mark \ufffd", False, False),
        ("Ideographic space\u3000and 「corner brackets」", False, False),
        ("Fullwidth ＡＢＣ，commas", False, False),
        ("カタカナ only", False, True),
        ("水位 in a sentence", True, True),
        ("Compatibility ideograph \uf900", False, True),
        ("A lone surrogate \udc80 then 林", True, True),
    ],
)
def test_han_and_kana_are_found_in_any_text(text: str, han: bool, han_or_kana: bool) -> None:
    assert has_han(text) is han
    assert has_han_or_kana(text) is han_or_kana


def test_each_han_character_counts_one_word() -> None:
    assert count_words("UNICEF 报告发布 in 2026") == 7
    assert count_words("Three plain words") == 3


@pytest.mark.parametrize("text", ["co-chaired", "U.S.", "400,000.", "_a_", "--", "a-_-b c'", "x__ __y", "Ltd.,"])
def test_a_count_is_the_number_of_words_found(text: str) -> None:
    assert count_words(text) == len(WORD.findall(text))


@given(st.text(alphabet="aZ9_'’.,&- \n?é", max_size=40))
def test_a_count_is_the_number_of_words_found_in_any_text(text: str) -> None:
    assert count_words(text) == len(WORD.findall(text))
