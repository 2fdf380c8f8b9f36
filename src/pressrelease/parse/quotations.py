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
from functools import cache, lru_cache
from typing import NamedTuple, Protocol

import msgspec

from ..model import Block, Problem, Quote, Section, blank
from .language import Language
from .phrases import Phrases

# Opening mark -> the closing marks it accepts.
PAIRS: dict[str, tuple[str, ...]] = {"“": ("”",), "«": ("»",), "„": ("“", "”"), '"': ('"',)}
CLOSERS = frozenset("”»")
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s”»\"]|$)")
_ABBREVIATION = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Hon|Rev|No|Inc|Ltd|Co|Corp|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|[A-Z])\.(?=\s|$)"
)
_LOWER_NEXT = re.compile(r"\s*[”»\"]?\s*[a-zа-яё]")  # after a stop: the sentence goes on
_DASH_LINE = re.compile(r"^\s*(?:—|–|--|-)\s*(?P<who>.+)$")
_CODE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[a-z]+:[^>]*>")


class Mark(msgspec.Struct, frozen=True):
    """One quoted stretch: ``start`` is the opening mark, ``end`` the closing one (or the text's end)."""

    start: int
    end: int
    open: str
    close: str | None  #: None when the paragraph ends inside the quotation


def scan(text: str) -> tuple[list[Mark], list[int]]:
    """Top-level quoted stretches of ``text`` and the offsets of marks that do not pair."""
    marks, stray = _scan(text)
    return list(marks), list(stray)


_MARK_CHARS = re.compile("[" + re.escape("".join({*PAIRS, *CLOSERS, *(c for cs in PAIRS.values() for c in cs)})) + "]")


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[tuple[Mark, ...], tuple[int, ...]]:
    """Cached: the parser and three rules scan the same paragraphs."""
    masked = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    stack: list[tuple[int, str]] = []
    marks: list[Mark] = []
    stray: list[int] = []
    for found in _MARK_CHARS.finditer(masked):  # only quotation marks change the state
        i, ch = found.start(), found.group(0)
        if stack and ch in PAIRS[stack[-1][1]]:
            start, opener = stack.pop()
            if not stack:
                marks.append(Mark(start, i, opener, ch))
        elif ch in PAIRS:
            stack.append((i, ch))
        elif ch in CLOSERS:
            stray.append(i)
    for start, opener in stack[:1]:
        marks.append(Mark(start, len(text), opener, None))
    stray.extend(start for start, _ in stack)
    marks.sort(key=lambda m: m.start)
    return tuple(marks), tuple(sorted(stray))


def _is_quotation(words: int, inner: str) -> bool:
    stripped = inner.rstrip()
    if _titled(stripped):
        return False
    return words >= 6 or stripped.endswith((".", "?", "!", "…")) or (words >= 2 and stripped.endswith(","))


# Short words a title leaves in lower case ("Leveraging Human Mobility to Rescue the 2030 Agenda").
_MINOR = frozenset(
    "a an the and or of in on at to for by with from as but nor per via into de la le les des du et y el los las "
    "del und der die das von zu im".split()
)


_ELISION = re.compile(r"^(?:[ldjmnst]|qu)['’]", re.IGNORECASE)


def _names_a_work(before: str, lang: Language) -> bool:
    """The word just before the opening mark names a work: ``the report “...”``,
    ``l’étude « ... »``, ``в докладе «...»``, ``intitulé « ... »``. The marks then hold
    its title, which French, Spanish and Russian write in sentence case."""
    words = before.rstrip().rsplit(None, 1)
    if not words:
        return False
    word = _ELISION.sub("", words[-1]).lower()
    return any(word.startswith(noun[:-1]) if noun.endswith("*") else word == noun for noun in lang.work_nouns)


def _titled(text: str) -> bool:
    """A name in title case with no sentence punctuation: a report or campaign title, not speech."""
    text = text.rstrip(",")
    if text.endswith((".", "?", "!", "…", ":", ";")):
        return False
    major = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _MINOR]
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


# -- names and speech verbs ------------------------------------------------------------------


@cache
def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    # "souligne-t-elle": French inversion joins the verb and the pronoun with hyphens.
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:(?![\w-])|(?=-t-))", re.IGNORECASE)


@cache
def _verbs(verbs: tuple[str, ...]) -> Phrases:
    """The speech verbs, searched word by word (:mod:`.wordscan`: same matches, a third of the time)."""
    return Phrases.build(_verb_pattern(verbs), verbs)


@cache
def _name_pattern(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    hon = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    cap = r"[^\W\d_a-zа-яё][\w'’.-]*"
    particle = r"(?:de|da|di|do|dos|du|la|le|van|von|der|den|bin|bint|al|el|ibn|y|of|the|in|for|and)"
    # H?C(?:SC)* written as (?!\s)H?(?:S?C)+: the same matches, the capitalised word's
    # classes compiled once.
    return re.compile(rf"(?!\s)(?:(?:{hon})\s+)?(?:(?:\s+(?:{particle}\s+)*)?{cap})+")


class Words(Protocol):
    """The word lists finding speakers reads (a :class:`Language` has them)."""

    @property
    def speech_verbs(self) -> tuple[str, ...]: ...
    @property
    def pronouns(self) -> tuple[str, ...]: ...
    @property
    def honorifics(self) -> tuple[str, ...]: ...
    @property
    def title_words(self) -> frozenset[str]: ...


class _Words(NamedTuple):
    speech_verbs: tuple[str, ...]
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]
    title_words: frozenset[str]


class _Speaker(msgspec.Struct, frozen=True):
    name: str
    start: int
    end: int
    verb: str
    pronoun: bool = False


def _runs(text: str, lang: Words) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (possible names or titles) with their offsets."""
    found: list[tuple[int, int, str]] = []
    if not _CAPITAL.search(text):
        return found  # every run starts with a capital: most windows around a verb have none
    for match in _name_pattern(lang.honorifics).finditer(text):
        run = _trim_name(match.group(0).rstrip(".,"), lang)
        if run:
            found.append((match.start(), match.start() + len(run), run))
    return found


_CAPITAL = re.compile(r"[^\W\d_a-zа-яё]")
_JOINERS = re.compile(r"\s+(?:of|for|in|and|the)\s+")


def _trim_name(run: str, lang: Words) -> str:
    """``Ana Ruiz of Acme`` -> ``Ana Ruiz``; ``Director of Communications`` stays whole.

    The joining words belong in titles and organisations; after a person's name they
    start a description of that person.
    """
    joiner = _JOINERS.search(run)
    if joiner is None:
        return run
    head = run[: joiner.start()]
    return head if _is_name(head, lang) else run


def _is_title(run: str, lang: Words) -> bool:
    words = run.split()
    if any(w.lower().strip(".,") in lang.title_words for w in words):
        return True
    # An acronym (IOM, UNICEF) marks an organisation or a title, not a person.
    return any(len(w) > 1 and w.isupper() and w.isalpha() for w in words)


def _is_name(run: str, lang: Words) -> bool:
    words = run.split()
    honorific = words[0] in lang.honorifics
    return (len(words) >= 2 or honorific) and not _is_title(run, lang)


_DASHES = ",–—-"


def _last_word(before: str) -> tuple[int, str] | None:
    r"""(start, word) of ``re.search(r"([^\W\d_]+)\s*[,–—-]?\s*$", before)``, read from the end.

    The regex tries every position of the text before each speech verb; the last
    word is found walking back over the spaces, one comma or dash, and the letters.
    """
    end = len(before)
    while end and before[end - 1].isspace():
        end -= 1
    if end and before[end - 1] in _DASHES:
        end -= 1
        while end and before[end - 1].isspace():
            end -= 1
    start = end
    while start and _letter(before[start - 1]):
        start -= 1
    return (start, before[start:end]) if start < end else None


def _letter(ch: str) -> bool:
    return ch.isalnum() and not ch.isdecimal()  # [^\W\d_]: a word character, not a digit or "_"


def _ends_with_quote_mark(before: str) -> bool:
    r"""``re.search(r"[”»\"][\s,–—-]*$", before)``, read from the end."""
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] in _DASHES):
        end -= 1
    return bool(end) and before[end - 1] in '”»"'


def _attributions(outside: str, lang: Language) -> list[_Speaker]:
    """Every speech verb in ``outside`` (text with quotations blanked) and who it names.

    Cached by the text and the word lists it reads: an organisation's boilerplate and
    contact paragraphs recur from release to release.
    """
    return list(_attributions_cached(outside, lang.speech_verbs, lang.pronouns, lang.honorifics, lang.title_words))


@lru_cache(maxsize=4096)
def _attributions_cached(
    outside: str,
    speech_verbs: tuple[str, ...],
    pronouns: tuple[str, ...],
    honorifics: tuple[str, ...],
    title_words: frozenset[str],
) -> tuple[_Speaker, ...]:
    lang = _Words(speech_verbs, pronouns, honorifics, title_words)
    speakers: list[_Speaker] = []
    for verb in _verbs(speech_verbs).finditer(outside):
        reach = _reach_back(outside, verb.start())
        found = _attribute(outside[reach : verb.start()], outside[verb.end() : verb.end() + _REACH], lang)
        if found is not None:
            side, start, end, name, pronoun = found
            if side == "verb":
                start, end = verb.span()
            else:
                offset = reach if side == "before" else verb.end()
                start, end = offset + start, offset + end
            speakers.append(_Speaker(name, start, end, verb.group(0), pronoun=pronoun))
    return tuple(speakers)


#: How far either side of a speech verb its speaker is looked for: a speaker is named
#: within a few words of the verb (``Jane Doe, Director of Communications at the ...,
#: said``), and a search over the whole paragraph from every verb is quadratic.
_REACH = 300
_SPACE = re.compile(r"\s")


def _reach_back(outside: str, verb: int) -> int:
    """Where the look-back from a verb at ``verb`` starts: ``_REACH`` characters before it,
    moved on to the next space so that no word is cut in two."""
    if verb <= _REACH:
        return 0
    space = _SPACE.search(outside, verb - _REACH - 1, verb)
    return space.start() if space else verb - _REACH


@lru_cache(maxsize=1024)
def _attribute(before: str, after: str, lang: _Words) -> tuple[str, int, int, str, bool] | None:
    """Who the speech verb between ``before`` and ``after`` names, if anyone: (side, start,
    end, name, pronoun), the offsets within ``before`` or ``after`` (side ``verb``: the
    verb itself stands for the subject).

    Cached by the two windows: a paste that repeats one sentence is read once.
    """
    lowered = {p.lower() for p in lang.pronouns}
    # Pronoun directly before or after: "he said", "said she".
    last = _last_word(before)
    if last and last[1].lower() in lowered:
        return "before", last[0], last[0] + len(last[1]), "", True
    near_after = re.match(r"\s*([^\W\d_]+)", after)
    if near_after and near_after.group(1).lower() in lowered:
        return "after", near_after.start(1), near_after.end(1), "", True
    speaker = _speaker_after(after, 0, lang)
    if speaker:
        return "after", speaker[0], speaker[1], speaker[2], False
    speaker = _speaker_before(before, lang)
    if speaker:
        return "before", speaker[0], speaker[1], speaker[2], False
    if _bare_verb(before, after):
        # "», a-t-elle ajouté." / "”, añadió." / "», — добавила.": the subject is the
        # last person named (French inversion; Spanish and Russian drop the pronoun).
        return "verb", 0, 0, "", True
    return None


def _mask_abbreviations(text: str) -> str:
    """Hide the full stops of ``Dr.``, ``Mr.``, ``N.J.`` so they do not end a clause (offsets kept)."""
    return re.sub(
        r"\b(Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Hon|Rev|Jr|Sr|[A-Z])\.", lambda m: m.group(0)[:-1] + "_", text
    )


def _bare_verb(before: str, after: str) -> bool:
    """A speech verb standing alone next to a quotation, with no subject of its own."""
    tail = re.match(r"(?:-t-(?:il|elle)|\s+(?:il|elle|он|она))?\s*[.,;]", after)
    return _ends_with_quote_mark(before) and bool(tail)


def _speaker_after(after: str, offset: int, lang: Words) -> tuple[int, int, str] | None:
    cut = re.match(r"[^.;:!?“”«»\"]*", _mask_abbreviations(after))
    text = after[: cut.end() if cut else 0]
    runs = [r for r in _runs(text, lang) if text[: r[0]].strip(" ,") == "" or _is_name(r[2], lang)]
    if not runs:
        return None
    names = [r for r in runs if _is_name(r[2], lang)]
    start, end, run = (names or runs)[0]
    if text[:start].strip(" ,") and not names:
        return None
    return offset + start, offset + end, run


def _speaker_before(before: str, lang: Words) -> tuple[int, int, str] | None:
    masked = _mask_abbreviations(before)
    cut = max((m.end() for m in re.finditer(r"[.;!?“”«»\"]", masked)), default=0)
    clause = before[cut:]
    runs = _runs(clause, lang)
    names = [r for r in runs if _is_name(r[2], lang)]
    if names:
        start, end, run = names[-1] if _adjacent(clause, names[-1]) else names[0]
        return cut + start, cut + end, run
    if runs:
        start, end, run = runs[-1]
        tail = clause[end:].strip(" ,")
        if not tail and run.split()[0].lower() not in {"it", "this", "that", "the", "these", "there"}:
            return cut + start, cut + end, run
        noun = re.search(r"((?:the|a|an|our|its|their)\s+[\w\s-]{2,40}?)\s*,?\s*$", clause, re.IGNORECASE)
        if noun:
            return cut + noun.start(1), cut + noun.end(1), noun.group(1)
    noun = re.search(r"((?:the|a|an|its|their)\s+[\w-]+(?:\s+[\w-]+){0,3})\s*,?\s*$", clause, re.IGNORECASE)
    if noun and not re.search(r"[“”«»\"]", noun.group(1)):
        return cut + noun.start(1), cut + noun.end(1), noun.group(1)
    return None


def _adjacent(clause: str, run: tuple[int, int, str]) -> bool:
    return not clause[run[1] :].strip(" ,")


# -- finding quotations ------------------------------------------------------------------------


def find_quotes(
    blocks: Sequence[Block], body: Sequence[int], sections: Sequence[Section], lang: Language
) -> tuple[list[Quote], list[Problem]]:
    """All quotations in the body and notes, with speakers; PR302 problems for stray marks."""
    skip = {i for s in sections if s.kind in ("about", "contact") for i in (*s.blocks, s.heading_block)}
    quotes: list[Quote] = []
    problems: list[Problem] = []
    last_named = _LastNamed(lang)
    intro: tuple[str, str] | None = None  # (speaker, verb) from a "... said:" paragraph
    previous_open = False  # the previous paragraph ended inside a quotation
    previous_speaker: tuple[str, str] | None = None  # of the previous paragraph's last quotation

    for index, block in enumerate(blocks):
        if block.kind == "code":
            intro = None
            continue
        if block.kind == "blockquote" and index not in skip:
            quote = _block_quote(block, index, intro, last_named, lang)
            quotes.append(quote)
            previous_speaker = (quote.speaker, quote.verb or "") if quote.speaker else None
            continue
        source = block.source
        if not source:
            intro = None
            continue
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

        outside = _blank(source, marks)
        speakers = _attributions(outside, lang)
        named = [s.name for s in speakers if not s.pronoun and _is_name(s.name, lang)]
        if named:
            last_named.named(named[-1])
        else:
            last_named.mentioned_in(outside)
        found: list[Quote] = []
        for mark in marks:
            inner = source[mark.start + 1 : mark.end]
            words = len(_WORD.findall(inner))
            if not _attribution_follows(source, outside, mark, lang) and (
                not _is_quotation(words, inner) or _names_a_work(source[: mark.start], lang)
            ):
                continue
            speaker = _nearest(speakers, mark)
            name, verb = None, None
            if speaker is not None:
                name = speaker.name if not speaker.pronoun else _resolve(speakers, speaker, last_named, lang)
                verb = speaker.verb
            elif continues or (previous_speaker and not outside.strip(" .,")):
                name, verb = previous_speaker or (None, None)
            elif intro is not None:
                name, verb = intro
            end = mark.end + (1 if mark.close else 0)
            span = block.locate(mark.start, min(end, len(source)))
            found.append(
                Quote(
                    kind="inline",
                    text=inner.strip(),
                    span=span,
                    block=index,
                    open_mark=mark.open,
                    close_mark=mark.close,
                    speaker=name or None,
                    verb=verb,
                    attributed=bool(name),
                    speaker_span=block.locate(speaker.start, speaker.end) if speaker else None,
                    words=words,
                    sentences=_count_sentences(inner),
                )
            )
        quotes.extend(found)
        if found:
            previous_speaker = (found[-1].speaker, found[-1].verb or "") if found[-1].speaker else None
        elif block.kind == "paragraph":
            previous_speaker = None
        intro = _intro(source, speakers, last_named, lang)
        previous_open = open_ending
    return _carry_back(quotes, blocks), problems


_FUNCTION_WORDS = frozenset(
    "in on at for the a an while when after before during by from with under since as this that today".split()
)


def _introduced(outside: str, run: tuple[int, int, str]) -> bool:
    """``John Roe, director of the plant, ...``: a person's name followed by a description."""
    first = run[2].split()[0].lower()
    return first not in _FUNCTION_WORDS and outside[run[1] :].startswith(",")


def _attribution_follows(source: str, outside: str, mark: Mark, lang: Language) -> bool:
    """``“First,” said Ana Ruiz.``: a short span that ends in a comma and is followed by a speech verb."""
    if mark.close is None:
        return False
    rest = outside[mark.end + 1 : mark.end + 120]
    if not (source[mark.start + 1 : mark.end].rstrip().endswith(",") or rest.startswith(",")):
        return False
    verb = _verbs(lang.speech_verbs).search(rest)
    if verb is None:
        return False
    lead = rest[: verb.start()].strip(" ,–—-")
    pronouns = {p.lower() for p in lang.pronouns}
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
    parts: list[str] = []
    at = 0
    for mark in marks:
        start, end = max(mark.start + 1, at), min(mark.end, len(source))
        if end <= start:
            continue
        parts.append(source[at:start])
        parts.append(blank(source[start:end]))
        at = end
    parts.append(source[at:])
    return "".join(parts)


def _nearest(speakers: list[_Speaker], mark: Mark) -> _Speaker | None:
    if not speakers:
        return None
    return min(speakers, key=lambda s: min(abs(s.start - mark.end), abs(s.end - mark.start)))


class _LastNamed:
    """The last person named so far: who a later "she added" most likely means.

    A paragraph with a named speaker sets it. Otherwise a person named in passing
    does ("Marie Dupont, directrice, a visité ..."): any name when nobody has been
    named yet, else only a name introduced with a description after a comma. Reading
    a paragraph's names is the costly part and most releases never need it, so the
    paragraphs are kept and read, in order, only when a pronoun asks.
    """

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.value: str | None = None
        self.pending: list[str] = []

    def named(self, name: str) -> None:
        self.value = name
        self.pending.clear()

    def mentioned_in(self, outside: str) -> None:
        self.pending.append(outside)

    def get(self) -> str | None:
        for outside in self.pending:
            mentioned = [
                r[2]
                for r in _runs(outside, self.lang)
                if _is_name(r[2], self.lang) and (self.value is None or _introduced(outside, r))
            ]
            if mentioned:
                self.value = mentioned[-1]
        self.pending.clear()
        return self.value


def _resolve(speakers: list[_Speaker], pronoun: _Speaker, last_named: _LastNamed, lang: Language) -> str | None:
    earlier = [s for s in speakers if not s.pronoun and s.end <= pronoun.start and _is_name(s.name, lang)]
    return earlier[-1].name if earlier else last_named.get()


def _intro(source: str, speakers: list[_Speaker], last_named: _LastNamed, lang: Language) -> tuple[str, str] | None:
    """``The Floods Minister, Sarah Whitfield, said:`` introduces the block quotes after it."""
    if not source.rstrip().endswith(":") or not speakers:
        return None
    speaker = speakers[-1]
    name = _resolve(speakers, speaker, last_named, lang) if speaker.pronoun else speaker.name
    return (name, speaker.verb) if name else None


def _block_quote(
    block: Block, index: int, intro: tuple[str, str] | None, last_named: _LastNamed, lang: Language
) -> Quote:
    lines = block.source.split("\n")
    speaker: str | None = None
    speaker_span = None
    verb: str | None = None
    body_lines = lines
    dash = _DASH_LINE.match(lines[-1]) if lines else None
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
        speakers = _attributions(outside, lang)
        if speakers:
            s = speakers[-1]
            speaker = _resolve(speakers, s, last_named, lang) if s.pronoun else s.name
            speaker_span = block.locate(s.start, s.end)
            verb = s.verb
        elif intro is not None:
            speaker, verb = intro
    if speaker and _is_name(speaker, lang):
        last_named.named(speaker)
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
        speaker_span=speaker_span,
        verb=verb,
        attributed=bool(speaker),
        words=len(_WORD.findall(inner)),
        sentences=_count_sentences(inner),
    )
    return quote
