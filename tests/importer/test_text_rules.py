"""The small decisions of the text reader: escaping, joining wrapped lines, navigation, labels, end marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.config import DEFAULT
from pressrelease.importer import import_bytes
from pressrelease.importer.blocks import end_mark, escape
from pressrelease.importer.meta import detect_language
from pressrelease.parse import parse

LEDE = (
    "GENEVA, 3 March 2026 – The observatory published its yearly report on rivers today, "
    "covering 120 basins in 40 countries."
)


def body(text: str) -> list[str]:
    release = import_bytes(text.encode(), "text", DEFAULT).release
    return [release.blocks[i].text for i in release.body]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_#>-+1.)[]<>`~|&;\\:“”«»–—'\"!")), min_size=1, max_size=40))
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    line = " ".join(text.split())
    if not line or line.strip() in ("###",):
        return
    release = parse(f"---\ntitle: t\n---\n\nLede.\n\n{escape(line)}\n")
    blocks = [b for b in release.blocks if b.span.line > 5]
    assert len(blocks) == 1 and blocks[0].kind == "paragraph"
    assert blocks[0].text == line


def test_a_line_with_nothing_to_escape_is_returned_as_the_substitutions_would() -> None:
    """escape's shortcut (one scan for a line none of its patterns would change) gives what they give."""
    import itertools

    from pressrelease.importer import blocks

    def substituted(line: str) -> str:
        line = blocks._INLINE_SPECIAL.sub(blocks._backslashed, line)
        line = blocks._LINE_START.sub(blocks._backslashed_mark, line)
        return blocks._ORDERED_START.sub(blocks._backslashed_mark, line)

    marks = "a 1#>-+*=`~\\[]<|_&;.)\t"
    lines = ["".join(chars) for size in range(4) for chars in itertools.product(marks, repeat=size)]
    lines += ["word", "Word, and more words.", "&amp;", "a_b", "1. x", "  - x", "é", "\u00a0x", "x\u3000", "١. x"]
    assert [escape(line) for line in lines] == [substituted(line) for line in lines]


def test_markdown_characters_in_a_release_survive() -> None:
    text = f"Headline for a test release\n{LEDE}\n# not a heading\nA *starred* word, snake_case, [x](y) and 5 * 3.\n"
    assert body(text)[1:] == ["# not a heading", "A *starred* word, snake_case, [x](y) and 5 * 3."]


def test_hard_wrapped_email_paragraphs_are_joined_but_contact_lines_are_not() -> None:
    text = (
        "Observatory reports on rivers in forty countries\n\n"
        "GENEVA, 3 March 2026 – The observatory published its yearly report on\n"
        "rivers today, covering 120 basins in 40 countries and the people who\n"
        "depend on them for drinking water, farming and transport every day.\n\n"
        "Water levels fell in 70 of the basins, the report found, and rose in\n"
        "only twelve of them over the ten years the survey has been running.\n\n"
        "Media contact:\n"
        "Ana Ruiz\n"
        "Tel: +41 22 555 0101\n"
        "Email: ana.ruiz@gfo.example.org\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert [result.release.blocks[i].text for i in result.release.body] == [
        "GENEVA, 3 March 2026 – The observatory published its yearly report on rivers today, covering 120 "
        "basins in 40 countries and the people who depend on them for drinking water, farming and transport "
        "every day.",
        "Water levels fell in 70 of the basins, the report found, and rose in only twelve of them over the ten "
        "years the survey has been running.",
    ]
    assert "Ana Ruiz\nTel: +41 22 555 0101\nEmail: <ana.ruiz@gfo.example.org>" in result.markdown


def test_a_wire_dateline_on_its_own_line_joins_the_lede() -> None:
    text = (
        "Company opens a plant\n"
        "NEW YORK, March 15, 2024 /PRNewswire/ --\n"
        "Acme Corp. today opened a plant in Ohio that will employ 300 people by the end of the year.\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.location == "NEW YORK"
    assert body(text)[0].startswith("NEW YORK, March 15, 2024 /PRNewswire/ -- Acme Corp. today opened")


def test_about_followed_by_a_number_is_prose_not_a_section() -> None:
    text = f"Headline for a test release\n{LEDE}\nAbout 300 people attended the launch\nThe report is free.\n"
    release = import_bytes(text.encode(), "text", DEFAULT).release
    assert release.sections == ()
    assert "About 300 people attended the launch" in [b.text for b in release.blocks]


def test_a_short_line_between_paragraphs_is_a_subhead_but_a_sentence_is_not() -> None:
    text = f"Headline for a test release\n{LEDE}\nWhat the report found\nRivers fell.\nThe end is near.\nMore text follows here.\n"
    release = import_bytes(text.encode(), "text", DEFAULT).release
    headings = [b.text for b in release.blocks if b.kind == "heading"]
    assert headings == ["What the report found"]


def test_bullets_after_the_lede_are_a_list_not_navigation() -> None:
    text = f"Headline for a test release\n- Home\n- News\n{LEDE}\nThe report covers:\n- rivers\n- lakes\n- aquifers\n"
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert "- rivers\n- lakes\n- aquifers" in result.markdown
    assert "- Home" in result.dropped and "Home" not in result.markdown


def test_footer_after_the_contact_block_is_dropped() -> None:
    text = (
        f"Headline for a test release\n{LEDE}\nContact: Ana Ruiz, ana@example.org\nRelated news\nRivers 2025\n© GFO\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.dropped[-3:] == ["Related news", "Rivers 2025", "© GFO"]
    assert "Rivers 2025" not in result.markdown
    assert "## Contact\n\nAna Ruiz, <ana@example.org>" in result.markdown


TOP_CONTACT = "CONTACT:\nAna Ruiz\nPress Officer\n+41 22 555 01 23\nana.ruiz@example.org\n"


@pytest.mark.parametrize(
    "text",
    [
        f"{TOP_CONTACT}\nFOR IMMEDIATE RELEASE\n\nHeadline for a test release\n\n{LEDE}\n\n###\n",
        f"FOR IMMEDIATE RELEASE\nMedia {TOP_CONTACT}\nHeadline for a test release\n\n{LEDE}\n",
    ],
    ids=["above the release line", "under it"],
)
def test_a_contact_block_above_the_headline_is_the_media_contact(text: str) -> None:
    result = import_bytes(text.encode(), "text", DEFAULT)
    (contact,) = result.release.contacts
    assert (contact.name, contact.title, contact.email) == ("Ana Ruiz", "Press Officer", "ana.ruiz@example.org")
    assert contact.phone == "+41 22 555 01 23"
    assert result.release.title == "Headline for a test release"
    assert not [line for line in result.dropped if "Ana Ruiz" in line or "ana.ruiz" in line]
    body = [result.release.blocks[i].text for i in result.release.body]
    assert body[0].startswith("GENEVA, 3 March 2026")


def test_a_un_release_ends_at_its_stars_and_its_media_notice_is_footer() -> None:
    text = f"SG/SM/23001\n12 March 2026\n\nHeadline for a test release\n\n{LEDE}\n\n* *** *\n\n"
    result = import_bytes((text + "For information media. Not an official record.\n").encode(), "text", DEFAULT)
    assert [m.text for m in result.release.end_marks] == ["###"]
    assert "official record" not in result.markdown and "\\*" not in result.markdown
    assert result.dropped[-1] == "For information media. Not an official record."


def test_a_contact_label_above_the_headline_with_no_address_is_not_a_contact() -> None:
    text = f"Contact\nNews\nAbout us\n\nHeadline for a test release\n\n{LEDE}\n"
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.contacts == ()
    assert "## Contact" not in result.markdown


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("###", "###"),
        ("# # #", "###"),
        ("-30-", "-30-"),
        ("ENDS", "ENDS"),
        ("- ENDS -", "- ENDS -"),
        ("Ends", "ENDS"),
        ("ends", "ENDS"),
        ("Endstation", None),
        ("* *** *", "###"),
        ("Fin", "FIN"),
        ("- Fin -", "- FIN -"),
        ("Final", None),
        ("* * *", None),
    ],
)
def test_end_marks(line: str, mark: str | None) -> None:
    assert end_mark(line) == mark


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister said that the plan for the river will be published with the budget on Friday.", "en"),
        ("Le ministre a déclaré que le plan pour les fleuves sera publié avec le budget de la région.", "fr"),
        ("El ministro dijo que el plan para los ríos se publicará con el presupuesto de la región.", "es"),
        (
            "Der Minister sagte, dass der Plan für die Flüsse mit dem Haushalt veröffentlicht wird und nicht später.",
            "de",
        ),
        ("Министр заявил, что план по рекам будет опубликован вместе с бюджетом.", "ru"),
    ],
)
def test_language_detection(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.value == code


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Acme Widget 3000") is None


def test_spanish_release_date_and_contact() -> None:
    text = (
        "Comunicado de prensa\n"
        "El observatorio publica el primer mapa de los acuíferos andinos\n"
        "LIMA, 7 de octubre de 2025 – El Observatorio Andino del Agua publicó hoy el primer mapa de los "
        "acuíferos de la cordillera, con datos de 3.000 pozos en cinco países.\n"
        "«Por primera vez sabemos cuánta agua hay bajo nuestros pies», dijo Lucía Marenco, directora del observatorio.\n"
        "Para más información:\n"
        "Rosa Quispe, +51 1 555 0123, rosa.quispe@oaa.example.org\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    release = result.release
    assert release.language == "es" and release.location == "LIMA"
    assert str(release.date) == "2025-10-07"
    assert release.front_matter.data["contacts"][0]["name"] == "Rosa Quispe"
    assert "Comunicado de prensa" in result.dropped


@pytest.mark.parametrize(
    "headline",
    ["Update: river levels rise again", "2026", "null", "on", "@council answers 40 questions", "#1 city for cycling"],
)
def test_front_matter_values_are_quoted_safely(headline: str) -> None:
    release = import_bytes(f"{headline}\n{LEDE}\n".encode(), "text", DEFAULT).release
    assert release.title == headline
    assert release.problems == ()


def test_nothing_found_gives_an_empty_front_matter_lint_explains() -> None:
    result = import_bytes(b"Just one line here\n", "text", DEFAULT)
    assert result.markdown.startswith("---\n---\n")
    assert "title: no headline found above the first paragraph" in result.missing
    assert [p.code for p in result.release.problems] == ["PR001"]
