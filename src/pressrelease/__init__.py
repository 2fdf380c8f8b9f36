"""pressrelease: write, check and send press releases.

The public API: ``parse`` and ``parse_file`` turn a release into a :class:`Release`;
lint and build take that model (see ``pressrelease.lint`` and ``pressrelease.build``).
"""

from __future__ import annotations

from .config import Config
from .errors import ConfigError, PressReleaseError, ReadError, RenderError
from .model import Release
from .parse import parse, parse_file

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "PressReleaseError",
    "ReadError",
    "Release",
    "RenderError",
    "__version__",
    "parse",
    "parse_file",
]
