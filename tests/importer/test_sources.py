"""Importing releases of every kind: wire, GOV.UK, French, Russian, HTML, Word, no date, two agencies."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import import_bytes, import_file

from .util import body_texts, found, imported, lint_errors


def test_wire_release_hard_wrapped_with_end_mark_and_media_contact() -> None:
    result = imported("wire-pallas-heat-pump.txt")
    release = result.release
    assert release.title == "Pallas Thermal Unveils Window Heat Pump for Apartments"
    assert (
        release.subtitle
        == "The Aero W1 installs in an afternoon and heats a 70-square-metre flat without a contractor."
    )
    assert release.date == dt.date(2026, 3, 10)
    assert release.location == "BELLEVUE, Wash."
    assert release.dateline is not None and release.dateline.wire == "PRNewswire"
    # The 72-column lines are joined back into paragraphs, straight quotes kept.
    assert body_texts(result)[2].startswith('"Renters have been left out of the heat pump boom because every system on')
    assert [m.text for m in release.end_marks] == ["###"]
    assert [(s.kind, s.heading) for s in release.sections] == [
        ("about", "About Pallas Thermal"),
        ("contact", "Media Contact"),
    ]
    assert release.front_matter.data["contacts"] == [
        {"name": "Jordan Lee", "email": "jordan.lee@pallas.example.com", "phone": "+1 425 555 0134"}
    ]
    assert release.front_matter.data["organization"] == {"name": "Pallas Thermal Inc.", "short_name": "Pallas Thermal"}
    assert "<jordan.lee@pallas.example.com>" in result.markdown
    assert all(q.attributed for q in release.quotes) and len(release.quotes) == 3
    assert "FOR IMMEDIATE RELEASE" in result.dropped
    assert not any("Subject:" in t for t in body_texts(result))
    assert release.problems == () and lint_errors(result) == []


def test_govuk_page_with_background_and_said_colon_quotes() -> None:
    result = imported("govuk-flood-funding.txt")
    release = result.release
    assert release.title == "Flood defence funding doubled for rural communities"
    assert release.subtitle is not None and release.subtitle.startswith("Farmers and villages in 40 river catchments")
    assert release.date == dt.date(2026, 3, 26)
    assert release.front_matter.data["organization"] == {"name": "Department for Flood Resilience and Rural Affairs"}
    assert [s.kind for s in release.sections] == ["notes", "contact"]
    assert release.section("notes") is not None and release.section("notes").heading == "Background"  # type: ignore[union-attr]
    # "..., said:" followed by whole quotations: the GOV.UK block-quote form, all attributed.
    blockquotes = [b for b in release.blocks if b.kind == "blockquote"]
    assert len(blockquotes) == 2
    assert [q.speaker for q in release.quotes] == ["Sarah Whitfield", "Sarah Whitfield"]
    assert "## What changes for farmers" in result.markdown
    text = result.markdown
    for chrome in ("Skip to main content", "Cookies on GOV.UK", "Search GOV.UK", "Share this page", "Crown copyright"):
        assert chrome not in text
    assert "Is this page useful?" in result.dropped
    assert release.contacts[0].email == "newsdesk@dfrra.example.org.uk"
    assert release.problems == () and lint_errors(result) == []


def test_french_release_with_guillemets() -> None:
    result = imported("fr-aipf-patrimoine.txt")
    release = result.release
    assert release.language == "fr" and found(result)["language"].startswith("fr (detected")
    assert release.title == "Le patrimoine fluvial entre au programme de 120 écoles"
    assert release.date == dt.date(2026, 3, 26)
    assert release.location == "PARIS"
    assert [q.open_mark for q in release.quotes] == ["«", "«"]
    assert [q.speaker for q in release.quotes] == ["Hélène Marchand", "Karim Benali"]
    assert "« Ces savoir-faire se transmettent de la main à la main ;" in result.markdown
    assert [(s.kind, s.heading) for s in release.sections] == [
        ("notes", "Notes aux rédactions"),
        ("about", "À propos de l’AIPF"),
        ("contact", "Contact presse"),
    ]
    assert release.front_matter.data["organization"] == {
        "name": "Alliance internationale pour le patrimoine fluvial",
        "short_name": "AIPF",
    }
    assert release.front_matter.data["contacts"][0]["name"] == "Claire Dubois"
    assert {"Accueil", "Partager", "© AIPF 2026"} <= set(result.dropped)
    assert release.problems == () and lint_errors(result) == []


def test_russian_release() -> None:
    result = imported("ru-iom-minsk.txt")
    release = result.release
    assert release.language == "ru"
    assert release.title == "В Минске обсудили роль миграции в достижении Целей устойчивого развития"
    assert release.date == dt.date(2024, 7, 19)
    assert release.location == "МИНСК"
    assert [(s.kind, s.heading) for s in release.sections] == [
        ("notes", "Примечания для редакторов"),
        ("contact", "Контакты для СМИ"),
    ]
    assert release.front_matter.data["contacts"] == [
        {"name": "Анна Петрова", "email": "apetrova@iom.example.org", "phone": "+375 17 555 01 23"}
    ]
    assert release.quotes[0].speaker == "Расул Багиров"
    assert "Пресс-релиз" in result.dropped and "Поделиться" in result.dropped
    assert release.problems == () and lint_errors(result) == []


def test_html_page_with_navigation_and_footer() -> None:
    result = imported("html-gfo-groundwater.html")
    release = result.release
    assert release.title == "Groundwater in 30 countries is falling faster than it refills"
    assert release.date == dt.date(2025, 11, 12)
    assert release.location == "Geneva"
    text = result.markdown
    # The article's structure is kept: link, block quote, subhead, list with emphasis.
    assert "[World Freshwater Outlook 2025](https://gfo.example.org/outlook-2025)" in text
    assert "> — Dr. Amara Nwosu, Chief Scientist of the GFO" in text
    assert "## What the report recommends" in text
    assert "- paying farmers to switch to crops that need *less* water;" in text
    assert [s.kind for s in release.sections] == ["notes", "about", "contact"]
    assert release.front_matter.data["contacts"] == [
        {
            "name": "Tomás Herrera",
            "title": "Press Officer",
            "email": "tomas.herrera@gfo.example.org",
            "phone": "+41 22 555 0177",
        }
    ]
    for chrome in ("cookies", "Our Work", "Newsroom", "Related news", "Privacy policy", "dataLayer", "font-family"):
        assert chrome not in text
    assert any(d.startswith("<footer>") for d in result.dropped)
    assert all(q.attributed for q in release.quotes)
    assert release.problems == () and lint_errors(result) == []


def _word_file(path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Three cities open public drinking fountains", style="Title")
    document.add_paragraph("The fountains are free and tested weekly", style="Subtitle")
    lede = document.add_paragraph()
    lede.add_run("LYON, 3 June 2025 – ").bold = False
    lede.add_run(
        "Lyon, Turin and Geneva opened 150 public drinking fountains on Tuesday, the first stage of a plan to "
        "put clean water within 300 metres of every resident."
    )
    body = document.add_paragraph("Each fountain is tested every week, and the results are ")
    body.add_run("published online").bold = True
    body.add_run(" the same day.")
    document.add_paragraph(
        "“A glass of clean water should never cost anything in a city street,” said Marie Lenoir, deputy mayor of Lyon."
    )
    document.add_heading("Where the fountains are", level=2)
    document.add_paragraph("Lyon: 60 fountains", style="List Bullet")
    document.add_paragraph("Turin: 50 fountains", style="List Bullet")
    document.add_paragraph("Geneva: 40 fountains", style="List Bullet")
    document.add_heading("Notes to editors", level=2)
    notes = document.add_paragraph("The map of fountains is at ")
    link_paragraph_hyperlink(notes, "https://fountains.example.org/map", "the project site")
    notes.add_run(".")
    document.add_heading("Media contact", level=2)
    contact = document.add_paragraph()
    contact.add_run("Paul Girard, Press Officer")
    contact.add_run().add_break(WD_BREAK.LINE)
    contact.add_run("Tel: +33 4 55 55 01 99")
    contact.add_run().add_break(WD_BREAK.LINE)
    contact.add_run("Email: paul.girard@fountains.example.org")
    document.save(str(path))


def link_paragraph_hyperlink(paragraph: object, url: str, text: str) -> None:
    """python-docx has no API to add a hyperlink: build the w:hyperlink element."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph.part  # type: ignore[attr-defined]
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


def test_word_file_made_with_python_docx(tmp_path: Path) -> None:
    path = tmp_path / "fountains.docx"
    _word_file(path)
    result = import_file(path, DEFAULT)
    release = result.release
    assert release.title == "Three cities open public drinking fountains"
    assert release.subtitle == "The fountains are free and tested weekly"
    assert release.date == dt.date(2025, 6, 3)
    assert release.location == "LYON"
    text = result.markdown
    assert "results are **published online** the same day." in text
    assert "## Where the fountains are" in text
    assert "- Lyon: 60 fountains\n- Turin: 50 fountains\n- Geneva: 40 fountains" in text
    assert "[the project site](https://fountains.example.org/map)" in text
    assert "Paul Girard, Press Officer\nTel: +33 4 55 55 01 99\nEmail: <paul.girard@fountains.example.org>" in text
    assert [s.kind for s in release.sections] == ["notes", "contact"]
    assert release.front_matter.data["contacts"][0]["email"] == "paul.girard@fountains.example.org"
    assert release.quotes[0].speaker == "Marie Lenoir"
    assert release.problems == () and lint_errors(result) == []


def test_release_with_no_date_leaves_date_out_and_says_so() -> None:
    result = imported("no-date-clinic.txt")
    release = result.release
    assert "date" not in release.front_matter.data and release.date is None
    assert "date: none found in the text" in result.missing
    assert "date" not in found(result)
    assert release.location == "NAIROBI"
    assert release.front_matter.data["contacts"][0]["name"] == "Amina Odhiambo"
    # The one error is the missing date, which only the writer can supply.
    assert [e.split(" ")[0] for e in lint_errors(result)] == ["PR003"]


def test_a_yearless_date_is_not_completed() -> None:
    text = (
        "Rangers count more lions than expected\n"
        "NAIROBI, 30 March (UNEP) -- Rangers in three national parks counted 412 lions this month, "
        "forty more than in the last census.\n"
        "Contact: Wanjiku Mwangi, wanjiku.mwangi@example.org\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert "date" not in result.release.front_matter.data
    assert any("'30 March' has no year" in m for m in result.missing)


def test_two_contact_blocks_for_two_agencies() -> None:
    result = imported("two-agencies-lake.txt")
    release = result.release
    assert release.title == "Two agencies launch the first survey of every lake in the Rift Valley"
    assert "Joint press release" in result.dropped
    assert release.location == "GENEVA/NAIROBI"
    assert release.front_matter.data["contacts"] == [
        {
            "name": "Lucía Marenco",
            "title": "Press Officer",
            "region": "For the Global Freshwater Observatory",
            "email": "lucia.marenco@gfo.example.org",
            "phone": "+41 22 555 0101",
        },
        {
            "name": "Joseph Kamau",
            "title": "Communications Lead",
            "region": "For the Rift Valley Lakes Authority",
            "email": "joseph.kamau@rvla.example.org",
            "phone": "+254 20 555 0199",
        },
    ]
    assert release.problems == () and lint_errors(result) == []


@pytest.mark.parametrize("name", ["seed-iom-minsk.txt", "wire-pallas-heat-pump.txt", "govuk-flood-funding.txt"])
def test_importing_the_imported_text_again_keeps_the_body(name: str) -> None:
    """The body, read back as plain text, is a fixed point: nothing is added on a second pass."""
    first = imported(name)
    body = "\n\n".join(body_texts(first))
    second = import_bytes(f"{first.release.title}\n{body}\n".encode(), "text", DEFAULT)
    assert body_texts(second) == body_texts(first)


def test_result_is_valid_for_stdin_bytes_too() -> None:
    data = io.BytesIO((Path(__file__).parents[1] / "fixtures/import/seed-iom-minsk.txt").read_bytes()).getvalue()
    assert import_bytes(data, "text", DEFAULT).markdown == imported("seed-iom-minsk.txt").markdown
