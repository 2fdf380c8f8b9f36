"""``pressrelease site``: a static newsroom from a folder of releases.

The steps, as :func:`build_site` runs them:

1. **collect** every release (:mod:`.collect`): parse, lint, and sort it into
   published, held back by its embargo, draft, failing lint, or unreadable. A release
   unchanged since the last run (same text, same config, same templates, same tool)
   is taken from the manifest (:mod:`.manifest`) without being parsed again, and
   without being read when its size and time are those the manifest recorded;
2. **render** the pages of the releases that changed (:mod:`.pages`), in worker
   processes when there are many, and again the pages whose language versions came
   out or went back since they were made: a page links only published versions;
3. **index** (:mod:`.indexes`): the home page, archives by year, language and tag,
   the Atom feeds, the sitemap and ``robots.txt``, all made from the published
   releases only, each page and feed only when what it shows changed;
4. **write** each file atomically, and only when its bytes changed; delete the files
   of the last run that this run did not make (a release removed, or now embargoed);
5. **search**: Pagefind indexes the release pages into a fresh folder that then
   replaces the old one; the fragments of pages that did not change are linked
   there from the old index, so Pagefind writes only the others (:mod:`.search`).

An embargoed release reaches no file at all: it is never rendered, so its words
cannot leak through a page, a feed, the sitemap or the search index.
"""

from __future__ import annotations

from .build import SiteOptions, SiteResult, build_site

__all__ = ["SiteOptions", "SiteResult", "build_site"]
