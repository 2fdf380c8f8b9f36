"""The build's processes: one PDF renderer per process, the pool (the per-release budget is budget.py).

Kept apart from the pipeline (``pipeline.py``) because it is about processes, not
releases: which start method the pool uses, what each worker loads once when it
starts (WeasyPrint, the fonts, the stylesheets), and how a runaway render is stopped.
"""

from __future__ import annotations

import atexit
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RenderError
from ..exit_hooks import before_exit

if TYPE_CHECKING:
    from ..render.pdf import PdfRenderer


class RenderTimeout(RenderError):
    """A release ran past its deadline."""


_PDF: PdfRenderer | None = None


def pdf_renderer() -> PdfRenderer:
    """This process's one PDF renderer (WeasyPrint, fonts and stylesheets loaded once)."""
    global _PDF
    if _PDF is None:  # a forked worker may inherit its parent's: it is used, never freed
        import_weasyprint()
        from ..render.pdf import PdfRenderer

        _PDF = PdfRenderer()
        atexit.register(_drop_pdf_renderer)
        before_exit(close_pdf_renderer)  # the command line's quick exit runs no atexit handlers
    return _PDF


def import_weasyprint() -> None:
    """Import WeasyPrint (once; the library lookups answered quickly, see below)."""
    if "weasyprint" not in sys.modules:
        with _quick_library_lookup():
            import weasyprint  # noqa: F401


def _drop_pdf_renderer() -> None:
    """Free the renderer while WeasyPrint can still clean up (its ``__del__`` fails at shutdown)."""
    global _PDF
    _PDF = None


def close_pdf_renderer() -> None:
    """Remove this process's renderer's temporary font files now, for an exit that runs no finalizers."""
    global _PDF
    if _PDF is not None:
        _PDF.close()
        _PDF = None


@contextmanager
def _quick_library_lookup() -> Iterator[None]:
    """Answer ``ctypes.util.find_library`` from one ``ldconfig -p`` while WeasyPrint loads.

    WeasyPrint tries a dozen library names per library (Windows and macOS names too);
    cffi calls ``find_library`` for each that fails, and on Linux every call runs
    ``ldconfig`` (and gcc) in a subprocess: 0.4-0.8 s of a one-release build. One
    ``ldconfig -p`` read once answers them all; names it does not know are not found,
    which is what the slow path concludes too, since the names that work load directly.
    """
    import ctypes.util

    ldconfig = Path("/sbin/ldconfig")
    if not sys.platform.startswith("linux") or not ldconfig.exists():
        yield
        return
    import struct
    import subprocess

    try:
        listing = subprocess.run(
            [str(ldconfig), "-p"], capture_output=True, env={"LC_ALL": "C", "LANG": "C"}, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        yield
        return
    machine = f"{os.uname().machine}-{struct.calcsize('l') * 8}"
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit"}.get(machine, "libc6")
    abi = {"s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, abi)

    def find_library(name: str) -> str | None:  # the regex of CPython's _findSoname_ldconfig
        found = re.search(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}".encode(), listing)
        return os.fsdecode(found.group(1)) if found else None

    original = ctypes.util.find_library
    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original


def init_worker(pdf: bool) -> None:
    """Once per worker process: WeasyPrint imported and one PDF renderer made, if PDFs are wanted."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if pdf:
        pdf_renderer()


def pool_context() -> Any:
    """How the build's workers start (:func:`pressrelease.pools.start_context`). Forked,
    they start with what this process loaded (pool.py loads WeasyPrint and renders a
    small release first); from a forkserver, each loads WeasyPrint when it starts.

    The caller must start the workers (:func:`warm_up`) before it starts any thread of
    its own, such as a progress bar's.
    """
    from ..pools import start_context

    return start_context(["pressrelease.build.pool"])


def warm_up() -> None:
    """A task that does nothing: submitting it makes the pool start its workers now."""


def pool_size(jobs: int | None, files: int, pdf: bool) -> int:
    """Workers to start: 1 means in this process. A pool pays for itself only when a
    few PDFs, or many cheaper files, share it (bench/build.py)."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs <= 1 or files < (3 if pdf else 16):
        return 1
    return min(jobs, files)
