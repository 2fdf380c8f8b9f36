"""Reading a release's bytes: at most 2 MB of UTF-8 with no NUL byte, from a file or standard input.

Every command reads through here, once per file: the checks give a PR004 problem on
the model, and only a path that names no file raises (:class:`ReadError`).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from ..errors import ReadError
from ..model import Problem, Span

MAX_BYTES = 2 * 1024 * 1024


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a PR004 problem when it is not a readable UTF-8 release.

    Raises :class:`ReadError` only when the path does not name a file. The file is
    opened without blocking and must be a regular one: a named pipe or a device
    called ``*.md`` is refused, not waited on.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                return None, Problem(
                    "PR004", "cannot read the file: not a regular file (a pipe or a device)", Span.point(1)
                )
            # Sized from the file: a read of MAX_BYTES + 1 allocates a 2 MB buffer first,
            # which cost more than reading a release. A file that grew since is read on.
            data = handle.read(min(info.st_size, MAX_BYTES) + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        gone = "a broken link" if path.is_symlink() else "no such file"
        raise ReadError(gone, path) from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a release file", path) from None
    except OSError as exc:
        reason = "a symbolic link that loops" if exc.errno == errno.ELOOP else exc.strerror or exc
        return None, Problem("PR004", f"cannot read the file: {reason}", Span.point(1))
    return decode(data)


def read_stdin() -> tuple[str | None, Problem | None]:
    """Standard input's text, with the same checks as a file (see :func:`decode`)."""
    return decode(sys.stdin.buffer.read(MAX_BYTES + 1), stdin=True)


def decode(data: bytes, stdin: bool = False) -> tuple[str | None, Problem | None]:
    """UTF-8 text of at most 2 MB with no NUL byte, or the PR004 problem that stops it."""
    what, save = ("input", "text") if stdin else ("file", "file")
    if len(data) > MAX_BYTES:
        return None, Problem("PR004", f"{what} is larger than 2 MB; a press release never is", Span.point(1))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, Problem("PR004", f"{what} contains NUL bytes: binary, not a text release", Span.point(line))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(
            "PR004", f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the {save} as UTF-8", Span.point(line)
        )
    return text.removeprefix("\ufeff"), None


def source_text(text: str) -> str:
    """The text as the model holds it (``Release.source``): no BOM, ``\\n`` line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
