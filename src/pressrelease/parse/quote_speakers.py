"""Which attribution each quotation of a paragraph takes, and whom a pronoun or a role means.

A paragraph may quote several people (``A said: “...” B said: “...”``), so each
quotation takes the attribution that grammar gives it, in this order:

1. one that introduces it: ``Jane Doe said: “...`` (only punctuation between);
2. one right after it, in the same sentence: ``“...,” said Jane Doe`` (unless that one
   introduces the next quotation);
3. one before it in the same sentence: ``Jane Doe noted that the plan “...”`` (the person
   who said it, never the subject of the reported clause);
4. the quotation it runs on from (``“First. “Second.”``);
5. ``Jane Doe, director: “...”`` and ``“...” — Jane Doe``, which need no verb;
6. the nearest attribution left in the paragraph.

Each step looks at a quotation's neighbours only (by bisection), so a paragraph costs
time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol

from ..model import Span
from .language import Language
from .name_runs import Words, is_name, is_person, runs
from .speakers import Attribution, attributions

_INTRO_GAP = re.compile(r"[\s:,–—-]*(?:(?:that|que|att|dass|что|أن)\s*)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;。！？]")
_ABBREVIATED = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Hon|Rev|Jr|Sr|[A-Z])\.")
_TRAILING_GAP = 80  #: characters allowed between a closing mark and the attribution after it
_LEADING_GAP = 200  #: between an attribution and a quotation later in its sentence
_DASH_AFTER = re.compile(r"\s*[—–]\s*")
_MARKS = '“”«»„"「」『』'
_LOOK_BACK = 8  #: attributions of the same paragraph a pronoun looks back over
_WORDS = re.compile(r"[^\W_][\w'’.-]*")
DASH_LINE = re.compile(r"^\s*(?:—|–|--|-)\s*(?P<who>.+)$")


class Stretch(Protocol):
    """The offsets of a quoted stretch (a :class:`~.quote_marks.Mark`)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def close(self) -> str | None: ...


class Named:
    """A name given to a quotation without a speech verb (``Jane Doe, director: “...”``)."""

    def __init__(self, name: str, start: int, end: int, verb: str) -> None:
        self.name, self.start, self.end, self.verb = name, start, end, verb


def bind(
    marks: Sequence[Stretch], found: Sequence[Attribution], outside: str, lang: Words
) -> list[Attribution | Named | None]:
    """The attribution (or verbless name) each quotation of a paragraph takes; None if none."""
    verb_starts = [a.verb_start for a in found]
    intro: dict[int, int] = {}  # attribution index -> the mark it introduces
    for m, mark in enumerate(marks):
        i = bisect_left(verb_starts, mark.start) - 1
        if i >= 0 and found[i].last <= mark.start and _INTRO_GAP.match(outside, found[i].last, mark.start):
            intro[i] = m
    taken: list[Attribution | Named | None] = []
    for m, mark in enumerate(marks):
        i = bisect_left(verb_starts, mark.start) - 1
        before = i if i >= 0 and found[i].last <= mark.start else None
        after = bisect_left(verb_starts, mark.end)
        choice: Attribution | Named | None = None
        if before is not None and intro.get(before) == m:
            choice = found[before]
        elif after < len(found) and intro.get(after, m) == m and _trails(outside, mark, found[after]):
            choice = found[after]
        elif before is not None and _same_sentence(outside, found[before].last, mark.start):
            choice = found[before]
        elif m and marks[m - 1].close is None and marks[m - 1].end == mark.start:
            choice = taken[m - 1]
        else:
            choice = _verbless(outside, mark, lang) or _nearest(found, intro, m, mark, before, after)
        taken.append(choice)
    return taken


def _trails(outside: str, mark: Stretch, attribution: Attribution) -> bool:
    """``“...,” said Jane Doe`` / ``“...”, explicó el Director General Ruiz``: nothing between but commas."""
    if mark.close is None or attribution.first - mark.end > _TRAILING_GAP:
        return False
    gap = outside[mark.end + 1 : attribution.first]
    return (
        len(gap) <= _TRAILING_GAP
        and not _SENTENCE_END.search(_ABBREVIATED.sub("", gap))
        and not any(c in _MARKS for c in gap)
    )


def _same_sentence(outside: str, start: int, end: int) -> bool:
    if end - start > _LEADING_GAP:
        return False
    gap = outside[start:end]
    return len(gap) <= _LEADING_GAP and not _SENTENCE_END.search(_ABBREVIATED.sub("", gap))


def _verbless(outside: str, mark: Stretch, lang: Words) -> Named | None:
    """``Jane Doe, director of Acme: „...“`` and ``“...” — Jane Doe``."""
    head = outside[max(0, mark.start - 120) : mark.start]
    if head.rstrip().endswith(":"):
        cut = max((m.end() for m in re.finditer(r"[.!?;\n]|[" + _MARKS + "]", head)), default=0)
        found = runs(head[cut:], lang)
        if found and not head[cut : cut + found[0][0]].strip(" *_") and is_person(found[0][2], lang):
            offset = mark.start - len(head) + cut
            return Named(found[0][2], offset + found[0][0], offset + found[0][1], ":")
    if mark.close is not None:
        dash = _DASH_AFTER.match(outside, mark.end + 1)
        if dash:
            found = runs(outside[dash.end() : dash.end() + 80], lang)
            if found and found[0][0] == 0 and is_person(found[0][2], lang):
                return Named(found[0][2], dash.end(), dash.end() + found[0][1], "—")
    return None


def _nearest(
    found: Sequence[Attribution], intro: dict[int, int], m: int, mark: Stretch, before: int | None, after: int
) -> Attribution | None:
    """The closest attribution on either side that does not introduce another quotation."""
    candidates = [i for i in (before, after) if i is not None and i < len(found) and intro.get(i, m) == m]
    if not candidates:
        return None
    return found[min(candidates, key=lambda i: min(abs(found[i].first - mark.end), abs(found[i].last - mark.start)))]


class People:
    """Who has spoken or been introduced so far: whom a later "she added" or "the director said" means.

    A paragraph with a named speaker sets the last person. Otherwise a person named in
    passing does ("Marie Dupont, directrice, a visité ..."): any name when nobody has been
    named yet (a guess, so unsure), else only a name introduced with a description after
    a comma. Reading a paragraph's names is the costly part and most releases never need
    it, so the paragraphs are kept and read, in order, only when a pronoun or role asks.
    """

    KEEP = 24  #: people remembered for roles

    def __init__(self, lang: Words) -> None:
        self.lang = lang
        self.value: str | None = None
        self.sure = True
        self.pending: list[str] = []
        self.passed: list[str] = []  # paragraphs read only if a role asks (a named speaker came after)
        self.known: list[tuple[str, str]] = []  # (name, lower-case text around it)

    def named(self, name: str, context: str = "") -> None:
        self.passed.extend(self.pending)
        del self.passed[: -self.KEEP]
        self.pending.clear()
        self.value, self.sure = name, True
        self._know(name, context)

    def mentioned_in(self, outside: str) -> None:
        self.pending.append(outside)

    def _know(self, name: str, context: str) -> None:
        self.known.append((name, f"{name} {context}".lower()))
        del self.known[: -self.KEEP]

    def get(self) -> tuple[str | None, bool]:
        """The last person and whether that is sure."""
        for outside in self.pending:
            for start, end, run in runs(outside, self.lang):
                if not is_person(run, self.lang):
                    continue
                self._know(run, outside[max(0, start - 60) : end + 80])
                introduced = _introduced(outside, end, run)
                if self.value is None or introduced:
                    self.value, self.sure = run, introduced and is_name(run, self.lang)
        self.pending.clear()
        return self.value, self.sure

    def holding(self, role: str) -> str | None:
        """The one person known so far whose name or description carries every word of ``role``."""
        self.get()
        for outside in self.passed:
            self.known[:0] = [
                (run, outside[max(0, start - 60) : end + 80].lower())
                for start, end, run in runs(outside, self.lang)
                if is_person(run, self.lang)
            ]
        del self.known[: -self.KEEP]
        self.passed.clear()
        words = [w.lower().strip(".,") for w in role.split()[1:]]
        holders = {name for name, context in self.known if all(w in context for w in words)}
        return holders.pop() if len(holders) == 1 else None


_FUNCTION_WORDS = frozenset(
    "in on at for the a an while when after before during by from with under since as this that today".split()
)


def _introduced(outside: str, end: int, run: str) -> bool:
    """``John Roe, director of the plant, ...``: a person's name followed by a description."""
    return run.split()[0].lower() not in _FUNCTION_WORDS and outside[end:].startswith(",")


def resolve(
    found: Sequence[Attribution], attribution: Attribution, people: People, lang: Words
) -> tuple[str | None, bool]:
    """The person a pronoun or a role stands for, and whether that is sure."""
    if attribution.role:  # who holds the role; else the role, which is what the text says
        return people.holding(attribution.name) or attribution.name, True
    at = attribution.index
    for earlier in reversed(found[max(0, at - _LOOK_BACK) : at]):  # a few attributions back, not all
        if not earlier.pronoun and not earlier.role and is_person(earlier.name, lang):
            return earlier.name, True
    return people.get()


# -- who a paragraph's quotations go to, beyond its own attributions ------------------------------


class Who:
    """Who a quotation is given to: the name, the verb, whether that is sure, where the text says so."""

    def __init__(self, name: str | None = None, verb: str | None = None, sure: bool = True, span: Span | None = None):
        self.name, self.verb, self.sure, self.span = name, verb, sure, span


def who_for(found: Sequence[Attribution], attribution: Attribution, people: People, lang: Language) -> Who:
    if attribution.pronoun or attribution.role:
        name, sure = resolve(found, attribution, people, lang)
        return Who(name, attribution.verb, sure)
    return Who(attribution.name, attribution.verb)


def introduction(source: str, found: Sequence[Attribution], people: People, lang: Language) -> tuple[str, str] | None:
    """``The Floods Minister, Sarah Whitfield, said:`` introduces the block quotes after it."""
    ending = source.rstrip()[-1:]
    if ending not in (":", ",") or not found:
        return None
    if ending == "," and source[found[-1].last :].strip(" ,\n"):
        return None  # "... the plan was good," runs on into the next line; "..., Jane Doe said," introduces
    who = who_for(found, found[-1], people, lang)
    return (who.name, who.verb or "") if who.name and who.sure else None


def unmarked_speech(
    kind: str,
    source: str,
    marked: bool,
    intro: tuple[str, str] | None,
    statement: tuple[str, str] | None,
    lang: Language,
) -> tuple[str, str] | None:
    """Who speaks a paragraph without quotation marks, if anyone.

    ``Jane Doe said:`` (or ``... issued the following statement:``) followed by plain
    paragraphs: the first is her words; the next ones too while she speaks in the first
    person or names no one, or to the end when the introduction announced a statement. A
    paragraph with marks or its own speech verb ends the run.
    """
    if kind != "paragraph" or marked or (intro is None and statement is None):
        return None
    if attributions(source, lang):
        return None
    if intro is not None:  # a person's words; an organisation's "announced the following:" is the release's
        return intro if is_person(intro[0], lang) else None
    assert statement is not None
    if "statement" in statement[1].lower() or _first_person_or_nobody(source, lang):
        return statement
    return None


def _first_person_or_nobody(source: str, lang: Language) -> bool:
    """The speaker's voice goes on: "we", "I", or a paragraph that names no one and nothing.

    The release's own voice comes back naming someone or something: "The agency is ...".
    """
    words = _WORDS.findall(source)
    first_person = {w.lower() for w in lang.first_person if w.lower() not in ("you", "your", "yours")}
    if any(w.lower() in first_person for w in words):
        return True
    return not any(w[:1].isupper() for w in words[1:])


def signature(source: str, lang: Language) -> tuple[int, str] | None:
    """``— Jane Doe, Director of Acme`` alone on a line: (offset, name) of who signs the quotation above."""
    dash = DASH_LINE.match(source)
    if dash is None or "\n" in source.strip() or len(source) > 160:
        return None
    name = dash.group("who").split(",")[0].strip()
    return (dash.start("who"), name) if is_person(name, lang) else None
