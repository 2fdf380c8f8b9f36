"""Page furniture: the lines around an article that are not the release.

Menus and breadcrumb trails, sharing widgets, footers and copyright lines, kickers
(``Press release``), "who we are" headings, embargo lines and contact labels, each
recognised from the word lists of :mod:`.words` and the language data files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..parse.language import available, language
from .blocks import end_mark, word_count
from .words import label_of, release_lines, word_prefixes, word_set, words


@cache
def _embargo_words() -> re.Pattern[str]:
    """The words that open an embargo line in any language: ``Embargoed until``, and each data file's own."""
    own = [phrase for code in available() for phrase in language(code).embargo_lines]
    return re.compile("|".join(["embargo", *own]), re.IGNORECASE)


def is_embargo_line(text: str) -> bool:
    """``EMBARGOED UNTIL ...``, ``يحظر النشر قبل ...``, ``2024年7月19日10时前禁止发布``: a line the
    importer keeps out of the body and tells the user about (the embargo belongs in the front matter)."""
    return _embargo_words().match(label_of(text)) is not None


#: a breadcrumb trail: short steps joined by ">" or "›" ("Home > News > Press releases")
_BREADCRUMB = re.compile(r"^[^>›\n]{1,40}(?:\s[>›]\s[^>›\n]{1,60})+$")


def is_share(text: str) -> bool:
    """``SHARE THIS ARTICLE``, ``Share on LinkedIn``: a sharing widget's line."""
    return label_of(text) in word_set("share")


def is_menu(text: str, label: str | None = None) -> bool:
    """A menu or sharing line, or a breadcrumb trail; ``label`` is the text's :func:`label_of`, if known."""
    if label is None:
        label = label_of(text)
    if label in word_set("menu") or label in word_set("share"):
        return True
    if (">" in label or "›" in label) and _BREADCRUMB.match(label):
        return True
    return label.startswith(word_prefixes("menu_prefixes")) and word_count(label) <= 8


@cache
def _footer_pattern() -> re.Pattern[str]:
    """``footer_patterns`` as one pattern: tried on every line, one match instead of one each."""
    return re.compile("|".join(f"(?:{p})" for p in words().get("footer_patterns", [])) or "(?!)")


def starts_footer(text: str, label: str | None = None) -> bool:
    """A line that opens a page's footer; ``label`` is the text's :func:`label_of`, if known."""
    if label is None:
        label = label_of(text)
    if label in word_set("footer"):
        return True
    if label.startswith(word_prefixes("footer_prefixes")):
        return True
    stripped = text.strip().strip("*_ ")
    return _footer_pattern().match(stripped) is not None


_FOLLOWING_CONTACTS = 15  #: lines after a copyright line searched for the contact block


def ends_article(texts: Sequence[str], index: int, label: str | None = None) -> bool:
    """``texts[index]`` is the footer line that ends the article; ``label`` is its
    :func:`label_of`, if known.

    A copyright line ("© The Foundation. All rights reserved.") ends it only when no
    end mark or contact label follows soon after: many releases put their
    trademark notice above ``###`` and the media contacts.
    """
    if not starts_footer(texts[index], label):
        return False
    if not is_copyright(texts[index]):
        return True
    following = texts[index + 1 : index + 1 + _FOLLOWING_CONTACTS]
    return not any(end_mark(text) is not None or is_contact_label(text) for text in following)


def is_copyright(text: str) -> bool:
    label = label_of(text)
    return label.startswith(("©", "copyright", "(c) "))


def is_contact_label(text: str) -> bool:
    """A contact heading in any language with a data file ("MEDIA CONTACTS:", "Контакты")."""
    label = label_of(text)
    if not label or word_count(label) > 8:
        return False
    return any(p.fullmatch(label) for p in _contact_labels())


@cache
def _contact_labels() -> tuple[re.Pattern[str], ...]:
    """Every language's contact-heading patterns, each compiled once (English's are in every language's)."""
    sources = dict.fromkeys(p for code in available() for p in language(code).sections.get("contact", ()))
    return tuple(re.compile(p, re.IGNORECASE) for p in sources)


def is_kicker(text: str) -> bool:
    """``Press release``, and ``European Commission - Statement``: an issuer, a dash, the kind of page."""
    label = label_of(text)
    if label in word_set("kickers") or label in release_lines():
        return True
    _, dash, kind = label.rpartition(" - ")
    return bool(dash) and word_count(label) <= 8 and kind.strip() in word_set("kickers")


def is_who_we_are(text: str, label: str | None = None) -> bool:
    return (label_of(text) if label is None else label) in word_set("who_we_are")
