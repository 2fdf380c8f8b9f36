"""What the parser understood, as plain data: ``pressrelease inspect`` prints it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import Contact, Release, Span


def span_dict(span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def _contact(contact: Contact) -> dict[str, Any]:
    fields = ("name", "title", "organization", "region", "email", "phone", "mobile", "source")
    data = {k: getattr(contact, k) for k in fields}
    data["span"] = span_dict(contact.span)
    return data


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def summarize(release: Release) -> dict[str, Any]:
    """A JSON-ready description of a parsed release."""
    org = release.organization
    lede = release.lede_block()
    dateline = release.dateline
    return {
        "path": str(release.path) if release.path else None,
        "title": release.title,
        "subtitle": release.subtitle,
        "date": release.date.isoformat() if release.date else None,
        "location": release.location,
        "embargo": None
        if release.embargo is None
        else {
            "text": release.embargo.text,
            "at": release.embargo.at.isoformat() if isinstance(release.embargo.at, dt.datetime) else None,
            "zone": release.embargo.zone,
        },
        "organization": None
        if org is None
        else {"key": org.key, "name": org.name, "short_name": org.short_name, "url": org.url, "email": org.email},
        "language": release.language,
        "profile": release.profile,
        "slug": release.slug,
        "tags": list(release.tags),
        "translations": [{"language": v.language, "path": v.path} for v in release.translations],
        "dateline": None
        if dateline is None
        else {
            "text": dateline.text,
            "places": [p.name for p in dateline.places],
            "date": _iso(dateline.date.resolve(release.date.year if release.date else None)) if dateline.date else None,
            "date_text": dateline.date.text if dateline.date else None,
            "separator": dateline.separator,
            "wire": dateline.wire,
            "span": span_dict(dateline.span),
        },
        "lede": None if lede is None else {"text": lede.text, "span": span_dict(lede.span)},
        "lede_date": None
        if release.lede_date is None
        else {"text": release.lede_date.text, "span": span_dict(release.lede_date.span)},
        "quotes": [
            {
                "kind": q.kind,
                "text": q.text,
                "speaker": q.speaker,
                "unsure_speaker": q.unsure_speaker,
                "verb": q.verb,
                "attributed": q.attributed,
                "words": q.words,
                "span": span_dict(q.span),
            }
            for q in release.quotes
        ],
        "sections": [
            {
                "kind": s.kind,
                "heading": s.heading,
                "text": "\n\n".join(release.blocks[i].text for i in s.blocks),
                "span": span_dict(s.span),
            }
            for s in release.sections
        ],
        "contacts": [_contact(c) for c in release.contacts],
        "end_mark": None
        if release.end_mark is None
        else {"text": release.end_mark.text, "span": span_dict(release.end_mark.span)},
        "body_paragraphs": len(release.body),
        "problems": [{"code": p.code, "message": p.message, "span": span_dict(p.span)} for p in release.problems],
        "unsure": doubts(release),
    }


def doubts(release: Release) -> list[str]:
    """What the release says in two ways, or says in a way that may not mean the release's own date.

    ``inspect`` shows these so that a reader checks them; they are not lint findings.
    """
    found: list[str] = []
    if release.date is None and release.lede_date is not None:
        found.append(f"date: none set; the lede mentions {release.lede_date.text!r}, which may be an event's date")
    dateline = release.dateline
    if dateline is None:
        return found
    written = dateline.date
    when = written.resolve(release.date.year if release.date else None) if written is not None else None
    if release.date is not None and written is not None and when is not None and when != release.date:
        found.append(f"date: the front matter says {release.date.isoformat()}, the dateline {written.text!r}")
    places = {p.name.casefold() for p in dateline.places}
    if release.location and places and release.location.split("/")[0].casefold() not in places:
        found.append(f"location: the front matter says {release.location!r}, the dateline names {dateline.text!r}")
    return found
