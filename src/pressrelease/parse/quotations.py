"""Quotations and who said them.

Inline quotations are spans between quotation marks inside a paragraph; block
quotations are Markdown block quotes. A quotation is attributed when its paragraph
names a speaker with a speech verb (``said Jane Doe``, ``Jane Doe, director, said``),
a pronoun with one after a named mention (``he remarked``), a dash line closing a
block quote (``— Jane Doe, Director``), or a preceding ``... said:`` paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import msgspec

from ..model import Block, Problem, Quote, Section, blank
from .language import Language
from .name_runs import is_person, runs
from .quote_marks import PAIRS, Mark, scan
from .quote_speakers import DASH_LINE, People, Who, bind, introduction, signature, unmarked_speech, who_for
from .speakers import ARTICLES as _ARTICLES
from .speakers import Attribution, attributions, lowered, verbs
from .word_count import count_words

_WORD = re.compile(r"[^\W_][\w'’.-]*")
#: a full stop, question or exclamation mark before a space, a closing mark or the end
#: (the Arabic ``؟`` too); the Chinese ``。！？`` end a sentence wherever they stand. The
#: lookahead changes no match: at any other character the engine gives up at once.
_SENTENCE_END = re.compile(r"(?=[.!?…؟。！？])(?:[.!?…؟](?=[\s”»\"]|$)|[。！？]+)")
#: Words whose full stop ends an abbreviation, not a sentence; any single capital too (``J.``).
_ABBREVIATED_WORDS = (
    "Dr Mr Mrs Ms Prof St Sr Jr Gen Sen Rep Gov Hon Rev No Inc Ltd Co Corp vs Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec e.g i.e"
).split()
#: The lookahead holds the first letters of the words: the same matches, but at any
#: other character the regex engine gives up at once instead of trying every word.
_ABBREVIATION = re.compile(rf"(?=[A-Zeiv])\b(?:{'|'.join(map(re.escape, _ABBREVIATED_WORDS))}|[A-Z])\.(?=\s|$)")
_LOWER_NEXT = re.compile(r"\s*[”»\"]?\s*[a-zа-яё]")  # after a stop: the sentence goes on


def _is_quotation(words: int, inner: str) -> bool:
    stripped = inner.rstrip()
    if not stripped or _titled(stripped):  # nothing quoted (a run of '""'): no title test needed
        return False
    return (
        words >= 6
        or stripped.endswith((".", "?", "!", "…", "。", "？", "！"))
        or (words >= 2 and stripped.endswith(","))
    )


# Short words a title leaves in lower case ("Leveraging Human Mobility to Rescue the 2030 Agenda").
_MINOR = frozenset(
    "a an the and or of in on at to for by with from as but nor per via into de la le les des du et y el los las "
    "del und der die das von zu im".split()
)


_ELISION = re.compile(r"^(?:[ldjmnst]|qu)['’]", re.IGNORECASE)


def _names_a_work(before: str, lang: Language) -> bool:
    """The word just before the opening mark names a work: ``the report “...”``,
    ``l’étude « ... »``, ``в докладе «...»``, ``intitulé « ... »``, or is an article
    (``presented the “...” to the board``). The marks then hold a title or a name, which
    French, Spanish and Russian write in sentence case."""
    words = before.rstrip().rsplit(None, 1)
    if not words:
        return False
    word = _ELISION.sub("", words[-1]).lower()
    if word in _ARTICLES:  # "sobre la “La migración en ...”": an article names what follows
        return True
    whole, stems = _work_nouns(lang.work_nouns)
    return word in whole or word.startswith(stems)


@cache
def _work_nouns(nouns: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, stems): ``stem*`` in the list matches the words it begins."""
    return frozenset(n for n in nouns if not n.endswith("*")), tuple(n[:-1] for n in nouns if n.endswith("*"))


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _titled(text: str) -> bool:
    """A name in title case with no sentence punctuation: a report or campaign title, not speech."""
    text = text.rstrip(",")
    if text.endswith((".", "?", "!", "…", ":", ";")):
        return False
    major = [w for w in _TITLE_WORD.findall(text) if w.lower() not in _MINOR]
    return len(major) >= 2 and all(w[0].isupper() for w in major)


def _count_sentences(text: str) -> int:
    """Sentence ends, plus the last sentence when it runs into the attribution (``... hours,”``).

    The full stops of abbreviations (``Dr.``, ``U.S.``, ``Oct.``) and stops followed by a
    lower-case word are not sentence ends.
    """
    text = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "_", text.strip())
    ends = [m for m in _SENTENCE_END.finditer(text) if not _LOWER_NEXT.match(text, m.end())]
    tail = text[ends[-1].end() :] if ends else text
    return len(ends) + (1 if _WORD.search(tail) else 0) or 1


# -- finding quotations ------------------------------------------------------------------------


def find_quotes(
    blocks: Sequence[Block], body: Sequence[int], sections: Sequence[Section], lang: Language, subtitle: str = ""
) -> tuple[list[Quote], list[Problem]]:
    """All quotations in the body and notes, with speakers; PR302 problems for stray marks.

    A subtitle that ends introducing someone (``..., Jane Doe said:``) introduces the
    first paragraph of the body, as a paragraph ending so would.
    """
    skip = {i for s in sections if s.kind in ("about", "contact") for i in (*s.blocks, s.heading_block)}
    quotes: list[Quote] = []
    problems: list[Problem] = []
    people = People(lang)
    # (speaker, verb) from a "... said:" paragraph
    intro: tuple[str, str] | None = introduction(subtitle, attributions(subtitle, lang), people, lang)
    statement: tuple[str, str] | None = None  # the speaker of unmarked paragraphs running on
    fresh = True  # no block quote since the introduction
    previous_open = False  # the previous paragraph ended inside a quotation
    previous_speaker: tuple[str, str] | None = None  # of the previous paragraph's last quotation

    for index, block in enumerate(blocks):
        if block.kind == "code":
            intro = None
            continue
        if block.kind == "blockquote" and index not in skip:
            quote = _block_quote(block, index, intro, people, lang)
            quotes.append(quote)
            fresh = False  # the introduction was for block quotes, not the paragraphs after them
            previous_speaker = (quote.speaker, quote.verb or "") if quote.speaker else None
            continue
        source = block.source
        if not source:
            intro = None
            continue
        signed = signature(source, lang)
        if signed is not None and quotes and quotes[-1].block == index - 1:
            quotes[-1:] = [_signed(quotes[-1], signed, block)]
        marks, stray = scan(source)
        continues = previous_open and source.lstrip()[:1] in PAIRS
        open_ending = bool(marks) and marks[-1].close is None
        for offset in stray:
            if continues and offset == len(source) - len(source.lstrip()):
                continue
            if open_ending and offset == marks[-1].start:
                continue  # reported below, unless the next paragraph continues the quotation
            problems.append(
                Problem(
                    "PR302",
                    "quotation mark with no partner in this paragraph: add its partner or remove it",
                    block.locate(offset, offset + 1),
                )
            )
        if open_ending and not _next_continues(blocks, index):
            start = marks[-1].start
            problems.append(
                Problem(
                    "PR302",
                    f"'{marks[-1].open}' is never closed in this paragraph: add the closing mark",
                    block.locate(start, start + 1),
                )
            )
        if index in skip:
            previous_open = open_ending
            continue
        spoken = unmarked_speech(block.kind, block.source, bool(marks), intro if fresh else None, statement, lang)
        if spoken is not None:
            quotes.append(_paragraph_quote(block, index, spoken))
            statement, intro, previous_speaker = spoken, None, spoken
            continue
        statement = None

        outside = _blank(source, marks)
        found = attributions(outside, lang)
        named = [a for a in found if not a.pronoun and not a.role and is_person(a.name, lang)]
        if named:
            people.named(named[-1].name, outside[named[-1].end : named[-1].verb_end])
        else:
            people.mentioned_in(outside)
        kept: list[Mark] = []
        given: dict[int, tuple[int, int, str, str]] = {}  #: short quotations given to the person before them
        may_give = bool(marks) and _GIVING_VERB.search(source) is not None
        for mark in marks:
            if _kept(source, outside, mark, lang):
                kept.append(mark)
            elif may_give and (partial := _named_before(source, mark, lang)) is not None:
                kept.append(mark)
                given[mark.start] = partial
        bound = bind(kept, found, outside, lang) if kept else []
        quoted: list[Quote] = []
        for mark, attribution in zip(kept, bound, strict=True):
            inner = source[mark.start + 1 : mark.end]
            who = Who()
            if given and mark.start in given:
                start, end, name, verb = given[mark.start]
                who = Who(name, verb, True, block.locate(start, end))
            elif isinstance(attribution, Attribution):
                who = who_for(found, attribution, people, lang)
                who.span = block.locate(attribution.start, attribution.end)
            elif attribution is not None:
                who = Who(attribution.name, attribution.verb, True, block.locate(attribution.start, attribution.end))
            elif continues or (previous_speaker and not _WORD.search(outside)):
                if previous_speaker:
                    who = Who(*previous_speaker, True)
            elif intro is not None:
                who = Who(*intro, True)
            end = mark.end + (1 if mark.close else 0)
            quoted.append(
                Quote(
                    kind="inline",
                    text=inner.strip(),
                    span=block.locate(mark.start, min(end, len(source))),
                    block=index,
                    open_mark=mark.open,
                    close_mark=mark.close,
                    speaker=who.name if who.sure else None,
                    unsure_speaker=None if who.sure else who.name,
                    verb=who.verb,
                    attributed=bool(who.name),
                    speaker_span=who.span,
                    words=count_words(inner, _WORD),
                    sentences=_count_sentences(inner),
                )
            )
            if who.name and who.sure and not isinstance(attribution, Attribution):
                people.named(who.name)
        quotes.extend(quoted)
        if quoted:
            last = quoted[-1]
            previous_speaker = (last.speaker, last.verb or "") if last.speaker else None
        elif block.kind == "paragraph":
            previous_speaker = None
        intro = introduction(source, found, people, lang)
        fresh = True
        previous_open = open_ending
    return _carry_back(quotes, blocks), problems


def _paragraph_quote(block: Block, index: int, spoken: tuple[str, str]) -> Quote:
    text = block.source.strip()
    return Quote(
        kind="paragraph",
        text=text,
        span=block.span,
        block=index,
        speaker=spoken[0],
        verb=spoken[1],
        attributed=True,
        words=count_words(text, _WORD),
        sentences=_count_sentences(text),
    )


def _signed(quote: Quote, signed: tuple[int, str], block: Block) -> Quote:
    if quote.speaker or quote.kind != "inline":
        return quote
    start, name = signed
    span = block.locate(start, start + len(name))
    return msgspec.structs.replace(
        quote, speaker=name, unsure_speaker=None, verb="—", attributed=True, speaker_span=span
    )


def _kept(source: str, outside: str, mark: Mark, lang: Language) -> bool:
    """A quotation of words spoken, not scare quotes or the title of a work."""
    inner = source[mark.start + 1 : mark.end]
    if _attribution_follows(inner, outside, mark, lang):
        return True
    if not inner or inner.isspace():  # nothing quoted: no words to count
        return False
    return _is_quotation(len(_WORD.findall(inner)), inner) and not _names_a_work(
        source[max(0, mark.start - 60) : mark.start], lang
    )


#: The verbs that give a quoted phrase to the person named just before them
#: (``what Jane Roe called “a turning point”``, ``Jane Roe described the plan as
#: “overdue”``); a phrase in quotation marks after anything else may be a title or
#: scare quotes, and is only a quotation when it reads like speech.
_GIVEN_BY = re.compile(r"(?:^|\s)(?P<verb>called|termed|dubbed|described(?:\s+\S+){0,3}?\s+as)\s*$")
_GIVING_VERB = re.compile(r"called|termed|dubbed|described")  #: _GIVEN_BY's verbs, searched once a paragraph


def _named_before(source: str, mark: Mark, lang: Language) -> tuple[int, int, str, str] | None:
    """(start, end, name, verb) of the person a short quotation is given to just before its
    opening mark: ``who Jane Roe called “...”``; None when the text there has no such form."""
    if mark.close is None:
        return None
    before = source[max(0, mark.start - 120) : mark.start]
    verb = _GIVEN_BY.search(before)
    if verb is None:
        return None
    head = before[: verb.start("verb")]
    found = runs(head, lang)
    if not found:
        return None
    start, end, name = found[-1]
    if head[end:].strip() or not is_person(name, lang):
        return None  # the person stands right before the verb
    offset = mark.start - len(before)
    return offset + start, offset + end, name, verb.group("verb").split()[0]


def _attribution_follows(inner: str, outside: str, mark: Mark, lang: Language) -> bool:
    """``“First,” said Ana Ruiz.``: a short span that ends in a comma and is followed by a speech verb."""
    if mark.close is None:
        return False
    if not (inner.rstrip().endswith(",") or outside.startswith(",", mark.end + 1)):
        return False
    rest = outside[mark.end + 1 : mark.end + 120]
    verb = verbs(lang.speech_verbs).search(rest)
    if verb is None:
        return False
    lead = rest[: verb.start()].strip(" ,–—-")
    pronouns = lowered(lang.pronouns)
    words = lead.split()
    return len(words) <= 4 and all(w[:1].isupper() or w.lower() in pronouns for w in words)


def _carry_back(quotes: list[Quote], blocks: Sequence[Block]) -> list[Quote]:
    """A quotation that runs on into the next paragraph takes the speaker named at its end.

    ``“First paragraph ...`` (no closing mark) then ``“... last paragraph,” said Jane Doe.``
    is one quotation by Jane Doe; each paragraph is a :class:`Quote` of its own.
    """
    result = list(quotes)
    for i in range(len(result) - 2, -1, -1):
        quote, following = result[i], result[i + 1]
        if (
            quote.kind == "inline"
            and quote.close_mark is None
            and not quote.attributed
            and following.attributed
            and following.block == quote.block + 1
            and blocks[following.block].source.lstrip()[:1] in PAIRS
        ):
            result[i] = msgspec.structs.replace(quote, speaker=following.speaker, verb=following.verb, attributed=True)
    return result


def _next_continues(blocks: Sequence[Block], index: int) -> bool:
    nxt = blocks[index + 1] if index + 1 < len(blocks) else None
    return bool(nxt and nxt.source.lstrip()[:1] in PAIRS)


def _blank(source: str, marks: list[Mark]) -> str:
    """``source`` with what each quotation holds made spaces (line ends kept), same length."""
    if not marks:
        return source  # most paragraphs
    parts: list[str] = []
    at = 0
    for mark in marks:
        start, end = max(mark.start + 1, at), min(mark.end, len(source))
        if end <= start:
            continue
        parts.append(source[at:start])
        quoted = source[start:end]
        parts.append(blank(quoted) if "\n" in quoted else " " * len(quoted))  # most hold no line end
        at = end
    parts.append(source[at:])
    return "".join(parts)


def _block_quote(block: Block, index: int, intro: tuple[str, str] | None, people: People, lang: Language) -> Quote:
    lines = block.source.split("\n")
    speaker: str | None = None
    unsure: str | None = None
    speaker_span = None
    verb: str | None = None
    body_lines = lines
    dash = DASH_LINE.match(lines[-1]) if lines else None
    if dash and len(lines) > 1:
        who = dash.group("who").strip()
        speaker = who.split(",")[0].strip()
        start = block.source.rfind(who)
        speaker_span = block.locate(start, start + len(speaker))
        verb = "—"
        body_lines = lines[:-1]
    text = "\n".join(body_lines)
    marks, _ = scan(text)
    if speaker is None:
        outside = _blank(text, marks)
        found = attributions(outside, lang)
        if found:
            who = who_for(found, found[-1], people, lang)
            speaker, unsure = (who.name, None) if who.sure else (None, who.name)
            speaker_span = block.locate(found[-1].start, found[-1].end)
            verb = who.verb
        elif intro is not None:
            speaker, verb = intro
    if speaker and is_person(speaker, lang):
        people.named(speaker)
    inner = text.strip()
    if marks and marks[0].start == text.find(marks[0].open) and marks[0].start <= 1:
        inner = text[marks[0].start + 1 : marks[0].end].strip()
    quote = Quote(
        kind="block",
        text=inner,
        span=block.span,
        block=index,
        open_mark=marks[0].open if marks else None,
        close_mark=marks[0].close if marks else None,
        speaker=speaker,
        unsure_speaker=unsure,
        speaker_span=speaker_span,
        verb=verb,
        attributed=bool(speaker or unsure),
        words=count_words(inner, _WORD),
        sentences=_count_sentences(inner),
    )
    return quote
