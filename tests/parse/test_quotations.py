"""Every quotation form finds its speaker; scare quotes are not quotations; marks pair up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.model import Quote, Release, Span
from pressrelease.parse import parse
from pressrelease.parse.quote_marks import scan


def release(body: str, language: str = "en") -> Release:
    front = f"---\ntitle: T\ndate: 2024-07-19\nlanguage: {language}\n---\n\n"
    return parse(front + "GENEVA – The agency met today.\n\n" + body)


def only(body: str, language: str = "en") -> Quote:
    quotes = release(body, language).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


def speakers(body: str, language: str = "en") -> list[str | None]:
    return [q.speaker for q in release(body, language).quotes]


def text_at(r: Release, span: Span) -> str:
    return r.source.split("\n")[span.line - 1][span.column - 1 : span.end_column - 1]


QUOTE = "We will build more homes this year than in any year before"


def test_seed_pronoun_after_a_named_mention() -> None:
    body = (
        "In his opening remarks, Dr. Rasul Baghirov, UN Resident Coordinator in Belarus, highlighted "
        "that well managed migration contributes to development.\n\n"
        f"“{QUOTE},” he remarked."
    )
    quote = only(body)
    assert quote.speaker == "Dr. Rasul Baghirov"
    assert quote.verb == "remarked" and quote.attributed
    r = release(body)
    assert quote.speaker_span is not None and text_at(r, quote.speaker_span) == "he"


def test_pronoun_after_a_mention_without_a_speech_verb() -> None:
    body = f"Jane Doe, chief executive of Acme, opened the new plant on Monday.\n\n“{QUOTE},” she remarked."
    assert speakers(body) == ["Jane Doe"]


def test_pronoun_follows_the_latest_person_introduced() -> None:
    body = (
        f"“{QUOTE},” said Jane Doe.\n\n"
        "John Roe, director of the plant, opened the new wing on Monday.\n\n"
        "“It is a proud day for every worker in this town,” he remarked.\n\n"
        "In Geneva, the agency hosted a meeting on the plans.\n\n"
        "“We will be back next year with twice as many partners,” he added."
    )
    assert speakers(body) == ["Jane Doe", "John Roe", "John Roe"]


def test_pronoun_after_a_mention_in_the_same_paragraph() -> None:
    body = f"Jane Doe, chief executive of Acme, opened the plant. “{QUOTE},” she said."
    assert speakers(body) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        (f"“{QUOTE},” said Jane Doe, chief executive of Acme.", "Jane Doe", "said"),
        (f"“{QUOTE},” Jane Doe said.", "Jane Doe", "said"),
        (f"Jane Doe, director of Acme, said: “{QUOTE}.”", "Jane Doe", "said"),
        (f"According to Jane Doe, “{QUOTE.lower()}.”", "Jane Doe", "According to"),
        (f"“{QUOTE},” said Dr. Karen Holloway, chief medical officer.", "Dr. Karen Holloway", "said"),
        (f"“{QUOTE},” says Prof. Li Wei.", "Prof. Li Wei", "says"),
        (f"“{QUOTE},” added Ms. Ana Ruiz of Acme.", "Ms. Ana Ruiz", "added"),
        (f"“{QUOTE},” noted Jean-Luc Martin, the mayor.", "Jean-Luc Martin", "noted"),
    ],
)
def test_english_attribution_forms(body: str, speaker: str, verb: str) -> None:
    quote = only(body)
    assert (quote.speaker, quote.verb, quote.attributed) == (speaker, verb, True)
    r = release(body)
    assert quote.speaker_span is not None and text_at(r, quote.speaker_span) == speaker


def test_a_quote_split_around_its_attribution() -> None:
    quotes = release("“First,” said Ana Ruiz. “Second.”").quotes
    assert [(q.text, q.speaker) for q in quotes] == [("First,", "Ana Ruiz"), ("Second.", "Ana Ruiz")]


def test_a_long_quote_split_around_its_attribution() -> None:
    body = f"“{QUOTE},” said Ana Ruiz, director of research at Acme. “Nobody else is building at this pace.”"
    assert speakers(body) == ["Ana Ruiz", "Ana Ruiz"]


def test_block_quote_with_a_dash_line() -> None:
    body = f"> “{QUOTE}.”\n> — Dr. Rasul Baghirov, UN Resident Coordinator in Belarus"
    r = release(body)
    quote = r.quotes[0]
    assert (quote.kind, quote.speaker, quote.attributed) == ("block", "Dr. Rasul Baghirov", True)
    assert quote.text == QUOTE + "."
    assert quote.open_mark == "“" and quote.close_mark == "”"
    assert quote.speaker_span is not None and text_at(r, quote.speaker_span) == "Dr. Rasul Baghirov"
    assert quote.span.line == 9 and quote.span.end_line == 10


@pytest.mark.parametrize("dash", ["—", "–", "--"])
def test_block_quote_dash_forms_without_marks(dash: str) -> None:
    quote = only(f"> {QUOTE}.\n>\n> {dash} Jane Doe, Director of Acme")
    assert (quote.kind, quote.speaker, quote.open_mark) == ("block", "Jane Doe", None)
    assert quote.text == QUOTE + "."


def test_gov_uk_said_colon_then_two_block_quotes() -> None:
    body = (
        "The Floods Minister, Sarah Whitfield, said:\n\n"
        "> “Every winter, families on our coast watch the forecast and wonder.”\n\n"
        "> “We are working with councils so that spades are in the ground by May.”\n\n"
        "The department will publish progress twice a year."
    )
    quotes = release(body).quotes
    assert [(q.kind, q.speaker, q.verb) for q in quotes] == [("block", "Sarah Whitfield", "said")] * 2


def test_intro_does_not_carry_past_a_paragraph() -> None:
    body = (
        "The Floods Minister, Sarah Whitfield, said:\n\n"
        "> “Every winter, families on our coast watch the forecast and wonder.”\n\n"
        "The department will publish progress twice a year.\n\n"
        "> “A block quote with nobody introducing it at all.”"
    )
    assert speakers(body) == ["Sarah Whitfield", None]


@pytest.mark.parametrize(
    ("body", "language", "speaker", "verb"),
    [
        (
            "« Nous construirons plus de logements que jamais cette année », a déclaré Marie Dupont.",
            "fr",
            "Marie Dupont",
            "a déclaré",
        ),
        ("“Construiremos más viviendas que nunca este año”, dijo Ana Ruiz.", "es", "Ana Ruiz", "dijo"),
        ("«Construiremos más viviendas que nunca este año», afirmó Ana Ruiz.", "es", "Ana Ruiz", "afirmó"),
        ("«Мы построим больше домов, чем когда-либо», — сказал Иван Петров.", "ru", "Иван Петров", "сказал"),
        ("«Мы построим больше домов, чем когда-либо», — отметила Ольга Морозова.", "ru", "Ольга Морозова", "отметила"),
    ],
)
def test_localised_attribution(body: str, language: str, speaker: str, verb: str) -> None:
    quote = only(body, language)
    assert (quote.speaker, quote.verb, quote.attributed) == (speaker, verb, True)


def test_french_inversion_resolves_to_the_last_speaker() -> None:
    body = (
        "« Nous construirons plus de logements que jamais cette année », a déclaré Marie Dupont.\n\n"
        "« Et nous les construirons plus vite que prévu, partout en France », a-t-elle ajouté."
    )
    assert speakers(body, "fr") == ["Marie Dupont", "Marie Dupont"]


def test_unattributed_quotation() -> None:
    quote = only(f"“{QUOTE}.”")
    assert quote.speaker is None and not quote.attributed and quote.verb is None
    assert quote.words == 12 and quote.sentences == 1


@pytest.mark.parametrize(
    "body",
    [
        "The report criticised the so-called “experts” and their “plans”.",
        "The agency launched its “Safe Water” campaign in March.",
        'The "Open Code" programme runs in 118 libraries.',
        "Программа «Открытый код» работает с 2023 года.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotations(body: str) -> None:
    r = release(body, "ru" if "Программа" in body else "en")
    assert r.quotes == ()
    assert [p for p in r.problems if p.code == "PR302"] == []


def test_six_words_or_end_punctuation_make_a_quotation() -> None:
    assert len(release("They called it “a plan for every single family here” in May.").quotes) == 1
    assert len(release("She answered “Never.” and left the room.").quotes) == 1
    assert release("She called it “a plan” in May.").quotes == ()


def test_a_multi_paragraph_quotation_is_not_unbalanced() -> None:
    body = (
        "“This is the first paragraph of a long statement that goes on.\n\n"
        "“And this is the second paragraph, which closes the statement,” said Jane Doe."
    )
    r = release(body)
    assert [p for p in r.problems if p.code == "PR302"] == []
    assert [(q.close_mark, q.speaker) for q in r.quotes] == [(None, "Jane Doe"), ("”", "Jane Doe")]


def test_an_unclosed_quotation_is_reported_once() -> None:
    r = release(f"“{QUOTE}, said Jane Doe.\n\nThe plant opens in May.")
    problems = [p for p in r.problems if p.code == "PR302"]
    assert len(problems) == 1
    assert problems[0].span == Span(9, 1, 9, 2)
    assert "never closed" in problems[0].message


def test_a_stray_closing_mark_is_reported() -> None:
    r = release("The plant opens in May.” It will employ 60 people.")
    problems = [p for p in r.problems if p.code == "PR302"]
    assert len(problems) == 1
    assert problems[0].span.line == 9 and text_at(r, problems[0].span) == "”"


def test_quotes_in_about_and_contact_sections_are_ignored() -> None:
    body = f"## About Acme\n\nAcme’s motto is “{QUOTE}.”\n\n## Contact\n\nJane Doe, jane@example.org"
    assert release(body).quotes == ()


def test_quotes_in_code_and_links_are_not_marks() -> None:
    marks, stray = scan('Use `"` or see [the “guide”](https://example.org/“x”) now.')
    assert [(m.open, m.close) for m in marks] == [("“", "”")]
    assert stray == []


def test_scan_nested_and_unpaired() -> None:
    marks, stray = scan("«Il a dit “oui” hier», puis » seul.")
    assert [(m.start, m.open, m.close) for m in marks] == [(0, "«", "»")]
    assert stray == [28]


def test_inline_quote_span_covers_the_marks() -> None:
    r = release(f"“{QUOTE},” said Jane Doe.")
    quote = r.quotes[0]
    assert text_at(r, quote.span) == f"“{QUOTE},”"
    assert quote.block == r.body[1]


def _scan_every_character(text: str) -> tuple[list[tuple[int, int, str, str | None]], list[int]]:
    """The first version of quotes.scan, one character at a time: the reference for the fast one."""
    import re

    from pressrelease.parse.quote_marks import CLOSERS, PAIRS

    masked = re.sub(r"`[^`]*`|\]\([^)]*\)|<[a-z]+:[^>]*>", lambda m: " " * len(m.group(0)), text)
    stack: list[tuple[int, str]] = []
    marks: list[tuple[int, int, str, str | None]] = []
    stray: list[int] = []
    for i, ch in enumerate(masked):
        if stack and ch in PAIRS[stack[-1][1]]:
            start, opener = stack.pop()
            if not stack:
                marks.append((start, i, opener, ch))
        elif (
            ch in PAIRS
            and len(stack) == 1
            and stack[0][1] == ch
            and re.search(r"[.!?…]\s+$", masked[max(0, i - 8) : i])
        ):
            start, opener = stack.pop()
            marks.append((start, i, opener, None))
            stray.append(start)
            stack.append((i, ch))
        elif ch in PAIRS:
            stack.append((i, ch))
        elif ch in CLOSERS:
            stray.append(i)
    for start, opener in stack[:1]:
        marks.append((start, len(text), opener, None))
    stray.extend(start for start, _ in stack)
    return sorted(marks), sorted(stray)


@given(
    st.lists(st.sampled_from([*'“”«»„"「」`[]()<a:> \n.', "](http://x)", "`c`", "<http:x>"]), max_size=40).map("".join)
)
def test_scan_finds_what_a_character_by_character_scan_finds(text: str) -> None:
    marks, stray = scan(text)
    assert ([(m.start, m.end, m.open, m.close) for m in marks], stray) == _scan_every_character(text)


_TAILS = st.lists(st.sampled_from([*'ab Z1_,،–—-”»"\n\t\u00a0²é.', "he", "said"]), max_size=14).map("".join)


@given(_TAILS)
def test_last_word_is_the_regex_search_from_the_end(text: str) -> None:
    import re

    from pressrelease.parse.speakers import ends_with_quote_mark as _ends_with_quote_mark
    from pressrelease.parse.speakers import last_word as _last_word

    found = re.search(r"([^\W\d_]+)\s*[,،–—-]?\s*$", text)
    assert _last_word(text) == ((found.start(1), found.group(1)) if found else None)
    assert _ends_with_quote_mark(text) == bool(re.search(r"[”»\"][\s,،–—-]*$", text))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Le rapport « État de la migration dans le monde en 2026 » est disponible en ligne.", "fr"),
        ("Voir aussi l’étude « Les envois de fonds des travailleurs migrants vers les pays à revenu faible ».", "fr"),
        ("Un document intitulé « Des données pour agir sur les migrations climatiques » a été publié.", "fr"),
        ("El informe «Estado de la migración en el mundo en 2026» está disponible en línea.", "es"),
        ("В докладе «Миграция в мире и изменение климата в 2026 году» собраны новые данные.", "ru"),
        ("The agency published the report “Migration and climate change in the Sahel region” today.", "en"),
        ("Der Bericht „Migration und Klimawandel in der Sahelzone im Jahr 2026“ ist online.", "de"),
        ("Ayer la directora habló sobre la “La pesca en un mar que cambia cada año” en Lima.", "es"),
        ("The mayor presented the “plan for a harbour that never closes in winter” to the board.", "en"),
    ],
)
def test_the_title_of_a_work_is_not_a_quotation(body: str, language: str) -> None:
    """French, Spanish and Russian write titles in sentence case between the marks."""
    assert release(body, language).quotes == ()


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("« Les migrations restent un moteur du développement durable », a déclaré Marie Dupont.", "fr"),
        ("Le directeur a dit : « Nous publierons les données de migration chaque année. »", "fr"),
        ("The report “shows that remittances rose again,” said Ana Ruiz.", "en"),  # speech after the noun
    ],
)
def test_words_spoken_are_still_quotations(body: str, language: str) -> None:
    assert len(release(body, language).quotes) == 1


@given(st.text(alphabet=st.sampled_from(list('ab “”«»"\n,.')), max_size=40))
def test_blanking_quotations_keeps_length_lines_and_outside_text(text: str) -> None:
    """_blank turns each quotation's inside into spaces, line ends kept; all else is untouched."""
    from pressrelease.parse.quotations import _blank

    marks, _stray = scan(text)
    blanked = _blank(text, marks)
    inside = {i for m in marks for i in range(m.start + 1, min(m.end, len(text)))}
    assert len(blanked) == len(text)
    assert [c for i, c in enumerate(blanked) if i not in inside] == [c for i, c in enumerate(text) if i not in inside]
    assert all(blanked[i] == ("\n" if text[i] == "\n" else " ") for i in inside)


def test_a_name_after_a_title_broken_across_lines() -> None:
    """The source wraps inside the name: ``Minister Mira\\nOlsen`` is Mira Olsen, not a parse error."""
    quote = only(f"“{QUOTE},” said Education Minister Mira\nOlsen.")
    assert quote.speaker == "Mira Olsen"
    r = release(f"“{QUOTE},” said Education Minister Mira\nOlsen.")
    span = quote.speaker_span
    assert span is not None and (span.end_line, span.end_column) == (span.line + 1, len("Olsen") + 1)
    assert r.source.split("\n")[span.line - 1][span.column - 1 :] == "Mira"


_SENTENCES = st.lists(
    st.sampled_from([*'DrMsJanSeptCoe.gi vsAZxé_1\n\t’”»"。！？!?…؟', "Mrs", "Prof", "Dec", "i.e", "e.g"]), max_size=20
).map("".join)


@given(_SENTENCES)
def test_sentence_patterns_find_what_they_find_without_their_leading_lookahead(text: str) -> None:
    import re

    from pressrelease.parse.quotations import _ABBREVIATED_WORDS, _ABBREVIATION, _SENTENCE_END

    words = "|".join(re.escape(w) for w in _ABBREVIATED_WORDS)
    abbreviation = re.compile(rf"\b(?:{words}|[A-Z])\.(?=\s|$)")
    assert [m.span() for m in _ABBREVIATION.finditer(text)] == [m.span() for m in abbreviation.finditer(text)]
    sentence_end = re.compile(r"[.!?…؟](?=[\s”»\"]|$)|[。！？]+")
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in sentence_end.finditer(text)]


@pytest.mark.parametrize(
    ("body", "text", "speaker", "verb"),
    [
        (
            "The council approved the harbour plan, which Ingrid Holm called “a promise kept” at the meeting.",
            "a promise kept",
            "Ingrid Holm",
            "called",
        ),
        ("Mayor Ingrid Holm described the new timetable as “overdue”.", "overdue", "Mayor Ingrid Holm", "described"),
    ],
)
def test_a_short_quotation_given_to_the_person_named_before_it(body: str, text: str, speaker: str, verb: str) -> None:
    r = release(body)
    quote = only(body)
    assert (quote.text, quote.speaker, quote.verb) == (text, speaker, verb)
    assert quote.speaker_span is not None and text_at(r, quote.speaker_span) == speaker


@pytest.mark.parametrize(
    "body",
    [
        "The council published a report called “Water for All” on Tuesday.",  # a title after "called"
        "The plan makes the ferry a service of “last resort” for the island.",  # scare quotes, no verb
        "Residents called “the old pier” a danger for years.",  # no person before the verb
    ],
)
def test_a_short_phrase_in_marks_without_a_person_giving_it_is_no_quotation(body: str) -> None:
    assert release(body).quotes == ()
