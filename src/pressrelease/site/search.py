"""Client-side full-text search: Pagefind's index of the release pages.

Pagefind (the ``pagefind[bin]`` package ships its binary) reads the HTML the site
has just written and writes a static index and search UI that need no server. It
writes into a fresh folder beside the site, which then replaces ``pagefind/``, so
a reader never meets half an index, and an index never keeps a release the site
no longer has.

Pagefind has no incremental mode: it reads every page again. But it does not
write a file named by its content (a page's fragment, ``fragment/<hash>.pf_fragment``)
that is already in its output folder. So the fresh folder starts with hard links to
the fragments of the last index whose page did not change (the manifest keeps which
page each fragment is of), and Pagefind writes the few others. That spares it most
of its writing, and the file system the making of a thousand files: a file system
that holds a deleted file's inode back for a while (ext4 without a journal: a minute,
five while the inode table is unwritten) scans past every recently freed inode for
each new file, which cost up to a second of kernel time when the last index (or
anything else) had just been deleted. Only fragments of pages published now and
unchanged are linked; a fragment the new index does not have (its page changed) is
removed, and when the folder does not hold exactly one fragment for each page
Pagefind counted, the index is made again from nothing.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import secrets
import shutil
import subprocess
import zlib
from collections.abc import Mapping
from pathlib import Path

FOLDER = "pagefind"
FRAGMENTS = "fragment"
TIMEOUT = 300.0
_FRAGMENT_NAME = re.compile(r"[A-Za-z0-9_-]+\.pf_fragment")  #: a name from the manifest never reaches elsewhere


class SearchError(Exception):
    """Pagefind could not run or failed; the message says why, in one line."""


class Indexing:
    """Pagefind at work on the release pages, writing into a fresh folder of the site.

    The site goes on making its listing pages, feeds and sitemap meanwhile (Pagefind
    reads only ``releases/``); :meth:`finish` waits and puts the index in place,
    :meth:`cancel` stops it and leaves the old index as it was. ``unchanged`` names
    the fragments of the current index whose page is published now as it was then
    (fragment file name -> page address): they are linked, not written again.
    """

    def __init__(self, site: Path, unchanged: Mapping[str, str] | None = None) -> None:
        from pagefind_bin import get_executable

        try:
            self.binary = str(get_executable())
        except Exception as error:  # pagefind_bin raises a bare Exception for a missing binary
            raise SearchError(f"the Pagefind binary is missing ({error})") from None
        self.site = site
        self.fresh = site / f".pagefind-{secrets.token_hex(6)}"  # made with the usual permissions: it is served
        self.fresh.mkdir()
        self.linked = _link_fragments(site / FOLDER / FRAGMENTS, self.fresh / FRAGMENTS, unchanged or {})
        self.process = self._start()

    def _start(self) -> subprocess.Popen[str]:
        command = [self.binary, "--site", str(self.site), "--output-path", str(self.fresh)]
        try:
            return subprocess.Popen(
                [*command, "--glob", "releases/**/*.html", "--quiet"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as error:
            shutil.rmtree(self.fresh, ignore_errors=True)
            raise SearchError(f"Pagefind could not run: {error}") from None

    def finish(self) -> dict[str, str]:
        """Wait for Pagefind and replace ``pagefind/`` with its index; SearchError when it failed.

        Returns each fragment of the new index with its page's address, for the
        manifest (empty when they cannot be read: the next run links none).
        """
        try:
            self._wait()
            pages = _fragment_pages(self.fresh, self.linked)
            if pages is None:  # not one fragment for each page: index again, from nothing
                shutil.rmtree(self.fresh)
                self.fresh.mkdir()
                self.linked = {}
                self.process = self._start()
                self._wait()
                pages = _fragment_pages(self.fresh, {}) or {}
            _swap(self.fresh, self.site / FOLDER)
            return pages
        except OSError as error:
            raise SearchError(f"Pagefind could not run: {error}") from None
        finally:
            shutil.rmtree(self.fresh, ignore_errors=True)

    def _wait(self) -> None:
        try:
            out, err = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise SearchError(f"Pagefind could not run: it took more than {TIMEOUT:.0f} s") from None
        if self.process.returncode != 0:
            last = (err or out).strip().splitlines()
            raise SearchError(f"Pagefind failed: {last[-1] if last else f'exit {self.process.returncode}'}")

    def cancel(self) -> None:
        """Stop Pagefind and remove what it wrote; the old index stays."""
        self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.fresh, ignore_errors=True)


def index(site: Path) -> None:
    """Index ``site/releases/`` into ``site/pagefind/``, replacing what was there."""
    Indexing(site).finish()


def _link_fragments(old: Path, fresh: Path, unchanged: Mapping[str, str]) -> dict[str, str]:
    """Hard links in ``fresh`` to the fragments of ``old`` named in ``unchanged``; those linked."""
    fresh.mkdir()
    linked = {}
    for name, page in unchanged.items():
        if not _FRAGMENT_NAME.fullmatch(name):
            continue
        try:
            os.link(old / name, fresh / name)
        except OSError:  # gone, or a file system without hard links: Pagefind writes it
            continue
        linked[name] = page
    return linked


def _fragment_pages(index: Path, linked: Mapping[str, str]) -> dict[str, str] | None:
    """Each fragment of a new index with its page's address, once the linked fragments
    of pages Pagefind wrote again are removed; None when a fragment cannot be read or
    the folder does not hold exactly one fragment for each page Pagefind counted."""
    folder = index / FRAGMENTS
    pages = {}
    for name in os.listdir(folder) if folder.is_dir() else ():
        page = linked.get(name) or _page_of(folder / name)
        if page is None:
            return None
        pages[name] = page
    written = {page for name, page in pages.items() if name not in linked}
    for name, page in linked.items():
        if page in written:  # its page changed after all: the new fragment replaces it
            (folder / name).unlink()
            del pages[name]
    try:
        languages = json.loads((index / "pagefind-entry.json").read_bytes())["languages"].values()
        counted = sum(int(language["page_count"]) for language in languages)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return pages if counted == len(pages) == len(set(pages.values())) else None


def _page_of(fragment: Path) -> str | None:
    """The address of the page a fragment is of (the ``url`` of Pagefind's fragment data)."""
    try:
        data = gzip.decompress(fragment.read_bytes())
        page = json.loads(data[data.index(b"{") :])["url"]
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError):
        return None
    return page if isinstance(page, str) else None


def _swap(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is: two renames, the old folder removed after."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
