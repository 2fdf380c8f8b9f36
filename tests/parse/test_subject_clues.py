"""A speech verb with no clue in its window has no subject: skipping it loses nothing.

``speakers._attributions`` looks for a verb's subject only where
:class:`~pressrelease.parse.subject_clues.Clues` finds a clue near it. These tests
run the full subject search on every verb, clue or not, and check that each verb
skipped is one whose search finds no name and no pronoun; and that the attributions
are those of the search run on every verb.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.parse.language import available, language
from pressrelease.parse.speakers import WINDOW_AFTER, WINDOW_BEFORE, _subject, attributions, lowered, verbs
from pressrelease.parse.subject_clues import Clues, clue_words

# Pieces joined with no space between them, so words fuse ("bathe" + "director"), and
# runs of spaces long enough for a window to end inside a word.
PIECES = st.sampled_from(
    [
        "said",
        "added",
        "he",
        "she",
        "they",
        "the",
        "its",
        "director",
        "directorate",
        "president",
        "co-chair",
        "shepherd",
        "bathe",
        "2",
        "ann",
        "Ann Lee",
        "IOM",
        ".",
        ",",
        "”",
        '"',
        "»",
        "-",
        "’s",
        "dit",
        "a-t-elle",
        "ajouté",
        "il",
        "él",
        "ella",
        "sagte",
        "er",
    ]
)
GAPS = st.sampled_from([" ", "", " ", ", ", "\n", " " * 40, " " * 75, " " * 95, " " * 118])
CODES = st.sampled_from(["en", "fr", "es", "de"])


def _every_verb(text: str, code: str) -> list[tuple[int, int, str, bool]]:
    """The search run on every verb, with nothing skipped: (start, end, name, pronoun) of each."""
    lang = language(code)
    pronouns = lowered(lang.pronouns)
    found = []
    for verb in verbs(lang.speech_verbs).finditer(text):
        a = _subject(text, verb.start(), verb.end(), verb.group(0), pronouns, lang)  # type: ignore[arg-type]
        if a is not None:
            assert a.name or a.pronoun
            found.append((a.start, a.end, a.name, a.pronoun))
    return found


@settings(max_examples=600)
@given(CODES, st.lists(st.tuples(PIECES, GAPS), max_size=24))
def test_a_verb_without_clues_has_no_subject(code: str, parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    lang = language(code)
    clues = Clues(text, clue_words(lang.pronouns, lang.title_words), WINDOW_BEFORE)
    pronouns = lowered(lang.pronouns)
    for verb in verbs(lang.speech_verbs).finditer(text):
        if not clues.near(verb.start() - WINDOW_BEFORE, verb.end() + WINDOW_AFTER):
            a = _subject(text, verb.start(), verb.end(), verb.group(0), pronouns, lang)  # type: ignore[arg-type]
            assert a is None, (text, verb)
    got = [(a.start, a.end, a.name, a.pronoun) for a in attributions(text, lang)]
    assert got == _every_verb(text, code)


def test_every_language_has_clue_words() -> None:
    for code in available():
        lang = language(code)
        assert clue_words(lang.pronouns, lang.title_words) >= {"he", "she"}


def test_a_window_cut_inside_a_title_word_still_finds_the_role() -> None:
    """The role's 80 characters end inside ``directorate``: ``director`` is read as a title word."""
    text = "said the" + " " * 68 + "directorate of the port"
    lang = language("en")
    assert [a.name.split() for a in attributions(text, lang)] == [["the", "director"]]
    assert [(a.start, a.end) for a in attributions(text, lang)] == [(a[0], a[1]) for a in _every_verb(text, "en")]


def test_a_pronoun_cut_from_a_word_before_a_long_gap_is_read_as_before() -> None:
    """120 characters before the verb hold the end of ``she`` and spaces: ``he said``."""
    text = "she" + " " * 118 + "said so"
    lang = language("en")
    assert [a.pronoun for a in attributions(text, lang)] == [True]
    assert [(a.start, a.end) for a in attributions(text, lang)] == [(a[0], a[1]) for a in _every_verb(text, "en")]


def test_a_long_paragraph_of_verbs_alone_has_no_attributions() -> None:
    lang = language("en")
    assert attributions("said " * 20_000, lang) == []
    assert attributions("said the " * 20_000, lang) == []
    text = "said the " * 2_000 + "Ann Lee said."
    found = attributions(text, lang)
    assert [a.name for a in found] == ["Ann Lee", "Ann Lee"]  # "said the Ann Lee" and "Ann Lee said"
    assert [(a.start, a.end, a.name, a.pronoun) for a in found] == _every_verb(text, "en")


def test_verbs_past_the_first_few_are_read_as_the_first_few() -> None:
    """A paragraph's first verbs search their own window for a capital, later ones the
    paragraph's list of capitals: the same subjects either way, on both sides of the switch."""
    lang = language("en")
    pieces = ["Ann Lee said so. ", "it was said" + " " * 130 + ". ", "so he said. "]
    text = "".join(pieces[i % 3] for i in range(6 * Clues.WINDOWS))
    found = [(a.start, a.end, a.name, a.pronoun) for a in attributions(text, lang)]
    assert found == _every_verb(text, "en")
    assert [name for _, _, name, _ in found].count("Ann Lee") == 2 * Clues.WINDOWS
