"""The .eml draft, parsed back with Python's email package as a mail client would."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from pressrelease.config import DEFAULT, Config, for_path
from pressrelease.errors import RenderError
from pressrelease.model import Organization, Release
from pressrelease.parse import parse, parse_file
from pressrelease.render.eml import render_eml, subject
from pressrelease.render.html import render_html
from pressrelease.render.text import render_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples/iom-minsk-2024-07-19.md"
EMBARGOED = ROOT / "examples/un-embargoed-water-report.md"
FRENCH = ROOT / "examples/fr-unesco-style-patrimoine.md"


def draft(release: Release, config: Config) -> bytes:
    text = render_text(release, config)
    return render_eml(release, config, text, render_html(release, config, mode="email"))


def example(path: Path) -> tuple[Release, Config, bytes]:
    release, config = parse_file(path), for_path(path)
    return release, config, draft(release, config)


def read(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture(scope="module")
def seed() -> tuple[Release, Config, bytes]:
    return example(SEED)


def test_multipart_alternative_with_text_then_html(seed: tuple[Release, Config, bytes]) -> None:
    release, config, data = seed
    message = read(data)
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    plain = message.get_body(("plain",))
    assert plain is not None
    # the wire has CRLF line ends; the text is the .txt body, byte for byte otherwise
    assert plain.get_content().replace("\r\n", "\n") == render_text(release, config)


def test_headers(seed: tuple[Release, Config, bytes]) -> None:
    _, _, data = seed
    message = read(data)
    assert message["Subject"] == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    assert message["From"].addresses[0].display_name == "International Organization for Migration"
    assert message["From"].addresses[0].addr_spec == "press@example.org"
    assert message["X-Unsent"] == "1"
    assert message["Content-Language"] == "en"
    assert message["To"] is None
    date = parsedate_to_datetime(message["Date"])
    # noon UTC: 19 July from UTC-11 to UTC+11 (midnight UTC was the 18th in the Americas)
    assert (date.year, date.month, date.day, date.hour) == (2024, 7, 19, 12)


def test_html_part_has_its_css_inlined_and_fetches_nothing(seed: tuple[Release, Config, bytes]) -> None:
    _, _, data = seed
    html = read(data).get_body(("html",))
    assert html is not None
    content = html.get_content()
    assert "<h1" in content and 'style="' in content
    assert "<link" not in content
    # what is left in <style> blocks is @-rules only (media queries for the clients that read them)
    for block in re.findall(r"<style[^>]*>(.*?)</style>", content, re.DOTALL):
        assert re.sub(r"@[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", block).strip() == ""


def test_wire_lines_at_most_78_characters_with_crlf(seed: tuple[Release, Config, bytes]) -> None:
    _, _, data = seed
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 78


def test_reproducible(seed: tuple[Release, Config, bytes]) -> None:
    release, config, data = seed
    assert draft(release, config) == data


def test_embargoed_subject_and_date() -> None:
    release, _, data = example(EMBARGOED)
    message = read(data)
    assert message["Subject"] == (
        "EMBARGOED until 10:00 UTC+1, 20 March 2026: "
        "Groundwater falling in two of every five major river basins, global report finds"
    )
    assert subject(release) == message["Subject"]
    assert parsedate_to_datetime(message["Date"]) == release.embargo.at  # type: ignore[union-attr]
    assert max(len(line) for line in data.split(b"\r\n")) <= 78


def test_non_ascii_subject_and_body_round_trip() -> None:
    release, _, data = example(FRENCH)
    message = read(data)
    assert message["Subject"] == release.title
    assert message["Content-Language"] == "fr"
    assert message["From"].addresses[0].display_name == "Alliance internationale pour le patrimoine fluvial"
    plain = message.get_body(("plain",))
    assert plain is not None
    assert "«\xa0Ces savoir-faire" in plain.get_content()
    assert max(len(line) for line in data.split(b"\r\n")) <= 78


def test_no_from_without_an_organisation_email() -> None:
    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\nNairobi – It opened.\n")
    message = read(render_eml(release, DEFAULT, "body\n", "<html><body><p>body</p></body></html>"))
    assert message["From"] is None
    assert message["Subject"] == "Plant opens"


def test_markdown_in_the_title_is_not_in_the_subject() -> None:
    release = parse("---\ntitle: Plant *opens* [today](https://x.org)\ndate: 2024-07-19\n---\n\nIt opened.\n")
    assert subject(release) == "Plant opens today"


def test_a_malformed_organisation_email_is_one_clear_error() -> None:
    org = Organization(key="x", name="X", email="not an address@@")
    config = Config(organizations={"x": org}, default_organization="x")
    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\nIt opened.\n", "r.md", config)
    with pytest.raises(RenderError, match="not an address a draft can come from"):
        render_eml(release, config, "body\n", "<p>body</p>")


def test_remote_stylesheets_are_not_loaded() -> None:
    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\nIt opened.\n")
    html = '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><p>x</p></body></html>'
    message = read(render_eml(release, DEFAULT, "x\n", html))
    body = message.get_body(("html",))
    assert body is not None and "127.0.0.1" not in body.get_content()


@pytest.mark.parametrize(
    "name",
    [
        "Société européenne des réseaux d’eau, de l’assainissement, et des services publics, Région Nord",
        "Harbour, Rail and Ferry Authority of the Northern Coastal Counties, Communications Office",
    ],
)
def test_a_long_display_name_with_commas_survives_folding(name: str) -> None:
    from email.header import decode_header, make_header
    from email.utils import getaddresses

    assert len(name) >= 88
    org = Organization(key="x", name=name, email="presse@example.org")
    config = Config(organizations={"x": org}, default_organization="x")
    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\nIt opened.\n", "r.md", config)
    data = render_eml(release, config, "body\n", "<html><body><p>body</p></body></html>")
    assert max(len(line) for line in data.split(b"\r\n")) <= 78
    raw = re.search(rb"^From: (.*?)\r\n(?![ \t])", data, re.DOTALL | re.MULTILINE)
    assert raw is not None
    value = re.sub(r"\r\n[ \t]", " ", raw.group(1).decode("ascii"))
    (_display, address), *more = getaddresses([value])  # one address, not two split at a comma
    assert not more and address == "presse@example.org"
    # as an RFC 2047 reader decodes it (whitespace between encoded words is dropped)
    assert str(make_header(decode_header(value.rsplit("<", 1)[0].strip()))).strip('"') == name


def test_html_part_is_laid_out_by_tables_outlook_can_read() -> None:
    _, _, data = example(SEED)
    html = read(data).get_body(("html",))
    assert html is not None
    content = html.get_content()
    assert "<article" not in content
    assert re.search(r'<table role="presentation" width="640"[^>]*style="[^"]*width:\s*640px', content)
