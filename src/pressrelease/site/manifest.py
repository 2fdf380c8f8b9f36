"""The output folder's memory of the last run, which makes the next one incremental.

The manifest is published with the site, so it holds nothing that is not public
already: releases are keyed by a hash of their path, the image files a page shows
by their names relative to the release's folder (the pictures are published beside
the page), and only published releases whose pages link every language version
they name are kept. Any other release (held back, a draft, failing lint, or naming
a version that is not out yet) is read again on every run: no page is made for most
of them, so that is cheap, and a page that waits for a version is made again as
soon as the version is published.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec

from .collect import Entry, digest
from .images import file_time

FILE = ".pressrelease-site.json"
FORMAT = 3
#: a source saved this close before the run that read it may have been saved again within
#: the same tick of a coarse file-system clock (FAT counts in 2 s): its time is not trusted
CLOCK_SLACK_NS = 2_000_000_000


class Manifest(msgspec.Struct):
    """The published releases of the last run, the files it wrote and the digests of its indexes."""

    format: int = FORMAT
    fingerprint: str = ""
    entries: dict[str, Entry] = msgspec.field(default_factory=dict)  #: path key -> entry
    outputs: dict[str, list[str]] = msgspec.field(default_factory=dict)  #: path key -> its files
    files: list[str] = msgspec.field(default_factory=list)  #: every file the run wrote
    pages: dict[str, str] = msgspec.field(default_factory=dict)  #: listing page or feed -> digest of its values
    searchable: bool = False  #: the search index matches the release pages
    #: the search index's fragment files -> the address of the page each is of (see :mod:`.search`)
    fragments: dict[str, str] = msgspec.field(default_factory=dict)


def read(output: Path) -> Manifest:
    """The manifest in ``output``; an empty one (build everything) when there is none to trust."""
    try:
        manifest = msgspec.json.decode((output / FILE).read_bytes(), type=Manifest)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return Manifest()  # first run, or a manifest we cannot trust: build everything
    return manifest if manifest.format == FORMAT else Manifest()


def encode(manifest: Manifest) -> bytes:
    return msgspec.json.format(msgspec.json.encode(manifest)) + b"\n"


def key(path: Path | str) -> str:
    """A release's key in the manifest: its path, hashed (the manifest is public)."""
    return hashlib.sha256(str(path).encode()).hexdigest()[:32]


def public(entry: Entry, started: int) -> Entry | None:
    """The entry as the manifest keeps it (no path), or None when it must be read again next run.

    A page that does not link every version its release names waits for one that is
    held back, a draft or failing lint; the version's slug must not be published,
    and the page must be made again once the version is out. A source saved just
    before this run (``started``, ns) keeps no time: the next run reads it again.
    """
    if set(entry.versions) != set(entry.linked):
        return None
    source = entry.source if entry.source[0] < started - CLOCK_SLACK_NS else (0, 0)
    images = tuple(
        (name, *time) if time[0] < started - CLOCK_SLACK_NS else (name, 0, 0) for name, *time in entry.images
    )
    return msgspec.structs.replace(entry, path="", source=source, images=images)


def unchanged(path: Path, previous: Entry) -> Entry | None:
    """The entry of a release that reads as it did when it was published, else None.

    A source whose size and modification time are those the entry recorded is not
    read again; another is read and hashed (a file touched but not changed is still
    unchanged). An image file of its page with another size or time (replaced under
    the same name, or gone) makes the page be made again.
    """
    if previous.images:
        folder = path.resolve().parent
        if any(file_time(folder / name) != (mtime, size) for name, mtime, size in previous.images):
            return None
    try:
        stat = path.stat()
        source = (stat.st_mtime_ns, stat.st_size)
        if source == previous.source:
            return msgspec.structs.replace(previous, path=str(path))
        if digest(path.read_bytes()) != previous.digest:
            return None
    except OSError:
        return None
    return msgspec.structs.replace(previous, path=str(path), source=source)
