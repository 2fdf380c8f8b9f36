"""A run imports the module of the command it names, and no other command's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pressrelease.cli.dispatch import MODULES, commands


def test_every_command_is_found_in_the_module_the_table_names() -> None:
    registered = {info.name: info.callback.__module__ for info in commands().registered_commands}  # type: ignore[union-attr]
    assert registered == {name: f"pressrelease.cli.{module}" for name, module in MODULES.items()}


@pytest.mark.parametrize("command", ["site", "lint", "import"])
def test_a_run_imports_only_its_commands_module(command: str) -> None:
    probe = (
        "import json, sys\n"
        "from pressrelease.cli.dispatch import for_command\n"
        f"assert [i.name for i in for_command([{command!r}, 'x']).registered_commands] == [{command!r}]\n"
        "print(json.dumps([m for m in sys.modules if m.startswith('pressrelease.cli.') and m.count('.') == 2]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    loaded = {name.removeprefix("pressrelease.cli.") for name in json.loads(done.stdout)}
    assert loaded & set(MODULES.values()) == {MODULES[command]}
