"""A saved web page -> a :class:`Document` (BeautifulSoup, imported only here).

The article is the page's ``<article>`` (the one with the most paragraph text),
else ``<main>``, else the element whose own ``<p>`` children hold the most text.
Navigation, headers, footers, asides, menus, sharing widgets, forms, scripts and
styles are removed first. Inside the article, headings, paragraphs, lists, block
quotes, links (http, https, mailto), bold and italics are kept as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .blocks import Boilerplate, Document, ImportFailed, Piece, escape, word_count
from .furniture import is_who_we_are
from .head import structured

if TYPE_CHECKING:  # pragma: no cover
    from bs4.element import Tag

_REMOVE = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
    "input", "textarea", "canvas", "video", "audio", "object", "embed", "link", "meta",
)  # fmt: skip
_CHROME = ("nav", "aside", "menu", "dialog")
_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "dialog"}
_TOKENS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
    "cookie", "cookies", "sidebar", "related", "skip", "subscribe", "newsletter", "banner", "masthead",
    "footer", "popup", "modal", "tags", "pagination", "toolbar",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_CONTAINERS = {"div", "section", "article", "main", "header", "footer", "figure", "body", "center", "span", "dl"}
_BLOCKS = {*_HEADINGS, "p", "ul", "ol", "blockquote", "pre", "table", "hr", "address", "dd", "dt", "li", *_CONTAINERS}
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_DATE_META = ("article:published_time", "datePublished", "date", "dc.date", "dcterms.date", "pubdate")


def read_html(text: str, path: Path | None = None) -> Document:
    """Find the article on a saved page and return its pieces."""
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportFailed(f"reading HTML needs beautifulsoup4 ({exc})", path) from None
    soup = BeautifulSoup(text, "html.parser")
    if _deeper_than(soup, MAX_DEPTH):
        raise ImportFailed(f"the page's elements are nested more than {MAX_DEPTH} deep: not a page we can read", path)
    dates = [str(m.get("content")) for m in soup.find_all("meta") if _meta_name(m) in _DATE_META and m.get("content")]
    page_title = _page_title(soup)
    for tag in soup.find_all(list(_REMOVE)):
        tag.decompose()
    h1 = soup.find("h1")
    h1_text = _SPACES.sub(" ", h1.get_text(" ")).strip() if h1 is not None else None
    article = _article(soup)
    boilerplate = _who_we_are(soup, article)
    removed: list[str] = []
    for tag in [t for t in soup.find_all(True) if _chrome(t, article)]:
        if not _gone(tag):
            text = _SPACES.sub(" ", tag.get_text(" ")).strip()
            if text:
                removed.append(f"<{tag.name}> {text}")
            tag.decompose()
    if article is None or _gone(article):
        raise ImportFailed("no article text found in the page", path)
    dates.extend(str(t["datetime"]) for t in article.find_all("time") if t.get("datetime"))
    pieces: list[Piece] = []
    _walk(article, pieces)
    has_h1 = any(p.kind == "heading" and p.level == 1 for p in pieces)
    title = None if has_h1 else (h1_text or page_title)
    doc = structured("html", pieces, title, boilerplate)
    doc.dates = dates
    doc.dropped[:0] = removed
    if not has_h1 and not h1_text and page_title:
        doc.notes.append("title: taken from the page's <title>")
    return doc


MAX_DEPTH = 256  #: elements within elements; real pages nest a few dozen deep


def _deeper_than(soup: Tag, limit: int) -> bool:
    """Some element lies more than ``limit`` elements deep. Every later step walks an
    element's ancestors or recurses into its children: thousands of unclosed ``<div>``
    made the import quadratic, then overflowed the stack. Counted without recursion."""
    from bs4.element import Tag

    stack = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in tag.children if isinstance(child, Tag))
    return False


def _meta_name(meta: Tag) -> str:
    return str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "")


def _page_title(soup: Tag) -> str | None:
    og = soup.find("meta", attrs={"property": "og:title"})
    if og is not None and og.get("content"):
        return _SPACES.sub(" ", str(og["content"])).strip() or None
    if soup.title is not None and soup.title.string:
        # "Headline | Site name": keep the part before the last separator.
        title = _SPACES.sub(" ", soup.title.string).strip()
        return re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]+$)", title)[0].strip() or None
    return None


def _chrome(tag: Tag, article: Tag | None) -> bool:
    """Navigation, headers, footers and widgets (not the article or what holds it)."""
    if article is not None and (tag is article or _within(article, tag)):
        return False
    inside = article is not None and _within(tag, article)
    if tag.name in _CHROME or str(tag.get("role", "")).lower() in _ROLES:
        return True
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    if tag.name in ("header", "footer") and not inside:
        return True
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")]).lower()
    tokens = set(re.split(r"[-_\s]+", names))
    if tokens & _TOKENS:
        return not (inside and "@" in tag.get_text())
    return tag.name == "footer" and "@" not in tag.get_text()


def _gone(tag: Tag) -> bool:
    """Decomposed already (with a removed ancestor). Not ``tag.decomposed``: on a live tag
    that property falls through to ``Tag.__getattr__``, a search of the whole subtree."""
    return bool(tag.__dict__.get("_decomposed"))


def _within(tag: Tag, ancestor: Tag) -> bool:
    """``tag`` is inside ``ancestor`` (by identity: bs4 compares tags by content)."""
    return any(parent is ancestor for parent in tag.parents)


def _article(soup: Tag) -> Tag | None:
    articles = [a for a in soup.find_all("article") if _paragraph_text(a)]
    if articles:
        return max(articles, key=_paragraph_text)
    main = soup.find("main") or soup.find(None, {"role": "main"})
    if main is not None and _paragraph_text(main):
        return main
    best, score = None, 0
    for tag in soup.find_all(["div", "section", "td", "body"]):
        own = sum(len(p.get_text(strip=True)) for p in tag.find_all("p", recursive=False))
        if own > score:
            best, score = tag, own
    # A fragment (no <html><body>, paragraphs as <div>s) is its own article.
    return best or soup.body or soup


def _paragraph_text(tag: Tag) -> int:
    return sum(len(p.get_text(strip=True)) for p in tag.find_all("p"))


def _who_we_are(soup: Tag, article: Tag | None) -> Boilerplate | None:
    """An organisation's "Who we are" blurb in the page's menus, outside the article."""
    # Each text node is tested once: a label is a short string of its own (<a>, <h3>).
    for node in soup.find_all(string=lambda text: bool(text) and len(text) < 60 and is_who_we_are(str(text))):
        tag = node.parent
        if tag is None or (article is not None and _within(tag, article)):
            continue
        own = _SPACES.sub(" ", str(node)).strip()
        following = tag.find_next(["p", "div"])
        while following is not None and following.find(["p", "div"]) is not None:
            following = following.find_next(["p", "div"])
        if following is None or (article is not None and _within(following, article)):
            continue
        blurb = _SPACES.sub(" ", following.get_text(" ")).strip()
        if word_count(blurb) >= 15:
            return Boilerplate(own, blurb)
    return None


# -- walking the article ---------------------------------------------------------------------


def _walk(tag: Tag, pieces: list[Piece]) -> None:
    """Append the pieces of ``tag``'s content, in document order."""
    from bs4.element import Comment, NavigableString
    from bs4.element import Tag as TagType

    buffer: list[TagType | NavigableString] = []

    def flush() -> None:
        if buffer:
            _add_paragraph(pieces, _inline_nodes(buffer))
            buffer.clear()

    for child in tag.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            buffer.append(child)
            continue
        if not isinstance(child, TagType):
            continue
        name = child.name
        if name not in _BLOCKS or (name in _CONTAINERS and not child.find(list(_BLOCKS - {"span"}))):
            if name in _CONTAINERS and name != "span":
                flush()
                _add_paragraph(pieces, _inline(child))
            else:
                buffer.append(child)
            continue
        flush()
        if name in _HEADINGS:
            md, plain = _inline(child)
            if plain.strip():
                pieces.append(Piece("heading", _one_line(md), _one_line(plain), level=_HEADINGS[name]))
        elif name in ("p", "address", "dd", "dt", "pre"):
            _add_paragraph(pieces, _inline(child))
        elif name in ("ul", "ol"):
            items = [_one_line(_inline(li)[0]) for li in child.find_all("li", recursive=False)]
            items = [item for item in items if item]
            if items:
                pieces.append(Piece("list", items=tuple(items), ordered=name == "ol"))
        elif name == "blockquote":
            inner: list[Piece] = []
            _walk(child, inner)
            text = "\n".join(p.text for p in inner if p.text)
            if text:
                pieces.append(Piece("quote", text, "\n".join(p.plain for p in inner)))
        elif name == "table":
            # Rows as Markdown table rows, empty cells kept: ``arrange`` reads a contact
            # table column by column and any other table row by row.
            rows = [[_inline(cell) for cell in row.find_all(["td", "th"])] for row in child.find_all("tr")]
            rows = [row for row in rows if any(c[1].strip() for c in row)]
            if rows:
                md = "\n".join("| " + " | ".join(_one_line(c[0]) for c in row) + " |" for row in rows)
                plain = "\n".join("| " + " | ".join(_one_line(c[1]) for c in row) + " |" for row in rows)
                pieces.append(Piece("paragraph", md, plain))
        elif name != "hr":
            _walk(child, pieces)
    flush()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _add_paragraph(pieces: list[Piece], inline: tuple[str, str]) -> None:
    md, plain = inline
    md_lines = [line.strip() for line in md.split("\n")]
    plain_lines = [line.strip() for line in plain.split("\n")]
    md = "\n".join(line for line in md_lines if line)
    plain = "\n".join(line for line in plain_lines if line)
    if not plain:
        return
    bold = md.startswith("**") and md.endswith("**") and md.count("**") == 2 and len(md) > 4
    pieces.append(Piece("paragraph", md[2:-2].strip() if bold else md, plain, bold=bold))


def _inline(tag: Tag) -> tuple[str, str]:
    return _inline_nodes(list(tag.children))


def _inline_nodes(nodes: Sequence[object]) -> tuple[str, str]:
    """(Markdown, plain text) of inline content: links, bold, italics, code, line breaks."""
    from bs4.element import Comment, NavigableString
    from bs4.element import Tag as TagType

    md: list[str] = []
    plain: list[str] = []
    for node in nodes:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            text = _SPACES.sub(" ", str(node))
            md.append(escape(text))
            plain.append(text)
            continue
        if not isinstance(node, TagType):
            continue
        if node.name == "br":
            md.append("\n")
            plain.append("\n")
            continue
        if node.name == "img":
            continue
        inner_md, inner_plain = _inline(node)
        if node.name in _BLOCKS and node.name != "span":
            inner_md, inner_plain = f"\n{inner_md}\n", f"\n{inner_plain}\n"
        plain.append(inner_plain)
        md.append(_wrap(node, inner_md, inner_plain))
    return "".join(md), "".join(plain)


def _wrap(node: Tag, inner_md: str, inner_plain: str) -> str:
    """Markdown for one inline element around its already converted content."""
    words = inner_plain.strip()
    if not words:
        return inner_md
    lead = " " if inner_md[:1].isspace() else ""
    tail = " " if inner_md[-1:].isspace() else ""
    core = inner_md.strip()
    if node.name in ("strong", "b"):
        return f"{lead}**{core}**{tail}"
    if node.name in ("em", "i", "cite"):
        return f"{lead}*{core}*{tail}"
    if node.name == "code":
        return f"{lead}`{words}`{tail}"
    if node.name == "a":
        href = str(node.get("href") or "").strip()
        if not _SAFE_LINK.match(href):
            return inner_md
        target = href[7:].split("?")[0] if href.lower().startswith("mailto:") else href
        if words in (target, href):
            return inner_md  # a bare address or URL: it links itself
        href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        return f"{lead}[{core}]({href}){tail}"
    return inner_md
