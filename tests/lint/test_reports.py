"""The five output formats and the statistics table."""

from __future__ import annotations

import io
import json
import re

from rich.console import Console

from pressrelease.lint.engine import Diagnostic
from pressrelease.lint.registry import Edit, Fix
from pressrelease.lint.runner import FileResult
from pressrelease.model import Span
from pressrelease.report import concise, github, sarif, statistics, summary, text
from pressrelease.report import json as json_report

from .fakes import BASE

SOURCE = "---\ntitle: T\n---\n\n“We will not stop,” the statement read.\n"
QUOTE = Diagnostic(
    "news/a.md", Span(5, 1, 5, 20), "PR303", "unattributed-quote", "error", "a quotation with no speaker"
)
TITLE = Diagnostic(
    "news/a.md",
    Span(2, 8, 2, 9),
    "PR104",
    "headline-trailing-period",
    "warning",
    "headline ends with a full stop",
    Fix("remove the full stop", (Edit(Span(2, 8, 2, 9), ""),)),
)
RESULTS = [
    FileResult("news/a.md", (TITLE, QUOTE), SOURCE, "error"),
    FileResult("news/b.md", (), "", "error"),
]


def rendered(results: list[FileResult], show_statistics: bool = False, colour: bool = False) -> str:
    """The text report as written to a pipe, or in colour through rich."""
    buffer = io.StringIO()
    lines = text.statistics_table(results) if show_statistics else text.report(results)
    console = Console(file=buffer, force_terminal=colour, color_system="standard" if colour else None, width=60)
    text.write(buffer, lines, (lambda: console) if colour else None)
    return buffer.getvalue()


def test_text_shows_a_code_frame_with_a_caret_under_the_span() -> None:
    out = rendered(RESULTS)
    lines = out.splitlines()
    start = lines.index("PR303 [error] unattributed-quote: a quotation with no speaker")
    assert lines[start + 1] == "  --> news/a.md:5:1"
    assert lines[start + 3] == "5 | “We will not stop,” the statement read."
    assert lines[start + 4] == "  | " + "^" * 19
    assert "PR104 [warning] [*] headline-trailing-period" in out
    assert "= fix: remove the full stop" in out
    assert lines[-1] == "Found 1 error, 1 warning, 0 info in 1 of 2 files (1 fixable with --fix)."


def test_text_is_one_summary_line_when_nothing_is_found() -> None:
    assert rendered([FileResult("a.md", (), "x", "error")] * 3) == "No problems found in 3 files.\n"


#: A release's own text that rich would once have read: markup, an emoji code, and
#: control characters (an escape sequence, a form feed) that must never reach a terminal.
ODD = "x [bold]y[/bold] :thumbs_up: \x1b[31mred\x1b[0m\x0cend \\[z]\tw"
ODD_RESULT = FileResult(
    "odd [1].md",
    (Diagnostic("odd [1].md", Span(1, 3, 1, 8), "PR999", "odd", "info", f"about {ODD}"),),
    ODD,
    "error",
)


def test_text_shows_a_release_s_text_as_written_and_control_characters_as_symbols() -> None:
    lines = rendered([ODD_RESULT]).splitlines()
    shown = "x [bold]y[/bold] :thumbs_up: \u241b[31mred\u241b[0m\u240cend \\[z] w"
    assert lines[0] == f"PR999 [info] odd: about {shown}"
    assert lines[1] == "  --> odd [1].md:1:3"
    assert lines[3] == f"1 | {shown}"
    assert lines[4] == "  |   ^^^^^"  # under "[bold", the sixth character, for five
    assert not any(ord(c) < 0x20 for c in "".join(lines))


def test_colour_changes_only_the_colours() -> None:
    plain = rendered([ODD_RESULT, *RESULTS])
    coloured = rendered([ODD_RESULT, *RESULTS], colour=True)
    assert "\x1b[1;31m[error]" in coloured  # rich's codes, for the severity
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_long_lines_are_cut_around_the_finding() -> None:
    line = "word " * 60 + "TARGET" + " word" * 60
    start = line.index("TARGET")
    shown, a, b = text.window(line, start, start + 6)
    assert len(shown) <= text.WINDOW + 2
    assert shown[a:b] == "TARGET"
    assert shown.startswith("…") and shown.endswith("…")
    assert text.window("short", 1, 3) == ("short", 1, 3)


def test_summary_counts_and_plurals() -> None:
    assert summary(RESULTS) == "Found 1 error, 1 warning, 0 info in 1 of 2 files (1 fixable with --fix)."
    one = [FileResult("a.md", (QUOTE, QUOTE), SOURCE, "error")]
    assert summary(one) == "Found 2 errors, 0 warnings, 0 info in 1 file."


def test_concise_is_one_line_per_finding() -> None:
    out = concise.render(RESULTS).splitlines()
    assert out[0] == "news/a.md:2:8: PR104 [warning] headline-trailing-period: headline ends with a full stop"
    assert out[1] == "news/a.md:5:1: PR303 [error] unattributed-quote: a quotation with no speaker"
    assert out[2].startswith("Found 1 error")


def test_json_matches_the_cli_schema_exactly() -> None:
    data = json.loads(json_report.render(RESULTS))
    assert isinstance(data, list) and len(data) == 2
    keys = ["path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"]
    assert all(list(item) == keys for item in data)
    assert data[1]["fix"] is None
    assert data[0]["fix"] == {
        "description": "remove the full stop",
        "edits": [{"line": 2, "column": 8, "end_line": 2, "end_column": 9, "text": ""}],
    }
    assert json.loads(json_report.render([])) == []


def test_github_annotations_escape_properties_and_messages() -> None:
    odd = Diagnostic("a,b:c.md", Span(1, 2, 3, 4), "PR709", "exclamation", "info", "50% off!\nreally")
    out = github.render([FileResult("a,b:c.md", (odd, QUOTE), "", "error")]).splitlines()
    assert out[0] == (
        "::notice file=a%2Cb%3Ac.md,line=1,col=2,endLine=3,endColumn=4,title=PR709 exclamation::50%25 off!%0Areally"
    )
    assert out[1] == (
        "::error file=news/a.md,line=5,col=1,endLine=5,endColumn=20,title=PR303 unattributed-quote"
        "::a quotation with no speaker"
    )


def test_sarif_has_the_shape_of_2_1_0() -> None:
    log = json.loads(sarif.render(RESULTS, BASE))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "pressrelease" and isinstance(driver["version"], str)
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.code for r in BASE]
    for rule in driver["rules"]:
        assert set(rule) >= {"id", "name", "shortDescription", "help", "defaultConfiguration"}
        assert isinstance(rule["shortDescription"]["text"], str) and isinstance(rule["help"]["text"], str)
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["PR104", "PR303"]
    for result in results:
        assert result["level"] in ("error", "warning", "note", "none")
        assert isinstance(result["message"]["text"], str)
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "news/a.md"
        region = physical["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endLine"))
        if "ruleIndex" in result:
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    quote = results[1]
    assert quote["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5,
        "startColumn": 1,
        "endLine": 5,
        "endColumn": 20,
    }
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["deletedRegion"]["startColumn"] == 8 and fix["insertedContent"]["text"] == ""


def test_statistics_count_per_rule() -> None:
    results = [FileResult("a.md", (QUOTE, TITLE, QUOTE), SOURCE, "error")]
    assert statistics(results) == [
        (2, "PR303", "unattributed-quote", False),
        (1, "PR104", "headline-trailing-period", True),
    ]
    out = rendered(results, show_statistics=True).splitlines()
    assert out[0] == "    2  PR303  unattributed-quote"
    assert out[1] == "    1  PR104  [*] headline-trailing-period"
