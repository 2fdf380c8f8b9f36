"""Right-to-left languages: which they are, and the one mark plain text needs.

Every format keeps the logical order (the order the words are typed and read); the
reader's software lays the text out. Plain text has nowhere to say "this paragraph
runs right to left", so mail clients and editors guess from a line's first letter
(the Unicode bidirectional algorithm's rule P2). An Arabic line that opens with a
Latin name or acronym ("UNICEF قالت ...") is then laid out left to right and its
words come out in the wrong order. Such lines, and only those, get a RIGHT-TO-LEFT
MARK in front: invisible, harmless when pasted, and it makes the guess right. Lines
that are wholly Latin (an email address, a URL) are left alone: left to right is
right for them.
"""

from __future__ import annotations

import unicodedata

#: languages written right to left (ISO 639 codes): Arabic, Hebrew, Persian, Urdu, Pashto...
RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})
RLM = "\u200f"
_RIGHT_TO_LEFT = ("R", "AL")


#: scripts written right to left (ISO 15924), for tags that name theirs (``az-Arab``, ``ku-Latn``)
RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"})


def direction(lang: str) -> str:
    """``rtl`` for a language written right to left (``ar``, ``fa-IR``, ``he``), else ``ltr``.

    A script subtag decides when there is one: Azerbaijani in Arabic script (``az-Arab``)
    runs right to left, Kurdish in Latin script (``ku-Latn``) left to right."""
    parts = lang.replace("_", "-").lower().split("-")
    script = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL else "ltr"


def has_right_to_left(text: str) -> bool:
    """True when the text has a letter of a right-to-left script."""
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def first_strong(text: str) -> str | None:
    """``L`` or ``R``: the direction of the text's first letter (None when it has none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in _RIGHT_TO_LEFT:
            return "R"
    return None


def mark_lines(text: str) -> str:
    """Text with a RIGHT-TO-LEFT MARK before each line that mixes scripts and opens with a Latin letter."""
    lines = text.split("\n")
    marked = [RLM + line if first_strong(line) == "L" and has_right_to_left(line) else line for line in lines]
    return "\n".join(marked)
