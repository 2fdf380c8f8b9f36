"""Quotation rules (PR301-PR306), planted into CLEAN."""

from __future__ import annotations

import pytest

from pressrelease.lint.registry import Rule
from pressrelease.lint.rules import quotes
from pressrelease.lint.rules.quotes import (
    no_quotes,
    quote_style,
    quote_too_long,
    too_many_quotes,
    unattributed_quote,
    unbalanced_quotes,
)
from pressrelease.model import Release
from pressrelease.parse import parse

from .test_rules_headline import apply_fix, at, where
from .util import CLEAN, run_rule


def parse_text(text: str) -> Release:
    return parse(text)


FIRST = "“Safe water changes everything for a family: children stay in school and mothers no longer walk for hours,”"
SECOND = "“We trained two hundred technicians so that the plants keep running long after the ribbon is cut,”"
SAID = " said Grace Wanjiru, director of the Clean Water Alliance."


@pytest.mark.parametrize("rule", quotes.RULES, ids=lambda r: r.code)
def test_clean_release_and_examples(rule: Rule) -> None:
    assert FIRST + SAID in CLEAN and SECOND + " she added." in CLEAN
    for profile in ("default", "un", "ap", "uk"):
        assert run_rule(rule, CLEAN, profile=profile) == []
    assert run_rule(rule, rule.good) == []
    assert run_rule(rule, rule.bad) != []


def test_pr301_no_quotation_anywhere() -> None:
    text = CLEAN.replace(FIRST + SAID + "\n\n", "").replace(SECOND + " she added.\n\n", "")
    findings = run_rule(no_quotes, text)
    line, _ = at(text, "Nairobi –")
    assert where(findings) == [(line, 1)]


def test_pr302_quotation_never_closed() -> None:
    text = CLEAN.replace(FIRST, FIRST[:-2] + ",")
    findings = run_rule(unbalanced_quotes, text)
    assert where(findings) == [at(text, "“Safe water")]
    assert "never closed" in findings[0].message


def test_pr302_stray_closing_mark() -> None:
    text = CLEAN.replace("County officials said", "County officials” said")
    line, column = at(text, "officials”")
    assert where(run_rule(unbalanced_quotes, text)) == [(line, column + len("officials"))]


def test_pr303_quotation_without_speaker() -> None:
    text = CLEAN.replace(SECOND + " she added.", SECOND[:-2] + ".”")
    findings = run_rule(unattributed_quote, text)
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [
        (*at(text, "“We trained"), at(text, "“We trained")[1] + len(SECOND))
    ]


def test_pr303_a_pronoun_with_nobody_named_before_it_is_no_speaker() -> None:
    text = CLEAN.replace(FIRST + SAID, FIRST[:-2] + ".”")
    assert where(run_rule(unattributed_quote, text)) == [at(text, "“Safe water"), at(text, SECOND)]


def test_pr303_block_quote_with_dash_attribution_is_attributed() -> None:
    block = "> “Safe water changes everything for a family.”\n> — Grace Wanjiru, director of the Alliance"
    text = CLEAN.replace(FIRST + SAID, block)
    assert run_rule(unattributed_quote, text) == []
    text = CLEAN.replace(FIRST + SAID, "> “Safe water changes everything for a family.”")
    assert where(run_rule(unattributed_quote, text))[0] == at(text, "> “Safe")


def test_pr304_straight_quotes_are_found_and_fixed() -> None:
    straight = '"' + FIRST[1:-1] + '"'
    text = CLEAN.replace(FIRST, straight)
    findings = run_rule(quote_style, text)
    line, column = at(text, straight)
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [
        (line, column, column + len(straight))
    ]
    fixed = apply_fix(text, findings[0].fix)
    assert fixed == CLEAN
    assert run_rule(quote_style, fixed) == []


def test_pr304_french_gets_guillemets_with_no_break_spaces() -> None:
    text = CLEAN.replace("language: en", "language: fr").replace(
        "County officials said", 'Le ministre a parlé de "villages pilotes". County officials said'
    )
    text = text.replace(FIRST, "« " + FIRST[1:-1] + " »").replace(SECOND, "« " + SECOND[1:-1] + " »")
    findings = run_rule(quote_style, text)
    assert where(findings) == [at(text, '"villages')]
    fixed = apply_fix(text, findings[0].fix)
    assert "«\u00a0villages pilotes\u00a0»" in fixed
    assert run_rule(quote_style, fixed) == []


def test_pr304_a_french_release_that_uses_english_marks_keeps_them() -> None:
    text = CLEAN.replace("language: en", "language: fr").replace(
        "County officials said", 'Le ministre a parlé de "villages pilotes". County officials said'
    )
    findings = run_rule(quote_style, text)
    assert apply_fix(text, findings[0].fix).count("“villages pilotes”") == 1


def test_pr304_mixed_curly_marks_flag_the_odd_ones() -> None:
    text = CLEAN.replace(SECOND, "«" + SECOND[1:-1] + "»")
    findings = run_rule(quote_style, text)
    assert where(findings) == [at(text, "«")]
    assert findings[0].fix is None
    assert "“" in findings[0].message


def test_pr304_straight_quotes_in_code_and_link_titles_are_not_prose() -> None:
    text = CLEAN.replace(
        "County officials said",
        'Run `echo "hello there"` or see [the log](https://example.org "The log"). County officials said',
    )
    assert run_rule(quote_style, text) == []


def test_pr305_too_many_words() -> None:
    findings = run_rule(quote_too_long, CLEAN, quote_max_words=17)
    assert where(findings) == [at(CLEAN, FIRST)]
    assert "18 words (limit 17)" in findings[0].message
    assert run_rule(quote_too_long, CLEAN, quote_max_words=18) == []


def test_pr305_too_many_sentences() -> None:
    long = "“Safe water changes everything. Children stay in school. Mothers rest. Clinics stay clean,”"
    text = CLEAN.replace(FIRST, long)
    findings = run_rule(quote_too_long, text)
    assert where(findings) == [at(text, long)]
    assert "4 sentences (limit 3)" in findings[0].message


def test_pr306_more_quotations_than_the_limit() -> None:
    findings = run_rule(too_many_quotes, CLEAN, max_quotes=1)
    assert where(findings) == [at(CLEAN, SECOND)]
    assert "2 quotations (limit 1)" in findings[0].message


def test_pr306_a_quotation_split_around_its_attribution_counts_once() -> None:
    split = FIRST + SAID[:-1] + ". “It is the best investment a county can make.”"
    text = CLEAN.replace(FIRST + SAID, split)
    assert run_rule(too_many_quotes, text, max_quotes=2) == []
    assert run_rule(too_many_quotes, text, max_quotes=1) != []


@pytest.mark.parametrize(
    "title",
    [
        "the report “Leveraging Human Mobility to Rescue the 2030 Agenda” online",
        "the campaign “Every Child Counts in the National Census,” which",
    ],
)
def test_pr303_a_quoted_title_is_not_a_quotation(title: str) -> None:
    text = CLEAN.replace("Photographs of the plants are", f"See {title} Photographs of the plants are")
    assert run_rule(unattributed_quote, text) == []
    speech = CLEAN.replace("Photographs of the plants are", "“We need more plants in every village.” Photographs are")
    assert where(run_rule(unattributed_quote, speech)) == [at(speech, "“We need")]


def test_pr304_straight_marks_follow_the_curly_marks_the_release_already_uses() -> None:
    text = CLEAN.replace(FIRST, "«" + FIRST[1:-1] + "»").replace(SECOND, "«" + SECOND[1:-1] + "»")
    text = text.replace("County officials said", 'Officials spoke of "pilot villages". County officials said')
    findings = run_rule(quote_style, text)
    assert where(findings) == [at(text, '"pilot')]
    fixed = apply_fix(text, findings[0].fix)
    assert "«pilot villages»" in fixed
    assert run_rule(quote_style, fixed) == []


def test_pr303_an_unsure_speaker_is_attributed_not_an_error() -> None:
    lede_names = "Grace Wanjiru and Amos Kiprop toured the plant."
    text = CLEAN.replace(FIRST + SAID, lede_names)
    quote = parse_text(text).quotes[0]
    assert quote.speaker is None and quote.unsure_speaker is not None and quote.attributed
    assert run_rule(unattributed_quote, text) == []


def test_pr306_paragraphs_of_one_statement_count_once() -> None:
    statement = (
        "Grace Wanjiru, director of the Clean Water Alliance, said:\n\n"
        "We trained two hundred technicians this year.\n\n"
        "Our plants will keep running long after the ribbon is cut."
    )
    text = CLEAN.replace(FIRST + SAID, statement).replace(SECOND + " she added.", "")
    assert [q.kind for q in parse_text(text).quotes] == ["paragraph", "paragraph"]
    assert run_rule(too_many_quotes, text, max_quotes=1) == []
