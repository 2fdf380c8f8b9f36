"""Configuration: ``pressrelease.toml`` or ``[tool.pressrelease]`` in ``pyproject.toml``.

The closest config walking up from a release's folder wins; ``--config`` names one
outright and ``--isolated`` ignores them all. Validation collects every problem
with its file, line and key before it raises, so a writer fixes them in one go.

The values a config holds are in :mod:`.values`, the checks a file goes through in
:mod:`.checks`; this module finds a file and reads it, and every name a caller needs
is importable from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import ConfigError
from .checks import Checker, toml_error_line
from .values import (
    ALL_FORMATS,
    CONFIG_NAMES,
    DEFAULT,
    FORMATS,
    PROFILES,
    SEVERITIES,
    THRESHOLDS,
    BuildConfig,
    Config,
    Level,
    LintConfig,
    Paper,
    Profile,
    Term,
)

__all__ = [
    "ALL_FORMATS",
    "CONFIG_NAMES",
    "DEFAULT",
    "FORMATS",
    "PROFILES",
    "SEVERITIES",
    "THRESHOLDS",
    "BuildConfig",
    "Config",
    "Level",
    "LintConfig",
    "Paper",
    "Profile",
    "Term",
    "discover",
    "for_path",
    "load",
]


def discover(start: Path) -> Path | None:
    """The closest config file walking up from ``start`` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.pressrelease" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def for_path(release: Path | None, explicit: Path | None = None, isolated: bool = False) -> Config:
    """The config that applies to a release: ``explicit``, else discovered, else defaults."""
    if isolated:
        return DEFAULT
    if explicit is not None:
        return load(explicit)
    found = discover(release if release is not None else Path.cwd())
    return load(found) if found else DEFAULT


@cache
def load(path: Path) -> Config:
    """Read and validate one config file; raises :class:`ConfigError` listing every problem."""
    import tomllib  # here: a release without a config file never needs the TOML parser

    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = toml_error_line(str(exc))
        raise ConfigError(f"invalid TOML: {exc}", path, line) from None
    except RecursionError:  # the reader recurses once per level of nested arrays or tables
        raise ConfigError("invalid TOML: arrays or inline tables nested too deeply", path) from None
    except (ValueError, MemoryError) as exc:  # anything else the reader raises: still this file's fault
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("pressrelease", {})
        if not isinstance(raw, dict):
            raise ConfigError("[tool.pressrelease] must be a table", path)
    return Checker(path, text).config(raw)
