"""The package root: light to import, its names loaded on first use, no name shadowing a module."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import pressrelease

PROBE = """
import json, sys
import pressrelease
print(json.dumps(sorted(m for m in sys.modules if m.startswith("pressrelease"))))
import pressrelease.parse as package
from pressrelease import parse_file
print(json.dumps([type(package).__name__, package.__name__, parse_file.__module__]))
"""


def test_importing_the_root_loads_only_the_errors_and_its_names_come_when_asked() -> None:
    """In a fresh interpreter: the console script pauses the cycle collector after the root's
    import and before the modules a command loads (budget.pause_start_up)."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    loaded, names = (json.loads(line) for line in done.stdout.splitlines())
    assert loaded == ["pressrelease", "pressrelease.errors"]
    assert names == ["module", "pressrelease.parse", "pressrelease.parse.release"]


def test_every_public_name_resolves() -> None:
    for name in pressrelease.__all__:
        assert getattr(pressrelease, name) is not None
    assert pressrelease.Config is importlib.import_module("pressrelease.config").Config
    assert pressrelease.Release is importlib.import_module("pressrelease.model").Release


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="lint_release"):
        pressrelease.lint_release  # type: ignore[attr-defined]  # noqa: B018
