"""Document rules (PR001-PR006), and the precision bar for the groups owned here.

The precision test runs every rule of the document, headline, dateline, quotes
and terms groups over each release in examples/ and tests/fixtures/releases/
with that file's discovered config: none may give an error, and the warnings on
the examples are the ones reviewed by hand (listed below).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressrelease.config import for_path
from pressrelease.lint.registry import Context, Rule
from pressrelease.lint.rules import dateline, document, headline, quotes, terms
from pressrelease.lint.rules.document import (
    empty_body,
    front_matter_missing,
    heading_level,
    invalid_value,
    unknown_key,
    unreadable,
)
from pressrelease.parse import parse_file
from pressrelease.parse.language import language

from .test_rules_headline import at, where
from .util import CLEAN, run_rule

ROOT = Path(__file__).resolve().parents[2]
RELEASES = sorted([*(ROOT / "examples").glob("*.md"), *(ROOT / "tests/fixtures/releases").glob("*.md")])
OWN_RULES: tuple[Rule, ...] = (*document.RULES, *headline.RULES, *dateline.RULES, *quotes.RULES, *terms.RULES)
# Warnings and infos on the examples, each read and judged right: the 2024 IOM
# release really does end its dateline with a hyphen where UN style has an en dash.
REVIEWED = {("iom-minsk-2024-07-19.md", "PR203")}
FRONT_END = CLEAN.index("---\n", 4) + 4  # offset just after the closing fence
BODY_START = CLEAN.index("Nairobi –")
SECTIONS = CLEAN.index("###\n")


def findings_for(path: Path) -> list[tuple[str, str, str, int, int, str]]:
    config = for_path(path)
    release = parse_file(path, config)
    lang = language(release.language)
    limits = config.lint.thresholds_for(lang.thresholds)
    context = Context(release, config, release.profile, limits, lang, dt.datetime.now(dt.UTC))
    found = []
    for rule in OWN_RULES:
        if release.profile in rule.profiles:
            for f in rule.check(context):
                found.append((path.name, rule.code, rule.severity, f.span.line, f.span.column, f.message))
    return found


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_no_error_on_real_releases(path: Path) -> None:
    errors = [f for f in findings_for(path) if f[2] == "error"]
    assert errors == []


def test_warnings_on_the_examples_are_the_reviewed_ones() -> None:
    assert len(RELEASES) >= 5
    found = {(f[0], f[1]) for path in RELEASES if path.parent.name == "examples" for f in findings_for(path)}
    assert found == REVIEWED


@pytest.mark.parametrize("rule", document.RULES, ids=lambda r: r.code)
def test_clean_release_and_examples(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []
    assert run_rule(rule, rule.good) == []
    assert run_rule(rule, rule.bad) != []


def test_pr001_no_front_matter() -> None:
    text = CLEAN[FRONT_END:]
    findings = run_rule(front_matter_missing, text)
    assert where(findings) == [(1, 1)]
    assert "'---'" in findings[0].message


def test_pr001_yaml_error_points_at_its_line() -> None:
    text = CLEAN.replace("location: Nairobi", "location: Nairobi: Kenya")
    findings = run_rule(front_matter_missing, text)
    line, column = at(text, ": Kenya")
    assert where(findings) == [(line, column)]
    assert "YAML" in findings[0].message


def test_pr001_front_matter_that_is_not_a_mapping() -> None:
    text = "---\n- title\n- date\n---\n" + CLEAN[FRONT_END:]
    assert where(run_rule(front_matter_missing, text)) == [(1, 1)]


def test_pr002_unknown_key_with_suggestion() -> None:
    text = CLEAN.replace("tags: [water, Kenya]", "tgas: [water, Kenya]")
    findings = run_rule(unknown_key, text)
    assert where(findings) == [at(text, "tgas")]
    assert "did you mean 'tags'" in findings[0].message


def test_pr003_invalid_date() -> None:
    text = CLEAN.replace("date: 2026-03-20", "date: 20 March 2026")
    findings = run_rule(invalid_value, text)
    assert where(findings) == [at(text, "date: 20 March")]


def test_pr004_nul_byte_in_the_text() -> None:
    planted = CLEAN.replace("six million", "six\x00million")
    findings = run_rule(unreadable, planted)
    assert [f.span.line for f in findings] == [at(planted, "\x00")[0]]


def test_pr004_invalid_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_bytes(CLEAN.encode("utf-8").replace("Nairobi –".encode(), b"Nairobi \x96"))
    release = parse_file(path)
    context = Context(release, for_path(path), "default", {}, language("en"), dt.datetime.now(dt.UTC))
    findings = list(unreadable.check(context))
    assert [f.span.line for f in findings] == [at(CLEAN, "Nairobi –")[0]]
    assert "UTF-8" in findings[0].message
    assert list(empty_body.check(context)) == []  # nothing else is judged in that file


def test_pr005_no_body_text() -> None:
    text = CLEAN[:FRONT_END] + "\n" + CLEAN[SECTIONS:]
    assert where(run_rule(empty_body, text)) == [(at(CLEAN, "---\n\n")[0] + 1, 1)]


def test_pr005_a_heading_alone_is_no_body() -> None:
    text = CLEAN[:FRONT_END] + "\n## Background\n"
    assert run_rule(empty_body, text) != []


def test_pr006_level_one_heading() -> None:
    text = CLEAN.replace("County officials said", "# Next steps\n\nCounty officials said")
    findings = run_rule(heading_level, text)
    line, column = at(text, "# Next steps")
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column, column + 1)]


def test_pr006_skipped_level() -> None:
    text = CLEAN.replace("County officials said", "## Next steps\n\nText.\n\n#### Detail\n\nCounty officials said")
    findings = run_rule(heading_level, text)
    assert where(findings) == [at(text, "#### Detail")]
    assert "use `###`" in findings[0].message


def test_pr006_first_subhead_at_level_three_skips_level_two() -> None:
    text = CLEAN.replace("County officials said", "### Next steps\n\nCounty officials said")
    assert where(run_rule(heading_level, text)) == [at(text, "### Next steps")]


def test_pr006_the_end_mark_is_not_a_heading() -> None:
    assert "\n###\n" in CLEAN
    assert run_rule(heading_level, CLEAN) == []
