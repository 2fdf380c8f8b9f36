"""Options coerced without pydantic (cli/parameters.py) read numbers as typer's own
pydantic coercion does: the same values, the same messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer._adapters import build_leaf_adapter
from typer._click.exceptions import BadParameter

from cliutil import loaded_after, run_main
from pressrelease.cli.parameters import _leaf

TEXTS = ["3", " 5 ", "+5", "-2", "1_000", "2.0", "2.5", "5.", ".5", "1e1", "inf", "-inf", "x", "", "0x10", "１２"]
BOUNDS: list[dict[str, Any]] = [
    {},
    {"min": 1},
    {"min": 0},
    {"max": 10},
    {"min": 1, "max": 10},
    {"min": 1, "clamp": True},
]


def outcome(read: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "value", read(*args)
    except BadParameter as error:
        return "error", error.message
    except Exception as error:  # pydantic's ValidationError: its first message, as typer shows it
        return "error", error.errors()[0]["msg"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", [int, float])
@pytest.mark.parametrize("bounds", BOUNDS)
def test_numbers_read_as_typer_reads_them(kind: type, bounds: dict[str, Any]) -> None:
    info = typer.models.OptionInfo(**bounds)
    adapter = build_leaf_adapter(kind, info)
    for text in TEXTS:
        ours = outcome(_leaf, kind, text, True, info)
        theirs = outcome(adapter.validate_python, text)
        assert ours == theirs, (kind, bounds, text)
        assert type(ours[1]) is type(theirs[1]), (kind, bounds, text)


def test_not_a_number_is_nothing_in_any_range() -> None:
    info = typer.models.OptionInfo(min=0)
    assert outcome(_leaf, float, "nan", True, info) == (
        "error",
        "Input should be greater than or equal to 0",
    )


def test_a_bad_number_on_the_command_line_is_typers_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(monkeypatch, capsys, "site", str(tmp_path), "-o", str(tmp_path / "o"), "--per-page", "0")
    assert code == 2 and "Invalid value for '--per-page'" in err and "greater than or equal to 1" in err


def test_site_and_build_options_need_no_pydantic(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    argv = ["site", str(folder), "-o", str(tmp_path / "public"), "--per-page", "5", "-j", "1", "--no-search"]
    assert loaded_after(argv, ["pydantic"]) == (0, [])
    assert loaded_after(["build", "--help"], ["pydantic"]) == (0, [])
