"""Lint rules: headline (PR1xx).

The headline and subtitle live in the front matter, so positions point into the
YAML: the parser records where each value is written (``FrontMatter.values``), which
lets a finding (and the PR104 fix) point at the very character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Release, Span
from ...parse.word_count import count_words, has_han_or_kana
from ..registry import Context, Edit, Finding, Fix, Rule, rule
from ._example import example

#: A lower-case ASCII letter: a headline holding one is not in capitals, whatever else it holds.
_ASCII_LOWER = re.compile(r"[a-z]")
# Full stops that end an abbreviation, not the sentence: "Washington, D.C." or "Acme Inc."
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Bros|Plc|Ave|etc|No)\.)$")


def _front_matter_broken(release: Release) -> bool:
    return not release.front_matter.present or any(p.code in ("PR001", "PR004") for p in release.problems)


@rule(
    "PR101",
    "headline-missing",
    "error",
    summary="The front matter has no `title`, or it is empty.",
    why="The headline is the one line every editor reads and it must state the main content (Cision News "
    "rules); `title` is required.",
    bad=example(title='""'),
    good=example(),
)
def headline_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if _front_matter_broken(release):
        return
    value = release.front_matter.data.get("title")
    if value is None or (isinstance(value, str) and not value.strip()):
        span = release.front_matter.key_spans.get("title", Span.point(1))
        yield Finding(span, "the release has no headline: add a `title:` line to the front matter")


@rule(
    "PR102",
    "headline-too-long",
    "warning",
    summary="The headline is over `headline-max-chars` (100) characters or `headline-max-words` (24) words.",
    why="Google cuts headlines off at 65-80 characters while wires accept 100-125 (PR Daily), and a study of "
    "11,000 Business Wire releases advises at most 24 words (Schwartz MSL via Ann Wylie).",
    bad=example(
        title="Water Authority Opens Three New Treatment Plants in the Northern Region, Bringing Safe "
        "Drinking Water to About 400,000 People Who Now Rely on Trucked Water"
    ),
    good=example(title="Water Authority Opens Three Treatment Plants in Northern Region"),
)
def headline_too_long(ctx: Context) -> Iterator[Finding]:
    title = ctx.release.title
    if not title:
        return
    max_chars = ctx.thresholds["headline-max-chars"]
    max_words = ctx.thresholds["headline-max-words"]
    # Words as written between spaces; in Chinese, each character (parse/word_count.py).
    words = count_words(title) if has_han_or_kana(title) else len(title.split())
    if len(title) > max_chars:
        yield Finding(
            ctx.release.front_matter.value_span("title"),
            f"headline has {len(title)} characters (limit {max_chars}); shorten it and move detail to the subtitle",
        )
    elif words > max_words:
        yield Finding(
            ctx.release.front_matter.value_span("title"),
            f"headline has {words} {ctx.lang.counted} (limit {max_words}); shorten it and move detail to the subtitle",
        )


@rule(
    "PR103",
    "headline-all-caps",
    "warning",
    summary="The headline is written in capitals.",
    why="Cision News rules say headings must not be in all caps, and PRWeb lists CAPS for emphasis as a hype flag.",
    bad=example(title="WATER AUTHORITY OPENS THREE TREATMENT PLANTS"),
    good=example(),
)
def headline_all_caps(ctx: Context) -> Iterator[Finding]:
    title = ctx.release.title
    if not title or _ASCII_LOWER.search(title):
        return  # most headlines: no need to look at each letter
    letters = [ch for ch in title if ch.isalpha() and ch.lower() != ch.upper()]
    if len(letters) >= 8 and all(ch.isupper() for ch in letters) and len(title.split()) >= 2:
        yield Finding(
            ctx.release.front_matter.value_span("title"), "headline is in capitals: write it in sentence or title case"
        )


@rule(
    "PR104",
    "headline-trailing-period",
    "warning",
    fixable=True,
    summary="The headline ends with a full stop.",
    why="A headline is a label, not a sentence: news and wire headlines carry no final full stop "
    "(common newsroom practice; no style guide sets it as a rule).",
    bad=example(title="Water Authority Opens Three Treatment Plants."),
    good=example(),
)
def headline_trailing_period(ctx: Context) -> Iterator[Finding]:
    title = ctx.release.title
    if not title or not title.endswith((".", "。")) or title.endswith("..") or _ABBREVIATION_END.search(title):
        return  # "。": the Chinese full stop
    value = ctx.release.front_matter.data.get("title")
    where = ctx.release.front_matter.values.get("title")
    if not isinstance(value, str) or where is None or not where.mapped:
        yield Finding(ctx.release.front_matter.value_span("title"), "headline ends with a full stop: remove it")
        return
    dot = len(value.rstrip()) - 1
    span = where.locate(dot, dot + 1)
    fix = Fix("remove the full stop at the end of the headline", (Edit(span, ""),))
    yield Finding(span, "headline ends with a full stop: remove it", fix)


@rule(
    "PR105",
    "headline-exclamation",
    "warning",
    summary="The headline contains an exclamation mark.",
    why="PRWeb and Newswire.com guidelines name exclamation marks as hype flags, and prwires.com says a "
    "headline is not an exclamation.",
    bad=example(title="Water Authority Opens Three Treatment Plants!"),
    good=example(),
)
def headline_exclamation(ctx: Context) -> Iterator[Finding]:
    title = ctx.release.title
    if not title or ("!" not in title and "！" not in title):  # "！": the full-width mark of Chinese
        return
    value = ctx.release.front_matter.data.get("title")
    where = ctx.release.front_matter.values.get("title")
    if isinstance(value, str) and where is not None:
        index = min(i for i in (value.find("!"), value.find("！")) if i >= 0)
        span = where.locate(index, index + 1)
    else:
        span = ctx.release.front_matter.value_span("title")
    mark = "!" if "!" in title else "！"
    yield Finding(span, f"headline contains '{mark}': state the news plainly and let the facts carry it")


@rule(
    "PR106",
    "subtitle-too-long",
    "warning",
    summary="The subtitle is over `subtitle-max-chars` (250) characters.",
    why="A subhead or summary is one sentence of at most 250 characters (conversion-hub.com and rankxmedia.com "
    "editorial guidelines).",
    bad=example(subtitle="The plants will serve 400,000 people who now rely on trucked water, " * 4),
    good=example(subtitle="The plants will serve 400,000 people"),
)
def subtitle_too_long(ctx: Context) -> Iterator[Finding]:
    subtitle = ctx.release.subtitle
    limit = ctx.thresholds["subtitle-max-chars"]
    if subtitle and len(subtitle) > limit:
        yield Finding(
            ctx.release.front_matter.value_span("subtitle"),
            f"subtitle has {len(subtitle)} characters (limit {limit}); keep it to one short sentence",
        )


RULES: tuple[Rule, ...] = (
    headline_missing,
    headline_too_long,
    headline_all_caps,
    headline_trailing_period,
    headline_exclamation,
    subtitle_too_long,
)
