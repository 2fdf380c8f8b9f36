"""Media contacts from the front matter and from the Contact section's text.

The section is read line by line: every email address and phone number found is
attached to the name on its line or, failing that, to the last name above it
(``Hanna Kalichava at hkalichava@iom.int``; ``Safa Msehli, IOM Geneva, Tel: +41 79
403 5526, Email: ...``; a name on one line and ``Email:``/``Tel:`` lines under it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from ..model import Block, Contact, FrontMatter, Span
from .language import language

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-/]{5,22}\d(?![\w])")
_LABEL = re.compile(
    r"(?i)\b(?:tel|tél|phone|telephone|téléphone|teléfono|тел|mob|mobile|cell|cellphone|portable|móvil|моб|"
    r"whatsapp|email|e-mail|courriel|correo|эл\.?\s*почта|name|contact|media contact|press contact)\b\.?\s*:?"
)
_MOBILE = re.compile(r"(?i)\b(?:mob|mobile|cell|cellphone|portable|móvil|моб|whatsapp)\w*\.?\s*:?\s*$")
_REGION = re.compile(r"^\s*((?:In|For|Dans|En|В|Во)\s+[^:]{2,40}):\s*")
_UPPER = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x370, 0x400), *range(0x400, 0x530)) if chr(c).isupper())
#: Capitalised words, with particles between them: W(?:SW)* written as (?!\s)(?:S?W)+,
#: the same matches with the word's big character class compiled once, not three times.
_RUN = re.compile(rf"(?!\s)(?:(?:\s+(?:de|da|van|von|der|bin|al|el|y|la|le)?\s*)?[{_UPPER}][\w'’.-]*)+")
_DESK = re.compile(
    r"(?i)\b(?:press office|media office|news ?desk|press desk|media desk|media relations|press team|"
    r"communications team|service de presse|bureau de presse|oficina de prensa|пресс-служба)\b"
)
_MAX_LINE = 300
_NOT_NAMES = {"for", "in", "please", "contact", "media", "press", "email", "tel", "phone", "mobile", "or", "and"}


def contacts_from_front_matter(fm: FrontMatter, bad: Callable[[str, str], None]) -> list[Contact]:
    """The ``contacts`` list, each checked: a mapping with at least a name."""
    value = fm.data.get("contacts")
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        bad("contacts", "expected a list of contacts, each with a name and an email or phone")
        return []
    span = fm.key_spans.get("contacts")
    contacts: list[Contact] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            bad("contacts", f"item {position}: expected a mapping with name, email, phone")
            continue
        fields: dict[str, str | None] = {}
        for key in ("name", "title", "organization", "region", "email", "phone", "mobile"):
            raw: Any = item.get(key)
            if raw is not None and not isinstance(raw, str):
                hint = " (write phone numbers in quotes, with +country code)" if key in ("phone", "mobile") else ""
                bad("contacts", f"item {position}: {key} must be text{hint}")
                raw = None
            fields[key] = raw.strip() if isinstance(raw, str) and raw.strip() else None
        unknown = [k for k in item if k not in ("name", "title", "organization", "region", "email", "phone", "mobile")]
        if unknown:
            bad("contacts", f"item {position}: unknown keys {', '.join(map(str, unknown))}")
        if not fields["name"]:
            bad("contacts", f"item {position}: a contact needs a name")
        contacts.append(
            Contact(
                name=fields["name"],
                title=fields["title"],
                organization=fields["organization"],
                region=fields["region"],
                email=fields["email"],
                phone=fields["phone"],
                mobile=fields["mobile"],
                source="front-matter",
                span=span,
            )
        )
    return contacts


def _name_on(line: str) -> tuple[int, int, str] | None:
    if len(line) > _MAX_LINE:
        return None  # a contact line is short; a long one is prose, not a name with details
    cleaned = EMAIL.sub(lambda m: " " * len(m.group(0)), line)
    cleaned = PHONE.sub(lambda m: " " * len(m.group(0)), cleaned)
    cleaned = re.sub(r"https?://\S+|<[^>]*>", lambda m: " " * len(m.group(0)), cleaned)
    cleaned = _LABEL.sub(lambda m: " " * len(m.group(0)), cleaned)
    desk = _DESK.search(cleaned)
    if desk:
        # "Press Office, Department for Flood Resilience": a desk is named, not a person.
        text = cleaned.strip(" ,;:-–—")
        start = cleaned.find(text)
        return start, start + len(text), re.sub(r"\s{2,}", " ", text)
    title_words = language("en").title_words
    candidates: list[tuple[int, int, str]] = []
    for match in _RUN.finditer(cleaned):
        run = match.group(0).rstrip(".,:")
        words = run.split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if len(words) < 2:
            continue
        run = " ".join(words)
        start = cleaned.find(run, match.start())
        candidates.append((start, start + len(run), run))
    for candidate in candidates:
        words = candidate[2].split()
        if not any(w.lower() in title_words or (w.isupper() and len(w) > 1) for w in words):
            return candidate
    return candidates[0] if candidates else None


def contacts_from_section(blocks: Sequence[Block]) -> list[Contact]:
    """Contacts written as text in a Contact section."""
    contacts: list[Contact] = []
    carried: dict[str, Any] = {}
    for block in blocks:
        # A name in a paragraph of its own ("**Hanna Kalichava**") owns the addresses in the
        # next paragraph, unless that paragraph names someone else first.
        first_line = block.source.split("\n", 1)[0]
        current: dict[str, Any] = carried if carried and not _name_on(first_line) else {}
        carried = {}
        offset = 0
        for line in block.source.split("\n"):
            _read_line(block, line, offset, current, contacts)
            offset += len(line) + 1
        if current.get("name") and not (current.get("email") or current.get("phones")):
            carried = current
        _flush(current, contacts)
    return contacts


def _read_line(block: Block, line: str, offset: int, current: dict[str, Any], out: list[Contact]) -> None:
    region = _REGION.match(line)
    name = _name_on(line[region.end() :] if region else line)
    emails = list(EMAIL.finditer(line))
    phones = [m for m in PHONE.finditer(line) if _is_phone(m.group(0))]
    if name and current.get("name") and (current.get("email") or current.get("phones")):
        _flush(current, out)
    if region:
        current["region"] = region.group(1).strip()
    if name and not current.get("name"):
        start = (region.end() if region else 0) + name[0]
        current["name"] = name[2]
        current["span"] = block.locate(offset + start, offset + start + len(name[2]))
        rest = line[start + len(name[2]) :]
        at = re.match(r"\s*(?:at|of|from)\s+([^,;:\n]+?)(?:\s*[,;]|\s+at\s|\s*$)", rest)
        if at and not EMAIL.search(at.group(1)) and not PHONE.search(at.group(1)):
            current["organization"] = at.group(1).strip()
        elif rest.lstrip().startswith(","):
            _describe(rest, current)
    elif current.get("name") and not (emails or phones or current.get("title") or current.get("email")):
        # "Jordan Okafor" then "Director of Communications, Pallas Thermal" on the next line.
        _describe(line, current, title_only=True)
    for match in emails:
        if current.get("email"):
            _flush(current, out, keep_name=False)
        current["email"] = match.group(0)
        current["email_span"] = block.locate(offset + match.start(), offset + match.end())
    for match in phones:
        kind = "mobile" if _MOBILE.search(line[: match.start()]) else "phone"
        current.setdefault("phones", []).append(
            (kind, match.group(0).strip(), block.locate(offset + match.start(), offset + match.end()))
        )


# Role nouns that make a phrase after a contact's name a job title rather than an
# organisation (``Communications Officer``, ``Director of Communications``).
_ROLES = frozenset(
    """officer director head manager spokesperson spokesman spokeswoman adviser advisor coordinator
    secretary specialist assistant associate lead chief executive president representative consultant
    editor correspondent attaché attachée chargé chargée directeur directrice responsable coordonnateur
    coordonnatrice coordinatrice secrétaire porte-parole conseiller conseillère directora jefe jefa
    oficial portavoz vocero vocera coordinadora secretario secretaria asesor asesora
    пресс-секретарь директор руководитель специалист менеджер начальник координатор советник""".split()
)


def _is_title(text: str) -> bool:
    """``chargée de communication``, ``Communications Officer``: a job, not an organisation."""
    words = re.findall(r"[\w'’-]+", text)
    if not words:
        return False
    return text[:1].islower() or words[0].lower() in _ROLES or words[-1].lower() in _ROLES


def _describe(text: str, current: dict[str, Any], title_only: bool = False) -> None:
    """Read ``, title, organisation, Tel: ...`` after a name into ``current``.

    With ``title_only`` (a line of its own under the name) an organisation is taken
    only after a title, so a stray line of prose is not mistaken for one.
    """
    for raw in re.split(r"[,;]", text):
        part = raw.strip()
        if not part:
            continue
        if ":" in part or EMAIL.search(part) or PHONE.search(part) or _LABEL.match(part):
            break
        if not current.get("title") and not current.get("organization") and _is_title(part):
            current["title"] = part
            continue
        if (not title_only or current.get("title")) and not current.get("organization"):
            current["organization"] = part
        break


def _is_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15:
        return False
    return not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip())


def _flush(current: dict[str, Any], out: list[Contact], keep_name: bool = False) -> None:
    if current.get("email") or current.get("phones"):
        phone = mobile = None
        phone_span = None
        for kind, number, span in current.get("phones", []):
            if kind == "mobile" and mobile is None:
                mobile = number
            elif phone is None:
                phone = number
            else:
                mobile = mobile or number
            phone_span = phone_span or span
        out.append(
            Contact(
                name=current.get("name"),
                title=current.get("title"),
                organization=current.get("organization"),
                region=current.get("region"),
                email=current.get("email"),
                phone=phone,
                mobile=mobile,
                source="section",
                span=current.get("span") or current.get("email_span") or phone_span,
                email_span=current.get("email_span"),
                phone_span=phone_span,
            )
        )
        region = current.get("region")
        current.clear()
        if region:
            current["region"] = region
    elif not keep_name and current.get("name") and not (current.get("email") or current.get("phones")):
        pass


def merge_contacts(first: Iterable[Contact], second: Iterable[Contact]) -> list[Contact]:
    """One list: ``second`` entries that match one in ``first`` (email or name) fill its gaps."""
    merged = list(first)
    for contact in second:
        match = next((i for i, c in enumerate(merged) if _same(c, contact)), None)
        if match is None:
            merged.append(contact)
            continue
        base = merged[match]
        merged[match] = msgspec.structs.replace(
            base,
            name=base.name or contact.name,
            title=base.title or contact.title,
            organization=base.organization or contact.organization,
            region=base.region or contact.region,
            email=base.email or contact.email,
            phone=base.phone or contact.phone,
            mobile=base.mobile or contact.mobile,
            email_span=base.email_span or contact.email_span,
            phone_span=base.phone_span or contact.phone_span,
        )
    return merged


def _same(a: Contact, b: Contact) -> bool:
    if a.email and b.email and a.email.lower() == b.email.lower():
        return True
    return bool(a.name and b.name and a.name.casefold() == b.name.casefold())


def contact_span(contact: Contact) -> Span:
    return contact.span or contact.email_span or contact.phone_span or Span.point(1)
