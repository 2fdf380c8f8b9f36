"""The only way WeasyPrint may read anything: ``data:`` URIs and files in allowed folders.

WeasyPrint's default fetcher follows ``file:``, ``http:`` and redirects, which with
untrusted input means local file leaks (``rel=attachment``) and server-side
request forgery. This one answers ``data:`` URIs and ``file:`` URLs whose
resolved path (symlinks followed) is inside one of the given folders; everything
else is refused without touching the network. Refusals are not fatal (WeasyPrint
logs them and draws nothing); they are kept in :attr:`AssetFetcher.refused`.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import assets

MAX_FILE_BYTES = 20 * 1024 * 1024


class Refused(ValueError):
    """A URL the policy does not allow (WeasyPrint logs it and goes on)."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
    """``data:`` anywhere; ``file:`` only inside ``roots``; no network, no redirects."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(timeout=5, allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = tuple(dict.fromkeys(Path(r).resolve() for r in roots))
        self.refused: list[str] = []

    def allowed_path(self, url: str) -> Path | None:
        """The local file a ``file:`` URL names, if :func:`pressrelease.assets.resolve` accepts it in a root."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        name = url2pathname(parts.path)
        found = assets.resolve(name, Path("/"), self.roots, "the template folders", images=False, limit=MAX_FILE_BYTES)
        return found if isinstance(found, Path) else None

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self.allowed_path(url)
            data = assets.read(path, MAX_FILE_BYTES) if path is not None else None
            if path is not None and data is not None:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(path.as_uri(), data, {"Content-Type": mime})
        self.refused.append(url)
        raise Refused(f"refused {url[:200]}: only data: URIs and files in the template and release folders")
