"""Text -> :class:`Release`: the front matter read once, the body parsed once.

The text is read by :mod:`.reading`; the front matter is composed with every key's
and value's span (:mod:`.front_matter`) and its values checked (:mod:`.fields`). The
body goes through markdown-it-py (raw HTML off) over the file with the front matter
blanked out, so every token's source map is a line of the real file; its blocks and
sections come from :mod:`.structure`, then dates, the lede, quotations and contacts
from their modules. Content problems become :class:`Problem` values on the model;
only I/O raises (:class:`~pressrelease.errors.ReadError`).
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from .. import config as config_mod
from ..model import Contact, DateMention, FrontMatter, Problem, Release, Span
from .bare_links import use as use_bare_links
from .contact_details import contacts_from_front_matter, contacts_from_section, merge_contacts
from .dates import find_dates
from .fields import Fields
from .front_matter import read_front_matter
from .language import language
from .lede import find_dateline, find_lede_date
from .link_labels import use as use_link_labels
from .link_targets import LinkTargetsOnce
from .plain_inline import use as use_plain_inline
from .plain_paragraph import use as use_plain_paragraph
from .quotations import find_quotes
from .reading import MAX_BYTES, read_stdin, read_text, source_text
from .structure import flatten_deep_inlines, is_release_line, make_block, mask_comments, structure
from .token_ranges import TokenRanges


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

    fm, body_offset, problems, nodes, child_spans = read_front_matter(text)
    fields = Fields(fm, nodes, problems, child_spans)
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

    masked, comments = mask_comments(text, body_offset)
    lines = text.split("\n")
    try:
        tokens = _MD.parse(masked)
    except RecursionError:
        problems.append(Problem("PR004", "Markdown nested too deeply to read", Span.point(1)))
        tokens = []
    problems.extend(flatten_deep_inlines(tokens))

    blocks = [make_block(tuple(tokens[a : b + 1]), lines) for a, b in TokenRanges(tokens).children(0, len(tokens))]
    blocks, sections, end_marks, body = structure(blocks, lang)

    lede = next((i for i in body if blocks[i].kind == "paragraph" and not is_release_line(blocks[i], lang)), None)
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
