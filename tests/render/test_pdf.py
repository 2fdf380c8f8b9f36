"""The PDF: few tests, each on a real render, read back with poppler's tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pressrelease.config import for_path
from pressrelease.errors import RenderError
from pressrelease.model import Release
from pressrelease.parse import parse_file
from pressrelease.render.pdf import PdfRenderer

pytest.importorskip("weasyprint")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples/iom-minsk-2024-07-19.md"
RUSSIAN = ROOT / "tests/fixtures/releases/11-ru-yolochki-dateline-date.md"
EMBARGOED = ROOT / "examples/un-embargoed-water-report.md"


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


@pytest.fixture(scope="module")
def seed_pdf(renderer: PdfRenderer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(renderer.render(parse_file(SEED), for_path(SEED)))
    return path


def poppler(tool: str, pdf: Path, *args: str) -> str:
    return subprocess.run([tool, *args, str(pdf)], capture_output=True, text=True, check=True).stdout


def info(pdf: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", pdf).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(out.stdout.split())


def top_margin_text(pdf: Path, page: int) -> str:
    """The text in the top 24 mm of a page: where the running head is."""
    args = ["-f", str(page), "-l", str(page), "-x", "0", "-y", "0", "-W", "612", "-H", "66"]
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def objects(pdf: Path) -> bytes:
    """The PDF's bytes with every Flate stream decompressed (objects live in object streams)."""
    import zlib

    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(data[match.end() : end]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def render_to(renderer: PdfRenderer, source: Path, target: Path, **options: str) -> Path:
    target.write_bytes(renderer.render(parse_file(source), for_path(source), **options))  # type: ignore[arg-type]
    return target


def test_seed_pages_metadata_and_size(seed_pdf: Path) -> None:
    meta = info(seed_pdf)
    assert meta["Pages"] == "2"
    assert meta["Title"] == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    assert meta["Author"] == "International Organization for Migration"
    assert meta["Subject"].startswith("On 19 July 2024, the fourth extended meeting")
    assert meta["Keywords"] == "migration, SDGs, Belarus"
    assert meta["CreationDate"].startswith("Fri Jul 19 00:00:00 2024")
    assert meta["Tagged"] == "yes"
    assert "A4" in meta["Page size"]
    assert seed_pdf.stat().st_size < 100_000


def test_seed_text_running_head_and_footer(seed_pdf: Path) -> None:
    headline = "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    first, second = page_text(seed_pdf, 1), page_text(seed_pdf, 2)
    assert first.count(headline) == 1  # the h1 only
    assert "Unlocking" not in top_margin_text(seed_pdf, 1)  # no running head on page 1 ...
    assert top_margin_text(seed_pdf, 2) == headline  # ... and the headline from page 2
    assert "1 / 2" in first and "2 / 2" in second
    assert "International Organization for Migration" in first
    assert "In Belarus: Hanna Kalichava" in second and "hkalichava@iom.int" in second
    assert "FOR IMMEDIATE RELEASE" in first


def test_a_long_organisation_name_wraps_in_the_footer_and_the_page_number_does_not(
    renderer: PdfRenderer, tmp_path: Path
) -> None:
    name = (
        "Intergovernmental Commission for the Conservation, Restoration and Sustainable"
        " Management of Transboundary Freshwater Resources and Wetlands"
    )
    (tmp_path / "pressrelease.toml").write_text(f'[organizations.iom]\nname = "{name}"\n', encoding="utf-8")
    (tmp_path / "seed.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    pdf = render_to(renderer, tmp_path / "seed.md", tmp_path / "long.pdf")
    bottom = ["-f", "1", "-l", "1", "-x", "0", "-y", "760", "-W", "612", "-H", "82", "-raw"]  # A4's last 29 mm
    out = subprocess.run(["pdftotext", *bottom, str(pdf), "-"], capture_output=True, text=True, check=True)
    footer = out.stdout.strip().splitlines()
    assert "1 / 2" in footer
    assert " ".join(line for line in footer if line != "1 / 2") == name  # on two lines, in order


def test_links_are_clickable(seed_pdf: Path, renderer: PdfRenderer, tmp_path: Path) -> None:
    assert "mailto:hkalichava@iom.int" in poppler("pdfinfo", seed_pdf, "-url")
    un = render_to(renderer, EMBARGOED, tmp_path / "un.pdf")
    urls = poppler("pdfinfo", un, "-url")
    assert "https://gfo.example.org/outlook-2026/press" in urls
    assert "tel:+41225550142" in urls


def test_a4_and_letter(renderer: PdfRenderer, tmp_path: Path) -> None:
    a4 = info(render_to(renderer, SEED, tmp_path / "a4.pdf", paper="A4"))["Page size"]
    letter = info(render_to(renderer, SEED, tmp_path / "letter.pdf", paper="Letter"))["Page size"]
    assert a4.startswith("595.276 x 841.89")
    assert letter.startswith("612 x 792")


def test_two_renders_are_byte_identical(seed_pdf: Path) -> None:
    again = PdfRenderer().render(parse_file(SEED), for_path(SEED))
    assert again == seed_pdf.read_bytes()


def test_russian_text_with_bundled_fonts(renderer: PdfRenderer, tmp_path: Path) -> None:
    pdf = render_to(renderer, RUSSIAN, tmp_path / "ru.pdf")
    assert not [w for w in renderer.warnings if "glyph" in w.lower()], renderer.warnings
    text = page_text(pdf, 1)
    assert "Более 40 тысяч пожилых людей в Беларуси освоили электронные услуги за два года" in text
    assert "ДЛЯ НЕМЕДЛЕННОГО РАСПРОСТРАНЕНИЯ" in text
    assert "Андрей Ковалёв" in text
    fonts = poppler("pdffonts", pdf).splitlines()[2:]
    names = [re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts]
    assert names and all(n.startswith("Press-") for n in names), names  # only the bundled fonts
    assert info(pdf)["Keywords"] == "цифровые навыки, пожилые люди, электронные услуги"
    assert b"/Lang (ru)" in objects(pdf)


def test_embargo_banner(renderer: PdfRenderer, tmp_path: Path) -> None:
    text = page_text(render_to(renderer, EMBARGOED, tmp_path / "un.pdf"), 1)
    assert "EMBARGOED UNTIL 10:00 UTC+1, 20 MARCH 2026" in text  # upper-cased by print.css


def test_the_label_stands_at_the_end_of_the_embargo_box(renderer: PdfRenderer, tmp_path: Path) -> None:
    pdf = render_to(renderer, EMBARGOED, tmp_path / "un.pdf")
    words = words_on(pdf, 1)
    label_end = words["RELEASE"][2]  # "PRESS RELEASE", above the box
    box_end = words["2026"][2]  # the box's last word: "... 20 MARCH 2026"
    assert label_end > words["EMBARGOED"][0] + 100  # not at the box's start
    assert abs(label_end - box_end) < 12  # the box's padding apart, at most


def words_on(pdf: Path, page: int) -> dict[str, tuple[float, float, float, float]]:
    """Each word of a page (its first place) with xMin, yMin, xMax, yMax in points."""
    args = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    found: dict[str, tuple[float, float, float, float]] = {}
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
    ):
        found.setdefault(match.group(5), tuple(float(match.group(i)) for i in range(1, 5)))  # type: ignore[arg-type]
    return found


def test_failures_name_the_file(renderer: PdfRenderer, tmp_path: Path) -> None:
    broken = tmp_path / "theme"
    broken.mkdir()
    (broken / "release.html.j2").write_text("{% if %}", encoding="utf-8")
    release: Release = parse_file(SEED)
    with pytest.raises(RenderError, match=r"iom-minsk-2024-07-19\.md"):
        renderer.render(release, for_path(SEED), templates=broken)


def test_branding_override_with_logo_and_font(renderer: PdfRenderer, tmp_path: Path) -> None:
    """The worked example of docs/templates.md: logo, colours and a font from the override folder."""
    from PIL import Image

    brand = tmp_path / "brand"
    (brand / "fonts").mkdir(parents=True)
    (brand / "fonts" / "Brand-Regular.ttf").write_bytes(
        (ROOT / "templates/default/fonts/NotoSerif-Italic.ttf").read_bytes()
    )
    Image.new("RGB", (120, 30), (0, 105, 92)).save(brand / "logo.png")
    (brand / "print.css").write_text(
        '{% include "default/print.css" %}\n'
        '@font-face { font-family: "Brand"; src: url(fonts/Brand-Regular.ttf); }\n'
        'h1 { font-family: "Brand"; font-weight: 400; color: #00695c; }\n',
        encoding="utf-8",
    )
    (tmp_path / "pressrelease.toml").write_text(
        'default_organization = "acme"\n[organizations.acme]\nname = "Acme Water Trust"\nlogo = "brand/logo.png"\n'
        '[build]\ntemplates = "brand"\n',
        encoding="utf-8",
    )
    source = tmp_path / "launch.md"
    source.write_text(SEED.read_text(encoding="utf-8").replace("organization: iom\n", ""), encoding="utf-8")
    pdf = render_to(renderer, source, tmp_path / "brand.pdf")
    assert renderer.last_refused == [] and renderer.warnings == []
    fonts = poppler("pdffonts", pdf)
    assert "+Brand" in fonts
    assert "Acme Water Trust" in page_text(pdf, 1)  # the footer names the organisation under a logo
    assert len(poppler("pdfimages", pdf, "-list").splitlines()[2:]) == 1  # the logo
