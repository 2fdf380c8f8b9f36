"""Small test-only rules, so the engine is tested apart from the real catalogue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pressrelease.lint.registry import Context, Edit, Finding, Fix, Rule, rule
from pressrelease.lint.rules.suppression import RULES as SUPPRESSION_RULES
from pressrelease.model import Span

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

TEXT = """\
---
title: Test Release
date: 2026-03-20
location: Nairobi
---

Nairobi – First paragraph with WORD in it.

Second paragraph, also with WORD.

Third paragraph without it.
"""


def _find_word(context: Context, word: str) -> Iterator[tuple[Span, int]]:
    for number, line in enumerate(context.release.source.split("\n"), start=1):
        start = line.find(word)
        while start >= 0:
            yield Span(number, start + 1, number, start + 1 + len(word)), start
            start = line.find(word, start + 1)


@rule("PR901", "word-found", "warning", summary="WORD", why="test", bad="", good="")
def word_found(context: Context) -> Iterator[Finding]:
    for span, _ in _find_word(context, "WORD"):
        yield Finding(span, "WORD is here")


@rule("PR902", "word-lower", "info", summary="WORD", why="test", bad="", good="", fixable=True)
def word_lower(context: Context) -> Iterator[Finding]:
    for span, _ in _find_word(context, "WORD"):
        yield Finding(span, "write it in lower case", Fix("lower-case it", (Edit(span, "word"),)))


@rule("PR903", "ap-only", "warning", summary="ap", why="test", bad="", good="", profiles=("ap",))
def ap_only(context: Context) -> Iterator[Finding]:
    yield Finding(Span.point(1), f"profile {context.profile}")


@rule("PR904", "crashes", "info", summary="boom", why="test", bad="", good="")
def crashes(context: Context) -> Iterator[Finding]:
    raise ValueError("boom")
    yield  # pragma: no cover


@rule("PR001", "front-matter-missing", "error", summary="fm", why="test", bad="", good="")
def front_matter(context: Context) -> Iterator[Finding]:
    """Reports the parse problem, as the real PR001 does: the one way it reaches the findings."""
    for problem in context.release.problems:
        if problem.code == "PR001":
            yield Finding(problem.span, problem.message)


@rule("PR004", "unreadable", "error", summary="unreadable", why="test", bad="", good="")
def unreadable(context: Context) -> Iterator[Finding]:
    for problem in context.release.problems:
        if problem.code == "PR004":
            yield Finding(problem.span, problem.message)


SEEN_NOW: list[dt.datetime] = []


@rule("PR905", "clock", "info", summary="clock", why="test", bad="", good="")
def clock(context: Context) -> Iterator[Finding]:
    SEEN_NOW.append(context.now)
    return iter(())


@rule("PR906", "deletes-word", "warning", summary="bad fix", why="test", bad="", good="", fixable=True)
def deletes_word(context: Context) -> Iterator[Finding]:
    for span, _ in _find_word(context, "WORD"):
        yield Finding(span, "would delete", Fix("delete it", (Edit(span, ""),)))


@rule("PR907", "exclaim", "warning", summary="one ! per round", why="test", bad="", good="", fixable=True)
def exclaim(context: Context) -> Iterator[Finding]:
    """Wants three '!' after 'Third paragraph'; adds one per finding, one finding per round."""
    for number, line in enumerate(context.release.source.split("\n"), start=1):
        if line.startswith("Third paragraph") and not line.endswith("!!!"):
            end = len(line) + 1
            yield Finding(Span(number, 1, number, end), "more!", Fix("add one", (Edit(Span.point(number, end), "!"),)))


BASE: tuple[Rule, ...] = (word_found, word_lower, ap_only, front_matter, unreadable, *SUPPRESSION_RULES)
ALL: tuple[Rule, ...] = (*BASE, crashes, clock, deletes_word, exclaim)
