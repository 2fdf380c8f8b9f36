"""Release blocks -> safe HTML: the only place where Markdown becomes markup.

markdown-it's own renderer passes through whatever attributes a token carries, so
this one walks the tokens itself and writes only what it knows: a fixed set of
tags, ``href`` through :func:`~pressrelease.render.house_style.safe_url`, images only as
``data:`` URIs (inline, or read from a file inside the release's own folder), and
never a ``style``, ``on*`` or ``rel`` attribute. Anything it does not know becomes
escaped text. Remote images are never fetched: they render as a link to the image.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from markdown_it.token import Token

from .. import assets
from ..parse.contact_values import PHONE
from ..parse.token_ranges import TokenRanges
from .house_style import safe_url
from .typography import keep_numbers_with_units

_PHONE_DIGITS = 7  #: fewer is a figure (12 000), not a phone number

_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")
_ATTRIBUTION = re.compile(r"^\s*(?:—|–|―|-{1,2})\s*(?P<who>\S.*)$", re.DOTALL)

# token type -> tag, for the blocks written as plain open/close pairs
_PAIRS = {
    "paragraph": "p",
    "bullet_list": "ul",
    "ordered_list": "ol",
    "list_item": "li",
    "table": "table",
    "thead": "thead",
    "tbody": "tbody",
    "tr": "tr",
    "th": "th",
    "td": "td",
    "em": "em",
    "strong": "strong",
    "s": "s",
}
#: ``paragraph_open`` -> ``paragraph``...: one look-up per token instead of a split
_PAIR_NAMES = {f"{name}_{side}": name for name in _PAIRS for side in ("open", "close")}
_CELLS = ("th", "td")  #: closed without a line end; opened with their alignment
#: the block tokens whose opening tag carries attributes (:meth:`BodyRenderer.opening`)
_WITH_ATTRIBUTES = ("ordered_list_open", "th_open", "td_open")
_BLOCK_PAIRS = {name: tag for name, tag in _PAIRS.items() if name not in ("paragraph", "em", "strong", "s")}
#: the block tokens whose markup depends on nothing but their type (``list_item_open``
#: -> ``<li>``): a long list or table is mostly these, written with one look-up each
_FIXED_TAGS = {
    **{f"{name}_open": f"<{tag}>" for name, tag in _BLOCK_PAIRS.items() if name not in ("ordered_list", *_CELLS)},
    **{f"{name}_close": f"</{tag}>" + ("" if name in _CELLS else "\n") for name, tag in _BLOCK_PAIRS.items()},
}


def attribute(value: str) -> str:
    """An attribute value, escaped for double quotes."""
    return escape(value, quote=True)


def local_image(src: str, root: Path | None) -> Path | None:
    """The file a relative image URL names, if :func:`pressrelease.assets.resolve` accepts it in ``root``.

    The path is resolved (symlinks followed) before the check, so a link inside the
    folder that points outside it is refused like ``../secret.png``.
    """
    relative = assets.relative_image(src)
    if root is None or relative is None:
        return None
    found = assets.resolve(relative, root, (root,), "the release's folder")
    return found if isinstance(found, Path) else None


def isolate_numbers(html: str) -> str:
    """Phone numbers in right-to-left text marked left to right: read right to left, the
    groups of "+41 22 555 0199" come out as "0199 555 22 41+"."""

    def wrap(match: re.Match[str]) -> str:
        number = match.group()
        return f'<span dir="ltr">{number}</span>' if sum(c.isdigit() for c in number) >= _PHONE_DIGITS else number

    return PHONE.sub(wrap, html)


@dataclass
class BodyRenderer:
    """Renders block tokens; one per release (it knows the release's folder)."""

    root: Path | None  #: the release's folder: the only place images are read from
    shift: int = 0  #: added to heading levels, so the body never has an h1
    #: keep relative links (the web page); off for the PDF, where WeasyPrint would turn
    #: them into file: URLs naming the build machine's folders, and for email
    relative_links: bool = True
    refused: list[str] = field(default_factory=list)  #: image sources not embedded, for warnings
    right_to_left: bool = False  #: an Arabic (Hebrew...) release: phone numbers are isolated
    #: the address of an accepted image file published beside the page (the site copies
    #: it there), or None to embed it; unset: every image is embedded as a ``data:`` URI
    image_url: Callable[[Path], str | None] | None = None

    def blocks(self, token_lists: Sequence[Sequence[Token]], prefix: str = "") -> str:
        return "".join(self.tokens(list(tokens), prefix if i == 0 else "") for i, tokens in enumerate(token_lists))

    def tokens(self, tokens: list[Token], prefix: str = "") -> str:
        """HTML for a run of block tokens; ``prefix`` (already HTML) opens the first paragraph."""
        out: list[str] = []
        quoted = 0  #: tokens before this index are inside a block quote already written
        ranges: TokenRanges | None = None  #: where each block ends, found at the first block quote
        for i, token in enumerate(tokens):
            if i < quoted:
                continue
            kind = token.type
            fixed = _FIXED_TAGS.get(kind)
            if fixed is not None:  # lists, tables: most tokens, so tested first
                out.append(fixed)
            elif kind == "inline":
                out.append(self.inline(token.children or []))
            elif kind == "paragraph_open":  # a tight list's paragraphs are hidden: no <p>
                out.append(prefix if token.hidden else f"<p>{prefix}")
                if not token.hidden:
                    prefix = ""
            elif kind == "paragraph_close":
                if not token.hidden:
                    out.append("</p>\n")
            elif kind in _WITH_ATTRIBUTES:
                out.append(self.opening(token))
            elif kind == "blockquote_open":
                if ranges is None:
                    ranges = TokenRanges(tokens)
                quoted = ranges.closer[i] + 1
                out.append(self.blockquote(tokens[i + 1 : quoted - 1]))
            elif kind == "heading_open" or kind == "heading_close":
                level = max(2, min(6, int(token.tag[1:] or 2) + self.shift))
                out.append(f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n")
            elif kind in ("fence", "code_block"):
                out.append(f"<pre><code>{escape(token.content)}</code></pre>\n")
            elif kind == "hr":
                out.append("<hr>\n")
            elif token.content:
                out.append(f"<p>{escape(token.content)}</p>\n")
        return "".join(out)

    def opening(self, token: Token) -> str:
        """The opening tag of an ordered list (its first number) or a table cell (its
        alignment); every other block tag is fixed (:data:`_FIXED_TAGS`)."""
        name = _PAIR_NAMES[token.type]
        attrs = ""
        if name == "ordered_list":
            start = token.attrGet("start")
            if isinstance(start, int) or (isinstance(start, str) and start.isdigit()):
                attrs = f' start="{int(start)}"' if int(start) != 1 else ""
        else:  # a table cell
            style = str(token.attrGet("style") or "")
            align = re.search(r"text-align:\s*(left|right|center)", style)
            if align:
                attrs = f' class="align-{align.group(1)}"'
            if name == "th":
                attrs += ' scope="col"'
        return f"<{_PAIRS[name]}{attrs}>"

    def blockquote(self, inner: list[Token]) -> str:
        """A block quote; a last line ``— Name, title`` becomes its ``footer``/``cite``."""
        who: list[Token] | None = None
        last = max((k for k, t in enumerate(inner) if t.type == "inline"), default=None)
        if last is not None:
            children = list(inner[last].children or [])
            breaks = [k for k, c in enumerate(children) if c.type in ("softbreak", "hardbreak")]
            cut = breaks[-1] + 1 if breaks else 0
            tail = children[cut:]
            if tail and tail[0].type == "text" and _ATTRIBUTION.match(tail[0].content):
                first = Token("text", "", 0, content=_ATTRIBUTION.match(tail[0].content).group("who"))  # type: ignore[union-attr]
                who = [first, *tail[1:]]
                kept = children[: breaks[-1]] if breaks else []
                copy = Token("inline", "", 0, children=kept, content="")
                inner = [*inner[:last], copy, *inner[last + 1 :]]
                if not kept:  # the whole paragraph was the attribution: drop it
                    inner = [t for k, t in enumerate(inner) if k not in (last - 1, last, last + 1)]
        body = self.tokens(inner)
        footer = f"<footer>— <cite>{self.inline(who)}</cite></footer>\n" if who else ""
        return f"<blockquote>\n{body}{footer}</blockquote>\n"

    def inline(self, children: Sequence[Token]) -> str:
        out: list[str] = []
        open_links: list[bool] = []
        for child in children:
            kind = child.type
            if kind in ("text", "text_special"):
                text = escape(keep_numbers_with_units(child.content), quote=False)
                out.append(isolate_numbers(text) if self.right_to_left else text)
            elif kind == "softbreak":
                out.append("\n")
            elif kind == "hardbreak":
                out.append("<br>\n")
            elif kind == "code_inline":
                out.append(f"<code>{escape(child.content, quote=False)}</code>")
            elif kind == "link_open":
                href = safe_url(str(child.attrGet("href") or ""))
                if href is not None and not self.relative_links and not urlsplit(href).scheme:
                    href = None
                open_links.append(href is not None)
                if href is not None:
                    title = child.attrGet("title")
                    extra = f' title="{attribute(str(title))}"' if title else ""
                    if child.markup in ("linkify", "autolink"):
                        extra += ' dir="ltr"'  # a bare address reads left to right, in Arabic text too
                    out.append(f'<a href="{attribute(href)}"{extra}>')
            elif kind == "link_close":
                if open_links.pop() if open_links else False:
                    out.append("</a>")
            elif kind == "image":
                out.append(self.image(child))
            elif kind == "dateline":  # made by the context builder, never by Markdown
                out.append(f'<span class="dateline">{escape(child.content, quote=False)}</span>')
            elif kind in _PAIR_NAMES:
                tag = _PAIRS[_PAIR_NAMES[kind]]
                out.append(f"<{tag}>" if child.nesting == 1 else f"</{tag}>")
            else:
                out.append(escape(child.content, quote=False))
        return "".join(out)

    def image(self, token: Token) -> str:
        """An image as a ``data:`` URI, else its alt text (a link for remote images)."""
        src = str(token.attrGet("src") or "").strip()
        alt = token.content or ""
        if _DATA_IMAGE.match(src):
            return f'<img src="{attribute(src)}" alt="{attribute(alt)}">'
        path = local_image(src, self.root)
        uri = None
        if path is not None and self.image_url is not None:
            uri = self.image_url(path)
        if path is not None and uri is None:
            uri = assets.data_uri(path)
        if uri is not None:
            return f'<img src="{attribute(uri)}" alt="{attribute(alt)}">'
        self.refused.append(src)
        label = escape(alt or src, quote=False)
        href = safe_url(src)
        if href is not None and urlsplit(href).scheme in ("http", "https"):
            return f'<a class="image-link" href="{attribute(href)}">{label}</a>'
        return f'<span class="image-alt">{label}</span>'
