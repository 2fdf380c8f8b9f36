"""Token-level detectors for the body rules: placeholders, acronyms and pronoun lists.

Kept apart from ``body.py`` so the rule module reads as rules. Everything here
works on masked text (see ``_text.mask``) and returns offsets into it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...model import Release
from ...parse.language import Language, data_file
from ...parse.word_count import WORD

# -- placeholders (PR703) ---------------------------------------------------------------------------


@cache
def _token_pattern(tokens: tuple[str, ...]) -> re.Pattern[str] | None:
    r"""``(?<![\w?])(?:TKTK|TODO|...)(?![\w?])``, written so the regex engine can skip to first letters.

    Each alternative checks the lookbehind after its first character (``T(?<![\w?].)KTK``):
    the pattern then starts with literals, whose first characters the engine scans for,
    instead of a lookbehind tested at every position. Same matches.
    """
    if not tokens:
        return None
    ordered = sorted((t for t in tokens if t), key=len, reverse=True)
    alternatives = "|".join(re.escape(t[0]) + r"(?<![\w?].)" + re.escape(t[1:]) for t in ordered)
    return re.compile(rf"(?:{alternatives})(?![\w?])")


@cache
def _century() -> re.Pattern[str]:
    """A Roman numeral next to one of these is a century ("siglo XX", "XX век", "the XXX
    century"). Compiled on first use: few placeholders look like Roman numerals."""
    return re.compile(
        r"(?i)\b(?:siglos?|century|centuries|siècles?|secolo|jahrhundert|век\w*|столети\w*)\s*$"
        r"|^\s*(?:siglos?|century|centuries|siècles?|secolo|jahrhundert|век\w*|столети\w*)\b"
    )


def _is_numeral(text: str, start: int, end: int, lang: Language) -> bool:
    """A Roman numeral that counts: a century, or an ordinal before a name outside English.

    "siglo XX", "XX век", "the XXX century"; "el XX Congreso", "la XXX Cumbre", where
    Spanish, French, Italian and Russian put the ordinal before the name. "XX March" (a
    month) and English "XX Million" stay placeholders.
    """
    token = text[start:end].replace("Х", "X")  # Cyrillic Kha, the usual Russian spelling
    if not _ROMAN.fullmatch(token):
        return False
    century = _century()
    if century.search(text[max(0, start - 20) : start]) or century.search(text[end : end + 20]):
        return True
    if lang.code == "en":
        return False
    name = _NEXT_NAME.match(text, end)
    if name is None or not name.group(1)[:1].isupper():
        return False
    return name.group(1).casefold() not in lang.months


_NEXT_NAME = re.compile(r"[ \t]([^\W\d_]+)")  # the word after a numeral, if one follows a space


class Placeholders:
    """One language's placeholder patterns, and a first test that clears most text at once.

    The rule asks every block of the body; before, each block was searched by the token
    pattern and by every pattern in turn (about 2 us for a one-word paragraph). A pattern
    ending in ``]`` cannot match text without one, and the others (the tokens, ``lorem
    ipsum``) are searched first, each until one finds something: a block none lets in
    holds no placeholder. Each on its own, not joined into one pattern: the token
    pattern's first letters let the regex engine skip to them, which a pattern joined to
    a case-insensitive one cannot (joined, the search of a release's paragraphs took
    twice as long).
    """

    __slots__ = ("_lang", "_patterns", "_tokens", "_unbracketed")

    def __init__(self, lang: Language) -> None:
        self._lang = lang
        self._tokens = _token_pattern(lang.placeholder_tokens)
        self._patterns = lang.placeholder_patterns
        self._unbracketed = _unbracketed(self._tokens, self._patterns)

    def _let_in(self, text: str) -> bool:
        """Whether a pattern not ending in ``]`` matches ``text`` (a loop: a generator costs
        more than the searches of a one-word block)."""
        for pattern in self._unbracketed:  # noqa: SIM110  (a loop, as the docstring says)
            if pattern.search(text) is not None:
                return True
        return False

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, text) of each placeholder in already-masked text."""
        last_bracket = text.rfind("]") + 1
        if not last_bracket and not self._let_in(text):
            return []  # most blocks
        found: list[tuple[int, int, str]] = []
        lang = self._lang
        if self._tokens is not None:
            for m in self._tokens.finditer(text):
                if not _is_numeral(text, m.start(), m.end(), lang):
                    found.append((m.start(), m.end(), m.group(0)))
        for pattern in self._patterns:
            # A pattern ending in "]" cannot match past the last one, and is not let try:
            # "[insert[^\]]*\]" would run from every unclosed "[insert" to the end (quadratic).
            end = last_bracket if _bracketed(pattern) else len(text)
            for m in pattern.finditer(text, 0, end):
                found.append((m.start(), m.end(), m.group(0)))
        if not found:
            return found
        kept: list[tuple[int, int, str]] = []
        seen_until = -1
        for start, end, what in sorted(found):
            if start >= seen_until:
                seen_until = end
                kept.append((start, end, what))
        return kept


def _bracketed(pattern: re.Pattern[str]) -> bool:
    return pattern.pattern.endswith("\\]")


@cache
def _unbracketed(tokens: re.Pattern[str] | None, patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The token pattern and the patterns not ending in ``]``: text none of them matches holds no placeholder."""
    return (*([tokens] if tokens is not None else []), *(p for p in patterns if not _bracketed(p)))


# -- acronyms (PR704) -------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩЀ-Я"  # Latin, Greek and Cyrillic capitals (Latin Extended-A is checked below)
#: A token that starts with a capital and has another letter outside a-z further on: only
#: these can be acronyms (two or more capitals), so "Minsk" and "The" are never looked at.
#: The capital comes first and the lookbehind second, ``(?<![\w&].)``, so the regex engine can
#: skip to capitals instead of testing the lookbehind at every position; the lookahead stays
#: inside the token, since ``[\w&]`` cannot cross its end. Every token :func:`acronym`
#: accepts matches (its second capital is such a letter); most others do not.
TOKEN = re.compile(rf"[{_UPPER}](?<![\w&].)(?=[\w&]*?[^\W\d_a-z])[\w&]*")
#: Two capitals in a row somewhere on a line: the cheap test before counting a line's capitals.
_TWO_CAPS = re.compile(rf"[{_UPPER}]{{2}}")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# "(ABC)", "(the ABC)", "(“ABC”)", "(ABC, the agency ...)": the acronym is being defined.
_DEFINED_AFTER = re.compile(
    r"\(\s*(?:the\s+|la\s+|le\s+|l[’']|el\s+|los\s+|las\s+)?[\"“«]?\s*([\w&]+)\s*[\"”»]?\s*[),;]"
)
# "ABC (Full Name In Words)": the acronym is followed by its expansion. Written so that
# a match starts only at a word's start and never gives back part of the word (the
# plain ``([\w&]+)\s+\(...`` retries every shorter run at every letter of every word):
# the same matches, since a word cut short is followed by a letter, never by a space.
_DEFINED_BEFORE = re.compile(r"([\w&](?<![\w&].)[\w&]*+)\s+\(([^()]{4,})\)")
# "(NASDAQ: ACME)", "(NYSE: XYZ)": a stock exchange and a ticker symbol, not initials to spell out.
# The exchange may have two words or a suffix: "(NYSE American: XYZ)", "(TSX-V: ABC)".
_TICKER = re.compile(
    r"\(\s*([A-Z][A-Za-z]{1,9}(?:[ -][A-Za-z]{1,9})?)\s*:\s*([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*\)"
)


@lru_cache(maxsize=4096)  # a release repeats its words ("UNICEF", "The"): each is judged once
def acronym(token: str) -> str | None:
    """The acronym (plural ``s`` removed) if ``token`` is one: two or more capitals, no lower case."""
    second = token[1:2]
    if second.islower() and second.isalpha():
        return None  # most capitalised words ("Minsk"): a lower-case letter the core keeps
    core = token[:-1] if len(token) > 2 and token.endswith("s") else token
    if not core[:1].isalpha() or not core[:1].isupper():
        return None
    letters = [c for c in core if c.isalpha()]
    if sum(1 for c in letters if c.isupper()) < 2 or any(c.islower() for c in letters):
        return None
    if _ROMAN.fullmatch(core):
        return None  # World War II, Phase IV, the XXI century
    return core


@cache
def _common_acronyms() -> frozenset[str]:
    common = data_file("acronyms").get("common", [])
    return frozenset(str(a) for a in common)


def known_acronyms(release: Release) -> frozenset[str]:
    """The common acronyms and the organisation's own (plural ``s`` removed)."""
    org = release.organization
    if org is None:
        return _known(())
    short = (org.short_name,) if org.short_name and acronym(org.short_name) else ()
    return _known((*org.acronyms, *short))


@lru_cache(maxsize=64)  # one entry an organisation: the set is the same for all its releases
def _known(own: tuple[str, ...]) -> frozenset[str]:
    known = _common_acronyms() | set(own)
    return frozenset(a[:-1] if len(a) > 2 and a.endswith("s") and a[:-1].isupper() else a for a in known)


def shouting_lines(text: str) -> list[tuple[int, int]]:
    """Lines mostly in capitals ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL ..."): not acronyms."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if len(_TWO_CAPS.findall(line)) < 2:
            offset += len(line) + 1
            continue
        kinds = [_word_kind(w) for w in WORD.findall(line)]
        words = len(kinds) - kinds.count(_NO_LETTER)
        caps = kinds.count(_CAPITALS)
        if caps >= 2 and caps * 2 >= words + 1:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


_NO_LETTER, _PLAIN, _CAPITALS = 0, 1, 2


@lru_cache(maxsize=4096)  # a line of capitals repeats its words: each is judged once
def _word_kind(word: str) -> int:
    """No letter; a word; or a word in capitals (two letters or more, none in lower case)."""
    if not any(c.isalpha() for c in word):
        return _NO_LETTER
    # A lower-case letter rules most words out at their second character: test it first.
    if any(c.islower() for c in word) or sum(c.isalpha() for c in word) < 2:
        return _PLAIN
    return _CAPITALS


def _letter_before(text: str, end: int) -> bool:
    """Whether the last character before ``end`` that is not white space is a letter."""
    at = end - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at].isalpha()


def definitions(text: str) -> dict[int, str]:
    """Offsets of acronyms at the place they are spelled out."""
    found: dict[int, str] = {}
    if "(" not in text:
        return found  # every form of definition has a parenthesis
    for match in _DEFINED_AFTER.finditer(text):
        name = acronym(match.group(1))
        if name and _letter_before(text, match.start()):
            found[match.start(1)] = name
    for match in _TICKER.finditer(text):
        for group in (1, 2):
            name = acronym(match.group(group))
            if name:
                found[match.start(group)] = name
    for match in _DEFINED_BEFORE.finditer(text):
        name = acronym(match.group(1))
        expansion = match.group(2)
        if name and len(WORD.findall(expansion)) >= 2 and any(w[:1].isupper() for w in WORD.findall(expansion)):
            found[match.start(1)] = name
    return found


# -- word lists (PR708) -----------------------------------------------------------------------------


@cache
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    # Whole words, then elided ones (French j’ before a vowel), as one flat alternation
    # in which each word checks the lookbehind after its first letter: the regex engine
    # can then skip to first letters instead of testing the lookbehind at every
    # position. Same matches as (?<![\w'’-])(?:(?:whole...)(?![\w-]|['’]\w)|(?:elided...)(?=\w)).
    # The typographic apostrophe stands outside the character classes: a class that
    # mixes it with ASCII costs the regex compiler a 64K-entry bitmap, twice per word
    # (about 4 ms for English's twelve words, three quarters of the compile).
    ordered = [w for w in sorted(words, key=len, reverse=True) if w]
    whole = [w for w in ordered if not w.endswith(("'", "’"))]
    elided = [w for w in ordered if w.endswith(("'", "’"))]
    behind = r"(?<![\w'-].)(?<!’.)"
    alternatives = [re.escape(w[0]) + behind + re.escape(w[1:]) + r"(?![\w-]|'\w|’\w)" for w in whole]
    alternatives += [re.escape(w[0]) + behind + re.escape(w[1:]) + r"(?=\w)" for w in elided]
    return re.compile("|".join(alternatives)) if alternatives else None
