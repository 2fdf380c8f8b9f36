"""The body's blocks and what they are: sections, end marks, release lines, the body itself.

markdown-it's tokens become :class:`~pressrelease.model.Block` values (text, source,
span and the offsets that locate any character of it in the file); then each block
is assigned to the body or to a section (notes, about, contact) by its heading or
label, and the end marks are found.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it.token import Token

from ..model import Block, Comment, EndMark, Problem, Section, Span, blank
from .contact_details import EMAIL, PHONE
from .language import Language, language

MAX_INLINE_DEPTH = 32  #: emphasis, links and images inside each other; no release needs more
END_MARKS = (
    *("###", "-30-", "ENDS", "-ENDS-", "- ENDS -", "— ENDS —", "– ENDS –"),
    *("FIN", "-FIN-", "- FIN -", "– FIN –", "— FIN —"),  # French and Spanish releases
)
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


def mask_comments(text: str, body_offset: int) -> tuple[str, list[Comment]]:
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


def make_block(tokens: tuple[Token, ...], lines: list[str]) -> Block:
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


def is_release_line(block: Block, lang: Language) -> bool:
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


def structure(blocks: list[Block], lang: Language) -> tuple[list[Block], list[Section], list[EndMark], list[int]]:
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
