"""What ``pressrelease lint`` does once its options are read, without typer.

Both ways into the command end here: the typer command in ``lint.py`` and the
plain command-line reader in ``fast.py``, which runs ``lint`` without importing
typer. Options become a :class:`~pressrelease.lint.runner.Settings`; library errors
become one line and exit 2; findings at or above ``--fail-on`` become exit 1.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..config import Level, Profile
from ..errors import PressReleaseError
from .terminal import (
    check_writable,
    colour,
    console,
    error_lines,
    existing_paths,
    fail,
    library_error,
    parse_now,
    print_errors,
    state,
    write_report,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..lint.fix import FixError
    from ..lint.runner import FileResult, Plan


class LintFormat(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    """``--select PR1,PR2 --select name`` -> ('PR1', 'PR2', 'name')."""
    return tuple(s for v in values or () for s in v.replace(" ", ",").split(",") if s)


def _output(
    results: list[FileResult], format: LintFormat, statistics: bool, to_stderr: bool = False, file: Path | None = None
) -> None:
    """Print the report (to standard error when standard output carries fixed text), or
    write it to ``file``.

    The text report is plain text unless it goes to a terminal in colour: only then is
    rich imported (see report/text.py).
    """
    if file is not None:
        buffer = io.StringIO()
        _report(results, format, statistics, buffer)
        write_report(file, buffer.getvalue())
        return
    stream = sys.stderr if to_stderr else sys.stdout
    _report(results, format, statistics, stream, (lambda: console(stderr=to_stderr)) if colour(stream) else None)


def _report(
    results: list[FileResult],
    format: LintFormat,
    statistics: bool,
    stream: TextIO,
    coloured: Callable[[], Console] | None = None,
) -> None:
    from ..report import statistics as stats

    if format is LintFormat.text or (statistics and format is LintFormat.concise):
        from ..report import text

        lines = text.statistics_table(results) if statistics else text.report(results)
        text.write(stream, lines, coloured)
        return
    if statistics and format is LintFormat.json:
        rows = [{"count": n, "code": c, "name": name, "fixable": f} for n, c, name, f in stats(results)]
        stream.write(json.dumps(rows, indent=2) + "\n")
        return
    if format is LintFormat.concise:
        from ..report import concise

        stream.write(concise.render(results))
    elif format is LintFormat.json:
        from ..report import json as json_report

        stream.write(json_report.render(results))
    elif format is LintFormat.github:
        from ..report import github

        stream.write(github.render(results))
    else:
        from ..lint.engine import all_rules
        from ..report import sarif

        stream.write(sarif.render(results, all_rules()))


def _fix(paths: list[Path], plan: Plan, write: bool) -> tuple[list[FileResult], int, list[str], list[FixError]]:
    """Fix every file; (what remains, fixes applied, diffs, files not written and why).

    A file that cannot be written, or that changed on disk while it was fixed, is
    reported and left alone; the other files are still fixed.
    """
    from ..lint.fix import FixError, fix_file, fix_stdin
    from ..lint.runner import STDIN, discover

    results: list[FileResult] = []
    diffs: list[str] = []
    unwritten: list[FixError] = []
    applied = 0
    for path in discover(paths, plan.settings):
        try:
            outcome = fix_stdin(plan) if path == STDIN else fix_file(path, plan, write=write)
        except FixError as error:
            unwritten.append(error)
            continue
        if path == STDIN and write:
            sys.stdout.write(outcome.fixed)  # the fixed text is the output; the report goes to stderr
        results.append(outcome.result)
        applied += outcome.applied
        if outcome.changed:
            diffs.append(outcome.diff())
    return results, applied, diffs, unwritten


def run(
    paths: list[Path] | None = None,
    format: LintFormat = LintFormat.text,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    profile: Profile | None = None,
    fail_on: Level | None = None,
    statistics: bool = False,
    config: Path | None = None,
    isolated: bool = False,
    now: str | None = None,
    fix: bool = False,
    diff: bool = False,
    no_cache: bool = False,
    output_file: Path | None = None,
    exit_zero: bool = False,
    stdin_filename: Path | None = None,
    timeout: float | None = None,
) -> None:
    """Lint ``paths`` as ``pressrelease lint`` does; exits (``SystemExit``) 1 on failing findings, 2 on errors.

    The defaults here are the command's, the only place they are declared: both ways
    in (``lint.py`` and ``fast.py``) pass just the options given on the command line.
    """
    from ..lint.engine import failing
    from ..lint.runner import Plan, Settings, lint_paths
    from ..lint.select import Options

    targets = existing_paths(paths or [Path(".")])
    if config is not None and isolated:
        fail("use either --config or --isolated, not both")
    if config is not None and not config.is_file():
        fail(f"{config}: config file not found")
    if stdin_filename is not None and Path("-") not in targets:
        fail("--stdin-filename names standard input: give - as the path")
    if output_file is not None:
        check_writable(output_file)
    settings = Settings(
        options=Options(
            select=_selectors(select) if select is not None else None,
            ignore=_selectors(ignore),
            extend_select=_selectors(extend_select),
            profile=profile.value if profile else None,
        ),
        config=config,
        isolated=isolated,
        now=parse_now(now) or dt.datetime.now(dt.UTC),
        fail_on=fail_on.value if fail_on else None,
        debug=state.debug,
        cache=not (no_cache or fix or diff),  # fixing lints text that is about to change
        stdin_name=stdin_filename,
        **({"timeout": timeout} if timeout is not None else {}),
    )
    unwritten: list[FixError] = []
    try:
        if fix or diff:
            plan = Plan(settings)
            results, applied, diffs, unwritten = _fix(targets, plan, write=not diff)
            if diff:
                sys.stdout.write("".join(diffs))
                would = f"Would fix {applied} issue{'s' if applied != 1 else ''} in {len(diffs)} file{'s' if len(diffs) != 1 else ''}."
                console(stderr=True).print(would, markup=False, highlight=False)
                raise SystemExit(1 if diffs and not exit_zero else 0)
            if applied:
                console(stderr=True).print(f"Fixed {applied} issue{'s' if applied != 1 else ''}.", markup=False)
        else:
            results = lint_paths(targets, settings)
    except PressReleaseError as error:
        library_error(error)
    _output(results, format, statistics, to_stderr=fix and any(p == Path("-") for p in targets), file=output_file)
    if unwritten:  # after the report, so the last lines say which files kept their old text
        from ..lint.fix import FileChanged

        print_errors([line for error in unwritten for line in error_lines(error)])
        raise SystemExit(1 if all(isinstance(e, FileChanged) for e in unwritten) else 2)
    if not exit_zero and any(failing(r.diagnostics, r.fail_on) for r in results):
        raise SystemExit(1)
