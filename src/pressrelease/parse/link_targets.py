"""markdown-it with each link address normalised once, not once per link.

markdown-it normalises the target of every link and autolink (``normalizeLink``:
mdurl parses the address, converts its host name to punycode and percent-encodes
the rest) and the text of every autolink and bare link (``normalizeLinkText``), in
pure Python: about 12 µs each, more than the rest of a short paragraph's parse. An
organisation's releases link the same few addresses again and again (its site, its
newsroom, its press office's email): in two folders of releases of a few
organisations, nine links in ten went to an address another release linked too.
Both results depend on the address alone, so they are kept for the last
:data:`KEEP` addresses of at most :data:`LONGEST` characters. The two are the
methods markdown-it's documentation names for a parser to override.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common import normalize_url

KEEP = 1024  #: addresses remembered (the most recently met)
LONGEST = 512  #: characters of the longest address remembered: a pasted megabyte is not kept


class LinkTargetsOnce(MarkdownIt):
    """markdown-it whose link normalisation remembers the addresses it has seen."""

    def normalizeLink(self, url: str) -> str:
        return _link(url) if len(url) <= LONGEST else normalize_url.normalizeLink(url)

    def normalizeLinkText(self, link: str) -> str:
        return _link_text(link) if len(link) <= LONGEST else normalize_url.normalizeLinkText(link)


@lru_cache(maxsize=KEEP)
def _link(url: str) -> str:
    return normalize_url.normalizeLink(url)


@lru_cache(maxsize=KEEP)
def _link_text(link: str) -> str:
    return normalize_url.normalizeLinkText(link)
