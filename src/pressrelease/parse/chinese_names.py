"""Who speaks in Chinese: the subject before a speech verb, and the name within it.

Chinese writes no spaces and no capitals, so a speech verb (``说``, ``表示``) is found
anywhere in a sentence, and its subject is everything back to the punctuation before
it: ``全球淡水观测组织总干事林静怡说``. The name is what follows the subject's last title
word (``总干事``; ``title_words`` in ``data/zh.toml``), without a courtesy title after it
(``女士``). A name is a few Han characters, a foreign one's parts joined by a dot
(``特德·柴班``), and holds none of the words that name a body or a document (``报告``,
``政府``: the data's ``name_stops``).
"""

from __future__ import annotations

import re
from functools import cache

from .language import language
from .word_count import may_hold_cjk


@cache
def han() -> re.Pattern[str]:
    """One Han character (the unified ideographs and extension A)."""
    return re.compile(r"[\u3400-\u9fff]")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (the pattern is compiled on first need: see
    :func:`.word_count.may_hold_cjk`)."""
    return may_hold_cjk(text) and han().search(text) is not None


_STOPS = "。，、；：！？「」『』“”"  #: punctuation that ends a subject, read backwards
_REACH = 40  #: characters a subject may run back from its verb
_NAME_DOTS = "·.•・"  #: the dot between the parts of a transliterated name


@cache
def han_verbs(speech_verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Verbs of languages written without spaces: found anywhere, word boundaries or not."""
    han = sorted({v for v in speech_verbs if has_han(v)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(v) for v in han) or r"(?!)")


@cache
def han_words(words: frozenset[str]) -> tuple[str, ...]:
    """The Han words of a list, longest first."""
    return tuple(sorted((w for w in words if has_han(w)), key=len, reverse=True))


@cache
def name_stops() -> frozenset[str]:
    """Chinese may be quoted in a release of any language (as its verbs are found in any)."""
    return language("zh").name_stops


def subject(
    outside: str, start: int, end: int, pronouns: frozenset[str], titles: tuple[str, ...]
) -> tuple[str, int, int, bool]:
    """(name, its start, its end, whether a pronoun or nothing stands there) for the verb at ``start:end``.

    A pronoun (``他在会上表示``) gives its own offsets; no subject at all gives the verb's.
    """
    at = start
    floor = max(0, start - _REACH)
    while at > floor and outside[at - 1] not in _STOPS:
        at -= 1
    name = outside[at:start].strip()
    pronoun = next((p for p in pronouns if name.startswith(p) and han().match(p)), None)
    if pronoun:
        return "", at, at + len(pronoun), True
    if not name or not any(ch.isalpha() for ch in name):
        return "", start, end, True
    at = outside.index(name, at)
    first, last = _name_within(name, titles)
    return name[first:last], at + first, at + last, False


def _name_within(subject: str, titles: tuple[str, ...]) -> tuple[int, int]:
    """Where the name stands in ``报告主要作者、水文地质学家赵文博`` (after the last title word),
    or the whole subject when no name of two characters or more is left."""
    end = len(subject)
    suffix = next((t for t in titles if subject.endswith(t) and end - len(t) >= 2), None)  # 林静怡女士
    if suffix is not None:
        end -= len(suffix)
    start = max((found + len(t) for t in titles if (found := subject.rfind(t, 0, end)) >= 0), default=0)
    while start < end and subject[start] in "、，, ":
        start += 1
    return (start, end) if end - start >= 2 else (0, len(subject))


def is_name(run: str, stops: frozenset[str]) -> bool:
    """``王明``, ``特德·柴班(Ted Chaiban)``: a name in Han characters (its Latin form may
    follow in brackets), with none of ``stops`` in it."""
    bare = re.split(r"[(（]", run, maxsplit=1)[0].strip()
    return (
        2 <= len(bare) <= 12
        and all(han().match(ch) or ch in _NAME_DOTS for ch in bare)
        and not any(stop in bare for stop in stops)
    )
