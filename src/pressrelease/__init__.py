"""pressrelease: write, check and send press releases.

The public API: ``parse`` and ``parse_file`` turn a release into a :class:`Release`;
``pressrelease.lint.engine.lint(release, config)`` checks it and
``pressrelease.build.build(paths, options)`` renders releases. Those two are not
re-exported here: a function named ``lint`` or ``build`` on the package would
shadow the modules of the same names (``import pressrelease.lint as m`` would
then bind the function).
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
