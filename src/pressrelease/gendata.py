"""Write the generated data files: ``python -m pressrelease.gendata`` (``make data``).

- ``data/parsed.json``: the TOML data files, parsed (see :mod:`.lang`).
- ``data/phones.json``: what phonenumbers counts digits with (see :mod:`.phones`).

A test fails while either differs from what this module would write.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .atomic import write_atomic
from .parse import language as lang
from .parse import phones


def outputs() -> dict[Path, str]:
    """Each generated file and the text it should hold."""
    return {lang.PARSED: lang.render_parsed(), phones.TABLE: phones.render()}


def main() -> int:
    for path, text in outputs().items():
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            write_atomic(path, text.encode("utf-8"))
            sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
