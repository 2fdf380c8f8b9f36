"""Lint rules: media contacts (PR5xx).

Contacts come from two places: the front-matter ``contacts`` list and the text of
the Contact section. Front-matter findings point at the line of the field itself
(``FrontMatter.items``, from the parser), falling back to the ``contacts`` key; section
findings use the spans the parser recorded, or the address found in the text.
Email syntax is checked with email-validator, offline (no DNS lookups), unless the
address is of the plain form it always accepts (:func:`plainly_valid`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec

from ...model import Block, Contact, Release, Section, Span, Written
from ...parse import phones
from ...parse.contact_details import EMAIL, PHONE
from ..registry import Context, Finding, Rule, rule
from ._example import CONTACTS, NOTES, QUOTE, example


def _example(contacts: str = "", section: str = "") -> str:
    """The example release with these front-matter contacts and this Contact section (each may be empty)."""
    contact_section = ("## Contact", section) if section else ()
    return example(QUOTE, "###", NOTES, *contact_section, organization="", contacts=contacts)


_GOOD = _example(CONTACTS)
#: ITU-T E.123 international notation: "+", country code, groups separated by single spaces
#: (O'Reilly Regular Expressions Cookbook 4.3).
_E123 = re.compile(r"\+(?:[0-9] ?){6,14}[0-9]")
#: Starts where a run of address characters starts (the lookbehind): tried from every
#: character of a long run without an @, the pattern would read the rest of the run each time.
_EMAILISH = re.compile(r"(?<![^\s<>()\[\],;:\"'“”«»])[^\s<>()\[\],;:\"'“”«»]+@[^\s<>()\[\],;:\"'“”«»]+")


@cache
def _labels() -> re.Pattern[str]:  # compiled on first use: only contact lines without a name need it
    return re.compile(
        r"(?i)\b(?:for|further|more|information|please|contact|contacts|contacter|contactez|media|press|presse|"
        r"prensa|enquiries|inquiries|email|e-mail|courriel|correo|electrónico|tel|tél|phone|telephone|"
        r"téléphone|teléfono|mobile|mob|cell|or|and|at|on|by|in|out|of|hours|et|ou|y|o)\b\.?"
    )


class _Where(msgspec.Struct, frozen=True):
    """A contact and where its front-matter fields are written (empty for section contacts)."""

    contact: Contact
    fields: dict[str, Written]


def _front_matter_contacts(release: Release) -> list[_Where]:
    """Front-matter contacts, each with its item's field positions (same order as the parser)."""
    raw: Any = release.front_matter.data.get("contacts")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    positions = release.front_matter.items.get("contacts", ()) if isinstance(raw, list) else ()
    placed = [positions[i] if i < len(positions) else {} for i, item in enumerate(items) if isinstance(item, dict)]
    ours = [c for c in release.contacts if c.source == "front-matter"]
    return [_Where(contact, placed[i] if i < len(placed) else {}) for i, contact in enumerate(ours)]


def _key_span(release: Release) -> Span:
    return release.front_matter.key_spans.get("contacts", Span.point(1))


def _field_span(release: Release, where: _Where, *keys: str) -> Span:
    for key in keys:
        if key in where.fields:
            return where.fields[key].span
    first = next(iter(where.fields.values()), None)
    return first.span if first is not None else _key_span(release)


def _written(release: Release, key: str) -> Iterator[tuple[str, Span]]:
    """Each front-matter contact's ``key`` value as written, with its position."""
    raw: Any = release.front_matter.data.get("contacts")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    positions = release.front_matter.items.get("contacts", ()) if isinstance(raw, list) else ()
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(key), str) or not item[key].strip():
            continue
        value = positions[index].get(key) if index < len(positions) else None
        yield item[key].strip(), value.span if value is not None else _key_span(release)


def _contact_sections(release: Release) -> list[Section]:
    return [s for s in release.sections if s.kind == "contact"]


def _section_blocks(release: Release) -> Iterator[Block]:
    for section in _contact_sections(release):
        for index in section.blocks:
            block = release.blocks[index]
            if block.source and block.kind != "code":
                yield block


def _unheaded_contact(release: Release) -> bool:
    """An email or phone in text after the end mark that is under no section heading."""
    first = release.end_marks[0].block if release.end_marks else None
    if first is None:
        return False
    return any(
        block.section is None
        and (EMAIL.search(block.source) or any(_is_phone(m.group(0)) for m in PHONE.finditer(block.source)))
        for block in release.blocks[first + 1 :]
    )


def _is_phone(text: str) -> bool:
    """The parser's test: 7 to 15 digits (E.164), and not an ISO date."""
    digits = re.sub(r"\D", "", text)
    return 7 <= len(digits) <= 15 and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip())


def _span_of(contact: Contact, release: Release) -> Span:
    return contact.span or contact.email_span or contact.phone_span or _key_span(release)


# -- PR501, PR502 ------------------------------------------------------------------------------


@rule(
    "PR501",
    "contact-missing",
    "error",
    summary="No media contact in the front matter or in a Contact section.",
    why="Every wire requires a contact: name, email and phone (Online PR Media, PRWeb 'Valid Contact Info', "
    "TLMW; Cision checks the spokesperson's contact data).",
    bad=_example(),
    good=_GOOD,
)
def contact_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if release.contacts or not release.body:
        return
    if any(release.blocks[i].text.strip() for s in _contact_sections(release) for i in s.blocks):
        return  # a Contact section with text but no address: PR502 says so
    if _unheaded_contact(release):
        return  # contact lines after the end mark without a heading: PR407 says where they go
    lines = release.lines
    span = Span.point(max(len(lines), 1), len(lines[-1]) + 1 if lines else 1)
    yield Finding(
        span,
        "the release has no media contact: add `contacts:` to the front matter or a '## Contact' section "
        "with a name, email and phone",
    )


@rule(
    "PR502",
    "contact-unreachable",
    "error",
    summary="A contact with neither an email address nor a phone number.",
    why="A name alone cannot be reached on deadline: wires ask for a phone number and an email address "
    "(TLMW, PRWeb, Online PR Media).",
    bad=_example("  - name: Amina Odhiambo\n    title: Communications Officer\n"),
    good=_GOOD,
)
def contact_unreachable(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for where in _front_matter_contacts(release):
        contact = where.contact
        if not contact.email and not contact.phones:
            who = f"'{contact.name}'" if contact.name else "a contact"
            yield Finding(
                _field_span(release, where, "name"),
                f"{who} has no email or phone: add `email:` and `phone:` so journalists can reach them",
            )
    if any(c.email or c.phones for c in release.contacts):
        return
    for section in _contact_sections(release):
        texts = [release.blocks[i] for i in section.blocks if release.blocks[i].text.strip()]
        if texts:
            first, last = texts[0].span, texts[-1].span
            yield Finding(
                Span(first.line, first.column, last.end_line, last.end_column),
                "the Contact section gives no email or phone: add an email address and a phone number",
            )


# -- PR503: email syntax -----------------------------------------------------------------------


# An address email-validator always accepts (ASCII dot-atom local part of at most 64
# characters, letters-digits-hyphen labels, an alphabetic top-level domain that is
# not special-use, at most 254 characters): checked without importing it, which
# costs 50 ms of start-up. Anything else goes to email-validator for its verdict.
_PLAIN_EMAIL = re.compile(
    r"(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_SPECIAL_USE = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test", "example", "internal"})


def plainly_valid(address: str) -> bool:
    """True for an address of the common form that email-validator accepts (see above)."""
    if len(address) > 254 or "--" in address.partition("@")[2] or not _PLAIN_EMAIL.fullmatch(address):
        return False
    return address.rsplit(".", 1)[-1].lower() not in _SPECIAL_USE


def _email_problem(address: str) -> str | None:
    """email-validator's reason, as a clause (no DNS: deliverability is not checked)."""
    if plainly_valid(address):
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        reason = str(exc).split(". ")[0].rstrip(".")
        return reason[:1].lower() + reason[1:]
    return None


@rule(
    "PR503",
    "invalid-email",
    "error",
    summary="A contact email address that is not valid syntax (checked offline with email-validator).",
    why="A mistyped address bounces the journalist's question on deadline; wires reject releases without "
    "valid contact information (PRWeb 'Valid Contact Info'). Syntax per RFC 5322 "
    "as email-validator applies it; no DNS lookup is made.",
    bad=_example('  - name: Amina Odhiambo\n    email: amina.odhiambo@example..org\n    phone: "+254 20 555 0142"\n'),
    good=_GOOD,
)
def invalid_email(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for address, span in _written(release, "email"):
        problem = _email_problem(address)
        if problem:
            yield Finding(span, f"'{address}' is not a valid email address ({problem}): correct it")
    for block in _section_blocks(release):
        if "@" not in block.source:
            continue  # the pattern would try every word for an @ it cannot find
        for match in _EMAILISH.finditer(block.source):
            if "://" in block.source[max(0, match.start() - 12) : match.start() + 1]:
                continue  # part of a URL
            raw = match.group(0)
            address = raw.lstrip("*_").rstrip(".*_!?")
            start = match.start() + raw.index(address)
            problem = _email_problem(address)
            if problem:
                yield Finding(
                    block.locate(start, start + len(address)),
                    f"'{address}' is not a valid email address ({problem}): correct it",
                )


# -- PR504: phone format -------------------------------------------------------------------------


def _suggestion(number: str) -> str | None:
    """The E.123 form of ``number`` when it carries its country code, else None."""
    import phonenumbers

    text = number.strip().replace("(0)", " ")
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    written = re.sub(r"[\s.\-/()]+", " ", text).strip()
    if _E123.fullmatch(written):
        return written  # the writer's own grouping, separators made spaces
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    formatted = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    formatted = re.sub(r"[^\d+]+", " ", formatted).strip()
    return formatted if _E123.fullmatch(formatted) else None


@cache
def _phone_problem(number: str) -> str | None:
    """Cached: parsing with phonenumbers is the rule's whole cost, and an organisation's
    numbers recur from release to release. A number already in E.123 form is counted
    from :mod:`..phones`'s table where that settles it, without importing phonenumbers."""
    text = number.strip()
    if _E123.fullmatch(text):
        possible = phones.possible(text)
        if possible is None:
            import phonenumbers

            try:
                possible = phonenumbers.is_possible_number(phonenumbers.parse(text, None))
            except phonenumbers.NumberParseException:
                possible = True  # an unknown country code: the format is still right
        if possible:
            return None
        code = text.split()[0] if " " in text else text[:4]
        return f"'{text}' has the wrong number of digits for {code}: check the number"
    suggestion = _suggestion(text)
    if suggestion:
        return f"write '{text}' in international form as '{suggestion}' (ITU-T E.123)"
    return f"write '{text}' in international form: + and the country code, groups separated by spaces (ITU-T E.123)"


@rule(
    "PR504",
    "phone-format",
    "warning",
    summary="A phone number not in international form (`+41 79 403 5526`, ITU-T E.123).",
    why="Releases travel across borders: ITU-T E.123 international notation (a leading '+', the country "
    "code, groups separated only by spaces) is dialable from anywhere.",
    bad=_example('  - name: Amina Odhiambo\n    email: amina.odhiambo@example.org\n    phone: "(020) 555-0142"\n'),
    good=_GOOD,
)
def phone_format(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for key in ("phone", "mobile"):
        for number, span in _written(release, key):
            problem = _phone_problem(number)
            if problem:
                yield Finding(span, problem)
    for block in _section_blocks(release):
        masked = re.sub(r"https?://\S+", lambda m: " " * len(m.group(0)), block.source)
        for match in PHONE.finditer(masked):
            if not _is_phone(match.group(0)):
                continue
            number = match.group(0).strip()
            problem = _phone_problem(number)
            if problem:
                yield Finding(block.locate(match.start(), match.end()), problem)


# -- PR505, PR506 ------------------------------------------------------------------------------------


def _line_at(release: Release, span: Span) -> str:
    lines = release.lines
    return lines[span.line - 1] if 0 < span.line <= len(lines) else ""


@cache
def _named(text: str) -> bool:
    """Whether a line names a person or a desk once addresses, numbers and labels are removed."""
    rest = EMAIL.sub(" ", text)
    rest = PHONE.sub(" ", rest)
    rest = re.sub(r"https?://\S+|<[^>]*>", " ", rest)
    rest = _labels().sub(" ", rest)
    return any(word[:1].isupper() for word in re.findall(r"[^\W\d_][\w'’.-]*", rest))


@rule(
    "PR505",
    "contact-name-missing",
    "warning",
    summary="An email address or phone number in the Contact section with no person or desk named.",
    why="Journalists ask for a named spokesperson (Cision: 'correct contact data for the spokesperson'; "
    "TLMW: 'a person's name'); a desk such as 'Press Office' will do.",
    bad=_example(CONTACTS, "Email: press@example.org"),
    good=_example(CONTACTS, "Press Office, Clean Water Alliance\nEmail: press@example.org"),
)
def contact_name_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for contact in release.contacts:
        if contact.name or contact.source != "section":
            continue  # a front-matter contact without a name is PR003
        span = contact.email_span or contact.phone_span
        if span is None:
            continue
        here = _line_at(release, span)
        above = _line_at(release, Span.point(span.line - 1)) if span.line > 1 else ""
        if _named(here) or (above.strip() and not EMAIL.search(above) and _named(above)):
            continue
        what = "email address" if contact.email_span else "phone number"
        yield Finding(span, f"this {what} has no name beside it: name the person or the desk that answers it")


@rule(
    "PR506",
    "contact-phone-missing",
    "info",
    summary="No contact has a phone number.",
    why="A journalist on deadline calls; wires list name, email and phone as the minimum and Bland et al. "
    "ask for daytime and out-of-hours numbers.",
    bad=_example("  - name: Amina Odhiambo\n    email: amina.odhiambo@example.org\n"),
    good=_GOOD,
)
def contact_phone_missing(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    if not release.contacts or any(c.phones for c in release.contacts):
        return
    first = release.contacts[0]
    if first.source == "front-matter":
        where = _front_matter_contacts(release)
        span = _field_span(release, where[0], "email", "name") if where else _key_span(release)
    else:
        span = _span_of(first, release)
    yield Finding(span, "no contact has a phone number: add one a journalist can call on the day")


RULES: tuple[Rule, ...] = (
    contact_missing,
    contact_unreachable,
    invalid_email,
    phone_format,
    contact_name_missing,
    contact_phone_missing,
)
