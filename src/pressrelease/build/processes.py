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
import threading
import time
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


def init_worker(pdf: bool, parent: int | None = None) -> None:
    """Once per worker process: WeasyPrint imported and one PDF renderer made, if PDFs are wanted.

    ``parent`` is the build's process id when workers are forked from it (see
    :func:`exit_with_parent`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    exit_with_parent(parent)
    if pdf:
        pdf_renderer()


def exit_with_parent(parent: int | None = None, every: float = 0.5) -> None:
    """End this worker soon after its parent dies (``kill -9`` included).

    A worker waits for tasks on a pipe whose writing end it inherited, so it never
    sees the end of it: without this, a killed build leaves its workers blocked
    forever. A daemon thread notices the worker being handed to another parent.
    (Linux's ``PR_SET_PDEATHSIG`` fires when the *thread* that forked exits, which
    in a pool need not be the main one.)

    ``parent`` is the process the worker was forked from, known before the fork: a
    parent killed between the fork and this call has already handed the worker to
    another, and asking ``getppid()`` here would watch that one for ever. Without it
    (workers from a forkserver), the parent at this call is watched.
    """
    if parent is None:
        parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        try:
            close_pdf_renderer()  # its temporary font files; os._exit runs no finalizers
        finally:
            os._exit(1)  # nobody is left to collect the results

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


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
