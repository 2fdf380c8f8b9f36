"""Lint rules about suppression comments (PR009, PR010).

Their findings come from the engine (``lint/suppress.py``), which alone knows what
every other rule found and what each comment silenced; the check functions here
yield nothing. They are declared like every other rule so that selection, severity
overrides, ``pressrelease rules`` and docs/rules.md treat them the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..registry import Context, Finding, Rule, rule

_RELEASE = """\
---
title: Water Authority Opens Three Treatment Plants in Northern Region
date: 2026-03-20
location: Nairobi
organization:
  name: Clean Water Alliance
  short_name: CWA
  boilerplate: The Clean Water Alliance brings safe water to rural communities in East Africa.
  acronyms: [CWA]
language: en
contacts:
  - name: Amina Odhiambo
    title: Communications Officer
    email: amina.odhiambo@example.org
    phone: "+254 20 555 0142"
---

Nairobi – Three new water treatment plants opened on Friday, 20 March 2026, in the northern region, bringing safe drinking water to about 400,000 people.

The plants were built over two years with support from county governments and local engineers. Each plant can treat six million litres a day and runs on solar power.

“Safe water changes everything for a family: children stay in school and mothers no longer walk for hours,” said Grace Wanjiru, director of the Clean Water Alliance.

{comment}
{line}

“We trained two hundred technicians so that the plants keep running long after the ribbon is cut,” she added.

###

## Notes to editors

Photographs of the plants are available on request.

## Contact

Amina Odhiambo, Communications Officer, CWA
Email: amina.odhiambo@example.org
Tel: +254 20 555 0142
"""

_PLAIN = "County officials said the plants would also supply three hospitals and twelve schools."
_BRAND = "The solar panels were donated by the Sunny! Foundation, a charity founded by local engineers."


def _example(comment: str, line: str) -> str:
    return _RELEASE.replace("{comment}", comment).replace("{line}", line)


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
