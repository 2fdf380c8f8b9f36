"""Counting words in any script, for the length rules and the quotations' size.

Chinese and Japanese write no spaces between words, so a run of Han characters or
kana is not one word: each character counts as one, as Chinese editors count a
text (字数). Words of spaced scripts written among them (``UNICEF``, ``2024``) count
as words. Per-language limits (``[thresholds]`` in ``data/zh.toml``) are set in
these units.
"""

from __future__ import annotations

import re

#: A word: letters or digits, with inner apostrophes, hyphens, dots and commas
#: ("co-chaired", "U.S", "400,000"); a dash or a lone symbol is not a word.
WORD = re.compile(r"[^\W_](?:[\w'’.,&-]*[^\W_])?")
#: Han characters (the unified ideographs, extension A, the compatibility block) and kana
HAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def count_words(text: str, word: re.Pattern[str] = WORD) -> int:
    """The words of ``text`` (``word`` matches one), each Han character or kana one word."""
    if HAN.search(text) is None:
        return len(word.findall(text))
    return len(HAN.findall(text)) + len(word.findall(HAN.sub(" ", text)))
