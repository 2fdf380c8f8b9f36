"""PyYAML imported through pressrelease.pyyaml: the same reader, a cheaper compile."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import yaml

from pressrelease import pyyaml


def test_the_pattern_is_pyyamls_own() -> None:
    """If PyYAML changes it, the swap stops applying: this says so."""
    source = Path(yaml.reader.__file__).read_text(encoding="utf-8")
    assigned = [
        node.value.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "NON_PRINTABLE" for t in node.targets)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.args[0], ast.Constant)
    ]
    assert assigned == [pyyaml.NON_PRINTABLE]


def test_both_patterns_match_the_same_characters() -> None:
    everything = "".join(map(chr, range(0x110000)))
    original = [(m.start(), m.group()) for m in re.finditer(pyyaml.NON_PRINTABLE, everything)]
    cheaper = [(m.start(), m.group()) for m in re.finditer(pyyaml.SAME_CHARACTERS, everything)]
    assert cheaper == original
    # C0 controls but tab, LF, CR (29); DEL; C1 controls but NEL (31); surrogates; U+FFFE, U+FFFF
    assert len(original) == 29 + 1 + 31 + 0x800 + 2


def test_importing_pressrelease_swaps_the_pattern_and_restores_re_compile() -> None:
    probe = (
        "import re\n"
        "real = re.compile\n"
        "import pressrelease, yaml\n"
        "print(yaml.reader.Reader.NON_PRINTABLE.pattern == pressrelease.pyyaml.SAME_CHARACTERS, re.compile is real)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_the_reader_still_refuses_non_printable_characters() -> None:
    try:
        yaml.reader.Reader("title: a\x07b\n")  # the reader checks what it is given
    except yaml.reader.ReaderError as exc:
        assert "#x0007" in str(exc)
    else:
        raise AssertionError("a BEL character passed the reader")
