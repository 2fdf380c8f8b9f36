"""A :class:`Document` -> a release in our format, and a report of what was found.

The pipeline: lay the pieces out as Markdown (``arrange``), read that body with
the real parser so the dateline, lede date, sections and Contact-section contacts
are read exactly as ``lint`` will read them, fill the front matter from those
readings (``meta``), then parse the finished file to hand back the release lint
and build will see. The first reading skips a long body's running text (see
:func:`_draft`), so a pasted document of thousands of paragraphs is parsed whole
once, not twice. A value that is not found stays out of the front matter
and is named in :attr:`ImportResult.missing`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ReadError
from ..model import STDIN_NAME, Release
from ..parse import MAX_BYTES, parse
from ..parse import language as lang_mod
from .arrange import Arranged, arrange
from .blocks import Boilerplate, Document, ImportFailed
from .furniture import is_embargo_line
from .header import split_header
from .markdown import looks_like_markdown
from .meta import (
    UNSURE,
    choose_date,
    choose_organization,
    detect_language,
    front_matter,
    issuer_about,
    location_of,
)

SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".docx": "docx",
}  # fmt: skip
_LIMITS = {"text": MAX_BYTES, "markdown": MAX_BYTES, "html": 10 * MAX_BYTES, "docx": 20 * MAX_BYTES}


@dataclass(slots=True)
class ImportResult:
    """The imported release and what the importer could and could not find."""

    markdown: str  #: the release file's text: YAML front matter and Markdown body
    release: Release  #: ``markdown`` parsed, as lint and build will read it
    found: list[tuple[str, str]] = field(default_factory=list)  #: (what, value and where from)
    missing: list[str] = field(default_factory=list)  #: what could not be found (and why)
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  #: navigation and footer lines left out
    boilerplate: Boilerplate | None = None  #: the "Who we are" text offered
    unsure: list[str] = field(default_factory=list)  #: what was seen but read with doubt, and left out or kept


def convert(
    doc: Document, config: Config, language: str | None = None, organization: str | None = None
) -> ImportResult:
    """Map a reader's document onto the release format."""
    found: list[tuple[str, str]] = []
    unsure: list[str] = []
    everything = "\n".join(
        [
            doc.title or "",
            *(p.plain for p in doc.pieces),
            *(p.text for p in doc.pieces),
            *(i for p in doc.pieces for i in p.items),
        ]
    )
    if language is not None:
        code: str | None = language
        found.append(("language", f"{language} (--language)"))
    else:
        detected = detect_language(everything)
        code = detected.value if detected else None
        if detected:
            found.append(("language", f"{detected.value} ({detected.source})"))
        else:
            unsure.append(f"language: not recognised with confidence; the config's ({config.language}) applies")
    lang = lang_mod.language(code or config.language)

    laid = arrange(doc.pieces, lang, doc.kind == "text")
    body = "\n\n".join(laid.blocks).strip() + "\n"

    # The front matter comes from a first reading of the body. A long body is read in
    # short (the lede and what follows the running text): the same facts, unless the
    # parser finds a section or a lede the arrangement did not place, which the final
    # reading shows, and then the whole body is read as before.
    def read(whole: bool) -> tuple[Release, _Filled, str, Release]:
        draft = parse(_draft(lang.code, laid, whole=whole), None, config)
        filled = _fill(doc, config, draft, code, organization, everything)
        markdown = front_matter(filled.data) + "\n" + body
        return draft, filled, markdown, parse(markdown, None, config)

    draft, filled, markdown, release = read(whole=False)
    if _reading(draft) != _reading(release):
        draft, filled, markdown, release = read(whole=True)

    found.extend(filled.found)
    found.append(("sections", ", ".join(f"{k} “{h}”" for k, h in laid.sections) or "none"))
    if laid.end_marks:
        found.append(("end mark", laid.end_marks[0]))
    found.append(("body", f"{len(release.body)} blocks, {laid.subheads} subheads, {len(release.quotes)} quotations"))
    notes = list(doc.notes) + filled.notes
    for line in doc.head:
        if is_embargo_line(line):
            notes.append(f"embargo line left out: “{line.strip()}”; add `embargo:` with a time zone if it still holds")
    return ImportResult(
        markdown, release, found, filled.missing, notes, doc.dropped, doc.boilerplate, unsure + filled.unsure
    )


def _draft(code: str, laid: Arranged, *, whole: bool) -> str:
    """The body under a front matter of its language alone, for a first reading.

    Unless ``whole``, the running text after the lede is left out (up to the first
    section or end mark): the front matter's facts (dateline, lede date, About text,
    contacts) come from the rest, and a body of many thousand paragraphs is read once.
    """
    blocks = laid.blocks
    if not whole and laid.lede is not None:
        tail = laid.tail if laid.tail is not None else len(blocks)
        blocks = blocks[: laid.lede + 1] + blocks[max(tail, laid.lede + 1) :]
    return f"---\nlanguage: {code}\n---\n\n" + "\n\n".join(blocks).strip() + "\n"


def _reading(release: Release) -> tuple[object, ...]:
    """What the front matter is filled from: the lede and every section with its text."""
    lede = release.blocks[release.lede].source if release.lede is not None else None
    sections = [(s.kind, s.heading, [release.blocks[i].source for i in s.blocks]) for s in release.sections]
    return lede, sections


@dataclass(slots=True)
class _Filled:
    """The front matter read from a first reading of the body, and what it says about it."""

    data: dict[str, Any] = field(default_factory=dict)
    found: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _fill(
    doc: Document, config: Config, draft: Release, code: str | None, organization: str | None, everything: str
) -> _Filled:
    """The front matter's values from the document's header and the first reading, ``draft``."""
    out = _Filled()
    data, found, missing, unsure = out.data, out.found, out.missing, out.unsure
    header = doc.header
    if header is not None and header.title and doc.title and _fuller(doc.title, header.title):
        data["title"] = doc.title
        found.append(("title", f"{doc.title} (the text's headline; the front matter shortens it)"))
    elif header is not None and header.title:
        data["title"] = header.title
        found.append(("title", f"{header.title} (from the file's front matter)"))
        if doc.title and _squash_words(doc.title) != _squash_words(header.title):
            unsure.append(f"title: the text's own headline reads “{doc.title}”; the front matter's was kept")
    elif doc.title:
        data["title"] = doc.title
        found.append(("title", doc.title))
    else:
        missing.append("title: no headline found above the first paragraph")
    subtitle = header.subtitle if header is not None and header.subtitle else doc.subtitle
    if subtitle:
        data["subtitle"] = subtitle
        found.append(("subtitle", subtitle))
    date, why_not = choose_date(draft, doc.head, doc.dates, header.date if header is not None else None)
    if date is not None:
        data["date"] = date.value
        found.append(("date", f"{date.value.isoformat()} (from {date.source})"))
    else:
        if why_not and why_not.startswith(UNSURE):
            unsure.append(f"date: {why_not.removeprefix(UNSURE)}")
            missing.append("date: left out (see unsure); add it as YYYY-MM-DD")
        else:
            missing.append(f"date: {why_not}; add it as YYYY-MM-DD" if why_not else "date: none found in the text")
    location = location_of(draft, doc.head)
    if location is not None:
        data["location"] = location.value
        found.append(("location", f"{location.value} (from {location.source})"))
    else:
        missing.append("location: no dateline opens the first paragraph")

    lede = doc.pieces[0].text if doc.pieces else None
    abouts = [(h, _section_text(draft, i)) for i, (k, h) in enumerate(_kinds(draft)) if k == "about"]
    about = issuer_about(abouts, lede)
    org = choose_organization(
        config,
        organization,
        about=about,
        boilerplate=doc.boilerplate,
        head=doc.head,
        text=everything,
        header=header,
        around=[*doc.head, *doc.dropped],
        lede=lede,
        title=data.get("title"),
    )
    if org.value is not None:
        data["organization"] = org.value
        name = org.value if isinstance(org.value, str) else org.value["name"]
        found.append(("organisation", f"{name} (from {org.source})"))
    else:
        missing.append("organisation: none named in the text (the config's default organisation, if any, applies)")
    if org.boilerplate_note:
        out.notes.append(f"boilerplate: {org.boilerplate_note}")
    if code is not None:
        data["language"] = code

    contacts = [_contact(c) for c in draft.contacts if c.name]
    nameless = [c.email or c.phone for c in draft.contacts if not c.name]
    if contacts:
        data["contacts"] = contacts
        found.append(("contacts", "; ".join(_describe(c) for c in contacts)))
    if nameless:
        missing.append(
            f"contact names: none next to {', '.join(x for x in nameless if x)} (left in the Contact section)"
        )
    if not draft.contacts:
        missing.append("contacts: no email or phone number in a contact block")
    return out


_FULLER_MAX_EXTRA = 3  #: words a printed headline may add to an archive's shortened title


def _fuller(headline: str, title: str) -> bool:
    """``... ADVISORY GROUP (IHAG)`` printed under an archive's ``... Advisory Group``: the text's
    own headline is the same words and a few more at the end, so it is the fuller form."""
    long, short = _squash_words(headline), _squash_words(title)
    extra = long.removeprefix(short)
    return bool(short) and extra != long and 0 < len(extra.split()) <= _FULLER_MAX_EXTRA and extra.startswith(" ")


def _squash_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _kinds(release: Release) -> list[tuple[str, str]]:
    return [(s.kind, s.heading) for s in release.sections]


def _section_text(release: Release, index: int) -> str:
    section = release.sections[index]
    return " ".join(release.blocks[i].text for i in section.blocks)


def _contact(contact: Any) -> dict[str, str]:
    fields = ("name", "title", "organization", "region", "email", "phone", "mobile")
    return {k: getattr(contact, k) for k in fields if getattr(contact, k)}


def _describe(contact: dict[str, str]) -> str:
    reach = ", ".join(contact[k] for k in ("email", "phone", "mobile") if k in contact)
    return f"{contact['name']} ({reach})" if reach else contact["name"]


# -- reading input ---------------------------------------------------------------------------


def kind_of(path: Path) -> str:
    """``text``, ``markdown``, ``html`` or ``docx`` from the file name; :class:`ImportFailed` otherwise."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        what = f"'{path.suffix}'" if path.suffix else "no extension"
        raise ImportFailed(f"cannot import a file with {what}: give a .txt, .md, .html, .htm or .docx file", path)
    return kind


def read_bytes(path: Path | None, kind: str) -> bytes:
    """The document's bytes, refused over the kind's size or empty; ``None`` reads standard input."""
    shown = path if path is not None else STDIN_NAME
    try:
        if path is None:
            data = sys.stdin.buffer.read(_LIMITS[kind] + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(_LIMITS[kind] + 1)
    except FileNotFoundError:
        raise ReadError("no such file", path) from None
    except IsADirectoryError:
        raise ReadError("is a folder; import takes one file", path) from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", shown) from None
    if len(data) > _LIMITS[kind]:
        raise ImportFailed(f"larger than {_LIMITS[kind] // (1024 * 1024)} MB; a press release never is", shown)
    if not data.strip():
        raise ImportFailed("is empty: nothing to import", shown)
    return data


def decode_text(data: bytes, path: Path | None) -> tuple[str, str | None]:
    """Text from bytes: UTF-8 (or UTF-16 with a BOM), else Windows-1252; binary refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ImportFailed("is binary (it contains NUL bytes), not text", path)
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFailed("is neither UTF-8 nor Windows-1252 text; save it as UTF-8", path) from None
    if any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text):
        raise ImportFailed("looks binary (control characters), not text", path)
    return text, "read as Windows-1252 (not UTF-8)"


def read_document(data: bytes, kind: str, path: Path | None) -> Document:
    """Run the reader for ``kind`` (heavy libraries load only here)."""
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, path)
    text, note = decode_text(data, path)
    if not text.strip():
        raise ImportFailed("is empty: nothing to import", path)
    header, text = split_header(text, markup=kind == "html")
    if kind == "text" and looks_like_markdown(text):
        kind = "markdown"
    if kind == "html":
        from .html import read_html

        doc = read_html(text, path)
    elif kind == "markdown":
        from .markdown import read_markdown

        doc = read_markdown(text, path)
    else:
        from .text import read_text

        doc = read_text(text)
    if header is not None:
        doc.header = header
        doc.dropped.insert(0, f"front matter ({', '.join(header.keys)})")
    if note:
        doc.notes.append(note)
    if not doc.pieces:
        raise ImportFailed("no article text found in it", path)
    return doc


def import_bytes(
    data: bytes,
    kind: str,
    config: Config,
    *,
    path: Path | None = None,
    language: str | None = None,
    organization: str | None = None,
) -> ImportResult:
    """Import one document's bytes as ``kind`` (``text``, ``markdown``, ``html`` or ``docx``).

    A document whose text alone is over the 2 MB a release may have is refused
    before it is arranged, and so is a result over it: lint and build would refuse
    the file written.
    """
    doc = read_document(data, kind, path)
    if sum(len(piece.text) + sum(map(len, piece.items)) for piece in doc.pieces) > MAX_BYTES:
        raise ImportFailed("its text is over 2 MB; a release is at most 2 MB: is this one release?", path)
    result = convert(doc, config, language, organization)
    size = len(result.markdown.encode("utf-8"))
    if size > MAX_BYTES:
        raise ImportFailed(
            f"the release made from it would be {size / (1024 * 1024):.1f} MB; lint and build refuse more than 2 MB",
            path,
        )
    return result


def import_file(
    path: Path | None, config: Config, *, language: str | None = None, organization: str | None = None
) -> ImportResult:
    """Import a ``.txt``, ``.md``, ``.html``/``.htm`` or ``.docx`` file, or (``None``) standard input as text."""
    kind = kind_of(path) if path is not None else "text"
    return import_bytes(read_bytes(path, kind), kind, config, path=path, language=language, organization=organization)
