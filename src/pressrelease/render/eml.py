"""The email draft (``.eml``): the plain-text body and an email-safe HTML part in one
``multipart/alternative`` message that mail clients open as an unsent draft.

Built with Python's ``email`` package and written with ``policy=SMTP`` (CRLF, lines
of at most 78 characters on the wire: long lines go quoted-printable). Nothing in
it depends on the clock or on chance, so two builds of one release give the same
bytes: ``Date`` is the release's own moment and the MIME boundary is a hash of the
content.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import re
import textwrap
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ..config import Config
from ..errors import RenderError
from ..model import Release
from ..parse.language import language
from .house_style import format_embargo, own_date_form
from .text import inline_plain

#: RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF.
MAX_LINE = 78


def subject(release: Release) -> str:
    """The headline as a subject line, led by the embargo when there is one."""
    title = inline_plain(release.title or "") or release.slug
    if release.embargo is None:
        return title
    when = format_embargo(release.embargo, release.profile, release.language, own_date_form(release))
    lead = (
        "EMBARGOED until"
        if language(release.language).code == "en"
        else language(release.language).labels["embargoed_until"]
    )
    return f"{lead} {when}: {title}"


def message_date(release: Release) -> dt.datetime | None:
    """The embargo's moment in its own zone, else noon UTC of the release date (the same
    calendar day from Honolulu to Auckland, where midnight UTC is the evening before in
    the Americas): reproducible, never now."""
    if release.embargo is not None and release.embargo.at is not None and release.embargo.at.tzinfo is not None:
        return release.embargo.at
    if release.date is not None:
        return dt.datetime.combine(release.date, dt.time(12, 0), tzinfo=dt.UTC)
    return None


def _sender(release: Release) -> Address | None:
    org = release.organization
    if org is None or not org.email:
        return None
    try:
        return Address(display_name=org.name, addr_spec=org.email)
    except (HeaderParseError, ValueError, IndexError) as exc:
        raise RenderError(
            f"the organisation's email {org.email!r} is not an address a draft can come from ({exc})",
            release.path,
        ) from None


def inline_css(html: str) -> str:
    """Every CSS rule moved into ``style`` attributes (mail clients drop ``<style>``);
    ``@media`` rules stay in a ``<style>`` for the clients that read it. Nothing is fetched."""
    import css_inline

    inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True, keep_link_tags=False)
    return str(inliner.inline(html))


def render_eml(release: Release, config: Config, text: str, html: str) -> bytes:
    """The draft as bytes. ``text`` is the plain-text body; ``html`` is
    ``render_html(..., mode="email")``, whose CSS is inlined here."""
    del config  # the organisation and language come resolved on the release
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = subject(release)
    sender = _sender(release)
    if sender is not None:
        message["From"] = sender
    when = message_date(release)
    if when is not None:
        message["Date"] = format_datetime(when)
    message["X-Unsent"] = "1"  # classic Outlook opens it as a draft; see docs/build.md for the others
    message.set_content(text, subtype="plain", charset="utf-8")
    try:
        inlined = inline_css(html)
    except ValueError as exc:  # css_inline raises its InlineError, a ValueError
        raise RenderError(f"could not inline the email CSS: {exc}", release.path) from None
    message.add_alternative(inlined, subtype="html", charset="utf-8")
    for part in message.iter_parts():
        del part["MIME-Version"]  # a top-level header; the email package copies it into parts
        part["Content-Language"] = release.language
    # After the parts exist: making the message multipart moves Content-* headers into them.
    message["Content-Language"] = release.language
    digest = hashlib.sha256(f"{text}\0{inlined}".encode()).hexdigest()[:32]
    message.set_boundary(f"=_pressrelease_{digest}")
    data = _fold_subject(message.as_bytes(policy=email.policy.SMTP), message["Subject"])
    return _fold_from(data, sender) if sender is not None else data


def from_header(sender: Address) -> bytes:
    """``From:`` folded so the display name survives: RFC 2047 encoded words, each on its
    own line, then the address.

    Python 3.11's folder can split a quoted display name with commas and non-ASCII
    characters so that the comma lands outside the quotes, and a reader then sees two
    addresses (python/cpython#100891-style folding bugs); encoded words are atoms, so
    nothing inside them can be read as a separator.
    """
    name, address = sender.display_name, sender.addr_spec
    plain = f"From: {formataddr((name, address))}"
    if name.isascii() and len(plain) <= MAX_LINE:
        return plain.encode("ascii") + b"\r\n"
    if name.isascii() and name.isprintable() and "  " not in name:
        # a quoted string may fold at its spaces: unfolding gives the name back exactly
        lines = [f"From: {formataddr((name, address))}".split(" <")[0]]
        head, _, rest = lines[0].partition(" ")
        lines = [head]
        for word in rest.split(" "):
            if len(lines[-1]) + 1 + len(word) > MAX_LINE and lines[-1] != head:
                lines.append("")
            lines[-1] = f"{lines[-1]} {word}" if lines[-1] else f" {word}"
        return ("\r\n".join(lines) + f"\r\n <{address}>\r\n").encode("ascii")
    return f"From: {_encoded_words(name)}\r\n <{address}>\r\n".encode("ascii")


def _encoded_words(text: str) -> str:
    """``text`` as base64 encoded words, one per folded line, each ending at a space:
    a word never starts with a comma or a space, which readers would keep."""
    limit = 45  # bytes of text per word: "=?utf-8?b?" + 60 base64 + "?=" fits a line
    chunks: list[str] = []
    current = ""
    for piece in re.split(r"(?<= )", text):
        if current and len((current + piece).encode()) > limit:
            chunks.append(current)
            current = ""
        current += piece
    chunks.append(current)
    words = [Header(chunk, "utf-8", maxlinelen=998).encode() for chunk in chunks if chunk]
    return "\r\n ".join(words)


def _fold_from(data: bytes, sender: Address) -> bytes:
    found = re.search(rb"^From:.*?\r\n(?![ \t])", data, re.DOTALL | re.MULTILINE)
    if found is None:
        return data
    return data[: found.start()] + from_header(sender) + data[found.end() :]


def _fold_subject(data: bytes, value: str) -> bytes:
    """Fold a long plain-ASCII subject between words.

    The email package folds a subject that fits on a line of its own right after
    ``Subject:``; valid, but its own parser then reads the value with a leading space,
    and so do some clients. Folding where the words break avoids both.
    """
    if not value.isascii() or not value.isprintable() or "=?" in value:
        return data
    lines = textwrap.wrap(f"Subject: {value}", MAX_LINE, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) != f"Subject: {value}" or any(len(line) > MAX_LINE for line in lines):
        return data  # runs of spaces or one long word: keep the package's own folding
    found = re.search(rb"^Subject:.*?\r\n(?![ \t])", data, re.DOTALL | re.MULTILINE)
    if found is None:
        return data
    header = "\r\n ".join(lines).encode("ascii") + b"\r\n"
    return data[: found.start()] + header + data[found.end() :]
