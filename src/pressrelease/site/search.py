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


def index(site: Path) -> None:
    """Index ``site/releases/`` into ``site/pagefind/``, replacing what was there."""
    from pagefind_bin import get_executable

    try:
        binary = str(get_executable())
    except Exception as error:  # pagefind_bin raises a bare Exception for a missing binary
        raise SearchError(f"the Pagefind binary is missing ({error})") from None
    fresh = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site))
    try:
        command = [binary, "--site", str(site), "--output-path", str(fresh), "--glob", "releases/**/*.html", "--quiet"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()
            raise SearchError(f"Pagefind failed: {last[-1] if last else f'exit {done.returncode}'}")
        _swap(fresh, site / FOLDER)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchError(f"Pagefind could not run: {error}") from None
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _swap(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is: two renames, the old folder removed after."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
