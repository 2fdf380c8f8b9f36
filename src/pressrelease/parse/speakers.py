"""Who speaks: speech verbs and the subject each one names.

A speech verb's subject stands within a few words of it: before it (``Jane Doe said``,
``Jane Doe, director of the plant, said``), after it (``said Jane Doe``, ``explicó el
Director General Ruiz``), a pronoun (``she added``), a role (``added the agency's
president``) or nothing at all (``», a-t-elle ajouté``, ``”, agregó.``). Each verb is
read within a window of characters on either side, never the whole paragraph before
it, so a paragraph costs time in proportion to its length however many verbs it holds.

Chinese writes no spaces: its verbs (``说``, ``表示``) are found anywhere, and the
subject is the stretch between the verb and the punctuation before it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

import msgspec

from . import chinese_names
from .language import language
from .name_runs import DETERMINERS, Words, is_name, is_person, is_place, role_and_name, runs, titled_word
from .phrases import Phrases
from .subject_clues import Clues, clue_words

WINDOW_BEFORE = 120  #: characters before a verb searched for its subject
WINDOW_AFTER = 100  #: characters after it
_LEADING_AFTER = 3  #: words allowed between a verb and the subject after it ("said the Director ...")

# Words that may stand between a verb and the subject after it, and that open a role.
ARTICLES = frozenset("the el la los las le les l' l’ der die das den il lo gli".split())
_ARTICLES = ARTICLES


class _Words(NamedTuple):
    speech_verbs: tuple[str, ...]
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]
    title_words: frozenset[str]
    place_words: frozenset[str]
    name_stops: frozenset[str]


class _Key:
    """A language's word lists as the cache key of :func:`_attributions`, hashed by identity.

    One is made per language object (:func:`_key`): a key that hashed the lists
    themselves hashed every speech verb again for each paragraph, which cost four times
    the cached search it looked up.
    """

    __slots__ = ("words",)

    def __init__(self, words: _Words) -> None:
        self.words = words


#: by ``id`` of the language object, held with it so that no other object takes its ``id``
_KEYS: dict[int, tuple[Words, _Key]] = {}
_MAX_KEYS = 64


def _key(lang: Words) -> _Key:
    known = _KEYS.get(id(lang))
    if known is None:
        if len(_KEYS) >= _MAX_KEYS:
            _KEYS.clear()
        words = _Words(
            lang.speech_verbs, lang.pronouns, lang.honorifics, lang.title_words, lang.place_words, lang.name_stops
        )
        known = _KEYS[id(lang)] = (lang, _Key(words))
    return known[1]


class Attribution(msgspec.Struct, frozen=True):
    """A speech verb and its subject, with offsets in the paragraph."""

    name: str  #: the subject as written; "" for a pronoun or a verb with no subject
    start: int  #: of the subject (of the verb when there is none)
    end: int
    verb: str
    verb_start: int
    verb_end: int
    pronoun: bool = False  #: the subject is someone named earlier ("she added", "agregó")
    role: bool = False  #: the subject is a role without a name ("the Commissioner")
    index: int = 0  #: its place among the paragraph's attributions

    @property
    def first(self) -> int:
        return min(self.start, self.verb_start)

    @property
    def last(self) -> int:
        return max(self.end, self.verb_end)


# -- verbs -----------------------------------------------------------------------------------------


@cache
def verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    # "souligne-t-elle": French inversion joins the verb and the pronoun with hyphens.
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:(?![\w-])|(?=-t-))", re.IGNORECASE)


@cache
def verbs(speech_verbs: tuple[str, ...]) -> Phrases:
    """The speech verbs written with spaces between words, searched word by word (:mod:`.phrases`)."""
    spaced = tuple(v for v in speech_verbs if not chinese_names.has_han(v))
    return Phrases.build(verb_pattern(spaced), spaced)


#: The lookahead changes no match: at any other character than a capital the engine gives up at once.
_ABBREVIATED = re.compile(r"(?=[A-Z])\b(Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Hon|Rev|Jr|Sr|[A-Z])\.")


def _mask_abbreviations(text: str) -> str:
    """Hide the full stops of ``Dr.``, ``Mr.``, ``N.J.`` so they do not end a clause (offsets kept)."""
    if "." not in text:
        return text
    # A callback, not the template r"\1_": a template costs a Python call per sub() even
    # where nothing matches, the callback only per match, and few windows hold one.
    return _ABBREVIATED.sub(lambda m: m.group(0)[:-1] + "_", text)


_DASHES = ",،–—-"  # the Arabic comma too


def last_word(before: str) -> tuple[int, str] | None:
    r"""(start, word) of ``re.search(r"([^\W\d_]+)\s*[,،–—-]?\s*$", before)``, read from the end."""
    end = len(before)
    while end and before[end - 1].isspace():
        end -= 1
    if end and before[end - 1] in _DASHES:
        end -= 1
        while end and before[end - 1].isspace():
            end -= 1
    start = end
    while start and before[start - 1].isalnum() and not before[start - 1].isdecimal():  # [^\W\d_]
        start -= 1
    return (start, before[start:end]) if start < end else None


def ends_with_quote_mark(before: str) -> bool:
    r"""``re.search(r"[”»\"」][\s,–—-]*$", before)``, read from the end."""
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] in _DASHES):
        end -= 1
    return bool(end) and before[end - 1] in '”»"」'


# -- attributions ----------------------------------------------------------------------------------


def attributions(outside: str, lang: Words) -> list[Attribution]:
    """Every speech verb in ``outside`` (a paragraph with its quotations blanked) and its subject.

    Cached by the text and the word lists it reads: an organisation's boilerplate and
    contact paragraphs recur from release to release.
    """
    return list(_attributions(outside, _key(lang)))


@lru_cache(maxsize=4096)
def _attributions(outside: str, key: _Key) -> tuple[Attribution, ...]:
    lang = key.words
    found: list[Attribution] = []
    pronouns = lowered(lang.pronouns)
    clues: Clues | None = None
    for verb in verbs(lang.speech_verbs).finditer(outside):
        start, end = verb.start(), verb.end()
        if clues is None:
            clues = Clues(outside, clue_words(lang.pronouns, lang.title_words), WINDOW_BEFORE)
        if clues.near(start - WINDOW_BEFORE, end + WINDOW_AFTER):  # else no subject: skipped, as below
            attribution = _subject(outside, start, end, verb.group(0), pronouns, lang, index=len(found))
            if attribution is not None:
                found.append(attribution)
    if chinese_names.has_han(outside):  # Chinese quoted in a release of any language
        chinese = language("zh")
        cjk = chinese_names.han_verbs(lang.speech_verbs + chinese.speech_verbs)
        cjk_pronouns = pronouns | set(chinese.pronouns)
        titles = chinese_names.han_words(lang.title_words | chinese.title_words)
        found.extend(_cjk_subject(outside, verb, cjk_pronouns, titles) for verb in cjk.finditer(outside))
        found.sort(key=lambda a: a.verb_start)
        kept = [a for a in found if a.name or a.pronoun]
        return tuple(msgspec.structs.replace(a, index=i) for i, a in enumerate(kept))
    return tuple(found)


@cache
def lowered(words: tuple[str, ...]) -> frozenset[str]:
    """A word list in lower case, made once per list (the pronouns, for every speech verb)."""
    return frozenset(w.lower() for w in words)


_NEAR_AFTER = re.compile(r"\s*([^\W\d_]+)(?=\s*(?:[.,;:!?”»\"]|$))")  #: "said she." (not "said she would")


def _subject(
    outside: str, start: int, end: int, verb: str, pronouns: frozenset[str], lang: _Words, index: int = 0
) -> Attribution | None:
    """The subject of the verb at ``start:end``, as the ``index``-th attribution; None if it has none."""
    before = outside[max(0, start - WINDOW_BEFORE) : start]
    offset = start - len(before)
    after = outside[end : end + WINDOW_AFTER]
    word_before = last_word(before)
    if word_before and word_before[1].lower() in pronouns:  # "he said"
        at = offset + word_before[0]
        return Attribution("", at, at + len(word_before[1]), verb, start, end, pronoun=True, index=index)
    near_after = _NEAR_AFTER.match(after)
    if near_after and near_after.group(1).lower() in pronouns:  # "said she."
        at = end + near_after.start(1)
        return Attribution("", at, at + len(near_after.group(1)), verb, start, end, pronoun=True, index=index)
    found = _before(before, offset, lang) or _after(after, end, lang)
    if found is not None:
        name_start, name_end, name, role = found
        if not role:
            name_start, name = _name_part(name_start, name, lang)
        return Attribution(name, name_start, name_end, verb, start, end, role=role, index=index)
    if _bare(before, after):
        # "», a-t-elle ajouté." / "”, añadió." / "», — добавила.": the subject is the
        # last person named (French inversion; Spanish and Russian drop the pronoun).
        return Attribution("", start, end, verb, start, end, pronoun=True, index=index)
    return None


_NON_SPACE = re.compile(r"\S+")


def _name_part(start: int, run: str, lang: Words) -> tuple[int, str]:
    """``Education Minister Jane Doe`` -> ``Jane Doe``; ``Director General Ruiz`` stays whole."""
    words = run.split()
    keep = len(words)
    while keep > 0 and not titled_word(words[keep - 1], lang) and words[keep - 1] not in lang.honorifics:
        keep -= 1
    if keep == 0 or len(words) - keep < 2 or words[keep - 1] in lang.honorifics:
        return start, run
    # The name's first word by position, not by searching for the joined words: a line
    # break inside the name ("Minister Jane\nDoe") is not the space they are joined with.
    first = [word.start() for word in _NON_SPACE.finditer(run)][keep]
    return start + first, " ".join(words[keep:])


_BARE_TAIL = re.compile(r"(?:-t-(?:il|elle)|\s+(?:il|elle|он|она))?\s*[.,;،]")


def _bare(before: str, after: str) -> bool:
    """A speech verb standing alone next to a quotation, with no subject of its own."""
    return ends_with_quote_mark(before) and _BARE_TAIL.match(after) is not None


_STOP_AFTER = re.compile(r"[.;:!?“”«»\"「」]")  #: what ends the clause after a verb


def _clause_after(after: str) -> str:
    """``after`` up to its first stop, the full stops of abbreviations (``Dr.``) not counted."""
    stop = _STOP_AFTER.search(_mask_abbreviations(after))
    return after[: stop.start()] if stop else after


def _after(after: str, offset: int, lang: Words) -> tuple[int, int, str, bool] | None:
    """``said Jane Doe``, ``explicó el Director General Ruiz``, ``added the agency's president``."""
    text = _clause_after(after)
    found = runs(text, lang)
    if not found:
        return _role(text, offset, lang, after_verb=True)
    start, end, run = found[0]
    leading = text[:start].replace(",", " ").split()
    if len(leading) > _LEADING_AFTER or any(w.lower() not in _ARTICLES and not titled_word(w, lang) for w in leading):
        return None
    person = is_person(run, lang)
    if person or not leading:
        if not person and (run.split()[0].lower() in DETERMINERS or is_place(run.split(), lang)):
            return None
        return offset + start, offset + end, run, False
    return _role(text, offset, lang, after_verb=True)


_ROLE_ARTICLES = frozenset("the its their el la le der die das".split())
_ROLE_WORDS = 4  #: words of a role after its article ("the agency's deputy regional director")
_ROLE_WORD = re.compile(r"[\w’'.-]+")


def _role(text: str, offset: int, lang: Words, after_verb: bool) -> tuple[int, int, str, bool] | None:
    """``the Commissioner``, ``the agency's president``: a role (or a body) with no name.

    After a verb the role starts the text; before one it ends it ("The Director also said"
    names "The Director").
    """
    segment = text[:80] if after_verb else text[-80:]
    near = segment.split()[: _ROLE_WORDS + 1] if after_verb else segment.split()[-(_ROLE_WORDS + 1) :]
    if not any(w.lower() in _ROLE_ARTICLES for w in near):  # the usual case, found without a regex
        return None
    words = list(_ROLE_WORD.finditer(segment))
    shift = 0 if after_verb else max(0, len(text) - 80)
    if after_verb:
        window = words[: _ROLE_WORDS + 1] if words and words[0].start() == len(text) - len(text.lstrip(" ,")) else []
    else:
        window = words[-(_ROLE_WORDS + 1) :]
        while window and window[0].group(0).lower() not in _ROLE_ARTICLES:
            window = window[1:]
    if len(window) < 2 or window[0].group(0).lower() not in _ROLE_ARTICLES:
        return None
    # Keep the words up to the last title word: "The Director also" -> "The Director".
    keep = max((i for i, w in enumerate(window) if titled_word(w.group(0), lang)), default=-1)
    if keep < 1:
        return None
    start, end = shift + window[0].start(), shift + window[keep].end()
    return offset + start, offset + end, text[start:end], True


_CLAUSE_STOPS = '.;!?“”«»"「」'  #: what ends the clause before a verb


def _before(before: str, offset: int, lang: Words) -> tuple[int, int, str, bool] | None:
    """``Jane Doe said``, ``Jane Doe, director of Acme, said``, ``the agency said``."""
    masked = _mask_abbreviations(before)
    cut = max(map(masked.rfind, _CLAUSE_STOPS)) + 1  # after the last stop; 0 if none
    if cut == 0 and offset:  # the window starts inside a word: begin at the next one
        cut = next((i for i, ch in enumerate(before) if ch.isspace()), len(before))
    clause = before[cut:]
    found = runs(clause, lang)
    # A plain name before a role that may end in a word the lists lack ("Chief Negotiator").
    people = [r for r in found if is_name(r[2], lang)] or [r for r in found if role_and_name(r[2], lang)]
    if people:
        start, end, run = people[-1] if _adjacent(clause, people[-1]) else people[0]
        return offset + cut + start, offset + cut + end, run, False
    if found:
        start, end, run = found[-1]
        first = run.split()[0].lower()
        previous = clause[:start].split()
        article = bool(previous) and previous[-1].lower() in _ARTICLES
        if (
            _adjacent(clause, found[-1])
            and first not in DETERMINERS
            and not is_place(run.split(), lang)
            and not article
        ):
            return offset + cut + start, offset + cut + end, run, False
    return _role(clause, offset + cut, lang, after_verb=False)


def _adjacent(clause: str, run: tuple[int, int, str]) -> bool:
    """Nothing but commas, or one adverb (``Jane Doe also said``), between the run and the verb."""
    tail = clause[run[1] :].strip(" ,").split()
    return not tail or (len(tail) == 1 and tail[0].isalpha() and tail[0].islower() and tail[0] not in DETERMINERS)


def _cjk_subject(outside: str, verb: re.Match[str], pronouns: frozenset[str], titles: tuple[str, ...]) -> Attribution:
    """``……」联合国儿童基金会主任王明说。``: see :mod:`.chinese_names`."""
    name, first, last, pronoun = chinese_names.subject(outside, verb.start(), verb.end(), pronouns, titles)
    return Attribution(name, first, last, verb.group(0), verb.start(), verb.end(), pronoun=pronoun)
