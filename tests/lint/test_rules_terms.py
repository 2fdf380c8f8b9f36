"""House terms (PR801): whole words, outside quotations, code and URLs, fixable."""

from __future__ import annotations

from pressrelease.config import Config, LintConfig, Term
from pressrelease.lint.rules import terms
from pressrelease.lint.rules.terms import term

from .test_rules_headline import apply_fix, at, where
from .util import CLEAN, run_rule


def config(*entries: Term) -> Config:
    return Config(lint=LintConfig(terms=entries))


LITRES = config(Term("litres", "liters"))


def test_off_without_terms_and_quiet_on_clean() -> None:
    assert term in terms.RULES
    assert "litres" in CLEAN
    assert run_rule(term, CLEAN) == []
    assert run_rule(term, term.bad) == []  # the example needs its [lint.terms] entry
    kenia = config(Term("Kenia", "Kenya"))
    assert run_rule(term, term.bad, kenia) != []
    assert run_rule(term, term.good, kenia) == []
    assert run_rule(term, CLEAN, config(Term("Kenia", "Kenya"))) == []


def test_found_at_the_word_and_fixed() -> None:
    findings = run_rule(term, CLEAN, LITRES)
    line, column = at(CLEAN, "litres")
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(line, column, column + 6)]
    assert "'liters'" in findings[0].message
    fixed = apply_fix(CLEAN, findings[0].fix)
    assert fixed == CLEAN.replace("litres", "liters")
    assert run_rule(term, fixed, LITRES) == []


def test_case_follows_the_text_unless_case_sensitive() -> None:
    text = CLEAN.replace("six million litres", "six million Litres")
    findings = run_rule(term, text, LITRES)
    assert apply_fix(text, findings[0].fix) == CLEAN.replace("litres", "Liters")
    assert run_rule(term, text, config(Term("litres", "liters", case_sensitive=True))) == []


def test_whole_words_only() -> None:
    text = CLEAN.replace("six million litres", "six million litresful")
    assert run_rule(term, text, LITRES) == []
    assert run_rule(term, CLEAN, config(Term("litre", "liter"))) == []


def test_not_inside_quotations_unless_the_entry_says_so() -> None:
    text = CLEAN.replace("Each plant can treat six million litres a day", "Each plant can treat six million a day")
    text = text.replace("children stay in school", "children get litres of water")
    assert run_rule(term, text, LITRES) == []
    findings = run_rule(term, text, config(Term("litres", "liters", in_quotes=True)))
    assert where(findings) == [at(text, "litres")]


def test_not_inside_block_quotes_unless_the_entry_says_so() -> None:
    text = CLEAN.replace(
        "County officials said", "> Each family gets forty litres a day.\n> — Grace Wanjiru\n\nCounty officials said"
    )
    assert where(run_rule(term, text, LITRES)) == [at(text, "litres a day and")]
    assert len(run_rule(term, text, config(Term("litres", "liters", in_quotes=True)))) == 2


def test_not_in_urls_code_or_email_addresses() -> None:
    text = CLEAN.replace(
        "Photographs of the plants",
        "See https://example.org/litres and [the data](https://example.org/litres) or `litres` "
        "or litres@example.org. Photographs of the plants",
    )
    assert [f.span.line for f in run_rule(term, text, LITRES)] == [at(text, "litres a day")[0]]


def test_in_the_headline_too() -> None:
    text = CLEAN.replace("Three Treatment Plants", "Three Litres Plants")
    findings = run_rule(term, text, LITRES)
    assert where(findings)[0] == at(text, "Litres")
    assert apply_fix(text, findings[0].fix).startswith("---\ntitle: Water Authority Opens Three Liters Plants")


def test_a_term_of_two_words_across_a_line_break() -> None:
    text = CLEAN.replace("six million litres a day", "six million\nlitres a day")
    findings = run_rule(term, text, config(Term("million litres", "megalitres")))
    line, column = at(text, "million\nlitres")
    assert [(f.span.line, f.span.column, f.span.end_line) for f in findings] == [(line, column, line + 1)]
    fixed = apply_fix(text, findings[0].fix)
    assert "six megalitres a day" in fixed


def test_a_term_that_only_changes_case_leaves_the_right_form_alone() -> None:
    internet = config(Term("internet", "Internet"))
    assert run_rule(term, CLEAN.replace("solar power", "the Internet"), internet) == []
    text = CLEAN.replace("solar power", "the internet")
    findings = run_rule(term, text, internet)
    assert where(findings) == [at(text, "internet")]
    assert run_rule(term, apply_fix(text, findings[0].fix), internet) == []
    lower = config(Term("Internet", "internet"))
    assert where(run_rule(term, CLEAN.replace("solar power", "the Internet"), lower)) == [
        at(CLEAN.replace("solar power", "the Internet"), "Internet")
    ]
