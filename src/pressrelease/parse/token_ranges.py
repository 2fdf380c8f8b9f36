"""Where each block of markdown-it's flat token list ends.

markdown-it hands back a flat list in which an opening token (``paragraph_open``,
``bullet_list_open``...) and its closing one bracket what lies inside. The parser cuts
the list into top-level blocks with it, the text renderer walks a block's items and
paragraphs with it, and the HTML renderer finds where a block quote ends: each needs,
for an opening token, the index of its closing one, found here in one pass over the
list.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it.token import Token


class TokenRanges:
    """A flat token list, with the index of each opening token's closing one."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.list = tokens
        self.closer = list(range(len(tokens)))  #: a token that opens nothing closes itself
        opened: list[int] = []
        for index, token in enumerate(tokens):
            if token.nesting == 1:
                opened.append(index)
            elif token.nesting == -1 and opened:
                self.closer[opened.pop()] = index

    def children(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """(first, last) of each block directly inside ``tokens[start:end]``."""
        index = start
        while index < end:
            last = self.closer[index]
            yield index, last
            index = last + 1

    def inline(self, first: int, last: int) -> Sequence[Token]:
        """The inline tokens of a paragraph, heading or table cell (none when it is empty)."""
        inside = self.list[first + 1] if first + 1 < last else None
        return (inside.children or []) if inside is not None and inside.type == "inline" else []
