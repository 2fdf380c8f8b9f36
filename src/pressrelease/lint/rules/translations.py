"""Lint rules: a release against its other language versions (PR9xx).

A release in several languages is one piece of news: the same date, the same
embargo instant, the same people to call, the same figures, the same people
quoted. Translators change a number or drop a contact by mistake and nobody checks.
These rules compare the release with each version its ``translations:`` names;
each finding is on this file and names the other file and line, so linting every
version reports each difference from both sides.

Examples name several files, each after a ``==> NAME <==`` line; the first is the
release linted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...model import Release, Span
from ..registry import Context, Finding, Rule, rule

if TYPE_CHECKING:
    from ...parse.figures import Figure
    from ...parse.versions import Version

_SOURCES = "See docs/format.md, Translations."

_EN = """\
---
title: Clinics reach 40,000 families in the northern region
date: 2026-05-04
location: Nairobi
translations:
  fr: clinics.fr.md
contacts:
  - name: Amina Odhiambo
    email: amina.odhiambo@example.org
    phone: "+254 20 555 0142"
---

Nairobi – Mobile clinics reached 40,000 families in the northern region this year, 12 per cent more than last year.

“Every family we reach is a family that does not have to walk for a day to see a nurse,” said Grace Wanjiru, director of the Clean Water Alliance.
"""

_FR = """\
---
title: Les cliniques mobiles atteignent 40 000 familles dans le nord
date: {date}
location: Nairobi
language: fr
translations:
  en: clinics.md
contacts:
  - name: Amina Odhiambo
    email: amina.odhiambo@example.org
    phone: "+254 20 555 0142"
---

Nairobi – Les cliniques mobiles ont atteint 40 000 familles dans le nord cette année, {share} % de plus que l’an dernier.

« Chaque famille que nous atteignons est une famille qui n’a plus à marcher une journée pour voir une infirmière », a déclaré Grace Wanjiru, directrice de l’Alliance pour l’eau propre.
"""


def _example(date: str = "2026-05-04", share: str = "12", en: str = _EN) -> str:
    return f"==> clinics.md <==\n{en}==> clinics.fr.md <==\n{_FR.format(date=date, share=share)}"


def _where(version: Version, span: Span) -> str:
    return f"{version.shown}:{span.line}"


def _readable(ctx: Context) -> Iterator[tuple[Version, Release]]:
    for version in ctx.versions:
        if version.release is not None:
            yield version, version.release


@rule(
    "PR901",
    "translation-unreadable",
    "warning",
    summary="a version named under `translations:` cannot be read",
    why="A version that cannot be read cannot be checked, and a web page would link to nothing. " + _SOURCES,
    bad=_example().replace("  fr: clinics.fr.md", "  fr: clinics.fr.md\n  es: clinics.es.md", 1),
    good=_example(),
)
def translation_unreadable(ctx: Context) -> Iterator[Finding]:
    for version in ctx.versions:
        if version.release is None:
            language = version.translation.language
            yield Finding(version.translation.span, f"the {language} version {version.problem}")


@rule(
    "PR902",
    "translation-date",
    "error",
    summary="a version has another release date",
    why="The versions of one release are published together: a different date is a typing slip in one of them. "
    + _SOURCES,
    bad=_example(date="2026-05-05"),
    good=_example(),
)
def translation_date(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    for version, other in _readable(ctx):
        if release.date is not None and other.date is not None and release.date != other.date:
            span = release.front_matter.value_span("date")
            there = other.front_matter.value_span("date")
            yield Finding(
                span,
                f"date {release.date.isoformat()} here but {other.date.isoformat()} in the "
                f"{version.translation.language} version ({_where(version, there)})",
            )


@rule(
    "PR903",
    "translation-embargo",
    "error",
    summary="a version lifts its embargo at another instant, or has none",
    why="An embargo protects every version at once: one that lifts earlier, or has none, breaks it for all. "
    + _SOURCES,
    bad=_example(en=_EN.replace("location: Nairobi\n", "embargo: 2026-05-04T10:00:00+03:00\nlocation: Nairobi\n", 1)),
    good=_example(),
)
def translation_embargo(ctx: Context) -> Iterator[Finding]:
    release = ctx.release
    mine = release.embargo.at if release.embargo is not None else None
    for version, other in _readable(ctx):
        theirs = other.embargo.at if other.embargo is not None else None
        if mine == theirs or (release.embargo is not None and mine is None):
            continue  # equal, or ours unreadable (PR601 says so)
        span = release.front_matter.value_span("embargo") if release.embargo else release.front_matter.span
        there = f"{theirs.isoformat()}" if theirs is not None else "no embargo"
        here = f"embargo {mine.isoformat()}" if mine is not None else "no embargo"
        yield Finding(span, f"{here} here but {there} in the {version.translation.language} version ({version.shown})")


def _contact_values(release: Release) -> dict[str, Span]:
    """Every email (lower case) and phone number (its digits) of the release's contacts, and where."""
    values: dict[str, Span] = {}
    items = iter(release.front_matter.items.get("contacts", ()))
    for contact in release.contacts:
        written = next(items, {}) if contact.source == "front-matter" else {}
        where = contact.span or release.front_matter.span
        if contact.email:
            span = written["email"].span if "email" in written else contact.email_span or where
            values.setdefault(contact.email.lower(), span)
        for key, phone in (("phone", contact.phone), ("mobile", contact.mobile)):
            if phone:
                span = written[key].span if key in written else contact.phone_span or where
                values.setdefault(re.sub(r"\D", "", phone), span)
    return values


@rule(
    "PR904",
    "translation-contacts",
    "warning",
    summary="an email address or phone number here is not in a version",
    why="A journalist reading any version must reach the same people: a contact missing from one version, "
    "or a number changed in it, sends them nowhere. " + _SOURCES,
    bad=_example(en=_EN.replace('    phone: "+254 20 555 0142"\n', '    phone: "+254 20 555 0143"\n', 1)),
    good=_example(),
)
def translation_contacts(ctx: Context) -> Iterator[Finding]:
    versions = list(_readable(ctx))
    if not versions:
        return  # most releases have no other version: nothing to collect
    mine = _contact_values(ctx.release)
    for version, other in versions:
        theirs = _contact_values(other)
        for value, span in mine.items():
            if value not in theirs:
                kind = "email address" if "@" in value else "phone number"
                yield Finding(
                    span, f"this {kind} is not in the {version.translation.language} version ({version.shown})"
                )


def _release_figures(release: Release) -> list[tuple[Figure, Span]]:
    """The figures of the headline, subtitle and body (not the contact or About sections)."""
    from ...parse.figures import figures  # only for a release with translations

    found: list[tuple[Figure, Span]] = []
    for key in ("title", "subtitle"):
        value = release.front_matter.data.get(key)
        written = release.front_matter.values.get(key)
        if isinstance(value, str) and written is not None:
            found += [(f, written.locate(f.start, f.end)) for f in figures(value, release.language)]
    for index in release.body:
        block = release.blocks[index]
        if block.source:
            found += [(f, block.locate(f.start, f.end)) for f in figures(block.source, release.language)]
    return found


@rule(
    "PR905",
    "translation-figures",
    "warning",
    summary="a figure here is not in a version (numbers compared as values: `1.4 billion` = `1,4 млрд`)",
    why="Figures are what gets quoted: a percentage or an amount that differs between versions is an error "
    "in one of them. Numbers are compared as values, each read the way its language writes them. " + _SOURCES,
    bad=_example(share="21"),
    good=_example(),
)
def translation_figures(ctx: Context) -> Iterator[Finding]:
    versions = list(_readable(ctx))
    if not versions:
        return  # most releases have no other version: no figures to read (nor their data file)
    mine = _release_figures(ctx.release)
    for version, other in versions:
        theirs = Counter(f.key for f, _ in _release_figures(other))
        for figure, span in mine:
            if theirs[figure.key] > 0:
                theirs[figure.key] -= 1
                continue
            yield Finding(
                span, f"“{figure.text}” is not in the {version.translation.language} version ({version.shown})"
            )


def _quoted(release: Release) -> int:
    return sum(1 for quote in release.quotes if quote.attributed)


@rule(
    "PR906",
    "translation-quotes",
    "warning",
    summary="a version quotes people a different number of times",
    why="Every version should quote the same people as often: a quotation left out of a translation, "
    "or attributed in one version only, changes who said what. " + _SOURCES,
    bad=_example(
        en=_EN + "\n“We will open four more clinics in the coming months,” added Wanjiru.\n",
    ),
    good=_example(),
)
def translation_quotes(ctx: Context) -> Iterator[Finding]:
    mine = _quoted(ctx.release)
    for version, other in _readable(ctx):
        theirs = _quoted(other)
        if mine != theirs:
            yield Finding(
                ctx.release.front_matter.value_span("translations"),
                f"{mine} attributed quotation{'s' if mine != 1 else ''} here but {theirs} in the "
                f"{version.translation.language} version ({version.shown})",
            )


RULES: tuple[Rule, ...] = (
    translation_unreadable,
    translation_date,
    translation_embargo,
    translation_contacts,
    translation_figures,
    translation_quotes,
)
