"""Lint rules: house terms (PR801).

Terms are looked for in the headline, the subtitle and every block's source with
the parts that are not prose masked (:func:`._text.mask`: code spans, link
targets, URLs, email addresses), keeping offsets so ``Block.locate`` still
places each match; quotations are skipped unless the term says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...config import Term
from ...model import Release, Span
from ...parse.quote_marks import scan
from ..registry import Context, Edit, Finding, Fix, Rule, rule
from ._example import LEDE, example
from ._text import front_matter_texts, mask


def quoted_ranges(source: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each top-level quotation in ``source``, marks included."""
    marks, _ = scan(source)
    return [(m.start, m.end + 1) for m in marks]


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


@cache
def _pattern(word: str, case_sensitive: bool) -> re.Pattern[str]:
    """The term as a whole word; a space in it also matches a line break (``per\\ncent``)."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def replacement_for(found: str, term: Term) -> str:
    """The configured spelling in the case of the text: ``BELORUSSIA`` -> ``BELARUS``, ``Per cent`` ->
    ``Percent``; a term that only changes case (``internet`` -> ``Internet``) is used as written."""
    right = term.right
    if right.casefold() == term.wrong.casefold():
        return right
    if found.isupper() and len(found) > 1 and not right.isupper():
        return right.upper()
    if found[:1].isupper() and right[:1].islower():
        return right[:1].upper() + right[1:]
    return right


def _finding(span: Span, found: str, term: Term) -> Iterator[Finding]:
    """The finding for one match, unless the text already reads as the house wants."""
    replacement = replacement_for(found, term)
    if replacement == found:
        return
    fix = Fix(f"replace '{found}' with '{replacement}'", (Edit(span, replacement),))
    yield Finding(span, f"house style: write '{replacement}', not '{found}'", fix)


def _front_matter_hits(release: Release, term: Term) -> Iterator[Finding]:
    for _key, value, where in front_matter_texts(release):
        if not where.exact:  # the fix edits the source: only where it is the value as written
            continue
        text = mask(value)
        ranges = [] if term.in_quotes else quoted_ranges(value)
        for match in _pattern(term.wrong, term.case_sensitive).finditer(text):
            if not _inside(ranges, match.start(), match.end()):
                yield from _finding(where.locate(match.start(), match.end()), match.group(0), term)


@rule(
    "PR801",
    "term",
    "warning",
    fixable=True,
    summary='A term listed in `[lint.terms]` (`"Belorussia" = "Belarus"`), on whole words, outside quotations.',
    why="Every organisation keeps a list of names and spellings it insists on (the UN Editorial Manual's "
    "'per cent', AP's 'percent'); the list is the house's own, so the rule is off until "
    "`[lint.terms]` names some terms.",
    bad=example(lede=LEDE.replace("region.", "region of Kenia.")).replace(
        "---\n", '---\n# run with [lint.terms] "Kenia" = "Kenya" in pressrelease.toml\n', 1
    ),
    good=example(lede=LEDE.replace("region.", "region of Kenya.")),
)
def term(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    terms = ctx.config.lint.terms
    if not terms:
        return
    for entry in terms:
        yield from _front_matter_hits(release, entry)
    for block in release.blocks:
        if not block.source or block.kind == "code":
            continue
        text = mask(block.source)
        for entry in terms:
            if block.kind == "blockquote" and not entry.in_quotes:
                continue
            ranges = [] if entry.in_quotes else quoted_ranges(block.source)
            for match in _pattern(entry.wrong, entry.case_sensitive).finditer(text):
                if not _inside(ranges, match.start(), match.end()):
                    yield from _finding(block.locate(match.start(), match.end()), match.group(0), entry)


RULES: tuple[Rule, ...] = (term,)
