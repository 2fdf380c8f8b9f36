"""Which files a command works on: files as given, ``*.md`` below folders, ``-`` for stdin.

Shared by lint and build so both skip the same things: hidden files and folders,
``node_modules``, the build output folder, and the config's ``exclude`` globs.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from .config import Config
from .model import STDIN_NAME

STDIN = Path("-")


def shown_name(path: Path | str) -> str:
    """``path`` as messages name it: ``<stdin>`` for ``-``."""
    return STDIN_NAME if str(path) == str(STDIN) else str(path)


def default_outputs(config: Config) -> set[Path]:
    """The build output folder a config implies (``[build] output``, else ``dist/`` beside it)."""
    output = config.build.output or (config.root / "dist" if config.root else None)
    return {output} if output is not None else set()


def excluded(path: Path, config: Config, outputs: Collection[Path], absolute: Path | None = None) -> bool:
    """True when ``path`` is inside an output folder or matches a config ``exclude`` glob.

    ``absolute`` is ``path`` resolved, when the caller knows it already.
    """
    absolute = absolute or path.resolve()
    if any(absolute == out or absolute.is_relative_to(out) for out in outputs):
        return True
    if config.root is None or not config.exclude:
        return False
    try:
        relative = absolute.relative_to(config.root).as_posix()
    except ValueError:
        return False
    return any(fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(path.name, glob) for glob in config.exclude)


def _absolute(entry: Path, resolved_folder: Path) -> Path:
    """``entry.resolve()``, given its folder resolved: only a symbolic link needs its own.

    A link that loops stays as it is named: it is still listed, and reading it is
    then that one file's error, not the whole run's.
    """
    if not os.path.islink(entry):
        return resolved_folder / entry.name
    try:
        return entry.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's symlink loop
        return resolved_folder / entry.name


def release_files(
    paths: Sequence[Path],
    config_for: Callable[[Path], Config],
    outputs_for: Callable[[Path, Config], Collection[Path]] = lambda _folder, config: default_outputs(config),
) -> list[Path]:
    """The release files named by ``paths``, each once, in a stable order.

    ``config_for(path)`` gives the config that applies below a folder;
    ``outputs_for(folder, config)`` the output folders to skip there.
    """
    found: list[Path] = []
    for path in paths:
        if path == STDIN or not path.is_dir():
            found.append(path)
            continue
        config = config_for(path / "_")
        outputs = outputs_for(path, config)
        for root, dirs, names in os.walk(path):
            here = Path(root)
            resolved = here.resolve()  # once a folder: its entries need no realpath of their own
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and d != "node_modules"
                and not excluded(here / d, config, outputs, _absolute(here / d, resolved))
            )
            for name in sorted(names):
                if name.endswith(".md") and not name.startswith("."):
                    candidate = here / name
                    if not excluded(candidate, config, outputs, _absolute(candidate, resolved)):
                        found.append(candidate)
    return list(dict.fromkeys(found))
