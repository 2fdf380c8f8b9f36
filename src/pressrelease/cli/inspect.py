"""``pressrelease inspect``: show what the parser understood."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import config as config_mod
from ..budget import DEFAULT_SECONDS
from ..discover import shown_name
from ..inspection import summarize
from ..parse import parse_file
from .parameters import ConfigOption, IsolatedOption, LightCommand, TimeoutOption
from .root import app, console, escape, existing_paths
from .terminal import file_budget

if TYPE_CHECKING:
    from rich.tree import Tree


class InspectFormat(StrEnum):
    tree = "tree"
    json = "json"


def _where(span: dict[str, int] | None) -> str:
    return f"[dim]{span['line']}:{span['column']}[/]" if span else ""


#: Items shown per branch of the tree; a paste with thousands of quotation marks gets a
#: count of the rest (``--format json`` lists them all).
SHOWN = 100


def _shown(items: list[Any]) -> list[Any]:
    """The first :data:`SHOWN` of ``items``; :func:`_more` then counts the others."""
    return items[:SHOWN]


def _more(items: list[Any], branch: Tree) -> None:
    if len(items) > SHOWN:
        branch.add(f"[dim]… {len(items) - SHOWN} more (--format json lists them all)[/]")


def _tree(data: dict[str, Any]) -> Tree:
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(data['title'] or '(no title)')}[/]  [dim]{escape(data['path'] or '<stdin>')}[/]")
    facts = root.add("[bold]front matter[/]")
    for key in ("subtitle", "date", "location", "language", "profile", "slug"):
        if data.get(key):
            facts.add(f"{key}: {escape(str(data[key]))}")
    if data["embargo"]:
        facts.add(f"embargo: {escape(str(data['embargo']['at'] or data['embargo']['text']))}")
    if data["organization"]:
        facts.add(f"organization: {escape(data['organization']['name'])}")
    for version in data["translations"]:
        facts.add(f"translations: {escape(version['language'])} {escape(version['path'])}")
    dateline = data["dateline"]
    if dateline:
        node = root.add(f"[bold]dateline[/] {_where(dateline['span'])} {escape(repr(dateline['text']))}")
        node.add(f"places: {escape(' / '.join(dateline['places']))}")
        if dateline["date_text"]:
            node.add(f"date: {escape(dateline['date_text'])} ({dateline['date']})")
        node.add(f"separator: {escape(repr(dateline['separator']))}")
    else:
        root.add("[bold]dateline[/] [yellow]none found[/]")
    quotes = root.add(f"[bold]quotes[/] ({len(data['quotes'])})")
    for quote in _shown(data["quotes"]):
        if quote["speaker"]:
            who = escape(quote["speaker"])
        elif quote.get("unsure_speaker"):
            who = f"[yellow]unsure: perhaps {escape(quote['unsure_speaker'])}[/]"
        else:
            who = "[red]no speaker[/]"
        text = quote["text"] if len(quote["text"]) < 70 else quote["text"][:67] + "..."
        quotes.add(
            f"{_where(quote['span'])} {quote['kind']}: {who} [dim]({escape(quote['verb'] or '')})[/] {escape(text)}"
        )
    _more(data["quotes"], quotes)
    sections = root.add(f"[bold]sections[/] ({len(data['sections'])})")
    for section in _shown(data["sections"]):
        sections.add(f"{_where(section['span'])} {section['kind']}: {escape(section['heading'])}")
    _more(data["sections"], sections)
    contacts = root.add(f"[bold]contacts[/] ({len(data['contacts'])})")
    for contact in _shown(data["contacts"]):
        parts = [contact[k] for k in ("name", "region", "organization", "email", "phone", "mobile") if contact[k]]
        contacts.add(f"{escape(', '.join(parts))} [dim]({contact['source']})[/]")
    _more(data["contacts"], contacts)
    if data["end_mark"]:
        root.add(f"[bold]end mark[/] {_where(data['end_mark']['span'])} {escape(data['end_mark']['text'])}")
    if data.get("unsure"):
        unsure = root.add(f"[bold]unsure[/] ({len(data['unsure'])})")
        for doubt in _shown(data["unsure"]):
            unsure.add(f"[yellow]{escape(doubt)}[/]")
        _more(data["unsure"], unsure)
    if data["problems"]:
        problems = root.add(f"[bold]problems[/] ({len(data['problems'])})")
        for p in _shown(data["problems"]):
            problems.add(f"{_where(p['span'])} {p['code']} {escape(p['message'])}")
        _more(data["problems"], problems)
    return root


@app.command("inspect", cls=LightCommand)
def inspect_command(
    path: Annotated[Path, typer.Argument(help="A release file, or - for standard input.")],
    format: Annotated[InspectFormat, typer.Option("--format", "-f", help="tree or json.")] = InspectFormat.tree,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    timeout: TimeoutOption = DEFAULT_SECONDS,
) -> None:
    """Show what the parser understood: dateline, quotes and speakers, sections, contacts."""
    existing_paths([path])
    with file_budget(timeout, shown_name(path)):
        _inspect(path, format, config, isolated)


def _inspect(path: Path, format: InspectFormat, config: Path | None, isolated: bool) -> None:
    source = None if str(path) == "-" else path  #: None: standard input
    if source is not None and source.is_dir():
        from .root import fail

        fail(f"{path}: is a folder; inspect takes one release file")
    release = parse_file(source, config_mod.for_path(source, config, isolated))
    data = summarize(release)
    if format is InspectFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        console().print(_tree(data))
    if any(problem.code == "PR004" for problem in release.problems):
        raise SystemExit(1)  # nothing (or not everything) could be read: what is shown is not the release
