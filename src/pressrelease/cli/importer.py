"""``pressrelease import``: turn a pasted text, a saved web page or a Word file into a release.

The release goes to standard output (or ``-o FILE``, written atomically and never
over an existing file without ``--force``); a short report of what was found,
what was not, and the lint findings of the result goes to standard error. The
importer and lint are loaded only when the command runs.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import config as config_mod
from ..atomic import write_atomic
from ..budget import DEFAULT_SECONDS, collector_paused
from ..discover import shown_name
from ..model import LANGUAGE_TAG, STDIN_NAME
from .parameters import ConfigOption, IsolatedOption, LightCommand, TimeoutOption
from .root import app, console, escape, fail
from .terminal import file_budget

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..importer import ImportResult

_SHOWN_PER_RULE = 50  #: findings listed per rule, as lint's text format does
_SHOWN_DROPPED = 8


@app.command("import", cls=LightCommand)
def import_command(
    file: Annotated[
        str, typer.Argument(help="A .txt, .md, .html/.htm or .docx file, or - for text on standard input.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the release here instead of standard output.")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="The release's language (BCP 47, e.g. en, fr); else detected.")
    ] = None,
    organization: Annotated[
        str | None, typer.Option("--organization", help="A key of \\[organizations] in the config.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    timeout: TimeoutOption = DEFAULT_SECONDS,
) -> None:
    """Import an existing release (text, web page, Word file) into the release format."""
    from ..importer import ImportFailed, kind_of

    source = Path(file)
    if file != "-":
        if not source.exists():
            fail(f"{file}: no such file")
        if source.is_dir():
            fail(f"{file}: is a folder; import takes one file")
        try:
            kind_of(source)
        except ImportFailed as error:
            fail(str(error))
    if language is not None and not LANGUAGE_TAG.match(language):
        fail(f"--language: expected a language tag like 'en' or 'fr-CH', got {language!r}")
    if output is not None:
        if output.is_dir():
            fail(f"{output}: is a folder; give the output file's name")
        if output.exists() and not force:
            fail(f"{output}: already exists; use --force to overwrite it")
    cfg = config_mod.for_path(output.resolve() if output else None, config, isolated)
    if organization is not None and organization not in cfg.organizations:
        known = ", ".join(cfg.organizations) or "none configured"
        fail(f"--organization: no organisation '{organization}' in the config (known: {known})")

    with collector_paused():  # see _import_and_report
        errors = _import_and_report(None if file == "-" else source, file, cfg, output, language, organization, timeout)
    if errors:
        raise typer.Exit(1)


def _import_and_report(
    source: Path | None,
    file: str,
    cfg: Config,
    output: Path | None,
    language: str | None,
    organization: str | None,
    timeout: float,
) -> int:
    """Import, lint, write and report one file; the error count.

    The caller keeps the cycle collector paused until this returns, the release freed:
    back on with a long release's tokens alive, the collector's first collection would
    walk every one of them (a quarter to half a second on a megabyte of headings or list
    items), as the report's first lines are printed.
    """
    from ..importer import ImportFailed, import_file

    with file_budget(timeout, shown_name(file)):
        try:
            result = import_file(source, cfg, language=language, organization=organization)
        except ImportFailed as error:
            fail(str(error) if error.path is not None else f"{STDIN_NAME}: {error}")  # no path: standard input
        findings = lint_findings(result, cfg)

    if output is None:
        sys.stdout.write(result.markdown)
        sys.stdout.flush()
    else:
        try:
            write_atomic(output, result.markdown.encode("utf-8"))
        except OSError as error:
            fail(f"{output}: cannot write: {error.strerror or error}")
    return _report(result, shown_name(file), output, findings)


def _report(result: ImportResult, name: str, output: Path | None, findings: list[dict[str, Any]]) -> int:
    """Print what was found, what was not, and the result's lint findings; return the error count."""
    err = console(stderr=True)
    where = f" -> {output}" if output else ""
    err.print(f"[bold]imported[/] {escape(name)}{escape(where)}", highlight=False)
    for what, value in result.found:
        err.print(f"  [green]found[/]    {what}: {escape(value)}", highlight=False, soft_wrap=True)
    for what in result.missing:
        err.print(f"  [yellow]missing[/]  {escape(what)}", highlight=False, soft_wrap=True)
    for what in result.unsure:
        err.print(f"  [magenta]unsure[/]   {escape(what)}", highlight=False, soft_wrap=True)
    for note in result.notes:
        err.print(f"  [cyan]note[/]     {escape(note)}", highlight=False, soft_wrap=True)
    if result.dropped:
        shown = [d if len(d) <= 40 else d[:37] + "..." for d in result.dropped[:_SHOWN_DROPPED]]
        more = f" and {len(result.dropped) - _SHOWN_DROPPED} more" if len(result.dropped) > _SHOWN_DROPPED else ""
        listed = ", ".join(f"“{s}”" for s in shown)
        err.print(
            f"  [dim]dropped[/]  {len(result.dropped)} navigation/footer lines: {escape(listed)}{more}",
            highlight=False,
            soft_wrap=True,
        )
    errors = sum(1 for f in findings if f["severity"] == "error")
    warnings = sum(1 for f in findings if f["severity"] == "warning")
    err.print(f"[bold]lint[/]: {errors} errors, {warnings} warnings, {len(findings) - errors - warnings} notes")
    per_rule: Counter[str] = Counter()
    for finding in findings:
        per_rule[finding["code"]] += 1
        if per_rule[finding["code"]] > _SHOWN_PER_RULE:
            continue  # a pasted document that trips one rule thousands of times: counted below
        colour = {"error": "red", "warning": "yellow"}.get(finding["severity"], "cyan")
        err.print(
            f"  [{colour}]{finding['code']}[/] line {finding['line']}: {escape(finding['message'])}",
            highlight=False,
            soft_wrap=True,
        )
    for code, count in per_rule.items():
        if count > _SHOWN_PER_RULE:
            err.print(f"  {code}: {count - _SHOWN_PER_RULE} more not shown ('pressrelease lint' lists them all)")
    return errors


def lint_findings(result: ImportResult, cfg: Config) -> list[dict[str, Any]]:
    """The imported release's lint findings as dicts (code, severity, line, message)."""
    from ..lint.engine import lint

    return [
        {"code": d.code, "severity": d.severity, "line": d.span.line, "message": d.message}
        for d in lint(result.release, cfg)
    ]
