"""Where a speech verb could have a subject: found once per paragraph, looked up per verb.

:mod:`.speakers` reads a window of characters around each speech verb for its
subject. Every subject it can find holds at least one clue: a capital letter (a
name, a title, an acronym; scripts without capitals count), a closing quotation
mark (a verb standing alone after a quotation: ``”, she added``), a pronoun, or a
title word (a role with no name: ``said the president``). A verb with no clue in
its window has no subject, and the full search need not run.

That search is cheap once, but a pasted paragraph can hold 200,000 verbs
(``said said said ...``) and make it the whole cost of the file. The clues are
found in one pass over the paragraph; each verb then costs a bisection among their
offsets.

A window may cut a word at its end (``said the directorate`` read as far as
``director``): such a cut keeps the word's beginning, so a word counts as a clue
when it starts with a pronoun or a title word. A cut at the window's start reaches
the search only through the word just before the verb, after a long run of spaces:
the end of such a run is a clue too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache, lru_cache

#: A capital as :mod:`.speakers` sees it (any letter outside the lower-case ranges),
#: or a closing quotation mark before a verb with no subject of its own.
_CLUE_CHARS = re.compile(r"[^\W\d_a-zß-öø-ÿа-яё]|[”»\"」]")
_LETTERS = re.compile(r"[^\W\d_]+")  #: a word as the pronoun and title tests split it


@cache
def clue_words(pronouns: Iterable[str], title_words: Iterable[str]) -> frozenset[str]:
    """The letter runs of the pronouns and title words, lower case.

    A title word written with a hyphen or an apostrophe (``co-chair``) is found by
    any of its runs of letters, each of which is in the set.
    """
    return frozenset(run for word in (*pronouns, *title_words) for run in _LETTERS.findall(word.lower()))


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


@lru_cache(maxsize=1 << 16)
def _opens_with_clue(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` starts with one of ``words``; asked once per word and word list,
    since most words of a paragraph recur in the next one and in the next release."""
    return any(word[:size] in words for size in range(1, min(len(word), _longest(words)) + 1))


@cache
def _gap(length: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\s,،–—-])[\s,،–—-]{{{max(length, 1)},}}")  # from a run's start: linear


class Clues:
    """The clues of one paragraph, for :meth:`near` to look up.

    Nearly every verb has a capital in its window (its subject's name). A paragraph's
    first few verbs look for one in their window alone; past those, the capitals of the
    whole paragraph are listed in one pass. The clue words and the long gaps, which cost
    three more passes over the paragraph, are found only for the first verb with no
    capital near it.
    """

    WINDOWS = 8  #: verbs that search their own window for a capital, at most (each a bounded search)

    def __init__(self, text: str, words: frozenset[str], window_before: int) -> None:
        self._text = text
        self._words = words
        self._window_before = window_before
        self._searched = 0
        self._capitals: list[int] | None = None
        self._others: list[int] | None = None

    def near(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a clue (a capital, a closing mark, a clue word's start)."""
        if self._capitals is None and self._searched < self.WINDOWS:
            self._searched += 1
            if _CLUE_CHARS.search(self._text, max(start, 0), max(end, 0)) is not None:
                return True
        else:
            if self._capitals is None:
                self._capitals = [m.start() for m in _CLUE_CHARS.finditer(self._text)]
            if _within(self._capitals, start, end):
                return True
        if self._others is None:
            self._others = self._words_and_gaps()
        return _within(self._others, start, end)

    def _words_and_gaps(self) -> list[int]:
        text, words = self._text, self._words
        hot = {word for word in set(_LETTERS.findall(text)) if _opens_with_clue(word, words)}
        # The word before a verb is read across spaces and a dash; after a stretch of them
        # nearly as long as the window, it is cut to its end, which may be a pronoun
        # ("she" read as "he"): the verb after such a stretch is searched in full.
        found = [m.end() for m in _gap(self._window_before - _longest(words)).finditer(text)]
        if hot:
            found += [m.start() for m in _LETTERS.finditer(text) if m.group(0) in hot]
        found.sort()
        return found


def _within(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    at = bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end
