"""Forms that real releases take when other people publish them (issue 11), each in our own words.

Site and archive headers, Markdown copies, HTML fragments, page furniture around
the headline, metadata date lines, wire datelines, and the language of the text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import ImportResult, import_bytes
from pressrelease.importer.meta import detect_language

from .util import body_texts, imported

LEDE = (
    "The river observatory published its yearly survey today, covering 120 basins in forty "
    "countries and the towns that draw their water from them."
)


def text_import(text: str, kind: str = "text") -> ImportResult:
    return import_bytes(text.encode(), kind, DEFAULT)


def front(result: ImportResult, key: str) -> object:
    return getattr(result.release, key)


def body_markdown(result: ImportResult) -> str:
    return result.markdown.split("\n---\n", 1)[1]


# -- input kinds -------------------------------------------------------------------------


def test_a_markdown_file_with_a_hugo_header_imports_with_the_headers_title_and_date() -> None:
    result = imported("hugo-orchard-cooperative.md")
    assert front(result, "title") == "Orchard cooperative opens a cold store for 40 farms"
    assert front(result, "date") == dt.date(2026, 3, 12)
    assert front(result, "location") == "LINDENFELD"
    assert "draft" not in body_markdown(result) and "+++" not in body_markdown(result)
    assert ("title", "Orchard cooperative opens a cold store for 40 farms (from the file's front matter)") in (
        result.found
    )


def test_an_archive_header_gives_title_and_date_and_its_subject_label_leaves_the_title() -> None:
    result = imported("archive-front-matter-river.txt")
    assert front(result, "title") == "River trust calls for faster repairs to the Weir Lane flood wall"
    assert front(result, "date") == dt.date(2019, 6, 11)
    body = body_markdown(result)
    assert "archive_url" not in body and "© Norbury River Trust" not in body
    assert body_texts(result)[0].startswith("The Norbury River Trust today asked")


def test_an_html_fragment_without_body_imports_and_a_copyright_line_does_not_cut_the_contacts() -> None:
    result = imported("fragment-foundation-sponsor.html")
    assert front(result, "title") == "The Harbourline® Code Foundation Welcomes Tessellate as a Sponsor"
    assert front(result, "date") == dt.date(2024, 9, 17)
    assert front(result, "location") == "Delft, Netherlands"
    assert "permalink" not in body_markdown(result)
    assert [c.email for c in result.release.contacts] == ["press@harbourline.example.org"]


def test_an_aggregators_markdown_copy_keeps_its_headline_without_the_hash_and_drops_the_link_cruft() -> None:
    result = imported("aggregator-markdown-copy.txt")
    assert front(result, "title") == "Fernhill Robotics Names Priya Anand Chief Technology Officer"
    body = body_markdown(result)
    for cruft in ("appeared first on", "Original/Source Press Release", "Summary TLDR", "Ledger Registration"):
        assert cruft not in body
    assert "## About Fernhill Robotics" in body


def test_a_wire_page_copied_as_markdown_finds_headline_deck_and_lede_past_the_share_widgets() -> None:
    result = imported("wire-page-setext.txt")
    assert front(result, "title") == "Coastal Ferries Adds Two Electric Boats to Its Island Route"
    assert front(result, "subtitle") == (
        "Coastal Ferries, operator of the island crossings, adds two battery boats to its busiest route."
    )
    assert front(result, "date") == dt.date(2025, 10, 8)
    assert front(result, "location") == "PORTHAVEN, Maine"
    body = body_markdown(result)
    for cruft in ("Share this article", "News provided by", "WANT YOUR COMPANY", "Accessibility Statement", "SOURCE"):
        assert cruft not in body


def test_a_short_hash_line_in_plain_text_is_still_text() -> None:
    text = f"Observatory survey of rivers\n\n{LEDE}\n\n# 5 is the number of new basins\n"
    assert "# 5 is the number of new basins" in body_texts(text_import(text))


# -- page furniture around the headline ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Rivers observatory reports on 120 basins 24 July 2017", dt.date(2017, 7, 24)),
        (
            "Rivers observatory reports on 120 basins By Observatory Press Office | 02 November 2017",
            dt.date(2017, 11, 2),
        ),
    ],
)
def test_a_date_or_byline_stuck_to_the_headline_is_split_off_and_used(line: str, date: dt.date) -> None:
    result = text_import(f"{line}\n\n{LEDE}\n")
    assert front(result, "title") == "Rivers observatory reports on 120 basins"
    assert front(result, "date") == date


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ("Wed, 09/30/2020 - 12:30", dt.date(2020, 9, 30)),
        ("Observatory - News - Mar, 02/19/2019 - 10:34", dt.date(2019, 2, 19)),
        ("Author: Press office | 03.09.2014 | 15:44 | Filed under: Rivers", dt.date(2014, 9, 3)),
        ("24.02.2016", dt.date(2016, 2, 24)),
        ("2017-apr-20", dt.date(2017, 4, 20)),
    ],
)
def test_a_metadata_line_under_the_headline_gives_the_date_and_is_never_the_title(meta: str, date: dt.date) -> None:
    text = f"Home / Newsroom\n\nNewsroom\n\nObservatory reports on the rivers of forty countries\n\n{meta}\n\n{LEDE}\n"
    result = text_import(text)
    assert front(result, "title") == "Observatory reports on the rivers of forty countries"
    assert front(result, "date") == date
    assert meta not in body_markdown(result)


def test_a_numeric_date_that_reads_both_ways_in_english_is_left_out_and_said_so() -> None:
    result = text_import(f"Observatory reports on the rivers of forty countries\n\n05/04/2007 - 10:00\n\n{LEDE}\n")
    assert front(result, "date") is None
    assert any("could be read day-first or month-first" in m for m in result.unsure)


def test_a_photo_caption_and_a_feed_footer_are_not_the_release() -> None:
    text = (
        "Observatory reports on the rivers of forty countries\n\n"
        "Wed, 09/30/2020 - 12:30\n\n"
        "Survey staff measure the Lindau river in May. Photo: Ana Brook/Observatory\n\n"
        f"Geneva- {LEDE}\n\n"
        "The survey will be repeated next year.\n\n"
        "Language English Posted: Wednesday, September 30, 2020 - 16:05Image: Region-Country: Andes\n"
        "Categories: Press\n\n"
        "Observatory opens office in Lima\n\n"
        "Tue, 09/29/2020 - 10:51\n\n"
        "Lima – The observatory opened a regional office in Lima today to cover the rivers of the Andes.\n"
    )
    result = text_import(text)
    assert front(result, "title") == "Observatory reports on the rivers of forty countries"
    assert front(result, "location") == "Geneva"
    body = body_markdown(result)
    for cruft in ("Photo:", "Posted:", "Categories", "Lima"):
        assert cruft not in body


# -- datelines and the release date ------------------------------------------------------


@pytest.mark.parametrize(
    ("lede", "location", "date"),
    [
        (
            "SALEM, Ore.–(BUSINESS WIRE)-–Tidewater Mills announced today that it will open a second mill.",
            "SALEM, Ore.",
            None,
        ),
        (
            "AKRON, Ohio--(BUSINESS WIRE)--Tidewater Mills announced today that it will open a second mill.",
            "AKRON, Ohio",
            None,
        ),
        (
            "DOVER, Delaware and TULSA, Oklahoma, Mar 3, 2026, Mar. 3, 2026 (GLOBE NEWSWIRE) — Tidewater Mills "
            "and Prairie Oats announced today a joint plan to open a second mill.",
            "DOVER, Delaware/TULSA, Oklahoma",
            dt.date(2026, 3, 3),
        ),
        (
            "Brussels, 15 November 2025 – The two agencies agreed today to share their river data.",
            "Brussels",
            dt.date(2025, 11, 15),
        ),
        (
            "**Lyon, 4 June 2026** – The two agencies agreed today to share their river data in full.",
            "Lyon",
            dt.date(2026, 6, 4),
        ),
        (
            "杭州，2025年6月3日 – 河流观测站今天发布了关于四十个国家一百二十个流域的年度调查报告，涵盖依靠这些河流取水的城镇。",
            "杭州",
            dt.date(2025, 6, 3),
        ),
    ],
)
def test_datelines_of_the_common_forms(lede: str, location: str, date: dt.date | None) -> None:
    result = text_import(f"Tidewater Mills opens a second mill in the valley\n\n{lede}\n\nMore text follows here.\n")
    assert front(result, "location") == location
    assert front(result, "date") == date


def test_an_event_date_in_the_lede_is_not_the_release_date() -> None:
    lede = (
        "AKRON, Ohio--(BUSINESS WIRE)--Tidewater Mills will hold its quarterly results call over the "
        "Internet on Thursday, November 4, 2021 at 11:00 a.m. ET."
    )
    result = text_import(f"Tidewater Mills to webcast its results call\n\n{lede}\n")
    assert front(result, "date") is None
    assert any("date of an event" in m for m in result.unsure)


def test_a_lede_that_opens_with_its_date_gives_the_release_date() -> None:
    lede = "On 19 July 2024, the observatory published its yearly survey of 120 basins in forty countries."
    assert front(text_import(f"Observatory survey of rivers\n\n{lede}\n"), "date") == dt.date(2024, 7, 19)


# -- language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("河流观测站今天发布了关于四十个国家一百二十个流域的年度调查报告。", "zh"),
        ("أصدر مرصد الأنهار اليوم تقريره السنوي عن مئة وعشرين حوضاً في أربعين بلداً.", "ar"),
        (
            "Observatoriet för floder publicerade i dag sin årliga rapport om 120 flodområden och det är "
            "den första som också tar med städerna som har sitt vatten från dem, och den kommer att följas av fler.",
            "sv",
        ),
    ],
)
def test_language_by_script_and_by_common_words(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.value == code


def test_portuguese_is_not_taken_for_spanish_and_an_unknown_language_stays_unknown() -> None:
    portuguese = (
        "O observatório dos rios publicou hoje o seu relatório anual sobre 120 bacias em quarenta países, "
        "com os dados das cidades que tiram a sua água delas, e também os planos para o próximo ano."
    )
    found = detect_language(portuguese)
    assert found is None or found.value == "pt"
    assert (
        detect_language("Jokien tarkkailuasema julkaisi tänään vuosittaisen raporttinsa neljästäkymmenestä maasta.")
        is None
    )


def test_a_feeds_date_label_glued_to_the_lede_is_a_date_line_and_no_headline_is_made_up() -> None:
    lede = "date 2026-04-22 OSLO, 20 April 2026 – The observatory confirmed its new director today for a term of four years."
    result = text_import(f"{lede}\n\nThe director takes office in June.\n")
    assert front(result, "title") is None
    assert front(result, "date") == dt.date(2026, 4, 20)  # the dateline's, not the feed's
    assert front(result, "location") == "OSLO"
    assert "date 2026-04-22" not in body_markdown(result)


def test_page_labels_above_the_headline_are_never_title_or_subtitle() -> None:
    text = (
        "Tag: Press Release\n\n"
        "Subscribe to Observatory News feed\n\n"
        "Updated: 2 hours 5 min ago\n\n"
        "Observatory - Daily News\n\n"
        "Observatory reports on the rivers of forty countries\n\n"
        "The press release issued by the Observatory on 7 May 2025.\n\n"
        f"{LEDE}\n"
    )
    result = text_import(text)
    assert front(result, "title") == "Observatory reports on the rivers of forty countries"
    assert front(result, "subtitle") is None
    assert front(result, "date") == dt.date(2025, 5, 7)
    assert "issued by" not in body_markdown(result)


def test_an_excerpt_with_a_short_lede_keeps_its_headline_apart_from_the_lede() -> None:
    text = (
        "Observatory reports on the rivers of forty countries\n"
        "Author: Press office | 03.09.2014 | 15:44\n\n"
        "PRESS RELEASE\n\n"
        "Observatory reports on the rivers of forty countries.\n\n"
        "The survey covers 120 basins in forty countries this year.\n"
    )
    result = text_import(text)
    assert front(result, "title") == "Observatory reports on the rivers of forty countries"
    assert body_texts(result) == ["The survey covers 120 basins in forty countries this year."]


def test_a_chinese_release_with_english_captions_is_chinese() -> None:
    text = (
        "河流观测站今天发布了关于四十个国家一百二十个流域的年度调查报告。\n"
        "On 3 June, staff of the observatory measure the river at the northern station.\n"
    )
    found = detect_language(text)
    assert found is not None and found.value == "zh"


def test_an_eu_place_and_date_line_above_the_headline_gives_location_and_date() -> None:
    text = (
        "Brussels, 15 November 2025\n\n"
        "ROUND-UP: Commission proposes shared river data for the whole Union in its new water plan\n\n"
        "The Commission today proposed that every member state share the data of its river gauges, in an effort"
    )
    result = text_import(text)
    assert front(result, "location") == "Brussels"
    assert front(result, "date") == dt.date(2025, 11, 15)
    assert front(result, "title") == (
        "ROUND-UP: Commission proposes shared river data for the whole Union in its new water plan"
    )
    assert body_texts(result)[0].startswith("The Commission today proposed")


def test_the_report_and_inspect_say_what_they_were_unsure_of() -> None:
    from pressrelease.inspection import doubts

    text = (
        "---\ntitle: Rivers survey published\ndate: 2024-07-20\n---\n\n"
        "Observatory publishes its yearly survey of the rivers of forty countries\n\n"
        "LIMA, 19 July 2024 – The observatory published its yearly survey of 120 basins in forty countries today.\n"
    )
    result = text_import(text)
    assert any(u.startswith("title: the text's own headline reads") for u in result.unsure)
    assert doubts(result.release) == ["date: the front matter says 2024-07-20, the dateline '19 July 2024'"]


def test_pdf_text_sentences_cut_by_a_page_break_are_joined_and_page_numbers_go() -> None:
    text = (
        "Observatory reports on the rivers of forty countries\n\n"
        f"{LEDE}\n\n"
        "Water levels fell in seventy of the basins over the ten years the survey has been\n\n"
        "Observatory reports on the rivers, 3 March 2026, Page 2\n\n"
        "running, and rose in only twelve of them, the observatory said in its measure-\n\n"
        "ment notes.\n\n"
        "- 3 -\n"
    )
    result = text_import(text)
    assert body_texts(result)[1:] == [
        "Water levels fell in seventy of the basins over the ten years the survey has been running, and rose "
        "in only twelve of them, the observatory said in its measurement notes."
    ]


def test_a_paragraph_cut_at_every_line_is_joined_whole() -> None:
    """A pasted email whose lines each came out as a paragraph: joined again, in order,
    with the one word split at a line end rejoined (the join keeps its pieces and writes
    them once; joined one by one, thousands of lines took seconds)."""
    pieces = [f"the board will answer question {n} of the residents at the meeting," for n in range(1, 1201)]
    text = (
        "Harbour board answers residents\n\n"
        f"{LEDE}\n\n"
        "Water levels fell in seventy of the basins over the ten years the survey has been\n\n"
        + "\n\n".join(pieces)
        + "\n\nand the chair said the answers would be publish-\n\ned within a week.\n"
    )
    result = text_import(text)
    joined = " ".join(pieces) + " and the chair said the answers would be published within a week."
    assert body_texts(result)[1:] == [
        "Water levels fell in seventy of the basins over the ten years the survey has been " + joined
    ]


def test_a_pdf_letter_that_runs_kicker_date_headline_and_lede_together_is_split() -> None:
    text = (
        "NEWS RELEASE River Observatory 14 May 2024 NATIONS FAIL THEIR RIVERS A River Observatory survey "
        "has found that the rivers of forty countries have lost a fifth of their water in ten years. The "
        "survey, published yesterday, covers 120 basins and the towns that draw their water from them, and "
        "asks governments to act before the summer.\n"
    )
    result = text_import(text)
    assert front(result, "title") == "NATIONS FAIL THEIR RIVERS"
    assert front(result, "date") == dt.date(2024, 5, 14)
    assert body_texts(result)[0].startswith("A River Observatory survey has found")


def test_a_lede_ending_with_a_comma_before_its_quotation_is_the_lede() -> None:
    text = (
        "---\ntitle: Rivers need help now\n---\n\n"
        "RIVER OBSERVATORY   QUOTE\n\n"
        "Rivers need help now\n\n"
        "Responding to the survey published today by the river observatory on 120 basins, its director Ana Ruiz said,\n\n"
        "“Governments must act before the summer.”\n"
    )
    result = text_import(text)
    assert front(result, "subtitle") is None
    assert body_texts(result)[0].startswith("Responding to the survey")


def test_french_full_of_words_spanish_shares_is_french() -> None:
    # "de", "la", "en", "que" are as common in Spanish, Italian and Dutch: they cannot tell.
    text = (
        "GENÈVE (14 avril 2021) – L'Organisation mondiale des forêts a lancé aujourd'hui un appel de "
        "35 millions de dollars pour restaurer 200 000 hectares de mangroves en Afrique de l'Ouest. "
        "Le nouvel appel vise à protéger les communautés côtières contre l'érosion. « Les mangroves sont "
        "notre première ligne de défense face à la montée des eaux », a déclaré Marie Okonjo, directrice "
        "générale de l'Organisation. Le programme sera mis en œuvre au Sénégal, en Gambie et en Guinée-Bissau."
    )
    found = detect_language(text)
    assert found is not None and found.value == "fr"


NGO_PAGE = """\
Skip to main content
Home > News > Press releases

New survey: one in four village schools has no working latrine
Published 12 March 2023

LONDON – One in four village schools in the three provinces surveyed has no working latrine, \
the charity Clearwell said today in a survey of 1,240 schools.

"Children should not have to walk home to use a toilet," said Dr Amara Keita, Clearwell's head of programmes.

Ends

Notes to editors
1. The full survey is available on request.
2. Clearwell is a registered charity.

For more information, please contact Sarah Jones, Media Officer, on +44 20 7946 0000 or sarah.jones@clearwell.example.org

Share this page
"""


def test_a_breadcrumb_trail_is_furniture_not_the_headline() -> None:
    result = text_import(NGO_PAGE)
    assert front(result, "title") == "New survey: one in four village schools has no working latrine"
    assert "Home > News" not in result.markdown


def test_ends_in_any_case_is_the_end_mark() -> None:
    result = text_import(NGO_PAGE)
    assert result.release.end_mark is not None and result.release.end_mark.text == "ENDS"
    assert "## Ends" not in result.markdown


def test_a_contact_sentence_after_the_notes_is_the_contact_block() -> None:
    result = text_import(NGO_PAGE)
    (contact,) = result.release.contacts
    assert (contact.name, contact.email, contact.phone) == (
        "Sarah Jones",
        "sarah.jones@clearwell.example.org",
        "+44 20 7946 0000",
    )
    assert [s.kind for s in result.release.sections] == ["notes", "contact"]


def test_a_wire_pages_provider_byline_is_not_the_headline() -> None:
    page = (
        "Harbour Mills to Open a Flour Plant in Port Elden\n\nNews provided by\nHarbour Mills, Inc.\n"
        "Jun 02, 2025, 09:00 ET\n\nPORT ELDEN, Maine, June 2, 2025 /PRNewswire/ -- Harbour Mills, Inc. today "
        "announced it will open a flour plant in Port Elden, creating 85 jobs by the end of 2026.\n"
    )
    result = text_import(page)
    assert front(result, "title") == "Harbour Mills to Open a Flour Plant in Port Elden"
    assert "News provided by" not in result.markdown and "\nHarbour Mills, Inc.\n" not in result.markdown


def test_investor_and_media_contacts_make_one_contact_section_with_both_people() -> None:
    page = (
        "Fernhill Mining Reports Second Quarter Results\n\n"
        "DENVER, Aug. 6, 2025 (GLOBE NEWSWIRE) -- Fernhill Mining Corp. today reported revenue of $12.4 million "
        "for the second quarter, up 9% from a year earlier.\n\n"
        "Investor Contact:\nRuth Nakamura\nir@fernhill.example.com\n303-555-0117\n\n"
        "Media Contact:\nOwen Price\nowen@pricepr.example.com\n"
    )
    result = text_import(page)
    assert [(c.name, c.email) for c in result.release.contacts] == [
        ("Ruth Nakamura", "ir@fernhill.example.com"),
        ("Owen Price", "owen@pricepr.example.com"),
    ]
    assert [s.kind for s in result.release.sections] == ["contact"]
    assert "## 303-555-0117" not in result.markdown and "## Ruth Nakamura" not in result.markdown


@pytest.mark.parametrize(
    ("line", "organisation"),
    [
        ("From: Department for Transport and Jane Cole MP", "Department for Transport"),
        (
            "From: Department for Towns, Housing and Communities and The Rt Hon Ann Lee MP",
            "Department for Towns, Housing and Communities",
        ),
        ("From: Ministry of Rivers, Lord Vale of Leigh and Baroness Dee", "Ministry of Rivers"),
        ("From: Office for Ports, and Sir Tom Hale MP", "Office for Ports"),
        ("From: Home Office and Ministry of Justice", "Home Office and Ministry of Justice"),
    ],
)
def test_a_from_line_names_the_department_not_its_ministers(line: str, organisation: str) -> None:
    text = f"New funding for rural bus routes\n\n{line}\nPublished 12 February 2026\n\n{LEDE}\n"
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.organization is not None
    assert result.release.organization.name == organisation


def test_a_from_line_that_names_only_a_minister_gives_no_organisation() -> None:
    text = f"New funding for rural bus routes\n\nFrom: Jane Cole MP\nPublished 12 February 2026\n\n{LEDE}\n"
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.organization is None


@pytest.mark.parametrize("widget", ["SHARE THIS ARTICLE", "Share", "Share on LinkedIn", "Partager cet article"])
def test_a_share_widget_between_the_headline_and_the_lede_does_not_hide_the_headline(widget: str) -> None:
    text = (
        "Robot lifts half a tonne\n\nNew model cuts loading time by a third\n\n"
        f"NEWS PROVIDED BY\nAcme Robotics Inc.\nMar 03, 2026, 08:00 ET\n\n{widget}\n\n{LEDE}\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.title == "Robot lifts half a tonne"
    assert result.release.subtitle == "New model cuts loading time by a third"
    assert widget not in result.markdown


@pytest.mark.parametrize(
    ("heading", "code", "name"),
    [
        ("Acerca del Observatorio de Ríos", "es", "Observatorio de Ríos"),
        ("Acerca de la Agencia del Agua", "es", "Agencia del Agua"),
        ("À propos de l’Observatoire des fleuves", "fr", "Observatoire des fleuves"),
        ("Über die Flussbehörde", "de", "Flussbehörde"),
        ("About the Harbor Fund", "en", "Harbor Fund"),
    ],
)
def test_the_about_heading_names_the_organisation_in_each_language(heading: str, code: str, name: str) -> None:
    text = f"Headline for a test release\n\n{LEDE}\n\n{heading}\nIt measures rivers in 40 countries.\n"
    result = import_bytes(text.encode(), "text", DEFAULT, language=code)
    assert result.release.organization is not None
    assert result.release.organization.name == name


@pytest.mark.parametrize(("heading", "code"), [("Acerca de nosotros", "es"), ("About us", "en"), ("À propos", "fr")])
def test_an_about_us_heading_names_no_organisation(heading: str, code: str) -> None:
    text = f"Headline for a test release\n\n{LEDE}\n\n{heading}\nIt measures rivers in 40 countries.\n"
    assert import_bytes(text.encode(), "text", DEFAULT, language=code).release.organization is None


def test_a_pasted_emails_from_header_is_not_the_organisation() -> None:
    text = (
        "From: Press Office <press@riverfund.example.org>\nSent: Tuesday, March 3, 2026 9:02 AM\n"
        "To: Newsdesk <news@paper.example.com>\nSubject: PRESS RELEASE: Wetlands grant\n\n"
        f"River Fund grants £2m to restore wetlands\n\n{LEDE}\n"
    )
    result = import_bytes(text.encode(), "text", DEFAULT)
    assert result.release.organization is None
    assert result.release.title == "River Fund grants £2m to restore wetlands"
    assert "press@riverfund" not in result.markdown


def test_a_long_first_paragraph_cut_by_a_page_footer_is_the_lede_not_a_deck() -> None:
    # A PDF's first page as one line: the paragraph runs into the page's footer
    # ("2 May media release 1") and so does not end like a sentence.
    lede = (
        "A survey by the Harbour Trust has found that the island's ferry landings flooded on 40 days last "
        "winter, twice as often as ten years ago. The trust said it would raise the three oldest landings "
        "by a metre before next winter and asked the county to share the cost of the work, which it put at "
        "four million over two years, “because the landings are the island's only road,” 2 May media release 1"
    )
    text = (
        "Island ferry landings to be raised\n\n"
        + lede
        + "\n\nsaid the trust's director. The work on the first landing starts in June, when the summer "
        + "timetable moves the early boats to the new pier at the harbour mouth.\n\n"
        + "Contact: Jane Roe, +44 20 7946 0000\n"
    )
    result = text_import(text)
    assert result.release.subtitle is None
    assert body_texts(result)[0].startswith("A survey by the Harbour Trust has found")


def test_paragraphs_a_pdf_ran_together_with_runs_of_spaces_are_paragraphs_again() -> None:
    # A PDF's text layer as one line a page: paragraphs apart only by three spaces or
    # more. A quotation continued into the next paragraph (no closing mark) must not
    # become one unbalanced paragraph.
    page = (
        "The ferry company said today that it would double the winter timetable to the outer islands.   "
        "Its chief executive, Mara Quell, said:   "
        "“We have listened to the islanders who wait two days for a boat in January.   "
        "“The second vessel starts on the first of November and stays until the spring.”   "
        "The company will publish the new timetable on its website next week."
    )
    result = text_import(f"Ferry company doubles winter timetable\n\n{page}\n")
    assert body_texts(result) == [
        "The ferry company said today that it would double the winter timetable to the outer islands.",
        "Its chief executive, Mara Quell, said:",
        "“We have listened to the islanders who wait two days for a boat in January.",
        "“The second vessel starts on the first of November and stays until the spring.”",
        "The company will publish the new timetable on its website next week.",
    ]
    assert [(q.speaker, q.text[:10]) for q in result.release.quotes] == [
        ("Mara Quell", "We have li"),
        ("Mara Quell", "The second"),
    ]


def test_three_spaces_typed_once_after_a_full_stop_split_nothing() -> None:
    lede = (
        "The ferry company said today that it would double the winter timetable.   It starts on the "
        "first of November, when the second vessel joins the route to the outer islands."
    )
    result = text_import(f"Ferry company doubles winter timetable\n\n{lede}\n")
    assert len(body_texts(result)) == 1
