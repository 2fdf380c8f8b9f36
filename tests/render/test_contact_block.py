"""Every format says the same thing under the Contact heading: labels, lead-in and
numbers exactly as written, so a journalist cannot call the wrong number."""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pressrelease.config import DEFAULT
from pressrelease.model import Release
from pressrelease.parse import parse
from pressrelease.render.contact_block import contact_block
from pressrelease.render.eml import render_eml
from pressrelease.render.html import render_html
from pressrelease.render.text import render_text

ENGLISH = """---
title: Harbour trust opens a second ferry route
date: 2026-02-10
location: Portlaw
---

PORTLAW – The Harbour Trust opened its second ferry route on Tuesday.

## Media contacts

For further information please contact:

Media: Lena Korver, Head of Press
Phone: +44 20 7946 0111
Out of hours: +44 7700 900123
Email: lena.korver@harbour.example.org

Investors: Tom Achterberg
Email: ir@harbour.example.org
"""

FRENCH = """---
title: Le Conservatoire ouvre une troisième salle
date: 2026-02-10
location: Lyon
language: fr
---

LYON – Le Conservatoire des métiers du fleuve ouvre une troisième salle.

## Contact presse

Léa Dumont, chargée de communication
Courriel\xa0: l.dumont@conservatoire.example.fr
Tél. : +33 4 99 00 12 34
"""

ENGLISH_LINES = [
    "For further information please contact:",
    "Media: Lena Korver, Head of Press",
    "Phone: +44 20 7946 0111",
    "Out of hours: +44 7700 900123",
    "Email: lena.korver@harbour.example.org",
    "Investors: Tom Achterberg",
    "Email: ir@harbour.example.org",
]
FRENCH_LINES = [
    "Léa Dumont, chargée de communication",
    "Courriel\xa0: l.dumont@conservatoire.example.fr",
    "Tél. : +33 4 99 00 12 34",
]


class _Section(HTMLParser):
    """The lines of the ``<section class="contact">``: one per ``<br>`` or block end."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.lines: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in ("br", "wbr")
            if tag in ("br", "address", "p", "h2"):
                self.lines.append("")
        elif tag == "section" and ("class", "contact") in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if tag in ("address", "p", "h2"):
                self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.lines[-1] += data


def html_lines(html: str) -> list[str]:
    parser = _Section()
    parser.feed(html)
    return [" ".join(line.replace("\xa0", "\0").split()).replace("\0", "\xa0") for line in parser.lines]


def text_lines(text: str, heading: str) -> list[str]:
    after = text.split(heading.upper() + "\n", 1)[1]
    return [line for line in after.split("\n") if line.strip()]


def eml_parts(release: Release) -> tuple[str, str]:
    text = render_text(release, DEFAULT)
    data = render_eml(release, DEFAULT, text, render_html(release, DEFAULT, mode="email"))
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    return plain.get_content().replace("\r\n", "\n"), html.get_content()


@pytest.mark.parametrize(
    ("source", "heading", "expected"),
    [(ENGLISH, "Media contacts", ENGLISH_LINES), (FRENCH, "Contact presse", FRENCH_LINES)],
)
def test_every_format_prints_the_contact_lines_as_written(source: str, heading: str, expected: list[str]) -> None:
    release = parse(source, "release.md")
    assert [line.text for paragraph in contact_block(release) for line in paragraph] == expected
    page = [line for line in html_lines(render_html(release, DEFAULT)) if line]
    assert page == [heading, *expected]
    text = render_text(release, DEFAULT)
    assert text_lines(text, heading) == expected
    eml_text, eml_html = eml_parts(release)
    assert text_lines(eml_text, heading) == expected
    assert [line for line in html_lines(eml_html) if line] == [heading, *expected]


def test_the_pdf_prints_the_same_lines(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from pressrelease.render.pdf import PdfRenderer

    release = parse(ENGLISH, "release.md")
    pdf = tmp_path / "contacts.pdf"
    pdf.write_bytes(PdfRenderer().render(release, DEFAULT))
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # cards may stand side by side: a wide gap separates them on a line
    cells = [
        cell.strip() for line in out.split("MEDIA CONTACTS", 1)[1].splitlines() for cell in re.split(r"\s{3,}", line)
    ]
    assert all(line in cells for line in ENGLISH_LINES)


def test_a_long_address_breaks_in_the_pdf_after_its_at_sign(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from pressrelease.render.pdf import PdfRenderer

    long_address = "lena.korver.communications@harbourtrustpassengerservices.example.org"
    source = ENGLISH.replace("lena.korver@harbour.example.org", long_address)
    pdf = tmp_path / "contacts.pdf"
    pdf.write_bytes(PdfRenderer().render(parse(source, "release.md"), DEFAULT))
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in out.split("MEDIA CONTACTS", 1)[1].splitlines()]
    # too long for a contact card's width: it breaks where the page said it may, not mid-word
    assert "Email: lena.korver.communications@" in lines
    assert "harbourtrustpassengerservices.example.org" in lines


def test_names_are_bold_titles_regular_and_numbers_live() -> None:
    html = render_html(parse(FRENCH, "release.md"), DEFAULT)
    assert '<strong class="contact-name">Léa Dumont</strong>, chargée de communication' in html
    assert '<a href="tel:+33499001234" dir="ltr">+33 4 99 00 12 34</a>' in html
    assert (
        '<a href="mailto:l.dumont@conservatoire.example.fr" dir="ltr">l<wbr>.dumont@<wbr>conservatoire<wbr>.example<wbr>.fr</a>'
        in html
    )


def test_front_matter_contacts_not_in_the_section_follow_it() -> None:
    source = ENGLISH.replace(
        "location: Portlaw\n",
        "location: Portlaw\ncontacts:\n  - name: Ada Rennick\n    email: ada@harbour.example.org\n"
        "    phone: '+44 20 7946 0222'\n",
    )
    lines = [line.text for paragraph in contact_block(parse(source, "release.md")) for line in paragraph]
    assert lines[: len(ENGLISH_LINES)] == ENGLISH_LINES
    assert lines[len(ENGLISH_LINES) :] == [
        "Ada Rennick",
        "Email: ada@harbour.example.org",
        "Tel: +44 20 7946 0222",
    ]
    assert re.search(r"Ada Rennick", render_text(parse(source, "release.md"), DEFAULT))
