"""markdown-it's ``link`` and ``image`` rules, with each failed label scan remembered.

Both rules first look for the ``]`` closing the label opened at ``[`` (markdown-it's
``parseLinkLabel``): a walk from token to token that counts the ``[`` which are
text, until the count falls to zero. In a paragraph of unclosed ``[`` (a template's
``[insert name`` pasted a few thousand times) every ``[`` walks up to 200 tokens
(markdown-it stops nesting at 100): a megabyte of it took about a minute.

Once taken, the walk from a position is always the same: markdown-it caches where
each token ends (``state.cache``) and never changes an entry. So when a walk
reaches the end of the text without closing its label, this module records at
every position it passed the count there and the lowest count after a ``]`` from
there on. A later walk that reaches such a position goes on along the same tokens,
its counts the old ones plus a constant; if that keeps the lowest above zero, it
fails there at once, with the answer and the cache the full walk would have given
(the rest of the walk is cached: walking it changes nothing). Any other walk goes
on as markdown-it's does, and a label that closes is then read by markdown-it's own
rule, over tokens already cached. tests/parse/test_link_labels.py compares the
tokens with markdown-it's on tricky and generated texts. The rules are registered
with ``md.inline.ruler.at``; nothing in markdown-it is patched.
"""

from __future__ import annotations

import sys
from weakref import WeakKeyDictionary

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image as stock_image
from markdown_it.rules_inline.link import link as stock_link

#: ``lowest`` of a walk that met no ``]``: higher than any count
_NEVER = sys.maxsize // 4


#: What failed walks learnt, per inline state: position -> (count there, lowest count
#: after a ``]`` from there, the end of the text the walk stopped at)
_FAILED: WeakKeyDictionary[StateInline, dict[int, tuple[int, int, int]]] = WeakKeyDictionary()


def label_end(state: StateInline, start: int, disable_nested: bool) -> int:
    """markdown-it's ``parseLinkLabel(state, start, disable_nested)``, failed walks remembered.

    Returns the position of the ``]`` closing the label opened at ``start``, or -1.
    """
    known = _FAILED.get(state)
    if known is None:
        known = _FAILED[state] = {}
    src = state.src
    end = state.posMax
    old_pos = state.pos
    state.pos = start + 1
    level = 1
    walked: list[tuple[int, int]] = []  #: (position, count there), in order
    tail = _NEVER  #: lowest count after a ``]`` beyond the walk, in this walk's terms
    try:
        while state.pos < end:
            pos = state.pos
            record = known.get(pos)
            if record is not None and record[2] >= end:
                at_level, lowest, _ = record
                shifted = level - at_level + lowest  # the old walk's lowest count, in this walk's terms
                if shifted >= 1:  # never zero from here on: this walk fails as that one did
                    tail = shifted
                    break
            marker = src[pos]
            if marker == "]":
                level -= 1
                if level == 0:
                    return pos
                walked.append((pos, level + 1))
            else:
                walked.append((pos, level))
            state.md.inline.skipToken(state)
            if marker == "[":
                if state.pos == pos + 1:
                    level += 1  # a ``[`` that is text, not the start of a token
                elif disable_nested:
                    return -1  # markdown-it stops here: remember nothing
        _remember(known, src, walked, tail, end)
        return -1
    finally:
        state.pos = old_pos


def _remember(
    known: dict[int, tuple[int, int, int]], src: str, walked: list[tuple[int, int]], tail: int, end: int
) -> None:
    """Record a failed walk: at each position, its count and the lowest count after a ``]`` from there."""
    lowest = tail
    for pos, level in reversed(walked):
        if src[pos] == "]":
            lowest = min(lowest, level - 1)
        known[pos] = (level, lowest, end)


def link(state: StateInline, silent: bool) -> bool:
    """markdown-it's ``link`` rule, refusing at once a ``[`` whose label a failed walk shows unclosed."""
    if state.src[state.pos] == "[" and label_end(state, state.pos, True) < 0:
        return False
    return stock_link(state, silent)


def image(state: StateInline, silent: bool) -> bool:
    """markdown-it's ``image`` rule, refusing at once a ``![`` whose label a failed walk shows unclosed."""
    pos = state.pos
    if (
        state.src[pos] == "!"
        and pos + 1 < state.posMax
        and state.src[pos + 1] == "["
        and label_end(state, pos + 1, False) < 0
    ):
        return False
    return stock_image(state, silent)


def use(md: MarkdownIt) -> MarkdownIt:
    """Put the two rules in place of markdown-it's own, where those are enabled."""
    active = md.get_active_rules()["inline"]
    if "link" in active:
        md.inline.ruler.at("link", link)
    if "image" in active:
        md.inline.ruler.at("image", image)
    return md
