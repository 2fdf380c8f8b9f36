"""One line per finding, for editors and grep: ``path:line:col: PR303 [error] name: message``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import printable, summary

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic
    from ..lint.runner import FileResult


def line(d: Diagnostic) -> str:
    """``path:line:col: PR303 [error] name: message``, control characters made visible."""
    return printable(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} [{d.severity}] {d.name}: {d.message}")


def render(results: Sequence[FileResult]) -> str:
    lines = [line(d) for r in results for d in r.diagnostics]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
