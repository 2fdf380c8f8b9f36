"""Contacts from the Contact section's text and the front matter, merged into one list."""

from __future__ import annotations

import pytest

from pressrelease.model import Contact, Release, Span
from pressrelease.parse import parse

FRONT = "---\ntitle: T\ndate: 2024-07-19\n{extra}---\n\nGENEVA – The agency met today.\n\n## Contact\n\n"


def release(section: str, extra: str = "") -> Release:
    return parse(FRONT.format(extra=extra) + section)


def contacts(section: str, extra: str = "") -> tuple[Contact, ...]:
    return release(section, extra).contacts


def text_at(r: Release, span: Span | None) -> str:
    assert span is not None
    return r.source.split("\n")[span.line - 1][span.column - 1 : span.end_column - 1]


def fields(contact: Contact) -> tuple[str | None, ...]:
    return (
        contact.name,
        contact.title,
        contact.organization,
        contact.region,
        contact.email,
        contact.phone,
        contact.mobile,
    )


SECTION_LINE = 10  # the first line under "## Contact"


@pytest.mark.parametrize("between", [". ", ", "])
def test_one_line_contact_with_labels(between: str) -> None:
    line = f"Safa Msehli, IOM Geneva, Tel: +41 79 403 5526{between}Email: smsehli@example.org"
    r = release(line)
    (contact,) = r.contacts
    assert fields(contact) == (
        "Safa Msehli",
        None,
        "IOM Geneva",
        None,
        "smsehli@example.org",
        "+41 79 403 5526",
        None,
    )
    assert contact.source == "section"
    assert contact.span == Span(SECTION_LINE, 1, SECTION_LINE, 12)
    assert text_at(r, contact.email_span) == "smsehli@example.org"
    assert text_at(r, contact.phone_span) == "+41 79 403 5526"


def test_region_name_and_autolinked_email() -> None:
    r = release("For further information please contact:\nIn Belarus: Hanna Kalichava at <hkalichava@iom.int>")
    (contact,) = r.contacts
    assert fields(contact) == ("Hanna Kalichava", None, None, "In Belarus", "hkalichava@iom.int", None, None)
    assert text_at(r, contact.span) == "Hanna Kalichava"
    assert contact.email_span == Span(SECTION_LINE + 1, 33, SECTION_LINE + 1, 51)


def test_labelled_lines_under_a_name() -> None:
    section = "Jane Doe\nCommunications Officer\nEmail: jdoe@example.org\nTel: +41 22 555 0100\nMobile: +41 79 555 0101"
    r = release(section)
    (contact,) = r.contacts
    assert fields(contact) == (
        "Jane Doe",
        "Communications Officer",
        None,
        None,
        "jdoe@example.org",
        "+41 22 555 0100",
        "+41 79 555 0101",
    )
    assert contact.email_span is not None and contact.email_span.line == SECTION_LINE + 2
    assert contact.phone_span is not None and contact.phone_span.line == SECTION_LINE + 3


def test_title_and_organisation_line_under_a_name() -> None:
    (contact,) = contacts(
        "Jordan Okafor\nDirector of Communications, Pallas Thermal\nEmail: jo@example.com\nPhone: +1 425 555 0173"
    )
    assert (contact.name, contact.title, contact.organization) == (
        "Jordan Okafor",
        "Director of Communications",
        "Pallas Thermal",
    )


@pytest.mark.parametrize(
    ("section", "title", "organization"),
    [
        (
            "Aminata Diallo, chargée de communication, RFA Dakar, tél. : +221 33 889 01 77, courriel : ad@example.org",
            "chargée de communication",
            "RFA Dakar",
        ),
        (
            "Valeria Castillo, oficial de comunicación\nCorreo electrónico: vc@example.org",
            "oficial de comunicación",
            None,
        ),
        (
            "Наталья Сидоренко, пресс-секретарь\nЭл. почта: ns@example.org\nТел.: +375 17 555 01 42",
            "пресс-секретарь",
            None,
        ),
        (
            "Contact: Rosa Delgado, Lakeshore Transit Alliance\nPhone: +1 312 555 0119",
            None,
            "Lakeshore Transit Alliance",
        ),
    ],
)
def test_title_or_organisation_after_the_name(section: str, title: str | None, organization: str | None) -> None:
    (contact,) = contacts(section)
    assert (contact.title, contact.organization) == (title, organization)


def test_russian_labels_are_read() -> None:
    (contact,) = contacts("Наталья Сидоренко, пресс-секретарь\nЭл. почта: ns@example.org\nТел.: +375 17 555 01 42")
    assert (contact.name, contact.email, contact.phone) == ("Наталья Сидоренко", "ns@example.org", "+375 17 555 01 42")


@pytest.mark.parametrize(
    "section",
    [
        "Jane Doe, jdoe@example.org, +41 22 555 0100\nJohn Roe, jroe@example.org, +41 22 555 0200",
        "Jane Doe, jdoe@example.org, +41 22 555 0100\n\nJohn Roe, jroe@example.org, +41 22 555 0200",
        "- Jane Doe, Tel: +41 22 555 0100, Email: jdoe@example.org\n- John Roe, Tel: +41 22 555 0200, Email: jroe@example.org",
        "Media: Jane Doe, +41 22 555 0100, jdoe@example.org\nInvestors: John Roe, +41 22 555 0200, jroe@example.org",
    ],
)
def test_two_contacts_in_one_section(section: str) -> None:
    found = [(c.name, c.email, c.phone) for c in contacts(section)]
    assert found == [
        ("Jane Doe", "jdoe@example.org", "+41 22 555 0100"),
        ("John Roe", "jroe@example.org", "+41 22 555 0200"),
    ]


def test_two_contacts_under_names_on_their_own_lines() -> None:
    section = "Jane Doe\nEmail: jdoe@example.org\n\nJohn Roe\nEmail: jroe@example.org\nTel: +41 22 555 0200"
    found = [(c.name, c.email, c.phone) for c in contacts(section)]
    assert found == [("Jane Doe", "jdoe@example.org", None), ("John Roe", "jroe@example.org", "+41 22 555 0200")]


def test_a_desk_is_a_contact_name() -> None:
    (contact,) = contacts("Press Office, Department for Rural Connectivity\nEmail: news@example.org")
    assert contact.name == "Press Office, Department for Rural Connectivity"


def test_an_address_with_no_name() -> None:
    (contact,) = contacts("Email: press@example.org")
    assert (contact.name, contact.email) == (None, "press@example.org")


def test_dates_and_short_numbers_are_not_phones() -> None:
    (contact,) = contacts("Jane Doe, available 2024-07-19 and on 12 34, jdoe@example.org")
    assert contact.phone is None and contact.mobile is None


def test_front_matter_and_section_merge_by_email() -> None:
    extra = "contacts:\n  - name: Hanna Kalichava\n    title: Media officer\n    email: hkalichava@iom.int\n"
    r = release("In Belarus: Hanna Kalichava at <hkalichava@iom.int>, Tel: +375 17 555 0100", extra)
    (contact,) = r.contacts
    assert fields(contact) == (
        "Hanna Kalichava",
        "Media officer",
        None,
        "In Belarus",
        "hkalichava@iom.int",
        "+375 17 555 0100",
        None,
    )
    assert contact.source == "front-matter"
    assert contact.span == r.front_matter.key_spans["contacts"]
    assert text_at(r, contact.email_span) == "hkalichava@iom.int"
    assert text_at(r, contact.phone_span) == "+375 17 555 0100"


def test_merge_by_name_when_emails_differ_in_case() -> None:
    extra = "contacts:\n  - name: Jane Doe\n    email: JDoe@Example.org\n"
    r = release("Jane Doe, jdoe@example.org", extra)
    assert len(r.contacts) == 1


def test_different_people_stay_separate() -> None:
    extra = "contacts:\n  - name: Jane Doe\n    email: jdoe@example.org\n"
    r = release("John Roe, jroe@example.org", extra)
    assert [(c.name, c.source) for c in r.contacts] == [("Jane Doe", "front-matter"), ("John Roe", "section")]


def test_front_matter_contacts_keep_every_field() -> None:
    extra = (
        "contacts:\n"
        "  - name: Amélie Varenne\n"
        "    title: Communications Officer\n"
        "    organization: GFO\n"
        "    region: In Geneva\n"
        "    email: av@example.org\n"
        '    phone: "+41 22 555 0142"\n'
        '    mobile: "+41 79 555 0187"\n'
    )
    (contact,) = release("", extra).contacts
    assert fields(contact) == (
        "Amélie Varenne",
        "Communications Officer",
        "GFO",
        "In Geneva",
        "av@example.org",
        "+41 22 555 0142",
        "+41 79 555 0187",
    )
    assert contact.phones == ("+41 22 555 0142", "+41 79 555 0187")


def test_a_single_mapping_is_read_as_a_list_of_one() -> None:
    extra = "contacts:\n  name: Jane Doe\n  email: jdoe@example.org\n"
    r = release("", extra)
    assert [c.name for c in r.contacts] == ["Jane Doe"] and r.problems == ()


def test_contact_in_a_pseudo_heading_section() -> None:
    text = (
        "---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n\n**Media contact:**\n\nJane Doe, jdoe@example.org\n"
    )
    r = parse(text)
    assert [s.kind for s in r.sections] == ["contact"]
    assert [c.email for c in r.contacts] == ["jdoe@example.org"]


WIRE_END = (
    "---\ntitle: T\ndate: 2024-07-19\n---\n\nYOUNGSTOWN, Ohio — Lede.\n\n###\n\n"
    "{label}\nJohn Smith\njohn.smith@acme.example\n+1 330 555 0142\n"
)


@pytest.mark.parametrize("label", ["Media Contact:", "**Media Contact:**", "**Media contacts**", "Contact:"])
def test_a_label_heading_its_own_paragraph_starts_the_contact_section(label: str) -> None:
    """US wire releases end so: ``###``, then the label and the contact lines, one paragraph."""
    r = parse(WIRE_END.format(label=label))
    (section,) = r.sections
    written = label.strip("*:")
    assert (section.kind, section.heading) == ("contact", written)
    assert text_at(r, section.span) == written and section.span.line == 10
    assert section.blocks == (section.heading_block,)  # the paragraph is the heading and the text
    assert [fields(c) for c in r.contacts] == [
        ("John Smith", None, None, None, "john.smith@acme.example", "+1 330 555 0142", None)
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Media Contact\nJohn Smith\njohn.smith@acme.example",  # no colon, no bold: prose could start so
        "Notes to editors:\nThe plant opened in 2024.",  # only contact sections start so
        "For more information on the programme, visit the website:\nhttps://example.org",  # no contact in it
    ],
)
def test_other_paragraphs_keep_their_first_line(paragraph: str) -> None:
    r = parse(f"---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n\n{paragraph}\n")
    assert r.sections == ()


# -- contacts as people write them: one form each, every name and number invented --------------


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        pytest.param(
            "CONTACT: Jane Roe  02 6200 0000 / 0400 000 000\n\nJohn Doe  02 6200 0001 / 0400 000 001",
            [("Jane Roe", None, "02 6200 0000", "0400 000 000"), ("John Doe", None, "02 6200 0001", "0400 000 001")],
            id="two-numbers-with-a-slash",
        ),
        pytest.param(
            "For further information, please contact Jane  Roe on 0400 000 000.",
            [("Jane Roe", None, "0400 000 000", None)],
            id="prose",
        ),
        pytest.param(
            "In Oslo, Jane Roe, jroe@example.org,  +47 000 00 000 In Lima, John Doe, jdoe@example.org,"
            " +51 1 000 0000 In Rome, Ann Lee, alee@example.org+39 06 000 0000",
            [
                ("Jane Roe", "jroe@example.org", "+47 000 00 000", None),
                ("John Doe", "jdoe@example.org", "+51 1 000 0000", None),
                ("Ann Lee", "alee@example.org", "+39 06 000 0000", None),
            ],
            id="several-offices-in-one-line",
        ),
        pytest.param(
            "Office of the Minister for Lakes:   02 6200 0000  Office of Senator Quill :   02 6200 0001.",
            [
                ("Office of the Minister for Lakes", None, "02 6200 0000", None),
                ("Office of Senator Quill", None, "02 6200 0001", None),
            ],
            id="offices-named-before-their-numbers",
        ),
        pytest.param(
            "Jane ROE (+32 2 000 00 00)  John DOE (+ 32 2 000 00 01)",
            [("Jane ROE", None, "+32 2 000 00 00", None), ("John DOE", None, "+32 2 000 00 01", None)],
            id="numbers-in-brackets-plus-kept",
        ),
        pytest.param(
            "(For more information: Jane Roe – Tel.: +32 2 000 00 00; John Doe – Tel.: +32 2 000 00 01)",
            [("Jane Roe", None, "+32 2 000 00 00", None), ("John Doe", None, "+32 2 000 00 01", None)],
            id="eu-for-more-information",
        ),
        pytest.param(
            "Jane Roe  John Doe  0200000000or0400000000  0200000001",
            [("Jane Roe", None, "0200000000", "0400000000"), ("John Doe", None, "0200000001", None)],
            id="table-read-flat",
        ),
        pytest.param(
            "Acme Public Relations\n\nJane Roe\n\n+1 401-000-0000\n\njroe@example.org",
            [("Jane Roe", "jroe@example.org", "+1 401-000-0000", None)],
            id="a-paragraph-each",
        ),
        pytest.param(
            "Jane Roe, 某某基金会总部, 电话:+ 1 212 000 0000,\nE-mail: jroe@example.org",
            [("Jane Roe", "jroe@example.org", "+1 212 000 0000", None)],
            id="chinese-labels",
        ),
        pytest.param(
            "Jane Roe, Tel: +41 22 000 0000, Fax: +41 22 000 0001, Mobile phone: 079 000 00 00",
            [("Jane Roe", None, "+41 22 000 0000", "079 000 00 00")],
            id="a-fax-is-not-a-phone",
        ),
        pytest.param(
            "UNX: Jane Roe. 02 6?00 0000. 0400 000 000",
            [("Jane Roe", None, "0400 000 000", None)],
            id="ocr-damage-and-full-stops",
        ),
        pytest.param(
            "General public inquiries: Citizens Line by phone 00 800 0000 0000 or by email",
            [("Citizens Line", None, "00 800 0000 0000", None)],
            id="a-service-after-its-label",
        ),
        pytest.param(
            "Public Enquiries 0800 000 0000, info@example.org\n\nPress Notice 2026/0012\n\nStand: 25.01.2026",
            [("Public Enquiries", "info@example.org", "0800 000 0000", None)],
            id="references-and-dates-are-not-phones",
        ),
        pytest.param(
            "Jane Roe, CEO\nAcme, Inc\n[www.acme.example](https://t.example/c/link/?o=2731814-1&h=38813)\n"
            "617-000-0000\n\nSOURCE Acme, Inc.\n\n![](https://rt.example/rt.gif?NewsItemId=XX1&DateId=20260227)\n\n"
            "- [Call PR Newswire at 888-000-0000](tel:888-000-0000)",
            [("Jane Roe", None, "617-000-0000", None)],
            id="wire-foot",
        ),
    ],
)
def test_contacts_as_people_write_them(
    section: str, expected: list[tuple[str | None, str | None, str | None, str | None]]
) -> None:
    assert [(c.name, c.email, c.phone, c.mobile) for c in contacts(section)] == expected


def test_names_stay_with_their_titles_and_organisations() -> None:
    section = (
        "Jane Roe\nVice President\nThe Example Foundation\n+1 617 000 0000\njroe@example.org\n\n"
        "John Doe\nCorporate Communications\nAcme\n+1 650 000 0000\njdoe@example.org"
    )
    found = [(c.name, c.title, c.email, c.phone) for c in contacts(section)]
    assert found == [
        ("Jane Roe", "Vice President", "jroe@example.org", "+1 617 000 0000"),
        ("John Doe", None, "jdoe@example.org", "+1 650 000 0000"),
    ]


def test_a_place_between_one_persons_details_is_not_a_person() -> None:
    found = [(c.name, c.email, c.phone) for c in contacts("Jane Roe, +41 22 000 0000, Geneva Office, jroe@example.org")]
    assert found == [("Jane Roe", "jroe@example.org", "+41 22 000 0000")]


def test_an_agency_line_above_the_person_with_a_number_is_not_the_person() -> None:
    section = "Harbour Trust\nJane Roe, 555-000-0000\njane@example.org"
    assert [(c.name, c.email, c.phone) for c in contacts(section)] == [("Jane Roe", "jane@example.org", "555-000-0000")]


def test_a_company_line_above_the_person_is_not_the_person() -> None:
    section = "Acme Corp\nJane Roe, 555-000-0000\njane@acme.example\nor\nJohn Doe, 555-000-0001\njohn@acme.example"
    assert [(c.name, c.email, c.phone) for c in contacts(section)] == [
        ("Jane Roe", "jane@acme.example", "555-000-0000"),
        ("John Doe", "john@acme.example", "555-000-0001"),
    ]


def test_a_second_number_in_a_later_paragraph_is_not_the_same_persons() -> None:
    found = [(c.name, c.phone) for c in contacts("Jane Roe, +41 22 000 0000\n\nSwitchboard: +41 22 000 0009")]
    assert found == [("Jane Roe", "+41 22 000 0000"), (None, "+41 22 000 0009")]


def test_a_sentence_that_starts_like_a_label_is_prose() -> None:
    text = "---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n\nFor more information, visit our website or call 0800 000 000.\n"
    assert parse(text).sections == ()
