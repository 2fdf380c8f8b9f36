"""The library's errors: a small hierarchy whose messages name the file, line and fix.

Content problems are never raised: the parser records them on the model for lint.
These are for what stops work outright (a file that cannot be read, a malformed
config, a render that failed), and the CLI turns each into one line and an exit code.
"""

from __future__ import annotations

from pathlib import Path


class PressReleaseError(Exception):
    """Base class: ``str(error)`` is the one line a person reads."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ReadError(PressReleaseError):
    """A release file could not be read (missing, a folder, permissions)."""


class ConfigError(PressReleaseError):
    """A config file is malformed or names something that does not exist."""


class RenderError(PressReleaseError):
    """A renderer failed for one release."""
