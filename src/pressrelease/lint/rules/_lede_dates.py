"""Which date in the lede's first sentence speaks for the release date (PR202).

The news date is the first date after the dateline, or one after ``On``/``Le``. Some
such dates belong to something else: an event or a start the release announces for a
later day ("will hold a call on 25 March", "a term beginning on 1 June"), or an earlier
event in a sentence whose news is today's ("echoing a warning given on 17 March, the
agency today said"). The words that tell them apart are data (``data/lede_dates.toml``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ...model import DateMention, Release
from ...parse.language import data_file
from ...parse.lede import date_after_dateline


def introduced(release: Release, mention: DateMention, lead_words: tuple[str, ...]) -> bool:
    """True when the lede's date is the news date: first after the dateline, or after ``On``/``Le``."""
    lede = release.lede_block()
    placed = date_after_dateline(lede, release.dateline, mention) if lede is not None else None
    if lede is None or placed is None:
        return False
    start, offset = placed
    before = lede.source[start:offset]
    last = re.search(r"(\w+)\W*$", before)
    if not before.strip() or last is None:
        return True
    return last.group(1).lower() in {w.lower() for w in lead_words}


@cache
def _lede_words(kind: str, code: str) -> re.Pattern[str] | None:
    """The words of ``kind`` (``future``, ``today``) in language ``code``, English included."""
    table = data_file("lede_dates").get(kind, {})
    words = sorted({*table.get(code, []), *table.get("en", [])}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def other_event(release: Release, mention: DateMention, written: dt.date, date: dt.date) -> bool:
    """True when the lede's first sentence gives ``mention`` to something other than the news.

    "will hold a call on 25 March" (a later date after a word that puts it in the future)
    is an event the release announces; "a statement made on 3 May, the office today
    warned" (the sentence says the news is today's) is an earlier event.
    """
    lede = release.lede_block()
    placed = date_after_dateline(lede, release.dateline, mention) if lede is not None else None
    if lede is None or placed is None:
        return False
    start, offset = placed
    code = release.language.split("-")[0].lower()
    future = _lede_words("future", code)
    if written > date and future is not None and future.search(lede.source, start, offset):
        return True
    end = _SENTENCE_END.search(lede.source, offset + len(mention.text))
    today = _lede_words("today", code)
    return today is not None and today.search(lede.source, start, end.start() if end else len(lede.source)) is not None
