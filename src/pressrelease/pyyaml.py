"""PyYAML, imported without compiling its slowest regular expression the slow way.

PyYAML's ``Reader`` compiles ``NON_PRINTABLE`` when its module is imported: a
character class of everything printable, with ranges up to U+FFFD and beyond.
Python's regex compiler fills such a range one code point at a time, in Python:
about 57 M instructions, a tenth of a one-file ``pressrelease lint`` (PyYAML knows:
yaml/pyyaml#124 and #301, open since 2018). The characters it matches, the
non-printable ones, are a few short ranges; written that way the same set compiles
in a fraction of a millisecond.

So the first import of ``yaml`` goes through here (``pressrelease/__init__.py``
imports this module first) with ``re.compile`` swapped, for that import only, for
one that compiles exactly that pattern as its complement. Every other pattern is
compiled as given. Should PyYAML change the pattern, nothing is swapped and it is
compiled as before (a test notices).
"""

from __future__ import annotations

import re
import sys
from typing import Any

#: PyYAML's pattern, character for character (yaml/reader.py)
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: The characters it matches, the complement of its set within U+0000-U+10FFFF. The
#: ones above U+00FF stand in a lookahead of their own: in one class with the others
#: they would make the compiler build a 64K-entry bitmap (0.9 ms instead of 0.3).
SAME_CHARACTERS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]|(?=[\ud800-\udfff\ufffe\uffff])."


def _import() -> None:
    if "yaml" in sys.modules:
        return
    real = re.compile

    def compile(pattern: Any, flags: Any = 0) -> Any:
        return real(SAME_CHARACTERS if pattern == NON_PRINTABLE else pattern, flags)

    re.compile = compile  # type: ignore[assignment]
    try:
        import yaml  # noqa: F401  # the import this module exists for
    finally:
        re.compile = real


_import()
