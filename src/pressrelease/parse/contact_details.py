"""Media contacts from the front matter and from the Contact section's text.

The section is read line by line, and each line as the text between its addresses
and numbers (:mod:`.contact_values` finds those, :mod:`.contact_names` the names): the text before a value may name
a new person, and every value goes to the person named last (``Hanna Kalichava at
hkalichava@iom.int``; ``Safa Msehli, IOM Geneva, Tel: +41 79 403 5526, Email: ...``;
``In Geneva, Jane Roe, jr@example.org, +41 ... In Oslo, John Doe, ...``; ``Jane ROE
(+32 2 000 00 00)  John DOE (+32 2 000 00 01)``; a name on one line and
``Email:``/``Tel:`` lines under it). Names written first and numbers after them, apart
by wide gaps, are a table read flat: the first group of numbers is the first
person's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from ..model import Block, Contact, FrontMatter, Span
from .contact_names import is_desk, name_in, name_on, opens_with_label, person_like, wires
from .contact_values import EMAIL, PHONE, Value, readable, values_in

__all__ = [
    "EMAIL",
    "PHONE",
    "contact_span",
    "contacts_from_front_matter",
    "contacts_from_section",
    "merge_contacts",
    "name_in",
]

#: ``In Geneva:``, ``In Geneva,``, ``For the Lake Authority:``: the region or office a contact speaks for.
_REGION = re.compile(
    r"^[\s,;(]*((?:In|For|Dans|Pour|En|Para|В|Во|Для)\s+(?:the\s+)?[A-ZÀ-ÞА-Я][^:,\n]{1,40}):\s*"
    r"|^[\s,;(]*((?:In|Dans|En|À|A|Em)\s+[A-ZÀ-ÞА-Я][\w.'’-]*(?: [A-ZÀ-ÞА-Я][\w.'’-]*){0,2}),\s*"
)
_WIDE = re.compile(r"[ \t]{2,}|\t")


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


def contacts_from_section(blocks: Sequence[Block]) -> list[Contact]:
    """Contacts written as text in a Contact section.

    A contact stays open across paragraphs ("**Hanna Kalichava**", then her number,
    then her address, each a paragraph) until another name is written, or until a
    paragraph brings a second value of a kind the contact already has.
    """
    contacts: list[Contact] = []
    current: dict[str, Any] = {}
    for block in blocks:
        offset = 0
        current["fresh"] = True
        for line in block.source.split("\n"):
            _read_line(block, line, offset, current, contacts)
            offset += len(line) + 1
    _flush(current, contacts)
    return contacts


def _read_line(block: Block, line: str, offset: int, current: dict[str, Any], out: list[Contact]) -> None:
    """One line: the text before each address or number may name the person it belongs to."""
    plain = readable(line)
    if wires().search(plain):
        return  # "Call the Wire at 800 ...": the wire's own footer
    values = values_in(line, plain)
    zipped = _zipped(line, values)
    if zipped is not None:
        for (start, end, name), group in zipped:
            _flush(current, out)
            _start(block, offset, current, start, end, name)
            for number in group:
                _add(block, offset, current, out, number)
        return
    begin = 0
    for value in values:
        _read_gap(block, line, offset, begin, value.start, current, out, alone=False, valued=True)
        _add(block, offset, current, out, value)
        begin = value.end
    _read_gap(block, line, offset, begin, len(line), current, out, alone=not values)


def _read_gap(
    block: Block,
    line: str,
    offset: int,
    begin: int,
    end: int,
    current: dict[str, Any],
    out: list[Contact],
    alone: bool,
    valued: bool = False,
) -> None:
    """The text between two values (or a whole line without any): a region, a name, a title."""
    gap = line[begin:end]
    region = _REGION.match(gap)
    at = begin + (region.end() if region else 0)
    name = name_on(line[at:end])
    if region:
        if current.get("email") or current.get("phones"):
            _flush(current, out)
        current["region"] = (region.group(1) or region.group(2)).strip()
    if name is not None and begin > 0 and not region and not _opens_a_contact(name[2], line[name[1] + at : end]):
        name = None  # "+41 ..., Geneva Office, jr@...": a place or an office between one person's details
    if name is not None:
        start, stop, text = name[0] + at, name[1] + at, name[2]
        has_values = current.get("email") or current.get("phones")
        # A person's name replaces a name still without details when the one before did not
        # read as a person, or when this one comes with a number or address on its line
        # ("Harbour Trust" above "Jane Roe, 555-000-0000").
        replaces = person_like(text) and (valued or not person_like(current.get("name") or ""))
        if has_values or not current.get("name") or replaces:
            _flush(current, out)
            _start(block, offset, current, start, stop, text)
            _after_name(line[stop:end], current)
            return
    if alone and current.get("name") and not (current.get("title") or current.get("email") or current.get("phones")):
        # "Jordan Okafor" then "Director of Communications, Pallas Thermal" on the next line.
        _describe(gap, current, title_only=True)


def _opens_a_contact(name: str, after: str) -> bool:
    """A name after a value on the same line starts the next contact if it reads as one.

    A person's name, a desk, or a name followed by its label punctuation (``Office of
    the Minister :``, ``Jane ROE (``, ``Jane Roe – Tel.:``).
    """
    return person_like(name) or is_desk(name) or bool(re.match(r"\s*[:：(–—-]", after))


def _start(block: Block, offset: int, current: dict[str, Any], start: int, end: int, name: str) -> None:
    region = current.get("region")
    current.clear()
    if region:
        current["region"] = region
    current["name"] = name
    current["span"] = block.locate(offset + start, offset + end)


def _after_name(rest: str, current: dict[str, Any]) -> None:
    """``at IOM Geneva``, ``, Communications Officer, Lake Authority`` after a name."""
    at = re.match(r"\s*(?:at|of|from)\s+([^,;:\n]+?)(?:\s*[,;]|\s+at\s|\s*$)", rest)
    if at and re.search(r"\w", at.group(1)):
        current["organization"] = at.group(1).strip(" <(")
    elif rest.lstrip().startswith(","):
        _describe(rest, current)


def _add(block: Block, offset: int, current: dict[str, Any], out: list[Contact], value: Value) -> None:
    """An address or number for the open contact; a second one of a kind starts another contact."""
    if value.kind == "fax":
        return  # not a number to call
    fresh = current.pop("fresh", False)
    if value.kind == "email":
        again = bool(current.get("email"))
    else:
        again = fresh and any(kind == value.kind for kind, _, _ in current.get("phones", []))
    if again:
        _flush(current, out)
    span = block.locate(offset + value.start, offset + value.end)
    if value.kind == "email":
        current["email"] = value.text
        current["email_span"] = span
    else:
        current.setdefault("phones", []).append((value.kind, value.text, span))


def _zipped(line: str, values: list[Value]) -> list[tuple[tuple[int, int, str], list[Value]]] | None:
    """``Jane Roe  John Doe  0200000000or0400000000  0200000001``: a two-column table read flat.

    The names come first, apart by wide gaps, then as many groups of numbers, apart by
    wide gaps too: the first group is the first name's, and so on.
    """
    if len(values) < 2:
        return None
    head = line[: values[0].start]
    names = []
    for part in _WIDE.split(head):
        found = name_on(part) if part.strip() else None
        if found is not None and found[2] == " ".join(part.split()).strip(" ,;:"):
            at = head.index(part)
            names.append((found[0] + at, found[1] + at, found[2]))
    if len(names) < 2:
        return None
    groups: list[list[Value]] = [[values[0]]]
    for before, value in itertools.pairwise(values):
        between = line[before.end : value.start]
        if between.strip() == "" and _WIDE.search(between):
            groups.append([])
        groups[-1].append(value)
    if len(groups) != len(names):
        return None
    return list(zip(names, groups, strict=True))


# Role nouns that make a phrase after a contact's name a job title rather than an
# organisation (``Communications Officer``, ``Director of Communications``).
_ROLES = frozenset(
    """officer director head manager spokesperson spokesman spokeswoman adviser advisor coordinator
    secretary specialist assistant associate lead chief executive president representative consultant
    ceo cfo coo cto founder partner vp editor correspondent attaché attachée chargé chargée directeur directrice responsable coordonnateur
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
        if not any(character.isalnum() for character in part):
            continue  # nothing but the '<' of an address that follows, or a stray mark
        if ":" in part or EMAIL.search(part) or PHONE.search(part) or opens_with_label(part):
            break
        if not current.get("title") and not current.get("organization") and _is_title(part):
            current["title"] = part
            continue
        if (not title_only or current.get("title")) and not current.get("organization"):
            current["organization"] = part
        break


def _flush(current: dict[str, Any], out: list[Contact]) -> None:
    current.pop("fresh", None)
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
