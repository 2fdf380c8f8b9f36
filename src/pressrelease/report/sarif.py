"""SARIF 2.1.0: for GitHub code scanning and other SARIF viewers.

``tool.driver.rules`` lists every registered rule (id, name, short description,
help, default level); each result points at its rule by id and index, with a
1-based region whose end column is exclusive, as SARIF and our spans both count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..model import STDIN_NAME

if TYPE_CHECKING:
    from ..lint.engine import Diagnostic
    from ..lint.registry import Rule
    from ..lint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path == STDIN_NAME:
        return "stdin"
    p = Path(path)
    return p.as_uri() if p.is_absolute() else p.as_posix()


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.summary}. {rule.why}", "markdown": f"**{rule.summary}**\n\n{rule.why}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable, "profiles": list(rule.profiles)},
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    s = d.span
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.path)},
                    "region": {
                        "startLine": s.line,
                        "startColumn": s.column,
                        "endLine": s.end_line,
                        "endColumn": s.end_column,
                    },
                }
            }
        ],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": d.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": e.span.line,
                                    "startColumn": e.span.column,
                                    "endLine": e.span.end_line,
                                    "endColumn": e.span.end_column,
                                },
                                "insertedContent": {"text": e.text},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def document(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    index = {rule.code: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pressrelease",
                        "version": __version__,
                        "informationUri": "https://github.com/pressrelease/pressrelease",
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "results": [_result(d, index) for r in results for d in r.diagnostics],
            }
        ],
    }


def render(results: Sequence[FileResult], rules: Sequence[Rule]) -> str:
    return json.dumps(document(results, rules), ensure_ascii=False, indent=2) + "\n"
