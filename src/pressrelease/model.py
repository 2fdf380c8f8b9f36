"""The document model: one parsed press release, shared by lint and every renderer.

Everything here is a frozen ``msgspec.Struct``: typed, immutable, hashable and
compared by value like a frozen dataclass, but built in C, so the fifteen classes
cost under a millisecond at start-up instead of 25 (dataclasses compile their
methods from source each time the module is imported). Positions are :class:`Span` values into
the original file (front matter included), 1-based, with an exclusive end
column, so that ``source.splitlines()[line - 1][column - 1:end_column - 1]`` is
the element's text when it sits on one line.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

import msgspec
from markdown_it.token import Token

SectionKind = Literal["notes", "about", "contact"]
BlockKind = Literal["paragraph", "heading", "bullet_list", "ordered_list", "blockquote", "code", "hr", "table", "html"]
QuoteKind = Literal["inline", "block", "paragraph"]  #: paragraph: unmarked, after "Jane Doe said:"
ContactSource = Literal["front-matter", "section"]
_first = itemgetter(0)


def repr_without(value: msgspec.Struct, hidden: tuple[str, ...]) -> str:
    """``Name(field=value, ...)`` leaving out ``hidden`` fields (tokens, whole sources)."""
    shown = (f"{name}={getattr(value, name)!r}" for name in value.__struct_fields__ if name not in hidden)
    return f"{type(value).__name__}({', '.join(shown)})"


def blank(text: str) -> str:
    """``text`` made spaces, line ends kept: masked text whose offsets, lines and columns
    are still those of the source (comments, code spans, quotations)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


STDIN_NAME = "<stdin>"  #: standard input, wherever a file would be named

#: a BCP 47 language tag as releases, the config and the command line give it: ``en``, ``fr-CH``, ``es-419``
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Span(msgspec.Struct, frozen=True):
    """A stretch of the source file: 1-based lines and columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        """An empty span at one position (a place to point at, not a stretch)."""
        return cls(line, column, line, column)

    @classmethod
    def lines(cls, first: int, last: int, last_width: int = 0) -> Span:
        """Whole lines ``first``..``last`` (inclusive), ending after ``last_width`` columns."""
        return cls(first, 1, last, last_width + 1)


class Problem(msgspec.Struct, frozen=True):
    """Something wrong with the file that the parser noticed and lint reports."""

    code: str  #: the rule code, e.g. "PR003"
    message: str  #: one sentence for a person
    span: Span  #: where it is


class Comment(msgspec.Struct, frozen=True):
    """An HTML comment in the body (never rendered); suppression comments are these."""

    text: str  #: the text between ``<!--`` and ``-->``, stripped
    span: Span


class Organization(msgspec.Struct, frozen=True):
    """The issuing organisation, from the front matter or the config."""

    key: str | None  #: the config key (``iom``), None for an inline mapping
    name: str
    short_name: str | None = None
    url: str | None = None
    boilerplate: str | None = None
    logo: Path | None = None  #: resolved against the config (or release) folder
    email: str | None = None  #: From: of .eml drafts
    acronyms: tuple[str, ...] = ()
    #: (language, heading) pairs for the About section; ``*`` for any language
    about_heading: tuple[tuple[str, str], ...] = ()
    base_url: str | None = None  #: where the release pages are published (``og:url``, canonical)


class Contact(msgspec.Struct, frozen=True):
    """A media contact, from the front matter or the Contact section's text."""

    name: str | None
    title: str | None = None
    organization: str | None = None
    region: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    source: ContactSource = "front-matter"
    span: Span | None = None  #: the mapping in the front matter, or the text in the section
    email_span: Span | None = None
    phone_span: Span | None = None  #: the phone (or mobile, when there is no phone)

    @property
    def phones(self) -> tuple[str, ...]:
        return tuple(p for p in (self.phone, self.mobile) if p)


class Place(msgspec.Struct, frozen=True):
    """One place named in a dateline (``BAMAKO, Mali`` is one place)."""

    name: str  #: as written, e.g. ``BAMAKO, Mali``
    span: Span


class Dateline(msgspec.Struct, frozen=True):
    """The place (and optionally the date) that opens the lede, up to its dash."""

    text: str  #: the whole dateline, separator included
    places: tuple[Place, ...]
    date: DateMention | None  #: the date in the dateline, when it has one
    separator: str  #: ``-``, ``–``, ``—`` or ``--``
    separator_span: Span
    span: Span
    wire: str | None = None  #: ``PRNewswire`` in ``/PRNewswire/``


class DateMention(msgspec.Struct, frozen=True):
    """A date written in the text (``19 July 2024``, ``Friday, July 19, 2024``, ``Oct. 16``)."""

    text: str
    span: Span
    #: day-month-year, month-day-year, ISO order, or year-month-day with their signs (``2024年7月19日``)
    style: Literal["dmy", "mdy", "iso", "ymd"]
    day: int
    month: int
    year: int | None  #: None when written without a year
    weekday: int | None = None  #: the ISO weekday written with it, if any
    weekday_text: str | None = None
    abbreviated_month: bool = False
    comma: bool = False  #: a comma between day and year (``July 19, 2024``)

    def resolve(self, default_year: int | None = None) -> dt.date | None:
        """The calendar date, taking ``default_year`` when none is written; None if impossible."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        return self.resolve()


class Quote(msgspec.Struct, frozen=True, gc=False):
    """A quotation: inline (between quotation marks), a Markdown block quote, or a paragraph
    without marks that a ``Jane Doe said:`` paragraph introduces."""

    # gc=False: no cycle can run through it (strings, numbers, spans); a pasted file yields
    # hundreds of thousands, and the cycle collector's passes over them took half of lint.
    kind: QuoteKind
    text: str  #: the words quoted, without the marks
    span: Span  #: marks included for inline quotes; the whole block for block quotes
    block: int  #: index into ``Release.blocks`` of the paragraph or block quote
    open_mark: str | None = None
    close_mark: str | None = None
    speaker: str | None = None  #: the person it is attributed to, pronouns resolved
    #: the likeliest speaker when the attribution does not say for sure who ("he added" with
    #: only a name in passing before it); ``speaker`` is then None, ``attributed`` True
    unsure_speaker: str | None = None
    speaker_span: Span | None = None
    verb: str | None = None  #: the speech verb found (``remarked``)
    attributed: bool = False  #: a speech verb names a speaker or resolves a pronoun
    words: int = 0
    sentences: int = 0


class Block(msgspec.Struct, frozen=True):
    """One top-level Markdown block of the body, with its tokens for the renderers."""

    kind: BlockKind
    text: str  #: plain text, Markdown syntax removed (list items joined by newlines)
    span: Span
    tokens: tuple[Token, ...]  #: the block's markdown-it tokens, open to close
    level: int = 0  #: heading level
    section: int | None = None  #: index into ``Release.sections``; None in the body
    source: str = ""  #: the raw Markdown of the block's inline content
    #: (offset in ``source``, line, column) for each line of ``source``: see :meth:`locate`
    segments: tuple[tuple[int, int, int], ...] = ()

    def __repr__(self) -> str:
        return repr_without(self, ("tokens", "source", "segments"))

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the file of an offset into ``source``."""
        if not self.segments:
            return self.span.line, self.span.column
        start, line, column = self.segments[self._segment(offset)]
        return line, column + (offset - start)

    def _segment(self, offset: int) -> int:
        """The index of the last line starting at or before ``offset`` (the first if none does),
        by bisection: a pasted paragraph may hold thousands of lines and of findings."""
        at = bisect_right(self.segments, offset, key=_first) - 1
        return at if at > 0 else 0

    def locate(self, start: int, end: int) -> Span:
        """The file span of ``source[start:end]``."""
        segments = self.segments
        if not segments:
            return Span(self.span.line, self.span.column, self.span.line, self.span.column)
        at = self._segment(start)
        first, line, column = segments[at]
        column += start - first
        if end <= start:
            return Span(line, column, line, column)
        if at + 1 == len(segments) or segments[at + 1][0] > end:  # the usual case: one line
            return Span(line, column, line, column + (end - start))
        return Span(line, column, *self.position(end))


class Section(msgspec.Struct, frozen=True):
    """A notes, about or contact section: a level-2 heading and the blocks under it."""

    kind: SectionKind
    heading: str  #: the heading text as written
    span: Span  #: the heading
    blocks: tuple[int, ...]  #: indices into ``Release.blocks`` (the heading excluded, unless it is also the text)
    #: index of the heading block; it is in ``blocks`` too when the heading is the first line of
    #: the section's one paragraph (``Media Contact:`` then the contact lines, as US wire releases end)
    heading_block: int

    @property
    def empty(self) -> bool:
        return not self.blocks


class EndMark(msgspec.Struct, frozen=True):
    """A paragraph that is exactly ``###``, ``-30-``, ``ENDS`` ..."""

    text: str
    span: Span
    block: int


class Embargo(msgspec.Struct, frozen=True):
    """The front-matter embargo, as written and as an aware datetime."""

    text: str
    at: dt.datetime | None  #: timezone-aware; None when it could not be read
    zone: str | None  #: the IANA zone name, when one was given
    span: Span


class Written(msgspec.Struct, frozen=True):
    """Where a front-matter value is written, from its YAML node.

    A scalar on one line maps each character of its value to the source. Written
    character for character (``exact``), character ``i`` is at ``span.column + i``.
    Where an escape such as ``''`` or ``\\"`` writes one character as two, ``columns``
    holds the map: character ``i`` starts at column ``columns[i]`` and the value ends
    before ``columns[-1]``. Elsewhere (block and folded scalars, lists) there is no map
    and :meth:`locate` gives the whole value.
    """

    span: Span  #: the whole value (inside the quotes of a quoted scalar)
    columns: tuple[int, ...] = ()  #: the map of a value with escapes; empty otherwise
    #: written character for character, so an edit of the value is an edit of the source
    exact: bool = False

    @property
    def mapped(self) -> bool:
        """Each character of the value has its place in the source (a scalar on one line)."""
        return self.exact or bool(self.columns)

    def locate(self, start: int, end: int) -> Span:
        """The span of ``value[start:end]``; the whole value when it has no column map."""
        line = self.span.line
        if self.exact:
            if not 0 <= start <= end <= self.span.end_column - self.span.column:
                return self.span
            return Span(line, self.span.column + start, line, self.span.column + end)
        if not self.columns or not 0 <= start <= end < len(self.columns):
            return self.span
        return Span(line, self.columns[start], line, self.columns[end])


class Translation(msgspec.Struct, frozen=True):
    """Another language version of the same release, as the front matter names it."""

    language: str  #: its language tag, the key under ``translations``
    path: str  #: the file, as written: relative to the release's folder
    span: Span  #: where the path is written


class FrontMatter(msgspec.Struct, frozen=True):
    """The YAML front matter as read, with where every top-level key and value is written."""

    data: dict[str, Any]
    key_spans: dict[str, Span]
    span: Span  #: the whole block, fences included
    present: bool = True
    values: dict[str, Written] = msgspec.field(default_factory=dict)  #: by key; ``key.child`` one level down
    items: dict[str, tuple[dict[str, Written], ...]] = msgspec.field(default_factory=dict)
    """For a list under a key: each item's fields by name (``{}`` for an item that is no mapping)."""

    def value_span(self, key: str) -> Span:
        """Where the value of ``key`` is written; else the key; else the file's start."""
        written = self.values.get(key)
        return written.span if written is not None else self.key_spans.get(key, Span.point(1))


class Release(msgspec.Struct, frozen=True):
    """A parsed press release. Parsing never fails on content: see ``problems``."""

    path: Path | None
    source: str
    front_matter: FrontMatter
    title: str | None
    subtitle: str | None
    date: dt.date | None
    location: str | None
    embargo: Embargo | None
    organization: Organization | None
    language: str
    profile: str
    tags: tuple[str, ...]
    slug: str
    contacts: tuple[Contact, ...]
    blocks: tuple[Block, ...]
    body: tuple[int, ...]  #: indices of body blocks (before sections; end marks excluded)
    lede: int | None  #: index of the lede paragraph
    dateline: Dateline | None
    lede_date: DateMention | None  #: a date in the lede's first sentence (``On 19 July 2024``)
    dates: tuple[DateMention, ...]  #: every date written in the text
    quotes: tuple[Quote, ...]
    sections: tuple[Section, ...]
    end_marks: tuple[EndMark, ...]
    comments: tuple[Comment, ...]
    problems: tuple[Problem, ...]
    tokens: tuple[Token, ...]
    lint_ignore: tuple[str, ...] = ()
    draft: bool = False  #: not ready: ``pressrelease site`` leaves it out
    translations: tuple[Translation, ...] = ()  #: the other language versions it names
    body_line_offset: int = 0  #: lines taken by the front matter

    def __repr__(self) -> str:
        return repr_without(self, ("source", "tokens"))

    @property
    def end_mark(self) -> EndMark | None:
        return self.end_marks[0] if self.end_marks else None

    @property
    def lines(self) -> list[str]:
        return self.source.splitlines()

    def section(self, kind: SectionKind) -> Section | None:
        """The first section of this kind, if any."""
        return next((s for s in self.sections if s.kind == kind), None)

    def lede_block(self) -> Block | None:
        return self.blocks[self.lede] if self.lede is not None else None

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else STDIN_NAME
