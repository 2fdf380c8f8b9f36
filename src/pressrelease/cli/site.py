"""``pressrelease site``: the static newsroom. Thin: options become
:class:`~pressrelease.site.SiteOptions`; what was held back or left out is listed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import PressReleaseError
from .parameters import ConfigOption, IsolatedOption, JobsOption, LightCommand, TemplatesOption
from .root import app, console, escape, existing_paths, fail, library_error, parse_now

if TYPE_CHECKING:
    from ..site import SiteResult


@app.command("site", cls=LightCommand)
def site_command(
    paths: Annotated[list[Path], typer.Argument(help="Release files or folders (every *.md below).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The site's folder.")] = Path("public"),
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Where the site is published (feeds and sitemap need it).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The site's name (default: the organisation's).")] = None,
    now: Annotated[str | None, typer.Option("--now", help="The clock for embargoes (ISO; default: now).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="A PDF beside each release page.")] = False,
    docx: Annotated[bool, typer.Option("--docx", help="A Word file (.docx) beside each release page.")] = False,
    per_page: Annotated[int, typer.Option("--per-page", min=1, help="Releases per listing page.")] = 20,
    search: Annotated[bool, typer.Option("--search/--no-search", help="Build the search index.")] = True,
    force: Annotated[bool, typer.Option("--force", help="Publish releases with lint errors too.")] = False,
    jobs: JobsOption = None,
    templates: TemplatesOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Build a static newsroom: pages, archives, Atom feeds, sitemap, search. Embargoed releases stay out."""
    from ..site import SiteOptions, build_site

    existing_paths(paths)
    if any(str(path) == "-" for path in paths):
        fail("site: give files or folders, not standard input")
    if templates is not None and not templates.is_dir():
        fail(f"--templates: {templates}: no such folder")
    options = SiteOptions(
        output=output,
        base_url=base_url,
        title=title,
        now=parse_now(now),
        force=force,
        pdf=pdf,
        docx=docx,
        per_page=per_page,
        templates=templates.resolve() if templates else None,
        config=config,
        isolated=isolated,
        jobs=jobs,
        search=search,
    )
    try:
        result = build_site(paths, options)
    except PressReleaseError as error:
        library_error(error)
    _report(result, output, base_url is None)


def _report(result: SiteResult, output: Path, default_base: bool) -> None:
    err = console(stderr=True)
    for entry, until in result.held:
        when = "an embargo that cannot be read" if until == "?" else f"embargo until {until}"
        err.print(f"held back {escape(entry.path)}: {when}", highlight=False, soft_wrap=True)
    for entry in result.left_out:
        err.print(f"left out {escape(entry.path)}: {escape(entry.message)}", highlight=False, soft_wrap=True)
    if result.search:
        err.print(f"[yellow]search:[/] {escape(result.search)}", soft_wrap=True)
    if default_base:
        err.print("note: no --base-url; feed and sitemap addresses use http://localhost:8000/", soft_wrap=True)
    count = len(result.published)
    line = (
        f"{count} release{'s' if count != 1 else ''} published, {len(result.held)} held back, "
        f"{len(result.left_out)} left out; {result.rendered} rendered, {result.written} files written, "
        f"{result.deleted} removed; site in {output}"
    )
    console().print(escape(line), highlight=False, soft_wrap=True)
    if any(entry.state in ("failed", "unreadable") for entry in result.left_out):
        raise typer.Exit(1)  # a draft is left out on purpose; a broken release is not
