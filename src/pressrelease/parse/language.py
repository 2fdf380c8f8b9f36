"""Per-language word lists from ``data/*.toml``, loaded once and cached.

The files are data, not code: a new language is a new file with the keys of
``en.toml``. Lists that recognise things (section headings, months, speech verbs)
are merged with English, because releases in any language borrow English forms.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

# The word lists ship inside the package (the wheel is installed unzipped). A path
# beside this module, rather than importlib.resources, keeps that module and the
# ones it imports (tempfile, shutil, zipfile...) off lint's start-up: about 10 ms.
DATA = Path(__file__).parent.parent / "data"


class Language(msgspec.Struct, frozen=True):
    """The word lists of one language (English merged in where noted)."""

    code: str
    quote_marks: tuple[tuple[str, str], ...]  #: own pairs only; the first is preferred
    speech_verbs: tuple[str, ...]  #: own and English
    pronouns: tuple[str, ...]  #: own and English
    honorifics: tuple[str, ...]  #: own and English
    title_words: frozenset[str]  #: own and English, lower case
    place_words: frozenset[str]  #: own and English, lower case: words that make a capitalised phrase a place
    name_stops: frozenset[str]  #: own: words that end a name in a script without capitals (Arabic "في")
    #: kind -> patterns (their source, case-insensitive), own and English; compiled only as
    #: ``section_kinds``: compiling each one too cost about 1 ms of a one-file lint
    sections: dict[str, tuple[str, ...]]
    #: all of ``sections`` in one pattern, a group named for each kind: see :meth:`section_kind`
    section_kinds: re.Pattern[str]
    months: dict[str, int]  #: own and English
    weekdays: dict[str, int]  #: own and English
    lead_words: tuple[str, ...]
    placeholder_tokens: tuple[str, ...]
    placeholder_patterns: tuple[re.Pattern[str], ...]
    vague_link_texts: tuple[str, ...]
    first_person: tuple[str, ...]
    work_nouns: tuple[str, ...]  #: own and English, lower case; ``stem*`` matches words it begins
    labels: dict[str, str]  #: own, English for missing keys
    end_marks: tuple[str, ...]  #: own: end marks besides ``###``, ``ENDS``, ``-30-`` (Arabic ``-انتهى-``)
    #: own: regular expressions for the words that open an embargo line (``[release_lines] embargo``);
    #: the forms of the Latin and Cyrillic languages are in the embargo rules' own pattern
    embargo_lines: tuple[str, ...]
    #: own: whole lines that release at once, the ``immediate_release`` label among them, case-folded
    immediate_lines: frozenset[str]
    #: own: the length rules' limits in this language's units (``[thresholds]``); a config's win
    thresholds: dict[str, int]
    counted: str  #: what the length rules count: "words", or "characters" in Chinese

    def section_kind(self, label: str) -> str | None:
        """The first kind (notes, about, contact) one of whose patterns matches all of ``label``.

        One match of the joined pattern, not one per pattern: a pasted page of 90,000
        headings is read in a second, not several.
        """
        found = self.section_kinds.fullmatch(label)
        return next((kind for kind in self.sections if found.group(kind) is not None), None) if found else None


_FILES: dict[str, dict[str, Any] | None] = {}  #: the data files read so far, by name


def _read(name: str) -> dict[str, Any] | None:
    """A data file, parsed once per process (callers do not modify it)."""
    if name not in _FILES:
        ref = DATA / f"{name}.toml"
        _FILES[name] = tomllib.loads(ref.read_text(encoding="utf-8")) if ref.is_file() else None
    return _FILES[name]


@cache
def data_file(name: str) -> dict[str, Any]:
    """A data file other than a language (``ap``, ``acronyms``); empty if absent."""
    return _read(name) or {}


def _base(tag: str) -> str:
    return (tag or "en").replace("_", "-").split("-")[0].lower()


@cache
def available() -> tuple[str, ...]:
    """The language codes that have a data file."""
    names = [p.name.removesuffix(".toml") for p in DATA.iterdir() if p.name.endswith(".toml")]
    return tuple(sorted(n for n in names if len(n) == 2))


@cache
def language(tag: str) -> Language:
    """The word lists for a BCP 47 tag (``fr-CH`` reads ``fr``); English when unknown."""
    en = _read("en") or {}
    code = _base(tag)
    own = (_read(code) if code != "en" else None) or en

    def merged(key: str, sub: str | None = None) -> list[Any]:
        a = own.get(key, {}) if sub else own.get(key, [])
        b = en.get(key, {}) if sub else en.get(key, [])
        if sub:
            a, b = a.get(sub, []), b.get(sub, [])
        return list(dict.fromkeys([*a, *b]))

    sections = {kind: tuple(rf"(?:{p})" for p in merged("sections", kind)) for kind in ("notes", "about", "contact")}
    section_kinds = re.compile(
        "|".join(f"(?P<{kind}>{'|'.join(patterns) or '(?!)'})" for kind, patterns in sections.items()),
        re.IGNORECASE,
    )
    own_dates, en_dates = own.get("dates", {}), en.get("dates", {})
    labels = {**en.get("labels", {}), **own.get("labels", {})}
    release_lines = own.get("release_lines", {}) if own is not en else {}
    placeholders = own.get("placeholders", {})
    return Language(
        code=code if own is not en or code == "en" else "en",
        quote_marks=tuple(tuple(pair) for pair in own.get("quote_marks", [])),  # type: ignore[misc]
        speech_verbs=tuple(merged("speech_verbs")),
        pronouns=tuple(merged("pronouns")),
        honorifics=tuple(merged("honorifics")),
        title_words=frozenset(w.lower() for w in merged("title_words")),
        place_words=frozenset(w.lower() for w in merged("place_words")),
        name_stops=frozenset(own.get("name_stops", [])),
        sections=sections,
        section_kinds=section_kinds,
        months={**en_dates.get("months", {}), **own_dates.get("months", {})},
        weekdays={**en_dates.get("weekdays", {}), **own_dates.get("weekdays", {})},
        lead_words=tuple(dict.fromkeys([*own_dates.get("lead_words", []), *en_dates.get("lead_words", [])])),
        placeholder_tokens=tuple(placeholders.get("tokens", [])),
        placeholder_patterns=tuple(re.compile(p, re.IGNORECASE) for p in placeholders.get("patterns", [])),
        vague_link_texts=tuple(own.get("links", {}).get("vague_texts", [])),
        first_person=tuple(own.get("style", {}).get("first_person", [])),
        work_nouns=tuple(w.lower() for w in merged("work_nouns")),
        labels=labels,
        end_marks=tuple(own.get("end_marks", [])) if own is not en else (),
        embargo_lines=tuple(release_lines.get("embargo", [])),
        immediate_lines=frozenset(
            line.casefold() for line in (*release_lines.get("immediate", []), labels.get("immediate_release")) if line
        ),
        thresholds=dict(own.get("thresholds", {})) if own is not en else {},
        counted=own.get("counted", "words"),
    )


def _dates(code: str) -> dict[str, Any]:
    """The ``[dates]`` table of a language's data file.

    Finding dates in any language needs the month names of every language, but
    nothing else of theirs: reading a file whole for them takes several times as
    long as reading its ``[dates]`` table (a few milliseconds of every lint). The
    table (its header line up to the next table's) is read on its own, unless the
    file has been read whole already; a test holds the two readings equal for every
    data file.
    """
    ref = DATA / f"{code}.toml"
    if code in _FILES or not ref.is_file():
        whole = _FILES.get(code) or {}
    else:
        whole = tomllib.loads(_table_text(ref.read_text(encoding="utf-8"), "dates"))
    table: dict[str, Any] = whole.get("dates", {})
    return table


def _table_text(text: str, name: str) -> str:
    """The lines of the table ``[name]`` (and its ``[name.x]``) in a TOML text: each header line up to the next."""
    kept: list[str] = []
    inside = False
    for line in text.split("\n"):
        if line.startswith("["):
            inside = line.startswith((f"[{name}]", f"[{name}."))
        if inside:
            kept.append(line)
    return "\n".join(kept)


@cache
def _date_tables() -> dict[str, dict[str, Any]]:
    """The ``[dates]`` table of every language, each read once for all that need them
    (month and weekday names, paired months, year words)."""
    return {code: _dates(code) for code in available()}


def _all_dates(key: str) -> dict[str, int]:
    """``language(code).months`` (or weekdays) of every language, merged in order.

    Read from the data directly: building every :class:`Language` would compile the
    section patterns of languages the release is not written in.
    """
    tables = _date_tables()
    en = tables.get("en", {}).get(key, {})
    merged: dict[str, int] = {}
    for code, table in tables.items():
        own = table if code != "en" else {}
        merged.update({**en, **own.get(key, {})})
    return merged


@cache
def all_months() -> dict[str, int]:
    """Month names of every language with a data file, for finding dates anywhere."""
    return _all_dates("months")


@cache
def all_weekdays() -> dict[str, int]:
    return _all_dates("weekdays")


@cache
def paired_months() -> dict[str, int]:
    """Month names of the languages that write a month's two names with a slash (``تموز/يوليو``)."""
    paired: dict[str, int] = {}
    for table in _date_tables().values():
        if table.get("month_pairs"):
            paired.update(table.get("months", {}))
    return paired


@cache
def all_year_words() -> tuple[str, ...]:
    """Words written after a year (``года``, ``г.``, ``م``), of every language."""
    return tuple(dict.fromkeys(word for table in _date_tables().values() for word in table.get("year_words", [])))
