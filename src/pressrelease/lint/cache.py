"""A content cache for lint results: an unchanged release is not parsed or linted again.

An entry is keyed by everything its findings depend on: the file's text and the
name it is shown under, the config in force and the command line's selection, and
the tool itself (its version and the size and time of every file of the installed
package, word lists and generated tables included, so an edited rule or word list
is never served stale). Two inputs live outside the text and are checked on every hit instead:

- the clock: only PR603 reads it, through one comparison (embargo instant <= now),
  so an entry keeps the embargo instant and which side of it the run was on;
- the disk: PR706 checks that relative link targets exist, so an entry keeps each
  target it resolved and whether it existed.

Entries are msgpack files under ``$PRESSRELEASE_CACHE_DIR``, else
``$XDG_CACHE_HOME/pressrelease`` (``~/.cache/pressrelease``), written atomically.
A cache that cannot be read or written is no cache: linting goes on without it.
``--no-cache`` turns it off (see docs/lint.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from .. import __version__
from ..atomic import write_atomic
from .engine import Diagnostic

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Release
    from .select import Options

FORMAT = 1  #: bumped when an entry's layout changes


class Entry(msgspec.Struct, frozen=True):
    """One file's findings (their ``path`` left empty) and what must still hold to reuse them."""

    diagnostics: list[Diagnostic]
    embargo_at: dt.datetime | None = None  #: the release's embargo instant, if it has one
    embargo_past: bool = False  #: whether it was at or before ``now`` when linted
    targets: list[tuple[str, bool]] = msgspec.field(default_factory=list)  #: local link target, existed


def directory() -> Path:
    """Where entries go: ``$PRESSRELEASE_CACHE_DIR``, else the XDG cache folder."""
    chosen = os.environ.get("PRESSRELEASE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pressrelease"


@cache
def tool_fingerprint() -> str:
    """The version, and the size and modification time of every file of the package."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    for root, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".toml", ".json")):  # code, word lists, generated tables
                stat = os.stat(os.path.join(root, name))
                digest.update(
                    f"{os.path.relpath(os.path.join(root, name), package)}:{stat.st_size}:{stat.st_mtime_ns};".encode()
                )
    return digest.hexdigest()


_ENCODER = msgspec.json.Encoder(enc_hook=str, order="deterministic")


def settings_fingerprint(config: Config, options: Options) -> str:
    """The config in force and the command line's selection, as a stable digest."""
    return hashlib.sha256(_ENCODER.encode((config, options))).hexdigest()


class Cache:
    """Entries in one folder; every failure to read or write is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._decoder = msgspec.msgpack.Decoder(Entry)
        self._encoder = msgspec.msgpack.Encoder()

    def key(self, text: str, shown: str, settings: str) -> str:
        digest = hashlib.sha256(f"{tool_fingerprint()}\0{settings}\0{shown}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, key: str, shown: str, now: dt.datetime) -> tuple[Diagnostic, ...] | None:
        """The findings stored under ``key`` (shown as ``shown``), if they still hold ``now``."""
        try:
            entry = self._decoder.decode(self._path(key).read_bytes())
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None
        if entry.embargo_at is not None and (entry.embargo_at <= now) != entry.embargo_past:
            return None
        for target, existed in entry.targets:
            if _exists(target) != existed:
                return None
        return tuple(msgspec.structs.replace(d, path=shown) for d in entry.diagnostics)

    def put(self, key: str, release: Release, diagnostics: tuple[Diagnostic, ...], now: dt.datetime) -> None:
        """Store ``diagnostics`` for ``key`` (atomically; a failure is ignored).

        A release that names an image or a logo on disk is not stored: whether the
        build may read it (PR711, PR003) depends on where the file is, what it is and
        its size, which an entry could not check cheaply on every hit.
        """
        from .rules.links import local_targets, names_files

        if names_files(release):
            return
        embargo_at = release.embargo.at if release.embargo is not None else None
        entry = Entry(
            diagnostics=[msgspec.structs.replace(d, path="") for d in diagnostics],
            embargo_at=embargo_at,
            embargo_past=embargo_at is not None and embargo_at <= now,
            targets=[(str(target), _exists(str(target))) for target in local_targets(release)],
        )
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, self._encoder.encode(entry))
        except OSError:
            return


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False
