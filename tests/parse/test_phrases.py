"""The word-by-word phrase search finds exactly what the full regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.parse.language import available, language
from pressrelease.parse.phrases import Phrases
from pressrelease.parse.speakers import verb_pattern as _verb_pattern
from pressrelease.parse.speakers import verbs as _verbs

CODES = available()
# Each language's speech verbs, other words, and letters that case folding treats specially.
OTHERS = ["-t-elle", "x", "ſaid", "ıncluded", "İ", "SAİD", "ᲃказал", "_said", "said2", "a", "dit", "the", "\n", "Ünter"]
PIECES = st.sampled_from([*sorted({v for code in CODES for v in language(code).speech_verbs}), *OTHERS])
SEPARATORS = st.sampled_from([" ", "", "-", ", ", "’", "_", "  ", "\n", "»"])
CASES = st.sampled_from(["lower", "upper", "title"])


@pytest.mark.parametrize("code", CODES)
def test_every_language_gets_the_shortcut(code: str) -> None:
    assert _verbs(language(code).speech_verbs).odd_chars is not None


@settings(max_examples=300)
@given(st.sampled_from(CODES), st.lists(st.tuples(PIECES, SEPARATORS, CASES), max_size=8))
def test_phrases_match_like_finditer(code: str, parts: list[tuple[str, str, str]]) -> None:
    text = "".join(getattr(word, case)() + sep for word, sep, case in parts)
    verbs = language(code).speech_verbs
    spaced = tuple(v for v in verbs if not re.search("[\u3400-\u9fff]", v))  # Chinese ones are found apart
    expected = [m.span() for m in _verb_pattern(spaced).finditer(text)]
    assert [m.span() for m in _verbs(verbs).finditer(text)] == expected
    first = _verbs(verbs).search(text)
    assert (first.span() if first else None) == (expected[0] if expected else None)


def test_a_phrase_must_start_with_a_word_character() -> None:
    with pytest.raises(ValueError, match="word character"):
        Phrases.build(re.compile(r"(?<!\w)(?:-said)"), ["-said"])
