"""The machine-readable side of the site: Atom feeds, the sitemap and ``robots.txt``.

Feeds are written with feedgen (RFC 4287: absolute ids, an ``updated`` per feed and
entry, a self link). Their ``updated`` is the newest entry's publication time, not
the clock, so an unchanged site writes byte-identical feeds. Only published
releases are ever passed in: the caller has already held back the embargoed ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape  # the XML escapes; xml.sax.saxutils would load urllib.request, http and ssl

from .. import __version__
from .collect import Entry, Site

FEED_ENTRIES = 50  #: the newest releases a feed carries


def atom(entries: Sequence[Entry], site: Site, path: str, title: str, language: str | None = None) -> bytes:
    """An Atom feed of the newest ``entries`` (already sorted newest first), served at ``path``."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    url = site.base_url + path
    feed.id(url)
    feed.title(title)
    feed.author({"name": site.title})
    feed.link(href=site.base_url, rel="alternate")
    feed.link(href=url, rel="self")
    feed.generator("pressrelease", __version__)
    if language:
        feed.language(language)
    newest = list(entries[:FEED_ENTRIES])
    if newest:
        feed.updated(max(entry.published for entry in newest))
    else:
        from datetime import UTC, datetime

        feed.updated(datetime(1970, 1, 1, tzinfo=UTC))
    for entry in newest:
        item = feed.add_entry(order="append")
        item.id(site.base_url + entry.url)
        item.title(entry.title)
        item.link(href=site.base_url + entry.url)
        item.published(entry.published)
        item.updated(entry.published)
        if entry.description:
            item.summary(entry.description)
        for tag in entry.tags:
            item.category(term=tag)
    data: bytes = feed.atom_str(pretty=True)
    return data


def sitemap(
    entries: Sequence[Entry], site: Site, pages: Sequence[str], versions: Mapping[str, Sequence[Entry]]
) -> bytes:
    """``sitemap.xml``: every listing page and every release, releases with ``lastmod``.

    Each release names itself and its published versions in other languages
    (``versions``, by slug) as ``hreflang`` alternates, as search engines ask of
    multilingual sites.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in pages:
        lines.append(f"<url><loc>{escape(site.base_url + page, quote=False)}</loc></url>")
    for entry in entries:
        url = site.base_url + entry.url
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{escape(e.language)}" href="{escape(site.base_url + e.url)}"/>'
            for e in (entry, *versions.get(entry.slug, ()))
        )
        lines.append(
            f"<url><loc>{escape(url, quote=False)}</loc><lastmod>{entry.published.date().isoformat()}</lastmod>{links}</url>"
        )
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {site.base_url}sitemap.xml\n".encode()
