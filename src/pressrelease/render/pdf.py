"""The PDF, through WeasyPrint (imported only here, and only when a PDF is made).

A :class:`PdfRenderer` is made once per process: WeasyPrint's import, its font
configuration and the parsed stylesheets (``fonts.css``, ``print.css``, the paper
size) are the slow part of a render, and all of them can be shared between
releases. Every ``HTML()`` and ``CSS()`` gets an :class:`~.fetcher.AssetFetcher`,
and ``rel=attachment`` is stripped from the laid-out document before it is
written, so a release can neither read nor embed a file it should not.
"""

from __future__ import annotations

import logging
import shutil
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..config import Config
from ..errors import RenderError
from ..model import Release
from .glyphs import check_fonts
from .html import render_html
from .templates import builtin_dir, environment, template_dirs

if TYPE_CHECKING:
    from weasyprint import CSS

Paper = Literal["A4", "Letter"]
PAPERS: dict[str, str] = {"A4": "A4", "Letter": "letter"}
STYLESHEETS = ("fonts.css", "print.css")
PDF_VARIANT = "pdf/ua-1"  #: tagged; checked by tests/render/test_pdf.py
ZERO_WIDTH_SPACE = "\u200b"


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings and errors for one render."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collect_warnings() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


class PdfRenderer:
    """Create one per process: it holds the font configuration and parsed stylesheets."""

    def __init__(self) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.font_config = FontConfiguration()
        # WeasyPrint copies @font-face files to a temporary folder and removes it in
        # FontConfiguration.__del__, which fails at interpreter exit (leaving the folder
        # and printing "Exception ignored"); remove it ourselves first.
        self.close = weakref.finalize(self, _remove_font_folder, self.font_config)
        self._sheets: dict[Path | None, list[CSS]] = {}
        self._paper: dict[str, CSS] = {}
        self.warnings: list[str] = []  #: WeasyPrint's warnings from the last render
        self.last_refused: list[str] = []  #: URLs the fetcher refused in the last render

    def stylesheets(self, templates: Path | None) -> list[CSS]:
        """``fonts.css`` and ``print.css`` as the override folder (or the theme) has them, parsed once.

        Each is rendered by Jinja first (so an override can ``{% include
        "default/print.css" %}`` and add to it) and resolves its URLs against the folder
        the file came from.
        """
        if templates not in self._sheets:
            from weasyprint import CSS

            from .fetcher import AssetFetcher

            env = environment(templates)
            fetcher = AssetFetcher(template_dirs(templates))
            sheets = []
            for name in STYLESHEETS:
                assert env.loader is not None
                _, filename, _ = env.loader.get_source(env, name)
                folder = Path(filename).parent if filename else builtin_dir()
                text = env.get_template(name).render()
                sheets.append(
                    CSS(
                        string=text,
                        base_url=folder.resolve().as_uri() + "/",
                        url_fetcher=fetcher,
                        font_config=self.font_config,
                    )
                )
            self._sheets[templates] = sheets
        return self._sheets[templates]

    def paper_sheet(self, paper: str) -> CSS:
        if paper not in PAPERS:
            raise ValueError(f"paper must be A4 or Letter, not {paper!r}")
        if paper not in self._paper:
            from weasyprint import CSS

            from .fetcher import AssetFetcher

            self._paper[paper] = CSS(
                string=f"@page {{ size: {PAPERS[paper]}; }}",
                url_fetcher=AssetFetcher(()),
                font_config=self.font_config,
            )
        return self._paper[paper]

    def render(
        self, release: Release, config: Config, *, paper: Paper | None = None, templates: Path | None = None
    ) -> bytes:
        """The PDF bytes; raises :class:`~pressrelease.errors.RenderError` naming the file.

        ``paper`` None: Letter for the ap profile (US releases), else A4."""
        folder = templates if templates is not None else config.build.templates
        if paper is None:
            paper = "Letter" if release.profile == "ap" else "A4"
        try:
            check_fonts(release)  # no PDF with blank space where a script's words should be
            return self._render(release, config, paper, folder)
        except RenderError:
            raise
        except Exception as exc:  # WeasyPrint and Pango raise anything; name the file and go on
            raise RenderError(f"PDF rendering failed: {type(exc).__name__}: {exc}", release.display_name) from exc

    def _render(self, release: Release, config: Config, paper: str, folder: Path | None) -> bytes:
        from weasyprint import HTML

        from .fetcher import AssetFetcher

        # WeasyPrint lays out each <wbr> (an e-mail address has three or four) as an element
        # whose ::before holds U+200B: boxes that split the address into separately shaped
        # runs. The character itself gives the same break and is laid out with its word,
        # ~4 ms less per PDF with two addresses (bench/README.md).
        html = render_html(release, config, templates=folder, mode="print").replace("<wbr>", ZERO_WIDTH_SPACE)
        release_dir = release.path.resolve().parent if release.path is not None else None
        roots = [*template_dirs(folder), *([release_dir] if release_dir else [])]
        fetcher = AssetFetcher(roots)
        base = release_dir or builtin_dir()
        options: dict[str, Any] = {
            "stylesheets": [*self.stylesheets(folder), self.paper_sheet(paper)],
            "pdf_variant": PDF_VARIANT,
            # No pdf_identifier: the trailer's /ID is optional in an unencrypted PDF (ISO 32000-1,
            # 7.5.5; PDF/UA-1 adds no requirement for one), and pydyf makes one by serialising and
            # compressing every object a second time, ~5 ms a PDF. The PDF is the same bytes
            # every build without it.
            "presentational_hints": False,
            "custom_metadata": False,
            "attachments": None,
        }
        with _collect_warnings() as collected:
            document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher, encoding="utf-8").render(
                font_config=self.font_config, **options
            )
            # No embedded files, whatever the HTML says: an attachment could carry a local file out.
            document.metadata.attachments = []
            for page in document.pages:
                page.links = [link for link in page.links if link[0] != "attachment"]
            data = document.write_pdf(**options)
        self.warnings = collected.messages
        self.last_refused = fetcher.refused
        if not isinstance(data, bytes):
            raise RenderError("PDF rendering produced no bytes", release.display_name)
        return data


def _remove_font_folder(font_config: Any) -> None:
    folder = getattr(font_config, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        font_config._folder = None
