"""Write the generated data file: ``python -m pressrelease.gendata`` (``make data``).

``data/phones.json``: what phonenumbers counts digits with (see :mod:`.parse.phones`).
A test fails while it differs from what this module would write.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .atomic import write_atomic
from .parse import phones


def outputs() -> dict[Path, str]:
    """Each generated file and the text it should hold."""
    return {phones.TABLE: phones.render()}


def main() -> int:
    for path, text in outputs().items():
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            write_atomic(path, text.encode("utf-8"))
            sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
