"""Every file a release or a config may name (a logo, an image): one rule, one reader.

A release is often someone else's file. Whatever path it names, the tool reads a
file only when that path, with every symbolic link resolved first, is a regular
file inside one of the allowed folders (the release's own folder and the theme for
a release; the config's folder and the theme for a config), is one of the image
types below, and is at most :data:`MAX_ASSET_BYTES`. Anything else (``/etc/...``,
``../outside.png``, a link that points out, a folder, a named pipe, a device, a
file under ``/proc``) is refused with a reason a writer can act on, and is never
opened. The reader opens without blocking and checks again on the open file, so a
file swapped for a pipe between the check and the read is refused, not waited on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
MAX_ASSET_BYTES = 5 * 1024 * 1024
#: kernel and device trees: their "files" block, never end, or describe the machine
_SYSTEM = (Path("/proc"), Path("/sys"), Path("/dev"))


class Refused(str):
    """Why a named file is not read: a phrase that completes "the logo ...", e.g. "is a folder"."""


def _kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not an image file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not an image file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not an image file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not an image file"
    return "is not a regular file"


def resolve(
    name: str, base: Path, roots: Sequence[Path], where: str, images: bool = True, limit: int = MAX_ASSET_BYTES
) -> Path | Refused:
    """The file ``name`` (relative to ``base``) names, resolved, or why it is refused.

    ``roots`` are the folders it may be in; ``where`` names them for the message
    ("the release's folder or the theme"). ``images=False`` lets any type through
    (the PDF engine's fonts and style sheets); ``limit`` caps the size in bytes.
    """
    name = name.strip()
    if not name:
        return Refused("is empty")
    if urlsplit(name).scheme.lower() in ("http", "https", "ftp", "data", "file", "javascript"):
        return Refused(f"'{name[:80]}' is a URL: name a file in {where}")
    shown = name[:120]
    try:
        target = (base / name).resolve(strict=True)
    except FileNotFoundError:
        return Refused(f"'{shown}' is not found (or is a broken link)")
    except RuntimeError:  # Python 3.11's word for a symbolic link loop
        return Refused(f"'{shown}' is a symbolic link loop")
    except (OSError, ValueError) as error:  # a name too long, a NUL byte
        return Refused(f"'{shown}' cannot be resolved ({getattr(error, 'strerror', None) or error})")
    allowed = [root.resolve() for root in roots]
    if any(target.is_relative_to(s) for s in _SYSTEM) or not any(target.is_relative_to(r) for r in allowed):
        return Refused(f"'{shown}' is outside {where}: only files there are read")
    try:
        status = target.stat()
    except OSError as error:
        return Refused(f"'{shown}' cannot be read ({error.strerror or error})")
    kind = _kind(status.st_mode)
    if kind is not None:
        return Refused(f"'{shown}' {kind}")
    if images and target.suffix.lower() not in IMAGE_TYPES:
        return Refused(f"'{shown}' is not an image ({', '.join(sorted({k[1:] for k in IMAGE_TYPES}))})")
    if status.st_size > limit:
        return Refused(f"'{shown}' is larger than {limit // (1024 * 1024)} MB")
    return target


def read(path: Path, limit: int = MAX_ASSET_BYTES) -> bytes | None:
    """The bytes of a file :func:`resolve` accepted, or None if it is no longer a small regular file.

    Opened without blocking and without following a final link, then checked on the
    open descriptor: nothing swapped in since the check can make the build wait.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                return None
            data = handle.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def data_uri(path: Path) -> str | None:
    """An accepted image as a ``data:`` URI, or None if it cannot be read now."""
    import base64

    data = read(path)
    if data is None or path.suffix.lower() not in IMAGE_TYPES:
        return None
    return f"data:{IMAGE_TYPES[path.suffix.lower()]};base64,{base64.b64encode(data).decode('ascii')}"


def relative_image(src: str) -> str | None:
    """The file an image URL in a release body names (percent-decoded), or None for a remote or absolute one."""
    if not src or urlsplit(src).scheme or src.startswith(("/", "\\")):
        return None
    return unquote(urlsplit(src).path) or None
