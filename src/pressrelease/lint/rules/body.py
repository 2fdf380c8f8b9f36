"""Lint rules: body and style (PR701-PR704, PR708, PR709; links and images are in :mod:`.links`).

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

from ...model import Block, Span
from ...parse.quote_marks import scan
from ..registry import Context, Finding, Rule, rule
from ._example import BODY, body_example
from ._not_initials import SpelledOut, cased, is_code, is_furniture, is_name, is_place_code, names_in
from ._text import count_words, front_matter_texts, mask, prose_blocks
from ._tokens import TOKEN, Placeholders, acronym, definitions, known_acronyms, shouting_lines, word_pattern

# -- PR701, PR702: length ------------------------------------------------------------------


@rule(
    "PR701",
    "lede-too-long",
    "warning",
    summary="The lede (first paragraph) is over `lede-max-words` (35) words, dateline excluded.",
    why="The lede carries who, what, when, where and why in one short sentence: news-writing guidance says "
    "'under 30 or 35 words' (Seven Guidelines to Lead Writing) and the PRWeb template 25 words or less.",
    bad=body_example(
        lede="Nairobi – Three new water treatment plants opened on 20 March 2026 in the northern region, bringing safe "
        "drinking water to about 400,000 people who until now have relied on water trucked in from the "
        "county capital at great cost to their families."
    ),
    good=body_example(),
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
    bad=body_example(),
    good=body_example(body=" ".join([BODY] * 20)),
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
    bad=body_example(body="The plants will serve TK people in the region."),
    good=body_example(),
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
    bad=body_example(body="The plants were built by the RWSB with support from county governments."),
    good=body_example(
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
    bad=body_example(extra="profile: ap\n", body="We built the plants over two years with county governments."),
    good=body_example(extra="profile: ap\n"),
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
    bad=body_example(body="The plants were built in only two years!"),
    good=body_example(),
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
    first_person,
    exclamation,
)
