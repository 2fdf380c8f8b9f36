"""Running the command line in tests: in this process through a ``main()``, or in a
fresh interpreter to see which packages a command line imports."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable

import pytest

from pressrelease.cli.terminal import Color, state


def run_main(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    entry: Callable[[], int] | None = None,
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``pressrelease ARGS`` through ``entry`` (the typer
    app's main unless given), plain text at 200 columns, global options reset."""
    if entry is None:
        from pressrelease.cli.dispatch import main as entry

    monkeypatch.setattr(sys, "argv", ["pressrelease", *args])
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(state, "debug", False)
    monkeypatch.setattr(state, "color", Color.auto)
    code = entry()
    out, err = capsys.readouterr()
    return code, out, err


_PROBE = """
import json, sys
from pressrelease.cli import main
names = set(json.loads(sys.argv[1]))
sys.argv = ["pressrelease", *sys.argv[2:]]
code = main()
loaded = sorted({m.split(".")[0] for m in sys.modules} & names)
sys.stderr.write("PROBE=" + json.dumps([code, loaded]) + "\\n")
"""


def loaded_after(argv: Iterable[str], packages: Iterable[str]) -> tuple[int, list[str]]:
    """(exit code, which of ``packages`` were imported) after ``pressrelease ARGV`` in a fresh interpreter."""
    command = [sys.executable, "-c", _PROBE, json.dumps(sorted(packages)), *argv]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    line = next(line for line in done.stderr.splitlines() if line.startswith("PROBE="))
    code, loaded = json.loads(line.removeprefix("PROBE="))
    return code, loaded
