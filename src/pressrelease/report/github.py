"""GitHub Actions workflow commands: one ``::error file=...::message`` line per finding.

GitHub shows these as annotations on the pull request's diff. ``info`` becomes a
``notice``. Property values and messages are escaped as the runner expects
(``%``, CR and LF everywhere; ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lint.runner import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            s = d.span
            props = (
                f"file={_property(d.path)},line={s.line},col={s.column},endLine={s.end_line},"
                f"endColumn={s.end_column},title={_property(f'{d.code} {d.name}')}"
            )
            lines.append(f"::{LEVELS.get(d.severity, 'warning')} {props}::{_data(d.message)}")
    return "".join(line + "\n" for line in lines)
