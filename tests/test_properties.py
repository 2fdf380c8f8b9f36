"""Property tests: ``parse`` never raises on content, and what it returns stays consistent.

Example counts are kept moderate (the whole suite must stay under a minute); the
fragment strategy aims at the parser's hard parts: quotation marks, dashes, block
quotes, headings, fences, emails and numbers, in any order.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressrelease.model import Release, Span
from pressrelease.parse import parse

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRONT = (
    "---\ntitle: T\ndate: 2024-07-19\nlocation: Minsk\ncontacts:\n  - name: Jane Doe\n    email: j@example.org\n---\n"
)

FRAGMENTS = [
    "“",
    "”",
    "«",
    "»",
    "„",
    '"',
    "‘",
    "’",
    " – ",
    " - ",
    " -- ",
    " — ",
    "—",
    "\n",
    "\n\n",
    "> ",
    "\n> ",
    "## ",
    "\n## Contact\n\n",
    "\n## Notes to editors\n\n",
    "\n## About Acme\n\n",
    "\n---\n",
    "---",
    "\n###\n",
    "ENDS",
    "-30-",
    "```",
    "\n    code\n",
    "<!-- pressrelease-disable PR303 -->",
    "<!--",
    "-->",
    "jane@example.org",
    "<jane@example.org>",
    "+41 79 403 5526",
    "Tel: ",
    "Email: ",
    "In Belarus: ",
    "19 July 2024",
    "July 19, 2024",
    "Oct. 16",
    "2024-07-19",
    "Friday, ",
    "MINSK, Belarus, ",
    "Minsk",
    "GENEVA/NEW YORK",
    "/PRNewswire/",
    "(UNEP)",
    " said Jane Doe",
    " he remarked",
    ", a-t-elle ajouté",
    "Dr. ",
    "said:",
    "According to ",
    "We will build more homes this year.",
    "[link](https://example.org)",
    "**",
    "_",
    "`",
    "* ",
    "1. ",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "\t",
    "\r\n",
    "\ufeff",
    "0",
    "123",
    " ",
    ".",
    ",",
    ":",
]

fragments = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)


def check(release: Release) -> None:
    """What every parse result must satisfy, whatever the input."""
    n_lines = max(1, release.source.count("\n") + 1)

    def inside(span: Span) -> None:
        assert 1 <= span.line <= span.end_line <= n_lines + 1, span
        assert span.column >= 1 and span.end_column >= 1, span

    for block in release.blocks:
        inside(block.span)
    for quote in release.quotes:
        inside(quote.span)
        assert 0 <= quote.block < len(release.blocks)
        assert quote.attributed == bool(quote.speaker)
    for problem in release.problems:
        assert problem.code.startswith("PR")
        if problem.code == "PR004":
            # An unreadable file keeps no text; the line is the file's, and nothing else is parsed.
            assert release.source == "" and release.blocks == () and len(release.problems) == 1
            continue
        inside(problem.span)
    for section in release.sections:
        assert all(0 <= i < len(release.blocks) for i in section.blocks)
    assert all(0 <= i < len(release.blocks) for i in release.body)
    if release.dateline is not None:
        inside(release.dateline.span)
        assert release.dateline.places and release.dateline.separator in ("-", "–", "—", "--", "——")
    assert release.slug and all(ch in "abcdefghijklmnopqrstuvwxyz0123456789-" for ch in release.slug)


@FAST
@given(st.text())
def test_parse_never_raises_on_any_text(text: str) -> None:
    check(parse(text))


@FAST
@given(st.text())
def test_parse_never_raises_after_a_valid_front_matter(text: str) -> None:
    release = parse(FRONT + text)
    check(release)
    assert release.title == "T" or any(p.code == "PR004" for p in release.problems)


@FAST
@given(fragments)
def test_parse_never_raises_on_markdown_fragments(body: str) -> None:
    check(parse(FRONT + "\n" + body))


@FAST
@given(fragments)
def test_parse_never_raises_on_fragments_in_the_front_matter(yaml: str) -> None:
    check(parse("---\n" + yaml + "\n---\n\nGENEVA – Lede.\n"))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_parse_file_never_raises_on_bytes(data: bytes) -> None:
    import tempfile
    from pathlib import Path

    from pressrelease import parse_file
    from pressrelease.config import DEFAULT

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "release.md"
        path.write_bytes(data)
        check(parse_file(path, DEFAULT))


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="“”«»„\"' \n>abc.,", max_size=60))
def test_quote_marks_never_raise_and_problems_point_at_marks(body: str) -> None:
    release = parse(FRONT + "\n" + body)
    check(release)
    lines = release.source.split("\n")
    for problem in release.problems:
        if problem.code == "PR302":
            assert lines[problem.span.line - 1][problem.span.column - 1] in '“”«»„"', problem
