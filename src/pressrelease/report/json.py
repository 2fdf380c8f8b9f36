"""One JSON array, the schema in docs/lint.md: 1-based lines and columns, end column exclusive."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic
    from ..lint.runner import FileResult


def item(d: Diagnostic) -> dict[str, Any]:
    """One finding as docs/lint.md spells it."""
    fix = None
    if d.fix is not None:
        fix = {
            "description": d.fix.description,
            "edits": [
                {
                    "line": e.span.line,
                    "column": e.span.column,
                    "end_line": e.span.end_line,
                    "end_column": e.span.end_column,
                    "text": e.text,
                }
                for e in d.fix.edits
            ],
        }
    return {
        "path": d.path,
        "line": d.span.line,
        "column": d.span.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "code": d.code,
        "name": d.name,
        "severity": d.severity,
        "message": d.message,
        "fix": fix,
    }


def render(results: Sequence[FileResult]) -> str:
    return json.dumps([item(d) for r in results for d in r.diagnostics], ensure_ascii=False, indent=2) + "\n"
