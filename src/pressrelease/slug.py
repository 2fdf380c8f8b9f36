"""Output file names: ``YYYY-MM-DD-<slugified title>``, ASCII only, at most 80 characters.

Output paths come from this and nothing else, so no title can steer where a
file is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Russian/Ukrainian/Belarusian letters, romanised (a simplified BGN/PCGN).
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўґ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye u g".split(),
        strict=True,
    )
)


def slugify(title: str | None, date: dt.date | None = None, limit: int = 80) -> str:
    """A safe file base name for a release; ``release`` when nothing usable is left."""
    text = (title or "").lower()
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text).replace("-", " ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    prefix = f"{date.isoformat()}-" if date else ""
    slug = (prefix + words).strip("-")[:limit].rstrip("-")
    return slug or "release"
