"""The site build: collect, render what changed, index, write, search (see the package)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections import defaultdict
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
from ..render.house_style import language_name
from ..render.templates import builtin_dir
from . import feeds, pages
from .collect import Entry, Processed, Site, Work, digest, process

MANIFEST = ".pressrelease-site.json"
MANIFEST_FORMAT = 1
PER_PAGE = 20
POOL_FROM = 8  #: fewer changed releases than this are processed here, without workers


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


class Manifest(msgspec.Struct):
    """The output folder's memory of the last run: the published releases and their files.

    It is published with the site, so it holds nothing that is not public already:
    releases are keyed by a hash of their path, and only published ones are kept.
    A held-back, draft or failing release is read again on every run (no page is
    made for it, so that is cheap), and its title never reaches the output folder.
    """

    format: int = MANIFEST_FORMAT
    fingerprint: str = ""
    entries: dict[str, Entry] = msgspec.field(default_factory=dict)  #: path key -> entry
    outputs: dict[str, list[str]] = msgspec.field(default_factory=dict)  #: path key -> its files
    files: list[str] = msgspec.field(default_factory=list)  #: every file the run wrote
    pages: dict[str, str] = msgspec.field(default_factory=dict)  #: listing page -> digest of its values
    searchable: bool = False  #: the search index matches the release pages


def build_site(
    paths: Sequence[Path], options: SiteOptions, *, on_entry: Callable[[Entry], None] | None = None
) -> SiteResult:
    """Build (or bring up to date) the static newsroom for every release under ``paths``."""
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

    files = release_files(paths, config_for, lambda _folder, _config: {output})
    _ensure_writable(output)
    site = _site(options, [config_for(p) for p in files[:1]])
    fingerprint = _fingerprint(options, site, {config_for(p).path for p in files})
    old = _read_manifest(output)
    reuse = old.fingerprint == fingerprint

    result = SiteResult()
    entries: list[Entry] = []
    made: dict[str, dict[str, bytes]] = {}  #: source path -> files rendered this run
    kept: dict[str, list[str]] = {}  #: source path -> files of the last run still right
    todo: list[Work] = []
    for path in files:
        key = _key(path)
        previous = old.entries.get(key) if reuse else None
        if previous is not None and _unchanged(path, previous, now):
            entries.append(msgspec.structs.replace(previous, path=str(path)))
            kept[str(path)] = old.outputs.get(key, [])
            continue
        todo.append(Work(path, config_for(path), now, options.force, site))
    for done in _run(todo, options.jobs):
        entries.append(done.entry)
        made[done.entry.path] = dict(done.files)
        result.rendered += bool(done.files)

    published = _sort(_classify(entries, now, result))
    claimed: dict[str, str] = {}
    site_files: dict[str, bytes] = {}
    outputs: dict[str, list[str]] = {}
    for entry in list(published):
        if entry.slug in claimed:
            message = f"same slug as {claimed[entry.slug]}; give one a 'slug:' in its front matter"
            result.left_out.append(msgspec.structs.replace(entry, state="failed", message=message))
            published.remove(entry)
            continue
        claimed[entry.slug] = entry.path
        if entry.path in made:
            site_files.update(made[entry.path])
            outputs[entry.path] = sorted(made[entry.path])
        else:
            outputs[entry.path] = kept[entry.path]
    result.published = published
    if on_entry is not None:
        for entry in published:
            on_entry(entry)
    page_digests: dict[str, str] = {}
    for page in _index_pages(published, site):
        page_digests[page.name] = hashlib.sha256(msgspec.json.encode([page.template, page.values])).hexdigest()
        if not (reuse and old.pages.get(page.name) == page_digests[page.name] and (output / page.name).is_file()):
            site_files[page.name] = page.render(site)
    site_files.update(_feeds(published, site, sorted(page_digests)))

    keep = {name for names in outputs.values() for name in names if name not in site_files}
    keep |= {name for name in page_digests if name not in site_files}
    result.written = _write(output, site_files)
    current = set(site_files) | keep
    result.deleted = _delete(output, [name for name in old.files if name not in current])
    pages_changed = any(name.startswith("releases/") for name in site_files) or any(
        name.startswith("releases/") for name in old.files if name not in current
    )
    searchable = _search(output, options.search, pages_changed or not old.searchable, result)
    manifest = Manifest(
        fingerprint=fingerprint,
        entries={_key(Path(e.path)): _public(e, claimed) for e in published},
        outputs={_key(Path(path)): names for path, names in outputs.items()},
        files=sorted(current),
        pages=page_digests,
        searchable=searchable,
    )
    _write(output, {MANIFEST: msgspec.json.format(msgspec.json.encode(manifest)) + b"\n"})
    return result


def _search(output: Path, wanted: bool, stale: bool, result: SiteResult) -> bool:
    """Bring the search index up to date when the release pages changed; True when it is.

    An index that is out of date and not rebuilt (``--no-search``, or Pagefind failed)
    is removed: it could still hold a release that is now held back.
    """
    from .search import FOLDER, SearchError, index

    folder = output / FOLDER
    if wanted and not stale and folder.is_dir():
        return True
    if wanted:
        try:
            index(output)
            return True
        except SearchError as error:
            result.search = error.args[0]
    else:
        result.search = "not built (--no-search)"
    if stale:
        shutil.rmtree(folder, ignore_errors=True)
    return False


# -- collect ---------------------------------------------------------------------------------


def _site(options: SiteOptions, configs: Sequence[Config]) -> Site:
    base = options.base_url or "http://localhost:8000/"
    if not base.startswith(("https://", "http://")):
        raise SiteError(f"--base-url must start with https:// or http://, not {base!r}", None)
    organization = configs[0].organization() if configs else None
    title = options.title or (f"{organization.name}: press releases" if organization else "Press releases")
    if options.per_page < 1:
        raise SiteError("--per-page must be at least 1", None)
    return Site(
        title=title,
        base_url=base.rstrip("/") + "/",
        templates=options.templates,
        per_page=options.per_page,
        pdf=options.pdf,
        paper=options.paper,
    )


def _fingerprint(options: SiteOptions, site: Site, config_paths: Iterable[Path | None]) -> str:
    """Everything a page depends on besides its own text: when it changes, every page is redone."""
    digest_ = hashlib.sha256(f"{__version__}/{MANIFEST_FORMAT}/{options.force}/{site!r}".encode())
    folders = [builtin_dir()] + ([options.templates] if options.templates else [])
    for folder in folders:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = file.stat()
            digest_.update(f"{file}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for path in sorted(str(p) for p in config_paths if p is not None):
        digest_.update(Path(path).read_bytes())
    return digest_.hexdigest()


def _read_manifest(output: Path) -> Manifest:
    try:
        manifest = msgspec.json.decode((output / MANIFEST).read_bytes(), type=Manifest)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return Manifest()  # first run, or a manifest we cannot trust: build everything
    return manifest if manifest.format == MANIFEST_FORMAT else Manifest()


def _public(entry: Entry, published: dict[str, str]) -> Entry:
    """The entry as the (published) manifest keeps it: no path, no held-back version's slug."""
    versions = tuple(v for v in entry.versions if v[1] in published)
    return msgspec.structs.replace(entry, path="", versions=versions)


def _key(path: Path) -> str:
    """A release's key in the manifest: its path, hashed (the manifest is public)."""
    return hashlib.sha256(str(path).encode()).hexdigest()[:32]


def _unchanged(path: Path, previous: Entry, now: dt.datetime) -> bool:
    """The release reads as it did when it was published, and is still published now."""
    try:
        return digest(path.read_bytes()) == previous.digest and previous.held_until(now) is None
    except OSError:
        return False


def _run(todo: list[Work], jobs: int | None) -> Iterable[Processed]:
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1 or len(todo) < POOL_FROM:
        return map(process, todo)
    from concurrent.futures import ProcessPoolExecutor

    from ..pools import start_context

    with ProcessPoolExecutor(max_workers=workers, mp_context=start_context([process.__module__])) as pool:
        return list(pool.map(process, todo, chunksize=max(1, len(todo) // (workers * 8))))


def _classify(entries: list[Entry], now: dt.datetime, result: SiteResult) -> list[Entry]:
    published = []
    for entry in entries:
        if entry.state != "ready":
            result.left_out.append(entry)
            continue
        until = entry.held_until(now)
        if until is not None:
            result.held.append((entry, until))
            continue
        published.append(entry)
    return published


def _sort(entries: list[Entry]) -> list[Entry]:
    """Newest first; releases of one moment by title."""
    return sorted(sorted(entries, key=lambda e: e.title.lower()), key=lambda e: e.published, reverse=True)


# -- index -----------------------------------------------------------------------------------


def _index_pages(published: list[Entry], site: Site) -> list[pages.Page]:
    """The home page, the archives by year, language and tag, the archive's index, search."""
    years: dict[str, list[Entry]] = defaultdict(list)
    languages: dict[str, list[Entry]] = defaultdict(list)
    tags: dict[str, list[Entry]] = defaultdict(list)
    tag_names: dict[str, str] = {}
    for entry in published:
        years[str(entry.published.year)].append(entry)
        languages[entry.language].append(entry)
        for tag in entry.tags:
            slug = pages.tag_slug(tag)
            tag_names.setdefault(slug, tag)
            tags[slug].append(entry)
    listings = [pages.Listing("", site.title, published, "feed.xml")]
    listings += [pages.Listing(f"archive/{year}/", year, items) for year, items in years.items()]
    listings += [
        pages.Listing(f"lang/{code}/", language_name(code), items, f"lang/{code}/feed.xml")
        for code, items in languages.items()
    ]
    listings += [pages.Listing(f"tags/{slug}/", tag_names[slug], items) for slug, items in tags.items()]
    made = [page for listing in listings for page in pages.listing_pages(listing, site)]
    made.append(
        pages.archive_page(
            {year: len(items) for year, items in years.items()},
            {code: len(items) for code, items in languages.items()},
            {slug: (tag_names[slug], len(items)) for slug, items in tags.items()},
            site,
        )
    )
    made.append(pages.search_page(site))
    return made


def _feeds(published: list[Entry], site: Site, listing_pages: list[str]) -> dict[str, bytes]:
    """The Atom feeds (the site's, and one per language), the sitemap and robots.txt."""
    files = {"feed.xml": feeds.atom(published, site, "feed.xml", site.title)}
    languages: dict[str, list[Entry]] = defaultdict(list)
    for entry in published:
        languages[entry.language].append(entry)
    for code, items in languages.items():
        name = f"lang/{code}/feed.xml"
        files[name] = feeds.atom(items, site, name, f"{site.title} ({language_name(code)})", code)
    files["sitemap.xml"] = feeds.sitemap(
        published, site, [name.removesuffix("index.html") for name in listing_pages], _language_sets(published)
    )
    files["robots.txt"] = feeds.robots(site)
    return files


def _language_sets(published: list[Entry]) -> dict[str, list[Entry]]:
    """For each published release (by slug), its published versions in other languages.

    A release and its version are linked when either names the other, so a version
    published after its original still appears beside it.
    """
    by_slug = {entry.slug: entry for entry in published}
    linked: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in published:
        for _language, slug in entry.versions:
            other = by_slug.get(slug)
            if other is not None and other.slug != entry.slug:
                linked[entry.slug][other.slug] = other
                linked[other.slug][entry.slug] = entry
    return {slug: sorted(others.values(), key=lambda e: e.language) for slug, others in linked.items()}


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
