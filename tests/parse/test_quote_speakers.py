"""Speakers as real releases write them: one form per test, with invented people and words."""

from __future__ import annotations

import pytest

from pressrelease.model import Quote, Release
from pressrelease.parse import parse


def release(body: str, language: str = "en") -> Release:
    front = f"---\ntitle: T\ndate: 2024-07-19\nlanguage: {language}\n---\n\n"
    return parse(front + "TALLINN – The agency met today.\n\n" + body)


def speakers(body: str, language: str = "en") -> list[str | None]:
    return [q.speaker for q in release(body, language).quotes]


def only(body: str, language: str = "en") -> Quote:
    quotes = release(body, language).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


ONE = "The harbour will reopen to small boats before the first storms of the winter"
TWO = "We owe the fishing families of the coast a clear plan and a firm date"


def test_two_speakers_introduced_in_one_paragraph() -> None:
    body = (
        "The board approved the plan on Monday. Oskar Lind, Chair of the Harbour Board, said: "
        f"“{ONE}.” Marta Vuori, the Board's Chief Engineer, said: “{TWO}.”"
    )
    assert speakers(body) == ["Oskar Lind", "Marta Vuori"]


def test_a_quote_then_an_attribution_that_introduces_the_next_one() -> None:
    body = f"“{ONE},” said Oskar Lind. Marta Vuori added: “{TWO}.”"
    assert speakers(body) == ["Oskar Lind", "Marta Vuori"]


def test_verb_only_attribution_skips_an_event_named_in_between() -> None:
    body = (
        f"“{ONE}”, explicó el Director General Pardo.\n\n"
        "El Director habló el lunes en Lima, en el marco de Foro Costero 2024.\n\n"
        f"“{TWO}”, agregó."
    )
    assert speakers(body, "es") == ["Director General Pardo", "Director General Pardo"]


def test_inverted_attribution_with_a_role_before_the_name() -> None:
    assert only(f"«{ONE}», explicó el Director General Pardo.", "es").speaker == "Director General Pardo"


def test_a_role_then_a_name_keeps_the_name() -> None:
    assert only(f"Harbour Minister Oskar Lind said: “{ONE}.”").speaker == "Oskar Lind"


def test_pronoun_after_a_verb_is_inversion_only_before_punctuation() -> None:
    body = f"Oskar Lind said he would ask the board for more time. “{ONE},” he said."
    assert speakers(body) == ["Oskar Lind"]


def test_a_quotation_runs_on_over_paragraphs() -> None:
    body = (
        f"“{ONE},” Dr Edda Holm said.\n\n"
        f"“{TWO}. It is late, but not too late.\n\n"
        "“The board and the ministry now have a harder task in the months ahead.”"
    )
    assert speakers(body) == ["Dr Edda Holm"] * 3


def test_a_paragraph_of_quotation_only_continues_the_last_speaker() -> None:
    body = f"« {ONE} », déclare Lucie Ferrand, directrice du port.\n\n« {TWO}."
    assert speakers(body, "fr") == ["Lucie Ferrand", "Lucie Ferrand"]


def test_quotations_run_together_when_paragraph_breaks_were_lost() -> None:
    body = (
        f"Oskar Lind said:   “{ONE}.   “{TWO}.”   The board met twice.   "
        f"Marta Vuori, the engineer, said:   “{ONE} again.   “{TWO} again.”"
    )
    r = release(body)
    assert [q.speaker for q in r.quotes] == ["Oskar Lind", "Oskar Lind", "Marta Vuori", "Marta Vuori"]
    assert [q.text[:8] for q in r.quotes] == ["The harb", "We owe t", "The harb", "We owe t"]


def test_attribution_by_role_alone_finds_who_holds_the_role() -> None:
    body = (
        "The agency's president, Ines Carvalho, opened the new wing on Monday.\n\n"
        f"“{ONE},” added the agency's president."
    )
    assert speakers(body) == ["Ines Carvalho"]


def test_a_role_nobody_was_given_stays_the_role() -> None:
    assert speakers(f"“{ONE},” the Commissioner said.") == ["the Commissioner"]


def test_name_and_role_then_a_colon_without_a_verb() -> None:
    body = f"Jonas Becker, Geschäftsführer der Hafengesellschaft: „{ONE}.“"
    quote = only(body, "de")
    assert (quote.speaker, quote.verb) == ("Jonas Becker", ":")


def test_a_dash_line_after_the_quotation() -> None:
    assert speakers(f"“{ONE}.”\n— Marta Vuori, Chief Engineer") == ["Marta Vuori"]
    assert speakers(f"“{ONE}.”\n\n— Marta Vuori, Chief Engineer") == ["Marta Vuori"]


@pytest.mark.parametrize(
    "body",
    [
        f"Across South America, the fleets wait. “{ONE},” she said.",
        f"The Director also said that “{ONE.lower()}.”",
    ],
)
def test_capitalised_phrases_that_are_not_people_are_never_speakers(body: str) -> None:
    quote = only(body)
    assert quote.speaker not in {"South America", "The Director also"}


def test_the_director_means_the_director_named_before() -> None:
    body = (
        "Marta Vuori, Director of the Harbour Board, visited the docks.\n\n"
        f"The Director also said that “{ONE.lower()}.”"
    )
    assert speakers(body) == ["Marta Vuori"]


def test_a_quotation_in_reported_speech_belongs_to_the_one_reporting() -> None:
    body = f"Ines Carvalho noted that Oskar Lind brings to the post “{ONE.lower()}.”"
    assert speakers(body) == ["Ines Carvalho"]


def test_a_pronoun_with_only_a_passing_mention_before_it_is_unsure() -> None:
    body = f"The plant opened in the presence of Ines Carvalho and Oskar Lind.\n\n“{ONE},” she said."
    quote = only(body)
    assert quote.speaker is None and quote.attributed
    assert quote.unsure_speaker in {"Ines Carvalho", "Oskar Lind"}


def test_swedish_attributions() -> None:
    body = (
        f'Ordföranden för hamnstyrelsen, Karin Ekdahl, sade att "{ONE}.”\n\n'
        f'"{TWO}," tillade hon.\n\n'
        f'Lindqvist själv sade: "{ONE} och mer."'
    )
    assert speakers(body, "sv") == ["Karin Ekdahl", "Karin Ekdahl", "Lindqvist"]


def test_chinese_corner_brackets_and_a_speaker_before_the_verb() -> None:
    body = "「今年冬天之前，港口将重新向小船开放，我们必须提前做好准备。」港务局局长林海(Lin Hai)说。"
    quote = only(body, "zh")
    assert quote.text.startswith("今年冬天") and quote.speaker is not None and "林海" in quote.speaker


def test_a_straight_opening_mark_closed_by_a_curly_one() -> None:
    quote = only(f'Oskar Lind said: "{ONE}.”')
    assert (quote.speaker, quote.close_mark) == ("Oskar Lind", "”")


def test_plain_paragraphs_after_said_colon_are_the_speakers_words() -> None:
    body = (
        "Opening the session, the Harbour Board's Chief Engineer, Marta Vuori, said:\n\n"
        "We expect the dry spell to last into the autumn.\n\n"
        "Boats should keep to the marked channel until the dredging is done.\n\n"
        "The Harbour Board will publish the new depths every Monday."
    )
    r = release(body)
    assert [(q.kind, q.speaker) for q in r.quotes] == [("paragraph", "Marta Vuori")] * 2


def test_a_following_statement_runs_to_the_end() -> None:
    body = (
        "Harbour Minister Lind issued the following statement today:\n\n"
        "I am glad that the board has chosen Marta Vuori to lead the harbour.\n\n"
        "Given her long service, Marta Vuori is the right person for the post.\n\n"
        "## About the harbour\n\nThe harbour opened in 1911."
    )
    assert speakers(body) == ["Harbour Minister Lind"] * 2


def test_a_subtitle_that_introduces_the_first_quotation() -> None:
    front = (
        "---\ntitle: T\nsubtitle: Answering questions on the harbour, the Board's chair Oskar Lind said,\n"
        "date: 2024-07-19\n---\n\n"
    )
    r = parse(front + f"“{ONE}.\n\n“{TWO}.”\n")
    assert [q.speaker for q in r.quotes] == ["Oskar Lind", "Oskar Lind"]


def test_a_paragraph_ending_in_a_comma_mid_sentence_introduces_nothing() -> None:
    body = "Oskar Lind said the harbour would reopen soon,\n\nonce the dredgers have finished their work."
    assert release(body).quotes == ()


def test_arabic_attributions_after_the_quotation() -> None:
    body = (
        "«سيعود الميناء إلى العمل قبل عواصف الشتاء الأولى، وسنعمل مع الصيادين»، "
        "قال مدير الميناء كريم حداد في بيان.\n\n"
        "«نحن مدينون للأسر التي تعيش من البحر بخطة واضحة وموعد ثابت»، وأضاف."
    )
    found = speakers(body, "ar")
    assert found[0] is not None and "حداد" in found[0] and "بيان" not in found[0]
    assert found[1] == found[0]


def test_arabic_verb_followed_by_that_names_nobody() -> None:
    body = "وقال إن «الميناء سيعود إلى العمل قبل عواصف الشتاء الأولى في المنطقة»."
    assert only(body, "ar").speaker is None


def test_an_organisation_announcing_the_following_is_not_quoted() -> None:
    body = "The agency announced the following measures:\n\nBoats will keep to the marked channel until May."
    assert release(body).quotes == ()
