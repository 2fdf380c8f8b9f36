"""Lint rules: quotations (PR301-PR306).

The parser (``pressrelease.parse.quotations``) finds the quotations and their speakers and
records unbalanced marks as PR302 problems; these rules judge what it found.
PR304 scans each block's source again with ``quotes.scan`` because straight
"scare quotes" matter for typography even when they are not quotations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

from ...model import Quote, Release, Span
from ...parse.quote_marks import PAIRS, scan
from ..registry import Context, Edit, Finding, Fix, Rule, rule
from ._example import example
from ._text import front_matter_texts
from .document import is_unreadable

_SAID = " said Grace Wanjiru, director of the Clean Water Alliance."
_GOOD = example("“Safe water changes everything for a family: children stay in school,”" + _SAID)


def _first_line(span: Span, release: Release) -> Span:
    """A block quote's span cut to its first line, so the code frame stays small."""
    if span.line == span.end_line:
        return span
    lines = release.lines
    width = len(lines[span.line - 1]) if span.line <= len(lines) else 0
    return Span(span.line, span.column, span.line, width + 1)


@rule(
    "PR301",
    "no-quotes",
    "warning",
    summary="The release quotes nobody.",
    why="Editors look for a named voice; the Polis validator rejects releases without quotes and wire guides "
    "ask for one to three.",
    bad=example("The plants can each treat six million litres a day."),
    good=_GOOD,
)
def no_quotes(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    lede = release.lede_block()
    if release.quotes or lede is None or is_unreadable(release):
        return
    lines = release.lines
    line = lede.span.line
    width = len(lines[line - 1]) if line <= len(lines) else 0
    yield Finding(
        Span(line, 1, line, width + 1),
        "the release quotes nobody: add a quotation from a named person with their title",
    )


@rule(
    "PR302",
    "unbalanced-quotes",
    "error",
    summary="Quotation marks do not pair up within a paragraph.",
    why="An unclosed quotation leaves the reader unsure where the speaker's words end; wires reject "
    "releases with broken attribution (CisionWire).",
    bad=example("“Safe water changes everything for a family," + _SAID),
    good=_GOOD,
)
def unbalanced_quotes(ctx: Context) -> Iterator[Finding]:
    for problem in ctx.release.problems:
        if problem.code == "PR302":
            yield Finding(problem.span, problem.message)


@rule(
    "PR303",
    "unattributed-quote",
    "error",
    summary="A quotation with no speaker.",
    why='"Never leave a quote unattributed" (KU editing guide); wires refuse releases with no proper '
    "attribution (CisionWire, myPRwire). A quotation the text does attribute, to "
    "someone the tool cannot name for sure (“she added” after two names), is not flagged: `inspect` shows "
    "its speaker as unsure.",
    bad=example("“Safe water changes everything for a family: children stay in school.”"),
    good=_GOOD,
)
def unattributed_quote(ctx: Context) -> Iterator[Finding]:
    for quote in ctx.release.quotes:
        if not quote.attributed:
            yield Finding(
                _first_line(quote.span, ctx.release),
                "quotation with no speaker: say who said it (“...,” said Jane Doe, director of ...)",
            )


def _straight_fix(open_span: Span, close_span: Span, inner: str, pair: tuple[str, str], lang: str) -> Fix:
    opening, closing = pair
    if lang == "fr" and opening == "«":  # French sets a no-break space inside guillemets
        opening += "" if inner[:1].isspace() else "\u00a0"
        closing = ("" if inner[-1:].isspace() else "\u00a0") + closing
    edits = (Edit(open_span, opening), Edit(close_span, closing))
    return Fix(_fix_description(pair), edits)


@cache
def _fix_description(pair: tuple[str, str]) -> str:
    return f"use {pair[0]} {pair[1]} instead of straight quotes"


Locator = Callable[[int, int], Span]


def _texts(release: Release) -> Iterator[tuple[str, Locator]]:
    """(source, locator) for the title, subtitle and every block with inline text."""
    for _key, value, where in front_matter_texts(release):
        if where.exact:  # the fix edits the source: only where it is the value as written
            yield value, where.locate
    for block in release.blocks:
        if block.source and block.kind != "code":
            yield block.source, block.locate


@rule(
    "PR304",
    "quote-style",
    "warning",
    fixable=True,
    summary="Straight quotation marks where the language wants curly ones (“ ” en, « » fr/ru, „ “ de), or "
    "different marks mixed in one release.",
    why="Typographic quotes are the printed standard in every language the tool knows (data/*.toml lists "
    "each language's marks); straight marks are a typewriter habit and mixed marks look careless "
    "(quote-layout guidance).",
    bad=example('"Safe water changes everything for a family: children stay in school,"' + _SAID),
    good=_GOOD,
)
def quote_style(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    pair = ctx.lang.quote_marks[0] if ctx.lang.quote_marks else ("“", "”")
    found: list[tuple[str, str, int, int, Locator]] = []  # (open, source, start, end, locate)
    for source, locate in _texts(release):
        marks, _ = scan(source)
        for mark in marks:
            if mark.close is not None:
                found.append((mark.open, source, mark.start, mark.end, locate))
    families = Counter(opening for opening, *_ in found if opening != '"')
    chosen = pair[0] if pair[0] in families else (families.most_common(1)[0][0] if families else pair[0])
    if chosen != pair[0]:  # the release already settled on other curly marks: straight ones follow them
        pair = (chosen, PAIRS[chosen][0])
    straight = f"straight quotation marks: use {pair[0]} {pair[1]}"
    for opening, source, start, end, locate in found:
        open_span = locate(start, start + 1)
        close_span = locate(end, end + 1)
        if opening == '"':
            fix = _straight_fix(open_span, close_span, source[start + 1 : end], pair, ctx.lang.code)
            whole = Span(open_span.line, open_span.column, close_span.end_line, close_span.end_column)
            yield Finding(whole, straight, fix)
        elif len(families) > 1 and opening != chosen:
            yield Finding(open_span, f"mixed quotation marks: this release uses {chosen} elsewhere; use it here too")


@rule(
    "PR305",
    "quote-too-long",
    "warning",
    summary="A quotation over `quote-max-words` (80) words or `quote-max-sentences` (3) sentences.",
    why="Each quote should be one to three sentences and never a block of 80+ words (MediaHQ); GOV.UK allows "
    "no quote longer than 3 sentences (UKHSA guidance).",
    bad=example(
        "“Safe water changes everything. Children stay in school. Mothers no longer walk for hours. "
        "Clinics can wash their hands. Farms can grow more food,”" + _SAID
    ),
    good=_GOOD,
)
def quote_too_long(ctx: Context) -> Iterator[Finding]:
    max_words = ctx.thresholds["quote-max-words"]
    max_sentences = ctx.thresholds["quote-max-sentences"]
    for quote in ctx.release.quotes:
        span = _first_line(quote.span, ctx.release)
        if quote.words > max_words:
            yield Finding(
                span,
                f"quotation has {quote.words} {ctx.lang.counted} (limit {max_words}): cut it or paraphrase part of it",
            )
        elif quote.sentences > max_sentences:
            yield Finding(
                span,
                f"quotation has {quote.sentences} sentences (limit {max_sentences}): cut it or paraphrase part of it",
            )


def _groups(quotes: tuple[Quote, ...]) -> list[Quote]:
    """The first part of each quotation: parts split around one attribution count once."""
    firsts: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        same = (
            previous is not None
            and quote.speaker is not None
            and quote.speaker == previous.speaker
            and (
                quote.block == previous.block
                or (quote.kind == previous.kind != "inline" and quote.block == previous.block + 1)
            )
        )
        if not same:
            firsts.append(quote)
        previous = quote
    return firsts


@rule(
    "PR306",
    "too-many-quotes",
    "info",
    summary="More than `max-quotes` (4) quotations.",
    why='"No more than 4 quotes" (letsbeclear.co.uk) and one to three is the usual advice '
    "(MediaHQ, GOV.UK press-office guidance); beyond that the release reads as a transcript.",
    bad=example(
        *(
            paragraph
            for n in range(5)
            for paragraph in (
                f"“Safe water changes everything for family number {n} in the region,” said Grace Wanjiru.",
                "The plants were built over two years.",
            )
        )
    ),
    good=_GOOD,
)
def too_many_quotes(ctx: Context) -> Iterator[Finding]:
    limit = ctx.thresholds["max-quotes"]
    firsts = _groups(ctx.release.quotes)
    if len(firsts) > limit:
        yield Finding(
            _first_line(firsts[limit].span, ctx.release),
            f"the release has {len(firsts)} quotations (limit {limit}): keep the strongest ones",
        )


RULES: tuple[Rule, ...] = (
    no_quotes,
    unbalanced_quotes,
    unattributed_quote,
    quote_style,
    quote_too_long,
    too_many_quotes,
)
