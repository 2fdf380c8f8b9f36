"""Helpers for the importer tests: fixtures by name, import with no config, lint errors."""

from __future__ import annotations

from pathlib import Path

from pressrelease.config import DEFAULT, Config
from pressrelease.importer import ImportResult, import_file
from pressrelease.lint.engine import lint

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def imported(name: str, config: Config = DEFAULT, **options: str) -> ImportResult:
    """Import ``tests/fixtures/import/<name>`` with the built-in config (no organisations)."""
    return import_file(FIXTURES / name, config, **options)  # type: ignore[arg-type]


def lint_errors(result: ImportResult, config: Config = DEFAULT) -> list[str]:
    """``CODE line: message`` for every error-severity finding on the imported release."""
    return [f"{d.code} {d.span.line}: {d.message}" for d in lint(result.release, config) if d.severity == "error"]


def body_texts(result: ImportResult) -> list[str]:
    """The plain text of each body block, as the parser reads it."""
    release = result.release
    return [release.blocks[i].text for i in release.body]


def found(result: ImportResult) -> dict[str, str]:
    return dict(result.found)
