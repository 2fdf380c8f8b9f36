"""Contact blocks as other people lay them out: each form imports into our Contact section.

Every name, organisation and number here is invented.
"""

from __future__ import annotations

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import ImportResult, import_bytes

LEDE = (
    "Harbour Trust opens a second ferry route\n\n"
    "PORTVALE, 12 March 2026 – The Harbour Trust today opened a second ferry route between the old "
    "port and the island, cutting the crossing to twenty minutes for the 4,000 people who make it daily.\n\n"
    "The new boats carry bicycles and run every half hour from six in the morning until midnight.\n\n"
)


def run(text: str, kind: str = "text") -> ImportResult:
    return import_bytes(text.encode(), kind, DEFAULT)


def people(result: ImportResult) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.name, c.email, c.phone, c.mobile) for c in result.release.contacts]


def test_a_contact_sentence_in_prose() -> None:
    result = run(LEDE + "For further information and interviews, please contact Jane  Roe on 0400 000 000.\n")
    assert people(result) == [("Jane Roe", None, "0400 000 000", None)]
    assert [s.kind for s in result.release.sections] == ["contact"]


def test_a_sentence_that_names_nobody_stays_in_the_body() -> None:
    result = run(LEDE + "For more information, visit the trust's website or call 0800 000 000.\n")
    assert people(result) == [] and result.release.sections == ()


def test_a_label_run_into_its_text_by_a_wide_gap() -> None:
    result = run(LEDE + "Contact Details  Public Enquiries 0800 000 0000, info@harbour.example.org\n")
    assert people(result) == [("Public Enquiries", "info@harbour.example.org", "0800 000 0000", None)]


def test_a_notes_label_set_off_by_a_wide_gap_opens_the_notes() -> None:
    # A PDF's line breaks flattened into spaces: the label, two spaces, the first note.
    notes = "Notes to Editors  1. The route was planned with the island council in 2025."
    result = run(LEDE + notes + "\n")
    sections = result.release.sections
    assert [(s.kind, s.heading) for s in sections] == [("notes", "Notes to Editors")]
    assert [result.release.blocks[i].text for i in sections[0].blocks] == [
        "The route was planned with the island council in 2025."
    ]


def test_an_about_heading_run_into_its_text_as_a_first_sentence_opens_the_about_section() -> None:
    about = "About Harbour Trust Inc. Founded in 1921, the Harbour Trust runs the ferries of the bay."
    result = run(LEDE + about + "\n")
    sections = result.release.sections
    assert [(s.kind, s.heading) for s in sections] == [("about", "About Harbour Trust Inc.")]
    assert [result.release.blocks[i].text for i in sections[0].blocks] == [
        "Founded in 1921, the Harbour Trust runs the ferries of the bay."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "About Face. The new timetable turns every boat around at the island.",
        "About 300 people. That is how many take the first boat.",
    ],
)
def test_a_first_sentence_that_only_looks_like_an_about_heading_stays_in_the_body(text: str) -> None:
    result = run(LEDE + text + "\n")
    assert result.release.sections == ()


def test_words_before_a_wide_gap_that_are_no_label_stay_in_the_body() -> None:
    result = run(LEDE + "Island notes  The ferry also carries post and medicine twice a day.\n")
    assert result.release.sections == ()


def test_a_label_glued_to_the_agency_then_a_paragraph_each() -> None:
    text = LEDE + "Contact DetailsHarbour Public Relations\n\nJane Roe\n\n+1 401-000-0000\n\njroe@harbour.example.org\n"
    assert people(run(text)) == [("Jane Roe", "jroe@harbour.example.org", "+1 401-000-0000", None)]


def test_a_chinese_label() -> None:
    text = (
        "港务局开通第二条渡轮航线\n\n"
        "港城，2026年3月12日 – 港务局今天开通了连接旧港和岛屿的第二条渡轮航线，每天往返的四千人的行程缩短到二十分钟。"
        "新船可以携带自行车，从早上六点到午夜每半小时一班。\n\n"
        "如需更多信息,请联系:\n\nJane Roe, 港务局总部, 电话:+ 1 212 000 0000,\n\nE-mail: jroe@harbour.example.org\n"
    )
    assert people(run(text)) == [("Jane Roe", "jroe@harbour.example.org", "+1 212 000 0000", None)]


def test_a_bracketed_contact_at_the_end_of_a_paragraph() -> None:
    text = LEDE.replace(
        "midnight.",
        "midnight. (For more information: Jane Roe – Tel.: +32 2 000 00 00; John Doe – Tel.: + 32 2 000 00 01)",
    )
    result = run(text)
    assert people(result) == [("Jane Roe", None, "+32 2 000 00 00", None), ("John Doe", None, "+32 2 000 00 01", None)]
    body = [result.release.blocks[i].text for i in result.release.body]
    assert body[-1].endswith("until midnight.")  # the paragraph stays, without the contact


MD_TABLE = """# Harbour Trust opens a second ferry route

PORTVALE, March 12, 2026 /PRNewswire/ -- The Harbour Trust today opened a second ferry route between the
old port and the island, cutting the crossing to twenty minutes.

**Contacts:**

|  |  |
| --- | --- |
| Jane Roe, CEO | John Doe, Vice President |
| Harbour Trust | [[email protected]](/cdn-cgi/l/email-protection#00aa) |
| [www.harbour.example](https://t.example/c/link/?o=2731814-1&h=3881339635) | 920-000-0000 |
| 617-000-0000 |  |

SOURCE Harbour Trust

![](https://rt.example/rt.gif?NewsItemId=XX1&DateId=20260312)

* [Call PR Newswire at 888-000-0000](tel:888-000-0000)
* [Chat with an Expert](javascript://Chat)
"""


def test_a_table_one_column_per_person_at_the_foot_of_a_wire_release() -> None:
    result = run(MD_TABLE)
    assert people(result) == [("Jane Roe", None, "617-000-0000", None), ("John Doe", None, "920-000-0000", None)]


@pytest.mark.parametrize("kind", ["html"])
def test_an_html_contact_table(kind: str) -> None:
    html = (
        "<html><body><article><h1>Harbour Trust opens a second ferry route</h1>"
        "<p>PORTVALE, 12 March 2026 – The Harbour Trust today opened a second ferry route between the old port "
        "and the island, cutting the crossing to twenty minutes for the people who make it daily.</p>"
        "<p>The new boats carry bicycles and run every half hour from six in the morning until midnight.</p>"
        "<h2>Media contacts</h2><table><tr><td>Jane Roe</td><td>John Doe</td></tr>"
        "<tr><td>+41 22 000 00 00</td><td>+41 22 000 00 01</td></tr>"
        "<tr><td>jroe@harbour.example.org</td><td></td></tr></table></article></body></html>"
    )
    assert people(run(html, kind)) == [
        ("Jane Roe", "jroe@harbour.example.org", "+41 22 000 00 00", None),
        ("John Doe", None, "+41 22 000 00 01", None),
    ]


def test_a_table_in_the_body_stays_a_paragraph_per_row() -> None:
    text = MD_TABLE.split("**Contacts:**")[0] + "| Route | Crossing |\n| --- | --- |\n| Old port | 20 minutes |\n"
    result = run(text)
    assert "Old port 20 minutes" in [result.release.blocks[i].text for i in result.release.body]


@pytest.mark.parametrize("header", ["| Name | Phone | Email |\n| --- | --- | --- |\n", ""])
def test_a_table_with_a_row_per_person(header: str) -> None:
    text = (
        LEDE
        + "Media contacts:\n\n"
        + header
        + "| Jane Roe | +41 22 000 00 00 | jroe@harbour.example.org |\n"
        + "| John Doe | +41 22 000 00 01 | jdoe@harbour.example.org |\n"
    )
    assert people(run(text)) == [
        ("Jane Roe", "jroe@harbour.example.org", "+41 22 000 00 00", None),
        ("John Doe", "jdoe@harbour.example.org", "+41 22 000 00 01", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "港务局开通第二条渡轮航线\n\n"
            "港城，2026年3月12日 – 港务局今天开通了连接旧港和岛屿的第二条渡轮航线，每天往返的四千人的行程缩短到二十分钟。"
            "新船可以携带自行车，从早上六点到午夜每半小时一班。\n\n"
            "媒体联系人：\n王明，港务局，电话：+86 10 0000 0000，邮箱：wm@port.example\n",
            [("王明", "wm@port.example", "+86 10 0000 0000", None)],
            id="chinese-name",
        ),
        pytest.param(
            "الميناء يفتتح خط عبارة ثانيا\n\n"
            "عدن، 12 مارس 2026 – افتتح الميناء اليوم خط عبارة ثانيا بين الميناء القديم والجزيرة، مما يقلص مدة "
            "العبور إلى عشرين دقيقة لأربعة آلاف شخص يقومون بها يوميا.\n\n"
            "تحمل القوارب الجديدة الدراجات وتعمل كل نصف ساعة من السادسة صباحا حتى منتصف الليل.\n\n"
            "للمزيد من المعلومات يرجى الاتصال ب:\n"
            "سارة أحمد، هاتف: +967 2 000 000، البريد الإلكتروني: sa@port.example\n",
            [("سارة أحمد", "sa@port.example", "+967 2 000 000", None)],
            id="arabic-name-and-labels",
        ),
    ],
)
def test_names_in_scripts_without_capitals(text: str, expected: list[tuple[str, str, str, None]]) -> None:
    assert people(run(text)) == expected
