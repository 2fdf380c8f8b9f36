"""Client-side full-text search: Pagefind's index of the release pages.

Pagefind (the ``pagefind[bin]`` package ships its binary) reads the HTML the site
has just written and writes a static index and search UI that need no server. It
writes into a fresh folder beside the site, which then replaces ``pagefind/``, so
a reader never meets half an index, and an index never keeps a release the site
no longer has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FOLDER = "pagefind"
TIMEOUT = 300.0


class SearchError(Exception):
    """Pagefind could not run or failed; the message says why, in one line."""


class Indexing:
    """Pagefind at work on the release pages, writing into a fresh folder of the site.

    The site goes on making its listing pages, feeds and sitemap meanwhile (Pagefind
    reads only ``releases/``); :meth:`finish` waits and puts the index in place,
    :meth:`cancel` stops it and leaves the old index as it was.
    """

    def __init__(self, site: Path) -> None:
        from pagefind_bin import get_executable

        try:
            binary = str(get_executable())
        except Exception as error:  # pagefind_bin raises a bare Exception for a missing binary
            raise SearchError(f"the Pagefind binary is missing ({error})") from None
        self.site = site
        self.fresh = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site))
        command = [binary, "--site", str(site), "--output-path", str(self.fresh), "--glob", "releases/**/*.html"]
        try:
            self.process = subprocess.Popen(
                [*command, "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except OSError as error:
            shutil.rmtree(self.fresh, ignore_errors=True)
            raise SearchError(f"Pagefind could not run: {error}") from None

    def finish(self) -> None:
        """Wait for Pagefind and replace ``pagefind/`` with its index; SearchError when it failed."""
        try:
            try:
                out, err = self.process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.communicate()
                raise SearchError(f"Pagefind could not run: it took more than {TIMEOUT:.0f} s") from None
            if self.process.returncode != 0:
                last = (err or out).strip().splitlines()
                raise SearchError(f"Pagefind failed: {last[-1] if last else f'exit {self.process.returncode}'}")
            _swap(self.fresh, self.site / FOLDER)
        except OSError as error:
            raise SearchError(f"Pagefind could not run: {error}") from None
        finally:
            shutil.rmtree(self.fresh, ignore_errors=True)

    def cancel(self) -> None:
        """Stop Pagefind and remove what it wrote; the old index stays."""
        self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.fresh, ignore_errors=True)


def index(site: Path) -> None:
    """Index ``site/releases/`` into ``site/pagefind/``, replacing what was there."""
    Indexing(site).finish()


def _swap(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is: two renames, the old folder removed after."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
