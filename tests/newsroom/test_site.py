"""``pressrelease site``: the newsroom's tree, feeds, sitemap, search, embargoes kept,
drafts and failing releases left out, and incremental rebuilds."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import feedparser
import html5lib
import pytest
from bs4 import BeautifulSoup

from cliutil import loaded_after
from cliutil import run_main as run  # tests/ is on sys.path
from pressrelease.site import SiteOptions, build_site
from pressrelease.site.build import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BASE = "https://news.example.org/"
EMBARGOED = "un-embargoed-water-report.md"
EMBARGO_SLUG = "2026-03-20-world-freshwater-outlook"
BEFORE = dt.datetime(2026, 3, 20, 8, 59, tzinfo=dt.UTC)  # the embargo lifts at 09:00 UTC
AFTER = dt.datetime(2026, 3, 20, 9, 0, tzinfo=dt.UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
RU_SLUG = "2024-07-19-raskryt-potentsial-migratsii"
SEED_SLUG = "2024-07-19-unlocking-potential-of-migration-in-achieving-sustainable-development"
COUNT = len(list(EXAMPLES.glob("*.md")))


def examples(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    shutil.copytree(EXAMPLES, folder)
    return folder


def build(source: Path, output: Path, now: dt.datetime = AFTER, **options: object) -> object:
    return build_site([source], SiteOptions(output=output, base_url=BASE, now=now, **options))  # type: ignore[arg-type]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, gzip files (Pagefind's index) and zip files (Word's) unpacked."""
    files = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            elif data[:4] == b"PK\x03\x04":
                with zipfile.ZipFile(path) as archive:
                    data = b"".join(archive.read(name) for name in archive.namelist())
            files[str(path.relative_to(folder))] = data
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    output = tmp / "public"
    build(examples(tmp), output)
    return output


def test_the_tree_has_pages_feeds_sitemap_and_search(site: Path) -> None:
    for name in (
        "index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "archive/index.html",
        "archive/2024/index.html",
        "archive/2026/index.html",
        "lang/en/index.html",
        "lang/en/feed.xml",
        "lang/fr/feed.xml",
        "tags/sdgs/index.html",
        "search/index.html",
        "pagefind/pagefind-ui.js",
        "pagefind/pagefind-entry.json",
        f"releases/{EMBARGO_SLUG}/index.html",
        MANIFEST,
    ):
        assert (site / name).is_file(), name
    pages = sorted((site / "releases").glob("*/index.html"))
    assert len(pages) == len(list(EXAMPLES.glob("*.md")))
    assert "Sitemap: https://news.example.org/sitemap.xml" in (site / "robots.txt").read_text()


def test_newest_release_first_on_the_home_page(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert home.index("Les savoir-faire des bateliers") < home.index("Unlocking Potential of Migration")
    assert f'href="releases/{EMBARGO_SLUG}/"' in home


def test_every_page_is_valid_html(site: Path) -> None:
    parser = html5lib.HTMLParser(strict=True)
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        parser.parse(page.read_bytes())  # raises on the first parse error


def test_the_feed_reads_cleanly_and_has_what_atom_requires(site: Path) -> None:
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == COUNT
    assert (
        parsed.entries[0].link
        == BASE + "releases/2026-05-12-les-savoir-faire-des-bateliers-de-la-loire-inscrits-au-registre-du-pa/"
    )
    root = ET.fromstring((site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{child}") is not None, child
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == BASE + "feed.xml"  # type: ignore[union-attr]
    for entry in root.findall(f"{ATOM}entry"):
        for child in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{child}") is not None, child
        assert entry.findtext(f"{ATOM}id", "").startswith(BASE)
    embargoed = next(e for e in parsed.entries if EMBARGO_SLUG in e.link)
    assert embargoed.published_parsed[:5] == (2026, 3, 20, 9, 0)  # it became public when the embargo lifted


def test_a_language_feed_holds_only_its_language(site: Path) -> None:
    parsed = feedparser.parse((site / "lang" / "fr" / "feed.xml").read_bytes())
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == [
        "Les savoir-faire des bateliers de la Loire inscrits au registre du patrimoine fluvial"
    ]


def test_the_sitemap_lists_releases_with_lastmod_and_hreflang(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    release = urls[BASE + f"releases/{EMBARGO_SLUG}/"]
    assert release.findtext("s:lastmod", namespaces=ns) == "2026-03-20"
    alternate = release.find("x:link", ns)
    assert alternate is not None and alternate.get("hreflang") == "en"
    assert BASE in urls and BASE + "archive/" in urls


def test_release_pages_link_home_and_name_their_canonical_address(site: Path) -> None:
    page = (site / "releases" / EMBARGO_SLUG / "index.html").read_text()
    assert f'<link rel="canonical" href="{BASE}releases/{EMBARGO_SLUG}/">' in page
    assert 'href="../../archive/"' in page and 'href="../../feed.xml"' in page
    assert "EMBARGOED" not in page  # published: the page no longer says it is under embargo


def test_the_search_index_covers_the_releases(site: Path) -> None:
    files = tree(site / "pagefind")
    words = b"".join(data for name, data in files.items() if name.startswith("fragment/"))
    assert b"savings account" in words
    assert b"Archive" not in words  # the site's bar is not indexed


# -- embargoes -------------------------------------------------------------------------------


def test_an_embargoed_release_leaves_no_trace_anywhere(tmp_path: Path) -> None:
    source = examples(tmp_path)
    chart = b"\x89PNG\r\n\x1a\n the embargoed chart's own bytes"
    (source / "basins.png").write_bytes(chart)
    release = source / EMBARGOED
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("\n\nThe World Freshwater", "\n\n![Basins](basins.png)\n\nThe World Freshwater", 1))
    output = tmp_path / "public"
    result = build(source, output, now=BEFORE)
    assert [(e.path.rsplit("/", 1)[-1], until) for e, until in result.held] == [  # type: ignore[attr-defined]
        (EMBARGOED, "2026-03-20T10:00:00+01:00")
    ]
    secrets = [
        b"Groundwater falling in two of every five",
        EMBARGO_SLUG.encode(),
        b"savings account",
        b"Marsh-Okoye",
        b"World Freshwater Outlook",
        chart,
        b"basins",
    ]
    for name, data in tree(output).items():
        for secret in secrets:
            assert secret not in data, (name, secret)

    build(source, output, now=AFTER)  # the embargo lifts: the release appears everywhere
    after = tree(output)
    assert any(b"savings account" in data for name, data in after.items() if name.startswith("pagefind/"))
    assert EMBARGO_SLUG.encode() in after["feed.xml"] and EMBARGO_SLUG.encode() in after["sitemap.xml"]
    copies = [name for name, data in after.items() if data == chart]  # the image, beside its page
    assert len(copies) == 1 and copies[0].startswith(f"releases/{EMBARGO_SLUG}/images/basins-")

    build(source, output, now=BEFORE)  # the clock (or the embargo) moves back: it goes again
    assert not (output / "releases" / EMBARGO_SLUG).exists()
    assert all(b"savings account" not in data and data != chart for data in tree(output).values())


def test_no_pdf_or_word_file_of_an_embargoed_release(tmp_path: Path) -> None:
    source = tmp_path / "releases"
    source.mkdir()
    for name in (EMBARGOED, "iom-minsk-2024-07-19.md", "pressrelease.toml"):
        shutil.copy(EXAMPLES / name, source / name)
    output = tmp_path / "public"
    build(source, output, now=BEFORE, pdf=True, docx=True)
    made = sorted(p.name for p in output.rglob("*") if p.suffix in (".pdf", ".docx"))
    assert made == [f"{SEED_SLUG}.docx", f"{SEED_SLUG}.pdf"]
    for name, data in tree(output).items():  # Word files unpacked: their text is compressed
        assert EMBARGO_SLUG.encode() not in data and b"Groundwater falling" not in data, name


def test_release_pages_link_their_pdf_and_word_file_when_the_site_has_them(tmp_path: Path) -> None:
    source = tmp_path / "releases"
    source.mkdir()
    for name in ("iom-minsk-2024-07-19.md", "pressrelease.toml"):
        shutil.copy(EXAMPLES / name, source / name)
    output = tmp_path / "public"
    build(source, output, search=False)
    page = (output / "releases" / SEED_SLUG / "index.html").read_text()
    assert f"{SEED_SLUG}.docx" not in page and f"{SEED_SLUG}.pdf" not in page
    result = build(source, output, search=False, docx=True)  # another option: every page made again
    assert result.rendered == 1  # type: ignore[attr-defined]
    page = (output / "releases" / SEED_SLUG / "index.html").read_text()
    assert f'<a class="docx-link" href="{SEED_SLUG}.docx"' in page and f"{SEED_SLUG}.pdf" not in page
    html5lib.HTMLParser(strict=True).parse(page)
    with zipfile.ZipFile(output / "releases" / SEED_SLUG / f"{SEED_SLUG}.docx") as word:
        assert b"Unlocking Potential of Migration" in word.read("word/document.xml")
    build(source, output, search=False)  # and without it again: the Word file goes
    assert not list(output.rglob("*.docx"))


# -- drafts and failures ---------------------------------------------------------------------


def release(title: str, extra: str = "", date: str = "2026-06-01") -> str:
    return (
        f"---\ntitle: {title}\ndate: {date}\nlocation: Nairobi\n{extra}"
        "contacts:\n  - name: Wanjiru Otieno\n    email: press@example.org\n---\n\n"
        "Nairobi – The Lake Basin Council opened three solar pumping stations on Monday, "
        "bringing water to 12,000 people in four villages.\n\n###\n"
    )


def test_drafts_and_releases_with_lint_errors_are_left_out_and_listed(tmp_path: Path) -> None:
    source = tmp_path / "releases"
    source.mkdir()
    (source / "ready.md").write_text(release("Solar pumps bring water to four villages"))
    (source / "draft.md").write_text(release("Draft headline about pumps", "draft: true\n"))
    (source / "broken.md").write_text(release("Pumps [TK] opened"))  # a placeholder: PR703, an error
    output = tmp_path / "public"
    result = build(source, output)
    assert [e.title for e in result.published] == ["Solar pumps bring water to four villages"]  # type: ignore[attr-defined]
    left = {Path(e.path).name: (e.state, e.message) for e in result.left_out}  # type: ignore[attr-defined]
    assert left["draft.md"] == ("draft", "draft: true")
    assert left["broken.md"][0] == "failed" and "PR703" in left["broken.md"][1]
    assert b"Draft headline" not in b"".join(tree(output).values())

    forced = build(source, tmp_path / "forced", force=True)
    assert sorted(e.title for e in forced.published) == [  # type: ignore[attr-defined]
        "Pumps [TK] opened",
        "Solar pumps bring water to four villages",
    ]


def test_the_command_lists_what_it_held_back_and_fails_on_broken_releases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    args = ["site", str(source), "-o", str(output), "--base-url", BASE, "--now", BEFORE.isoformat(), "--no-search"]
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 0, err
    assert f"held back {source / EMBARGOED}: embargo until 2026-03-20T10:00:00+01:00" in err
    assert f"{COUNT - 1} releases published, 1 held back, 0 left out" in out
    (source / "broken.md").write_text(release("Pumps [TK] opened"))
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 1
    assert f"left out {source / 'broken.md'}: lint error PR703" in err


def test_a_bad_base_url_or_unwritable_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, "site", str(EXAMPLES), "-o", str(tmp_path), "--base-url", "ftp://x/")
    assert code == 2 and err.count("\n") == 1 and "--base-url" in err
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(monkeypatch, capsys, "site", str(EXAMPLES), "-o", str(blocker / "public"))
    assert code == 2 and "cannot write to the output folder" in err and err.count("\n") == 1


# -- incremental -----------------------------------------------------------------------------


def mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    }


def test_a_rebuild_redoes_only_what_changed(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    first = build(source, output, search=False)
    assert first.rendered == COUNT  # type: ignore[attr-defined]
    before = mtimes(output)

    again = build(source, output, search=False)
    assert (again.rendered, again.written, again.deleted) == (0, 0, 0)  # type: ignore[attr-defined]
    assert mtimes(output) == before

    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("window heat pump", "window heat-pump"))
    changed = build(source, output, search=False)
    assert changed.rendered == 1  # type: ignore[attr-defined]
    after = mtimes(output)
    touched = {name for name in after if after[name] != before.get(name)}
    assert (
        "releases/2026-04-14-pallas-thermal-unveils-window-heat-pump-that-renters-can-install-with/index.html"
        in touched
    )
    assert not any(name.startswith("releases/2024-07-19") for name in touched)

    (source / "iom-minsk-2024-07-19.md").unlink()
    (source / "iom-minsk-2024-07-19.ru.md").unlink()  # the only other release of 2024
    removed = build(source, output, search=False)
    assert removed.deleted >= 2  # type: ignore[attr-defined]  # its page and its year's archive
    assert not (
        output / "releases" / "2024-07-19-unlocking-potential-of-migration-in-achieving-sustainable-development"
    ).exists()
    assert not (output / "archive" / "2024").exists()


def test_a_changed_template_rebuilds_every_page(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    overrides = tmp_path / "theme"
    (overrides / "site").mkdir(parents=True)
    bar = ROOT / "templates" / "default" / "site" / "bar.html.j2"
    (overrides / "site" / "bar.html.j2").write_text(bar.read_text())
    build(source, output, search=False, templates=overrides)
    (overrides / "site" / "bar.html.j2").write_text(bar.read_text().replace(">{{ labels.archive }}<", ">All releases<"))
    os.utime(overrides / "site" / "bar.html.j2", ns=(1, 1))  # a different mtime even on coarse clocks
    result = build(source, output, search=False, templates=overrides)
    assert result.rendered == COUNT  # type: ignore[attr-defined]
    assert all(">All releases<" in p.read_text() for p in (output / "releases").glob("*/index.html"))


def test_files_the_site_did_not_make_are_left_alone(tmp_path: Path) -> None:
    output = tmp_path / "public"
    output.mkdir()
    (output / "CNAME").write_text("news.example.org\n")
    source = examples(tmp_path)
    build(source, output, search=False)
    shutil.rmtree(source)
    source.mkdir()
    build(source, output, search=False)
    assert (output / "CNAME").read_text() == "news.example.org\n"
    assert not (output / "releases").exists()


def test_an_index_left_stale_by_no_search_is_removed(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output, now=AFTER)  # published and indexed
    assert any(b"savings account" in data for data in tree(output / "pagefind").values())
    build(source, output, now=BEFORE, search=False)  # held back again, and no new index
    assert not (output / "pagefind").exists()
    assert all(b"savings account" not in data for data in tree(output).values())
    build(source, output, now=BEFORE)  # the next run with search makes the index again
    assert (output / "pagefind" / "pagefind-entry.json").is_file()


def test_a_source_with_the_size_and_time_it_had_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = examples(tmp_path)
    hour_ago = dt.datetime.now().timestamp() - 3600
    for path in source.glob("*.md"):
        os.utime(path, (hour_ago, hour_ago))
    output = tmp_path / "public"
    build(source, output, search=False)
    manifest = json.loads((output / MANIFEST).read_bytes())
    assert all(entry["source"][0] > 0 for entry in manifest["entries"].values())

    read: list[str] = []
    read_bytes = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", spy)
    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("window heat pump", "window heat-pump"))  # saved now
    touched = source / "iom-minsk-2024-07-19.md"
    touched.touch()  # a new time, the same text
    result = build(source, output, search=False)
    assert result.rendered == 1  # type: ignore[attr-defined]
    assert {name for name in read if name.endswith(".md")} == {"ap-wire-product-launch.md", "iom-minsk-2024-07-19.md"}
    manifest = json.loads((output / MANIFEST).read_bytes())  # saved just now: its time is not trusted next run
    assert sorted(entry["source"] for entry in manifest["entries"].values()).count([0, 0]) == 2


def test_a_rebuild_that_changes_no_feed_does_not_make_feeds(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output, search=False)
    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("added 60 jobs", "added 61 jobs"))  # the body: not in any feed
    argv = ["site", str(source), "-o", str(output), "--base-url", BASE, "--now", AFTER.isoformat(), "--no-search"]
    assert loaded_after(argv, ["feedgen"]) == (0, [])
    page = output / "releases" / "2026-04-14-pallas-thermal-unveils-window-heat-pump-that-renters-can-install-with"
    assert "added 61 jobs" in (page / "index.html").read_text()


def test_a_run_that_fails_after_starting_pagefind_leaves_the_old_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressrelease.site import indexes

    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output)
    entry = output / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_ino
    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("added 60 jobs", "added 61 jobs"))  # Pagefind starts on this run

    def broken(*args: object) -> dict[str, bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(indexes, "sitemap_and_robots", broken)
    with pytest.raises(OSError, match="disk full"):
        build(source, output)
    assert entry.stat().st_ino == first  # Pagefind stopped, its half-made index removed
    assert not list(output.glob(".pagefind-*"))
    monkeypatch.undo()
    build(source, output)  # the next run makes the index again: the manifest still has the old page
    assert entry.stat().st_ino != first
    assert any(b"added 61 jobs" in data for name, data in tree(output / "pagefind").items())


def test_an_unchanged_site_does_not_index_again(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output)
    entry = output / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_ino
    build(source, output)
    assert entry.stat().st_ino == first  # the same file: the index was not rebuilt


AP_SLUG = "2026-04-14-pallas-thermal-unveils-window-heat-pump-that-renters-can-install-with"


def fragment_pages(output: Path) -> dict[str, str]:
    """The search index's fragments, each with the address of the page it is of."""
    folder = output / "pagefind" / "fragment"
    pages = {}
    for path in folder.iterdir():
        data = gzip.decompress(path.read_bytes())
        pages[path.name] = json.loads(data[data.index(b"{") :])["url"]
    return pages


def one_fragment_a_page(output: Path) -> None:
    pages = fragment_pages(output)
    published = {f"/releases/{folder.name}/" for folder in (output / "releases").iterdir()}
    assert sorted(pages.values()) == sorted(published)
    assert json.loads((output / MANIFEST).read_bytes())["fragments"] == pages


def test_a_rebuild_writes_only_the_changed_page_s_fragment(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output)
    one_fragment_a_page(output)
    before = {page: name for name, page in fragment_pages(output).items()}
    seed = output / "pagefind" / "fragment" / before[f"/releases/{SEED_SLUG}/"]
    seed_inode = seed.stat().st_ino
    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("added 60 jobs", "added 61 jobs"))
    build(source, output)
    one_fragment_a_page(output)
    after = {page: name for name, page in fragment_pages(output).items()}
    assert after[f"/releases/{SEED_SLUG}/"] == seed.name and seed.stat().st_ino == seed_inode  # linked, not written
    assert after[f"/releases/{AP_SLUG}/"] != before[f"/releases/{AP_SLUG}/"]
    index = tree(output / "pagefind")
    assert any(b"added 61 jobs" in data for data in index.values())
    assert all(b"added 60 jobs" not in data for data in index.values())


def test_the_search_index_can_be_read_by_a_web_server_of_another_user(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        build(examples(tmp_path), tmp_path / "public")
    finally:
        os.umask(umask)
    assert (tmp_path / "public" / "pagefind").stat().st_mode & 0o777 == 0o755


def test_a_manifest_that_misnames_a_fragment_makes_the_index_again(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output)
    manifest = json.loads((output / MANIFEST).read_bytes())
    old_ap = next(name for name, page in manifest["fragments"].items() if page == f"/releases/{AP_SLUG}/")
    manifest["fragments"][old_ap] = f"/releases/{SEED_SLUG}/"  # the changed page's fragment, said to be another's
    (output / MANIFEST).write_text(json.dumps(manifest))
    ap = source / "ap-wire-product-launch.md"
    ap.write_text(ap.read_text().replace("added 60 jobs", "added 61 jobs"))
    build(source, output)
    one_fragment_a_page(output)
    assert not (output / "pagefind" / "fragment" / old_ap).exists()
    assert all(b"added 60 jobs" not in data for data in tree(output / "pagefind").values())


def test_language_versions_link_each_other_in_pages_and_sitemap(site: Path) -> None:
    page = (site / "releases" / SEED_SLUG / "index.html").read_text()
    assert f'<link rel="alternate" hreflang="ru" href="{BASE}releases/{RU_SLUG}/">' in page
    assert f'<a href="{BASE}releases/{RU_SLUG}/" hreflang="ru" lang="ru">Русский</a>' in page
    sitemap = (site / "sitemap.xml").read_text()
    seed_entry = next(line for line in sitemap.splitlines() if f"<loc>{BASE}releases/{SEED_SLUG}/</loc>" in line)
    assert f'hreflang="ru" href="{BASE}releases/{RU_SLUG}/"' in seed_entry


def test_a_version_under_embargo_is_not_linked(tmp_path: Path) -> None:
    source = examples(tmp_path)
    hold_ru(source, dt.datetime(2099, 1, 1, 9, 0, tzinfo=dt.UTC))
    output = tmp_path / "public"
    result = build(source, output, force=True)  # else lint errors (PR902, PR903) leave both versions out
    assert [Path(e.path).name for e, _ in result.held] == ["iom-minsk-2024-07-19.ru.md"]  # type: ignore[attr-defined]
    assert (output / "releases" / SEED_SLUG / "index.html").is_file()  # the original is out, unlinked
    for name, data in tree(output).items():
        assert RU_SLUG.encode() not in data, name


# -- language versions and their embargoes ---------------------------------------------------

RU_TITLE = "Раскрыть потенциал миграции".encode()
RU_LIFTS = dt.datetime(2024, 7, 19, 9, 0, tzinfo=dt.UTC)


def staggered(tmp_path: Path) -> Path:
    """The examples, in a newsroom that lets a version come out after its original
    (PR903, versions with different embargoes, a warning instead of an error)."""
    source = examples(tmp_path)
    config = source / "pressrelease.toml"
    config.write_text(config.read_text() + '\n[lint.severity]\nPR903 = "warning"\n')
    return source


def hold_ru(source: Path, until: dt.datetime) -> None:
    ru = source / "iom-minsk-2024-07-19.ru.md"
    held = f"date: {until.date().isoformat()}\nembargo: {until.isoformat()}\n"
    ru.write_text(ru.read_text().replace("date: 2024-07-19\n", held))


def with_held_version(tmp_path: Path) -> Path:
    """The Russian version of the seed release under embargo until RU_LIFTS; the seed is out."""
    source = staggered(tmp_path)
    hold_ru(source, RU_LIFTS)
    return source


def seed_links_ru(output: Path) -> bool:
    page = (output / "releases" / SEED_SLUG / "index.html").read_text()
    link = f'<link rel="alternate" hreflang="ru" href="{BASE}releases/{RU_SLUG}/">' in page
    nav = f'<a href="{BASE}releases/{RU_SLUG}/" hreflang="ru" lang="ru">' in page
    assert link == nav, "the head and the page disagree"
    return link


def assert_no_trace_of_ru(output: Path) -> None:
    for name, data in tree(output).items():
        for secret in (RU_SLUG.encode(), RU_TITLE):
            assert secret not in data, (name, secret)


def test_a_page_links_its_version_once_the_versions_embargo_lifts(tmp_path: Path) -> None:
    source = with_held_version(tmp_path)
    output = tmp_path / "public"
    build(source, output, now=RU_LIFTS - dt.timedelta(minutes=1))
    assert not seed_links_ru(output)
    assert_no_trace_of_ru(output)
    build(source, output, now=RU_LIFTS - dt.timedelta(seconds=1))  # still held: still nothing
    assert_no_trace_of_ru(output)

    lifted = build(source, output, now=RU_LIFTS)  # the seed's text did not change; its page must
    assert seed_links_ru(output)
    assert (output / "releases" / RU_SLUG / "index.html").is_file()
    assert any(RU_TITLE in data for name, data in tree(output).items() if name.startswith("pagefind/"))
    assert lifted.rendered == 2  # type: ignore[attr-defined]  # the version, and the page that links it

    build(source, output, now=RU_LIFTS)  # and the link stays on the next run
    assert seed_links_ru(output)


def test_a_page_drops_its_version_when_the_version_is_held_back_again(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output, force=True)  # --force: lint errors of the versions' dates do not keep them out
    assert seed_links_ru(output)
    hold_ru(source, dt.datetime(2099, 1, 1, 9, 0, tzinfo=dt.UTC))  # the version gets an embargo after all
    again = build(source, output, force=True)
    assert [Path(e.path).name for e, _ in again.held] == ["iom-minsk-2024-07-19.ru.md"]  # type: ignore[attr-defined]
    assert not seed_links_ru(output)
    assert_no_trace_of_ru(output)
    assert again.rendered == 1  # type: ignore[attr-defined]  # the seed's page, made again without the link

    source = with_held_version(tmp_path / "clock")  # the clock moves back before the version's embargo
    output = tmp_path / "clock" / "public"
    build(source, output, now=RU_LIFTS)
    assert seed_links_ru(output)
    build(source, output, now=RU_LIFTS - dt.timedelta(minutes=1))
    assert not seed_links_ru(output)
    assert_no_trace_of_ru(output)


def test_a_page_follows_its_version_to_a_new_address(tmp_path: Path) -> None:
    source = examples(tmp_path)
    output = tmp_path / "public"
    build(source, output, search=False)
    ru = source / "iom-minsk-2024-07-19.ru.md"
    ru.write_text(ru.read_text().replace(f"slug: {RU_SLUG}\n", "slug: 2024-07-19-migratsiya-minsk\n"))
    build(source, output, search=False)  # the original's text did not change; its link must
    page = (output / "releases" / SEED_SLUG / "index.html").read_text()
    assert f'href="{BASE}releases/2024-07-19-migratsiya-minsk/" hreflang="ru"' in page
    assert RU_SLUG not in page and not (output / "releases" / RU_SLUG).exists()


def test_a_version_left_out_for_lint_errors_is_not_linked(tmp_path: Path) -> None:
    source = examples(tmp_path)
    ru = source / "iom-minsk-2024-07-19.ru.md"
    ru.write_text(ru.read_text().replace("location: Минск\n", "location: Минск [TK]\n"))  # PR703, an error
    output = tmp_path / "public"
    result = build(source, output, search=False)
    assert [Path(e.path).name for e in result.left_out] == [ru.name]  # type: ignore[attr-defined]
    assert not seed_links_ru(output)
    assert_no_trace_of_ru(output)
    ru.write_text(ru.read_text().replace("location: Минск [TK]\n", "location: Минск\n"))  # fixed: out, linked
    build(source, output, search=False)
    assert seed_links_ru(output)


def test_english_releases_of_every_region_share_one_search_index(tmp_path: Path) -> None:
    """Pagefind keeps an index per <html lang>, dialects apart: en-GB and en-US pages must
    both be found from the site's "en" search page, so a release page's <html> gives the
    language alone and its article the full tag."""
    output = tmp_path / "public"
    build(examples(tmp_path), output)
    languages = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())["languages"]
    assert not [code for code in languages if "-" in code]
    english = [p for p in (output / "releases").glob("*/index.html") if 'lang="en' in p.read_text()[:200]]
    assert languages["en"]["page_count"] == len(english) >= 3
    page = BeautifulSoup((output / "releases" / AP_SLUG / "index.html").read_text(), "html.parser")
    assert page.html["lang"] == "en"
    assert page.select_one("article.release")["lang"] == "en-US"
