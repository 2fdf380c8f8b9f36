"""The other language versions a release names (``translations:``), read and parsed.

A version is read only when its path, links resolved, is a file inside the
release's folder or the folder of the config that applies to it (see
:mod:`pressrelease.assets`), like every other file a release may name. Only the
versions the release names are read: never their own versions in turn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import assets
from ..config import Config
from ..errors import ReadError
from ..model import Problem, Release, Span, Translation
from .reading import MAX_BYTES, read_text
from .release import parse


@dataclass(frozen=True)
class Version:
    """One named version: its release when it could be read, else why not."""

    translation: Translation
    path: Path | None  #: resolved; None when refused
    release: Release | None
    problem: str = ""  #: completes "the ru version ...": "is not found", ...

    @property
    def shown(self) -> str:
        """The file as the release names it, for messages."""
        return self.translation.path


def load_versions(release: Release, config: Config) -> tuple[Version, ...]:
    """Each version ``release`` names, parsed with ``config``; () for a release not read from a file."""
    if not release.translations or release.path is None:
        return ()
    base = release.path.parent
    roots = [base]
    if config.root is not None and base.resolve().is_relative_to(config.root.resolve()):
        roots.append(config.root)
    where = "the release's folder or its config's" if len(roots) > 1 else "the release's folder"
    versions = []
    for translation in release.translations:
        target = assets.resolve(translation.path, base, roots, where, images=False, limit=MAX_BYTES)
        if isinstance(target, assets.Refused):
            versions.append(Version(translation, None, None, str(target)))
            continue
        try:
            text, problem = read_text(target)
        except ReadError as error:  # gone since it was resolved
            text, problem = None, Problem("PR004", error.message, Span.point(1))
        if text is None:
            why = problem.message if problem is not None else "cannot be read"
            versions.append(Version(translation, target, None, f"'{translation.path}' cannot be read: {why}"))
            continue
        versions.append(Version(translation, target, parse(text, target, config)))
    return tuple(versions)
