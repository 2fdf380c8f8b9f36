"""Front-matter values read out of an imported text: language, date, organisation.

Nothing is guessed beyond what the text says: a date needs a year written
somewhere the parser would check it (dateline, lede, a date line under the
headline); an organisation is a config entry named in the text, the name the
text itself gives ("The International Organization for Migration (IOM) is ..."),
or the name the page, the archive or the wire gives it (:mod:`.issuer`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from ..config import Config
from ..model import DateMention, Organization, Release
from ..parse.lede import date_after_dateline
from .blocks import Boilerplate, date_line, from_line, issue_line, metadata_date, place_of_date_line
from .header import Header
from .issuer import (
    full_name,
    head_of,
    issued_by,
    labelled_line,
    lede_subject,
    press_office,
    source_line,
    statement_issuer,
    symbol_issuer,
    wire_lede,
)
from .words import words

_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NAMED = re.compile(
    r"^(?:The |the |L[ae] |L['’]|Les |El |La |Los |Die |Der |Das )?"
    r"(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][^()\n]{2,120}?)\s+\((?P<short>[A-ZÀ-ÖА-ЯЁ][\w&.-]{1,14})\)"
)
#: a name and the short name in brackets after it, if any
_SHORT_AFTER = re.compile(r"(.+?)(?:\s*\(([^()]{2,15})\))?", re.DOTALL)
_SAMPLE = 20_000  #: characters read to tell the language: plenty, and fast on a long file
_MIN_STOPWORDS = 4  #: fewer hits than this and the language is not called


@dataclass(frozen=True, slots=True)
class Found:
    """A value read from the text and where it came from (for the report)."""

    value: Any
    source: str


_SCRIPTS = (  #: (language, first and last code point of its script, what the report says)
    ("ru", "\u0400", "\u04ff", "Cyrillic script"),
    ("ar", "\u0600", "\u06ff", "Arabic script"),
    ("zh", "\u4e00", "\u9fff", "Chinese characters"),
)
UNSURE = "unsure: "  #: opens a reason that is a doubt about what was seen, not an absence
_CJK_WORD_LETTERS = 5  #: letters of an alphabet a Chinese character weighs as much as
_KANA = re.compile(r"[\u3040-\u30ff]")
_MARGIN = 1.5  #: the best language's common words must outnumber the runner-up's this many times


@cache
def _telling_words() -> dict[str, frozenset[str]]:
    """Each Latin-script language's common words that no other language in the list shares.

    ``de``, ``la``, ``en`` and ``que`` are common in French, Spanish, Italian and
    Dutch alike: counted for each, they made French read as Spanish. Only a word
    that belongs to one language tells which one it is.
    """
    stopwords: dict[str, list[str]] = words().get("stopwords", {})
    seen = Counter(w for code, ws in stopwords.items() if code != "ru" for w in set(ws))
    return {code: frozenset(w for w in ws if seen[w] == 1) for code, ws in stopwords.items() if code != "ru"}


_OTHER_SHARE = 0.01  #: of a script's letters: more of another language's own letters than this, and it is that one


def _other_language(code: str, letters: list[str], count: int) -> bool:
    """The script's letters include enough of another language's own (``words.toml``, ``other_letters``)."""
    own: str = words().get("other_letters", {}).get(code, "")
    other = set(own + own.upper())
    hits = sum(ch in other for ch in letters)
    return hits > 1 and hits > _OTHER_SHARE * count  # one stray letter is a name or a typo


def detect_language(text: str) -> Found | None:
    """The language of ``text`` from its script and common words; None rather than a wrong guess.

    A script that one language writes here (Cyrillic for Russian, Arabic, Chinese
    characters) decides on its own. Otherwise the short common words of each
    language in ``words.toml`` are counted; the winner must clearly lead, so that
    Swedish or Portuguese with a few Spanish-looking words is not called Spanish.
    """
    text = text[:_SAMPLE]
    letters = _LETTER.findall(text)
    if not letters:
        return None
    for code, first, last, script in _SCRIPTS:
        # A Chinese character is a word's worth of letters: English captions around it do not outweigh it.
        count = sum(first <= ch <= last for ch in letters)
        others = len(letters) - count
        if (count * _CJK_WORD_LETTERS > others) if code == "zh" else (count > others):
            if code == "zh" and len(_KANA.findall(text)) > len(letters) / 20:
                return Found("ja", "detected: Japanese kana")
            if _other_language(code, letters, count):
                return None  # Persian in Arabic script, Ukrainian in Cyrillic: not what the script alone says
            return Found(code, f"detected: {script}")
    tokens = Counter(t.casefold() for t in _TOKEN.findall(text))
    scores = sorted(((sum(tokens[w] for w in ws), code) for code, ws in _telling_words().items()), reverse=True)
    if not scores or scores[0][0] < _MIN_STOPWORDS:
        return None
    (best, code), runner_up = scores[0], (scores[1][0] if len(scores) > 1 else 0)
    if best < _MARGIN * runner_up:
        return None
    return Found(code, "detected from common words")


def _mention_date(mention: DateMention | None) -> dt.date | None:
    return mention.resolve() if mention is not None and mention.year is not None else None


def choose_date(
    release: Release, head: list[str], declared: list[str], header: dt.date | None = None
) -> tuple[Found | None, str | None]:
    """The release date and, when one was seen but could not be used, why not.

    The source's own front matter (``header``) is what its publisher declared: it comes first.
    """
    if header is not None:
        return Found(header, "the file's front matter"), None
    dateline = release.dateline
    if dateline is not None and dateline.date is not None:
        when = _mention_date(dateline.date)
        if when is not None:
            return Found(when, f"the dateline ({dateline.date.text})"), None
    day_first = None if release.language.split("-")[0] == "en" else True
    for line in head:
        mention = date_line(line) or metadata_date(line, day_first) or issue_line(line)
        when = _mention_date(mention)
        if mention is not None and when is not None:
            return Found(when, f"the date line ({line.strip()})"), None
    lede = release.lede_date
    when = _mention_date(lede)
    if lede is not None and when is not None:
        if _opens_lede(release, lede):
            return Found(when, f"the lede ({lede.text})"), None
        return None, f"{UNSURE}'{lede.text}' in the lede looks like the date of an event, not of the release; left out"
    unsure = next((line.strip() for line in head if metadata_date(line, True) is not None), None)
    if unsure is not None:
        return None, f"{UNSURE}'{unsure}' could be read day-first or month-first; left out"
    for value in declared:
        try:
            return Found(dt.date.fromisoformat(value.strip()[:10]), f"the page's machine date ({value})"), None
        except ValueError:
            continue
    yearless = (dateline.date if dateline is not None else None) or lede
    if yearless is not None:
        return None, f"'{yearless.text}' has no year"
    return None, None


_LEDE_DATE_REACH = 40  #: characters after the dateline within which a lede date opens the news


def _opens_lede(release: Release, lede: DateMention) -> bool:
    """``On 19 July 2024, the agency ...`` or ``... today (19 July 2024)``: the news's own day.

    A date further into the sentence ("a call on Thursday, November 4, 2021 at 11:00")
    is usually an event's, and is not taken for the release date.
    """
    block = next((release.blocks[i] for i in release.body[:1]), None)
    placed = date_after_dateline(block, release.dateline, lede) if block is not None else None
    if block is None or placed is None:
        return False
    start, at = placed
    before = block.source[start:at].strip()
    if re.search(r"\b(?:today|aujourd'hui|hoy|heute|сегодня)\s*\(?$", before, re.IGNORECASE):
        return True  # "... said today (19 July 2024)"
    return len(before) <= _LEDE_DATE_REACH and not re.search(r"\b(?:at|on|from|until|by)$", before[-6:])


def location_of(release: Release, head: list[str] | None = None) -> Found | None:
    """The dateline's places; else the place of a ``Brussels, 15 November 2015`` line above the lede."""
    if release.dateline is not None:
        places = "/".join(p.name for p in release.dateline.places)
        return Found(places, "the dateline") if places else None
    for line in head or []:
        place = place_of_date_line(line)
        if place is not None:
            return Found(place, f"the date line ({line.strip()})")
    return None


@dataclass(frozen=True, slots=True)
class OrgChoice:
    """What goes under ``organization`` and what to tell the user about it."""

    value: str | dict[str, str] | None
    source: str
    boilerplate_note: str | None = None


def _mentions(org: Organization, text: str) -> int:
    count = text.count(org.name)
    if org.short_name:
        count += len(re.findall(rf"(?<!\w){re.escape(org.short_name)}(?!\w)", text))
    return count


def choose_organization(
    config: Config,
    key: str | None,
    *,
    about: tuple[str, str] | None,
    boilerplate: Boilerplate | None,
    head: list[str],
    text: str,
    header: Header | None = None,
    around: Sequence[str] = (),
    lede: str | None = None,
    title: str | None = None,
) -> OrgChoice:
    """The issuing organisation: ``--organization``, a config entry the text names, the
    text's own words, or where the page or wire names it (:mod:`.issuer`).

    ``about`` is the About section as (heading, text); ``boilerplate`` the "Who we
    are" text found around the article; ``header`` the source's front matter;
    ``around`` the lines read before the article and left out of it; ``lede`` the
    first paragraph; ``title`` the headline.
    """
    issuer = next((name for line in head if (name := from_line(line))), None)
    about_text = " ".join(part for part in (*(about or ()), boilerplate.text if boilerplate else "", issuer or ""))
    if key is not None:
        return _with_note(key, config.organizations[key], "--organization", boilerplate)
    scored = [
        (10 * _mentions(org, about_text) + _mentions(org, text), k, org) for k, org in config.organizations.items()
    ]
    scored = [s for s in scored if s[0] > 0]
    if scored:
        _, best, org = max(scored, key=lambda s: s[0])
        return _with_note(best, org, "the config, named in the text", boilerplate)
    named = _NAMED.match(boilerplate.text) if boilerplate else None
    about_named = _NAMED.match(about[1]) if about else None
    mapping: dict[str, str] = {}
    source = ""
    if named is not None:
        mapping["name"] = named.group("name").strip()
        mapping["short_name"] = named.group("short")
        source = f"the “{boilerplate.label}” text" if boilerplate else ""
    elif about_named is not None and about is not None:
        mapping["name"] = about_named.group("name").strip()
        mapping["short_name"] = about_named.group("short")
        source = f"the “{about[0]}” section"
    elif about is not None and (heading_name := _about_name(about[0])):
        mapping["name"], short = _name_and_short(heading_name)
        if short:
            mapping["short_name"] = short
        elif (fuller := full_name(heading_name, lede)) is not None:
            mapping["name"], mapping["short_name"] = fuller, heading_name
        source = f"the “{about[0]}” heading"
    elif issuer is not None:
        mapping["name"] = issuer
        source = "the “From:” line"
    elif (named_elsewhere := _named_elsewhere(header, head, around, lede)) is not None:
        mapping["name"], source = named_elsewhere
    elif (subject := lede_subject(lede)) is not None:
        mapping["name"], short = subject
        if short:
            mapping["short_name"] = short
        source = "the first paragraph's opening words"
    elif (headed := head_of(title, lede)) is not None:
        mapping["name"] = headed
        source = "the headline, which speaks for the organisation's head"
    elif (stated := statement_issuer(lede)) is not None:
        mapping["name"] = stated
        source = "the first paragraph, which says who issued the statement"
    elif (symbolised := symbol_issuer("\n".join([*around, text]))) is not None:
        mapping["name"] = symbolised
        source = "the press release's document symbol"
    if not mapping:
        note = f"offered, not used: no organisation name found in it: {boilerplate.text}" if boilerplate else None
        return OrgChoice(None, "", note)
    if boilerplate is not None and about is None:
        mapping["boilerplate"] = boilerplate.text
        return OrgChoice(mapping, source, f"the “{boilerplate.label}” text, written as organization.boilerplate")
    return OrgChoice(mapping, source)


def _named_elsewhere(
    header: Header | None, head: Sequence[str], around: Sequence[str], lede: str | None
) -> tuple[str, str] | None:
    """(name, where) from outside the text's own words: a wire's ``SOURCE`` line, the
    archive's catalogue, a line under the headline saying who issued the text or whose
    press office wrote it, a line beside the kind of page, a wire lede; None if none does."""
    if (name := source_line(around)) is not None:
        return name, "the wire's “SOURCE” line"
    if header is not None and header.organization:
        return header.organization, "the file's front matter"
    if (name := issued_by(head)) is not None:
        return name, "the line saying who issued it"
    if (name := press_office(head)) is not None:
        return name, "the press office named under the headline"
    if (name := labelled_line(around)) is not None:
        return name, "the line naming the page"
    if (name := wire_lede(lede)) is not None:
        return name, "the wire release's first words"
    return None


def issuer_about(abouts: Sequence[tuple[str, str]], lede: str | None) -> tuple[str, str] | None:
    """Of the About sections (heading, text), the issuer's: the one whose organisation
    the first paragraph names first, else the first.

    A release about a partner carries both boilerplates (*About Pallas Thermal*, then
    *About the Nordic Harbour Council (NHC)*); the issuer opens its own lede.
    """
    if len(abouts) < 2 or not lede:
        return abouts[0] if abouts else None

    def first_named(about: tuple[str, str]) -> int:
        names: list[str | None] = []
        if (heading := _about_name(about[0])) is not None:
            names.extend((heading, _name_and_short(heading)[1]))  # and the short name it gives
        if (named := _NAMED.match(about[1])) is not None:
            names.extend((named.group("name").strip(), named.group("short")))
        found = [at for name in names if name and (at := lede.find(name)) >= 0]
        return min(found, default=len(lede))

    return min(abouts, key=first_named)  # ties keep the sections' order


def _name_and_short(name: str) -> tuple[str, str | None]:
    """``Nordic Harbour Council (NHC)`` -> (``Nordic Harbour Council``, ``NHC``); no brackets, no short name."""
    split = _SHORT_AFTER.fullmatch(name)
    return (split.group(1), split.group(2)) if split else (name, None)


def _about_name(heading: str) -> str | None:
    """``About Pallas Thermal`` -> ``Pallas Thermal``; None for ``About us`` or ``About``."""
    match = re.match(
        r"^\s*(?:about|à propos d[eu]s?|à propos d['’]|acerca del?|sobre|о|об|über)\s+(.+)$", heading, re.I
    )
    if not match:
        return None
    name = re.sub(r"^(?:the|l['’]|la|le|les|el|los|las|die|der|den|das)\s*", "", match.group(1).strip(), flags=re.I)
    name = name.strip()
    return name if name[:1].isupper() else None


def _with_note(key: str, org: Organization, source: str, boilerplate: Boilerplate | None) -> OrgChoice:
    if boilerplate is None:
        return OrgChoice(key, source)
    if org.boilerplate and _squash(org.boilerplate) == _squash(boilerplate.text):
        return OrgChoice(key, source, f"the “{boilerplate.label}” text is the config's boilerplate for '{key}'")
    what = "differs from" if org.boilerplate else "is missing from"
    return OrgChoice(
        key, source, f"the “{boilerplate.label}” text {what} the config's '{key}'; offered: {boilerplate.text}"
    )


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


# -- YAML ---------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Safe YAML with list items indented under their key, as people write it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def front_matter(data: dict[str, Any]) -> str:
    """``---``-fenced YAML; the safe dumper quotes whatever would otherwise read differently.

    With nothing found the block is left empty, so lint says what it needs (title, date).
    """
    if not data:
        return "---\n---\n"
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    return f"---\n{text}---\n"
