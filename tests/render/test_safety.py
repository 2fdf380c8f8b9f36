"""Hostile releases: nothing runs, nothing is fetched, nothing is embedded.

A local HTTP server records every request it gets; each test that renders a
release pointing at it asserts the server heard nothing. Embedded files are
counted with poppler's ``pdfdetach``, and one test shows that the count does see
an attachment when WeasyPrint is used without our guards.
"""

from __future__ import annotations

import http.server
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from markdown_it.token import Token
from PIL import Image

from pressrelease.config import Config
from pressrelease.parse import parse_file
from pressrelease.render.body import BodyRenderer
from pressrelease.render.html import render_html
from pressrelease.render.pdf import PdfRenderer

pytest.importorskip("weasyprint")


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records request paths: (base URL, paths)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def png(path: Path) -> Path:
    Image.new("RGB", (4, 4), (200, 30, 30)).save(path)
    return path


def write_release(folder: Path, body: str, title: str = "Water board opens new plant") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "release.md"
    path.write_text(f"---\ntitle: {title}\ndate: 2024-07-19\n---\n\n{dedent(body)}", encoding="utf-8")
    return path


def embedded_files(pdf: bytes, tmp_path: Path) -> list[str]:
    target = tmp_path / "out.pdf"
    target.write_bytes(pdf)
    listing = subprocess.run(["pdfdetach", "-list", str(target)], capture_output=True, text=True, check=True).stdout
    return [line for line in listing.splitlines()[1:] if line.strip()]


def poppler_urls(pdf: bytes, tmp_path: Path) -> str:
    target = tmp_path / "urls.pdf"
    target.write_bytes(pdf)
    return subprocess.run(["pdfinfo", "-url", str(target)], capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    target = tmp_path / "text.pdf"
    target.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout


def hostile(base: str) -> str:
    return f"""\
    Raw <script>alert(1)</script> and <img src="{base}/raw.png"> and <b onclick="steal()">bold</b>.

    <div style="position:fixed;font-size:1e9px">block html</div>

    <link rel="attachment" href="../secret.txt">

    <style>@import url({base}/style.css); body {{ background: url({base}/bg.png) }}</style>

    ![remote]({base}/a.png) ![file](file:///etc/hostname) ![svg](data:image/svg+xml;base64,PHN2Zy8+)

    [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x)

    [see note](../secret.txt){{rel=attachment}} [styled](https://example.org/a){{style="position:fixed"}}

    [fine](https://example.org/page) and <{base}/autolink.png>
    """


@pytest.fixture
def hostile_release(tmp_path: Path, server: tuple[str, list[str]]) -> Path:
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    return write_release(tmp_path / "release", hostile(server[0]))


def test_html_escapes_raw_html_and_drops_unsafe_links(hostile_release: Path, server: tuple[str, list[str]]) -> None:
    html = render_html(parse_file(hostile_release), Config())
    doc = BeautifulSoup(html, "html.parser")
    body = doc.select_one(".body")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert [s.get("type") for s in doc.find_all("script")] == ["application/ld+json"]
    assert doc.find("link", rel="attachment") is None
    assert body.find("style") is None and body.find("img") is None and body.find("div") is None
    for element in doc.select("article *"):
        for name in element.attrs:
            assert not name.lower().startswith("on"), element
            assert name.lower() not in ("style", "rel"), element
    hrefs = [a["href"] for a in body.find_all("a")]
    schemes = {urlsplit(h).scheme for h in hrefs}
    assert schemes <= {"http", "https", ""}, hrefs  # relative links stay links; nothing else
    assert not any(h.lower().startswith(("javascript", "data", "vbscript", "file")) for h in hrefs)
    assert "https://example.org/page" in hrefs
    assert "TOP SECRET" not in html
    assert server[1] == []


def test_pdf_fetches_nothing_and_embeds_nothing(
    hostile_release: Path, server: tuple[str, list[str]], renderer: PdfRenderer, tmp_path: Path
) -> None:
    pdf = renderer.render(parse_file(hostile_release), Config())
    assert server[1] == []
    assert embedded_files(pdf, tmp_path) == []
    text = pdf_text(pdf, tmp_path)
    assert "<script>alert(1)</script>" in text  # shown as text, not run or dropped
    assert "file:" not in poppler_urls(pdf, tmp_path)  # relative links would name local folders
    assert "TOP SECRET" not in text


def test_the_guards_see_an_attachment_when_there_is_one(tmp_path: Path) -> None:
    """Control: plain WeasyPrint does embed the file, and ``embedded_files`` notices."""
    from weasyprint import HTML

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    html = f'<html><head><link rel="attachment" href="{secret.as_uri()}"></head><body><p>x</p></body></html>'
    assert len(embedded_files(HTML(string=html).write_pdf(), tmp_path)) == 1


def test_template_markup_cannot_fetch_or_attach_either(
    tmp_path: Path, server: tuple[str, list[str]], renderer: PdfRenderer
) -> None:
    """The fetcher and the attachment stripping hold even for markup a template writes."""
    base, requests = server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    release = write_release(tmp_path / "release", "Text of the release.\n")
    (tmp_path / "release" / "inside.txt").write_text("inside the release folder", encoding="utf-8")
    overrides = tmp_path / "theme"
    overrides.mkdir()
    (overrides / "release.html.j2").write_text(
        '{% extends "default/release.html.j2" %}{% block body %}{{ super() }}'
        f'<img src="{base}/tpl.png" alt="">'
        f'<link rel="stylesheet" href="{base}/tpl.css">'
        f'<link rel="attachment" href="{secret.as_uri()}">'
        f'<a rel="attachment" href="{secret.as_uri()}">outside</a>'
        '<a rel="attachment" href="inside.txt">inside</a>'
        '<img src="file:///etc/hostname" alt="">'
        "{% endblock %}",
        encoding="utf-8",
    )
    pdf = renderer.render(parse_file(release), Config(), templates=overrides)
    assert requests == []
    assert embedded_files(pdf, tmp_path) == []
    assert any("tpl.png" in url for url in renderer.last_refused)


def test_unsafe_link_tokens_become_text() -> None:
    """The renderer's own check, whatever the Markdown parser lets through."""
    renderer = BodyRenderer(None)
    for href in ("javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "file:///etc/passwd", "//evil.example"):
        link = Token("link_open", "a", 1, attrs={"href": href, "onclick": "x()", "rel": "attachment"})
        html = renderer.inline([link, Token("text", "", 0, content="click"), Token("link_close", "a", -1)])
        assert html == "click", href
    link = Token("link_open", "a", 1, attrs={"href": "tel:+41225550142", "style": "x", "rel": "attachment"})
    html = renderer.inline([link, Token("text", "", 0, content="call"), Token("link_close", "a", -1)])
    assert html == '<a href="tel:+41225550142">call</a>'


def test_images_only_from_inside_the_release_folder(
    tmp_path: Path, renderer: PdfRenderer, server: tuple[str, list[str]]
) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    png(outside / "private.png")
    png(folder / "photo.png")
    (folder / "link.png").symlink_to(outside / "private.png")
    release = write_release(
        folder,
        "![Photo](photo.png) ![Link](link.png) ![Up](../outside/private.png) "
        f"![Abs]({(outside / 'private.png').as_uri()}) ![Remote]({server[0]}/r.png)\n",
    )
    html = render_html(parse_file(release), Config())
    images = BeautifulSoup(html, "html.parser").select(".body img")
    assert [img["alt"] for img in images] == ["Photo"]
    assert images[0]["src"].startswith("data:image/png;base64,")
    pdf = renderer.render(parse_file(release), Config())
    assert server[1] == []
    target = tmp_path / "images.pdf"
    target.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True).stdout
    assert len(listing.splitlines()[2:]) == 1  # only photo.png


def test_fetcher_refuses_symlink_escape_and_network(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    from pressrelease.render.fetcher import AssetFetcher, Refused

    root = tmp_path / "release"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    (root / "escape.txt").symlink_to(tmp_path / "secret.txt")
    (root / "ok.txt").write_text("fine", encoding="utf-8")
    fetcher = AssetFetcher([root])
    assert fetcher.fetch((root / "ok.txt").as_uri()).read() == b"fine"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    for url in (
        (root / "escape.txt").as_uri(),
        (tmp_path / "secret.txt").as_uri(),
        (root / "../secret.txt").as_uri(),
        f"{server[0]}/x.png",
        "ftp://127.0.0.1/x",
        "file:///dev/urandom",
    ):
        with pytest.raises(Refused):
            fetcher.fetch(url)
    assert server[1] == []
