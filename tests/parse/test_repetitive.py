"""Long repetitive inputs (issue 16): the parser and the rules finish on them and stay consistent.

The shapes are those of ``bench/adversarial.py`` (a word repeated thousands of
times, runs of one mark, a label followed by a mile of spaces); hypothesis picks the
unit, how often it repeats and where in a release it goes. Nothing here measures
time, but each example is 10-40 KB, which the old quadratic paths took seconds to
minutes on, so a regression shows as a test run that crawls (and bench/adversarial.py
gives the numbers). Example counts are small to keep the suite quick.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressrelease.config import DEFAULT
from pressrelease.lint.engine import lint
from pressrelease.parse import parse

RELEASE = """---
title: Ten new ferries for the lake towns
date: 2026-03-26
location: LAKETOWN
---

LAKETOWN, 26 March 2026 – {lede}The lake authority will buy ten electric ferries, it said today.

{body}

“The ferries will run every twenty minutes,” said Mira Olsen, the authority's director.

## Contact

Press Office
Email: press@lake.example.org
Tel: +44 20 7946 0321
{contact}
"""

UNITS = [
    "said ",
    "said the ",
    "Ann Lee, Bo Park, ",
    "Ann ",
    "`",
    "`a`` ",
    "“",
    '"',
    '"!" ',
    "“word” ",
    "“word ",
    "w",
    "www.",
    "a@",
    "1",
    "12 ",
    " ",
    ".",
    "a, ",
    "26 March 2026 ",
    "[link](https://example.org/a) ",
    "\n# Heading\n",
    "\n- item",
    "[INSERT NAME] ",
    "[insert ",
    "ABC ",
    "(",
    "_",
    "*",
    "<",
    "![",
]

shapes = st.tuples(
    st.sampled_from(UNITS),
    st.integers(min_value=2_000, max_value=8_000),
    st.sampled_from(["lede", "body", "contact"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(shapes)
def test_parse_and_lint_finish_on_long_repetitions(shape: tuple[str, int, str]) -> None:
    unit, times, where = shape
    blob = (unit * times)[:40_000]
    parts = {"lede": "", "body": "The plan was approved in March.", "contact": ""}
    parts[where] = blob + (" " if where == "lede" else "")
    text = RELEASE.format(**parts)
    release = parse(text)
    assert release.source == text
    for block in release.blocks:
        assert 1 <= block.span.line <= block.span.end_line <= text.count("\n") + 1
    findings = lint(release, DEFAULT)
    assert not [f for f in findings if "internal error" in f.message]
