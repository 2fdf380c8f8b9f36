"""A release page's images in the site: copied beside the page from the allowed folders
only, the page and its social card pointing at the copies, none for a draft, and gone
with the page."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import html5lib
from bs4 import BeautifulSoup

from pressrelease.site import SiteOptions, SiteResult, build_site

BASE = "https://newsroom.example.net/"
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
PHOTO = b"\x89PNG\r\n\x1a\n a photo of the new ferry pier"
LOGO = b"\x89PNG\r\n\x1a\n the harbour board's logo"
SECRET = b"\x89PNG\r\n\x1a\n a file outside the release folder"
DRAFTED = b"\x89PNG\r\n\x1a\n a draft's picture"

CONFIG = """\
default_organization = "hb"
[organizations.hb]
name = "Tarrow Harbour Board"
url = "https://harbour.example.net"
email = "press@harbour.example.net"
logo = "brand/logo.png"
"""


def release(title: str, body: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ndate: 2025-06-02\nlocation: Tarrow\n{extra}"
        "contacts:\n  - name: Ines Marlow\n    email: ines@harbour.example.net\n    phone: '+44 20 7946 0123'\n---\n\n"
        f"TARROW, 2 June 2025 – {body}\n\n“We waited years for this,” said Ines Marlow, the board's chair.\n\n###\n"
    )


def newsroom(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "releases"
    (source / "img").mkdir(parents=True)
    (source / "brand").mkdir()
    (source / "pressrelease.toml").write_text(CONFIG, encoding="utf-8")
    (source / "brand" / "logo.png").write_bytes(LOGO)
    (source / "img" / "pier.png").write_bytes(PHOTO)
    (source / "img" / "mark.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "outside.png").write_bytes(SECRET)
    (source / "img" / "escape.png").symlink_to(tmp_path / "outside.png")
    images = "![The pier](img/pier.png) ![Mark](img/mark.svg) ![Escape](img/escape.png) ![Up](../outside.png)"
    (source / "pier.md").write_text(release("New ferry pier opens in Tarrow", f"The pier opened today. {images}"))
    draft = release("Dredging plan for Tarrow", "The plan is out. ![Plan](img/plan.png)", "draft: true\n")
    (source / "img" / "plan.png").write_bytes(DRAFTED)
    (source / "plan.md").write_text(draft, encoding="utf-8")
    return source, tmp_path / "public"


def build(source: Path, output: Path) -> SiteResult:
    return build_site([source], SiteOptions(output=output, base_url=BASE, now=NOW, search=False))


def files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_the_page_shows_its_images_from_copies_beside_it(tmp_path: Path) -> None:
    source, output = newsroom(tmp_path)
    build(source, output)
    (folder,) = (output / "releases").iterdir()
    text = (folder / "index.html").read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(text)
    page = BeautifulSoup(text, "html.parser")
    sources = {img["alt"]: img["src"] for img in page.find_all("img")}
    assert (folder / sources["The pier"]).read_bytes() == PHOTO
    assert (folder / sources["Tarrow Harbour Board"]).read_bytes() == LOGO
    assert sources["Mark"].startswith("data:image/svg+xml;base64,")  # an SVG stays inside the page
    assert "Escape" not in sources and "Up" not in sources  # outside the folder: never read
    page_url = f"{BASE}releases/{folder.name}/"
    assert page.find("meta", property="og:image")["content"] == page_url + sources["The pier"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["url"] == page_url and data["image"] == [page_url + sources["The pier"]]
    assert data["publisher"]["logo"]["url"] == page_url + sources["Tarrow Harbour Board"]
    published = files(output)
    assert sorted(name for name in published if "/images/" in name) == sorted(
        f"releases/{folder.name}/{src}" for src in (sources["The pier"], sources["Tarrow Harbour Board"])
    )
    assert all(data not in (SECRET, DRAFTED) for data in published.values())


def test_a_removed_release_takes_its_images_with_it(tmp_path: Path) -> None:
    source, output = newsroom(tmp_path)
    build(source, output)
    assert PHOTO in files(output).values()
    (source / "pier.md").unlink()
    build(source, output)
    assert PHOTO not in files(output).values() and LOGO not in files(output).values()
    assert not (output / "releases").exists()


def test_an_image_replaced_under_its_name_is_copied_again(tmp_path: Path) -> None:
    source, output = newsroom(tmp_path)
    hour_ago = time.time() - 3600
    for path in source.rglob("*"):
        os.utime(path, (hour_ago, hour_ago), follow_symlinks=False)
    build(source, output)
    assert build(source, output).rendered == 0  # nothing changed: the page is not made again
    night = b"\x89PNG\r\n\x1a\n the pier at night, taken again"
    (source / "img" / "pier.png").write_bytes(night)  # the same name, another picture
    assert build(source, output).rendered == 1
    published = files(output).values()
    assert night in published and PHOTO not in published
    new_logo = b"\x89PNG\r\n\x1a\n the harbour board's new logo"
    (source / "brand" / "logo.png").write_bytes(new_logo)  # named by the config, not the release
    assert build(source, output).rendered == 1
    published = files(output).values()
    assert new_logo in published and LOGO not in published and night in published
