"""``pressrelease import``: an existing release (pasted text, a saved page, a Word file) -> our format.

Readers (``text``, ``html``, ``docx``) find the article and turn it into pieces;
``core`` maps them onto the release format and reports what it found. Python
users call :func:`import_file` or :func:`import_bytes`; the CLI is a thin layer.
"""

from __future__ import annotations

from .blocks import Boilerplate, Document, ImportFailed, Piece
from .core import ImportResult, convert, import_bytes, import_file, kind_of

__all__ = [
    "Boilerplate",
    "Document",
    "ImportFailed",
    "ImportResult",
    "Piece",
    "convert",
    "import_bytes",
    "import_file",
    "kind_of",
]
