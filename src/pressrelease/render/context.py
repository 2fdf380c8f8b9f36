"""What a template gets: every value the HTML page, the PDF and the email need.

Built once per render from the parsed release. Markdown becomes HTML here, through
:class:`~pressrelease.render.body.BodyRenderer`, and is handed over as
:class:`markupsafe.Markup`; every other value is plain text that the template's
autoescape escapes. docs/templates.md lists these names: keep them in step.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from markdown_it.token import Token
from markupsafe import Markup, escape

from .. import assets
from ..config import Config
from ..model import Block, Contact, Release, Section
from ..parse.language import language
from . import house_style
from .bidi import direction
from .body import BodyRenderer
from .contact_block import contact_block, contact_heading, tel_url

DESCRIPTION_CHARS = 200


@dataclass(frozen=True, slots=True)
class Part:
    """A titled part of the page after the body: notes, about or contact."""

    kind: str  #: ``notes``, ``about`` or ``contact``
    heading: str
    html: Markup  #: the rendered blocks under the heading


@dataclass(frozen=True, slots=True)
class ContactCard:
    """One media contact, as the templates print it."""

    lines: tuple[str, ...]  #: :func:`~pressrelease.render.house_style.contact_lines`
    head: str | None  #: the first of ``lines``: region, name, title, organisation
    name: str | None
    title: str | None
    organization: str | None
    region: str | None
    email: str | None
    phones: tuple[tuple[str, str, str], ...]  #: (label, number as written, ``tel:`` URL)


def og_locale(lang: str) -> str:
    """``en_US`` for ``en``, ``fr_CH`` for ``fr-CH``: the form Open Graph expects."""
    parts = lang.replace("-", "_").split("_")
    if len(parts) > 1 and len(parts[-1]) == 2:
        return f"{parts[0].lower()}_{parts[-1].upper()}"
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(parts[0].lower(), ""))
    region = likely.split("_")[-1] if likely.count("_") >= 1 else ""
    return f"{parts[0].lower()}_{region}" if len(region) == 2 else parts[0].lower()


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """Text cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return f"{cut}…"


def logo_uri(release: Release, image_url: Callable[[Path], str | None] | None = None) -> str | None:
    """The organisation's logo as a ``data:`` URI (or where ``image_url`` published it).

    The path was accepted where it was named (the config's validation, or the
    front matter's through :func:`pressrelease.assets.resolve`); reading it again
    checks that it is still a small regular file, without blocking.
    """
    org = release.organization
    if org is None or org.logo is None:
        return None
    published = image_url(org.logo) if image_url is not None else None
    return published or assets.data_uri(org.logo)


def _lede_tokens(release: Release, block: Block) -> list[Token]:
    """The lede's tokens with its own dateline split into a separate text token, so it can be styled."""
    tokens = list(block.tokens)
    if release.dateline is None:
        return tokens
    for k, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        first = token.children[0]
        text = release.dateline.text
        if first.type == "text" and first.content.startswith(text):
            marker = Token("dateline", "", 0, content=text)
            rest = Token("text", "", 0, content=first.content[len(text) :])
            copy = Token("inline", "", 0, content=token.content, children=[marker, rest, *token.children[1:]])
            tokens[k] = copy
        break
    return tokens


def _heading_shift(release: Release) -> int:
    body_h1 = any(
        release.blocks[i].kind == "heading" and release.blocks[i].level == 1
        for i in range(len(release.blocks))
        if release.blocks[i].section is None
    )
    return 1 if body_h1 else 0


class _Builder:
    def __init__(
        self, release: Release, config: Config, mode: str, image_url: Callable[[Path], str | None] | None = None
    ) -> None:
        self.release = release
        self.config = config
        root = release.path.parent if release.path is not None else None
        self.body = BodyRenderer(
            root,
            shift=_heading_shift(release),
            relative_links=mode == "page",
            right_to_left=direction(release.language) == "rtl",
            image_url=image_url,
        )
        self.labels = language(release.language).labels

    def blocks(self, indices: tuple[int, ...] | list[int]) -> Markup:
        return Markup(self.body.blocks([self.release.blocks[i].tokens for i in indices]))

    def main(self) -> Markup:
        release = self.release
        parts: list[str] = []
        prefix = house_style.dateline_prefix(release)
        for i in release.body:
            block = release.blocks[i]
            if i == release.lede:
                tokens = _lede_tokens(release, block)
                lead = f'<span class="dateline">{escape(prefix)}</span>' if prefix else ""
                parts.append(self.body.tokens(tokens, lead))
            else:
                parts.append(self.body.tokens(list(block.tokens)))
        return Markup("".join(parts))

    def stray(self) -> Markup:
        """Blocks after the end mark that belong to no section (kept, never dropped)."""
        release = self.release
        used = set(release.body) | {m.block for m in release.end_marks}
        first_after = min((m.block for m in release.end_marks), default=None)
        indices = [
            i
            for i, b in enumerate(release.blocks)
            if i not in used and b.section is None and (first_after is None or i > first_after)
        ]
        return self.blocks(indices)

    def section(self, section: Section) -> Part:
        return Part(section.kind, section.heading, self.blocks(section.blocks))

    def parts(self) -> tuple[list[Part], list[Part]]:
        release = self.release
        notes = [self.section(s) for s in release.sections if s.kind == "notes" and not s.empty]
        about = [self.section(s) for s in release.sections if s.kind == "about" and not s.empty]
        org = release.organization
        if not about and org is not None and org.boilerplate:
            html = Markup("<p>{}</p>\n").format(org.boilerplate)
            about = [Part("about", house_style.about_heading(self.release), html)]
        return notes, about


def card(contact: Contact, lang: str) -> ContactCard:
    labels = language(lang).labels
    phones = []
    for label_key, number in (("phone", contact.phone), ("mobile", contact.mobile)):
        if number:
            phones.append((labels[label_key], number, tel_url(number)))
    lines = tuple(house_style.contact_lines(contact, lang))
    has_head = any((contact.name, contact.title, contact.organization, contact.region))
    return ContactCard(
        lines=lines,
        head=lines[0] if has_head and lines else None,
        name=contact.name,
        title=contact.title,
        organization=contact.organization,
        region=contact.region,
        email=contact.email,
        phones=tuple(phones),
    )


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``</`` and ``<!--`` cannot end it."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("</", "<\\/").replace("<!--", "<\\!--")
    return Markup(text)


@dataclass(frozen=True, slots=True)
class WebAddresses:
    """Where the page lives on the web, from the organisation's ``base_url`` (config)."""

    page: str  #: absolute when ``base_url`` is set, else the file's own name
    absolute: bool
    image: str | None  #: the body's first image, absolute; else the logo's
    logo: str | None  #: ``base_url`` + the logo's file name (publish it beside the pages)


def first_image(release: Release) -> str | None:
    """The ``src`` of the body's first image, as written (social cards show it)."""
    for index in release.body:
        for token in release.blocks[index].tokens:
            for child in token.children or ():
                if child.type == "image" and child.attrGet("src"):
                    return str(child.attrGet("src"))
    return None


def web_addresses(release: Release) -> WebAddresses:
    """The page's canonical URL and the images Open Graph and JSON-LD may name."""
    org = release.organization
    base = org.base_url if org is not None and org.base_url else None
    name = f"{release.slug}.html"
    if base is None:
        return WebAddresses(name, False, None, None)
    base = base if base.endswith("/") else base + "/"
    logo = urljoin(base, quote(org.logo.name)) if org is not None and org.logo is not None else None
    found = first_image(release)
    image = urljoin(base, found) if found is not None else None
    if image is not None and urlsplit(image).scheme not in ("http", "https"):
        image = None  # data: images and anything else a crawler cannot fetch
    return WebAddresses(urljoin(base, quote(name)), True, image or logo, logo)


@dataclass(frozen=True, slots=True)
class Alternate:
    """Another language version of the page, for ``hreflang`` links and the language switcher."""

    lang: str
    name: str  #: the language named in itself (``русский``)
    href: str  #: its page: beside this one, or under ``base_url``


def alternates(release: Release, config: Config) -> list[Alternate]:
    """The versions ``translations:`` names that can be read, each with its page's address."""
    if not release.translations:
        return []
    from ..parse.versions import load_versions

    found = []
    for version in load_versions(release, config):
        if version.release is not None:
            lang = version.translation.language
            found.append(Alternate(lang, house_style.language_name(lang), web_addresses(version.release).page))
    return found


def build(
    release: Release,
    config: Config,
    mode: str,
    beside: Collection[str] | None = None,
    *,
    image_url: Callable[[Path], str | None] | None = None,
    web: WebAddresses | None = None,
) -> dict[str, Any]:
    """The template context for one release (see docs/templates.md).

    ``beside`` are the formats written next to the page in the same run, which it
    links (``pdf``, ``docx``); None: the config's ``[build] formats``. A page must
    not link a file the run did not make. The site publishes the page's images as
    files: ``image_url`` gives the address of one (None: embed it), ``web`` the
    page's own addresses instead of those under the organisation's ``base_url``.
    """
    if beside is None:
        beside = config.build.formats
    builder = _Builder(release, config, mode, image_url)
    labels = builder.labels
    org = release.organization
    lede = release.lede_block()
    lede_text = lede.text if lede is not None else ""
    if release.dateline is not None and lede_text.startswith(release.dateline.text):
        lede_text = lede_text[len(release.dateline.text) :]
    description = shorten(release.subtitle or lede_text)
    title = release.title or (org.name if org else "Press release")
    published = release.date.isoformat() if release.date else None
    if release.embargo is not None and release.embargo.at is not None:
        published = release.embargo.at.isoformat()
    mark = release.end_mark.text if release.end_mark is not None else house_style.end_mark(release, config)
    notes, about = builder.parts()
    main = builder.main()
    web = web if web is not None else web_addresses(release)
    org_ld: dict[str, Any] | None = None
    if org is not None:
        org_ld = {"@type": "Organization", "name": org.name, **({"url": org.url} if org.url else {})}
        if web.logo:
            org_ld["logo"] = {"@type": "ImageObject", "url": web.logo}
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        **({"alternativeHeadline": release.subtitle} if release.subtitle else {}),
        "description": description,
        **({"datePublished": published} if published else {}),
        "inLanguage": release.language,
        **({"dateline": release.location} if release.location else {}),
        **({"keywords": list(release.tags)} if release.tags else {}),
        **({"author": org_ld, "publisher": org_ld} if org_ld else {}),
        **({"url": web.page, "mainEntityOfPage": web.page} if web.absolute else {}),
        **({"image": [web.image]} if web.image else {}),
    }
    return {
        "mode": mode,
        "release": release,
        "labels": labels,
        "lang": house_style.locale_tag(release.language, release.profile),
        "og_locale": og_locale(house_style.locale_tag(release.language, release.profile)),
        "press_release_label": labels.get("press_release", "PRESS RELEASE"),
        "dir": direction(release.language),
        "title": title,
        "subtitle": release.subtitle,
        "description": description,
        "organization": org,
        "logo": logo_uri(release, image_url),
        "release_line": house_style.release_line(release),
        "embargoed": release.embargo is not None,
        "date": release.date.isoformat() if release.date else None,
        "date_text": house_style.format_date(
            release.date, release.profile, release.language, house_style.own_date_form(release)
        )
        if release.date
        else None,
        "published": published,
        "location": release.location,
        "tags": release.tags,
        "body": main,
        "end_mark": mark,
        "after_end": builder.stray(),
        "notes": notes,
        "about": about,
        "contact_heading": contact_heading(release),
        "contact_block": contact_block(release),
        "contacts": [card(c, release.language) for c in release.contacts],
        "canonical": web.page,
        "alternates": alternates(release, config) if mode == "page" else [],
        "page_url": web.page if web.absolute else None,
        "og_image": web.image,
        "pdf": f"{release.slug}.pdf" if "pdf" in beside else None,
        "docx": f"{release.slug}.docx" if "docx" in beside else None,
        "json_ld": json_ld(ld),
        "refused_images": tuple(builder.body.refused),
        "slug": release.slug,
    }
