"""Embargo rules (PR6xx): each defect planted in CLEAN, found where it was planted.

``run_rule`` runs with now = 2026-03-01 12:00 UTC; CLEAN is dated 2026-03-20.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.lint.registry import Rule
from pressrelease.lint.rules import embargo

from .util import CLEAN, RELEASES, errors_on, found, run_rule

LEDE = "Nairobi – Three new"


def with_embargo(value: str) -> str:
    """CLEAN with ``embargo: value`` on line 5."""
    return CLEAN.replace("date: 2026-03-20\n", f"date: 2026-03-20\nembargo: {value}\n", 1)


def with_line(line: str, text: str = CLEAN) -> str:
    """``text`` with a paragraph ``line`` before the lede."""
    return text.replace(LEDE, f"{line}\n\n{LEDE}", 1)


@pytest.mark.parametrize("rule", embargo.RULES, ids=lambda r: r.code)
def test_clean_release_passes(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []
    assert run_rule(rule, with_embargo("2026-03-20T10:00:00+03:00")) == []
    assert run_rule(rule, with_embargo("2026-03-20 10:00 Africa/Nairobi")) == []


@pytest.mark.parametrize("rule", embargo.RULES, ids=lambda r: r.code)
def test_examples_bad_fails_good_passes(rule: Rule) -> None:
    assert run_rule(rule, rule.bad), f"{rule.code}: its bad example must fail"
    assert run_rule(rule, rule.good) == [], f"{rule.code}: its good example must pass"


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_real_releases_have_no_errors(path: Path) -> None:
    assert errors_on(path, embargo.RULES) == []


def test_embargo_without_zone() -> None:
    assert found(embargo.embargo_no_timezone, with_embargo("2026-03-20T10:00:00")) == [(5, 10)]


def test_embargo_date_only() -> None:
    findings = run_rule(embargo.embargo_no_timezone, with_embargo("2026-03-20"))
    assert [(f.span.line, f.span.column) for f in findings] == [(5, 10)]
    assert "no time or zone" in findings[0].message


def test_unreadable_embargo_is_left_to_pr003() -> None:
    assert run_rule(embargo.embargo_no_timezone, with_embargo("2026-03-20 10:00 Mars/Olympus")) == []


def test_embargo_date_mismatch() -> None:
    assert found(embargo.embargo_date_mismatch, with_embargo("2026-03-21T09:00:00+03:00")) == [(5, 10)]


def test_embargo_local_date_is_compared_not_utc() -> None:
    # 23:30 in New York on the 20th is the 21st in UTC: the local date is what counts.
    assert run_rule(embargo.embargo_date_mismatch, with_embargo("2026-03-20T23:30:00-05:00")) == []
    assert found(embargo.embargo_date_mismatch, with_embargo("2026-03-21 00:30 Europe/London")) == [(5, 10)]


def test_embargo_passed() -> None:
    assert found(embargo.embargo_passed, with_embargo("2026-02-27T10:00:00+03:00")) == [(5, 10)]


def test_embargo_passed_uses_now_not_the_clock() -> None:
    # 2026-03-01 12:00 UTC is 15:00 in Nairobi: 14:59 has passed, 15:01 has not.
    assert found(embargo.embargo_passed, with_embargo("2026-03-01T14:59:00+03:00")) == [(5, 10)]
    assert run_rule(embargo.embargo_passed, with_embargo("2026-03-01T15:01:00+03:00")) == []


def test_embargo_line_standing_in_for_front_matter() -> None:
    text = with_line("**EMBARGOED UNTIL 10:00 EAT, 20 March 2026**")
    assert found(embargo.embargo_text, text) == [(20, 3)]


def test_embargo_line_that_agrees_is_accepted() -> None:
    base = with_embargo("2026-03-20T10:00:00+03:00")
    for line in (
        "EMBARGOED UNTIL 10:00 EAT, 20 March 2026",
        "EMBARGOED UNTIL 07:00 GMT, 20 March 2026",
        "EMBARGO: Not for publication or broadcast before 10.00 hours, Friday, 20 March 2026",
        "Embargoed until 3:00 AM ET, March 20, 2026",
    ):
        assert run_rule(embargo.embargo_text, with_line(line, base)) == [], line


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("EMBARGOED UNTIL 11:00 EAT, 20 March 2026", "time"),
        ("EMBARGOED UNTIL 10:00 EAT, 21 March 2026", "date"),
        ("Not for publication before 9:00 a.m. on 20 March 2026", "time"),
    ],
)
def test_embargo_line_that_disagrees(line: str, what: str) -> None:
    text = with_line(line, with_embargo("2026-03-20T10:00:00+03:00"))
    findings = run_rule(embargo.embargo_text, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(21, 1)]
    assert f"different {what}" in findings[0].message


def test_the_word_embargo_in_prose_is_not_an_embargo_line() -> None:
    text = with_line("Embargo on arms sales was lifted on 3 March 2026, officials said.")
    assert run_rule(embargo.embargo_text, text) == []


def test_pr604_an_impossible_offset_is_an_unknown_zone_not_a_crash() -> None:
    text = CLEAN.replace("Nairobi – Three", "EMBARGOED UNTIL 10:00 GMT+41 20 March 2026\n\nNairobi – Three")
    findings = run_rule(embargo.embargo_text, text)
    assert len(findings) == 1


@given(
    st.lists(
        st.sampled_from(
            [
                "EMBARGOED UNTIL ",
                "Embargo: ",
                "not for publication\nbefore ",
                "NOT FOR RELEASE ",
                "until",
                "> **",
                "10:00 GMT",
                "禁发",
                "\n",
                " ",
                "A long line of ordinary prose about the plans of the water authority. ",
            ]
        )
    ),
    st.sampled_from(["en", "fr", "ru", "zh", "ar"]),
)
def test_embargo_lines_are_found_at_line_starts_as_the_scan_finds_them(parts: list[str], code: str) -> None:
    """One attempt a line (long lines) or the scan (short ones): the same matches either way."""
    text = "".join(parts)
    pattern = embargo._line_pattern(code)
    assert [m.span() for m in embargo._at_line_starts(pattern, text)] == [m.span() for m in pattern.finditer(text)]
