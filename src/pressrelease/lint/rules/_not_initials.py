"""Capitals that are not initials to spell out (PR704).

An undefined acronym is a run of capitals a reader cannot expand. Real releases hold
many capitals that are something else, and a press officer tells each form at a glance:

- a wire service's tag, and the dateline before it: ``SALEM, Ore.--(BUSINESS WIRE)--``,
  ``/PRNewswire/``, ``(GLOBE NEWSWIRE)``;
- places: a state, province or territory code after a town (``Boston, MA``), the Spanish
  doubled plural (``EE. UU.``);
- names: a surname in capitals after a given name (``Anna KOWALSKA``), a brand written in
  capitals (``ACME Engineering``, ``KORVEX®``, ``BRAVIK CORPORATION``), a company's legal
  form (``Tana Harbor LLC``), the organisation's, a contact's or a speaker's name;
- codes: document symbols (``A/HRC/12/3``), gene, product and meeting codes (``CD8``,
  ``COP21``), hashtags and handles;
- labels: a line's label in capitals (``SOURCE Acme``, ``MEDIA ADVISORY:``);
- an acronym whose name was spelled out earlier without the parenthesis
  ("the Water Sector Trust Fund ... the WSTF").

Everything here reads masked block text (see ``_text.mask``) and looks at most a few dozen
characters around a token, so the rule stays linear in the length of the release.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ...model import Release
from ...parse.language import data_file

_UP = "A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩЀ-Я"  # the capitals of _tokens.TOKEN (Latin Extended-A is checked in code)
_LOW = "a-zß-öø-ÿа-яё"
_REACH = 40  # how far a token's context is read, either side
_DATELINE_REACH = 200  # a wire tag this near the lede's start closes its dateline

# "(BUSINESS WIRE)", "/PRNewswire/", "(GLOBE NEWSWIRE)", "(AGUA NEWSWIRE)".
_WIRE_TAG = r"[(/][^()/\n]{0,40}?(?i:wire)[^()/\n]{0,10}[)/]"
# "MEDIA ADVISORY:", "BOARD MEETING: ..." at a line's start: a kicker of two or more words.
_KICKER = rf"[*_]*(?:[{_UP}][{_UP}&'’.-]*[ \t]+){{1,5}}[{_UP}][{_UP}&'’.-]*[*_]*:"
# "EE. UU.", "FF.AA.": the other half of a doubled plural, after or before.
_DOUBLED_AFTER = rf"[ \t]?([{_UP}])\1\."
_DOUBLED_BEFORE = rf"([{_UP}])\1\.[ \t]?$"
_BRAND_MARK = r"[\w-]{0,15}[®™]"
_TITLE_WORD = rf"[ \t]+[{_UP}][{_LOW}]"
# One to three given names (or an honorific) right before a surname in capitals;
# a possessive ("Kenya’s RWSB") is not one.
_GIVEN_NAMES = rf"(?:[{_UP}][{_LOW}-]+[ \t]+){{1,3}}$"
_LAST_WORD = r"(\S+)[ \t]*$"
# "Boston, ", "San Diego, ": a town and its comma before a region code.
_TOWN_COMMA = rf"[{_UP}][\w.'’-]*,[ \t]*$"
# "Kenya Power, TELKOM, Equity Bank": a name in a list of names.
_NAME_BEFORE = rf"[{_UP}][\w.&'’-]*(?:[ \t]+[{_UP}][\w.&'’-]*){{0,4}},[ \t]*$"
_NAME_AFTER = rf",?[ \t]*(?:and[ \t]+|&[ \t]+)?[{_UP}]"
_NAME_WORD_BEFORE = rf"[{_UP}][\w.&'’-]*[ \t]+$"
_NEXT_WORD = r"[ \t]+([\w.]+)"
_PREVIOUS_WORD = r"([\w’']+)[ \t]+$"
_INITIALS_HYPHEN = rf"[{_UP}]{{2,}}-$"
_POSTCODE_AFTER = r"[ \t]+\d{4,5}\b"
_WORDS = r"[^\W\d_][\w'’-]*"
_LINE_WORD = rf"[*_]{{0,3}}([{_UP}]+)\b"  # the first word of a line, if in capitals
_TWO_CAPS_OR_TITLE = rf"[{_UP}]\S*[ \t]+[{_UP}]"


@cache
def _re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled on first use: a release whose capitals are all known never pays for it."""
    return re.compile(pattern)


@cache
def _listed(key: str) -> frozenset[str]:
    return frozenset(str(word) for word in data_file("acronyms").get(key, []))


def cased(token: str) -> str:
    """``token`` up to its first letter of a script without case: ``UNICEF`` of ``UNICEF紧急``."""
    if token.isascii():
        return token  # most tokens: no script without case to look for
    for at, char in enumerate(token):
        if unicodedata.category(char) == "Lo":
            return token[:at]
    return token


def is_furniture(text: str, start: int, end: int, lede: bool) -> bool:
    """A wire tag, a line's label or kicker, or a Spanish doubled plural.

    In the lede, a wire tag near the start ends the dateline, so the place before it
    (``ELDORET, Kenya and NAKURU, Kenya, March 20, 2026 (GLOBE NEWSWIRE)``) counts
    too, whether or not the parser read the dateline.
    """
    left = max(0, start - _REACH)
    for match in _re(_WIRE_TAG).finditer(text, left, end + _REACH):
        if match.start() <= start < match.end():
            return True
    if lede and start < _DATELINE_REACH:
        tag = _re(_WIRE_TAG).search(text, 0, _DATELINE_REACH + _REACH)
        if tag is not None and start < tag.start():
            return True
    line = text.rfind("\n", 0, start) + 1
    if start - line <= 3 * _REACH:
        kicker = _re(_KICKER).match(text, line)
        if kicker is not None and start < kicker.end():
            return True  # "MEDIA ADVISORY:"
        label = _re(_LINE_WORD).match(text, line)
        if label is not None and label.start(1) == start and label.group(1) in _listed("labels"):
            return True  # "SOURCE Acme Corp"
    return _doubled(text, start, end)


def _doubled(text: str, start: int, end: int) -> bool:
    """``EE.`` of ``EE. UU.``: Spanish doubles the initial of a plural word, and writes two."""
    token = text[start:end]
    if len(token) != 2 or token[0] != token[1] or text[end : end + 1] != ".":
        return False
    return bool(_re(_DOUBLED_AFTER).match(text, end + 1) or _re(_DOUBLED_BEFORE).search(text, max(0, start - 5), start))


def _run(text: str, start: int, end: int) -> str:
    """The characters around ``text[start:end]`` up to white space or a bracket, a few dozen at most."""
    left = start
    while left > max(0, start - _REACH) and not text[left - 1].isspace() and text[left - 1] not in '([{"“«':
        left -= 1
    right = end
    while right < min(len(text), end + _REACH) and not text[right].isspace() and text[right] not in ')]}"”»':
        right += 1
    return text[left:right].rstrip(".,;:")


def is_code(text: str, start: int, end: int) -> bool:
    """A gene, product, meeting or document code, a hashtag or a handle, not initials.

    ``CD8``, ``COP21``, ``EU27`` hold a digit; ``A/HRC/12/3``, ``NWA-00172-2026`` and
    ``BLUE@TAP`` are joined by ``/``, ``-`` or ``@`` to other parts, one with a digit;
    ``COM(2026) 118`` is a document's series and year.
    """
    if any(char.isdigit() for char in text[start:end]):
        return True
    if text[end : end + 1] == "(" and text[end + 1 : end + 2].isdigit():
        return True
    if start > 0 and text[start - 1] in "#@":
        return True
    run = _run(text, start, end)
    if "@" in run.strip("@"):
        return True
    return any(mark in run for mark in "/-") and any(char.isdigit() for char in run)


def is_place_code(text: str, start: int, end: int) -> bool:
    """A state, province or territory code after a town or before a postcode: ``Memphis, TN``."""
    if text[start:end] not in _listed("region_codes"):
        return False
    before = text[max(0, start - _REACH) : start]
    if _re(_TOWN_COMMA).search(before) or _re(_INITIALS_HYPHEN).search(before):
        return True  # "Boston, MA"; "ACME-MN", an organisation's state chapter
    return bool(_re(_POSTCODE_AFTER).match(text, end))


def is_name(text: str, start: int, end: int, paragraph: bool, honorifics: tuple[str, ...] = ()) -> bool:
    """A surname in capitals, a brand in capitals, or a company's legal form.

    ``Anna KOWALSKA (+32 ...)``, ``said Commissioner Halima WEKESA``, ``Mme MARTIN``: a surname
    (see :func:`_surname`). ``KORVEX®``: a brand mark. ``Kenya Power, TELKOM, Equity Bank``: one of a
    list of names. ``ZENTRA Pumps``, ``ACME Engineering``: capitals before a capitalised word
    with no article in front, as brands are written; ``the RWSB Board`` keeps its article
    and stays initials. ``BRAVIK CORPORATION``, ``Tana Harbor LLC``: a name and its legal form.
    Title-case headings are left out of the brand test, since every word there is capitalised.
    """
    token = text[start:end]
    # A new line stands for the start of the text, so "^" is never the cut of the slice.
    before = ("\n" if start <= _REACH else "") + text[max(0, start - _REACH) : start]
    forms = _listed("company_forms")
    if token in forms and _re(_NAME_WORD_BEFORE).search(before):
        return True
    if len(token) >= 3 and _surname(before, honorifics) and not _re(_TITLE_WORD).match(text, end):
        return True
    if _re(_BRAND_MARK).match(text, end):
        return True
    if _re(_NAME_BEFORE).search(before) and text[end : end + 1] == "," and _re(_NAME_AFTER).match(text, end):
        return True  # one of a list of names
    after = _re(_NEXT_WORD).match(text, end, end + _REACH)
    if after and after.group(1).upper().rstrip(".") in forms and after.group(1)[:1].isupper():
        return True
    if not paragraph or not _re(_TITLE_WORD).match(text, end):
        return False
    previous = _re(_PREVIOUS_WORD).search(before)
    return previous is None or previous.group(1).casefold().rstrip("’'") not in _listed("articles")


def _surname(before: str, honorifics: tuple[str, ...]) -> bool:
    """Whether the text ``before`` capitals ends in given names, as a surname in capitals follows.

    The given names (one to three capitalised words) must start a name: at a line's or a
    list's start, after an honorific (``M. Jean``), or after a word in lower case that is
    not an article (``said Jean``). "Today RWSB" after a full stop, "the Nairobi RWSB"
    and "Kenya’s RWSB" are not names.
    """
    given = _re(_GIVEN_NAMES).search(before)
    if given is None:
        return False
    lead = before[: given.start()].rstrip(" \t")
    if not lead or lead[-1] in "\n,;:()|":
        return True
    last = _re(_LAST_WORD).search(lead)
    word = last.group(1) if last else ""
    if word in honorifics:
        return True
    return word.isalpha() and word.islower() and word not in _listed("articles")


def names_in(release: Release) -> frozenset[str]:
    """Words in capitals that name the organisation, a contact or a speaker in this release."""
    names: list[str] = []
    if release.organization is not None:
        names.append(release.organization.name)
    names.extend(contact.name for contact in release.contacts if contact.name)
    names.extend(quote.speaker for quote in release.quotes if quote.speaker)
    words = (word.strip(".,;:()\"'’") for name in names for word in name.split())
    return frozenset(word for word in words if len(word) > 1 and word.isupper())


class SpelledOut:
    """Where each run of capitalised words was first written, by its initials.

    "Water Sector Trust Fund" gives WSTF; "Commission for Rural Equality" gives CRE and CFRE
    (joining words left out, and kept). Words must follow each other with only spaces
    between (a brand mark or emphasis may stand there too), so "Albania, Algeria" never
    makes "AA". The title, subtitle and the
    organisation's name come before every block.
    """

    def __init__(self, release: Release) -> None:
        self._first: dict[str, tuple[int, int]] = {}
        head = [release.title or "", release.subtitle or ""]
        if release.organization is not None:
            head.append(release.organization.name)
        for text in head:
            self._read(text, -1)
        for index, block in enumerate(release.blocks):
            if block.source and block.kind != "code":
                self._read(block.source, index)

    def before(self, name: str, block: int, offset: int) -> bool:
        """True when ``name``'s words were spelled out before ``offset`` of ``block``."""
        first = self._first.get(name)
        return first is not None and first < (block, offset)

    def _read(self, text: str, block: int) -> None:
        if not _re(_TWO_CAPS_OR_TITLE).search(text):
            return
        joining = _listed("joining_words")
        words = [(m.group(0), m.start(), m.end()) for m in _re(_WORDS).finditer(text)]
        for i, (word, start, _) in enumerate(words):
            if not word[:1].isupper() or word.casefold() in joining:
                continue
            short, full = "", ""
            for j in range(i, min(i + 10, len(words))):
                current, begin, _end = words[j]
                if j > i and text[words[j - 1][2] : begin].strip(" \t®™*"):
                    break  # punctuation or a new line between: not one name ("Acme® Water" is one)
                if current.casefold() in joining:
                    full += current[0].upper()
                    continue
                if not current[:1].isupper():
                    break
                short += current[0]
                full += current[0]
                for initials in {short, full}:
                    if len(initials) >= 2:
                        self._first.setdefault(initials, (block, start))
