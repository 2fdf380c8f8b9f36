"""Text -> :class:`Release`: the front matter read once, the body parsed once.

The front matter is split at its ``---`` lines by python-frontmatter's YAML
handler (its own ``load`` would parse the YAML without positions) and composed with a safe YAML
loader that keeps each key's line (:mod:`.yamlload`: libyaml when available). The body goes through markdown-it-py (raw HTML
off) over the file with the front matter blanked out, so every token's source map
is a line of the real file. Content problems become :class:`Problem` values on the
model; only I/O raises (:class:`ReadError`).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import assets, organizations
from .. import config as config_mod
from ..errors import ReadError
from ..model import (
    LANGUAGE_TAG,
    Block,
    Comment,
    Contact,
    DateMention,
    Embargo,
    EndMark,
    FrontMatter,
    Organization,
    Problem,
    Release,
    Section,
    Span,
    Translation,
    Written,
    blank,
)
from ..slug import slugify
from .bare_links import use as use_bare_links
from .contact_details import EMAIL, PHONE, contacts_from_front_matter, contacts_from_section, merge_contacts
from .dates import find_dates
from .front_matter import load as load_yaml
from .front_matter import written
from .language import Language, language
from .lede import find_dateline, find_lede_date
from .link_labels import use as use_link_labels
from .link_targets import LinkTargetsOnce
from .plain_inline import use as use_plain_inline
from .plain_paragraph import use as use_plain_paragraph
from .quotations import find_quotes
from .token_ranges import TokenRanges

MAX_BYTES = 2 * 1024 * 1024
MAX_INLINE_DEPTH = 32  #: emphasis, links and images inside each other; no release needs more
END_MARKS = (
    *("###", "-30-", "ENDS", "-ENDS-", "- ENDS -", "— ENDS —", "– ENDS –"),
    *("FIN", "-FIN-", "- FIN -", "– FIN –", "— FIN —"),  # French and Spanish releases
)
KNOWN_KEYS = (
    "title",
    "subtitle",
    "date",
    "location",
    "embargo",
    "organization",
    "language",
    "profile",
    "contacts",
    "tags",
    "slug",
    "draft",
    "translations",
    "lint",
)
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_BLOCK_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "blockquote_open": "blockquote",
    "table_open": "table",
    "fence": "code",
    "code_block": "code",
    "hr": "hr",
    "html_block": "html",
}


def markdown() -> MarkdownIt:
    """The one Markdown parser: CommonMark + tables, raw HTML off, bare links linked.

    Bare links come from :mod:`.bare_links`, not markdown-it's ``linkify`` (three times
    cheaper; see there); each link address is normalised once (:mod:`.link_targets`). A paragraph of one line skips the other block rules
    (:mod:`.plain_paragraph`), and inline content with no inline syntax skips markdown-it's
    inline machinery (:mod:`.plain_inline`): the same tokens, for most of a release. Link
    and image labels are looked for in linear time (:mod:`.link_labels`).
    """
    md = LinkTargetsOnce("js-default", {"typographer": False})
    md.enable(["table", "strikethrough"])
    # Rules that would only test their option (html, linkify: both off) and give up,
    # once for every line or character they are offered: about 12% of the parse.
    md.disable(["html_block", "html_inline", "linkify"])
    return use_bare_links(use_plain_inline(use_link_labels(use_plain_paragraph(md))))


_MD = markdown()


# -- reading ---------------------------------------------------------------------------


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a PR004 problem when it is not a readable UTF-8 release.

    Raises :class:`ReadError` only when the path does not name a file. The file is
    opened without blocking and must be a regular one: a named pipe or a device
    called ``*.md`` is refused, not waited on.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                return None, Problem(
                    "PR004", "cannot read the file: not a regular file (a pipe or a device)", Span.point(1)
                )
            # Sized from the file: a read of MAX_BYTES + 1 allocates a 2 MB buffer first,
            # which cost more than reading a release. A file that grew since is read on.
            data = handle.read(min(info.st_size, MAX_BYTES) + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        gone = "a broken link" if path.is_symlink() else "no such file"
        raise ReadError(gone, path) from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a release file", path) from None
    except OSError as exc:
        reason = "a symbolic link that loops" if exc.errno == errno.ELOOP else exc.strerror or exc
        return None, Problem("PR004", f"cannot read the file: {reason}", Span.point(1))
    return decode(data)


def read_stdin() -> tuple[str | None, Problem | None]:
    """Standard input's text, with the same checks as a file (see :func:`decode`)."""
    return decode(sys.stdin.buffer.read(MAX_BYTES + 1), stdin=True)


def decode(data: bytes, stdin: bool = False) -> tuple[str | None, Problem | None]:
    """UTF-8 text of at most 2 MB with no NUL byte, or the PR004 problem that stops it."""
    what, save = ("input", "text") if stdin else ("file", "file")
    if len(data) > MAX_BYTES:
        return None, Problem("PR004", f"{what} is larger than 2 MB; a press release never is", Span.point(1))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, Problem("PR004", f"{what} contains NUL bytes: binary, not a text release", Span.point(line))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(
            "PR004", f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the {save} as UTF-8", Span.point(line)
        )
    return text.removeprefix("\ufeff"), None


def parse_file(path: str | Path | None, config: config_mod.Config | None = None) -> Release:
    """Read and parse one release (``None``: standard input); the config is discovered when not given."""
    path = Path(path) if path is not None else None
    text, problem = read_text(path) if path is not None else read_stdin()
    if config is None:
        config = config_mod.for_path(path)
    if text is None:
        assert problem is not None
        return _unreadable(path, problem, config)
    return parse(text, path, config)


def _unreadable(path: Path | None, problem: Problem, config: config_mod.Config) -> Release:
    empty = FrontMatter({}, {}, Span.point(1), present=False)
    return Release(
        path=path,
        source="",
        front_matter=empty,
        title=None,
        subtitle=None,
        date=None,
        location=None,
        embargo=None,
        organization=config.organization(),
        language=config.language,
        profile=config.profile,
        tags=(),
        slug="release",
        contacts=(),
        blocks=(),
        body=(),
        lede=None,
        dateline=None,
        lede_date=None,
        dates=(),
        quotes=(),
        sections=(),
        end_marks=(),
        comments=(),
        problems=(problem,),
        tokens=(),
    )


# -- front matter ------------------------------------------------------------------------


# python-frontmatter's YAMLHandler boundary: a line of three or more hyphens.
_HANDLER = frontmatter.YAMLHandler()  # type: ignore[attr-defined]
_FM_BOUNDARY: re.Pattern[str] = _HANDLER.FM_BOUNDARY  # a line of three or more hyphens


def _split(text: str) -> tuple[str | None, int, int, int, Problem | None]:
    """(YAML text, its first line, the closing ``---`` line, the body's offset, problem)."""
    if not _FM_BOUNDARY.match(text):
        return (
            None,
            1,
            1,
            0,
            Problem("PR001", "no front matter: start the file with a '---' line, then title and date", Span.point(1)),
        )
    try:
        _, fm, content = _FM_BOUNDARY.split(text, 2)
    except ValueError:
        return (
            None,
            1,
            max(1, text.count("\n")),
            len(text),
            Problem("PR001", "front matter is not closed: add a '---' line after it", Span.point(1)),
        )
    body_offset = len(text) - len(content)
    yaml_start = text.find(fm, 3) if fm else text.find("\n") + 1
    first_line = text.count("\n", 0, max(yaml_start, 0)) + 1
    # The YAML text runs from the end of the opening line to the start of the closing
    # one. (The body's offset is no guide: the boundary pattern leaves the closing
    # line's newline to the body, unless a blank line follows.)
    return fm, first_line, first_line + fm.count("\n"), body_offset, None


def _read_front_matter(
    text: str,
) -> tuple[FrontMatter, int, list[Problem], dict[str, yaml.Node], dict[str, Span]]:
    """The front matter, the body's offset, problems, each key's value node, and ``key.child`` spans."""
    fm_text, first_line, closing_line, body_offset, problem = _split(text)
    problems = [problem] if problem else []
    whole = Span.lines(1, closing_line, 3)
    if fm_text is None:
        return FrontMatter({}, {}, whole, present=problem is None), body_offset, problems, {}, {}
    try:
        node, data = load_yaml(fm_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if (
            exc.context_mark is not None
            and exc.problem_mark is not None
            and exc.context_mark.line < exc.problem_mark.line
        ):
            # An unclosed '[' or quote is found where the text ends; the writer's
            # mistake is where the bracket or quote opened.
            mark = exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        what = exc.problem or "invalid YAML"
        problems.append(Problem("PR001", f"YAML error in front matter: {what}", Span.point(line, column)))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        problems.append(Problem("PR001", f"YAML error in front matter: {exc}", Span.point(first_line)))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    if data is None:
        problems.append(Problem("PR001", "front matter is empty: it needs at least title and date", whole))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problems.append(Problem("PR001", "front matter must be a mapping of keys to values", whole))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    spans: dict[str, Span] = {}
    child_spans: dict[str, Span] = {}
    nodes: dict[str, yaml.Node] = {}
    lines = fm_text.split("\n")
    values: dict[str, Written] = {}
    items: dict[str, tuple[dict[str, Written], ...]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        start = key_node.start_mark
        span = Span(first_line + start.line, start.column + 1, first_line + start.line, start.column + 1 + len(key))
        if key in spans:
            message = f"{key}: set twice (lines {spans[key].line} and {span.line}); the last one is used"
            problems.append(Problem("PR003", message, span))
        spans[key] = span
        nodes[key] = value_node
        values[key] = written(value_node, lines, first_line)
        if isinstance(value_node, yaml.MappingNode):  # one level down, for organization.logo
            for child, child_value in value_node.value:
                mark, name = child.start_mark, str(child.value)
                line = first_line + mark.line
                child_spans.setdefault(f"{key}.{name}", Span(line, mark.column + 1, line, mark.column + 1 + len(name)))
                values.setdefault(f"{key}.{name}", written(child_value, lines, first_line))
        elif isinstance(value_node, yaml.SequenceNode):  # contacts: each item's fields
            items[key] = tuple(
                {str(k.value): written(v, lines, first_line) for k, v in item.value}
                if isinstance(item, yaml.MappingNode)
                else {}
                for item in value_node.value
            )
    data = {str(k): v for k, v in data.items()}
    return FrontMatter(data, spans, whole, values=values, items=items), body_offset, problems, nodes, child_spans


# -- field validation ---------------------------------------------------------------------


class _Fields:
    """Reads typed values out of the front matter, recording PR002/PR003 problems."""

    def __init__(
        self, fm: FrontMatter, nodes: dict[str, yaml.Node], problems: list[Problem], child_spans: dict[str, Span]
    ) -> None:
        self.fm = fm
        self.nodes = nodes
        self.problems = problems
        self.child_spans = child_spans  #: ``organization.logo`` and the like

    def span(self, key: str) -> Span:
        return self.fm.key_spans.get(key, Span.point(1))

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem("PR003", f"{key}: {message}", self.span(key)))

    def string(self, key: str) -> str | None:
        value = self.fm.data.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.bad(key, f"expected text, got {_kind(value)}")
            return None
        return value.strip() or None

    def unknown_keys(self) -> None:
        for key in self.fm.data:
            if key in KNOWN_KEYS:
                continue
            import difflib  # only for a misspelt key: most releases have none

            close = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f" (known keys: {', '.join(KNOWN_KEYS)})"
            self.problems.append(Problem("PR002", f"unknown front-matter key '{key}'{hint}", self.span(key)))

    def date(self) -> dt.date | None:
        value = self.fm.data.get("date")
        if value is None:
            if self.fm.present and self.fm.data:
                self.problems.append(
                    Problem("PR003", "date: missing; add the release date as YYYY-MM-DD", self.fm.span)
                )
            return None
        if isinstance(value, dt.datetime):
            self.bad("date", "expected a date YYYY-MM-DD, not a date and time (use embargo for a time)")
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad("date", f"expected a date YYYY-MM-DD, got {value!r}")
        return None

    def embargo(self) -> Embargo | None:
        value = self.fm.data.get("embargo")
        if value is None:
            return None
        node = self.nodes.get("embargo")
        text = str(node.value) if isinstance(node, yaml.ScalarNode) else str(value)
        span = self.span("embargo")
        at: dt.datetime | None
        zone: str | None
        if isinstance(value, dt.datetime):
            at, zone = value, None
            if at.tzinfo is None:
                return Embargo(text, None, None, span)  # no zone: PR601 says so
        elif isinstance(value, str):
            if organizations.has_line_break(value.strip()):  # it would end up in an email header
                self.bad("embargo", "contains a line break or control character: write the date and time on one line")
                return Embargo(" ".join(text.split()), None, None, span)
            at, zone = _parse_embargo(value.strip())
            if at is None and zone == "?":
                self.bad("embargo", "unknown time zone; use an offset (+03:00) or an IANA name like Europe/Minsk")
                return Embargo(text, None, None, span)
        elif isinstance(value, dt.date):
            return Embargo(text, None, None, span)  # a date without a time: PR601 says so
        else:
            self.bad("embargo", f"expected a date and time, got {_kind(value)}")
            return None
        if at is None:
            self.bad("embargo", "expected YYYY-MM-DDTHH:MM+HH:MM or 'YYYY-MM-DD HH:MM Area/City'")
            return Embargo(text, None, None, span)
        if at.tzinfo is None:
            return Embargo(text, None, None, span)  # no zone: PR601 says so
        return Embargo(text, at, zone, span)

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.string(key)
        if value is None:
            return default
        if value not in allowed:
            self.bad(key, f"must be one of {', '.join(allowed)}, got {value!r}")
            return default
        return value

    def language(self, default: str) -> str:
        value = self.string("language")
        if value is None:
            return default
        if not LANGUAGE_TAG.match(value):
            self.bad("language", f"expected a language tag like 'en' or 'fr-CH', got {value!r}")
            return default
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.fm.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return tuple(str(v) for v in value)
        self.bad(key, f"expected a list of words, got {_kind(value)}")
        return ()

    def translations(self, own: str) -> tuple[Translation, ...]:
        """``translations: {ru: minsk.ru.md}``: each other version's language and file."""
        value = self.fm.data.get("translations")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.bad("translations", f"expected a mapping of language tags to files, got {_kind(value)}")
            return ()
        found = []
        for tag, name in value.items():
            where = self.fm.value_span(f"translations.{tag}")
            if not isinstance(tag, str) or not LANGUAGE_TAG.match(tag):
                self.bad("translations", f"expected a language tag like 'ru' or 'fr-CH', got {tag!r}")
            elif tag.lower() == own.lower():
                self.bad("translations", f"'{tag}' is this release's own language")
            elif not isinstance(name, str) or not name.strip().endswith(".md"):
                self.bad("translations", f"{tag}: expected a release file (.md), got {name!r}")
            else:
                found.append(Translation(tag, name.strip(), where))
        return tuple(found)

    def flag(self, key: str) -> bool:
        value = self.fm.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.bad(key, f"expected true or false, got {_kind(value)}")
            return False
        return value

    def slug(self, title: str | None, date: dt.date | None, path: str | Path | None) -> str:
        value = self.string("slug")
        if value is not None:
            if _SLUG.match(value) and len(value) <= 80:
                return value
            self.bad("slug", "use only a-z, 0-9 and single hyphens, at most 80 characters")
        return slugify(title, date, fallback=Path(path).stem if path is not None else None)

    def lint_ignore(self) -> tuple[str, ...]:
        value = self.fm.data.get("lint")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.bad("lint", "expected a mapping like 'ignore: [PR401]'")
            return ()
        extra = [k for k in value if k != "ignore"]
        if extra:
            self.bad("lint", f"only 'ignore' is allowed here, got {', '.join(map(str, extra))}")
        ignore = value.get("ignore", [])
        if isinstance(ignore, str):
            ignore = [v for v in re.split(r"[\s,]+", ignore) if v]
        if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
            self.bad("lint", "ignore: expected a list of rule codes or names")
            return ()
        return tuple(ignore)

    def organization(self, config: config_mod.Config, base: Path | None) -> Organization | None:
        value = self.fm.data.get("organization")
        if value is None:
            return config.organization()
        if isinstance(value, str):
            org = config.organizations.get(value.strip())
            if org is None:
                known = ", ".join(config.organizations) or "none configured"
                self.bad("organization", f"no organisation '{value}' in the config (known: {known})")
                return Organization(key=None, name=value.strip())
            return org
        if isinstance(value, dict):
            unknown = [k for k in value if k not in organizations.KEYS]
            if unknown:
                self.bad("organization", f"unknown keys {', '.join(map(str, unknown))}")

            def report(field: str | None, message: str) -> None:
                if field is None:
                    self.bad("organization", message)
                    return
                span = self.child_spans.get(f"organization.{field}", self.span("organization"))
                self.problems.append(Problem("PR003", f"organization.{field}: {message}", span))

            found = organizations.read_organization(value, None, report, lambda name: self.logo(name, config, base))
            return found or config.organization()
        self.bad("organization", f"expected a config key or a mapping, got {_kind(value)}")
        return config.organization()

    def logo(self, name: str, config: config_mod.Config, base: Path | None) -> Path | str:
        """The file the front matter's logo names, if the release may name it (:mod:`pressrelease.assets`)."""
        if base is None:
            return "a release read from standard input cannot name a logo file"
        roots = (base, config.build.templates) if config.build.templates else (base,)
        return assets.resolve(name, base, roots, "the release's folder or the theme")


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _parse_embargo(text: str) -> tuple[dt.datetime | None, str | None]:
    """``2024-07-19T10:00:00+03:00`` or ``2024-07-19 10:00 Europe/Minsk``; naive when no zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*(.*)$", text)
    if not match:
        return None, None
    day, time, rest = match.groups()
    rest = rest.strip()
    try:
        if not rest or re.match(r"^(Z|[+-]\d{2}:?\d{2})$", rest):
            return dt.datetime.fromisoformat(f"{day}T{time}{rest}"), None
        try:
            zone = ZoneInfo(rest)
        except (ZoneInfoNotFoundError, ValueError):
            return None, "?"
        return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=zone), rest
    except ValueError:
        return None, None


# -- body -------------------------------------------------------------------------------


def _mask(text: str, body_offset: int) -> tuple[str, list[Comment]]:
    """The text markdown-it sees: front matter blanked, comments blanked, lines kept."""
    head = "\n" * text.count("\n", 0, body_offset)  # the front matter's line ends alone
    body = text[body_offset:]
    comments: list[Comment] = []

    def hide(match: re.Match[str]) -> str:
        start = body_offset + match.start()
        end = body_offset + match.end()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        end_line = text.count("\n", 0, end) + 1
        end_column = end - (text.rfind("\n", 0, end) + 1) + 1
        comments.append(Comment(match.group(1).strip(), Span(line, column, end_line, end_column)))
        return blank(match.group(0))

    return head + _COMMENT.sub(hide, body), comments


def _inline_text(token: Token) -> str:
    children = token.children or ()
    if len(children) == 1 and children[0].type == "text":
        return children[0].content  # a paragraph of plain words, one line
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _make_block(tokens: tuple[Token, ...], lines: list[str]) -> Block:
    first = tokens[0]
    kind = _BLOCK_KINDS.get(first.type, "paragraph")
    start, end = first.map or (0, 1)
    last_width = len(lines[end - 1]) if 0 < end <= len(lines) else 0
    texts: list[str] = []
    sources: list[str] = []
    segments: list[tuple[int, int, int]] = []
    offset = 0
    for token in tokens:
        kind_of_token = token.type
        if kind_of_token == "inline":
            texts.append(_inline_text(token))
            line_no = (token.map or first.map or (0, 0))[0]
            for content_line in token.content.split("\n"):
                source_line = lines[line_no] if line_no < len(lines) else ""
                found = source_line.find(content_line) if content_line else len(source_line)
                segments.append((offset, line_no + 1, max(found, 0) + 1))
                offset += len(content_line) + 1
                line_no += 1
            sources.append(token.content)
        elif kind_of_token in ("fence", "code_block"):
            texts.append(token.content)
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=texts[0].strip() if len(texts) == 1 else "\n".join(texts).strip(),
        span=Span(start + 1, 1, end, last_width + 1),
        tokens=tokens,
        level=int(first.tag[1]) if kind == "heading" and first.tag[1:].isdigit() else 0,
        source=sources[0] if len(sources) == 1 else "\n".join(sources),
        segments=tuple(segments),
    )


_MAX_SENTENCE_LABEL_WORDS = 6  #: a label may end "Inc." or "Ltd."; a longer line ending "." is a sentence
_LABEL = re.compile(r"^\s*(?:\*\*|__)?(?P<label>[^*_\n]+?)(?P<colon>\s*:)?\s*(?:\*\*|__)?\s*(?P<colon2>:)?\s*$")


def _section_kind(text: str, lang: Language) -> str | None:
    label = text.strip().replace("’", "'").replace("‘", "'").rstrip(":：").strip()
    return lang.section_kind(label)


# "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 10:00 CET, 20 March", "EMBARGO: Not for publication
# before ...", "HOLD FOR RELEASE UNTIL ...": a release line above the lede, not the lede itself.
@cache
def _release_line() -> re.Pattern[str]:  # compiled on first use: most releases have no such line
    return re.compile(
        r"(?i)^[\W_]*(?:for\s+immediate\s+release|immediate\s+release|hold\s+for\s+release|for\s+release\s+(?:on|at)\b"
        r"|embargo(?:ed)?(?:\s+(?:until|till|to|before)\b|\s*[:–—-]|(?=\s+\d))"
        r"|not\s+for\s+(?:publication|release|broadcast)\b|sous\s+embargo\b|embargo\s+hasta\b|эмбарго\b)"
    )


@cache
def _own_release_line(code: str) -> re.Pattern[str] | None:
    """A language's own embargo line (``[release_lines] embargo``: Arabic, Chinese), or None."""
    phrases = language(code).embargo_lines
    return re.compile(rf"^[\W_]*(?:{'|'.join(phrases)})", re.IGNORECASE) if phrases else None


def _is_release_line(block: Block, lang: Language) -> bool:
    text = block.text.strip()
    if not text or len(text.split()) > 25:
        return False
    if text.strip("*_ ").casefold() in lang.immediate_lines or _release_line().match(text):
        return True
    own = _own_release_line(lang.code)
    return own is not None and own.match(text) is not None


def _label(line: str) -> tuple[str, bool] | None:
    """A line that is only a label: (the label, whether a colon or bold marks it as one)."""
    if "*" not in line and "_" not in line and "\n" not in line:
        return _unmarked_label(line)
    match = _LABEL.match(line)
    if not match:
        return None
    marked = bool(match.group("colon") or match.group("colon2")) or line.strip().startswith(("**", "__"))
    return match.group("label"), marked


def _unmarked_label(line: str) -> tuple[str, bool] | None:
    """What :data:`_LABEL` reads in a line without ``*``, ``_`` or a line end, without its backtracking.

    The pattern's lazy label tries its tail (spaces and at most two colons) after each
    of its characters: about 15 us on a line of prose, which most one-line paragraphs
    are. The label runs from the first non-space character to the last one that tail
    cannot take (an all-space line: its last space), and a colon in the tail marks it.
    tests/parse/test_release.py compares the two on generated lines.
    """
    if not line:
        return None
    start = len(line) - len(line.lstrip())
    if start == len(line):
        return line[-1], False
    end, colons = len(line), 0
    while end > start + 1 and (line[end - 1].isspace() or (line[end - 1] == ":" and colons < 2)):
        colons += line[end - 1] == ":"
        end -= 1
    return line[start:end], colons > 0


def _pseudo_heading(block: Block, lang: Language) -> str | None:
    """A one-line paragraph that is only a section label (``**Notes to editors**``, ``Contact:``)."""
    if block.kind != "paragraph" or "\n" in block.source or len(block.source) > 120:
        return None  # labels are short; long lines are prose (and would cost the regex time)
    found = _label(block.source)
    if found is None:
        return None
    label, marked = found
    if not marked and label.rstrip().endswith(".") and len(label.split()) > _MAX_SENTENCE_LABEL_WORDS:
        return None  # "For more information, visit our site or call 0800 ...": a sentence, not a label
    kind = _section_kind(label, lang)
    if (
        kind is None
        or (kind == "about" and not marked)
        or (kind == "notes" and not marked and label.strip().lower() == "notes")
    ):
        return None
    return kind


def _labelled_contacts(block: Block, lang: Language) -> str | None:
    """``Media Contact:`` on the first line of a paragraph that goes on with the contacts.

    US wire releases end so, after ``###``: the label, then name, email and phone on
    the lines below, one paragraph. The label must end with a colon or be in bold, the
    lines below must hold an email address or a phone number, and only contact sections
    start so: a notes or About paragraph keeps its label as text. Returns the label as
    written (without colon or bold), or None.
    """
    if block.kind != "paragraph" or "\n" not in block.source:
        return None
    first, rest = block.source.split("\n", 1)
    if len(first) > 80 or not (EMAIL.search(rest) or PHONE.search(rest)):
        return None
    found = _label(first)
    if found is None or not found[1] or _section_kind(found[0], lang) != "contact":
        return None
    return found[0].strip()


def flatten_deep_inlines(tokens: list[Token]) -> list[Problem]:
    """Inline markup nested deeper than :data:`MAX_INLINE_DEPTH` becomes its plain text, and a PR004.

    markdown-it's ``maxNesting`` bounds blocks, but emphasis is paired after the
    fact: ``*`` x500, a word, ``*`` x500 nests 250 ``strong`` deep, and every walker
    of the tree (the text renderer, the PDF engine) then runs out of stack. One
    pass over each inline's children measures the depth; children no more in number
    than the limit cannot nest deeper than it (each level opens with one of them), so
    most inlines need no pass.
    """
    problems: list[Problem] = []
    for token in tokens:
        if not token.children or len(token.children) <= MAX_INLINE_DEPTH:
            continue
        depth = deepest = 0
        for child in token.children:
            depth += child.nesting
            deepest = max(deepest, depth)
        if deepest > MAX_INLINE_DEPTH:
            token.children = [Token("text", "", 0, content=token.content)]
            line = token.map[0] + 1 if token.map else 1
            message = f"inline markup nested {deepest} deep (at most {MAX_INLINE_DEPTH}): shown as plain text"
            problems.append(Problem("PR004", message, Span.point(line)))
    return problems


# -- the whole parse --------------------------------------------------------------------------


def source_text(text: str) -> str:
    """The text as the model holds it (``Release.source``): no BOM, ``\\n`` line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, path: str | Path | None = None, config: config_mod.Config | None = None) -> Release:
    """Parse a release's text. Never raises on content: problems are on the result."""
    path = Path(path) if path is not None else None
    if config is None:
        config = config_mod.DEFAULT
    text = source_text(text)
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        return _unreadable(
            path, Problem("PR004", "file is larger than 2 MB; a press release never is", Span.point(1)), config
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return _unreadable(
            path, Problem("PR004", "text contains NUL bytes: binary, not a text release", Span.point(line)), config
        )

    fm, body_offset, problems, nodes, child_spans = _read_front_matter(text)
    fields = _Fields(fm, nodes, problems, child_spans)
    fields.unknown_keys()
    title = fields.string("title")
    subtitle = fields.string("subtitle")
    date = fields.date()
    location = fields.string("location")
    embargo = fields.embargo()
    base = path.parent if path is not None else None
    organization = fields.organization(config, base)
    lang_tag = fields.language(config.language)
    profile = fields.choice("profile", config_mod.PROFILES, config.profile)
    tags = fields.strings("tags")
    slug = fields.slug(title, date, path)
    draft = fields.flag("draft")
    translations = fields.translations(lang_tag)
    lint_ignore = fields.lint_ignore()
    lang = language(lang_tag)

    masked, comments = _mask(text, body_offset)
    lines = text.split("\n")
    try:
        tokens = _MD.parse(masked)
    except RecursionError:
        problems.append(Problem("PR004", "Markdown nested too deeply to read", Span.point(1)))
        tokens = []
    problems.extend(flatten_deep_inlines(tokens))

    blocks = [_make_block(tuple(tokens[a : b + 1]), lines) for a, b in TokenRanges(tokens).children(0, len(tokens))]
    blocks, sections, end_marks, body = _structure(blocks, lang)

    lede = next((i for i in body if blocks[i].kind == "paragraph" and not _is_release_line(blocks[i], lang)), None)
    dateline = find_dateline(blocks[lede]) if lede is not None else None
    lede_date = find_lede_date(blocks[lede], dateline, lang) if lede is not None else None

    dates: list[DateMention] = []
    for block in blocks:
        if block.source:
            dates.extend(find_dates(block.source, block.locate))

    quotes, quote_problems = find_quotes(blocks, body, sections, lang, subtitle or "")
    problems.extend(quote_problems)

    contact_list: list[Contact] = list(contacts_from_front_matter(fm, fields.bad))
    for section in sections:
        if section.kind == "contact":
            contact_list = merge_contacts(contact_list, contacts_from_section([blocks[i] for i in section.blocks]))

    return Release(
        path=path,
        source=text,
        front_matter=fm,
        title=title,
        subtitle=subtitle,
        date=date,
        location=location,
        embargo=embargo,
        organization=organization,
        language=lang_tag,
        profile=profile,
        tags=tags,
        slug=slug,
        contacts=tuple(contact_list),
        blocks=tuple(blocks),
        body=tuple(body),
        lede=lede,
        dateline=dateline,
        lede_date=lede_date,
        dates=tuple(dates),
        quotes=tuple(quotes),
        sections=tuple(sections),
        end_marks=tuple(end_marks),
        comments=tuple(comments),
        problems=tuple(sorted(problems, key=lambda p: (p.span.line, p.span.column))),
        tokens=tuple(tokens),
        lint_ignore=lint_ignore,
        draft=draft,
        translations=translations,
        body_line_offset=text.count("\n", 0, body_offset),
    )


def _is_end_mark(block: Block, lang: Language) -> str | None:
    if block.span.line != block.span.end_line and block.kind != "heading":
        return None
    if block.kind == "heading" and block.text == "" and block.tokens[0].markup == "###":
        return "###"
    if block.kind in ("paragraph", "bullet_list"):
        # "- ENDS -" reads as a list item to Markdown; judge the line as written.
        raw = block.source if block.kind == "paragraph" else f"- {block.text}"
        if raw.strip() in END_MARKS or raw.strip() in lang.end_marks:
            return raw.strip()
    return None


def _structure(blocks: list[Block], lang: Language) -> tuple[list[Block], list[Section], list[EndMark], list[int]]:
    """Assign each block to the body or a section, and find the end marks."""
    from msgspec.structs import replace

    sections: list[Section] = []
    end_marks: list[EndMark] = []
    body: list[int] = []
    current: int | None = None  # index into sections
    members: dict[int, list[int]] = {}
    result: list[Block] = []
    for index, block in enumerate(blocks):
        mark = _is_end_mark(block, lang)
        if mark is not None:
            end_marks.append(EndMark(mark, block.span, index))
            result.append(block)
            current = None  # an end mark closes any section: what follows is not its text
            continue
        kind: str | None = None
        if block.kind == "heading" and block.level <= 2:
            kind = _section_kind(block.text, lang)
            if kind is None:
                current = None  # a level-2 subhead ends any section
        elif block.kind == "paragraph" and (current is None or sections[current].kind != _pseudo_heading(block, lang)):
            kind = _pseudo_heading(block, lang)
            label = _labelled_contacts(block, lang) if kind is None and current is None else None
            if label is not None:
                # The paragraph is its own section: its first line the heading, all of it the text.
                at = block.source.index(label)
                sections.append(Section("contact", label, block.locate(at, at + len(label)), (), index))
                current = len(sections) - 1
                members[current] = [index]
                result.append(replace(block, section=current))
                continue
        if kind is not None:
            sections.append(Section(kind, block.text.rstrip(": ：").strip("*_ "), block.span, (), index))  # type: ignore[arg-type]
            current = len(sections) - 1
            members[current] = []
            result.append(replace(block, section=current))
            continue
        if current is not None:
            members[current].append(index)
            result.append(replace(block, section=current))
        else:
            result.append(block)
            if not end_marks and not sections:
                body.append(index)
    sections = [replace(s, blocks=tuple(members.get(i, []))) for i, s in enumerate(sections)]
    return result, sections, end_marks, body
