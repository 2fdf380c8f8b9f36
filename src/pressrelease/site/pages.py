"""The site's HTML: one page per release (the build's page in the site layout) and
the listing pages (home, archives by year, language and tag).

Every link between pages is relative, so the folder works under any address
prefix and opened from disk; only the canonical address, the feeds and the sitemap
use the absolute ``base_url``. Templates come from the theme's ``site/`` folder and
may be overridden file by file, as for ``build``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import msgspec

from ..config import Config
from ..model import Release
from ..render.house_style import format_date
from ..render.templates import environment

if TYPE_CHECKING:  # collect imports this module to render a release: types only, no cycle
    from ..render.context import WebAddresses
    from .collect import Entry, Site
    from .images import PageImages

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def tag_slug(tag: str) -> str:
    """A tag as a folder name: ASCII letters and digits joined by hyphens (``SDGs`` -> ``sdgs``)."""
    ascii_text = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode().lower()
    return _NOT_SLUG.sub("-", ascii_text).strip("-") or "tag"


def release_files(
    release: Release, config: Config, entry: Entry, site: Site, versions: Sequence[tuple[str, str]] = ()
) -> tuple[dict[str, bytes], dict[Path, tuple[int, int]]]:
    """The page of one published release, the images it shows (see :mod:`.images`), and
    its PDF and Word file when the site has them; and the image files it read, each
    with its (mtime_ns, size).

    ``versions`` are its other language versions that may be published now, as
    (language tag, slug): the page links them and names them as ``hreflang`` alternates.
    """
    from ..render import context
    from ..render.house_style import language_name
    from .images import PageImages

    # On the newsroom the release is out: its page says when it was published, not
    # "embargoed until" (the embargo instant stays its publication time).
    shown = msgspec.structs.replace(release, embargo=None)
    url = site.base_url + entry.url
    images = PageImages(entry.url)
    values = context.build(shown, config, "page", image_url=images, web=_addresses(release, url, images))
    values.update(
        # Pagefind keeps one index per <html lang>, dialects apart: en-GB and en-US pages
        # would be searched apart from the site's "en" search page.
        html_lang=values["lang"].split("-")[0].lower(),
        canonical=url,
        page_url=url,
        published=entry.published.isoformat(),
        site=_site_values(site, depth=2),
        pdf=f"{entry.slug}.pdf" if site.pdf else None,
        docx=f"{entry.slug}.docx" if site.docx else None,
        alternates=[
            context.Alternate(lang, language_name(lang), f"{site.base_url}releases/{slug}/") for lang, slug in versions
        ],
    )
    html = environment(site.templates).get_template("site/release.html.j2").render(values)
    files = {f"{entry.url}index.html": html.encode("utf-8"), **images.files}
    if site.pdf:
        from ..build.processes import pdf_renderer

        paper = site.paper or config.build.paper
        files[f"{entry.url}{entry.slug}.pdf"] = pdf_renderer().render(release, config, paper=paper)  # type: ignore[arg-type]
    if site.docx:
        from ..render.docx import render_docx

        files[f"{entry.url}{entry.slug}.docx"] = render_docx(release, config)
    return files, images.read


def _addresses(release: Release, url: str, images: PageImages) -> WebAddresses:
    """The page's address and the images a social card and the JSON-LD name, all on the site:
    the body's first image (copied beside the page, or a remote one as written), else the logo."""
    from ..render.body import local_image
    from ..render.context import WebAddresses, first_image

    image = first_image(release)
    if image is not None and urlsplit(image).scheme not in ("http", "https"):
        path = local_image(image, release.path.parent if release.path is not None else None)
        copied = images(path) if path is not None else None
        image = url + copied if copied is not None else None
    org = release.organization
    logo = images(org.logo) if org is not None and org.logo is not None else None
    logo = url + logo if logo is not None else None
    return WebAddresses(url, True, image or logo, logo)


def _site_values(site: Site, depth: int) -> dict[str, Any]:
    return {"title": site.title, "root": "../" * depth, "base_url": site.base_url}


@dataclass(frozen=True)
class Listing:
    """One list of releases, split into pages: the home page, a year, a language, a tag."""

    folder: str  #: relative to the site root, ``""`` or ending in ``/``
    heading: str
    entries: Sequence[Entry]
    feed: str | None = None  #: the feed of this listing, relative to the site root
    language: str | None = None  #: the language of its releases, for its words; None: the site's


@dataclass(frozen=True)
class Page:
    """A page to write: its file, its template and every value the template reads.

    The values are plain data, so a page whose values are those of the last run
    need not be rendered again (see ``build``).
    """

    name: str  #: relative to the site root
    template: str
    values: dict[str, Any]

    def render(self, site: Site) -> bytes:
        return environment(site.templates).get_template(self.template).render(self.values).encode("utf-8")


def listing_pages(listing: Listing, site: Site) -> list[Page]:
    """``index.html`` and ``page/N/index.html`` for one listing, ``per_page`` releases each."""
    count = max(1, math.ceil(len(listing.entries) / site.per_page))
    pages = []
    base_depth = listing.folder.count("/")
    for number in range(1, count + 1):
        folder = listing.folder if number == 1 else f"{listing.folder}page/{number}/"
        depth = folder.count("/")
        up = "../" * depth
        chunk = listing.entries[(number - 1) * site.per_page : number * site.per_page]
        link_to = {n: "../" * (depth - base_depth) + ("" if n == 1 else f"page/{n}/") for n in (number - 1, number + 1)}
        values = {
            **_words(listing.language or site.language),
            "site": _site_values(site, depth),
            "heading": listing.heading,
            "items": [_item(entry, up) for entry in chunk],
            "page": number,
            "pages": count,
            "previous": link_to[number - 1] if number > 1 else None,
            "next": link_to[number + 1] if number < count else None,
            "feed": up + listing.feed if listing.feed else None,
        }
        pages.append(Page(f"{folder}index.html", "site/list.html.j2", values))
    return pages


def archive_page(
    years: dict[str, int], languages: dict[str, int], tags: dict[str, tuple[str, int]], site: Site
) -> Page:
    """``archive/index.html``: every year, language and tag, with how many releases each has."""
    values = {
        **_words(site.language),
        "site": _site_values(site, 1),
        "years": sorted(years.items(), reverse=True),
        "languages": sorted(languages.items()),
        "tags": sorted(tags.items(), key=lambda item: item[1][0].lower()),
    }
    return Page("archive/index.html", "site/archive.html.j2", values)


def search_page(site: Site) -> Page:
    """``search/index.html``: Pagefind's search box over the release pages."""
    return Page("search/index.html", "site/search.html.j2", {**_words(site.language), "site": _site_values(site, 1)})


@lru_cache(maxsize=64)
def _words(code: str) -> dict[str, Any]:
    """A page's language, direction and labels (the bar's "Archive", the pager's "Older"):
    the same ``[labels]`` of data/<language>.toml that a release page's headings come from."""
    from ..parse.language import language
    from ..render.bidi import direction

    return {"lang": code, "dir": direction(code), "labels": language(code).labels}


@lru_cache(maxsize=4096)
def _date_text(date: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(date), "default", lang)


def _item(entry: Entry, up: str) -> dict[str, Any]:
    return {
        "title": entry.title,
        "url": up + entry.url,
        "date": entry.date,
        "date_text": _date_text(entry.date, entry.language) if entry.date else None,
        "location": entry.location,
        "description": entry.description,
        "language": entry.language,
    }
