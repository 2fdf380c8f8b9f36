"""The PDF, through WeasyPrint (imported only here, and only when a PDF is made)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..config import Config
from ..model import Release

Paper = Literal["A4", "Letter"]


class PdfRenderer:
    """Create one per process: it holds the font configuration and parsed stylesheets."""

    def render(self, release: Release, config: Config, *, paper: Paper = "A4", templates: Path | None = None) -> bytes:
        """The PDF bytes; raises :class:`~pressrelease.errors.RenderError` naming the file."""
        raise NotImplementedError
