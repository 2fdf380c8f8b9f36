"""What a user can read cites what a user can open: never a file outside the repository.

The tool's texts (rule reasons and summaries, messages, templates, data files) may
name the project's own docs as ``docs/NAME.md``, never a bare ``conventions.md``,
``cli.md``, ``rendering.md`` or ``format.md`` (design notes that were never shipped).
"""

from __future__ import annotations

import re
from pathlib import Path

from pressrelease.lint.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
UNSHIPPED = re.compile(r"(?<![\w/.-])(?:conventions|cli|rendering|format)\.md\b")


def test_no_rule_text_names_a_file_the_user_cannot_open() -> None:
    named = [(r.code, f) for r in ALL_RULES for f in ("why", "summary") if UNSHIPPED.search(getattr(r, f))]
    assert named == []


def test_no_source_template_or_data_file_names_one() -> None:
    folders = [ROOT / "src" / "pressrelease", ROOT / "templates"]
    named = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in (".py", ".toml", ".j2", ".md", ".css", ".html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNSHIPPED.search(line)
    ]
    assert named == []


def test_the_pattern_tells_a_bare_name_from_the_projects_docs() -> None:
    assert UNSHIPPED.search("see conventions.md R15") and UNSHIPPED.search("(cli.md, safety)")
    assert not UNSHIPPED.search("docs/format.md") and not UNSHIPPED.search("[the conventions](./conventions.md)")
