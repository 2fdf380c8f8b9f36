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
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from ..config import Config
from ..errors import RenderError
from ..model import Release
from ..parse.language import language
from .common import format_embargo
from .text import inline_plain

#: RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF.
MAX_LINE = 78


def subject(release: Release) -> str:
    """The headline as a subject line, led by the embargo when there is one."""
    title = inline_plain(release.title or "") or release.slug
    if release.embargo is None:
        return title
    when = format_embargo(release.embargo, release.profile, release.language)
    lead = (
        "EMBARGOED until"
        if language(release.language).code == "en"
        else language(release.language).labels["embargoed_until"]
    )
    return f"{lead} {when}: {title}"


def message_date(release: Release) -> dt.datetime | None:
    """The embargo's moment, else midnight UTC of the release date: reproducible, never now."""
    if release.embargo is not None and release.embargo.at is not None and release.embargo.at.tzinfo is not None:
        return release.embargo.at
    if release.date is not None:
        return dt.datetime.combine(release.date, dt.time(0, 0), tzinfo=dt.UTC)
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
    message["X-Unsent"] = "1"  # Outlook, Thunderbird and Apple Mail open it to be sent
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
    return _fold_subject(message.as_bytes(policy=email.policy.SMTP), message["Subject"])


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
