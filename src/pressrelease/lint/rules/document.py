"""Lint rules: document (PR001-PR006).

PR001-PR004 report what the parser recorded in ``release.problems``: the parser
is the one place that reads the file and the YAML, so it is the one place that
knows what went wrong with them. PR005 and PR006 look at the body's blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Block, Release, Span
from ..registry import Context, Finding, Rule, rule
from ._example import QUOTE, example

_GOOD = example(QUOTE)


def _problems(release: Release, code: str) -> Iterator[Finding]:
    for problem in release.problems:
        if problem.code == code:
            yield Finding(problem.span, problem.message)


@rule(
    "PR001",
    "front-matter-missing",
    "error",
    summary="The file has no YAML front matter, the YAML does not parse, or it is not a mapping.",
    why="Headline, date and contacts live in the front matter ; without it nothing else can be checked or rendered.",
    bad="Nairobi – Three new water treatment plants opened on 20 March 2026.\n",
    good=example(QUOTE, organization="", contacts=""),  # shown whole: the short form
)
def front_matter_missing(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx.release, "PR001")


@rule(
    "PR002",
    "unknown-key",
    "warning",
    summary="A front-matter key the release format does not define; the message suggests the closest known key.",
    why="A misspelt key (`subtitel`) is silently ignored by every renderer; the message names the closest known key.",
    bad=example(QUOTE, front="subtitel: The plants serve 400,000 people\n"),
    good=example(QUOTE, front="subtitle: The plants serve 400,000 people\n"),
)
def unknown_key(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx.release, "PR002")


@rule(
    "PR003",
    "invalid-value",
    "error",
    summary="A front-matter value of the wrong type or format (date, embargo, contacts, slug, language, profile).",
    why="A date that is not a date or contacts that are not a list cannot be rendered or checked; "
    "each key has one type.",
    bad=example(QUOTE, date="20/03/2026"),
    good=_GOOD,
)
def invalid_value(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx.release, "PR003")


@rule(
    "PR004",
    "unreadable",
    "error",
    summary="The file is not a regular UTF-8 text file, contains NUL bytes, is larger than 2 MB, or nests "
    "inline markup more than 32 deep; nothing else is checked.",
    why="A release is a small UTF-8 text file; anything else is a wrong file or a corrupt one, "
    "and reading further would only produce noise.",
    bad=_GOOD + "\x00",
    good=_GOOD,
)
def unreadable(ctx: Context) -> Iterator[Finding]:
    yield from _problems(ctx.release, "PR004")


def is_unreadable(release: Release) -> bool:
    """True when the parser gave up on the file (PR004): other rules then stay quiet."""
    return any(p.code == "PR004" for p in release.problems)


@rule(
    "PR005",
    "empty-body",
    "error",
    summary="The release has no body text after the front matter.",
    why="A release without text has nothing to send; the release needs at least its lede paragraph.",
    bad=example("## Contact", "Amina Odhiambo, amina@example.org", lede=None),
    good=_GOOD,
)
def empty_body(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if is_unreadable(release):
        return
    for index in release.body:
        block = release.blocks[index]
        if block.kind != "heading" and block.text.strip():
            return
    line = release.body_line_offset + 1
    yield Finding(Span.point(line), "the release has no body text: write the lede after the front matter")


def _heading_span(block: Block, lines: list[str]) -> Span:
    """The ``#`` marks of an ATX heading, or the text line of a setext heading."""
    line = block.span.line
    text = lines[line - 1] if line <= len(lines) else ""
    indent = len(text) - len(text.lstrip(" "))
    markup = block.tokens[0].markup
    width = len(markup) if markup.startswith("#") else len(text.rstrip()) - indent
    return Span(line, indent + 1, line, indent + 1 + max(width, 1))


@rule(
    "PR006",
    "heading-level",
    "warning",
    summary="A `#` heading in the body, or a heading that skips a level (`##` then `####`).",
    why="The headline (`title`) is the page's only level-1 heading; PR Newswire's accessibility checklist asks "
    "for real, ordered headings.",
    bad=example(QUOTE, "# Background", "The plants took two years to build."),
    good=example(QUOTE, "## Background", "The plants took two years to build."),
)
def heading_level(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    end_marks = {mark.block for mark in release.end_marks}
    lines: list[str] | None = None  # the text's lines, split only for a heading to report
    previous = 1  # the headline renders as the level-1 heading
    for index, block in enumerate(release.blocks):
        if block.kind != "heading" or index in end_marks or not block.tokens:
            continue
        if block.level == 1 or block.level > previous + 1:
            lines = release.lines if lines is None else lines
            span = _heading_span(block, lines)
            if block.level == 1:
                yield Finding(span, "level-1 heading in the body: the headline is `title`; use `##` for a subhead")
            else:
                want = "#" * (previous + 1)
                yield Finding(
                    span, f"heading skips from level {previous} to level {block.level}: use `{want}` for this heading"
                )
        previous = block.level


RULES: tuple[Rule, ...] = (
    front_matter_missing,
    unknown_key,
    invalid_value,
    unreadable,
    empty_body,
    heading_level,
)
