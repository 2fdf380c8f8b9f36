"""The Jinja2 environment: user overrides first, then the built-in theme.

The built-in theme is the top-level ``templates/`` folder of the repository,
shipped inside the wheel as ``pressrelease/templates``. An override folder
(``[build] templates`` or ``--templates``) is searched first, file by file, and
its templates may ``{% extends "default/release.html.j2" %}`` the built-ins.
Autoescape is on for every template but the plain-text ones, and user content is
only ever passed in as values, never rendered as a template.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from .typography import keep_numbers_with_units, no_lone_last_word

THEME = "default"


@cache
def builtin_dir() -> Path:
    """The built-in templates folder: inside the installed package, else the repo's."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / THEME).is_dir():
            return candidate
    raise FileNotFoundError("the built-in templates are missing from this installation")


def _autoescape(name: str | None) -> bool:
    return name is None or not name.endswith((".txt.j2", ".txt"))


@cache
def environment(overrides: Path | None = None) -> jinja2.Environment:
    """One environment per override folder (cached: building it is not free)."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    builtin = builtin_dir()
    # Built-ins answer both as "release.html.j2" and as "default/release.html.j2"
    # (the second lets an override extend the built-in template it replaces).
    loaders.append(jinja2.FileSystemLoader(str(builtin / THEME)))
    loaders.append(jinja2.FileSystemLoader(str(builtin)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["units"] = keep_numbers_with_units  # "40 million" never split at a line end
    env.filters["no_widow"] = no_lone_last_word
    return env


def template_dirs(overrides: Path | None = None) -> tuple[Path, ...]:
    """Folders whose files the PDF engine may read (fonts, logos, CSS)."""
    dirs = [builtin_dir() / THEME]
    if overrides is not None:
        dirs.insert(0, overrides.resolve())
    return tuple(dirs)
