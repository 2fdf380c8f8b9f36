"""Lint rules about suppression comments (PR009, PR010).

Their findings come from the engine (``lint/suppress.py``), which alone knows what
every other rule found and what each comment silenced; the check functions here
yield nothing. They are declared like every other rule so that selection, severity
overrides, ``pressrelease rules`` and docs/rules.md treat them the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..registry import Context, Finding, Rule, rule
from ._example import NOTES, QUOTE, example

_PLAIN = "County officials said the plants would also supply three hospitals and twelve schools."
_BRAND = "The solar panels were donated by the Sunny! Foundation, a charity founded by local engineers."


def _example(comment: str, line: str) -> str:
    """The example release with a paragraph of ``line`` under a suppression ``comment``."""
    return example(QUOTE, f"{comment}\n{line}", "###", NOTES)


def _none(context: Context) -> Iterator[Finding]:
    """The engine produces these findings (see ``lint/suppress.py``)."""
    return iter(())


bad_suppression = rule(
    "PR009",
    "bad-suppression",
    "warning",
    summary="A suppression comment names an unknown rule, or is not a known directive.",
    why=(
        "A misspelt code in a suppression comment silences nothing, so the finding the writer meant to "
        "accept keeps coming back and the comment misleads the next reader. Codes and names are those of "
        "`pressrelease rules`; the directives are disable, enable, disable-next-line, disable-line and "
        "disable-file (markdownlint's set)."
    ),
    bad=_example("<!-- pressrelease-disable-next-line PR7009 brand name -->", _BRAND),
    good=_example("<!-- pressrelease-disable-next-line exclamation the brand name has a '!' -->", _BRAND),
)(_none)

unused_suppression = rule(
    "PR010",
    "unused-suppression",
    "info",
    fixable=True,
    summary="A suppression comment that suppressed nothing.",
    why=(
        "Suppressions outlive the text they were written for; a stale one hides the next real problem in "
        "its range. ruff's RUF100 (unused-noqa) is the model: report it, and let --fix remove the comment. "
        "It is reported only when every rule the comment names ran."
    ),
    bad=_example("<!-- pressrelease-disable-next-line exclamation -->", _PLAIN),
    good=_example("<!-- pressrelease-disable-next-line exclamation the brand name has a '!' -->", _BRAND),
)(_none)

RULES: tuple[Rule, ...] = (bad_suppression, unused_suppression)
