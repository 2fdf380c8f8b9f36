"""One release -> an :class:`Entry` (what the indexes need) and, when it may be
published, its page: the work a worker process does for each changed release.

An entry records why a release is left out (draft, lint errors, unreadable) but not
whether its embargo has lifted: that depends on the clock of each run, so
:meth:`Entry.held_until` answers it at the time of the run, from the embargo instant
kept in the entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import msgspec

from ..config import Config
from ..model import Release
from ..parse import parse, read_text
from ..render.context import shorten

State = Literal["ready", "draft", "failed", "unreadable"]


class Entry(msgspec.Struct, frozen=True):
    """What the site knows of one release, kept in the manifest between runs."""

    path: str  #: the source file, as discovered
    digest: str  #: SHA-256 of the source bytes: unchanged text, unchanged entry
    state: State
    source: tuple[int, int] = (0, 0)  #: the source's (mtime_ns, size) when it was read
    message: str = ""  #: why it is left out (``state`` other than ``ready``)
    slug: str = ""
    title: str = ""
    description: str = ""
    date: str | None = None  #: ISO date
    language: str = "en"
    tags: tuple[str, ...] = ()
    location: str | None = None
    embargo: str | None = None  #: ISO instant; ``"?"`` when the embargo could not be read
    pdf: bool = False  #: a PDF was made beside the page
    #: the image files its page shows: (path relative to the source's folder, mtime_ns, size)
    images: tuple[tuple[str, int, int], ...] = ()
    versions: tuple[tuple[str, str], ...] = ()  #: the other language versions it names: (language tag, slug)
    linked: tuple[tuple[str, str], ...] = ()  #: those its page links (published ones only)

    def held_until(self, now: dt.datetime) -> str | None:
        """The embargo instant when it has not lifted at ``now`` (``"?"``: unreadable, held)."""
        if self.embargo is None:
            return None
        if self.embargo == "?":
            return "?"
        return self.embargo if dt.datetime.fromisoformat(self.embargo) > now else None

    @property
    def published(self) -> dt.datetime:
        """The moment the release became public: its embargo, else its date at 00:00 UTC."""
        if self.embargo not in (None, "?"):
            return dt.datetime.fromisoformat(self.embargo).astimezone(dt.UTC)
        day = dt.date.fromisoformat(self.date) if self.date else dt.date(1970, 1, 1)
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

    @property
    def url(self) -> str:
        """The page's address relative to the site root."""
        return f"releases/{self.slug}/"


@dataclass(frozen=True)
class Site:
    """What every page of the site shares."""

    title: str
    base_url: str  #: absolute, ending in ``/``
    templates: Path | None  #: an override folder, searched before the built-in theme
    per_page: int
    pdf: bool  #: a PDF beside each release page
    paper: str | None  #: None: each config's
    docx: bool = False  #: a Word file beside each release page
    language: str = "en"  #: the words of the pages that are not one language's (home, archive, search)


@dataclass(frozen=True)
class Work:
    """One new or changed release to process."""

    path: Path
    config: Config
    now: dt.datetime
    force: bool
    site: Site
    #: the slugs of the versions its page may link; None: every version out at ``now``
    #: (a version may be out and still not published: failing lint, or not among the sources)
    links: frozenset[str] | None = None


@dataclass(frozen=True)
class Processed:
    entry: Entry
    files: tuple[tuple[str, bytes], ...]  #: (path relative to the site root, bytes)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class _Version:
    language: str
    slug: str
    due: bool  #: not a draft, its embargo (if any) lifted, and allowed by ``Work.links``: it may be linked


def _versions(release: Release, work: Work) -> list[_Version]:
    """The readable versions ``translations:`` names. Only those that may be public now
    are linked from the page: a held-back version's address must not leak either."""
    from ..parse.versions import load_versions

    found = []
    for version in load_versions(release, work.config):
        other = version.release
        if other is None:
            continue
        held = other.embargo is not None and (other.embargo.at is None or other.embargo.at > work.now)
        allowed = work.links is None or other.slug in work.links
        found.append(_Version(version.translation.language, other.slug, allowed and not (held or other.draft)))
    return found


def entry_for(release: Release, path: Path, sha: str, state: State = "ready", message: str = "") -> Entry:
    lede = release.lede_block()
    lede_text = lede.text if lede is not None else ""
    if release.dateline is not None and lede_text.startswith(release.dateline.text):
        lede_text = lede_text[len(release.dateline.text) :]
    embargo = None
    if release.embargo is not None:
        embargo = release.embargo.at.isoformat() if release.embargo.at is not None else "?"
    return Entry(
        path=str(path),
        digest=sha,
        state=state,
        message=message,
        slug=release.slug,
        title=release.title or release.slug,
        description=shorten(release.subtitle or lede_text),
        date=release.date.isoformat() if release.date else None,
        language=release.language,
        tags=release.tags,
        location=release.location,
        embargo=embargo,
    )


def process(work: Work) -> Processed:
    """Read, parse and lint one release; render its page when it may be published now.

    Never raises for one bad file: a parser or renderer bug makes the entry "failed".
    """
    try:
        return _process(work)
    except Exception as error:  # one release's bug must not stop the site
        sha = digest(work.path.read_bytes()) if work.path.is_file() else ""
        message = f"internal error ({type(error).__name__}: {error})"
        return Processed(Entry(path=str(work.path), digest=sha, state="failed", message=message), ())


def _process(work: Work) -> Processed:
    path = work.path
    stat = path.stat()  # before reading: a save after it makes the next run read the file again
    text, problem = read_text(path)
    raw = path.read_bytes() if text is not None else b""
    sha = digest(raw)
    if text is None:
        why = problem.message if problem is not None else "cannot read the file"
        return Processed(Entry(path=str(path), digest=sha, state="unreadable", message=why), ())
    release = parse(text, path, work.config)
    source = (stat.st_mtime_ns, stat.st_size)
    if release.draft:
        return Processed(entry_for(release, path, sha, "draft", "draft: true"), ())
    if not work.force:
        from ..build.pipeline import lint_release

        errors = [d for d in lint_release(release, work.config, work.now) if d.severity == "error"]
        if errors:
            first = errors[0]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            message = f"lint error {first.code} at line {first.span.line}: {first.message}{more}"
            return Processed(entry_for(release, path, sha, "failed", message), ())
    versions = _versions(release, work)
    linked = tuple((v.language, v.slug) for v in versions if v.due)
    entry = msgspec.structs.replace(
        entry_for(release, path, sha),
        source=source,
        versions=tuple((v.language, v.slug) for v in versions),
        linked=linked,
    )
    if entry.held_until(work.now) is not None:
        return Processed(entry, ())  # never rendered: nothing of it can leak
    from .pages import release_files

    files, images = release_files(release, work.config, entry, work.site, linked)
    folder = path.resolve().parent
    entry = msgspec.structs.replace(
        entry,
        pdf=any(name.endswith(".pdf") for name in files),
        images=tuple((os.path.relpath(image, folder), *time) for image, time in sorted(images.items())),
    )
    return Processed(entry, tuple(files.items()))
