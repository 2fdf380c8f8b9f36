"""Right to left and the fonts other scripts need: the page, the theme's CSS, the PDF."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pressrelease.config import for_path
from pressrelease.parse import parse, parse_file
from pressrelease.render.bidi import direction, mark_lines
from pressrelease.render.html import render_html
from pressrelease.render.pdf import PdfRenderer

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "templates" / "default"
ARABIC = ROOT / "tests/fixtures/rtl/ar-oasis-desalination.md"
CHINESE = ROOT / "tests/fixtures/rtl/zh-oasis-desalination.md"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "rtl"),
        ("ar-EG", "rtl"),
        ("he", "rtl"),
        ("fa-IR", "rtl"),
        ("ur", "rtl"),
        ("en", "ltr"),
        ("zh", "ltr"),
        ("zh-Hant-TW", "ltr"),
        ("az-Arab", "rtl"),  # the script decides when the tag names one
        ("ku-Latn", "ltr"),
        ("pa_Arab_PK", "rtl"),
    ],
)
def test_direction_follows_the_language_tag(tag: str, expected: str) -> None:
    assert direction(tag) == expected


def test_an_arabic_page_is_marked_right_to_left() -> None:
    release = parse_file(ARABIC)
    html = render_html(release, for_path(ARABIC))
    assert html.splitlines()[1] == '<html lang="ar" dir="rtl">'
    email = render_html(release, for_path(ARABIC), mode="email")
    assert '<td class="release" dir="rtl"' in email  # mail clients drop <html>'s attributes


def test_addresses_numbers_and_bare_links_are_isolated_left_to_right() -> None:
    html = render_html(parse_file(ARABIC), for_path(ARABIC))
    assert '<a href="tel:+41225550199" dir="ltr">+41 22 555 0199</a>' in html
    assert '<a href="mailto:s.haddad@river.example.org" dir="ltr">' in html
    assert '<a href="https://river.example.org/oasis" dir="ltr">' in html
    named = render_html(parse("---\ntitle: T\nlanguage: ar\n---\n\nانظر [الموقع](https://example.org/a).\n"), DEFAULT)
    assert '<a href="https://example.org/a">الموقع</a>' in named  # words of the text keep its direction


DEFAULT = for_path(ARABIC)


def test_phone_numbers_in_right_to_left_text_are_isolated() -> None:
    html = render_html(parse_file(ARABIC), for_path(ARABIC))
    assert 'الرقم <span dir="ltr">+41 22 555 0100</span> كل يوم' in html
    assert '<span dir="ltr">3500</span>' not in html  # a figure is not a phone number
    english = render_html(parse("---\ntitle: T\nlanguage: en\n---\n\nLONDON – Call +44 20 7946 0000 today.\n"), DEFAULT)
    assert "Call +44 20 7946 0000 today" in english  # left-to-right text needs nothing


def _rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every rule outside ``@page``, whose margin boxes are named by side."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    while (start := css.find("@page")) != -1:
        depth, index = 0, css.index("{", start)
        while True:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
            if depth == 0:
                break
        css = css[:start] + css[index:]
    return [(s.strip(), d) for s, d in re.findall(r"([^{};]+)\{([^{}]*)\}", css)]


@pytest.mark.parametrize("name", ["release.css", "print.css"])
def test_the_theme_uses_logical_sides(name: str) -> None:
    """One theme serves both directions: no left or right margin, padding, border or alignment."""
    found = []
    for selector, declarations in _rules((THEME / name).read_text(encoding="utf-8")):
        for declaration in declarations.split(";"):
            prop, _, value = (part.strip() for part in declaration.partition(":"))
            sides = value.split()
            physical = (
                re.fullmatch(r"(margin|padding|border)-(left|right)(-\w+)?|float|clear", prop)
                or (prop == "text-align" and value in ("left", "right") and not selector.startswith(".align-"))
                or (prop in ("margin", "padding") and len(sides) == 4 and sides[1] != sides[3])
            )
            if physical:
                found.append(f"{selector} {{ {declaration.strip()} }}")
    assert found == []


def test_the_physical_side_check_finds_what_it_looks_for() -> None:
    rules = _rules("@page { @top-left { text-align: left } }\np { margin-left: 1mm; text-align: start }")
    assert rules == [("p", " margin-left: 1mm; text-align: start ")]


@pytest.fixture(scope="module")
def arabic_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rtl") / "ar.pdf"
    path.write_bytes(PdfRenderer().render(parse_file(ARABIC), for_path(ARABIC)))
    return path


def test_an_arabic_pdf_has_the_words_in_the_bundled_arabic_font(arabic_pdf: Path) -> None:
    text = subprocess.run(["pdftotext", str(arabic_pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = set(re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text).split())
    assert {"افتتاح", "محطة", "لتحلية", "المياه", "الواحة", "سلمى", "حداد"} <= words
    assert "+41 22 555 0199" in text  # the number reads as written, not reversed by group
    assert "+41 22 555 0100" in text  # in the body too
    assert "s.haddad@river.example.org" in text
    fonts = subprocess.run(["pdffonts", str(arabic_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^[A-Z]{6}\+Press-Arabic ", fonts, flags=re.M), fonts


def _build_without_machine_fonts(tmp_path: Path, *releases: Path) -> subprocess.CompletedProcess[str]:
    """``pressrelease build --to pdf`` on a machine where fontconfig lists no font at all."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>\n',
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "NO_COLOR": "1", "COLUMNS": "200"}
    command = [sys.executable, "-m", "pressrelease", "build", *map(str, releases), "--to", "pdf", "--force"]
    return subprocess.run([*command, "-o", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=120)


def test_chinese_without_a_chinese_font_stops_its_pdf_and_arabic_still_builds(tmp_path: Path) -> None:
    done = _build_without_machine_fonts(tmp_path, CHINESE, ARABIC)
    assert done.returncode == 1
    failure = next(line for line in done.stderr.splitlines() if line.startswith("FAILED"))
    assert failure.startswith(f"FAILED {CHINESE}")
    assert failure.endswith("pdf: no font covers Chinese (Han) text (line 2: '绿', U+7EFF); install fonts-noto-cjk")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out/oasis-zh.pdf").exists()
    assert (tmp_path / "out/oasis-ar.pdf").stat().st_size > 0  # Arabic needs no machine font: it is bundled


def test_plain_text_marks_only_the_lines_a_client_would_lay_out_left_to_right() -> None:
    text = "UNICEF قالت إن الماء حق.\nقالت سلمى حداد.\ns.haddad@river.example.org\n###"
    assert mark_lines(text).split("\n") == [
        "\u200fUNICEF قالت إن الماء حق.",  # opens with Latin: a client would guess left to right
        "قالت سلمى حداد.",
        "s.haddad@river.example.org",  # wholly Latin: left to right is right
        "###",
    ]


def test_an_arabic_text_body_keeps_the_logical_order() -> None:
    from pressrelease.render.text import render_text

    release = parse_file(ARABIC)
    text = render_text(release, for_path(ARABIC))
    assert "الهاتف: +41 22 555 0199" in text  # typed order, not display order
    assert "\u200f" not in text  # every line opens with an Arabic letter or is wholly Latin
    english = parse("---\ntitle: T\nlanguage: en\n---\n\nLONDON – Dr Haddad (د. حداد) spoke.\n")
    assert "\u200f" not in render_text(english, for_path(ARABIC))  # left-to-right text is never marked


def test_an_arabic_word_file_runs_right_to_left(tmp_path: Path) -> None:
    import docx

    from pressrelease.render.docx import render_docx

    path = tmp_path / "ar.docx"
    path.write_bytes(render_docx(parse_file(ARABIC), for_path(ARABIC)))
    document = docx.Document(str(path))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs and all(p._p.pPr is not None and p._p.pPr.find(W + "bidi") is not None for p in paragraphs)
    runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
    arabic = [r for r in runs if "حداد" in r.text]
    assert arabic and all(r._r.rPr.find(W + "rtl") is not None for r in arabic)
    bold = [r for r in arabic if r._r.rPr.find(W + "b") is not None]
    assert bold and all(r._r.rPr.find(W + "bCs") is not None for r in bold)  # Word bolds an RTL run with bCs
    title = document.styles["Title"].element.rPr
    assert title.find(W + "spacing") is None  # letter spacing would pull the joined letters apart
    every = list(document.element.body.iter(W + "r"))  # the runs inside links too
    latin = [r for r in every if "".join(t.text or "" for t in r.iter(W + "t")) == "+41 22 555 0199"]
    assert latin and all(r.find(W + "rPr") is None or r.find(W + "rPr").find(W + "rtl") is None for r in latin)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
