"""What the site makes from the published releases as a whole: the listing pages, the
Atom feeds, the sitemap and ``robots.txt``.

Each listing page and feed comes with a digest of everything it shows, so a run
renders only those whose digest differs from the last run's (see ``build``). On a
site of a thousand releases, one changed release touches a handful of listing pages
and, unless it is among the newest, no feed at all.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from ..render.house_style import language_name
from . import feeds, pages
from .collect import Entry, Site


@dataclass(frozen=True)
class Index:
    """One file made from many releases: its name, a digest of its inputs, and how to make it."""

    name: str  #: relative to the site root
    digest: str
    make: Callable[[], bytes]


def _digest(values: Any) -> str:
    return hashlib.sha256(msgspec.json.encode(values)).hexdigest()


def listing_pages(published: list[Entry], site: Site) -> list[Index]:
    """The home page, the archives by year, language and tag, the archive's index, search."""
    years: dict[str, list[Entry]] = defaultdict(list)
    languages: dict[str, list[Entry]] = defaultdict(list)
    tags: dict[str, list[Entry]] = defaultdict(list)
    tag_names: dict[str, str] = {}
    for entry in published:
        years[str(entry.published.year)].append(entry)
        languages[entry.language].append(entry)
        for tag in entry.tags:
            slug = pages.tag_slug(tag)
            tag_names.setdefault(slug, tag)
            tags[slug].append(entry)
    listings = [pages.Listing("", site.title, published, "feed.xml")]
    listings += [pages.Listing(f"archive/{year}/", year, items) for year, items in years.items()]
    listings += [
        pages.Listing(f"lang/{code}/", language_name(code), items, f"lang/{code}/feed.xml", code)
        for code, items in languages.items()
    ]
    listings += [pages.Listing(f"tags/{slug}/", tag_names[slug], items) for slug, items in tags.items()]
    made = [page for listing in listings for page in pages.listing_pages(listing, site)]
    made.append(
        pages.archive_page(
            {year: len(items) for year, items in years.items()},
            {code: len(items) for code, items in languages.items()},
            {slug: (tag_names[slug], len(items)) for slug, items in tags.items()},
            site,
        )
    )
    made.append(pages.search_page(site))
    return [Index(page.name, _digest([page.template, page.values]), _renderer(page, site)) for page in made]


def _renderer(page: pages.Page, site: Site) -> Callable[[], bytes]:
    return lambda: page.render(site)


def feed_files(published: list[Entry], site: Site) -> list[Index]:
    """The Atom feeds: the site's, and one per language, each of its newest releases."""
    made = [_feed(published, site, "feed.xml", site.title, None)]
    languages: dict[str, list[Entry]] = defaultdict(list)
    for entry in published:
        languages[entry.language].append(entry)
    for code, items in languages.items():
        made.append(_feed(items, site, f"lang/{code}/feed.xml", f"{site.title} ({language_name(code)})", code))
    return made


def _feed(entries: list[Entry], site: Site, name: str, title: str, language: str | None) -> Index:
    newest = entries[: feeds.FEED_ENTRIES]
    shown = [(e.slug, e.title, e.published.isoformat(), e.description, e.tags) for e in newest]
    return Index(
        name,
        _digest(["atom", title, language, shown]),
        lambda: feeds.atom(newest, site, name, title, language),
    )


def sitemap_and_robots(published: list[Entry], site: Site, listing_names: list[str]) -> dict[str, bytes]:
    """``sitemap.xml`` (every listing page and release) and ``robots.txt``: cheap, made every run."""
    return {
        "sitemap.xml": feeds.sitemap(
            published, site, [name.removesuffix("index.html") for name in listing_names], _language_sets(published)
        ),
        "robots.txt": feeds.robots(site),
    }


def _language_sets(published: list[Entry]) -> dict[str, list[Entry]]:
    """For each published release (by slug), its published versions in other languages.

    A release and its version are linked when either names the other, so a version
    published after its original still appears beside it.
    """
    by_slug = {entry.slug: entry for entry in published}
    linked: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in published:
        for _language, slug in entry.versions:
            other = by_slug.get(slug)
            if other is not None and other.slug != entry.slug:
                linked[entry.slug][other.slug] = other
                linked[other.slug][entry.slug] = entry
    return {slug: sorted(others.values(), key=lambda e: e.language) for slug, others in linked.items()}
