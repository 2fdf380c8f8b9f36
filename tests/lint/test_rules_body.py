"""Body and style rules (PR7xx): each defect planted in CLEAN, found where it was planted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pressrelease.config import DEFAULT, THRESHOLDS, for_path
from pressrelease.lint.registry import Context, Rule
from pressrelease.lint.rules import body, links
from pressrelease.lint.rules.body import _unquoted
from pressrelease.parse import parse, parse_file
from pressrelease.parse.language import language
from pressrelease.parse.quote_marks import scan

from .util import CLEAN, NOW, RELEASES, ROOT, errors_on, found, plant, run_rule, where

PLAIN = "County officials said the plants would also supply three hospitals and twelve schools."
NOTE = "Photographs of the plants are available on request."


@pytest.mark.parametrize("rule", body.RULES, ids=lambda r: r.code)
def test_clean_release_passes(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []
    assert run_rule(rule, CLEAN, profile="ap") == []


@pytest.mark.parametrize("rule", body.RULES, ids=lambda r: r.code)
def test_examples_bad_fails_good_passes(rule: Rule) -> None:
    assert run_rule(rule, rule.bad), f"{rule.code}: its bad example must fail"
    assert run_rule(rule, rule.good) == [], f"{rule.code}: its good example must pass"


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_real_releases_have_no_errors(path: Path) -> None:
    assert errors_on(path, body.RULES) == []


def test_seed_example_acronyms_are_all_known_or_spelled_out() -> None:
    path = ROOT / "examples" / "iom-minsk-2024-07-19.md"
    config = for_path(path)
    release = parse_file(path, config)
    ctx = Context(release, config, release.profile, config.lint.thresholds, language(release.language), NOW)
    assert list(body.acronym_undefined.check(ctx)) == []
    # Without the organisation's list, UNCNM, SDGs, SEEECA and GCM are still spelled out on first
    # use, and IOM too: the lede names the International Organization for Migration in full.
    text = path.read_text(encoding="utf-8").replace("organization: iom\n", "")
    for spelled_out, expected in ((True, []), (False, ["IOM"])):
        if not spelled_out:
            text = text.replace("International Organization for Migration", "migration agency")
        bare = parse(text, path, DEFAULT)
        ctx = Context(bare, DEFAULT, bare.profile, THRESHOLDS, language("en"), NOW)
        assert [f.message.split("'")[1] for f in body.acronym_undefined.check(ctx)] == expected


# -- PR701, PR702 ----------------------------------------------------------------------------------


def test_lede_too_long_points_after_the_dateline() -> None:
    text = plant(
        "to about 400,000 people.",
        "to about 400,000 people who until now have relied on water trucked in from the county capital.",
    )
    findings = run_rule(body.lede_too_long, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(20, 11)]
    assert "36 words (limit 35)" in findings[0].message


def test_lede_limit_is_a_threshold() -> None:
    # 23 words after "Nairobi – ": the dateline is not counted.
    assert found(body.lede_too_long, CLEAN, lede_max_words=22) == [(20, 11)]
    assert run_rule(body.lede_too_long, CLEAN, lede_max_words=23) == []


def test_body_too_short() -> None:
    start = CLEAN.index("The plants were built")
    text = CLEAN[:start] + CLEAN[CLEAN.index("“Safe water") :]
    findings = run_rule(body.body_length, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(20, 1)]
    assert "at least 250" in findings[0].message


def test_body_too_long() -> None:
    text = plant(PLAIN, " ".join([PLAIN] * 50))
    findings = run_rule(body.body_length, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(20, 1)]
    assert "at most 800" in findings[0].message


def test_sections_do_not_count_as_body() -> None:
    text = plant(NOTE, " ".join([NOTE] * 100))
    assert run_rule(body.body_length, text) == []


# -- PR703 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["TK", "TBD", "XXX", "TODO", "???", "[insert quote]", "[NAME]", "Lorem ipsum"])
def test_placeholder_in_body(token: str) -> None:
    text = plant("three hospitals", f"{token} hospitals")
    assert found(body.placeholder, text) == [where(text, token)]


def test_placeholder_in_title() -> None:
    text = plant("Three Treatment Plants", "TBD Treatment Plants")
    assert found(body.placeholder, text) == [(2, 30)]


@pytest.mark.parametrize(
    "title",
    [
        "'Pallas Thermal''s new pump [TK] launches'",  # '' is one quote: the value goes on past it
        '"Pallas Thermal\\"s new pump [TK] launches"',
        "Pallas Thermal's new pump [TK] launches  # a comment after it",
        "{'Pallas Thermal''s new pump [TK] launches'}",  # not text: no finding, and no crash
    ],
)
def test_placeholder_in_a_quoted_title_is_found_where_it_is_written(title: str) -> None:
    text = re.sub(r"^title: .*$", f"title: {title}", CLEAN, count=1, flags=re.MULTILINE)
    expected = [where(text, "TK]")] if not title.startswith("{") else []
    assert found(body.placeholder, text) == expected


def test_placeholder_in_a_folded_title_points_at_the_value() -> None:
    text = re.sub(
        r"^title: .*$", "title: >\n  Pallas Thermal's new pump\n  [TK] launches", CLEAN, count=1, flags=re.MULTILINE
    )
    assert found(body.placeholder, text) == [(2, 8)]


def test_placeholder_not_in_urls_code_or_words() -> None:
    for planted in (
        "three hospitals (see https://example.org/TBD/list)",
        "three hospitals (`TODO` in the code)",
        "three hospitals run by TKO Ltd",
        "three hospitals, XXL sizes",
    ):
        assert run_rule(body.placeholder, plant("three hospitals", planted)) == [], planted


# -- PR704 ---------------------------------------------------------------------------------------


def test_acronym_used_before_it_is_spelled_out() -> None:
    text = plant("County officials", "RWSB officials")
    findings = run_rule(body.acronym_undefined, text)
    assert [(f.span.line, f.span.column) for f in findings] == [where(text, "RWSB")]
    assert "RWSB" in findings[0].message


def test_acronym_reported_once_and_definition_later_does_not_excuse_it() -> None:
    text = plant("County officials", "RWSB officials")
    text = plant(
        "Photographs of the plants", "The Rural Water Services Board (RWSB) took photographs of the plants", text
    )
    text = plant("twelve schools", "twelve RWSB schools", text)
    assert found(body.acronym_undefined, text) == [where(text, "RWSB")]


@pytest.mark.parametrize(
    "planted",
    [
        "The Rural Water Services Board (RWSB) said. RWSB officials",
        "The RWSB (Rural Water Services Board) said. RWSB officials",
        "UN and EU officials",  # the common list
        "CWA officials",  # the organisation's acronyms
        "Phase II officials",  # a roman numeral
        "Officials (see https://example.org/RWSB or rwsb@example.org)",
    ],
)
def test_acronyms_that_are_fine(planted: str) -> None:
    assert run_rule(body.acronym_undefined, plant("County officials", planted)) == [], planted


def test_capitals_dateline_is_not_an_acronym() -> None:
    text = plant("Nairobi – Three", "NAIROBI, KENYA – Three")
    assert run_rule(body.acronym_undefined, text) == []


def test_capitals_label_line_is_not_acronyms() -> None:
    text = plant("Nairobi – Three", "FOR IMMEDIATE RELEASE\n\nNairobi – Three")
    assert run_rule(body.acronym_undefined, text) == []


# -- links and images ---------------------------------------------------------------------------------


def test_vague_link_text() -> None:
    text = plant(NOTE, "The photographs are [here](https://example.org/photos).")
    assert found(links.link_text, text) == [where(text, "[here]")]


def test_descriptive_link_text_is_fine() -> None:
    text = plant(NOTE, "See the [photographs of the plants](https://example.org/photos).")
    assert run_rule(links.link_text, text) == []


@pytest.mark.parametrize(
    "target", ["http://example.org/photos", "file:///home/amina/photos.html", "/press/photos", "javascript:alert(1)"]
)
def test_bad_link_targets(target: str) -> None:
    text = plant(NOTE, f"See the [photographs of the plants]({target}).")
    assert found(links.link_target, text) == [where(text, target)]


def test_bare_www_address_links_over_http() -> None:
    text = plant(NOTE, "Photographs are at www.example.org/photos.")
    assert found(links.link_target, text) == [where(text, "www.example.org")]


def _run_at(rule: Rule, text: str, path: Path) -> list[tuple[int, int]]:
    release = parse(text, path, DEFAULT)
    ctx = Context(release, DEFAULT, release.profile, THRESHOLDS, language("en"), NOW)
    return [(f.span.line, f.span.column) for f in rule.check(ctx)]


def test_relative_links_resolve_against_the_release_folder(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "plant one.jpg").write_bytes(b"jpg")
    good = plant(NOTE, "See the [photograph of the plant](photos/plant%20one.jpg#top).")
    assert _run_at(links.link_target, good, tmp_path / "release.md") == []
    bad = plant(NOTE, "See the [photograph of the plant](photos/missing.jpg).")
    assert _run_at(links.link_target, bad, tmp_path / "release.md") == [where(bad, "photos/missing.jpg")]


def test_image_without_alt_text() -> None:
    text = plant(NOTE, "![](plant.jpg)")
    assert found(links.image_alt_missing, text) == [where(text, "![](plant.jpg)")]
    assert run_rule(links.image_alt_missing, plant(NOTE, "![A treatment plant](plant.jpg)")) == []


def test_remote_image() -> None:
    text = plant(NOTE, "![A treatment plant](https://example.org/plant.jpg)")
    assert found(links.remote_image, text) == [where(text, "https://example.org/plant.jpg")]
    assert run_rule(links.remote_image, plant(NOTE, "[A treatment plant](https://example.org/plant.jpg)")) == []


# -- voice ----------------------------------------------------------------------------------------


def test_first_person_outside_quotes() -> None:
    text = plant("County officials said", "We said")
    assert found(body.first_person, text, profile="ap") == [where(text, "We said")]


def test_first_person_inside_quotes_is_fine() -> None:
    # CLEAN quotes "We trained two hundred technicians ...": inside the marks, so accepted.
    assert "“We trained" in CLEAN
    assert run_rule(body.first_person, CLEAN, profile="ap") == []


def test_first_person_is_on_only_in_ap() -> None:
    assert body.first_person.profiles == ("ap",)


def test_exclamation_outside_quotes() -> None:
    text = plant("twelve schools.", "twelve schools!")
    assert found(body.exclamation, text) == [where(text, "!")]


def test_exclamation_inside_quotes_and_images_is_fine() -> None:
    text = plant("for hours,”", "for hours!”")
    assert run_rule(body.exclamation, text) == []
    assert run_rule(body.exclamation, plant(NOTE, "![A treatment plant](plant.jpg)")) == []


def test_stock_ticker_is_not_an_undefined_acronym() -> None:
    text = plant("County officials", "Officials of Acme Inc. (NYSE: ACME) and county officials")
    assert run_rule(body.acronym_undefined, text) == []


def test_release_line_above_the_lede_is_not_the_lede() -> None:
    # The capitals dateline of the real lede is recognised, so NAIROBI is not an acronym,
    # and the release line's words are not counted as body or lede.
    text = plant("Nairobi – Three", "FOR IMMEDIATE RELEASE\n\nNAIROBI – Three")
    assert run_rule(body.acronym_undefined, text) == []
    assert run_rule(body.lede_too_long, text, lede_max_words=23) == []


@pytest.mark.parametrize(
    ("language", "planted"),
    [("es", "en el siglo XX"), ("ru", "в XX веке"), ("ru", "в ХХ веке"), ("en", "in the XX century")],
)
def test_roman_centuries_are_not_placeholders(language: str, planted: str) -> None:
    text = plant("language: en", f"language: {language}")
    assert run_rule(body.placeholder, plant("three hospitals", f"three hospitals {planted}", text)) == []
    planted = plant("three hospitals", "XX hospitals", text)
    assert found(body.placeholder, planted) == [where(planted, "XX hospitals")]


@pytest.mark.parametrize(
    ("language", "planted", "expected"),
    [
        ("es", "en el XX Congreso Nacional", []),  # an ordinal before a name
        ("fr", "lors du XXX Forum régional", []),
        ("es", "el XX de marzo", ["XX"]),  # a day left to fill in
        ("es", "el XX Marzo", ["XX"]),  # a month is not a name the numeral counts
        ("en", "at the XX Summit", ["XX"]),  # English puts the ordinal after the name
        ("es", "TODO LISTO para el invierno", []),  # a Spanish word, not a note to self
        ("en", "TODO check the figure", ["TODO"]),
    ],
)
def test_roman_ordinals_and_words_that_look_like_placeholders(language: str, planted: str, expected: list[str]) -> None:
    text = plant("language: en", f"language: {language}")
    planted_text = plant("three hospitals", f"three hospitals, {planted}", text)
    assert [f.message.split("'")[1] for f in run_rule(body.placeholder, planted_text)] == expected, planted


@pytest.mark.parametrize("target", ["bad%00name.pdf", "x" * 5000 + ".pdf", "](http://[x"])
def test_odd_relative_targets_never_raise(target: str, tmp_path: Path) -> None:
    text = plant(NOTE, f"See the [photograph of the plant]({target}).")
    assert len(_run_at(links.link_target, text, tmp_path / "release.md")) <= 1


def test_acronym_in_code_span_is_not_prose() -> None:
    assert run_rule(body.acronym_undefined, plant("County officials", "Officials (`RWSB` in the data)")) == []


_PIECES = st.sampled_from(
    [*"ab AB\n#-*_[]()!<>`:@+09.,“”«»\"'|/", "###", "ENDS", "## Contact\n", "## About x\n", "Email: a@b.co",
     "+41 79 403 5526", "EMBARGOED UNTIL 10:00 GMT", "](http://x)", "![", "XX", "UNCNM", "\n\n", "---\n"]
)  # fmt: skip
_FRONT = (
    "---\ntitle: T\ndate: 2026-03-20\nembargo: 2026-03-20T10:00:00+03:00\ncontacts:\n  - name: A\n    phone: '0'\n---\n"
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, max_size=60).map("".join), st.booleans())
def test_rules_never_raise_on_arbitrary_markdown(text: str, front: bool) -> None:
    from pressrelease.lint.rules import contacts, embargo, sections

    for rule in (*sections.RULES, *contacts.RULES, *embargo.RULES, *body.RULES):
        for finding in run_rule(rule, (_FRONT if front else "") + text):
            assert finding.span.line >= 1 and finding.message


@given(st.text(alphabet=st.sampled_from(list("AbcDEFXIVMs&_-é ÉÅǅßẞ1²Яя.\n(ⓐȘș")), max_size=16))
def test_capital_tokens_are_the_plain_forms_that_can_be_acronyms(text: str) -> None:
    """TOKEN puts the capital before its lookbehind and looks ahead for a second letter
    outside a-z (for speed): its matches are the plain form's tokens that have one, and
    they hold every token :func:`acronym` accepts."""
    from pressrelease.lint.rules._tokens import _UPPER, TOKEN, acronym

    plain = [m.span() for m in re.finditer(rf"(?<![\w&])[{_UPPER}][\w&]*", text)]

    def other_letter(char: str) -> bool:  # [^\W\d_a-z]: a word character, not a digit, _ or a-z
        return char.isalnum() and not char.isdecimal() and not "a" <= char <= "z"

    found = [m.span() for m in TOKEN.finditer(text)]
    assert found == [(a, b) for a, b in plain if any(other_letter(c) for c in text[a + 1 : b])]
    assert {(a, b) for a, b in plain if acronym(text[a:b]) is not None} <= set(found)


@given(st.text(alphabet=st.sampled_from(list("AbcDEFXIVMs&_é ÉÅǅßẞ1Яяⓐ")), min_size=1, max_size=8))
def test_acronym_shortcut_agrees_with_the_definition(token: str) -> None:
    """Two or more capitals, no lower-case letter, not a Roman numeral (plural s removed)."""
    from pressrelease.lint.rules._tokens import _ROMAN, acronym

    core = token[:-1] if len(token) > 2 and token.endswith("s") else token
    letters = [c for c in core if c.isalpha()]
    expected = (
        core
        if core[:1].isalpha()
        and core[:1].isupper()
        and sum(c.isupper() for c in letters) >= 2
        and not any(c.islower() for c in letters)
        and not _ROMAN.fullmatch(core)
        else None
    )
    assert acronym(token) == expected


@given(
    st.lists(st.sampled_from(["TK", "TKTK", "TBD", "XX", "XXXX", "???", "ХХ", "T", "X", "?", " ", "a", "_", "-", "\n"]))
)
def test_placeholder_tokens_match_the_lookbehind_first_pattern(parts: list[str]) -> None:
    from pressrelease.lint.rules._tokens import _token_pattern

    text = "".join(parts)
    for code in ("en", "ru"):
        tokens = language(code).placeholder_tokens
        alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
        plain = re.compile(rf"(?<![\w?])(?:{alternatives})(?![\w?])")
        pattern = _token_pattern(tokens)
        assert pattern is not None
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(
    st.lists(
        st.sampled_from(
            ["je", "Je", "j’", "J'", "nous", "vous", "we", "our", "ours", "I", " ", "a", "-", "’", "'", "_", "ai", "\n"]
        )
    )
)
def test_first_person_pattern_matches_the_grouped_form(parts: list[str]) -> None:
    from pressrelease.lint.rules._tokens import word_pattern

    text = "".join(parts)
    for code in ("en", "fr"):
        words = language(code).first_person
        ordered = sorted(words, key=len, reverse=True)
        whole = "|".join(re.escape(w) for w in ordered if not w.endswith(("'", "’")))
        elided = "|".join(re.escape(w) for w in ordered if w.endswith(("'", "’")))
        groups = [rf"(?:{whole})(?![\w-]|['’]\w)"] + ([rf"(?:{elided})(?=\w)"] if elided else [])
        plain = re.compile(rf"(?<![\w'’-])(?:{'|'.join(groups)})")
        pattern = word_pattern(words)
        assert pattern is not None
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@example([" ", "(", "Full Name", ")"])
@example(["aABC", " ", "(", "Full Name", ")", "ABC", "\n", "(", "a, Full Name", ")"])
@given(st.lists(st.sampled_from(["ABC", "a", "é", "1", "&", "_", " ", "\n", "(", ")", ",", "Full Name"]), max_size=12))
def test_expansion_pattern_matches_the_plain_form(parts: list[str]) -> None:
    """_DEFINED_BEFORE starts only at a word's start and never backtracks into the word (for
    speed); its matches are those of the plain pattern."""
    from pressrelease.lint.rules._tokens import _DEFINED_BEFORE

    text = "".join(parts)
    plain = re.compile(r"([\w&]+)\s+\(([^()]{4,})\)")
    assert [(*m.groups(), m.span()) for m in _DEFINED_BEFORE.finditer(text)] == [
        (*m.groups(), m.span()) for m in plain.finditer(text)
    ]


@given(
    st.lists(
        st.sampled_from(
            [
                "[insert ",
                "[",
                "]",
                "[NAME]",
                "name",
                " einfügen]",
                "[hier einfügen",
                "[à compléter",
                "lorem ipsum",
                "TBD",
                " ",
                "\n",
            ]
        )
    ),
    st.sampled_from(["en", "de", "fr", "es", "ru"]),
)
def test_bracketed_placeholders_are_looked_for_only_up_to_the_last_bracket(parts: list[str], code: str) -> None:
    """The same placeholders as every token and pattern over the whole text gives (a run of
    "[insert " stays linear; a block no pattern lets in is cleared at once)."""
    from pressrelease.lint.rules._tokens import Placeholders, _token_pattern

    text = "".join(parts)
    lang = language(code)
    tokens = _token_pattern(lang.placeholder_tokens)
    patterns = (*lang.placeholder_patterns, *([tokens] if tokens is not None else []))
    everywhere = sorted((m.start(), m.end(), m.group(0)) for pattern in patterns for m in pattern.finditer(text))
    expected, seen_until = [], -1
    for start, end, what in everywhere:
        if start >= seen_until:
            seen_until = end
            expected.append((start, end, what))
    assert Placeholders(lang).find(text) == expected  # "TBD" is no Roman numeral: every token match counts


@given(
    st.lists(
        st.sampled_from(["TK", "XX", "XXI", "???", "?", "[NAME]", "[insert ", "]", "Lorem Ipsum", "siglo ", " ", "a"])
    ),
    st.sampled_from(["en", "es", "ru"]),
)
def test_placeholders_cleared_at_once_are_those_every_pattern_finds(parts: list[str], code: str) -> None:
    """The first test that clears a block (no ``]``, no token or phrase) loses no placeholder."""
    from pressrelease.lint.rules._tokens import Placeholders, _is_numeral, _token_pattern

    text = "".join(parts)
    lang = language(code)
    tokens = _token_pattern(lang.placeholder_tokens)
    assert tokens is not None
    everywhere = sorted(
        [(m.start(), m.end(), m.group(0)) for m in tokens.finditer(text) if not _is_numeral(text, *m.span(), lang)]
        + [(m.start(), m.end(), m.group(0)) for pattern in lang.placeholder_patterns for m in pattern.finditer(text)]
    )
    expected, seen_until = [], -1
    for start, end, what in everywhere:
        if start >= seen_until:
            seen_until = end
            expected.append((start, end, what))
    assert Placeholders(lang).find(text) == expected


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["“", "”", '"', "«", "»", "!", "we", " ", "Done. ", "a"]), max_size=40))
def test_marks_outside_quotations_are_those_in_no_quoted_stretch(pieces: list[str]) -> None:
    """The walk over the quoted stretches keeps exactly the matches no stretch holds."""
    text = "".join(pieces)
    quoted = [(m.start, m.end + 1) for m in scan(text)[0]]
    expected = [m.start() for m in re.finditer("!|we", text) if not any(s <= m.start() < e for s, e in quoted)]
    assert [m.start() for m in _unquoted(re.finditer("!|we", text), quoted)] == expected


def test_exclamations_in_thousands_of_quotations_are_not_flagged() -> None:
    text = plant("twelve schools.", "twelve schools. " + '"!" ' * 5_000 + "Done!")
    line, column = where(text, "Done!")
    assert found(body.exclamation, text) == [(line, column + len("Done"))]
