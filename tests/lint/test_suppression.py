"""Suppression comments: ranges, next line, own line, whole file; PR009 and PR010."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.config import Config
from pressrelease.lint.engine import Diagnostic, lint
from pressrelease.lint.fix import apply
from pressrelease.parse import parse

from .fakes import BASE, NOW

HEAD = """\
---
title: Test Release
date: 2026-03-20
location: Nairobi
---

"""


def run(body: str, **options: object) -> list[Diagnostic]:
    text = HEAD + body
    return lint(parse(text, None, Config()), Config(), rules=BASE, now=NOW, **options)  # type: ignore[arg-type]


def found(body: str, **options: object) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in run(body, **options)]


def test_disable_next_line_silences_only_that_line_and_those_rules() -> None:
    body = "<!-- pressrelease-disable-next-line PR901 -->\nA WORD here.\n\nAnother WORD.\n"
    assert found(body, select=["PR901"]) == [("PR901", 10)]
    # PR902 is not named: it still fires on line 8
    assert ("PR902", 8) in found(body)


def test_next_line_skips_blank_lines() -> None:
    body = "<!-- pressrelease-disable-next-line PR901 -->\n\nA WORD here.\n"
    assert found(body, select=["PR901"]) == []


def test_disable_enable_range_with_names_commas_and_a_reason() -> None:
    body = (
        "<!-- pressrelease-disable word-found, PR902 the agency spells it this way -->\n"
        "A WORD here.\n\nAnother WORD.\n\n"
        "<!-- pressrelease-enable word-found PR902 -->\n\n"
        "Last WORD.\n"
    )
    assert found(body) == [("PR901", 14), ("PR902", 14)]


def test_disable_without_enable_runs_to_the_end_of_the_file() -> None:
    body = "First WORD.\n\n<!-- pressrelease-disable PR901 -->\n\nA WORD.\n\nAnother WORD.\n"
    assert found(body, select=["PR901"]) == [("PR901", 7)]


def test_disable_line_and_disable_file() -> None:
    assert found("A WORD here. <!-- pressrelease-disable-line PR901 -->\n", select=["PR901"]) == []
    body = "A WORD.\n\n<!-- pressrelease-disable-file PR901 -->\n\nAnother WORD.\n"
    assert found(body, select=["PR901"]) == []


def test_ordinary_comments_are_not_directives() -> None:
    body = "<!-- a note for the editor: check PR901 -->\nA WORD here.\n"
    assert found(body, select=["PR901"]) == [("PR901", 8)]


def test_unknown_code_is_a_bad_suppression_and_known_ones_still_work() -> None:
    body = "<!-- pressrelease-disable-next-line PR901, PR977 -->\nA WORD here.\n"
    result = run(body)
    assert [(d.code, d.span.line, d.severity) for d in result if d.code == "PR009"] == [("PR009", 7, "warning")]
    assert "PR977" in next(d.message for d in result if d.code == "PR009")
    assert ("PR901", 8) not in [(d.code, d.span.line) for d in result]


def test_unknown_directive_and_missing_codes_are_bad_suppressions() -> None:
    messages = [d.message for d in run("<!-- pressrelease-disabel PR901 -->\n\nText.\n") if d.code == "PR009"]
    assert len(messages) == 1 and "unknown directive" in messages[0]
    messages = [d.message for d in run("<!-- pressrelease-disable because reasons -->\n\nText.\n") if d.code == "PR009"]
    assert len(messages) == 1 and "names no rule" in messages[0]


def test_unused_suppression_is_reported_with_a_fix_that_removes_the_comment() -> None:
    body = "Intro.\n\n<!-- pressrelease-disable-next-line PR901 -->\nNothing to see.\n"
    result = run(body)
    unused = [d for d in result if d.code == "PR010"]
    assert len(unused) == 1
    assert (unused[0].span.line, unused[0].severity, unused[0].name) == (9, "info", "unused-suppression")
    assert unused[0].fix is not None
    fixed, applied = apply(HEAD + body, unused)
    assert applied == 1
    assert fixed == HEAD + "Intro.\n\nNothing to see.\n"


def test_removing_a_comment_between_two_text_lines_keeps_them_apart() -> None:
    body = "Intro line.\n<!-- pressrelease-disable-next-line PR901 -->\nNothing to see.\n"
    unused = [d for d in run(body) if d.code == "PR010"]
    fixed, _ = apply(HEAD + body, unused)
    assert fixed == HEAD + "Intro line.\n\nNothing to see.\n"


def test_unused_range_removes_the_disable_and_its_enable() -> None:
    body = "<!-- pressrelease-disable PR901 -->\n\nClean.\n\n<!-- pressrelease-enable PR901 -->\n\nEnd.\n"
    unused = [d for d in run(body) if d.code == "PR010"]
    fixed, _ = apply(HEAD + body, unused)
    assert fixed == HEAD + "\nClean.\n\n\nEnd.\n"
    assert "pressrelease" not in fixed


def test_partly_used_suppression_is_reported_without_a_fix() -> None:
    body = "<!-- pressrelease-disable-next-line PR901 PR903 -->\nA WORD here.\n"
    unused = [d for d in run(body, extend_select=["PR903"]) if d.code == "PR010"]
    assert len(unused) == 1 and unused[0].fix is None and "PR903" in unused[0].message


def test_suppressions_of_rules_that_did_not_run_are_not_unused() -> None:
    body = "<!-- pressrelease-disable-next-line PR901 -->\nNothing to see.\n"
    assert [d for d in run(body, select=["PR902", "PR010"]) if d.code == "PR010"] == []
    # PR903 is off in the default profile: a suppression of it is not stale
    assert [d for d in run("<!-- pressrelease-disable-file PR903 -->\n\nText.\n") if d.code == "PR010"] == []


def test_pr009_and_pr010_follow_the_selection() -> None:
    body = "<!-- pressrelease-disable-next-line PR977 -->\n\n<!-- pressrelease-disable-file PR901 -->\nText.\n"
    assert {d.code for d in run(body)} == {"PR009", "PR010"}
    assert {d.code for d in run(body, ignore=["PR009", "unused-suppression"])} == set()


def test_a_double_dash_starts_the_reason() -> None:
    body = "<!-- pressrelease-disable-next-line PR901 -- follow-up with the desk -->\nA WORD here.\n"
    assert found(body, select=["PR901", "PR009"]) == []
    body = "<!-- pressrelease-disable-next-line PR901 follow-up with the desk -->\nA WORD here.\n"
    assert found(body, select=["PR901", "PR009"]) == [("PR009", 7)]  # 'follow-up' reads as a rule name


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("pressrelease-disablnxtfi PR0139,word-found-- \n")), max_size=60))
def test_any_comment_text_is_read_without_crashing(comment: str) -> None:
    body = f"<!-- pressrelease-{comment.replace('-->', '')} -->\nA WORD here.\n\nAnother WORD.\n"
    result = run(body)
    for diagnostic in result:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
    unused = [d for d in result if d.code == "PR010" and d.fix is not None]
    fixed, _ = apply(HEAD + body, unused)
    assert fixed.count("WORD") == 2  # removing a suppression never touches the text around it
