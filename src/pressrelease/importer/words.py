"""The importer's word lists (``words.toml`` beside this module), read once, and the
form a line is reduced to before it is looked up in them.

Menus, footers, kickers, date labels, stop words: data, so that a new site's
furniture is a line in ``words.toml``, not code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from ..parse.language import available, language


@cache
def words() -> dict[str, Any]:
    """``words.toml``: menus, footers, kickers, date labels, stop words, document symbols."""
    ref = resources.files("pressrelease.importer") / "words.toml"
    return tomllib.loads(ref.read_text(encoding="utf-8"))


@cache
def word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in words().get(key, []))


@cache
def word_prefixes(key: str) -> tuple[str, ...]:
    """A word list as a tuple, for ``str.startswith``."""
    return tuple(word_set(key))


@cache
def release_lines() -> frozenset[str]:
    """ "FOR IMMEDIATE RELEASE" in every language that has a data file (``للنشر الفوري``, ``即时发布``)."""
    return frozenset(line for code in available() for line in language(code).immediate_lines)


def label_of(text: str) -> str:
    """A line reduced to what a label test compares: trimmed, no trailing colon, no bold."""
    return text.strip().strip("*_ ").rstrip(":：").strip().strip("*_ ").casefold()
