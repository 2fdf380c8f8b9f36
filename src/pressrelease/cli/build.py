"""``pressrelease build``, ``email``, ``new`` and ``init``.

Thin: options become a :class:`~pressrelease.build.BuildOptions`, library errors one
line and exit 2, a failed or blocked release exit 1. The build machinery (and with it
WeasyPrint) is imported inside the commands, so ``--help`` and ``lint`` stay light.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..budget import DEFAULT_SECONDS
from ..config import Paper
from ..errors import PressReleaseError
from .parameters import ConfigOption, IsolatedOption, JobsOption, LightCommand, TemplatesOption, TimeoutOption
from .root import app, console, escape, existing_paths, fail, library_error, parse_now, state
from .terminal import file_budget, print_errors

if TYPE_CHECKING:
    from ..build import BuildOptions, BuildResult
    from ..config import Config


def _formats(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from ..config import ALL_FORMATS

    wanted = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in wanted if v not in ALL_FORMATS]
    if unknown or not wanted:
        fail(f"--to: unknown format {', '.join(unknown) or '(none)'}; choose from {','.join(ALL_FORMATS)}")
    return wanted


def _outputs(result: BuildResult, folder: Path | None = None) -> str:
    """``slug.{html,pdf}``, under ``folder`` unless it is the one shown below the table."""
    if not result.outputs:
        return ""
    first = result.outputs[0]
    where = "" if folder is not None and first.parent == folder else f"{first.parent}/"
    if len(result.outputs) == 1:
        return f"{where}{first.name}"
    return f"{where}{first.stem}.{{{','.join(p.suffix.lstrip('.') for p in result.outputs)}}}"


def _common_folder(results: list[BuildResult]) -> Path | None:
    folders = {p.parent for r in results for p in r.outputs}
    return folders.pop() if len(folders) == 1 else None


def _log_line(result: BuildResult) -> str:
    word = {"built": "built", "failed": "FAILED", "blocked": "BLOCKED"}[result.status]
    line = f"{word} {result.path}"
    if result.outputs:
        line += f" -> {_outputs(result)}"
    line += f" ({result.seconds:.2f} s)"
    if result.message:
        line += f": {result.message}"
    return line


def _lint_lines(result: BuildResult) -> list[str]:
    """Warnings in one line; errors (which block the build) one each, for fixing."""
    lines = [f"{result.path}:{error}" for error in result.errors] if result.status == "blocked" else []
    lint = [w for w in result.warnings if w.split(" ")[1].startswith("PR")]
    if lint:
        codes = sorted({w.split(" ")[1] for w in lint})
        lines.append(
            f"{result.path}: {len(lint)} lint warning{'s' if len(lint) > 1 else ''} "
            f"({', '.join(codes)}); run 'pressrelease lint {result.path}' for details"
        )
    # the renderers' own warnings (a character no PDF font has): in full, lint cannot show them
    listed = set(lint)  # a set: thousands of warnings each looked up in a list were quadratic
    lines.extend(
        f"{result.path}:{w.split(' ', 2)[0]}: {w.split(' ', 2)[2]}" for w in result.warnings if w not in listed
    )
    return lines


def _summary(results: list[BuildResult]) -> None:
    from rich.table import Table

    folder = _common_folder(results)
    table = Table(title=None, show_edge=False, pad_edge=False)
    out = console()
    widest = min(max((len(r.path) for r in results), default=4), 40)
    table.add_column("file", overflow="fold", min_width=widest)
    # what is left of the line after file, time and status (and the rules between them)
    table.add_column("outputs", overflow="fold", max_width=max(out.width - widest - 7 - 7 - 12, 16))
    table.add_column("time", justify="right", no_wrap=True, min_width=7)
    table.add_column("status", no_wrap=True, min_width=7)
    colours = {"built": "green", "failed": "bold red", "blocked": "yellow"}
    for result in results:
        table.add_row(
            escape(result.path),
            escape(_outputs(result, folder)),
            f"{result.seconds:.2f} s",
            f"[{colours[result.status]}]{result.status}[/]",
        )
    out.print(table)
    built = sum(r.ok for r in results)
    line = f"{built} of {len(results)} release{'s' if len(results) != 1 else ''} built"
    if folder is not None:
        line += f"; files in {folder}"
    out.print(escape(line), highlight=False, soft_wrap=True)


@app.command("build", cls=LightCommand)
def build_command(
    paths: Annotated[list[Path], typer.Argument(help="Release files, folders (every *.md below), or - for stdin.")],
    to: Annotated[
        str | None, typer.Option("--to", help="Formats, comma-separated: html,pdf,txt,eml (the default), docx.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output folder (default: dist/).")] = None,
    paper: Annotated[
        Paper | None, typer.Option("--paper", case_sensitive=False, help="PDF paper size: A4 or Letter.")
    ] = None,
    jobs: JobsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Build despite lint errors.")] = False,
    now: Annotated[str | None, typer.Option("--now", help="The clock for embargo rules (ISO).")] = None,
    templates: TemplatesOption = None,
    wrap: Annotated[int | None, typer.Option("--wrap", min=0, help="Wrap the plain text at N columns.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds allowed per release.")] = 60.0,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Build HTML, PDF, plain-text email and .eml drafts. Lint runs first: errors block a release."""
    from ..build import BuildOptions, build

    existing_paths(paths)
    if templates is not None and not templates.is_dir():
        fail(f"--templates: {templates}: no such folder")
    options = BuildOptions(
        formats=_formats(to),
        output=output,
        paper=paper.value if paper else None,
        jobs=jobs,
        force=force,
        now=parse_now(now),
        templates=templates.resolve() if templates else None,
        wrap=wrap,
        config=config,
        isolated=isolated,
        timeout=timeout,
        debug=state.debug,
    )
    err = console(stderr=True)
    try:
        if err.is_terminal:
            results = _with_progress(paths, options)
        else:
            results = build(paths, options, on_result=lambda r: _log(r))
    except PressReleaseError as error:
        library_error(error)
    if err.is_terminal:
        for result in results:
            for line in _lint_lines(result):
                err.print(escape(line), highlight=False, soft_wrap=True)
            if result.message:
                err.print(
                    f"[bold red]{result.status}[/] {escape(result.path)}: {escape(result.message)}", soft_wrap=True
                )
    _summary(results)
    if not all(r.ok for r in results):
        raise typer.Exit(1)


def _log(result: BuildResult) -> None:
    """A plain log line per file on standard error (for CI logs and pipes)."""
    for line in _lint_lines(result):
        sys.stderr.write(line + "\n")
    sys.stderr.write(_log_line(result) + "\n")
    sys.stderr.flush()


def _with_progress(paths: list[Path], options: BuildOptions) -> list[BuildResult]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..build import build

    progress = Progress(
        TextColumn("building"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console(stderr=True),
        transient=True,
    )
    task = progress.add_task("", total=None)

    def start(total: int) -> None:
        progress.update(task, total=total)
        progress.start()

    def done(result: BuildResult) -> None:
        progress.update(task, advance=1, description=escape(result.path))

    try:
        return build(paths, options, on_start=start, on_result=done)
    finally:
        progress.stop()


@app.command("email", cls=LightCommand)
def email_command(
    path: Annotated[Path, typer.Argument(help="A release file, or - for standard input.")],
    wrap: Annotated[int | None, typer.Option("--wrap", min=0, help="Wrap at N columns (default: none).")] = None,
    templates: TemplatesOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    force: Annotated[bool, typer.Option("--force", help="Print despite lint errors.")] = False,
    timeout: TimeoutOption = DEFAULT_SECONDS,
) -> None:
    """Print the plain-text email body (subject on standard error), e.g. for '| pbcopy'.

    Lint errors stop it as they stop ``build``: each on standard error, exit 1, nothing printed.
    """
    from .. import config as config_mod
    from ..discover import shown_name
    from ..lint.engine import all_rules, lint
    from ..lint.select import Selection
    from ..parse import parse_file
    from ..render.eml import subject
    from ..render.text import render_text
    from ..report import concise

    existing_paths([path])
    if path.is_dir():
        fail(f"{path}: is a folder; email takes one release file")
    source = None if str(path) == "-" else path  #: None: standard input
    try:
        cfg = config_mod.for_path(source, config, isolated)
        with file_budget(timeout, shown_name(path)):
            release = parse_file(source, cfg)
            unreadable = next((p for p in release.problems if p.code == "PR004"), None)
            if unreadable is not None:
                fail(f"{release.display_name}:{unreadable.span.line}: {unreadable.message}")
            found = lint(release, cfg, selection=Selection.build(all_rules(), cfg))
            errors = [d for d in found if d.severity == "error"]
            if errors and not force:
                print_errors([concise.line(d) for d in errors])
                many = f"{len(errors)} lint error{'s' if len(errors) > 1 else ''}"
                fail(f"{release.display_name}: {many}; fix or print with --force", code=1)
            body = render_text(release, cfg, wrap=wrap, templates=templates.resolve() if templates else None)
    except PressReleaseError as error:
        library_error(error)
    sys.stdout.write(body)
    sys.stdout.flush()
    sys.stderr.write(f"Subject: {subject(release)}\n")


# -- new and init ----------------------------------------------------------------------------


def _skeleton(cfg: Config, today: dt.date) -> str:
    """A new release: real structure, placeholder words that lint flags (PR703) until replaced."""
    import yaml

    from ..parse.language import language
    from ..render.house_style import PROFILE_END_MARKS

    lang = language(cfg.language)
    labels = lang.labels
    org = cfg.organization()
    contact: dict[str, str] = {"name": "[NAME]", "title": "[TITLE]"}
    if org is not None and org.email:
        contact["email"] = org.email
    else:
        contact["email"] = "[EMAIL]"
    front: dict[str, object] = {
        "title": "[insert headline: who did what, in under 100 characters]",
        "subtitle": "[insert one sentence with the most important detail]",
        "date": today,
        "location": "[CITY]",
    }
    if org is not None and org.key is not None:
        front["organization"] = org.key
    front.update({"language": cfg.language, "profile": cfg.profile, "contacts": [contact], "tags": []})
    opening, closing = lang.quote_marks[0] if lang.quote_marks else ("“", "”")
    mark = cfg.build.end_mark if cfg.build.end_mark is not None else PROFILE_END_MARKS.get(cfg.profile, "###")
    about = (
        f"## {labels['about']} {org.short_name or org.name}\n\n{org.boilerplate}\n\n" if org and org.boilerplate else ""
    )
    body = (
        "[CITY] – [insert the lede: who did what, when and where, in under 35 words.]\n\n"
        "[insert why it matters, with the key figure.]\n\n"
        f"{opening}[QUOTE],{closing} said [NAME], [TITLE].\n\n"
        "[insert background and what happens next.]\n\n" + (f"{mark}\n\n" if mark else "") + f"## {labels['notes']}\n\n"
        "- [insert where to find photos, the report, interview availability.]\n\n"
        + about
        + f"## {labels['contact']}\n\n"
        f"[NAME], [TITLE]\n{labels['email']}: {contact['email']}\n"
    )
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n\n{body}"


@app.command("new", cls=LightCommand)
def new_command(
    path: Annotated[Path | None, typer.Argument(help="The file to create (default: <today>-new-release.md).")] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Write a new release skeleton with today's date and the config's organisation."""
    from .. import config as config_mod

    today = dt.date.today()
    target = path if path is not None else Path(f"{today.isoformat()}-new-release.md")
    if target.exists() or target.is_symlink():
        fail(f"{target}: already exists; not overwriting it (choose another name)")
    if not target.parent.is_dir():
        fail(f"{target.parent}: no such folder")
    try:
        cfg = config_mod.for_path(target.resolve(), config, isolated)
    except PressReleaseError as error:
        library_error(error)
    text = _skeleton(cfg, today)
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never clobber, even in a race
            handle.write(text)
    except FileExistsError:
        fail(f"{target}: already exists; not overwriting it (choose another name)")
    except OSError as exc:
        fail(f"{target}: cannot write ({exc.strerror or exc})")
    console(stderr=True).print(
        f"wrote {escape(str(target))}: replace every \\[bracketed] placeholder; "
        f"'pressrelease lint {escape(str(target))}' lists what is left",
        highlight=False,
        soft_wrap=True,
    )


INIT_TOML = """\
# pressrelease configuration. The closest pressrelease.toml walking up from a
# release's folder applies to it; 'pressrelease lint --config FILE' names one.
# Every key is optional. Reference: docs/format.md, docs/rules.md, docs/build.md.

# House style: "default", "un", "ap" or "uk" (a release's front matter may override).
profile = "default"
# The language of releases that do not say (BCP 47: "en", "fr", "es-MX").
language = "en"
# The organisation used when a release names none.
default_organization = "example"
# Files and folders to skip when a folder is linted or built (globs).
exclude = ["drafts/**", "archive/**"]

[organizations.example]
name = "Example Organisation"
short_name = "EO"
url = "https://www.example.org"
# From: of the .eml email drafts.
email = "press@example.org"
# The "About" paragraph printed when a release has no About section.
boilerplate = "Example Organisation is ... (one short paragraph: who you are, since when, where)."
# logo = "assets/logo.svg"          # relative to this file; on the HTML page and the PDF
acronyms = ["EO"]                    # known acronyms: never flagged as undefined (PR704)

[lint]
# select = ["PR"]                    # rules to run (codes, prefixes like "PR7", or names)
# ignore = ["PR708"]
# fail-on = "error"                  # exit 1 at this severity: error, warning or info
# [lint.severity]
# PR401 = "warning"
# [lint.thresholds]
# headline-max-chars = 100
# lede-max-words = 35
# [lint.terms]
# "e-mail" = "email"

[build]
# formats = ["html", "pdf", "txt", "eml"]
# output = "dist"                    # default: dist/ beside this file
# paper = "A4"                       # or "Letter"
# wrap = 0                           # wrap the plain text at N columns; 0: no hard wrap
# end-mark = "###"                   # default: the profile's
# templates = "theme"                # a folder whose files override the built-in theme
"""


@app.command("init", cls=LightCommand)
def init_command() -> None:
    """Write a commented pressrelease.toml in the current folder."""
    target = Path("pressrelease.toml")
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(INIT_TOML)
    except FileExistsError:
        fail(f"{target.resolve()}: already exists; not overwriting it")
    except OSError as exc:
        fail(f"{target.resolve()}: cannot write ({exc.strerror or exc})")
    console(stderr=True).print(
        f"wrote {escape(str(target.resolve()))}: set your organisation's name, email and boilerplate",
        highlight=False,
        soft_wrap=True,
    )
