"""Output file names: ``YYYY-MM-DD-<slugified title>``, ASCII only, at most 80 characters.

Output paths come from this and nothing else, so no title can steer where a
file is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Russian/Ukrainian/Belarusian letters, romanised (a simplified BGN/PCGN), as a
# str.translate table: one pass in C instead of a Python step per character.
_CYRILLIC = str.maketrans(
    dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўґ",
            "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye u g".split(),
            strict=True,
        )
    )
)

# Latin letters that Unicode does not decompose into a base letter and a mark, so the
# ASCII step below would drop them ("straße" would become "strae", "cœur" "cur").
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"})
#: Any character the two tables map. A dictionary table costs str.translate a look-up
#: per character (8 us for a headline, two thirds of its slug); most titles hold none.
_MAPPED = re.compile("[" + re.escape("".join(map(chr, {**_CYRILLIC, **_LATIN}))) + "]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slugify(title: str | None, date: dt.date | None = None, limit: int = 80, fallback: str | None = None) -> str:
    """A safe file base name for a release; ``release`` when nothing usable is left.

    A title with no letters to romanise (Arabic, Chinese) gives no words; ``fallback``
    (the source file's name) then names the file, so two such releases of one day do
    not both come out as the bare date.
    """
    words = _words(title) or _words(fallback)
    prefix = f"{date.isoformat()}-" if date else ""
    slug = (prefix + words).strip("-")[:limit].rstrip("-")
    return slug or "release"


def _words(text: str | None) -> str:
    """``text`` lower-cased, romanised where we can, as ASCII words joined by hyphens."""
    text = (text or "").lower()
    if _MAPPED.search(text):
        text = text.translate(_CYRILLIC).translate(_LATIN)
    text = unicodedata.normalize("NFKD", text.replace("-", " ")).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("-", text).strip("-")
