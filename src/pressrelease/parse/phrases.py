"""Finding phrases from a word list, fast, with exactly the matches of the full regex.

A case-insensitive alternation of a hundred phrases (speech verbs in four
languages) run with ``finditer`` makes the regex engine try every alternative at
every position of a paragraph. But such a phrase can only start at the start of a
word, and its first word must be the first word of some phrase. So:
:func:`finditer` walks the words of the text (one cheap regex), looks each up in a
set, and tries the full pattern only there. It yields what
``pattern.finditer(text)`` yields, as long as every phrase starts with a word
character and the pattern cannot match inside a word (its own lookbehind).

Case: the set holds lower-cased first words; a text word that ``str.lower`` maps
elsewhere than the regex engine's case folding does (``ſ`` matches ``s``, ``ı``
matches ``i``, ``İ`` lowers to two characters) is tried with the full pattern too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import msgspec

try:
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]  # the regex engine's extra case pairs
except ImportError:  # pragma: no cover - other Pythons: every word is tried
    _EXTRA_CASES = None

_WORD = re.compile(r"\w+")
_LEADING_WORD = re.compile(r"\w+")


class Phrases(msgspec.Struct, frozen=True):
    """A compiled phrase pattern with the first words that can start a match."""

    pattern: re.Pattern[str]
    first_words: frozenset[str]
    #: non-ASCII characters that need the full pattern's judgement; None: every word does
    odd_chars: frozenset[str] | None
    #: where a match may also start with a digit (dates: ``19 July``), the offsets where
    #: one can, given the lower-cased text and the first words standing in it as words;
    #: it may give too many, never too few
    digit_starts: Callable[[str, frozenset[str]], list[int]] | None = None

    @classmethod
    def build(
        cls,
        pattern: re.Pattern[str],
        phrases: Iterable[str],
        digit_starts: Callable[[str, frozenset[str]], list[int]] | None = None,
    ) -> Phrases:
        phrases = list(phrases)
        firsts: set[str] = set()
        chars: set[str] = set()
        for phrase in phrases:
            lead = _LEADING_WORD.match(phrase)
            if lead is None or lead.start() != 0:
                raise ValueError(f"phrase {phrase!r} does not start with a word character")
            firsts.add(lead.group(0).lower())
            chars.update(phrase.lower())
        odd: frozenset[str] | None = None
        if _EXTRA_CASES is not None:
            odd = frozenset(chr(x) for ch in chars for x in _EXTRA_CASES.get(ord(ch), ())) | {"\u0307"}
            if not all(ch.isascii() is False for ch in odd):
                odd = None  # phrases with unusual letters: no shortcut
        return cls(pattern, frozenset(firsts), odd, digit_starts)

    def could_start(self, word: str) -> bool:
        low = word.lower()
        if low in self.first_words or (self.digit_starts is not None and word[:1].isdecimal()):
            return True
        return self.odd_chars is None or not self.odd_chars.isdisjoint(low)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)``, trying the pattern only at words that can start a phrase."""
        low = text.lower()
        if len(low) != len(text) or self.odd_chars is None or self._odd(low):
            yield from self._word_by_word(text)  # rare: case folding needs the full pattern's judgement
            return
        present = self.first_words.intersection(_WORD.findall(low))
        starts = _whole_word_starts(low, present) if present else []
        if self.digit_starts is not None:
            starts += self.digit_starts(low, present)
        if not starts:
            return
        starts.sort()
        end = 0
        match_at = self.pattern.match
        for start in starts:  # offsets in low are offsets in text: lower() kept every length
            if start >= end:
                found = match_at(text, start)
                if found is not None:
                    end = found.end()
                    yield found

    def _odd(self, low: str) -> bool:
        # Each of the few odd characters searched for in the text (str's own search, which
        # knows at once that a text of Latin-1 letters holds none), not each character
        # of the text looked up in the set: four times faster.
        assert self.odd_chars is not None
        return not low.isascii() and any(ch in low for ch in self.odd_chars)

    def _word_by_word(self, text: str) -> Iterator[re.Match[str]]:
        end = 0
        match_at = self.pattern.match
        could_start = self.could_start
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end or not could_start(word.group(0)):
                continue
            found = match_at(text, start)
            if found is not None:
                end = found.end()
                yield found

    def search(self, text: str) -> re.Match[str] | None:
        """``self.pattern.search(text)``."""
        return next(self.finditer(text), None)


def _whole_word_starts(low: str, words: frozenset[str]) -> list[int]:
    """Where any of ``words`` stands in ``low`` as a whole run of word characters.

    A match of :func:`_word_ends` ends a run; the run must also start with it. A match
    that does not is inside a run, and the next run starts after its end, so no start
    is passed over.
    """
    return [
        m.start() for m in _word_ends(words).finditer(low) if not m.start() or not _is_word_char(low[m.start() - 1])
    ]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex engine's \\w for str patterns


@lru_cache(maxsize=256)
def _word_ends(words: frozenset[str]) -> re.Pattern[str]:
    """Any of ``words`` ending a run of word characters: one pass, not a loop per word.

    The pattern opens with the words, so the regex engine skips ahead to where one of
    their first letters stands; opening with a lookbehind for the run's start made it
    try every position (three times the time).
    """
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?!\w)")
