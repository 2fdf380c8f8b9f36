"""Email addresses and phone numbers in a line of contact text, as people write them.

A contact line is read for what a journalist could dial or write to, and nothing
else: link targets, bare URLs and images are blanked first (a tracking pixel's
``DateId=20200227`` or a ``tel:`` link's target is no number to call), and so are
dates (``Stand: 25.01.2022``). A run of digits that holds two numbers is split
where people split them (``02 6270 0000 / 0400 000 000``, ``0200000000or0400000000``,
``02 6200 0000. 0400 000 000``); ``+ 32`` keeps its plus. Each number takes its
kind from the label just before it (``Tel.:``, ``Mobile``, ``电话``, ``Fax``); a fax is
read but is not a number to call, so the caller drops it. A number with no label
must look like one (a leading ``+``, ``00`` or ``0``, a bracketed area code, the
North American 3-3-4 form, or nine digits or more), so ``Press Notice 2007/0012``
or ``2019-2024`` is no phone.

The label words are data (``data/contacts.toml``), in every language we know.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from .language import data_file

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
#: A phone number as lint and the renderers look for one in running text (no splitting, no labels).
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-/]{5,22}\d(?![\w])")
#: Digits with the separators people put in a phone number; split and judged afterwards.
_RUN = re.compile(r"(?<![\d+])(?:\+[ \t]?|00)?\(?\d[\d().\-/ \t]{5,}\d(?!\d)")
#: Link targets, images, bare URLs and web addresses: blanked before anything is read.
_LINKED = re.compile(
    r"!\\?\[[^\]\n]{0,300}\\?\]\([^)\s]{0,2000}\)"  # an image (a tracking pixel)
    r"|\\?\]\([^)\s]{0,2000}\)"  # a link's target, the text before it stays
    r"|<https?:[^>\s]{0,2000}>"
    r"|(?:https?://|www\.)[^\s<>\[\]()]{1,2000}"
)
_DATE = re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d(?![\d.])|(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)")
#: Where one number ends and the next begins, inside a run of digits.
_SPLIT = re.compile(r"[ \t]*/[ \t]*|\.[ \t]+|[ \t]{2,}")
_NANP = re.compile(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}")
_LABEL_REACH = 40
_LETTER = re.compile(r"(?<!\w)([TPMF])\.?:?[ \t]*$")
_LETTERS = {
    "T": "phone",
    "P": "phone",
    "M": "mobile",
    "F": "fax",
}  #: characters before a number that may hold its label

Kind = Literal["email", "phone", "mobile", "fax"]


class Value(NamedTuple):
    """One address or number in a line, where it is written."""

    kind: Kind
    text: str  #: as written, except ``+ 32`` closed up to ``+32``
    start: int
    end: int


@cache
def _labels() -> re.Pattern[str]:
    """Every kind's label words from the data, one named group per kind."""
    table = data_file("contacts").get("labels", {})
    groups = []
    for kind in ("fax", "mobile", "phone", "email"):
        words = sorted((re.escape(w) for w in table.get(kind, [])), key=len, reverse=True)
        groups.append(f"(?P<{kind}>{'|'.join(words)})")
    return re.compile(rf"(?i)(?<!\w)(?:{'|'.join(groups)})")


def label_at_start(text: str) -> bool:
    """``text`` opens with a phone, mobile, fax or email label (``电话``, ``هاتف``, ``Tel.``)."""
    found = _labels().match(text.strip())
    return found is not None


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` replaced by as many spaces."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def readable(line: str) -> str:
    """The line with link targets, images, URLs and dates blanked (same length).

    Each pattern is tried only on a line holding a string every match of it holds
    (``](``, ``http`` or ``www.`` for a link; ``19`` or ``20`` for a date's year): a
    contact section's lines are read several times over, and most have neither.
    """
    if "](" in line or "http" in line or "www." in line:
        line = blank(line, _LINKED)
    if "20" in line or "19" in line:
        line = blank(line, _DATE)
    return line


def values_in(line: str, plain: str | None = None) -> list[Value]:
    """Every email address and phone number in ``line``, in order, each with its kind.

    ``plain`` is ``readable(line)``, when the caller has it already.
    """
    plain = readable(line) if plain is None else plain
    found = [Value("email", m.group(0), m.start(), m.end()) for m in EMAIL.finditer(plain)]
    if found:
        plain = blank(plain, EMAIL)
    numbers: list[tuple[int, int]] = []
    for run in _RUN.finditer(plain):
        numbers.extend(_split(plain, run.start(), run.end()))
    emails = iter(found)
    email = next(emails, None)
    before = 0
    for start, end in numbers:
        while email is not None and email.end <= start:
            before = max(before, email.end)
            email = next(emails, None)
        text = line[start:end]
        kind = _kind(plain[max(before, start - _LABEL_REACH) : start])
        before = end
        if kind is None and not _looks_like_a_number(text):
            continue
        found.append(Value(kind or "phone", re.sub(r"^\+[ \t]+", "+", text), start, end))
    return sorted(found, key=lambda v: v.start)


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The numbers in the run ``text[start:end]``: split where both sides hold a whole number."""
    counts = [0]  # digits in text[start:start + i], so each side is counted once
    for ch in text[start:end]:
        counts.append(counts[-1] + ch.isdigit())

    def digits(a: int, b: int) -> int:
        return counts[b - start] - counts[a - start]

    pieces: list[tuple[int, int]] = []
    begin = start
    for sep in _SPLIT.finditer(text, start, end):
        strong = "." in sep.group(0)  # ". " always ends a number; "030/1234567" may be one
        if (strong or digits(begin, sep.start()) >= 7) and digits(sep.end(), end) >= 7:
            pieces.append((begin, sep.start()))
            begin = sep.end()
    pieces.append((begin, end))
    out = []
    for a, b in pieces:
        piece = text[a:b]
        trimmed = piece.rstrip(" \t.-/(")
        if trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[: trimmed.rfind(")")].rstrip(" \t.-/")
        lead = len(trimmed) - len(trimmed.lstrip(" \t.-/)"))
        if 7 <= _digits(trimmed) <= 15:
            out.append((a + lead, a + len(trimmed)))
    return out


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _kind(gap: str) -> Kind | None:
    """The kind the labels in ``gap`` give the number after it.

    Mobile over phone ("Mobile phone:"), and a fax only when no phone label shares
    the gap: "Tel/Fax:" is a number one can call.
    """
    found = {m.lastgroup for m in _labels().finditer(gap)}
    letter = _LETTER.search(gap)  # "T +44 ... | M +44 ... | F +44 ...", as letterheads write them
    if letter is not None:
        found.add(_LETTERS[letter.group(1)])
    if "fax" in found and not found & {"phone", "mobile"}:
        return "fax"
    return next((k for k in ("mobile", "phone") if k in found), None)  # type: ignore[return-value]


def _looks_like_a_number(text: str) -> bool:
    """An unlabelled run of digits that reads as a phone number, not a reference or a year span."""
    stripped = text.lstrip("(")
    if stripped.startswith(("+", "0")) or text.startswith("("):
        return True
    if _NANP.fullmatch(text):
        return True
    return _digits(text) >= 9 and "/" not in text
