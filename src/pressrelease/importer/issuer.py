"""Who issued a release, in the forms a page or a wire names the issuer outside the text.

When no About section or "who we are" text names the organisation, a careful
reader still finds it:

- an archive's catalogue entry above the text (``creators:``, ``source:``: read by
  :mod:`.header`);
- a wire service's closing ``SOURCE Pallas Thermal`` line (PR Newswire's form);
- a line naming the issuer beside the kind of page (``Pallas Thermal - News - ...``,
  ``European Commission - Daily News``);
- a wire release's lede, which by the wires' convention opens with the issuer after
  the wire's tag (``... (GLOBE NEWSWIRE) -- Pallas Thermal (NYSE: PLT) today ...``).

Each function gives the name or None; :func:`pressrelease.importer.meta.choose_organization`
tries them only after the text's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .words import word_set, words

#: PR Newswire's last line: ``SOURCE Pallas Thermal``
_SOURCE_LINE = re.compile(r"^\s*SOURCE\s+(?P<name>[^\W\d_][^\n]{1,120}?)[\s.]*$")


def source_line(lines: Iterable[str]) -> str | None:
    """The name on the last ``SOURCE ...`` line (a wire's sign-off), if any."""
    found = None
    for line in lines:
        match = _SOURCE_LINE.match(line)
        if match is not None:
            found = match.group("name").strip()
    return found


#: ``Pallas Thermal - News - 19/02/2026``: a name, a dash or bar, the kind of page
_LABELLED = re.compile(r"^\s*(?P<name>[^\W\d_][^-–—|\n]{0,80}?)\s+[-–—|]\s+(?P<kind>[^-–—|\n]{2,40}?)\s*(?:[-–—|]|$)")


def labelled_line(lines: Iterable[str]) -> str | None:
    """The issuer of the first line that names one beside the kind of page it is."""
    kinds = word_set("kickers")
    menu = word_set("menu")
    for line in lines:
        match = _LABELLED.match(line)
        if match is None or match.group("kind").strip().casefold() not in kinds:
            continue
        name = match.group("name").strip()
        if name.casefold() not in menu and name.casefold() not in kinds:
            return name
    return None


#: The company forms a name may end with, after a comma or a space (``Pallas Thermal, Inc.``)
COMPANY_FORMS = r"(?:Inc|LLC|Ltd|Corp|Co|plc|S\.A|AG|GmbH|N\.V)"

#: A wire's tag and the dash after it, then the issuer: ``(GLOBE NEWSWIRE) --``,
#: ``/PRNewswire/ --``, ``(BUSINESS WIRE) --``. The name ends at a comma (not the one
#: of ``, Inc.``), a bracket (``(NYSE: PLT)``) or a verb of the lede.
_WIRE_LEDE = re.compile(
    r"(?:\((?:[A-Z][\w.&-]*\s+){0,3}(?:NEWSWIRE|NEWS\s+WIRE|BUSINESS\s+WIRE|ACCESSWIRE|WIRE)\)|/\s*PRNewswire[\w-]*\s*/)"
    r"\s*[-–—]{1,2}\s*"
    rf"(?P<name>[^\W\d_][^,(\n]{{0,80}}?(?:,\s+{COMPANY_FORMS}\.?)?)"
    r"\s*(?:[,(]|\s+(?:today|announced|has|have|is|was|will)\b)"
)


def wire_lede(lede: str | None) -> str | None:
    """The issuer a wire release's lede opens with, after the wire's tag."""
    if not lede:
        return None
    match = _WIRE_LEDE.search(lede[:600])
    return match.group("name").strip() if match else None


def full_name(short: str, lede: str | None) -> str | None:
    """The name an About heading shortens, as the first paragraph gives it in full.

    ``About Pallas`` over a wire lede that opens with ``Pallas Thermal, Inc. (NYSE:
    PLT) today ...``: the heading uses the name the company goes by, the lede its
    full one, which is what the front matter wants: the heading's words as the
    heading writes them, the rest in title case when the wire wrote it in capitals.
    Only a name that starts with the heading's words counts: a lede opening with a
    partner names someone else.
    """
    subject = lede_subject(lede)
    for name in (wire_lede(lede), subject[0] if subject else None):
        head, rest = (name[: len(short)], name[len(short) :]) if name else ("", "")
        if head.casefold() == short.casefold() and rest[:1] in (" ", ","):
            return short + (rest.title() if rest.isupper() else rest)  # IDEX CORPORATION: IDEX Corporation
    return None


#: ``The press release issued by the Environment Agency on 7 May 2026.``, ``Issued by
#: ...``: the text itself, not a report another body issued
_ISSUED_BY = re.compile(
    r"(?:^\s*|\b(?:press|news|media)\s+(?:release|statement)\s+(?:was\s+)?)"
    r"(?i:issued|published|released|distributed)\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][^\n,.;:]{1,100}?)\s*(?:\s(?:on|at|in)\b|[,.;:]|$)"
)


def issued_by(lines: Iterable[str]) -> str | None:
    """The body a line says issued the text (``The press release issued by the Agency on ...``)."""
    return _first_named(_ISSUED_BY, lines)


def _first_named(pattern: re.Pattern[str], lines: Iterable[str]) -> str | None:
    """The ``name`` of the first line's match of ``pattern`` in its first 300 characters."""
    for line in lines:
        match = pattern.search(line[:300])
        if match is not None:
            return match.group("name").strip()
    return None


#: where the first paragraph's subject starts: after a dateline's dash
#: (``Geneva – ``, ``New York - ``, ``日内瓦,2026年3月26日 —— ``), or at once
_AFTER_DATELINE = re.compile(r"[^\n–—\-.!?。]{1,50}?\s*[–—-]{1,2}\s*")
#: ``The International Organization for Migration (IOM) ...``: a name with its capitals
_SUBJECT_ABBREVIATED = re.compile(
    r"(?:The |L['’]|La |Le |Les |El |Los |Las |Die |Der |Das )?"
    r"(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][^()\n,;.–—]{2,100}?|[\u4e00-\u9fff]{2,20})\s*[(（]"
    r"(?P<short>[A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,14})[)）]"
)
#: ``NHC, the Nordic Harbour Council, ...``: an abbreviation, then what it stands for
_SUBJECT_APPOSITIVE = re.compile(r"(?P<name>[A-Z][A-Z&]{1,9}),\s+the\s+[A-Z][^,\n]{2,80},")
#: ``The European Commission has today ...``: "The", then two to nine capitalised
#: words (small joining words between them), then a verb
_SUBJECT_NAMED = re.compile(
    r"The\s+(?P<name>[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and|on|in|the)\s+)*[A-Z][\w'’&-]*){1,8})"
    r"\s+(?:has|have|is|are|was|were|will|today|said|says)\b"
)


def _opening(head: str) -> list[int]:
    """Where a first paragraph's own words may start: after its dateline, else (or then) at once."""
    dateline = _AFTER_DATELINE.match(head)
    return [0] if dateline is None else [dateline.end(), 0]


def lede_subject(lede: str | None) -> tuple[str, str | None] | None:
    """(name, short name) of the organisation the first paragraph opens with, if it names one.

    Institutions open a release with themselves: ``Geneva – The International
    Organization for Migration (IOM) today ...``, ``The European Commission has today
    ...``, ``NHC, the Nordic Harbour Council, ...``. Only an abbreviation in capitals
    after the name or before what it stands for, or "The" before two or more
    capitalised words and a verb, make the opening words an organisation's name.
    """
    if not lede:
        return None
    head = lede[:400]
    for start in _opening(head):
        for pattern in (_SUBJECT_ABBREVIATED, _SUBJECT_APPOSITIVE, _SUBJECT_NAMED):
            match = pattern.match(head, start)
            if match is not None:
                short = match.groupdict().get("short")
                return match.group("name").strip(), short
    return None


#: ``Author: Press Office of the Harbour Council | 03.03.2026``, ``Пресс-служба ...``
_PRESS_OFFICE = re.compile(
    r"(?i:press\s+(?:office|service)\s+of\s+(?:the\s+)?|пресс[-–]служба\s+|service\s+de\s+presse\s+d[eu]\s+(?:l['’]|la\s+)?)"
    r"(?P<name>[^\W\d_][^|\n,;:]{1,80}?)\s*(?:[|,;:]|$)"
)


def press_office(lines: Iterable[str]) -> str | None:
    """The body whose press office a line under the headline names as the author."""
    return _first_named(_PRESS_OFFICE, lines)


#: The title of an organisation's head, in the languages with a data file: what
#: ``statement by the Director-General`` and ``UNICEF Executive Director ... on`` use.
_HEAD = (
    r"(?:Director[-\s]General|Directeur[-\s]g[ée]n[ée]ral|Directora?\s+General|Generaldirektor(?:in)?"
    r"|Executive\s+Director|Directeur\s+ex[ée]cutif|Directora?\s+Ejecutiv[oa]|Exekutivdirektor(?:in)?"
    r"|Secretary[-\s]General|Secr[ée]taire\s+g[ée]n[ée]ral|Secretari[oa]\s+General|Generalsekretär(?:in)?"
    r"|High\s+Commissioner|Haut[-\s]Commissaire|Alto\s+Comisionado|Hochkommissar(?:in)?"
    r"|Administrator(?:in)?|Administrat(?:eur|rice)|Administrador(?:a)?|Администратор(?:а)?"
    r"|Генеральн(?:ый|ого)\s+директор(?:а)?|Исполнительн(?:ый|ого)\s+директор(?:а)?|Генеральн(?:ый|ого)\s+секретар(?:ь|я)"
    r"|Верховн(?:ый|ого)\s+комиссар(?:а)?)"
)
#: ``Director General of the OIM``, ``Directeur général de l’OIM``: the head, then the
#: organisation's name (capitalised words, small joining words between them)
_HEAD_OF = re.compile(
    rf"(?i:{_HEAD})\s+(?i:of\s+the|of|de\s+la|de\s+l['’]|del|de|du|des)\s*"
    r"(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&'’-]*(?:\s+(?:(?:of|for|and|on|the|de|des|du|la|pour|para|y|et)\s+)*[A-ZÀ-ÖØ-ÞА-ЯЁ][\w&'’-]*){0,8})"
)
#: ``UNICEF Executive Director ...``, ``Генеральный директор МОМ``: an abbreviation in
#: capitals, then the head's title, or the other way round
_ABBREVIATION_HEAD = re.compile(
    rf"(?P<name>[A-ZА-ЯЁ][A-ZА-ЯЁ&-]{{1,9}})\s+(?i:{_HEAD})\b|(?i:{_HEAD})\s+(?P<after>[A-ZА-ЯЁ][A-ZА-ЯЁ&-]{{1,9}})\b"
)
#: ``联合国儿童基金会执行主任...``: the organisation, then its head's title
_HEAD_AFTER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,20}?)(?:执行主任|总干事|秘书长|高级专员|署长)")
#: where a title's own subject can start: its start, or after a colon or a dash
_TITLE_PART = re.compile(r"^|[:：]\s*|\s[–—-]\s+")
#: ``NHC at 50: ...``, ``ПРООН в 50 лет``: a title whose subject is an abbreviation
_TITLE_ABBREVIATION = re.compile(r"\s*(?P<name>[A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,9})\s+\w")
_LEDE_READ = 1000  #: how far into the first paragraph its head is looked for
#: ``Statement by the``, ``Déclaration du``: a title that gives the words of ...
_STATEMENT_BY = r"(?i:statement\s+(?:by|of|from)\s+the|déclaration\s+du|declaración\s+del)"
#: what may stand before the head in a title: ``Statement by the``, an article
_LEAD_WORDS = re.compile(rf"(?:{_STATEMENT_BY}|(?i:the|le|la|el))\s+")
#: ``Statement by the DG``, ``Déclaration du DG``: the head speaks, the title does not say of what
_HEAD_STATEMENT = re.compile(rf"^\s*{_STATEMENT_BY}\s+(?:(?i:{_HEAD})|DG|SG|ED)\b")


def head_of(title: str | None, lede: str | None) -> str | None:
    """The organisation whose head the release speaks for, named in its title.

    ``“...”: Director General de la OIM``, ``Statement by the Executive Director of
    UNICEF on ...``, ``联合国儿童基金会执行主任...发表声明``: a title that opens with the
    head (or gives the head after a colon or dash) is the organisation's own. Or the
    title says it is a statement by the head, unnamed (``Déclaration du DG : ...``),
    and the first paragraph names the head and the organisation: ``déclare le
    Directeur général de l’OIM, William Lacy Swing``. Or the title's subject is an
    abbreviation (``NHC at 50: ...``) that the first paragraph gives a head
    (``said NHC Executive Director Maja Lindqvist``). A head named anywhere else in the
    title (``Minister meets the High Commissioner of ...``) is someone else's.
    """
    if not title:
        return None
    title = title[:300]  # a headline; past that, a pasted page's one long line
    for part in _TITLE_PART.finditer(title):
        start = part.end()
        if (lead := _LEAD_WORDS.match(title, start)) is not None:
            start = lead.end()
        for pattern in (_HEAD_OF, _ABBREVIATION_HEAD, _HEAD_AFTER):
            if (match := pattern.match(title, start)) is not None:
                return (match.group("name") or match.group("after")).strip()
    if lede and _HEAD_STATEMENT.match(title) and (match := _HEAD_OF.search(lede[:400])) is not None:
        return match.group("name").strip()
    if lede and (subject := _TITLE_ABBREVIATION.match(title)) is not None:
        name = subject.group("name")
        for match in _ABBREVIATION_HEAD.finditer(lede[:_LEDE_READ]):
            if name in (match.group("name"), match.group("after")):
                return name
    return None


#: ``أصدرت المنظمة ... اليوم بياناً``, ``La Fondation X a publié aujourd’hui un
#: communiqué``, ``El Consejo emitió hoy un comunicado``: the first paragraph says who
#: issued the statement that follows. Arabic puts the verb first.
_ISSUED_STATEMENT = re.compile(
    r"(?:أصدرت|أصدر)\s+(?P<verb_first>[^\n،,.:]{2,60}?)\s+(?:اليوم\s+)?(?:بيان|تصريح)"
    r"|(?:L['’]|La\s+|Le\s+|Les\s+|El\s+)?(?P<name>(?!(?:La|Le|Les|El)\s)[A-ZÀ-ÖØ-ÞА-ЯЁ][^\n,.;:«»“”–—]{1,80}?)\s+"
    r"(?:a\s+(?:publié|diffusé|rendu\s+public)|(?:emitió|publicó|difundió)|(?:опубликовал[аио]?|распространил[аио]?))"
    r"\s+(?:aujourd['’]hui\s+|hoy\s+|сегодня\s+)?"
    r"(?:un|une|le|la|el)?\s*(?:communiqué|déclaration|comunicado|declaración|заявление|пресс-релиз)"
)


def statement_issuer(lede: str | None) -> str | None:
    """The body the first paragraph says issued the statement (``أصدرت X اليوم بياناً``)."""
    if not lede:
        return None
    head = lede[:400]
    for start in _opening(head):
        match = _ISSUED_STATEMENT.match(head, start)
        if match is not None:
            return (match.group("verb_first") or match.group("name")).strip()
    return None


@cache
def _symbols() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """The pattern of a document symbol in the places that name its issuer, and each
    symbol's first part with its issuer, longest first (``words.toml``, ``[symbols]``)."""
    issuers = {prefix: name for name, prefixes in words().get("symbols", {}).items() for prefix in prefixes}
    longest_first = tuple(sorted(issuers.items(), key=lambda item: len(item[0]), reverse=True))
    parts = "|".join(re.escape(prefix) for prefix, _ in longest_first) or "(?!)"
    # SG/SM/21000, IP/19/6225, and the symbols joined to it (SG/A/1725-BIO/4954-DEV/3267)
    symbol = rf"(?:{parts})/\d{{2,6}}(?:/\d{{1,6}})?(?:-[A-Z]{{2,10}}(?:/[A-Z]{{1,10}})*/\d{{1,6}})*"
    pattern = re.compile(
        rf"^[ \t]*(?P<alone>{symbol})[ \t]*$"
        rf"|(?i:press[ \t]+release|communiqué[ \t]+de[ \t]+presse|comunicado[ \t]+de[ \t]+prensa)[ \t]+(?P<cited>{symbol})",
        re.MULTILINE,
    )
    return pattern, longest_first


def symbol_issuer(text: str) -> str | None:
    """The issuer a press release's document symbol names, where it stands alone on a
    line (``SG/SM/21000`` above a UN headline) or follows ``Press Release``."""
    pattern, issuers = _symbols()
    match = pattern.search(text)
    if match is None:
        return None
    symbol = match.group("alone") or match.group("cited")
    return next(issuer for prefix, issuer in issuers if symbol.startswith(prefix + "/"))
