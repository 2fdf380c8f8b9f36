"""The one release every rule's examples are made from.

A rule's bad and good examples are this release with a line or two changed, so
they differ only where the rule looks, and docs/rules.md shows just those lines.
Each rule module takes what it needs: :func:`example` leaves a part out when it
is given as ``None`` or ``""`` (a headline rule needs no contacts).
"""

from __future__ import annotations

TITLE = "Water Authority Opens Three Treatment Plants"
DATE = "2026-03-20"
LEDE = "Nairobi – Three new water treatment plants opened on 20 March 2026 in the northern region."
QUOTE = "“Safe water changes everything for a family,” said Grace Wanjiru, director of the Clean Water Alliance."
BODY = "The plants were built over two years with support from county governments."
NOTES = "## Notes to editors\n\nPhotographs of the plants are available on request."
ORGANIZATION = "  name: Clean Water Alliance\n  acronyms: [CWA]\n"
CONTACTS = '  - name: Amina Odhiambo\n    email: amina.odhiambo@example.org\n    phone: "+254 20 555 0142"\n'


def example(
    *paragraphs: str,
    title: str = TITLE,
    subtitle: str | None = None,
    date: str = DATE,
    front: str = "",
    location: str | None = "Nairobi",
    organization: str = ORGANIZATION,
    contacts: str = CONTACTS,
    lede: str | None = LEDE,
) -> str:
    """The release: its front matter (``front`` holds extra lines, after the date),
    then the lede and ``paragraphs``, each a paragraph of its own."""
    head = f"---\ntitle: {title}\n" + (f"subtitle: {subtitle}\n" if subtitle is not None else "")
    head += f"date: {date}\n{front}" + (f"location: {location}\n" if location else "")
    head += (f"organization:\n{organization}" if organization else "") + (f"contacts:\n{contacts}" if contacts else "")
    body = [lede, *paragraphs] if lede is not None else list(paragraphs)
    return f"{head}---\n\n" + "\n\n".join(body) + "\n"


def body_example(lede: str = LEDE, body: str = BODY, notes: str | None = None, extra: str = "") -> str:
    """The release with this lede, a paragraph ``body`` after its quotation, these notes to
    editors, and ``extra`` front matter: the body and link rules' examples."""
    notes_section = NOTES if notes is None else f"## Notes to editors\n\n{notes}"
    return example(QUOTE, body, "###", notes_section, lede=lede, front=extra)
