"""Lint rules: body and style (PR7xx).

The rules read a block's raw inline Markdown (``Block.source``) so that every
finding maps back to the file with ``Block.locate``. Code spans, link targets,
autolinks, bare URLs and email addresses are blanked out first (same length, so
offsets still map): a placeholder or an acronym inside ``https://x.org/TBD`` or a
code span is not the writer's prose. Quotations come from :func:`quotes.scan`, the
scanner the parser uses, so "outside quotations" means the same thing everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from ... import assets
from ...model import Block, Release, Span
from ...parse.language import Language, language
from ...parse.quotations import scan
from ..registry import Context, Finding, Rule, rule
from ._example import BODY, LEDE, NOTES, QUOTE, example
from ._not_initials import SpelledOut, cased, is_code, is_furniture, is_name, is_place_code, names_in
from ._text import count_words, front_matter_texts, inline_links, mask, prose_blocks
from ._tokens import TOKEN, Placeholders, acronym, definitions, known_acronyms, shouting_lines, word_pattern


def _example(lede: str = LEDE, body: str = BODY, notes: str | None = None, extra: str = "") -> str:
    """The example release with this lede, a paragraph ``body`` after its quotation, these notes to editors."""
    notes_section = NOTES if notes is None else f"## Notes to editors\n\n{notes}"
    return example(QUOTE, body, "###", notes_section, lede=lede, front=extra)


# -- PR701, PR702: length ------------------------------------------------------------------


@rule(
    "PR701",
    "lede-too-long",
    "warning",
    summary="The lede (first paragraph) is over `lede-max-words` (35) words, dateline excluded.",
    why="The lede carries who, what, when, where and why in one short sentence: news-writing guidance says "
    "'under 30 or 35 words' (Seven Guidelines to Lead Writing) and the PRWeb template 25 words or less.",
    bad=_example(
        lede="Nairobi – Three new water treatment plants opened on 20 March 2026 in the northern region, bringing safe "
        "drinking water to about 400,000 people who until now have relied on water trucked in from the "
        "county capital at great cost to their families."
    ),
    good=_example(),
)
def lede_too_long(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    block = release.lede_block()
    if block is None:
        return
    limit = ctx.thresholds["lede-max-words"]
    start = 0
    words = count_words(block.text)
    if release.dateline is not None:
        words -= count_words(release.dateline.text)
        if block.source.startswith(release.dateline.text):
            start = len(release.dateline.text)
            start += len(block.source[start:]) - len(block.source[start:].lstrip())
    if words > limit:
        yield Finding(
            block.locate(start, len(block.source.rstrip())),
            f"the lede has {words} {ctx.lang.counted} (limit {limit}); keep the news in one short sentence and move "
            "detail to the next paragraph",
        )


@rule(
    "PR702",
    "body-length",
    "info",
    summary="The body (sections excluded) is outside `body-min-words`..`body-max-words` (250..800) words.",
    why="Wires and guides put a release at 250-800 words (Online PR Media; PRWeb 300-800; Send2Press 400-800), "
    "and Business Wire charges for every 100 words past 400.",
    bad=_example(),
    good=_example(body=" ".join([BODY] * 20)),
)
def body_length(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    # Release lines above the lede ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL ...") are not body text.
    blocks = [release.blocks[i] for i in release.body if release.lede is None or i >= release.lede]
    if not blocks:
        return  # PR005 reports an empty body
    words = sum(count_words(b.text) for b in blocks)
    low, high = ctx.thresholds["body-min-words"], ctx.thresholds["body-max-words"]
    span = Span(blocks[0].span.line, 1, blocks[-1].span.end_line, blocks[-1].span.end_column)
    if words < low:
        yield Finding(
            span,
            f"the body has {words} {_unit(ctx.lang.counted, words)} (at least {low} expected); add the facts a journalist needs",
        )
    elif words > high:
        yield Finding(
            span,
            f"the body has {words} {ctx.lang.counted} (at most {high} expected); cut it or move background to the notes",
        )


def _unit(counted: str, count: int) -> str:
    """``words`` or ``characters``, singular for one."""
    return counted.removesuffix("s") if count == 1 else counted


# -- PR703: placeholders ------------------------------------------------------------------------


@rule(
    "PR703",
    "placeholder",
    "error",
    summary="A placeholder left in the text: `TK`, `TBD`, `XX`, `[insert ...]`, `[NAME]`, `lorem ipsum`, "
    "`TODO`, `???` (whole tokens, not in URLs or code).",
    why="A release that goes out with 'TK' or '[NAME]' in it is a correction waiting to happen; Reuters' "
    "handbook says most corrections are prevented by checking simple things. The "
    "tokens are the copy-desk conventions listed in data/<language>.toml.",
    bad=_example(body="The plants will serve TK people in the region."),
    good=_example(),
)
def placeholder(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    find = Placeholders(ctx.lang).find
    for key, value, where in front_matter_texts(release):
        for start, end, what in find(mask(value)):
            yield Finding(where.locate(start, end), f"placeholder '{what}' in the {key}: replace it with the real text")
    for block in release.blocks:
        if not block.source or block.kind == "code":
            continue
        for start, end, what in find(mask(block.source)):
            yield Finding(block.locate(start, end), f"placeholder '{what}': replace it with the real text")


# -- PR704: acronyms ----------------------------------------------------------------------------

#: Blocks where a capitalised word after capitals is news (a brand's name), not Title Case.
_PROSE_KINDS = frozenset({"paragraph", "bullet_list", "ordered_list", "blockquote"})


@rule(
    "PR704",
    "acronym-undefined",
    "warning",
    summary="An acronym used before it is spelled out as `Full Name (ABC)` (or its full name is written "
    "earlier), unless the organisation's `acronyms` or the common list in data/acronyms.toml knows it. "
    "Capitals that are names, places, wire tags, codes or labels (`Anna KOWALSKA`, `Boston, MA`, "
    "`(BUSINESS WIRE)`, `A/HRC/12/3`, `SOURCE`) are not acronyms.",
    why="Readers and wire editors cannot be assumed to know an organisation's initials; the UNU editorial "
    "style and AP both spell a name out on first reference. The common "
    "list holds only initials a general reader knows (UN, EU, CEO, GDP).",
    bad=_example(body="The plants were built by the RWSB with support from county governments."),
    good=_example(
        body="The plants were built by the Rural Water Services Board (RWSB) with support from county "
        "governments. The RWSB will run them."
    ),
)
def acronym_undefined(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    known = known_acronyms(release)
    names: frozenset[str] | None = None  # capitals in the organisation's, contacts' and speakers' names
    defined: set[str] = set()
    reported: set[str] = set()
    end_marks = {mark.block for mark in release.end_marks}
    headings = {section.heading_block for section in release.sections}  # "## CONTACT" is a label
    spelled: SpelledOut | None = None
    for index, block in enumerate(release.blocks):
        if not block.source or block.kind == "code" or index in end_marks or index in headings:
            continue
        text = mask(block.source)
        # Definitions and shouting lines are read only in blocks that hold an acronym
        # (most hold none): the same findings, without the cost.
        spelled_out: dict[int, str] | None = None
        skip: list[tuple[int, int]] | None = None
        for match in TOKEN.finditer(text):
            word = match.group(0)
            name = acronym(word)
            if name is None:
                continue
            if not word.isascii():  # "UNICEF紧急": the acronym ends where the script without case starts
                word = cased(word)
                name = acronym(word)
                if name is None:
                    continue
            start, end = match.start(), match.start() + len(word)
            if spelled_out is None:
                spelled_out = definitions(text)
            if start in spelled_out:
                defined.add(spelled_out[start])
                continue
            if name in known or name in defined or name in reported:
                continue
            if skip is None:
                skip = shouting_lines(text)
                if index == release.lede and release.dateline is not None and text.startswith(release.dateline.text):
                    skip.append((0, len(release.dateline.text)))  # "NEW YORK, March 15 --"
            if any(a <= start < b for a, b in skip):
                continue
            names = names_in(release) if names is None else names
            if name in names:
                continue
            if is_furniture(text, start, end, lede=index == release.lede):
                continue
            if is_code(text, start, end) or is_place_code(text, start, end):
                continue
            if is_name(text, start, end, block.kind in _PROSE_KINDS, ctx.lang.honorifics):
                continue
            spelled = spelled or SpelledOut(release)
            if spelled.before(name, index, start):
                continue
            reported.add(name)
            yield Finding(
                block.locate(start, end),
                f"'{word}' is used before it is spelled out: write the full name followed by "
                f"({name}) on first use, or add it to the organisation's acronyms",
            )


# -- PR705, PR706, PR707, PR710: links and images -------------------------------------------------


def _vague_texts(lang: Language) -> frozenset[str]:
    return frozenset(t.casefold() for t in (*lang.vague_link_texts, *language("en").vague_link_texts))


@rule(
    "PR705",
    "link-text",
    "warning",
    summary="Link text that says nothing about its target: 'click here', 'here', 'this link', 'read more'.",
    why="Screen-reader users jump from link to link, so the text must name the target; PR Newswire's "
    "accessibility checklist and the PRCA guidelines ask for descriptive links.",
    bad=_example(notes="The full report is [here](https://example.org/report)."),
    good=_example(notes="Read the [full report on rural water](https://example.org/report)."),
)
def link_text(ctx: Context) -> Iterator[Finding]:
    vague = _vague_texts(ctx.lang)
    for block in ctx.release.blocks:
        for link in inline_links(block):
            if link.image or link.auto:
                continue
            label = re.sub(r"[*_`]", "", link.text).strip().rstrip(".:!?…").strip().casefold()
            if label in vague:
                yield Finding(
                    block.locate(link.start, link.end),
                    f"link text '{link.text.strip()}' does not say where it goes: name the page or document",
                )


def _scheme(target: str) -> str:
    """The URL scheme, lower case ("" for a relative link); never raises on odd input."""
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", target)
    return match.group(1).lower() if match else ""


def _target_problem(target: str, release: Release, auto: bool) -> str | None:
    """Why a link target will not work for a reader, or None."""
    if auto and target.lower().startswith("www."):
        return "a bare www address links over http: write it in full with https://"
    if target.startswith("//"):
        return "a scheme-relative link: write the address in full with https://"
    scheme = _scheme(target)
    if scheme == "http":
        return "an http: link: use https:// so readers are not sent over an unencrypted connection"
    if scheme == "file":
        return "a file: link points at a disk only you can see: link to a public https:// address"
    if scheme in ("https", "mailto", "tel"):
        return None
    if scheme and len(scheme) > 1:
        return f"a {scheme}: link will not work for readers: link to an https:// address"
    if not target or target.startswith(("#", "?")):
        return None
    if target.startswith("/"):
        return "a site-absolute path has no host in a PDF or email: write the full https:// address"
    local = _local_path(target, release)
    if local is None:
        return None  # read from stdin: there is no folder to resolve against
    try:
        exists = local.exists()
    except (OSError, ValueError):  # a name too long, or %00 in it
        exists = False
    if not exists:
        return f"the relative link '{target}' does not resolve from the release's folder: fix the path"
    return None


def _local_path(target: str, release: Release) -> Path | None:
    """The file a relative link target names, from the release's folder (None from stdin)."""
    if release.path is None:
        return None
    return release.path.parent / Path(unquote(re.split(r"[?#]", target, maxsplit=1)[0]))


def local_targets(release: Release) -> list[Path]:
    """The files PR706 checks for: what its verdicts depend on besides the text (lint/cache.py)."""
    found = []
    for block in release.blocks:
        for link in inline_links(block):
            target = link.target
            if link.image or (link.auto and target.lower().startswith("www.")) or target.startswith("//"):
                continue
            scheme = _scheme(target)
            if (scheme and len(scheme) > 1) or not target or target.startswith(("#", "?", "/")):
                continue
            local = _local_path(target, release)
            if local is not None:
                found.append(local)
    return found


@rule(
    "PR706",
    "link-target",
    "warning",
    summary="A link over `http:`, to a `file:`, or relative and not resolving from the release's folder.",
    why="Newswire.com's guidelines require that all links work; an http: link is "
    "flagged by browsers and a file: or broken relative link works only on the writer's machine.",
    bad=_example(notes="Read the [full report on rural water](http://example.org/report)."),
    good=_example(notes="Read the [full report on rural water](https://example.org/report)."),
)
def link_target(ctx: Context) -> Iterator[Finding]:
    for block in ctx.release.blocks:
        for link in inline_links(block):
            if link.image:
                continue
            problem = _target_problem(link.target, ctx.release, link.auto)
            if problem is not None:
                yield Finding(block.locate(link.target_start, link.target_end), problem)


@rule(
    "PR707",
    "image-alt-missing",
    "warning",
    summary="An image without alt text.",
    why="Alt text is how blind readers and text-only email clients get an image; PR Newswire's accessibility "
    "checklist and WCAG ask for it on every image.",
    bad=_example(notes="![](plant.jpg)"),
    good=_example(notes="![A solar-powered treatment plant beside a reservoir](plant.jpg)"),
)
def image_alt_missing(ctx: Context) -> Iterator[Finding]:
    for block in ctx.release.blocks:
        for link in inline_links(block):
            if link.image and not link.text.strip():
                yield Finding(
                    block.locate(link.start, link.end),
                    "image has no alt text: describe what it shows between the brackets ![...]",
                )


@rule(
    "PR710",
    "remote-image",
    "warning",
    summary="An image loaded from the network: `pressrelease build` will not fetch it.",
    why="The build never touches the network, so a remote image is missing from the PDF; "
    "keep images beside the release so every output carries them.",
    bad=_example(notes="![A solar-powered treatment plant](https://example.org/plant.jpg)"),
    good=_example(notes="![A solar-powered treatment plant](plant.jpg)"),
)
def remote_image(ctx: Context) -> Iterator[Finding]:
    for block in ctx.release.blocks:
        for link in inline_links(block):
            if link.image and (link.target.startswith("//") or _scheme(link.target) in ("http", "https")):
                yield Finding(
                    block.locate(link.target_start, link.target_end),
                    "the image is on the network and will not be fetched: save it beside the release and "
                    "link the local file",
                )


@rule(
    "PR711",
    "image-not-read",
    "warning",
    summary="An image file the build will leave out: outside the release's folder, missing, not a regular "
    "image file, or over 5 MB.",
    why="The build reads an image only from the release's own folder, with links resolved first, and only a "
    "regular image file of at most 5 MB (docs/templates.md, 'What the tool will read'); anything else is left "
    "out of every output, which a writer should know before sending.",
    bad=_example(notes="![Map of the plants](/srv/shared/plants-map.png)"),
    good=_example(notes="![Map of the plants](plants-map.png)"),
)
def image_not_read(ctx: Context) -> Iterator[Finding]:
    folder = ctx.release.path.parent if ctx.release.path is not None else None
    for block in ctx.release.blocks:
        for link in inline_links(block):
            if link.image:
                reason = _image_refusal(link.target, folder)
                if reason is not None:
                    yield Finding(
                        block.locate(link.target_start, link.target_end),
                        f"the build will leave this image out: {reason}",
                    )


def names_files(release: Release) -> bool:
    """True when the release names an image or a logo file: what the lint cache cannot vouch for."""
    organization = release.front_matter.data.get("organization")
    if isinstance(organization, dict) and organization.get("logo"):
        return True
    return any(
        link.image and _scheme(link.target) in ("", "file") and not link.target.startswith("//")
        for block in release.blocks
        for link in inline_links(block)
    )


def _image_refusal(target: str, folder: Path | None) -> str | None:
    """Why the build would not read the image ``target`` names (the renderer's own check), or None."""
    if target.startswith(("/", "\\")) and not target.startswith("//"):
        return "it is an absolute path; keep the image in the release's folder and name it from there"
    relative = assets.relative_image(target)
    if relative is None or folder is None:
        return None  # remote (PR710), a data: URI, or a release with no folder to look in
    found = assets.resolve(relative, folder, (folder,), "the release's folder")
    return None if isinstance(found, Path) else str(found)


# -- PR708, PR709: voice ------------------------------------------------------------------------


def _outside_quotes(block: Block) -> tuple[str, list[tuple[int, int]]]:
    """The masked source and its quoted stretches."""
    text = mask(block.source)
    marks, _ = scan(block.source)
    return text, [(m.start, m.end + 1) for m in marks]


def _unquoted(matches: Iterable[re.Match[str]], quoted: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The matches (in order) that start outside the quoted stretches (sorted, apart).

    One walk over both lists: a paragraph of 250,000 quotations, each holding a match,
    costs a step per match, not a search.
    """
    at = 0
    for match in matches:
        offset = match.start()
        while at < len(quoted) and quoted[at][1] <= offset:
            at += 1
        if at == len(quoted) or offset < quoted[at][0]:
            yield match


@rule(
    "PR708",
    "first-person",
    "info",
    profiles=("ap",),
    summary="`I`, `we`, `our`, `you` outside quotations (on in the `ap` profile).",
    why="Wire copy is written in the third person: PRWeb, Newswire.com and EmailWire reject direct address "
    "('you', 'we', 'I') outside quotations.",
    bad=_example(extra="profile: ap\n", body="We built the plants over two years with county governments."),
    good=_example(extra="profile: ap\n"),
)
def first_person(ctx: Context) -> Iterator[Finding]:
    pattern = word_pattern(ctx.lang.first_person)
    if pattern is None:
        return
    for _, block in prose_blocks(ctx.release):
        text, quoted = _outside_quotes(block)
        for match in _unquoted(pattern.finditer(text), quoted):
            yield Finding(
                block.locate(match.start(), match.end()),
                f"'{match.group(0)}' outside a quotation: write in the third person, naming the organisation",
            )


@rule(
    "PR709",
    "exclamation",
    "info",
    summary="An exclamation mark outside quotations.",
    why="PRWeb, Newswire.com and EmailWire list exclamation marks as hype flags that editors strip or reject.",
    bad=_example(body="The plants were built in only two years!"),
    good=_example(),
)
def exclamation(ctx: Context) -> Iterator[Finding]:
    for _, block in prose_blocks(ctx.release):
        if "!" not in block.source and "！" not in block.source:
            continue  # most blocks: no need to find the quotations
        text, quoted = _outside_quotes(block)
        for match in _unquoted(re.finditer(r"[!！]+(?!\[)", text), quoted):  # "！": the full-width mark of Chinese
            yield Finding(
                block.locate(match.start(), match.end()),
                "'!' outside a quotation: state the fact plainly and let it carry the news",
            )


RULES: tuple[Rule, ...] = (
    lede_too_long,
    body_length,
    placeholder,
    acronym_undefined,
    link_text,
    link_target,
    image_alt_missing,
    first_person,
    exclamation,
    remote_image,
    image_not_read,
)
