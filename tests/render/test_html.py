"""The HTML page: valid HTML5, structured data, social tags, the release's parts in order.

The seed example is also compared with a golden file a reviewer can read;
``PRESSRELEASE_REGEN=1 pytest tests/render/test_html.py`` rewrites it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from textwrap import dedent

import html5lib
import pytest
from bs4 import BeautifulSoup

from pressrelease.config import Config, for_path
from pressrelease.parse import parse, parse_file
from pressrelease.render.html import render_html

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))
FIXTURES = sorted((ROOT / "tests/fixtures/releases").glob("*.md"))
SEED = ROOT / "examples/iom-minsk-2024-07-19.md"
GOLDEN = ROOT / "tests/fixtures/render/iom-minsk-2024-07-19.html"


def page(path: Path, mode: str = "page") -> str:
    return render_html(parse_file(path), for_path(path), mode=mode)  # type: ignore[arg-type]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def release(body: str, **front: str) -> str:
    """HTML for a release written inline (default config)."""
    fields = {"title": "Water board opens new plant", "date": "2024-07-19", **front}
    head = "\n".join(f"{k}: {v}" for k, v in fields.items())
    return render_html(parse(f"---\n{head}\n---\n\n{dedent(body)}"), Config())


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("mode", ["page", "print", "email"])
def test_every_release_is_valid_html5(path: Path, mode: str) -> None:
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(page(path, mode))  # raises on the first parse error
    assert not parser.errors


def test_golden_seed_page() -> None:
    html = page(SEED)
    if os.environ.get("PRESSRELEASE_REGEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


def test_json_ld_is_a_news_article() -> None:
    doc = soup(page(SEED))
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    assert data["datePublished"] == "2024-07-19"
    assert data["author"]["name"] == "International Organization for Migration"
    assert data["publisher"]["url"] == "https://www.iom.int"
    assert data["keywords"] == ["migration", "SDGs", "Belarus"]


def test_json_ld_cannot_close_its_script() -> None:
    html = release("Text.\n", title='"</script><script>alert(1)</script>"')
    doc = soup(html)
    script = doc.find("script", type="application/ld+json")
    assert "</script" not in script.string
    assert json.loads(script.string)["headline"] == "</script><script>alert(1)</script>"
    assert len(doc.find_all("script")) == 1


def test_open_graph_and_article_tags() -> None:
    doc = soup(page(SEED))

    def prop(name: str) -> list[str]:
        return [m["content"] for m in doc.find_all("meta", property=name)]

    assert prop("og:type") == ["article"]
    assert prop("og:title") == ["Unlocking Potential of Migration in Achieving Sustainable Development Goals"]
    assert prop("og:description")[0].startswith("On 19 July 2024, the fourth extended meeting")
    assert prop("og:site_name") == ["International Organization for Migration"]
    assert prop("og:locale") == ["en_GB"]  # the un profile writes British English
    assert prop("article:published_time") == ["2024-07-19"]
    assert prop("article:tag") == ["migration", "SDGs", "Belarus"]
    assert doc.find("link", rel="canonical")["href"].endswith(".html")
    assert doc.title.string == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"


def test_description_prefers_the_subtitle() -> None:
    doc = soup(release("Geneva – The lede.\n", subtitle="What the report finds"))
    assert doc.find("meta", attrs={"name": "description"})["content"] == "What the report finds"


def test_lang_and_dir() -> None:
    ru = soup(page(ROOT / "tests/fixtures/releases/11-ru-yolochki-dateline-date.md"))
    assert (ru.html["lang"], ru.html["dir"]) == ("ru", "ltr")
    ar = soup(release("نص البيان.\n", language="ar"))
    assert (ar.html["lang"], ar.html["dir"]) == ("ar", "rtl")


def test_release_line_and_date() -> None:
    doc = soup(page(SEED))
    assert doc.find(class_="release-line").get_text() == "FOR IMMEDIATE RELEASE"
    time = doc.find("time")
    assert (time["datetime"], time.get_text()) == ("2024-07-19", "19 July 2024")
    assert len(doc.find_all("h1")) == 1


def test_embargo_line() -> None:
    doc = soup(page(ROOT / "examples/un-embargoed-water-report.md"))
    line = doc.find(class_="release-line")
    assert "embargoed" in line["class"]
    assert line.get_text() == "EMBARGOED UNTIL 10:00 UTC+1, 20 March 2026"
    data = json.loads(doc.find("script", type="application/ld+json").string)
    assert data["datePublished"] == "2026-03-20T10:00:00+01:00"


def test_end_mark_from_the_source_or_the_profile() -> None:
    ap = soup(page(ROOT / "examples/ap-wire-product-launch.md"))
    assert [p.get_text() for p in ap.find_all(class_="end-mark")] == ["###"]
    uk = soup(page(ROOT / "examples/uk-gov-flood-funding.md"))
    assert [p.get_text() for p in uk.find_all(class_="end-mark")] == ["ENDS"]
    added = soup(release("Text of the release.\n"))  # default profile, none written
    assert [p.get_text() for p in added.find_all(class_="end-mark")] == ["###"]
    seed = soup(page(SEED))  # the UN profile prints none
    assert seed.find(class_="end-mark") is None


def test_dateline_prefix_when_the_lede_has_none() -> None:
    doc = soup(release("The board opened the plant today.\n", location="Minsk"))
    lede = doc.select_one(".body p")
    assert lede.find(class_="dateline").get_text() == "Minsk, 19 July 2024 – "
    assert lede.get_text() == "Minsk, 19 July 2024 – The board opened the plant today."


def test_own_dateline_is_marked_not_repeated() -> None:
    doc = soup(page(SEED))
    lede = doc.select_one(".body p")
    assert lede.find(class_="dateline").get_text() == "Minsk -"
    assert lede.get_text().startswith("Minsk - On 19 July 2024")


def test_sections_with_their_headings() -> None:
    doc = soup(page(SEED))
    notes = doc.find("section", class_="notes")
    assert notes.h2.get_text() == "Editor’s Notes"
    assert "IOM Flagship Report" in notes.get_text()
    about = doc.find("section", class_="about")  # none in the file: the organisation's boilerplate
    assert about.h2.get_text() == "About the International Organization for Migration"
    assert about.p.get_text().startswith("The International Organization for Migration (IOM) is part of")
    assert [s["class"] for s in doc.find_all("section")] == [["notes"], ["about"], ["contact"]]


def test_contacts_in_address_elements() -> None:
    doc = soup(page(SEED))
    contact = doc.find("section", class_="contact")
    assert contact.h2.get_text() == "Contact"
    cards = contact.find_all("address")
    assert len(cards) == 1
    lines = [line.get_text() for line in cards[0].find_all(class_="contact-line")]
    # the lead-in and the line as written, not rewritten into "Email:" lines
    assert lines == ["For further information please contact:", "In Belarus: Hanna Kalichava at hkalichava@iom.int"]
    assert cards[0].find(class_="contact-name").get_text() == "Hanna Kalichava"
    assert cards[0].find("a")["href"] == "mailto:hkalichava@iom.int"

    un = soup(page(ROOT / "examples/un-embargoed-water-report.md"))
    tels = [a["href"] for a in un.select("address a[href^='tel:']")]
    assert tels == ["tel:+41225550142", "tel:+41795550187", "tel:+5073025550"]


def test_contact_section_text_that_is_not_a_contact_is_kept() -> None:
    body = """\
    Text of the release.

    ## Media contact

    Jane Doe, press officer, jane@example.org

    Interviews are available in English and French on request.
    """
    contact = soup(release(body)).find("section", class_="contact")
    assert contact.address.get_text().strip() == "Jane Doe, press officer, jane@example.org"
    assert contact.find("p", class_="contact-note").get_text().strip() == (
        "Interviews are available in English and French on request."
    )


def test_block_quote_attribution_is_a_footer_cite() -> None:
    doc = soup(page(ROOT / "examples/un-embargoed-water-report.md"))
    quote = doc.find("blockquote")
    assert quote.p.get_text().startswith("“Groundwater is the world’s savings account")
    assert quote.footer.cite.get_text() == (
        "Dr. Helena Marsh-Okoye, Director-General of the Global Freshwater Observatory"
    )
    assert "Marsh-Okoye" not in quote.p.get_text()


def test_body_headings_never_h1() -> None:
    doc = soup(release("# The plant in numbers\n\nText.\n\n## Detail\n\nMore.\n"))
    assert len(doc.find_all("h1")) == 1
    assert [h.name for h in doc.select(".body h2, .body h3")] == ["h2", "h3"]


def test_user_content_is_never_a_template() -> None:
    doc = soup(release("Price: {{ 7 * 7 }} and {% if true %}x{% endif %}.\n", title='"{{ 6 * 7 }}"'))
    assert doc.h1.get_text() == "{{ 6 * 7 }}"
    assert "{{ 7 * 7 }} and {% if true %}x{% endif %}" in doc.select_one(".body").get_text()
    assert "42" not in doc.get_text() and "49" not in doc.get_text()


def test_override_extends_the_builtin(tmp_path: Path) -> None:
    (tmp_path / "release.html.j2").write_text(
        '{% extends "default/release.html.j2" %}\n'
        '{% block header %}<header class="brand"><h1>{{ title }}</h1></header>{% endblock %}\n',
        encoding="utf-8",
    )
    html = render_html(parse_file(SEED), for_path(SEED), templates=tmp_path)
    doc = soup(html)
    assert doc.find("header", class_="brand").h1.get_text().startswith("Unlocking Potential")
    assert doc.find(class_="masthead") is None
    assert doc.find("section", class_="notes") is not None  # the rest is the built-in's


def test_email_mode_is_simple() -> None:
    doc = soup(page(SEED, "email"))
    assert doc.find("script") is None
    assert doc.find("meta", property="og:title") is None
    style = doc.find("style").string
    assert "@font-face" not in style and "var(--" not in style
    assert doc.find("address") is not None


def test_page_is_self_contained() -> None:
    doc = soup(page(ROOT / "examples/un-embargoed-water-report.md"))
    assert doc.find("link", rel="stylesheet") is None
    assert all(img["src"].startswith("data:") for img in doc.find_all("img"))
    assert doc.find("style") is not None


def test_html_and_pdf_modules_import_no_heavy_libraries() -> None:
    """``lint`` and ``--help`` stay fast: WeasyPrint loads only when a PDF is made."""
    import subprocess
    import sys

    code = (
        "import sys, pressrelease.render.html, pressrelease.render.pdf\n"
        "heavy = [m for m in ('weasyprint', 'css_inline', 'docx', 'bs4') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_base_url_gives_absolute_addresses_for_crawlers_and_cards() -> None:
    import json

    from pressrelease.config import Config
    from pressrelease.model import Organization
    from pressrelease.parse import parse

    org = Organization(key="o", name="Harbour Trust", url="https://harbour.example.org", logo=Path("brand/logo.png"),
                       base_url="https://harbour.example.org/news")  # fmt: skip
    config = Config(organizations={"o": org}, default_organization="o")
    text = "---\ntitle: Ferry opens\ndate: 2026-02-10\n---\n\nPORTLAW – It opened.\n\n![The ferry](img/ferry.jpg)\n"
    doc = soup(render_html(parse(text, "r.md", config), config))
    url = "https://harbour.example.org/news/2026-02-10-ferry-opens.html"
    assert doc.find("link", rel="canonical")["href"] == url
    assert doc.find("meta", property="og:url")["content"] == url
    assert doc.find("meta", property="og:image")["content"] == "https://harbour.example.org/news/img/ferry.jpg"
    data = json.loads(doc.find("script", type="application/ld+json").string)
    assert data["url"] == url and data["image"] == ["https://harbour.example.org/news/img/ferry.jpg"]
    assert data["publisher"]["logo"]["url"] == "https://harbour.example.org/news/logo.png"
    assert doc.find("a", class_="pdf-link")["href"] == "2026-02-10-ferry-opens.pdf"


def test_without_base_url_nothing_pretends_to_be_absolute() -> None:
    doc = soup(page(SEED))
    assert doc.find("link", rel="canonical")["href"].endswith(".html")
    assert doc.find("meta", property="og:url") is None and doc.find("meta", property="og:image") is None
    css = doc.find("style").string
    assert "prefers-color-scheme: dark" in css and "@page" in css and "attr(href)" in css


@pytest.mark.parametrize(
    ("formats", "links"),
    [(("html",), set()), (("html", "pdf"), {"pdf-link"}), (("html", "pdf", "docx"), {"pdf-link", "docx-link"})],
)
def test_the_page_links_the_pdf_and_word_file_built_beside_it(formats: tuple[str, ...], links: set[str]) -> None:
    import msgspec

    base = for_path(SEED)
    config = msgspec.structs.replace(base, build=msgspec.structs.replace(base.build, formats=formats))
    html = soup(render_html(parse_file(SEED), config))
    found = {a["class"][0]: a["href"] for a in html.select("a.pdf-link, a.docx-link")}
    assert set(found) == links
    stem = parse_file(SEED).slug
    assert all(href in (f"{stem}.pdf", f"{stem}.docx") for href in found.values())
    assert not soup(render_html(parse_file(SEED), config, mode="email")).select("a.docx-link")
