"""The build pipeline, as a list of steps:

1. **discover** the files (folders give every ``*.md`` below them, skipping hidden
   folders, the output folder and the config's ``exclude`` globs; ``-`` is stdin),
   and check every config and output folder before any work starts;
2. **parse** each release once;
3. **lint** it: errors block the build unless ``force``;
4. **render** each requested format (html, pdf, txt, eml) in memory (:func:`make`);
5. **write** the outputs in file order, so that of two releases that would write the
   same ``<slug>.<ext>`` the first is built and the second fails; each atomically: a
   temporary file in the output folder, then ``os.replace``, so a failed render never
   leaves half a file nor clobbers the last good one.

With many files, steps 2-4 run in a process pool (pool.py) and step 5 in the main
process (:func:`pressrelease.build.build` puts the steps together). A
per-file deadline stops a runaway render; one file's failure never stops the others.
Output names come from the slug alone, never from a title or a path.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import budget
from .. import config as config_mod
from ..atomic import write_atomic
from ..config import Config
from ..discover import STDIN, release_files, shown_name
from ..errors import PressReleaseError, ReadError, RenderError
from ..model import Release
from ..parse import parse, read_stdin, read_text
from ..slug import slugify
from .processes import RenderTimeout, pdf_renderer

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic

DEFAULT_TIMEOUT = 60.0
EXTENSIONS = {"html": "html", "pdf": "pdf", "txt": "txt", "eml": "eml", "docx": "docx"}
_SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Status = Literal["built", "failed", "blocked"]


class OutputError(PressReleaseError):
    """The output folder cannot be created or written (exit 2)."""


@dataclass(frozen=True)
class BuildOptions:
    """What the command line asks for; None means "the config's, else the default"."""

    formats: tuple[str, ...] | None = None
    output: Path | None = None
    paper: str | None = None
    jobs: int | None = None  #: None: one worker per CPU
    force: bool = False  #: build despite lint errors
    now: dt.datetime | None = None  #: the clock for the embargo rules
    templates: Path | None = None
    wrap: int | None = None
    config: Path | None = None
    isolated: bool = False
    timeout: float = DEFAULT_TIMEOUT  #: seconds per file for lint and render
    debug: bool = False


@dataclass(frozen=True)
class BuildResult:
    """What happened to one release."""

    path: str  #: as given (``<stdin>`` for standard input)
    outputs: tuple[Path, ...]  #: the files written, absolute
    seconds: float
    status: Status
    message: str = ""  #: why it failed or was blocked; empty when built
    warnings: tuple[str, ...] = ()  #: lint warnings, one ``line:col CODE message`` each
    errors: tuple[str, ...] = ()  #: lint errors (they block unless ``force``)

    @property
    def ok(self) -> bool:
        return self.status == "built"


@dataclass(frozen=True)
class Job:
    """One parsed release and everything needed to build it."""

    path: str
    release: Release | None
    config: Config
    output: Path
    formats: tuple[str, ...]
    paper: str | None  #: None: the release's profile decides (Letter for ap)
    templates: Path | None
    wrap: int | None
    force: bool
    now: dt.datetime
    timeout: float
    debug: bool
    problem: str = ""  #: set when the release could not be read; the job then only reports it
    parse_seconds: float = 0.0


@dataclass(frozen=True)
class Made:
    """One release linted and rendered, nothing written yet: what a worker sends back.

    The main process writes it, in file order, so that of two releases with one output
    name the first is built and the second fails however the workers finish.
    """

    result: BuildResult  #: "built" when rendered (writing may still fail); outputs still empty
    output: Path  #: the output folder
    slug: str | None  #: the output base name; None when the release could not be read
    files: tuple[tuple[str, bytes], ...] = ()  #: (format, bytes) for each format rendered
    failed: tuple[tuple[str, str], ...] = ()  #: (format, why) for each format that failed


# -- 1. discover -------------------------------------------------------------------------


def config_for(path: Path, options: BuildOptions) -> Config:
    return config_mod.for_path(None if path == STDIN else path, options.config, options.isolated)


def output_folder(path: Path, config: Config, options: BuildOptions) -> Path:
    """``-o``, else ``[build] output``, else ``dist/`` beside the config, else beside the release."""
    if options.output is not None:
        return options.output.resolve()
    if config.build.output is not None:
        return config.build.output
    if config.root is not None:
        return config.root / "dist"
    if path != STDIN:
        return path.resolve().parent / "dist"
    return Path.cwd() / "dist"


def discover(paths: Sequence[Path], options: BuildOptions) -> list[Path]:
    """Files as given, ``*.md`` below folders, ``-`` for standard input; each once."""
    return release_files(
        paths,
        lambda path: config_for(path, options),
        lambda folder, config: {output_folder(folder / "_", config, options)},
    )


def ensure_writable(folder: Path) -> None:
    """Create the output folder and prove a file can be written there; else :class:`OutputError`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".pressrelease-probe-")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputError(f"cannot write to the output folder ({reason}); choose another with -o DIR", folder) from None


def check_selection(config: Config, seen: set[Path | None]) -> None:
    """Load the lint rules for this config once, so a bad selector is exit 2 up front."""
    if config.path in seen:
        return
    seen.add(config.path)
    from ..lint.engine import all_rules
    from ..lint.select import Selection

    Selection.build(all_rules(), config)


# -- 2. parse ------------------------------------------------------------------------------


def job_for(path: Path, options: BuildOptions, now: dt.datetime) -> Job:
    """The settings one release is built with (its config's, unless the options say otherwise)."""
    config = config_for(path, options)
    return Job(
        path=shown_name(path),
        release=None,
        config=config,
        output=output_folder(path, config, options),
        formats=options.formats or config.build.formats,
        paper=options.paper or config.build.paper,
        templates=options.templates or config.build.templates,
        wrap=options.wrap,
        force=options.force,
        now=now,
        timeout=options.timeout,
        debug=options.debug,
    )


def prepare(path: Path, options: BuildOptions, now: dt.datetime) -> Job:
    """Read and parse one release into a :class:`Job` (a problem instead when unreadable)."""
    started = time.perf_counter()
    job = job_for(path, options, now)
    if path == STDIN:
        text, read_problem = read_stdin()
        problem = read_problem.message if read_problem else ""
    else:
        try:
            text, read_problem = read_text(path)
        except ReadError as error:  # gone since discovery, or a broken link: this file's failure only
            return replace(job, problem=f"cannot read the file: {error.message}")
        problem = f"{read_problem.span.line}: {read_problem.message}" if read_problem else ""
    if text is None:
        return replace(job, problem=problem or "cannot read the file")
    try:
        with budget.limit(options.timeout, str(path)):  # the parse is inside the file's budget too
            release = parse(text, None if path == STDIN else path, job.config)
    except budget.OverBudget as over:
        return replace(job, problem=over.message)
    except Exception as error:  # a parser bug must not stop the other files
        if options.debug:
            raise
        return replace(
            job, problem=f"internal error while parsing ({type(error).__name__}: {error}); rerun with --debug"
        )
    return replace(job, release=release, parse_seconds=time.perf_counter() - started)


def slug_of(release: Release) -> str:
    """The output base name: the release's slug when it is safe, else one made from the title."""
    slug = release.slug
    return slug if _SAFE_SLUG.match(slug) and len(slug) <= 80 else slugify(release.title, release.date)


# -- 3. lint -------------------------------------------------------------------------------

_SELECTIONS: dict[Path | None, Any] = {}


def lint_release(release: Release, config: Config, now: dt.datetime) -> list[Diagnostic]:
    from ..lint.engine import all_rules, lint
    from ..lint.select import Selection

    selection = _SELECTIONS.get(config.path)
    if selection is None:
        selection = _SELECTIONS[config.path] = Selection.build(all_rules(), config)
    return lint(release, config, selection=selection, now=now)


def _describe(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.span.line}:{diagnostic.span.column} {diagnostic.code} {diagnostic.message}"


# -- 4. render -----------------------------------------------------------------------------


def render(job: Job, release: Release, formats: Sequence[str]) -> tuple[dict[str, bytes], dict[str, str]]:
    """Each format's bytes, and for each format that failed, why."""
    from ..render.html import render_html
    from ..render.text import render_text

    config, templates = job.config, job.templates
    made: dict[str, bytes] = {}
    failed: dict[str, str] = {}
    text: str | None = None
    # The page last, so that it links only the files made beside it (a failed PDF is not linked).
    for fmt in sorted(formats, key=lambda fmt: fmt == "html"):
        try:
            if fmt == "html":
                page = render_html(release, config, templates=templates, mode="page", beside=set(made))
                made[fmt] = page.encode("utf-8")
            elif fmt == "txt":
                text = render_text(release, config, wrap=job.wrap, templates=templates)
                made[fmt] = text.encode("utf-8")
            elif fmt == "pdf":
                made[fmt] = pdf_renderer().render(release, config, paper=job.paper, templates=templates)  # type: ignore[arg-type]
            elif fmt == "eml":
                from ..render.eml import render_eml

                if text is None:
                    text = render_text(release, config, wrap=job.wrap, templates=templates)
                html = render_html(release, config, templates=templates, mode="email")
                made[fmt] = render_eml(release, config, text, html)
            elif fmt == "docx":
                from ..render.docx import render_docx

                made[fmt] = render_docx(release, config)
        except RenderTimeout:
            raise
        except RenderError as error:
            failed[fmt] = error.message
        except Exception as error:  # a renderer bug must not stop the other formats
            if job.debug:
                failed[fmt] = traceback.format_exc()
            else:
                failed[fmt] = f"internal error ({type(error).__name__}: {error}); rerun with --debug"
    return {fmt: made[fmt] for fmt in formats if fmt in made}, failed


# -- 5. write ------------------------------------------------------------------------------


def make(job: Job) -> Made:
    """Lint one parsed release and render its formats, writing nothing. Never raises for one bad file."""
    started = time.perf_counter() - job.parse_seconds
    slug = slug_of(job.release) if job.release is not None else None

    def made(status: Status, message: str = "", warnings: tuple[str, ...] = (), errors: tuple[str, ...] = ()) -> Made:
        result = BuildResult(job.path, (), time.perf_counter() - started, status, message, warnings, errors)
        return Made(result, job.output, slug)

    if job.release is None:
        return made("failed", job.problem)
    try:
        left = max(job.timeout - job.parse_seconds, 0.001) if job.timeout > 0 else 0.0
        with budget.limit(left, job.path, budget=job.timeout):  # no rule's except Exception can take it
            diagnostics = lint_release(job.release, job.config, job.now)
            errors = tuple(_describe(d) for d in diagnostics if d.severity == "error")
            warnings = tuple(_describe(d) for d in diagnostics if d.severity == "warning")
            if errors and not job.force:
                message = f"{len(errors)} lint error{'s' if len(errors) > 1 else ''}; fix or build with --force"
                return made("blocked", message, warnings, errors)
            files, failed = render(job, job.release, job.formats)
            if "pdf" in files:
                from ..render.glyphs import glyph_warning

                warnings += tuple(w for w in (glyph_warning(job.release),) if w)
    except RenderTimeout as error:
        return made("failed", error.message)
    except budget.OverBudget as over:
        return made("failed", over.message)
    except Exception as error:  # lint engine bugs included: report, go on with the next file
        detail = traceback.format_exc() if job.debug else f"{type(error).__name__}: {error}"
        return made("failed", f"internal error ({detail})")
    return replace(made("built", "", warnings, errors), files=tuple(files.items()), failed=tuple(failed.items()))


def build_one(source: Path | Job, options: BuildOptions, now: dt.datetime) -> Made:
    """Read, parse, lint and render one release (``source`` a path, or standard input already
    read into a :class:`Job`), writing nothing.

    The cycle collector stays paused from the parse to the last render, not only within
    each step's budget: in between, a long release's hundreds of thousands of tokens were
    walked by a collection of each generation in turn (a second of a 1 MB list's build).
    The release is freed when this returns, before the collector runs again.
    """
    with budget.collector_paused():
        return make(source if isinstance(source, Job) else prepare(source, options, now))


def write(made: Made) -> BuildResult:
    """Write what :func:`make` rendered; the result names the files written and what failed."""
    result = made.result
    if result.status != "built":
        return result
    started = time.perf_counter()
    failed = dict(made.failed)
    written: list[Path] = []
    for fmt, data in made.files:
        target = made.output / f"{made.slug}.{EXTENSIONS[fmt]}"
        if target.parent != made.output:  # the slug is [a-z0-9-]; this is belt and braces
            failed[fmt] = "refused an output path outside the output folder"
            continue
        try:
            write_atomic(target, data)
            written.append(target)
        except OSError as exc:
            failed[fmt] = f"cannot write {target}: {exc.strerror or exc}"
    result = replace(result, outputs=tuple(written), seconds=result.seconds + time.perf_counter() - started)
    if failed:
        return replace(result, status="failed", message="; ".join(f"{fmt}: {why}" for fmt, why in failed.items()))
    return result
