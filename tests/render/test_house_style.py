"""Language and house style shared by every format: dates, zones, About heading, end
mark, the language tag with its region, the embargo on every page."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from pressrelease.config import DEFAULT, Config, for_path
from pressrelease.model import Organization
from pressrelease.parse import parse, parse_file
from pressrelease.render.house_style import (
    about_heading,
    end_mark,
    format_date,
    language_name,
    locale_tag,
    release_line,
    zone_name,
)
from pressrelease.render.html import render_html
from pressrelease.render.typography import keep_numbers_with_units, no_lone_last_word

ROOT = Path(__file__).resolve().parents[2]
EMBARGOED = ROOT / "examples/un-embargoed-water-report.md"


def release(front: str = "", body: str = "LONDON – The plant opened.\n", config: Config = DEFAULT) -> object:
    return parse(f"---\ntitle: Plant opens\ndate: 2026-06-03\n{front}---\n\n{body}", "r.md", config)


@pytest.mark.parametrize(
    ("lang", "profile", "expected"),
    [
        ("es", "default", "7 de octubre de 2025"),
        ("de", "default", "7. Oktober 2025"),
        ("fr", "default", "7 octobre 2025"),
        ("en", "default", "7 October 2025"),
        ("en", "uk", "7 October 2025"),
        ("en", "ap", "October 7, 2025"),
    ],
)
def test_dates_in_the_locale_long_form(lang: str, profile: str, expected: str) -> None:
    assert format_date(dt.date(2025, 10, 7), profile, lang) == expected


def test_zone_is_an_abbreviation_or_a_short_offset() -> None:
    def at(hours: float) -> dt.datetime:
        return dt.datetime(2026, 3, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=hours)))

    assert [zone_name(at(h)) for h in (1, -5, 5.5, 0)] == ["UTC+1", "UTC−5", "UTC+5:30", "UTC"]
    from zoneinfo import ZoneInfo

    assert zone_name(dt.datetime(2026, 7, 1, 10, tzinfo=ZoneInfo("Europe/Paris"))) == "CEST"
    assert zone_name(dt.datetime(2026, 7, 1, 10, tzinfo=ZoneInfo("Europe/Minsk"))) == "UTC+3"  # tzname "+03"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr", "Français"),
        ("ru", "Русский"),
        ("es", "Español"),
        ("en", "English"),
        ("zh", "中文"),
        ("ar", "العربية"),
        ("xx-zz", "xx-zz"),
    ],
)
def test_a_language_is_named_in_itself_as_a_label(tag: str, expected: str) -> None:
    assert language_name(tag) == expected


def test_language_tag_takes_the_profile_region() -> None:
    assert [locale_tag("en", p) for p in ("ap", "uk", "un")] == ["en-US", "en-GB", "en-GB"]
    assert locale_tag("en-CA", "ap") == "en-CA" and locale_tag("fr", "ap") == "fr"
    html = render_html(release("profile: ap\n"), DEFAULT)  # type: ignore[arg-type]
    assert '<html lang="en-US"' in html and '<meta property="og:locale" content="en_US">' in html


def test_about_heading_is_grammatical_and_configurable() -> None:
    def heading(name: str, lang: str = "en", own: tuple[tuple[str, str], ...] = ()) -> str:
        org = Organization(key="o", name=name, about_heading=own)
        config = Config(organizations={"o": org}, default_organization="o")
        return about_heading(release(f"language: {lang}\n", config=config))  # type: ignore[arg-type]

    assert heading("Department for Flood Resilience") == "About the Department for Flood Resilience"
    assert heading("Global Freshwater Observatory") == "About the Global Freshwater Observatory"
    assert heading("Pallas Thermal Inc.") == "About Pallas Thermal Inc."
    assert heading("Bundesverband Wasser", "de") == "Über uns"
    own = (("de", "Über den Bundesverband Wasser"), ("*", "About {name}"))
    assert heading("Bundesverband Wasser", "de", own) == "Über den Bundesverband Wasser"
    assert heading("Bundesverband Wasser", "en", own) == "About Bundesverband Wasser"


def test_about_heading_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text(
        '[organizations.bw]\nname = "Bundesverband Wasser"\nboilerplate = "Wir."\n'
        'about_heading = { de = "Über den Bundesverband" }\n',
        encoding="utf-8",
    )
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: T\ndate: 2026-06-03\norganization: bw\nlanguage: de\n---\n\nBERLIN – Text.\n")
    assert "<h2>Über den Bundesverband</h2>" in render_html(parse_file(path), for_path(path))


@pytest.mark.parametrize(
    ("front", "expected"),
    [("", "###"), ("profile: uk\n", "ENDS"), ("profile: un\n", None), ("language: fr\n", "– FIN –"),
     ("language: es\n", "– FIN –"), ("language: de\n", None), ("language: ru\n", None)],
)  # fmt: skip
def test_end_mark_by_language_and_profile(front: str, expected: str | None) -> None:
    assert end_mark(release(front)) == expected  # type: ignore[arg-type]


def test_numbers_stay_with_their_units() -> None:
    assert keep_numbers_with_units("£40 million and 12 km, in 2024 many") == "£40\xa0million and 12\xa0km, in 2024 many"
    html = render_html(release(body="LONDON – It costs 40 million pounds.\n"), DEFAULT)  # type: ignore[arg-type]
    assert "40\xa0million" in html


def test_embargoed_page_is_not_indexed() -> None:
    assert '<meta name="robots" content="noindex, noarchive">' in render_html(
        parse_file(EMBARGOED), for_path(EMBARGOED)
    )
    assert "noindex" not in render_html(release(), DEFAULT)  # type: ignore[arg-type]


def test_embargo_on_every_pdf_page_and_letter_for_ap(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from pressrelease.render.pdf import PdfRenderer

    renderer = PdfRenderer()
    pdf = tmp_path / "e.pdf"
    pdf.write_bytes(renderer.render(parse_file(EMBARGOED), for_path(EMBARGOED)))
    pages = int(
        subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0]
    )
    assert pages >= 2
    for page in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "EMBARGOED UNTIL 10:00 UTC+1, 20 MARCH 2026" in " ".join(out.split()), page
    ap = tmp_path / "ap.pdf"
    ap.write_bytes(renderer.render(release("profile: ap\n"), DEFAULT))  # type: ignore[arg-type]
    assert "612 x 792" in subprocess.run(["pdfinfo", str(ap)], capture_output=True, text=True).stdout


def test_pdf_body_measure_is_60_to_75_characters(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from pressrelease.render.pdf import PdfRenderer

    seed = ROOT / "examples/iom-minsk-2024-07-19.md"
    pdf = tmp_path / "seed.pdf"
    pdf.write_bytes(PdfRenderer().render(parse_file(seed), for_path(seed)))
    text = subprocess.run(["pdftotext", "-raw", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True)
    # full lines of body paragraphs: not the last line of a paragraph, not headings
    lines = [line for line in text.stdout.splitlines() if len(line) > 50 and not line.rstrip().endswith(".")]
    assert len(lines) > 10
    assert max(len(line) for line in lines) <= 80
    assert 60 <= sorted(len(line) for line in lines)[len(lines) // 2] <= 75


def test_headline_and_masthead_never_end_on_a_lone_word() -> None:
    assert no_lone_last_word("Achieving Sustainable Development Goals") == "Achieving Sustainable Development\xa0Goals"
    assert no_lone_last_word("Plant opens") == "Plant opens"  # too short to wrap badly
    html = render_html(release(), DEFAULT)  # type: ignore[arg-type]
    assert "<h1>Plant opens</h1>" in html


ARABIC = ROOT / "examples/ar-gfo-aquifers-amman.md"
CHINESE = ROOT / "examples/zh-gfo-groundwater-geneva.md"


@pytest.mark.parametrize(
    ("like", "expected"),
    [
        (None, "15 نيسان/أبريل 2026"),  # the UN's pair, when the release writes no date of its own
        ("الأربعاء 14 تشرين الأول/أكتوبر 2026", "15 نيسان/أبريل 2026"),
        ("14 تشرين الاول 2026", "15 نيسان 2026"),  # the Levantine series, written without hamza
        ("الأربعاء، 14 ابريل 2026", "15 أبريل 2026"),  # the Egyptian-Gulf one: ابريل is not آب (August)
    ],
)
def test_an_arabic_date_follows_the_month_names_of_the_releases_own(like: str | None, expected: str) -> None:
    assert format_date(dt.date(2026, 4, 15), "un", "ar", like) == expected


def with_embargo(path: Path, embargo: str, old: str = "", new: str = "") -> object:
    source = path.read_text(encoding="utf-8").replace("\ndate: ", f"\nembargo: {embargo}\ndate: ", 1)
    return parse(source.replace(old, new), path, for_path(path))


def test_the_arabic_embargo_line_reads_as_arabic_its_zone_isolated_its_date_as_the_datelines() -> None:
    arabic = with_embargo(ARABIC, "2026-04-15T10:00:00+01:00")
    assert release_line(arabic) == "يحظر النشر قبل الساعة 10:00 بتوقيت \u2066UTC+1\u2069، 15 نيسان/أبريل 2026"
    html = render_html(arabic, for_path(ARABIC))  # type: ignore[arg-type]
    assert '<time datetime="2026-04-15">15 نيسان/أبريل 2026</time>' in html
    levantine = with_embargo(ARABIC, "2026-04-15T10:00:00+01:00", "15 نيسان/أبريل 2026 –", "15 نيسان 2026 –")
    assert release_line(levantine).endswith("، 15 نيسان 2026")


def test_the_chinese_embargo_line_puts_the_date_first() -> None:
    chinese = with_embargo(CHINESE, "2026-04-22T10:00:00+02:00")
    assert release_line(chinese) == "禁止发布至 2026年4月22日10:00（UTC+2）"
