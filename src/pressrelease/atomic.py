"""Writing a file whole or not at all: a temporary file in the same folder, then a rename.

Every file the tool writes goes through :func:`write_atomic`, so a failed or
interrupted run never leaves half a file nor replaces the last good one. (Fixes
keep the file's own permissions and sync to disk: ``lint/fix.py`` has its own.)
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, with the permissions ``open()`` would give a new file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
