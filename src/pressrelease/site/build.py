"""The site build: collect, render what changed, index, write, search (see the package)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from .. import __version__
from .. import config as config_mod
from ..atomic import write_atomic
from ..config import Config
from ..discover import release_files
from ..errors import PressReleaseError, ReadError
from ..parse.language import language as language_data
from ..render.templates import builtin_dir
from . import indexes
from . import manifest as manifest_mod
from .collect import Entry, Processed, Site, Work, process
from .manifest import Manifest
from .search import FOLDER, Indexing, SearchError

MANIFEST = manifest_mod.FILE
PER_PAGE = 20
POOL_FROM = 8  #: fewer changed releases than this are processed here, without workers
RELINK_ROUNDS = 3  #: pages made again for their language links; more only if files change under the run


class SiteError(PressReleaseError):
    """The site cannot be built at all (exit 2): an unwritable output folder, a bad option."""


@dataclass(frozen=True)
class SiteOptions:
    """What the command line asks for; None means "the default"."""

    output: Path
    base_url: str | None = None
    title: str | None = None
    now: dt.datetime | None = None
    force: bool = False  #: publish releases with lint errors too
    pdf: bool = False
    docx: bool = False
    paper: str | None = None
    per_page: int = PER_PAGE
    templates: Path | None = None
    config: Path | None = None
    isolated: bool = False
    jobs: int | None = None
    search: bool = True


@dataclass
class SiteResult:
    """What a run did, for the command line to report."""

    published: list[Entry] = field(default_factory=list)
    held: list[tuple[Entry, str]] = field(default_factory=list)  #: (entry, embargo instant or "?")
    left_out: list[Entry] = field(default_factory=list)  #: drafts, lint failures, unreadable files
    rendered: int = 0  #: releases parsed and rendered this run (the others were unchanged)
    written: int = 0  #: files written (files whose bytes did not change are left alone)
    deleted: int = 0
    search: str = ""  #: why the search index was not built; empty when it was


def build_site(
    paths: Sequence[Path], options: SiteOptions, *, on_entry: Callable[[Entry], None] | None = None
) -> SiteResult:
    """Build (or bring up to date) the static newsroom for every release under ``paths``."""
    started = time.time_ns()
    now = options.now or dt.datetime.now(dt.UTC)
    output = options.output.resolve()
    for path in paths:
        if not path.exists():
            raise ReadError("no such file or folder", path)
    configs: dict[Path, Config] = {}

    def config_for(path: Path) -> Config:
        folder = path.parent
        if folder not in configs:
            configs[folder] = config_mod.for_path(path, options.config, options.isolated)
        return configs[folder]

    def work(path: Path, links: frozenset[str] | None = None) -> Work:
        return Work(path, config_for(path), now, options.force, site, links)

    files = release_files(paths, config_for, lambda _folder, _config: {output})
    _ensure_writable(output)
    site = _site(options, [config_for(p) for p in files[:1]])
    fingerprint = _fingerprint(options, site, {config_for(p).path for p in files})
    old = manifest_mod.read(output)
    reuse = old.fingerprint == fingerprint

    result = SiteResult()
    entries: dict[str, Entry] = {}  #: source path -> its entry, in the order found
    made: dict[str, dict[str, bytes]] = {}  #: source path -> files rendered this run
    kept: dict[str, list[str]] = {}  #: source path -> files of the last run still right
    todo: list[Work] = []
    for path in files:
        key = manifest_mod.key(path)
        previous = old.entries.get(key) if reuse else None
        if previous is not None and previous.held_until(now) is None:
            entry = manifest_mod.unchanged(path, previous)
            if entry is not None:
                entries[str(path)] = entry
                kept[str(path)] = old.outputs.get(key, [])
                continue
        entries[str(path)] = Entry(path=str(path), digest="", state="unreadable")  # its place in the order
        todo.append(work(path))
    for done in _run(todo, options.jobs):
        entries[done.entry.path] = done.entry
        made[done.entry.path] = dict(done.files)

    # A page links the versions of its release that are published in this run; one
    # made with others (a version held back, or out since its page was made) is made again.
    for _round in range(RELINK_ROUNDS):
        published, held, left_out = _publishable(list(entries.values()), now)
        out = {(e.language, e.slug) for e in published}
        relink = {
            e.path: frozenset(slug for language, slug in e.versions if (language, slug) in out)
            for e in published
            if e.versions and set(e.linked) != {version for version in e.versions if version in out}
        }
        if not relink:
            break
        for done in map(process, [work(Path(path), links) for path, links in relink.items()]):
            entries[done.entry.path] = done.entry
            made[done.entry.path] = dict(done.files)
            kept.pop(done.entry.path, None)
    result.published, result.held, result.left_out = published, held, left_out
    result.rendered = sum(1 for files in made.values() if files)
    if on_entry is not None:
        for entry in published:
            on_entry(entry)

    pages: dict[str, bytes] = {}  #: release pages (and their PDFs, Word files) made this run
    outputs: dict[str, list[str]] = {}
    for entry in published:
        if entry.path in made:
            pages.update(made[entry.path])
            outputs[entry.path] = sorted(made[entry.path])
        else:
            outputs[entry.path] = kept[entry.path]
    current = {name for names in outputs.values() for name in names}
    # The release pages first: Pagefind indexes them while the rest of the site is made.
    gone = [name for name in old.files if name.startswith("releases/") and name not in current]
    result.written = _write(output, pages)
    result.deleted = _delete(output, gone)
    stale = bool(pages) or bool(gone) or not old.searchable
    same = {"/" + entry.url for entry in published if entry.path not in made}  #: pages as the index has them
    unchanged = {name: page for name, page in old.fragments.items() if page in same} if old.searchable else {}
    search = _start_search(output, options.search, stale, unchanged, result)
    try:
        site_files: dict[str, bytes] = {}
        digests: dict[str, str] = {}
        listing = indexes.listing_pages(published, site)
        for index in listing + indexes.feed_files(published, site):
            digests[index.name] = index.digest
            if not (reuse and old.pages.get(index.name) == index.digest and (output / index.name).is_file()):
                site_files[index.name] = index.make()
        site_files.update(indexes.sitemap_and_robots(published, site, sorted(index.name for index in listing)))
        result.written += _write(output, site_files)
        current |= set(site_files) | set(digests)
        result.deleted += _delete(output, [name for name in old.files if name not in current])
    except BaseException:
        if isinstance(search, Indexing):
            search.cancel()
        raise
    fragments = _finish_search(output, search, old.fragments, result)
    kept_entries = {manifest_mod.key(e.path): manifest_mod.public(e, started) for e in published}
    manifest = Manifest(
        fingerprint=fingerprint,
        entries={key: entry for key, entry in kept_entries.items() if entry is not None},
        outputs={manifest_mod.key(path): names for path, names in outputs.items()},
        files=sorted(current),
        pages=digests,
        searchable=fragments is not None,
        fragments=fragments or {},
    )
    _write(output, {MANIFEST: manifest_mod.encode(manifest)})
    return result


def _start_search(
    output: Path, wanted: bool, stale: bool, unchanged: dict[str, str], result: SiteResult
) -> Indexing | bool:
    """Start Pagefind when the release pages changed (the running :class:`Indexing`, given
    the fragments of the index whose page is unchanged), or say whether the index there
    is up to date (True) or must go (False).

    An index that is out of date and not rebuilt (``--no-search``, or Pagefind failed)
    is removed: it could still hold a release that is now held back.
    """
    folder = output / FOLDER
    if wanted and not stale and folder.is_dir():
        return True
    if wanted:
        try:
            return Indexing(output, unchanged)
        except SearchError as error:
            result.search = error.args[0]
    else:
        result.search = "not built (--no-search)"
    if stale:
        shutil.rmtree(folder, ignore_errors=True)
    return False


def _finish_search(
    output: Path, search: Indexing | bool, fragments: dict[str, str], result: SiteResult
) -> dict[str, str] | None:
    """The fragments of the search index and their pages when it matches the release pages
    (``fragments``, the last run's, when it was not made again), else None (see
    :func:`_start_search`)."""
    if not isinstance(search, Indexing):
        return fragments if search else None
    try:
        return search.finish()
    except SearchError as error:
        result.search = error.args[0]
    shutil.rmtree(output / FOLDER, ignore_errors=True)  # stale: it may hold a release now held back
    return None


# -- collect ---------------------------------------------------------------------------------


def _site(options: SiteOptions, configs: Sequence[Config]) -> Site:
    base = options.base_url or "http://localhost:8000/"
    if not base.startswith(("https://", "http://")):
        raise SiteError(f"--base-url must start with https:// or http://, not {base!r}", None)
    organization = configs[0].organization() if configs else None
    language = configs[0].language if configs else "en"
    labels = language_data(language).labels
    title = options.title or (
        labels["site_title"].replace("{name}", organization.name) if organization else labels["press_releases"]
    )
    if options.per_page < 1:
        raise SiteError("--per-page must be at least 1", None)
    return Site(
        title=title,
        base_url=base.rstrip("/") + "/",
        templates=options.templates,
        per_page=options.per_page,
        pdf=options.pdf,
        docx=options.docx,
        paper=options.paper,
        language=language,
    )


def _fingerprint(options: SiteOptions, site: Site, config_paths: Iterable[Path | None]) -> str:
    """Everything a page depends on besides its own text: when it changes, every page is redone."""
    digest_ = hashlib.sha256(f"{__version__}/{manifest_mod.FORMAT}/{options.force}/{site!r}".encode())
    folders = [builtin_dir()] + ([options.templates] if options.templates else [])
    for folder in folders:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = file.stat()
            digest_.update(f"{file}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for path in sorted(str(p) for p in config_paths if p is not None):
        digest_.update(Path(path).read_bytes())
    return digest_.hexdigest()


def _run(todo: list[Work], jobs: int | None) -> Iterable[Processed]:
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1 or len(todo) < POOL_FROM:
        return map(process, todo)
    from ..pools import executor

    with executor(workers, [process.__module__]) as pool:
        return list(pool.map(process, todo, chunksize=max(1, len(todo) // (workers * 8))))


def _publishable(entries: list[Entry], now: dt.datetime) -> tuple[list[Entry], list[tuple[Entry, str]], list[Entry]]:
    """(published newest first, held back with the embargo instant, left out), at ``now``.

    Of two releases with one slug, the first found is published and the other left out.
    """
    ready, held, left_out = [], [], []
    for entry in entries:
        if entry.state != "ready":
            left_out.append(entry)
        elif (until := entry.held_until(now)) is not None:
            held.append((entry, until))
        else:
            ready.append(entry)
    claimed: dict[str, str] = {}
    published = []
    for entry in ready:
        if entry.slug in claimed:
            message = f"same slug as {claimed[entry.slug]}; give one a 'slug:' in its front matter"
            left_out.append(msgspec.structs.replace(entry, state="failed", message=message))
            continue
        claimed[entry.slug] = entry.path
        published.append(entry)
    # newest first; releases of one moment by title
    published.sort(key=lambda e: e.title.lower())
    published.sort(key=lambda e: e.published, reverse=True)
    return published, held, left_out


# -- write -----------------------------------------------------------------------------------


def _ensure_writable(output: Path) -> None:
    try:
        output.mkdir(parents=True, exist_ok=True)
        probe = output / f".pressrelease-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise SiteError(
            f"cannot write to the output folder ({exc.strerror or exc}); choose another with -o DIR", output
        ) from None


def _write(output: Path, files: dict[str, bytes]) -> int:
    """Write each file atomically unless it already holds these bytes; how many were written."""
    written = 0
    for name, data in sorted(files.items()):
        target = output / name
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        written += 1
    return written


def _delete(output: Path, names: Iterable[str]) -> int:
    """Remove files the last run made that this run did not, and the folders they leave empty."""
    deleted = 0
    for name in names:
        target = output / name
        if not target.resolve().is_relative_to(output):
            continue  # a manifest edited by hand never reaches outside the site
        try:
            target.unlink()
            deleted += 1
        except FileNotFoundError:
            continue
        folder = target.parent
        while folder != output and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return deleted
