"""The HTML page (and the print and email variants of it) from one parsed release."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..config import Config
from ..model import Release

Mode = Literal["page", "print", "email"]


def render_html(release: Release, config: Config, *, templates: Path | None = None, mode: Mode = "page") -> str:
    """A full HTML document: ``page`` (self-contained web page), ``print`` (for WeasyPrint),
    ``email`` (simple CSS in a ``<style>``, ready for css-inline)."""
    raise NotImplementedError
