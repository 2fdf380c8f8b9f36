"""The HTML page (and the print and email variants of it) from one parsed release.

One template, ``release.html.j2``, serves three modes so that the web page, the PDF
and the email cannot drift apart: ``page`` inlines ``release.css`` and adds the
social and structured-data tags, ``print`` leaves styling to the stylesheets the
PDF renderer hands WeasyPrint, ``email`` inlines the plain ``email.css`` for
css-inline. User content reaches the template only as values (see ``context``).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal

import jinja2

from ..config import Config
from ..errors import RenderError
from ..model import Release
from . import context
from .templates import environment

Mode = Literal["page", "print", "email"]
TEMPLATE = "release.html.j2"
MODES = ("page", "print", "email")


def render_html(
    release: Release,
    config: Config,
    *,
    templates: Path | None = None,
    mode: Mode = "page",
    beside: Collection[str] | None = None,
) -> str:
    """A full HTML document: ``page`` (self-contained web page), ``print`` (for WeasyPrint),
    ``email`` (simple CSS in a ``<style>``, ready for css-inline).

    ``templates`` is an override folder; ``None`` means the config's ``[build] templates``.
    ``beside`` are the formats written next to the page, which it links (``pdf``,
    ``docx``); ``None`` means the config's ``[build] formats``.
    Raises :class:`~pressrelease.errors.RenderError` naming the release when a template fails.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    folder = templates if templates is not None else config.build.templates
    values = context.build(release, config, mode, beside)
    try:
        return environment(folder).get_template(TEMPLATE).render(values)
    except jinja2.TemplateError as exc:
        where = f" ({exc.filename}:{exc.lineno})" if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        raise RenderError(f"template error{where}: {exc}", release.display_name) from exc
