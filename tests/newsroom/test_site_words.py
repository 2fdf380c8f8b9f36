"""The words of the release page and the newsroom in the page's language: the PDF and
Word links, the language switcher, the site's bar, the listing pages' pager and headings."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import html5lib
from bs4 import BeautifulSoup

from pressrelease.parse.language import language
from pressrelease.site import SiteOptions, build_site

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
RU_SLUG = "2024-07-19-raskryt-potentsial-migratsii"


def _site(tmp_path: Path, names: tuple[str, ...], **options: object) -> Path:
    source = tmp_path / "releases"
    source.mkdir()
    for name in (*names, "pressrelease.toml"):
        shutil.copy(EXAMPLES / name, source / name)
    output = tmp_path / "public"
    build_site([source], SiteOptions(output=output, now=NOW, search=False, **options))  # type: ignore[arg-type]
    return output


def _bar(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.select("header.site-bar nav a")[1:]]


def test_a_russian_page_and_its_listing_speak_russian(tmp_path: Path) -> None:
    output = _site(tmp_path, ("iom-minsk-2024-07-19.md", "iom-minsk-2024-07-19.ru.md"), docx=True, per_page=1)
    ru, en = language("ru").labels, language("en").labels
    text = (output / "releases" / RU_SLUG / "index.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(text)
    page = BeautifulSoup(text, "html.parser")
    assert page.html["lang"].startswith("ru")
    assert page.select_one("a.docx-link").get_text() == ru["word"]
    assert page.select_one("nav.versions")["aria-label"] == ru["other_languages"] == "Другие языки"
    assert _bar(page) == [ru["archive"], ru["search"], ru["feed"]] == ["Архив", "Поиск", "Лента"]
    listing = BeautifulSoup((output / "lang/ru/index.html").read_text(encoding="utf-8"), "html.parser")
    assert listing.html["lang"] == "ru" and _bar(listing) == ["Архив", "Поиск", "Лента"]
    # the site's own pages speak the config's language; two releases one a page: a pager
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert _bar(home) == [en["archive"], en["search"], en["feed"]]
    assert "Page 1 of 2" in [span.get_text() for span in home.select("nav.pager span")]
    archive = (output / "archive/index.html").read_text(encoding="utf-8")
    assert "<h1>Archive</h1>" in archive and "<h2>By year</h2>" in archive


def test_the_built_page_names_its_files_in_its_language(tmp_path: Path) -> None:
    from pressrelease.config import for_path
    from pressrelease.parse import parse_file
    from pressrelease.render.html import render_html

    for name, code in (("zh-gfo-groundwater-geneva.md", "zh"), ("ar-gfo-aquifers-amman.md", "ar")):
        path = EXAMPLES / name
        page = BeautifulSoup(render_html(parse_file(path), for_path(path), beside=("pdf", "docx")), "html.parser")
        labels = language(code).labels
        assert page.select_one("a.pdf-link").get_text() == labels["pdf"]
        assert page.select_one("a.docx-link").get_text() == labels["word"] != "Word"


def test_the_pager_points_outward_in_both_directions(tmp_path: Path) -> None:
    names = ("ar-gfo-aquifers-amman.md", "zh-gfo-groundwater-geneva.md")
    for code, back, on in (("en", "←", "→"), ("ar", "→", "←")):
        source = tmp_path / code / "releases"
        source.mkdir(parents=True)
        for name in names:
            shutil.copy(EXAMPLES / name, source / name)
        config = (EXAMPLES / "pressrelease.toml").read_text(encoding="utf-8")
        (source / "pressrelease.toml").write_text(config.replace('language = "en"', f'language = "{code}"'))
        output = tmp_path / code / "public"
        build_site([source], SiteOptions(output=output, now=NOW, search=False, per_page=1))
        first = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
        second = BeautifulSoup((output / "page/2/index.html").read_text(encoding="utf-8"), "html.parser")
        labels = language(code).labels
        assert first.html["dir"] == ("rtl" if code == "ar" else "ltr")
        assert first.select_one('nav.pager a[rel="next"]').get_text() == f"{labels['older']} {on}"
        assert second.select_one('nav.pager a[rel="prev"]').get_text() == f"{back} {labels['newer']}"


def test_a_russian_newsroom_is_named_and_framed_in_russian(tmp_path: Path) -> None:
    source = tmp_path / "releases"
    source.mkdir()
    shutil.copy(EXAMPLES / "iom-minsk-2024-07-19.ru.md", source)
    config = (EXAMPLES / "pressrelease.toml").read_text(encoding="utf-8")
    (source / "pressrelease.toml").write_text(config.replace('language = "en"', 'language = "ru"'), encoding="utf-8")
    output = tmp_path / "public"
    build_site([source], SiteOptions(output=output, now=NOW, search=False))
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title.get_text() == "International Organization for Migration: пресс-релизы"
    assert home.html["lang"] == "ru" and _bar(home) == ["Архив", "Поиск", "Лента"]
    search = BeautifulSoup((output / "search/index.html").read_text(encoding="utf-8"), "html.parser")
    assert search.h1.get_text() == "Поиск"
