"""Runs of capitalised words, and what each names: a person, a title or an organisation, a place.

The speaker search (:mod:`.speakers`) and the quotations (:mod:`.quote_speakers`)
ask of a run before or after a speech verb whether it is someone: ``Jane Doe``,
``Director General Ruiz``, not ``IOM Director`` or ``South America``. Scripts
without capitals (Arabic, Chinese) have runs of their own making.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from . import chinese_names

# A capitalised phrase opening with one of these is not a name ("The Director also", "This Year").
DETERMINERS = frozenset(
    "the a an this that these those it its there our their his her in on at for by with from "
    "el la los las le les un una une der die das ein eine".split()
)


class Words(Protocol):
    """The word lists finding speakers reads (a :class:`~.language.Language` has them)."""

    @property
    def speech_verbs(self) -> tuple[str, ...]: ...
    @property
    def pronouns(self) -> tuple[str, ...]: ...
    @property
    def honorifics(self) -> tuple[str, ...]: ...
    @property
    def title_words(self) -> frozenset[str]: ...
    @property
    def place_words(self) -> frozenset[str]: ...
    @property
    def name_stops(self) -> frozenset[str]: ...


_CAPITAL = re.compile(r"[^\W\d_a-zß-öø-ÿа-яё]")


@cache
def _name_pattern(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    hon = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    # A capital: a letter that is not lower case (ASCII, Latin-1, Cyrillic); scripts
    # without case (Chinese, Arabic) count as capitals.
    cap = r"(?<![\w'’.-])[^\W\d_a-zß-öø-ÿа-яё][\w'’.-]*"
    particle = r"(?:de|da|di|do|dos|du|la|le|van|von|der|den|bin|bint|al|el|ibn|y|of|the|in|for|and)"
    # A match starts at a capital or at an honorific, some of which are lower case
    # ("д-р"): the lookahead says so, and at any other character the engine gives up
    # at once instead of trying every honorific.
    firsts = "".join(sorted({h[0] for h in honorifics if not _CAPITAL.match(h)}))
    start = rf"(?=[^\W\d_a-zß-öø-ÿа-яё]|[{re.escape(firsts)}])" if firsts else r"(?=[^\W\d_a-zß-öø-ÿа-яё])"
    # H?C(?:SC)* written as H?(?:S?C)+: the same matches, the capitalised word's classes
    # compiled once.
    return re.compile(rf"{start}(?:(?:{hon})\s+)?(?:(?:\s+(?:{particle}\s+)*)?{cap})+")


def runs(text: str, lang: Words) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (possible names or titles) with their offsets."""
    found: list[tuple[int, int, str]] = []
    if not _CAPITAL.search(text):  # most windows of a long lower-case stretch: nothing to try
        return found
    for match in _name_pattern(lang.honorifics).finditer(text):
        run = match.group(0).rstrip(".,")
        run = _caseless_name(run, lang) if _caseless(run) else _trim_name(run, lang)
        if run:
            found.append((match.start(), match.start() + len(run), run))
    return found


_CASELESS_WORDS = 5  #: at most, in a name of a script without capitals


def _caseless(run: str) -> bool:
    return not run[0].isupper() and not run[0].islower()


def _caseless_name(run: str, lang: Words) -> str:
    """Arabic has no capitals: a "run" is every word to the next punctuation, so the name
    ends at a word that cannot be in one ("في", "إن") and after a few words; one word
    alone ("قائلا") is not taken for a name."""
    if not lang.name_stops or chinese_names.has_han(run):
        return run
    words = run.split()
    cut = next((i for i, w in enumerate(words) if w in lang.name_stops), len(words))
    kept = words[: min(cut, _CASELESS_WORDS)]
    return " ".join(kept) if len(kept) >= 2 else ""


_JOINERS = re.compile(r"\s+(?:of|for|in|and|the)\s+")


def _trim_name(run: str, lang: Words) -> str:
    """``Ana Ruiz of Acme`` -> ``Ana Ruiz``; ``Director of Communications`` stays whole.

    The joining words belong in titles and organisations; after a person's name they
    start a description of that person.
    """
    joiner = _JOINERS.search(run)
    if joiner is None:
        return run
    head = run[: joiner.start()]
    return head if is_name(head, lang) else run


def titled_word(word: str, lang: Words) -> bool:
    """A word of a title or an organisation: ``Director``, ``Ministry``, an acronym (``IOM``)."""
    bare = word.strip(".,")
    low = bare.lower()
    if low in lang.title_words or (("’" in low or "'" in low) and low.split("’")[0].split("'")[0] in lang.title_words):
        return True
    return len(bare) > 1 and bare.isupper() and bare.isalpha()


def is_title(run: str, lang: Words) -> bool:
    return any(titled_word(w, lang) for w in run.split())


def is_name(run: str, lang: Words) -> bool:
    """A person's name with nothing else: ``Jane Doe``, ``Dr. Roe`` (not ``IOM Director``)."""
    words = run.split()
    if len(words) == 1 and chinese_names.has_han(run[:1]):
        return chinese_names.is_name(run, lang.name_stops | chinese_names.name_stops())
    if not words or (len(words) == 1 and words[0] not in lang.honorifics):  # most runs: one word, no honorific
        return False
    return words[0].lower() not in DETERMINERS and not is_place(words, lang) and not is_title(run, lang)


def is_person(run: str, lang: Words) -> bool:
    """A name, or a role followed by a name (``Director General Ruiz``, ``Foreign Minister Roe``)."""
    return is_name(run, lang) or role_and_name(run, lang)


def role_and_name(run: str, lang: Words) -> bool:
    """``Director General Ruiz``: :func:`is_person` for a run that :func:`is_name` turned down."""
    words = run.split()
    if len(words) < 2 or words[0].lower() in DETERMINERS or is_place(words, lang):
        return False
    if any(w[:1].islower() for w in words):  # "Chair of the Water Partnership": a title and a body
        return False
    last = words[-1].strip(".,")
    return (
        not titled_word(last, lang)
        and last[:1].isupper()
        and (titled_word(words[-2], lang) or words[-2][:1].isupper() or words[-2] in lang.honorifics)
    )


def is_place(words: list[str], lang: Words) -> bool:
    """``South America``, ``Middle East``: a capitalised phrase naming a place."""
    return not lang.place_words.isdisjoint([w.lower().strip(".,") for w in words])
