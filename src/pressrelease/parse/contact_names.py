"""Who a contact line names: a person, a desk or an office, in any script.

A name is a run of capitalised words (particles between them allowed), after the
labels, addresses, numbers and links of the line are blanked; the first run that
holds no job title or capitals-only word wins. A desk (``Press Office, Department
for ...``, ``Office of the Minister``, ``Public Enquiries``) is named as written. In a
script without capitals (Chinese, Arabic) the name is the first part between
separators written in such letters. A wire service's own name is never a contact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .contact_values import EMAIL, PHONE, label_at_start, readable
from .language import data_file, language

_LABEL = re.compile(
    r"(?i)\b(?:tel|tél|phone|telephone|téléphone|teléfono|тел|mob|mobile|cell|cellphone|portable|móvil|моб|"
    r"whatsapp|email|e-mail|courriel|correo|эл\.?\s*почта|name|contact|media contact|press contact)\b\.?\s*:?"
)
_UPPER = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x370, 0x400), *range(0x400, 0x530)) if chr(c).isupper())
#: Capitalised words, with particles between them: W(?:SW)* written as (?!\s)(?:S?W)+,
#: the same matches with the word's big character class compiled once, not three times.
_RUN = re.compile(rf"(?!\s)(?:(?:\s+(?:de|da|van|von|der|bin|al|el|y|la|le)?\s*)?[{_UPPER}][\w'’.-]*)+")
_DESK = re.compile(
    r"(?i)\b(?:press office|media office|news ?desk|press desk|media desk|media relations|press team|"
    r"communications team|service de presse|bureau de presse|oficina de prensa|пресс-служба|"
    r"public (?:enquiries|inquiries))\b|\boffice of(?: the)? (?=\w)"
)
#: Words that make a capitalised phrase a desk or a department rather than a person.
_DESK_WORD = re.compile(
    r"(?i)communications?|relations|marketing|media|press|public|affairs|services?|enquiries|inquiries|"
    r"desk|news|information|source|inc\.?|llc|ltd\.?|plc|gmbh|s\.?a\.?|corp\.?|corporation|limited|pty|ag|n\.?v\.?"
)
_TRAILING_WORDS = re.compile(r"(?:\s+(?:by|at|on|via|or|and|from|par|por|en|à))+$", re.IGNORECASE)
_PARTS = re.compile(r"[^,;:|،，、；：]+")  #: the parts of a line between separators, in any script
_MAX_LINE = 300
_MAX_DESK_WORDS = 12
_NOT_NAMES = {
    "for", "in", "please", "contact", "media", "press", "email", "tel", "phone", "mobile", "or", "and",
    "source", "call", "visit", "follow", "details",
}  # fmt: skip


def name_on(line: str) -> tuple[int, int, str] | None:
    """The name written in ``line`` (start, end, the name with single spaces), if any."""
    if len(line) > _MAX_LINE:
        return None  # a contact line is short; a long one is prose, not a name with details
    return _name_on(line)


@lru_cache(maxsize=1024)
def _name_on(line: str) -> tuple[int, int, str] | None:
    """Cached: the text between a line's values recurs (``Tel:``, ``, ``, an organisation's
    own contact lines in each of its releases): in a lint of real releases, about half of
    the texts asked about had been asked about before."""
    cleaned = readable(line)
    if "@" in cleaned:
        cleaned = EMAIL.sub(lambda m: " " * len(m.group(0)), cleaned)
    cleaned = PHONE.sub(lambda m: " " * len(m.group(0)), cleaned)
    if "<" in cleaned:
        cleaned = re.sub(r"<[^<>\n]{0,300}>", lambda m: " " * len(m.group(0)), cleaned)
    cleaned = _LABEL.sub(lambda m: " " * len(m.group(0)), cleaned)
    # "General public inquiries: Citizens Line by phone": the name is after the last colon.
    colon = max(cleaned.rfind(":"), cleaned.rfind("："))
    if colon >= 0 and re.search(r"\w", cleaned[colon + 1 :]):
        cleaned = " " * (colon + 1) + cleaned[colon + 1 :]
    desk = _DESK.search(cleaned)
    if desk and len(cleaned.split()) <= _MAX_DESK_WORDS:
        # "Press Office, Department for Flood Resilience": a desk is named, not a person.
        text = _TRAILING_WORDS.sub("", cleaned.rstrip()).strip(" ,;:-–—().")
        while text.split(" ", 1)[0].lower() in _NOT_NAMES - {"media", "press"} and " " in text:
            text = text.split(" ", 1)[1].lstrip()
        start = cleaned.find(text)
        return start, start + len(text), re.sub(r"\s{2,}", " ", text)
    title_words = language("en").title_words
    candidates: list[tuple[int, int, str]] = []
    for match in _RUN.finditer(cleaned):
        words = match.group(0).rstrip(".,:").split()
        skipped = 0
        while words and (words[0].lower() in _NOT_NAMES or is_wire(words[0])):
            skipped += 1
            words = words[1:]
        if len(words) < 2 or is_wire(" ".join(words)):
            continue
        start = match.start()
        for _ in range(skipped):
            start = cleaned.index(" ", start) + 1
            while cleaned[start] == " ":
                start += 1
        end = start + len(match.group(0)[start - match.start() :].rstrip(".,:"))
        candidates.append((start, end, " ".join(words)))
    for candidate in candidates:
        words = candidate[2].split()
        if not any(w.lower() in title_words or (w.isupper() and len(w) > 1) for w in words):
            return candidate
    return candidates[0] if candidates else _caseless_name(cleaned)


def _caseless_name(cleaned: str) -> tuple[int, int, str] | None:
    """A name in a script without capitals (``王明，港务局，电话：``, ``سارة أحمد، هاتف:``).

    The first part between separators written only in such letters: two to four
    characters in Chinese, Japanese or Korean (a personal name, not an agency's), two
    to four words in other scripts, and not a contact label.
    """
    for part in _PARTS.finditer(cleaned):
        text = part.group(0).strip()
        if not text or not all(_caseless(ch) or ch == " " for ch in text) or label_at_start(text):
            continue
        wide = all(unicodedata.east_asian_width(ch) == "W" for ch in text if ch != " ")
        size = len(text.replace(" ", "")) if wide else len(text.split())
        if 2 <= size <= 4:
            start = part.start() + part.group(0).index(text)
            return start, start + len(text), text
        return None  # the first caseless part is an agency or a sentence: no name
    return None


def _caseless(ch: str) -> bool:
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def name_in(text: str) -> str | None:
    """The name of a person or desk written in ``text`` (a contact line or sentence), if any."""
    found = name_on(text)
    return found[2] if found is not None else None


def person_like(name: str) -> bool:
    """``Jane Roe``, ``Mina ANDREEVA``: a person's name, not a job, a desk or an organisation."""
    words = name.split()
    if not 2 <= len(words) <= 4 or all(w.isupper() for w in words):
        return False
    title_words = language("en").title_words
    return not any(w.lower().strip(".,") in title_words or _DESK_WORD.fullmatch(w) for w in words)


def is_wire(text: str) -> bool:
    """A wire service's own name: its "call us" footer is no contact of the release."""
    return bool(wires().fullmatch(text.strip(" .,:")))


@cache
def wires() -> re.Pattern[str]:
    names = data_file("contacts").get("services", {}).get("wires", [])
    return re.compile("(?i)(?<!\\w)(?:" + "|".join(re.escape(n) for n in names) + ")(?!\\w)")


def is_desk(name: str) -> bool:
    """``Press Office``, ``Office of the Minister``: a desk, named as a contact."""
    return bool(_DESK.search(name))


def opens_with_label(text: str) -> bool:
    """``Tel: ...``, ``Email ...``, ``Contact ...``: a label, not a title or an organisation."""
    return bool(_LABEL.match(text))
