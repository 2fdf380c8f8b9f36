"""Writing a file whole or not at all: a temporary file in the same folder, then a rename.

Every file the tool writes goes through :func:`write_atomic`, so a failed or
interrupted run never leaves half a file nor replaces the last good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path


class FolderNotWritable(OSError):
    """No temporary file could be made beside the target: nothing was written."""


def write_atomic(
    target: Path,
    data: bytes,
    *,
    mode: int | None = None,
    fsync: bool = False,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to ``target`` whole, or raise and leave ``target`` as it was.

    ``mode``: the new file's permissions (default: what ``open()`` would give a new
    file); ``fsync``: on disk before the rename (a file the user wrote, such as a fixed
    release); ``before_replace``: a last check that may raise to keep ``target``. The
    temporary file is removed on every way out Python runs, an interrupt included.
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise FolderNotWritable(error.errno, error.strerror, str(target.parent)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if fsync:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
