"""The rule registry: every group's ``RULES``, in code order."""

from __future__ import annotations

from ..registry import Rule
from . import (
    body,
    contacts,
    dateline,
    document,
    embargo,
    headline,
    links,
    quotes,
    sections,
    suppression,
    terms,
    translations,
)

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *document.RULES,
            *headline.RULES,
            *dateline.RULES,
            *quotes.RULES,
            *sections.RULES,
            *contacts.RULES,
            *embargo.RULES,
            *body.RULES,
            *links.RULES,
            *terms.RULES,
            *suppression.RULES,
            *translations.RULES,
        ),
        key=lambda r: r.code,
    )
)
