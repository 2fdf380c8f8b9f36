"""Section and end-mark rules (PR4xx): each defect planted in CLEAN, found where it was planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease.lint.registry import Rule
from pressrelease.lint.rules import sections

from .util import CLEAN, RELEASES, errors_on, found, plant, run_rule, where

NOTES = "## Notes to editors\n\nPhotographs of the plants are available on request.\n\n"
CONTACT = "## Contact\n\nAmina Odhiambo, Communications Officer, CWA\nEmail: amina.odhiambo@example.org\nTel: +254 20 555 0142\n"
ABOUT = "## About the Clean Water Alliance\n\nThe Clean Water Alliance brings safe water to rural communities.\n\n"


@pytest.mark.parametrize("rule", sections.RULES, ids=lambda r: r.code)
def test_clean_release_passes(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []


@pytest.mark.parametrize("rule", sections.RULES, ids=lambda r: r.code)
def test_examples_bad_fails_good_passes(rule: Rule) -> None:
    assert run_rule(rule, rule.bad), f"{rule.code}: its bad example must fail"
    assert run_rule(rule, rule.good) == [], f"{rule.code}: its good example must pass"


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_real_releases_have_no_errors(path: Path) -> None:
    assert errors_on(path, sections.RULES) == []


def test_notes_missing_points_at_the_end_mark() -> None:
    text = plant(NOTES, "")
    assert found(sections.editors_notes_missing, text) == [where(text, "###")]


def test_notes_missing_without_end_mark_points_at_first_section() -> None:
    text = plant("###\n\n" + NOTES, "")
    assert found(sections.editors_notes_missing, text) == [where(text, "## Contact")]


def test_background_heading_counts_as_notes() -> None:
    assert run_rule(sections.editors_notes_missing, plant("## Notes to editors", "## Background")) == []


def test_section_order_notes_after_contact() -> None:
    text = plant(NOTES + CONTACT, CONTACT + "\n" + NOTES)
    assert found(sections.section_order, text) == [where(text, "## Notes to editors")]


def test_section_order_end_mark_after_notes() -> None:
    text = plant("###\n\n" + NOTES, NOTES + "###\n\n")
    assert found(sections.section_order, text) == [where(text, "###")]


def test_about_just_before_the_end_mark_is_accepted() -> None:
    text = plant("###\n\n", ABOUT + "###\n\n")
    assert run_rule(sections.section_order, text) == []


def test_about_after_contact_is_out_of_order() -> None:
    text = CLEAN + "\n" + ABOUT
    assert found(sections.section_order, text) == [where(text, "## About")]


def test_empty_notes_section() -> None:
    text = plant(NOTES, "## Notes to editors\n\n")
    assert found(sections.empty_section, text) == [where(text, "## Notes to editors")]


def test_empty_contact_section_at_end_of_file() -> None:
    text = plant(CONTACT, "## Contact\n")
    assert found(sections.empty_section, text) == [where(text, "## Contact")]


def test_boilerplate_missing_points_at_organization() -> None:
    text = plant("  boilerplate: The Clean Water Alliance brings safe water to rural communities in East Africa.\n", "")
    assert found(sections.boilerplate_missing, text) == [where(text, "organization:")]


def test_about_section_stands_in_for_boilerplate() -> None:
    text = plant("  boilerplate: The Clean Water Alliance brings safe water to rural communities in East Africa.\n", "")
    text = plant(CONTACT, ABOUT + CONTACT, text)
    assert run_rule(sections.boilerplate_missing, text) == []


def test_about_section_too_long() -> None:
    long_about = "## About the Clean Water Alliance\n\n" + "The Alliance works in rural communities. " * 21 + "\n\n"
    text = plant(CONTACT, long_about + CONTACT)
    findings = run_rule(sections.boilerplate_too_long, text)
    assert [(f.span.line, f.span.column) for f in findings] == [where(text, "The Alliance works")]
    assert "126 words (limit 100)" in findings[0].message


def test_organisation_boilerplate_too_long_by_threshold() -> None:
    findings = run_rule(sections.boilerplate_too_long, CLEAN, boilerplate_max_words=10)
    assert [(f.span.line, f.span.column) for f in findings] == [where(CLEAN, "boilerplate:")]
    assert "13 words (limit 10)" in findings[0].message


def test_duplicate_contact_section() -> None:
    text = CLEAN + "\n## Media contacts\n\nJohn Mwangi, john.mwangi@example.org\n"
    assert found(sections.duplicate_section, text) == [where(text, "## Media contacts")]


def test_two_about_sections_of_a_joint_release_are_not_duplicates() -> None:
    second = "## About the Water Fund\n\nThe Water Fund finances rural water projects.\n\n"
    text = plant(CONTACT, ABOUT + second + CONTACT)
    assert run_rule(sections.duplicate_section, text) == []
    assert found(sections.duplicate_section, plant(CONTACT, ABOUT + ABOUT + CONTACT)) == [(40, 1)]


def test_body_text_after_the_end_mark() -> None:
    text = plant("###\n\n", "###\n\nThe plants will open to visitors in April.\n\n")
    assert found(sections.end_mark, text) == [where(text, "The plants will open")]


def test_second_end_mark() -> None:
    text = plant("## Contact", "###\n\n## Contact")
    assert found(sections.end_mark, text) == [(36, 1)]
    assert "first is on line 30" in run_rule(sections.end_mark, text)[0].message


def test_ends_form_end_mark_is_accepted() -> None:
    assert run_rule(sections.end_mark, plant("###\n", "ENDS\n")) == []


def test_stray_subhead_and_its_text_after_the_end_mark_are_one_finding() -> None:
    stray = "## Related links\n\n- [Report](https://example.org/report)\n- [Photos](https://example.org/photos)\n\n"
    text = plant("###\n\n", "###\n\n" + stray)
    findings = run_rule(sections.end_mark, text)
    first = where(text, "## Related links")
    assert [(f.span.line, f.span.column) for f in findings] == [first]
    assert findings[0].span.end_line >= first[0] + 3  # through the last list item


def test_end_mark_closes_the_about_section() -> None:
    # About just before the end mark; the paragraph after the mark is not boilerplate.
    text = plant("###\n\n", ABOUT + "###\n\nPhotos by Amina Odhiambo.\n\n")
    assert found(sections.end_mark, text) == [where(text, "Photos by")]
    # The About text has 10 words; with the 4 words after the end mark it would have 14.
    assert run_rule(sections.boilerplate_too_long, text, boilerplate_max_words=10) == []
    assert "10 words" in run_rule(sections.boilerplate_too_long, text, boilerplate_max_words=9)[0].message
