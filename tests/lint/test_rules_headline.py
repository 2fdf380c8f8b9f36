"""Headline rules (PR101-PR106): each planted into CLEAN, found at the planted position."""

from __future__ import annotations

import pytest

from pressrelease.lint.registry import Finding, Fix, Rule
from pressrelease.lint.rules import headline
from pressrelease.lint.rules.headline import (
    headline_all_caps,
    headline_exclamation,
    headline_missing,
    headline_too_long,
    headline_trailing_period,
    subtitle_too_long,
)

from .util import CLEAN, run_rule

TITLE = "Water Authority Opens Three Treatment Plants in Northern Region"


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The 1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def where(findings: list[Finding]) -> list[tuple[int, int]]:
    return [(f.span.line, f.span.column) for f in findings]


def apply_fix(text: str, fix: Fix | None) -> str:
    """The text with every edit of ``fix`` applied (edits never overlap)."""
    assert fix is not None
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    for edit in sorted(fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        start = offset(edit.span.line, edit.span.column)
        end = offset(edit.span.end_line, edit.span.end_column)
        text = text[:start] + edit.text + text[end:]
    return text


@pytest.mark.parametrize("rule", headline.RULES, ids=lambda r: r.code)
def test_clean_release_and_good_example_give_nothing(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []
    assert run_rule(rule, rule.good) == []
    assert run_rule(rule, rule.bad) != []


def test_pr101_title_key_missing_points_at_start() -> None:
    text = CLEAN.replace(f"title: {TITLE}\n", "")
    assert where(run_rule(headline_missing, text)) == [(1, 1)]


def test_pr101_empty_title_points_at_its_key() -> None:
    text = CLEAN.replace(f"title: {TITLE}", 'title: ""')
    assert where(run_rule(headline_missing, text)) == [(2, 1)]


def test_pr101_quiet_when_the_front_matter_itself_is_broken() -> None:
    text = CLEAN.replace("date: 2026-03-20", "date: [2026")
    assert run_rule(headline_missing, text) == []


def test_pr102_too_many_characters() -> None:
    long_title = TITLE + ", Bringing Safe Drinking Water to About 400,000 People Who Now Buy It"
    text = CLEAN.replace(TITLE, long_title)
    findings = run_rule(headline_too_long, text)
    assert where(findings) == [at(text, long_title)]
    assert f"{len(long_title)} characters" in findings[0].message
    assert findings[0].span.end_column == findings[0].span.column + len(long_title)


def test_pr102_too_many_words_uses_the_threshold() -> None:
    assert len(TITLE.split()) == 9
    findings = run_rule(headline_too_long, CLEAN, headline_max_words=8)
    assert where(findings) == [at(CLEAN, TITLE)]
    assert "9 words (limit 8)" in findings[0].message
    assert run_rule(headline_too_long, CLEAN, headline_max_words=9) == []


def test_pr103_all_caps() -> None:
    text = CLEAN.replace(TITLE, TITLE.upper())
    assert where(run_rule(headline_all_caps, text)) == [at(text, TITLE.upper())]


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        ("ВОДОКАНАЛ ОТКРЫВАЕТ ТРИ ОЧИСТНЫЕ СТАНЦИИ", True),  # no ASCII letter: each letter is looked at
        ("ÉNERGIE SOLAIRE À LYON-SUD, TROIS CENTRALES", True),
        ("ÉNERGIE SOLAIRE À LYON-SUD, TROIS CENTRALEs", False),
        ("ÉNERGIE SOLAIRE À LYON-SUD, TROIS CENTRALÉé", False),  # a lower-case letter outside ASCII
    ],
)
def test_pr103_capitals_in_any_script(title: str, flagged: bool) -> None:
    text = CLEAN.replace(TITLE, title)
    assert where(run_rule(headline_all_caps, text)) == ([at(text, title)] if flagged else [])


def test_pr103_an_acronym_in_a_normal_headline_is_fine() -> None:
    text = CLEAN.replace(TITLE, "UNICEF and WHO Open Three Treatment Plants")
    assert run_rule(headline_all_caps, text) == []


def test_pr104_trailing_full_stop_is_found_and_fixed() -> None:
    text = CLEAN.replace(TITLE, TITLE + ".")
    findings = run_rule(headline_trailing_period, text)
    line, column = at(text, TITLE)
    assert where(findings) == [(line, column + len(TITLE))]
    fixed = apply_fix(text, findings[0].fix)
    assert fixed == CLEAN
    assert run_rule(headline_trailing_period, fixed) == []


@pytest.mark.parametrize("quoted", [f'"{TITLE}."', f"'{TITLE}.'", f"'{TITLE}.'  # a comment"])
def test_pr104_fix_inside_quoted_values(quoted: str) -> None:
    text = CLEAN.replace(f"title: {TITLE}", f"title: {quoted}")
    findings = run_rule(headline_trailing_period, text)
    assert where(findings) == [(2, 8 + 1 + len(TITLE))]
    fixed = apply_fix(text, findings[0].fix)
    assert fixed == CLEAN.replace(f"title: {TITLE}", f"title: {quoted.replace('.', '', 1)}")
    assert run_rule(headline_trailing_period, fixed) == []


@pytest.mark.parametrize(
    "title", ["Pallas Thermal Opens Plant in Washington, D.C.", "Merger Completes With Acme Inc.", "And Then..."]
)
def test_pr104_abbreviations_and_ellipses_are_not_full_stops(title: str) -> None:
    assert run_rule(headline_trailing_period, CLEAN.replace(TITLE, title)) == []


def test_pr104_folded_title_is_reported_at_the_value_without_a_fix() -> None:
    text = CLEAN.replace(f"title: {TITLE}", "title: >-\n  Water Authority Opens Plants.")
    findings = run_rule(headline_trailing_period, text)
    assert where(findings) == [(2, 8)]  # the value as a whole, from its '>-'
    assert findings[0].fix is None


def test_pr104_fix_removes_the_full_stop_inside_quotes_with_an_escape() -> None:
    text = CLEAN.replace(f"title: {TITLE}", "title: 'Pallas Thermal''s Plant Opens.'  # final")
    (finding,) = run_rule(headline_trailing_period, text)
    assert finding.fix is not None
    assert where([finding]) == [at(text, ".'")]


def test_pr105_points_at_the_exclamation_mark() -> None:
    text = CLEAN.replace("Three Treatment", "Three! Treatment")
    assert where(run_rule(headline_exclamation, text)) == [at(text, "!")]


def test_pr106_subtitle_over_the_limit() -> None:
    subtitle = "The plants will serve 400,000 people who now rely on trucked water"
    longer = (subtitle + ", ") * 4 + "and more"
    text = CLEAN.replace(subtitle, longer)
    assert where(run_rule(subtitle_too_long, text)) == [at(text, longer)]
    assert run_rule(subtitle_too_long, CLEAN, subtitle_max_chars=len(subtitle) - 1) != []
    assert run_rule(subtitle_too_long, CLEAN, subtitle_max_chars=len(subtitle)) == []
