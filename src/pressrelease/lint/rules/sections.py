"""Lint rules: sections and the end mark (PR4xx).

The parser has already split the release: ``Release.body`` holds the blocks before
the first end mark or section, each :class:`Section` lists its blocks, and
``Release.end_marks`` the end-mark paragraphs. These rules judge that layout
against the expected order: body, end mark, notes, about, contact.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Release, Section, Span
from ..registry import Context, Finding, Rule, rule
from ._example import NOTES, QUOTE, example
from ._text import count_words

_NOTES = NOTES + "\n"
_ABOUT = "## About the Clean Water Alliance\n\nThe Clean Water Alliance brings safe water to rural communities.\n"
_CONTACT = "## Contact\n\nAmina Odhiambo, amina.odhiambo@example.org, +254 20 555 0142\n"


def _example(*parts: str) -> str:
    """The example release with these parts after its quotation, each ending with a new line."""
    return example(QUOTE, "\n".join(parts))


_GOOD = _example("###\n", _NOTES, _ABOUT, _CONTACT)
_ORDER = {"end": 1, "notes": 2, "about": 3, "contact": 4}
_NAMES = {
    "end": "the end mark",
    "notes": "the notes section",
    "about": "the About section",
    "contact": "the Contact section",
}


def _end_of_file(release: Release) -> Span:
    lines = release.lines
    return Span.point(max(len(lines), 1), len(lines[-1]) + 1 if lines else 1)


def _section_span(release: Release, section: Section) -> Span:
    """The heading through the last block of the section."""
    if not section.blocks:
        return section.span
    last = release.blocks[section.blocks[-1]].span
    return Span(section.span.line, section.span.column, last.end_line, last.end_column)


def _boilerplate_line(release: Release) -> Span:
    """The ``boilerplate:`` line of an inline organisation mapping, else the ``organization`` key."""
    key = release.front_matter.key_spans.get("organization")
    if key is None:
        return Span.point(1)
    lines = release.lines
    for number in range(key.line + 1, min(release.front_matter.span.end_line, len(lines) + 1)):
        line = lines[number - 1]
        if line[:1].strip():
            break  # the next top-level key
        stripped = line.lstrip()
        if stripped.startswith("boilerplate:"):
            column = len(line) - len(stripped) + 1
            return Span(number, column, number, len(line.rstrip()) + 1)
    return key


def _has_text(release: Release, section: Section) -> bool:
    return any(release.blocks[i].text.strip() for i in section.blocks)


@rule(
    "PR401",
    "editors-notes-missing",
    "warning",
    summary="The release has no notes section (`## Notes to editors`, `## Background`).",
    why="Notes to editors carry the sources for the figures cited, background and photo availability, "
    "after the release text (eReleases, Little Seed Group, Startup Donut; GOV.UK calls it Background).",
    bad=_example("###\n", _CONTACT),
    good=_GOOD,
)
def editors_notes_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if not release.body or release.section("notes") is not None:
        return
    if release.end_mark is not None:
        span = release.end_mark.span
    elif release.sections:
        span = release.sections[0].span
    else:
        span = _end_of_file(release)
    yield Finding(span, "the release has no notes section: add '## Notes to editors' with sources and background")


def _layout(release: Release) -> list[tuple[int, str, Span]]:
    """(block index, kind, span) of each end mark and section, in file order."""
    items = [(m.block, "end", m.span) for m in release.end_marks]
    items.extend((s.heading_block, s.kind, s.span) for s in release.sections)
    return sorted(items)


@rule(
    "PR402",
    "section-order",
    "warning",
    summary="Sections out of the order body, end mark, notes, about, contact.",
    why="The end mark closes the release text and 'the only thing after the footer should be your contact "
    "information' (pressreleasedistribution.com); notes go after the release text (eReleases) and the "
    "contact at the foot (Bland et al.; IOM practice). An About section just "
    "before the end mark is accepted: most releases put the boilerplate there.",
    bad=_example("###\n", _CONTACT, _NOTES),
    good=_GOOD,
)
def section_order(ctx: Context) -> Iterator[Finding]:
    layout = _layout(ctx.release)
    seen: set[str] = set()
    highest: tuple[int, str] | None = None
    for position, (_, kind, span) in enumerate(layout):
        if kind in seen:
            continue  # a second end mark is PR407's, a second section PR406's
        seen.add(kind)
        rank = _ORDER[kind]
        following = layout[position + 1][1] if position + 1 < len(layout) else None
        if kind == "about" and following == "end" and (highest is None or highest[0] < _ORDER["end"]):
            continue  # boilerplate before the end mark
        if highest is not None and rank < highest[0]:
            yield Finding(
                span,
                f"{_NAMES[kind]} comes after {_NAMES[highest[1]]}: move it so the order is "
                "body, end mark, notes, about, contact",
            )
            continue
        highest = (rank, kind)


@rule(
    "PR403",
    "empty-section",
    "warning",
    summary="A notes, about or contact section with no text under its heading.",
    why="An empty heading prints as a promise the release does not keep; a wire editor sees a missing "
    "contact or boilerplate.",
    bad=_example("###\n", "## Notes to editors\n", _CONTACT),
    good=_GOOD,
)
def empty_section(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for section in release.sections:
        if not _has_text(release, section):
            yield Finding(
                section.span, f"the section '{section.heading}' is empty: write its text or delete the heading"
            )


@rule(
    "PR404",
    "boilerplate-missing",
    "info",
    summary="No About section, and the organisation has no `boilerplate` to print.",
    why="Wires expect one 'About <Org>' paragraph near the end (ReleaseWire requires it; PR Daily, "
    "pressreleasesubmit.com). The renderers print the organisation's boilerplate "
    "when the release has no About section.",
    bad=_example("###\n", _NOTES, _CONTACT),
    good=_GOOD,
)
def boilerplate_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if not release.body or release.section("about") is not None:
        return
    org = release.organization
    if org is not None and org.boilerplate:
        return
    span = release.front_matter.key_spans.get("organization")
    if span is None:
        span = release.end_mark.span if release.end_mark is not None else _end_of_file(release)
    yield Finding(
        span,
        "no About section and no organisation boilerplate: add '## About <organisation>' or a `boilerplate` "
        "to the organisation in the config",
    )


@rule(
    "PR405",
    "boilerplate-too-long",
    "warning",
    summary="The About section (or else the organisation's boilerplate) is over `boilerplate-max-words` (100) words.",
    why="PR Daily: keep the boilerplate to 100 words at most, ideally under 50; pressreleasesubmit.com "
    "60-100 words; Business Wire charges by the word.",
    bad=_example(
        "###\n",
        _NOTES,
        "## About the Clean Water Alliance\n\n"
        + "The Clean Water Alliance brings safe water to rural communities in East Africa. " * 9,
        _CONTACT,
    ),
    good=_GOOD,
)
def boilerplate_too_long(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    limit = ctx.thresholds["boilerplate-max-words"]
    about = release.section("about")
    if about is not None:
        words = sum(count_words(release.blocks[i].text) for i in about.blocks)
        span = _section_span(release, about)
        if about.blocks:
            first = release.blocks[about.blocks[0]].span
            span = Span(first.line, first.column, span.end_line, span.end_column)
        where = "the About section"
    elif release.organization is not None and release.organization.boilerplate and release.body:
        words = count_words(release.organization.boilerplate)
        span = _boilerplate_line(release)
        where = f"the boilerplate of '{release.organization.name}'"
    else:
        return
    if words > limit:
        yield Finding(span, f"{where} has {words} {ctx.lang.counted} (limit {limit}): cut it to a few sentences")


@rule(
    "PR406",
    "duplicate-section",
    "warning",
    summary="Two sections of the same kind (two notes or contact sections, or two About sections with the "
    "same heading).",
    why="A release has one notes section, one boilerplate and one contact block at the foot "
    "(ReleaseWire, PR Daily, Bland et al.); two of a kind usually means a pasted draft. A joint release may have one "
    "'About' section per organisation, so About sections only clash when their headings match.",
    bad=_example("###\n", _NOTES, _CONTACT, "## Media contacts\n\nJohn Mwangi, +254 20 555 0199\n"),
    good=_GOOD,
)
def duplicate_section(ctx: Context) -> Iterator[Finding]:
    seen: dict[str, Section] = {}
    for section in ctx.release.sections:
        key = section.kind if section.kind != "about" else f"about:{section.heading.casefold()}"
        first = seen.get(key)
        if first is None:
            seen[key] = section
            continue
        yield Finding(
            section.span,
            f"a second {section.kind} section (the first is on line {first.span.line}): merge the two",
        )


@rule(
    "PR407",
    "end-mark",
    "warning",
    summary="More than one end mark, or body text after it (other than notes, about and contact sections).",
    why="One end mark ends the release text; only contact details and notes may follow it "
    "(pressreleasedistribution.com; Wikipedia 'News release'; Bland et al. for ENDS).",
    bad=_example("###\n", "The plants will open to visitors in April.\n", _NOTES, _CONTACT),
    good=_GOOD,
)
def end_mark(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if not release.end_marks:
        return
    first = release.end_marks[0]
    for extra in release.end_marks[1:]:
        yield Finding(
            extra.span,
            f"a second end mark (the first is on line {first.span.line}): keep only one, after the release text",
        )
    marks = {m.block for m in release.end_marks}
    body = set(release.body)
    run: list[int] = []  # consecutive stray blocks are one finding (a subhead and its text)
    for index, block in enumerate(release.blocks):
        stray = (
            index > first.block
            and index not in marks
            and index not in body
            and block.section is None
            and block.kind not in ("hr", "html")
            and bool(block.text.strip())
        )
        if stray:
            run.append(index)
            continue
        if run and (index in marks or block.section is not None):
            yield _stray(release, run)
            run = []
    if run:
        yield _stray(release, run)


def _stray(release: Release, run: list[int]) -> Finding:
    first, last = release.blocks[run[0]].span, release.blocks[run[-1]].span
    return Finding(
        Span(first.line, first.column, last.end_line, last.end_column),
        "text after the end mark: move it above the end mark, or under a notes, About or Contact heading",
    )


RULES: tuple[Rule, ...] = (
    editors_notes_missing,
    section_order,
    empty_section,
    boilerplate_missing,
    boilerplate_too_long,
    duplicate_section,
    end_mark,
)
