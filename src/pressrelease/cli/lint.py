"""``pressrelease lint`` and ``pressrelease rules``.

Options become a :class:`~pressrelease.lint.files.Settings`; library errors become
one line and exit 2; findings at or above ``--fail-on`` become exit 1. The lint
machinery is imported inside the commands so ``--help`` stays light.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import PressReleaseError
from .app import app, console, existing_paths, fail, library_error, parse_now, state
from .light import LightCommand

if TYPE_CHECKING:
    from ..lint.files import FileResult, Plan


class LintFormat(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Profile(StrEnum):
    default = "default"
    un = "un"
    ap = "ap"
    uk = "uk"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    """``--select PR1,PR2 --select name`` -> ('PR1', 'PR2', 'name')."""
    return tuple(s for v in values or () for s in v.replace(" ", ",").split(",") if s)


def _output(results: list[FileResult], format: LintFormat, statistics: bool, to_stderr: bool = False) -> None:
    """Print the report (to standard error when standard output carries fixed text).

    Only the text report and the statistics table use rich; the other formats are
    plain strings, so rich is not even imported for them.
    """
    from ..report import statistics as stats

    stream = sys.stderr if to_stderr else sys.stdout
    if format is LintFormat.text:
        from ..report import text

        text.render(console(stderr=to_stderr), results, show_statistics=statistics)
        return
    if statistics and format is LintFormat.json:
        rows = [{"count": n, "code": c, "name": name, "fixable": f} for n, c, name, f in stats(results)]
        stream.write(json.dumps(rows, indent=2) + "\n")
        return
    if statistics and format is LintFormat.concise:
        from ..report import text

        text.print_statistics(console(stderr=to_stderr), results)
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


def _fix(paths: list[Path], plan: Plan, write: bool) -> tuple[list[FileResult], int, list[str]]:
    """Fix every file; (what remains, fixes applied, diffs)."""
    from ..lint.files import STDIN, discover
    from ..lint.fix import fix_file, fix_text

    results: list[FileResult] = []
    diffs: list[str] = []
    applied = 0
    for path in discover(paths, plan.settings):
        if path == STDIN:
            original = sys.stdin.read()
            fixed, count, result = fix_text(original, None, plan)
            if write:
                sys.stdout.write(fixed)
            elif fixed != original.replace("\r\n", "\n"):
                from ..lint.fix import Outcome

                diffs.append(Outcome(original.replace("\r\n", "\n"), fixed, count, result).diff())
            results.append(result)
            applied += count
            continue
        outcome = fix_file(path, plan, write=write)
        results.append(outcome.result)
        applied += outcome.applied
        if outcome.changed:
            diffs.append(outcome.diff())
    return results, applied, diffs


@app.command("lint", cls=LightCommand)
def lint_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Release files, folders (all *.md below) or - for standard input.")
    ] = None,
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="text, concise, json, github or sarif.")] = (
        LintFormat.text
    ),
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules: codes, prefixes (PR7) or names.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules.")] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option("--extend-select", help="Add these rules to the selection.")
    ] = None,
    profile: Annotated[
        Profile | None, typer.Option("--profile", help="House style when the front matter names none.")
    ] = None,
    fail_on: Annotated[
        Level | None, typer.Option("--fail-on", help="Exit 1 on findings at or above this (default: error).")
    ] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="Use this config file for every release.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")] = False,
    now: Annotated[str | None, typer.Option("--now", help="The clock for embargo rules (ISO 8601).")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place, then report what is left.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.")] = False,
) -> None:
    """Check releases against the rule catalogue (`pressrelease rules` lists it)."""
    from ..lint.engine import failing
    from ..lint.files import Plan, Settings, lint_paths
    from ..lint.select import Options

    targets = existing_paths(paths or [Path(".")])
    if config is not None and isolated:
        fail("use either --config or --isolated, not both")
    if config is not None and not config.is_file():
        fail(f"{config}: config file not found")
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
    )
    try:
        if fix or diff:
            plan = Plan(settings)
            results, applied, diffs = _fix(targets, plan, write=not diff)
            if diff:
                sys.stdout.write("".join(diffs))
                would = f"Would fix {applied} issue{'s' if applied != 1 else ''} in {len(diffs)} file{'s' if len(diffs) != 1 else ''}."
                console(stderr=True).print(would, markup=False, highlight=False)
                raise typer.Exit(1 if diffs else 0)
            if applied:
                console(stderr=True).print(f"Fixed {applied} issue{'s' if applied != 1 else ''}.", markup=False)
        else:
            results = lint_paths(targets, settings)
    except PressReleaseError as error:
        library_error(error)
    _output(results, format, statistics, to_stderr=fix and any(p == Path("-") for p in targets))
    if any(failing(r.diagnostics, r.fail_on) for r in results):
        raise typer.Exit(1)


@app.command("rules", cls=LightCommand)
def rules_command(
    rule: Annotated[str | None, typer.Argument(help="A rule code or name: show its page.")] = None,
    format: Annotated[RulesFormat, typer.Option("--format", "-f", help="text or json.")] = RulesFormat.text,
) -> None:
    """List every lint rule, or show one rule's page (what, why, bad and good examples)."""
    from ..lint.docs import excerpt, page
    from ..lint.engine import all_rules
    from ..lint.select import Catalogue

    rules = all_rules()
    if rule is None:
        if format is RulesFormat.json:
            rows = [{k: v for k, v in page(r).items() if k not in ("bad", "good", "why")} for r in rules]
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        from rich.table import Table

        from ..lint.registry import PROFILES

        table = Table(box=None, header_style="bold", pad_edge=False)
        for column in ("code", "name", "severity", "fix", "profiles"):
            table.add_column(column, no_wrap=True)
        table.add_column("what", ratio=1, min_width=20)
        for r in rules:
            profiles = "all" if set(r.profiles) >= set(PROFILES) else ", ".join(r.profiles)
            table.add_row(r.code, r.name, r.severity, "yes" if r.fixable else "", profiles, r.summary)
        console().print(table)
        return
    found = Catalogue(rules).find(rule)
    if found is None:
        fail(f"unknown rule {rule!r}; `pressrelease rules` lists them")
    if format is RulesFormat.json:
        sys.stdout.write(json.dumps(page(found), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.markup import escape

    out = console()
    bad, good = excerpt(found.bad, found.good)
    out.print(f"[bold]{found.code} {found.name}[/] ({found.severity}{', fixable' if found.fixable else ''})")
    out.print(f"profiles: {', '.join(found.profiles)}\n")
    out.print(f"[bold]What[/]\n  {escape(found.summary)}\n")
    out.print(f"[bold]Why[/]\n  {escape(found.why)}\n", soft_wrap=False)
    out.print("[bold red]Bad[/]")
    out.print("\n".join("  " + line for line in escape(bad).splitlines()), soft_wrap=True)
    out.print("\n[bold green]Good[/]")
    out.print("\n".join("  " + line for line in escape(good).splitlines()), soft_wrap=True)
    fix_line = "`pressrelease lint --fix` applies a safe fix" if found.fixable else "no automatic fix"
    out.print(f"\n[bold]Fix[/]\n  {fix_line}")
