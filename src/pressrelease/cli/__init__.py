"""The ``pressrelease`` command: a thin typer layer over the library.

Each command lives in its own module here and only turns options into library
calls and errors into exit codes (0 done, 1 findings or a failed build, 2 usage,
missing path, malformed config). Heavy packages are imported inside commands, so
``--help`` and ``lint`` stay fast.
"""

from __future__ import annotations

import sys

from . import build as _build  # noqa: F401  (registers its commands)
from . import importer as _importer  # noqa: F401
from . import inspect as _inspect  # noqa: F401
from . import lint as _lint  # noqa: F401
from .app import app, main

__all__ = ["app", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
