"""Counting words in any script, for the length rules and the quotations' size.

Chinese and Japanese write no spaces between words, so a run of Han characters or
kana is not one word: each character counts as one, as Chinese editors count a
text (字数). Words of spaced scripts written among them (``UNICEF``, ``2024``) count
as words. Per-language limits (``[thresholds]`` in ``data/zh.toml``) are set in
these units.
"""

from __future__ import annotations

import re
from functools import cache

#: A word: letters or digits, with inner apostrophes, hyphens, dots and commas
#: ("co-chaired", "U.S", "400,000"); a dash or a lone symbol is not a word.
WORD = re.compile(r"[^\W_](?:[\w'’.,&-]*[^\W_])?")
#: As many matches as ``WORD`` in any text: each run of the characters a word may hold
#: gives ``WORD`` one match if it holds a letter or digit, and this pattern too, taking
#: the run's end along instead of backtracking to the last letter (a third less time).
_COUNTED = re.compile(r"[^\W_][\w'’.,&-]*")


@cache
def _han_or_kana() -> re.Pattern[str]:
    """Han characters (the unified ideographs, extension A, the compatibility block) and kana."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


#: The UTF-8 lead bytes of U+3000-U+9FFF and U+F000-U+FFFF, where every Han character
#: and kana lies: a byte class compiles at once, a class of the characters takes 2 ms.
_CJK_LEAD_BYTES = re.compile(rb"[\xe3-\xe9\xef]")


def may_hold_cjk(text: str) -> bool:
    """Whether ``text`` may hold a Han character or kana: a quick test before the exact one.

    The exact classes take 2 ms to compile (re's compiler visits each of their 30,000
    code points) and most releases have neither, so they are compiled on first need,
    for a text that passes this test. An ASCII text is known to pass none without
    reading it; any other is encoded (a few times faster than ``max(text)``).
    """
    return not text.isascii() and _CJK_LEAD_BYTES.search(text.encode("utf-8", "surrogatepass")) is not None


def has_han_or_kana(text: str) -> bool:
    """Whether ``text`` holds a Han character or kana, which count one word each."""
    return may_hold_cjk(text) and _han_or_kana().search(text) is not None


def count_words(text: str, word: re.Pattern[str] = _COUNTED) -> int:
    """The words of ``text`` (``word`` matches one), each Han character or kana one word."""
    if not has_han_or_kana(text):
        return len(word.findall(text))
    han = _han_or_kana()
    return len(han.findall(text)) + len(word.findall(han.sub(" ", text)))
