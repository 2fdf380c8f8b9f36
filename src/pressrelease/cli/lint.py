"""``pressrelease lint`` and ``pressrelease rules``: the typer declarations.

What ``lint`` does lives in ``runlint.py``, shared with ``fast.py``, which runs a
plain ``lint`` command line without typer. The lint machinery is imported inside
the commands so ``--help`` stays light.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..budget import DEFAULT_SECONDS
from ..config import Level, Profile
from .parameters import LightCommand
from .root import app, console, fail
from .runlint import LintFormat, run


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("lint", cls=LightCommand)
def lint_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Release files, folders (all *.md below) or - for standard input.")
    ] = None,
    format: Annotated[
        LintFormat | None, typer.Option("--format", "-f", help="text (the default), concise, json, github or sarif.")
    ] = None,
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
    statistics: Annotated[bool | None, typer.Option("--statistics", help="Count findings per rule.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Use this config file for every release.")] = None,
    isolated: Annotated[bool | None, typer.Option("--isolated", help="Ignore all config files.")] = None,
    now: Annotated[str | None, typer.Option("--now", help="The clock for embargo rules (ISO 8601).")] = None,
    fix: Annotated[
        bool | None, typer.Option("--fix", help="Apply safe fixes in place, then report what is left.")
    ] = None,
    diff: Annotated[
        bool | None, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.")
    ] = None,
    no_cache: Annotated[
        bool | None, typer.Option("--no-cache", help="Lint every file afresh; neither read nor write the cache.")
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the report to this file instead of the screen.")
    ] = None,
    exit_zero: Annotated[
        bool | None, typer.Option("--exit-zero", help="Exit 0 even when there are findings (2 still means an error).")
    ] = None,
    stdin_filename: Annotated[
        Path | None,
        typer.Option("--stdin-filename", help="The file that standard input stands for: its config, name and links."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout", min=0, help=f"Seconds each file may take (default: {DEFAULT_SECONDS:g}; 0: no limit)."
        ),
    ] = None,
) -> None:
    """Check releases against the rule catalogue (`pressrelease rules` lists it)."""
    # Every option is None when not given, and run() gives it its default: the
    # defaults are declared once, there, for this command and the fast path alike.
    run(**{name: value for name, value in locals().items() if value is not None})


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

        from ..config import PROFILES

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
