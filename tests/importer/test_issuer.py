"""Where a page, an archive or a wire names the issuer when the text has no About section.

Each form in our own words: an archive's catalogue header, a wire's SOURCE line, a
line naming the page, a line saying who issued the text, a wire lede, the first
paragraph opening with the organisation, a headline speaking for an organisation's
head, a first paragraph saying who issued the statement, and a document symbol
that one issuer alone gives its press releases.
"""

from __future__ import annotations

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import ImportResult, import_bytes
from pressrelease.importer.header import catalogue_name, split_header
from pressrelease.importer.issuer import (
    head_of,
    issued_by,
    labelled_line,
    lede_subject,
    press_office,
    source_line,
    statement_issuer,
    symbol_issuer,
    wire_lede,
)

TAIL = (
    "\n\nThe new pumps will be installed in twelve harbour towns over the next two years, "
    "starting with the three that flooded last winter.\n\n"
    "Contact: Maja Lindqvist, +47 21 55 01 23, press@fjordlys.example\n"
)


def organisation(result: ImportResult) -> tuple[object, str]:
    """(the organisation written, where the report says it came from)."""
    reported = dict(result.found).get("organisation", "")
    return result.release.organization, reported


def text_import(text: str) -> ImportResult:
    return import_bytes(text.encode(), "text", DEFAULT)


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Norway. Directorate for Coastal Water", "Directorate for Coastal Water"),
        ("Harbour Authority (UK)", "Harbour Authority"),
        ("COASTAL WATER AGENCY FOR THE NORTH", "Coastal Water Agency for the North"),
        ("U.S. Office of Coastal Water", "U.S. Office of Coastal Water"),
        ("Dept. of coastal water", "Dept. of coastal water"),
        ("Fjordlys Energy", "Fjordlys Energy"),
    ],
)
def test_a_catalogue_entry_reads_as_the_body_it_names(value: str, name: str) -> None:
    assert catalogue_name(value) == name


@pytest.mark.parametrize("value", ["Lindqvist, Maja", "van Dijk, Anna", "https://fjordlys.example", "", "  "])
def test_a_catalogue_person_or_address_is_no_organisation(value: str) -> None:
    assert catalogue_name(value) is None


def test_an_archive_header_names_its_first_creator_that_is_a_body() -> None:
    header, _ = split_header(
        "---\ntitle: Pumps for the harbour towns\ndate: 2026-03-03\ncreators:\n"
        '  - "Lindqvist, Maja"\n  - "Norway. Directorate for Coastal Water"\n'
        'source: "DIRECTORATE FOR COASTAL WATER"\n---\nBody\n'
    )
    assert header is not None and header.organization == "Directorate for Coastal Water"


def test_an_archive_header_of_people_falls_back_to_its_source_in_capitals() -> None:
    header, _ = split_header(
        '---\ntitle: Joint statement\ncreators:\n  - "Lindqvist, Maja"\nsource: "MINISTER FOR COASTAL WATER"\n---\n'
    )
    assert header is not None and header.organization == "Minister for Coastal Water"


def test_the_last_source_line_of_a_wire_names_the_issuer() -> None:
    assert source_line(["Photo: harbour", "SOURCE Fjordlys Energy", "Related links"]) == "Fjordlys Energy"
    assert source_line(["The source of the water is the fjord."]) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Fjordlys Energy - News - 03/03/2026 - 10:34", "Fjordlys Energy"),
        ("Directorate for Coastal Water – Press release", "Directorate for Coastal Water"),
        ("Home - News", None),
        ("Harbour towns - a survey of twelve", None),
    ],
)
def test_a_line_naming_the_page_names_its_issuer(line: str, name: str | None) -> None:
    assert labelled_line([line]) == name


def test_only_a_line_about_the_text_itself_says_who_issued_it() -> None:
    assert issued_by(["The press release issued by the Harbour Authority on 3 March 2026."]) == "Harbour Authority"
    assert issued_by(["Issued by Fjordlys Energy, Bergen"]) == "Fjordlys Energy"
    report = "Bergen – According to the survey issued by the Ministry of Fisheries, 40 harbours flooded."
    assert issued_by([report]) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Author: Press Office of the Nordic Harbour Council | 03.03.2026 | 10:15", "Nordic Harbour Council"),
        ("Автор: Пресс-служба Северного портового совета | 03.03.2026", "Северного портового совета"),
        ("Service de presse de l'Office des eaux du Nord", "Office des eaux du Nord"),
        ("Photo: the press office in Bergen", None),
    ],
)
def test_a_press_office_named_under_the_headline_names_its_body(line: str, name: str | None) -> None:
    assert press_office([line]) == name


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        (
            "BERGEN, Norway, March 3, 2026 (GLOBE NEWSWIRE) -- Fjordlys Energy (NASDAQ: FJRD) today said",
            "Fjordlys Energy",
        ),
        ("OSLO, March 3, 2026 /PRNewswire/ -- Fjordlys Energy, Inc. (FJRD) announced", "Fjordlys Energy, Inc."),
        ("TROMSØ — 3 de marzo de 2026 — (NOTICIAS NEWSWIRE) — Fjordlys, la empresa noruega", "Fjordlys"),
        ("Bergen – Fjordlys Energy today said it would install pumps.", None),
    ],
)
def test_a_wire_lede_opens_with_its_issuer(lede: str, name: str | None) -> None:
    assert wire_lede(lede) == name


@pytest.mark.parametrize(
    ("lede", "subject"),
    [
        ("Bergen – The Nordic Harbour Council (NHC) today warned", ("Nordic Harbour Council", "NHC")),
        ("Genève – L'Office des eaux du Nord (OEN) et la ville ont", ("Office des eaux du Nord", "OEN")),
        ("The Nordic Harbour Council has today warned towns", ("Nordic Harbour Council", None)),
        ("Bergen – NHC, the Nordic Harbour Council, and the city have agreed", ("NHC", None)),
        ("Bergen – UK, the Netherlands and Norway agreed", None),
        ("卑尔根,2026年3月3日 —— 北欧港口理事会(NHC)今天发出警告", ("北欧港口理事会", "NHC")),
        ("Bergen – Maja Lindqvist, a harbour master, said the pumps work.", None),
        ("The report was published today.", None),
        ("Bergen – « Nous devons agir », a déclaré la directrice.", None),
    ],
)
def test_the_first_paragraph_opening_with_an_organisation_names_it(
    lede: str, subject: tuple[str, str | None] | None
) -> None:
    assert lede_subject(lede) == subject


def test_an_import_takes_the_issuer_from_the_wire_lede_and_says_so() -> None:
    result = text_import(
        "Fjordlys Energy to install pumps in twelve harbour towns\n\n"
        "BERGEN, Norway, March 3, 2026 (GLOBE NEWSWIRE) -- Fjordlys Energy (NASDAQ: FJRD) today said it "
        "would install pumps in twelve harbour towns." + TAIL
    )
    org, reported = organisation(result)
    assert getattr(org, "name", None) == "Fjordlys Energy"
    assert "wire release's first words" in reported


def test_an_about_section_still_wins_over_the_first_paragraph() -> None:
    result = text_import(
        "Harbour towns get new pumps\n\n"
        "Bergen – The Nordic Harbour Council (NHC) today said that twelve towns would get new pumps this year."
        + TAIL
        + "\nAbout Fjordlys Energy\n\nFjordlys Energy builds pumps for harbours in the north.\n"
    )
    org, reported = organisation(result)
    assert getattr(org, "name", None) == "Fjordlys Energy"
    assert "About Fjordlys Energy" in reported


def test_a_release_that_names_no_issuer_still_gets_none() -> None:
    result = text_import(
        "Harbour towns get new pumps\n\nBergen – Twelve harbour towns will get new pumps this year, "
        "the harbour masters said on Tuesday." + TAIL
    )
    org, reported = organisation(result)
    assert org is None and reported == ""


def test_of_two_about_sections_the_one_the_lede_names_first_is_the_issuers() -> None:
    result = text_import(
        "Harbour council welcomes a new member\n\n"
        "Bergen – The Nordic Harbour Council (NHC) today welcomed Fjordlys Energy as its twelfth member."
        + TAIL
        + "\nAbout Fjordlys Energy\n\nFjordlys Energy builds pumps for harbours in the north.\n"
        + "\nAbout the Nordic Harbour Council (NHC)\n\nThe council brings together the harbour towns of the north.\n"
    )
    org, reported = organisation(result)
    assert getattr(org, "name", None) == "Nordic Harbour Council"
    assert getattr(org, "short_name", None) == "NHC"
    assert "About the Nordic Harbour Council (NHC)" in reported


@pytest.mark.parametrize(
    ("title", "lede", "name"),
    [
        ("“Harbours are our future”: Director General of the NHC", None, "NHC"),
        ("«Les ports sont notre avenir» : Directeur général de l’OEN", None, "OEN"),
        ("“Los puertos son nuestro futuro”: Directora General de la OPN", None, "OPN"),
        ("Statement by the Executive Director of the Nordic Harbour Fund on the floods", None, "Nordic Harbour Fund"),
        ("NHC Executive Director Maja Lindqvist on the winter floods", None, "NHC"),
        ("Заявление: Генеральный директор СГС о наводнении", None, "СГС"),
        ("北欧港口理事会执行主任就洪水发表声明", None, "北欧港口理事会"),
        (  # the title's head is unnamed; the first paragraph names head and organisation
            "Déclaration du DG : l’OEN pleure les victimes des crues",
            "Genève – « Je suis profondément attristé », déclare le Directeur général de l’OEN, Jean Morel.",
            "OEN",
        ),
        ("Minister meets the High Commissioner of the Nordic Council", None, None),  # someone else's head
        ("Statement by the Director-General on the floods", "Bergen – The floods were the worst in decades.", None),
        ("Harbour towns get new pumps", "Bergen – The Director General of the NHC opened the pumps.", None),
        # the title's subject an abbreviation, which the first paragraph gives a head
        (
            "NHC at 50: a century of open harbours",
            "“We kept them open,” said NHC Executive Director Maja Lindqvist.",
            "NHC",
        ),
        (
            "СГС в 50 лет: вклад в защиту гаваней",
            "«Мы сохранили гавани», отметил Администратор СГС Иван Петров.",
            "СГС",
        ),
        ("NHC at 50: a century of open harbours", "Bergen – The council met on Tuesday.", None),  # no head
        ("NHC at 50: a century of open harbours", "“We did,” said OPN Executive Director Ana Ruiz.", None),  # another's
        ("Harbours at 50", "“We kept them open,” said NHC Executive Director Maja Lindqvist.", None),
        (None, None, None),
    ],
)
def test_a_headline_that_speaks_for_an_organisations_head_names_it(
    title: str | None, lede: str | None, name: str | None
) -> None:
    assert head_of(title, lede) == name


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("أصدر المجلس الشمالي للموانئ اليوم بياناً صحفياً بشأن الفيضانات", "المجلس الشمالي للموانئ"),
        ("Genève – La Fondation Pallas a publié aujourd’hui un communiqué sur les crues.", "Fondation Pallas"),
        ("Madrid - El Consejo Nórdico emitió hoy un comunicado sobre las inundaciones.", "Consejo Nórdico"),
        ("Осло – Северный совет опубликовал сегодня заявление о наводнении.", "Северный совет"),
        ("Paris – Le ministre a publié aujourd’hui un communiqué.", None),  # a person, not a body
        ("Bergen – Maja Lindqvist said a report was published.", None),
        (None, None),
    ],
)
def test_a_first_paragraph_saying_who_issued_the_statement_names_it(lede: str | None, name: str | None) -> None:
    assert statement_issuer(lede) == name


def test_an_import_takes_the_issuer_from_a_head_of_organisation_headline_and_says_so() -> None:
    result = text_import(
        "“Harbours are our future”: Director General of the NHC\n\n"
        "Bergen – “We will rebuild every harbour that flooded,” said the Director General of the NHC, "
        "Maja Lindqvist, on Tuesday." + TAIL
    )
    org, reported = organisation(result)
    assert getattr(org, "name", None) == "NHC"
    assert "head" in reported


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SG/SM/23456\n\nSecretary-General welcomes river accord", "United Nations"),
        ("  GA/12811  \n", "United Nations"),
        ("* This replaces Press Release SG/A/1902-BIO/5120 of 3 May 2025.", "United Nations"),
        ("Brussels, 3 March 2026\n\nIP/26/1450\n", "European Commission"),
        ("STATEMENT/25/3321", "European Commission"),
        # in a sentence, not alone and not cited as a press release: a product code, a unit
        ("The SC/2000 pump uses 8 L/100 km less.\n", None),
        ("Our model GA/12811 is new.", None),
        ("XY/12345", None),  # a first part no issuer gives
        ("", None),
    ],
)
def test_a_document_symbol_names_its_issuer_alone_on_a_line_or_cited(text: str, name: str | None) -> None:
    assert symbol_issuer(text) == name


def test_an_import_with_nothing_else_takes_the_issuer_from_a_cited_symbol_and_says_so() -> None:
    result = text_import(
        "Following a recommendation of the Secretary-General, the General Assembly today confirmed "
        "Maja Lindqvist of Norway as head of the harbour programme for a further four years.\n\n"
        "Ms Lindqvist has led the programme since 2021 and before that directed a port authority.\n\n"
        "* This replaces Press Release SG/A/1902-BIO/5120 of 3 May 2025.\n"
    )
    org, reported = organisation(result)
    assert getattr(org, "name", None) == "United Nations"
    assert "symbol" in reported


def test_a_symbol_does_not_outrank_an_about_section() -> None:
    result = text_import(
        "SG/SM/23456\n\nHarbour pumps for twelve towns\n\n"
        "Bergen – The Nordic Harbour Council said on Tuesday it would install pumps in twelve towns."
        "\n\n## About the Nordic Harbour Council\n\nThe Nordic Harbour Council (NHC) is a body of "
        "twelve port towns that share flood defences and weather data.\n"
    )
    org, _ = organisation(result)
    assert getattr(org, "name", None) == "Nordic Harbour Council"


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        # the wire lede gives the full name the About heading shortens
        (
            "BERGEN, Norway, March 3, 2026 /PRNewswire/ -- Fjordlys Energy, Inc. (OSE: FJL) today said its pumps ...",
            {"name": "Fjordlys Energy, Inc.", "short_name": "Fjordlys"},
        ),
        (
            "BERGEN, Norway--(BUSINESS WIRE)--FJORDLYS ENERGY CORPORATION (OSE: FJL) today said its pumps ...",
            {"name": "Fjordlys Energy Corporation", "short_name": "Fjordlys"},
        ),
        # a lede opening with someone else keeps the heading's name
        (
            "BERGEN, Norway, March 3, 2026 /PRNewswire/ -- Harbour Trust Inc. and Fjordlys today said ...",
            {"name": "Fjordlys"},
        ),
        ("Bergen – The pumps were installed on Tuesday in twelve towns.", {"name": "Fjordlys"}),
    ],
)
def test_an_about_heading_that_shortens_the_ledes_name_gives_the_full_name(lede: str, name: dict[str, str]) -> None:
    result = text_import(
        f"Fjordlys pumps for twelve harbours\n\n{lede} Four more towns will follow in the spring.\n\nAbout Fjordlys\n\n"
        "Fjordlys makes heat pumps for harbour towns and has 400 staff in Norway and Sweden.\n"
    )
    assert result.release.front_matter.data["organization"] == name
