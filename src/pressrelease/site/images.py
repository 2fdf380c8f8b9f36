"""The images a release page shows, published as files beside it in the site.

``build`` embeds a release's images in its one-file page as ``data:`` URIs. A
newsroom page is better served with the image files next to it: the page stays
small, and the address a social card or a search engine is given (``og:image``,
the JSON-LD ``image`` and ``logo``) is a file that exists on the site.

Only files :func:`pressrelease.assets.resolve` accepted are copied (the body's
images from the release's own folder, the logo from where the config or the front
matter named it), read again through :func:`pressrelease.assets.read`, so nothing
outside those folders and no symbolic link that points out reaches the site. They
are copied only for a page that is rendered, so a held-back or draft release leaves
no image behind; they live in the page's own folder, so they go with it.

Every image file the page shows (copied or embedded) is recorded with its size and
time, as the source is: an image replaced under the same name makes the next run
render the page again (see :mod:`.manifest`).

SVG files stay embedded: opened at their own address on the newsroom's domain, an
SVG can run scripts, which a ``data:`` image inside an ``<img>`` cannot.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .. import assets

FOLDER = "images/"  #: beside the page: ``releases/<slug>/images/``
_COPIED = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_NOT_NAME = re.compile(r"[^a-z0-9]+")


class PageImages:
    """Copies the images of one page as they are met; an instance is the renderer's ``image_url``."""

    def __init__(self, page_folder: str) -> None:
        self.page_folder = page_folder  #: the page's folder relative to the site root, ending in ``/``
        self.files: dict[str, bytes] = {}  #: path relative to the site root -> bytes
        self.read: dict[Path, tuple[int, int]] = {}  #: each image file shown -> (mtime_ns, size) before it was read
        self._urls: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str | None:
        """The image's address relative to the page, or None to embed it (SVG, or unreadable now)."""
        if path not in self._urls:
            self.read[path] = file_time(path)
            self._urls[path] = self._copy(path)
        return self._urls[path]

    def _copy(self, path: Path) -> str | None:
        suffix = path.suffix.lower()
        if suffix not in _COPIED:
            return None
        data = assets.read(path)
        if data is None:
            return None
        # The content's digest in the name: two files called logo.png never collide, and a
        # changed image gets a new address that no cache holds.
        stem = _NOT_NAME.sub("-", path.stem.lower()).strip("-")[:40] or "image"
        name = f"{FOLDER}{stem}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        self.files[self.page_folder + name] = data
        return name


def file_time(path: Path) -> tuple[int, int]:
    """A file's (mtime_ns, size); (0, 0), which no file has, when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)
