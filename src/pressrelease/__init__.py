"""pressrelease: write, check and send press releases.

The public API: ``pressrelease.parse.parse`` and :func:`parse_file` turn a release
into a :class:`Release`; ``pressrelease.lint.engine.lint(release, config)`` checks it
and ``pressrelease.build.build(paths, options)`` renders releases. ``parse``, ``lint``
and ``build`` are not re-exported here: a function of the same name as a module
would shadow it (``import pressrelease.parse as m`` would bind the function).

Importing the package loads nothing but the error classes: :class:`Config`,
:class:`Release` and :func:`parse_file` are imported on first use (PEP 562). The
command line relies on it to pause the cycle collector while it loads the modules
a command needs (:func:`pressrelease.cli.run`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ConfigError, PressReleaseError, ReadError, RenderError

if TYPE_CHECKING:
    from .config import Config
    from .model import Release
    from .parse import parse_file

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "PressReleaseError",
    "ReadError",
    "Release",
    "RenderError",
    "__version__",
    "parse_file",
]

_LAZY = {"Config": "config", "Release": "model", "parse_file": "parse"}  #: name -> the module that defines it


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
