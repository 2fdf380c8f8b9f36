"""Lint rules: links and images in the body (PR705, PR706, PR707, PR710, PR711).

Links come from :func:`._text.inline_links` (code spans skipped, bare addresses and
autolinks included); a local file a link or image names is checked against what a
release may read (:mod:`pressrelease.assets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ... import assets
from ...model import Block, Release
from ...parse.language import Language, language
from ..registry import Context, Finding, Rule, rule
from ._example import body_example
from ._text import Link, inline_links

# -- PR705, PR706, PR707, PR710: links and images -------------------------------------------------


def _vague_texts(lang: Language) -> frozenset[str]:
    return frozenset(t.casefold() for t in (*lang.vague_link_texts, *language("en").vague_link_texts))


@rule(
    "PR705",
    "link-text",
    "warning",
    summary="Link text that says nothing about its target: 'click here', 'here', 'this link', 'read more'.",
    why="Screen-reader users jump from link to link, so the text must name the target; PR Newswire's "
    "accessibility checklist and the PRCA guidelines ask for descriptive links.",
    bad=body_example(notes="The full report is [here](https://example.org/report)."),
    good=body_example(notes="Read the [full report on rural water](https://example.org/report)."),
)
def link_text(ctx: Context) -> Iterator[Finding]:
    vague = _vague_texts(ctx.lang)
    for block, link in _links_of(ctx.release, images=False):
        if link.auto:
            continue
        label = re.sub(r"[*_`]", "", link.text).strip().rstrip(".:!?…").strip().casefold()
        if label in vague:
            yield Finding(
                block.locate(link.start, link.end),
                f"link text '{link.text.strip()}' does not say where it goes: name the page or document",
            )


def _links_of(release: Release, *, images: bool) -> Iterator[tuple[Block, Link]]:
    """Each link (``images=False``) or each image of the release, with its block."""
    for block in release.blocks:
        for link in inline_links(block):
            if link.image == images:
                yield block, link


def _scheme(target: str) -> str:
    """The URL scheme, lower case ("" for a relative link); never raises on odd input."""
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", target)
    return match.group(1).lower() if match else ""


#: what :func:`_kind` calls a target that is none of a scheme's: the words have spaces,
#: which no scheme has
_BARE_WWW, _SCHEME_RELATIVE, _SAME_PAGE, _SITE_ABSOLUTE, _RELATIVE = (
    "bare www",
    "scheme relative",
    "same page",
    "site absolute",
    "relative file",
)
_KIND_PROBLEMS = {
    _BARE_WWW: "a bare www address links over http: write it in full with https://",
    _SCHEME_RELATIVE: "a scheme-relative link: write the address in full with https://",
    "http": "an http: link: use https:// so readers are not sent over an unencrypted connection",
    "file": "a file: link points at a disk only you can see: link to a public https:// address",
    _SITE_ABSOLUTE: "a site-absolute path has no host in a PDF or email: write the full https:// address",
}
_KINDS_FINE = frozenset({"https", "mailto", "tel", _SAME_PAGE})


def _kind(target: str, auto: bool) -> str:
    """What a link target is: its scheme (lower case), or one of the kinds above. A
    one-letter "scheme" is a Windows drive (``C:``), read as a relative file."""
    if auto and target.lower().startswith("www."):
        return _BARE_WWW
    if target.startswith("//"):
        return _SCHEME_RELATIVE
    scheme = _scheme(target)
    if scheme and len(scheme) > 1:
        return scheme
    if not target or target.startswith(("#", "?")):
        return _SAME_PAGE
    if target.startswith("/"):
        return _SITE_ABSOLUTE
    return _RELATIVE


def _target_problem(target: str, release: Release, auto: bool) -> str | None:
    """Why a link target will not work for a reader, or None."""
    kind = _kind(target, auto)
    if kind in _KIND_PROBLEMS:
        return _KIND_PROBLEMS[kind]
    if kind in _KINDS_FINE:
        return None
    if kind != _RELATIVE:
        return f"a {kind}: link will not work for readers: link to an https:// address"
    local = _local_path(target, release)
    if local is None:
        return None  # read from stdin: there is no folder to resolve against
    try:
        exists = local.exists()
    except (OSError, ValueError):  # a name too long, or %00 in it
        exists = False
    if not exists:
        return f"the relative link '{target}' does not resolve from the release's folder: fix the path"
    return None


def _local_path(target: str, release: Release) -> Path | None:
    """The file a relative link target names, from the release's folder (None from stdin)."""
    if release.path is None:
        return None
    return release.path.parent / Path(unquote(re.split(r"[?#]", target, maxsplit=1)[0]))


def local_targets(release: Release) -> list[Path]:
    """The files PR706 checks for: what its verdicts depend on besides the text (lint/cache.py)."""
    found = []
    for _, link in _links_of(release, images=False):
        if _kind(link.target, link.auto) == _RELATIVE and (local := _local_path(link.target, release)) is not None:
            found.append(local)
    return found


@rule(
    "PR706",
    "link-target",
    "warning",
    summary="A link over `http:`, to a `file:`, or relative and not resolving from the release's folder.",
    why="Newswire.com's guidelines require that all links work; an http: link is "
    "flagged by browsers and a file: or broken relative link works only on the writer's machine.",
    bad=body_example(notes="Read the [full report on rural water](http://example.org/report)."),
    good=body_example(notes="Read the [full report on rural water](https://example.org/report)."),
)
def link_target(ctx: Context) -> Iterator[Finding]:
    for block, link in _links_of(ctx.release, images=False):
        problem = _target_problem(link.target, ctx.release, link.auto)
        if problem is not None:
            yield Finding(block.locate(link.target_start, link.target_end), problem)


@rule(
    "PR707",
    "image-alt-missing",
    "warning",
    summary="An image without alt text.",
    why="Alt text is how blind readers and text-only email clients get an image; PR Newswire's accessibility "
    "checklist and WCAG ask for it on every image.",
    bad=body_example(notes="![](plant.jpg)"),
    good=body_example(notes="![A solar-powered treatment plant beside a reservoir](plant.jpg)"),
)
def image_alt_missing(ctx: Context) -> Iterator[Finding]:
    for block, image in _links_of(ctx.release, images=True):
        if not image.text.strip():
            yield Finding(
                block.locate(image.start, image.end),
                "image has no alt text: describe what it shows between the brackets ![...]",
            )


@rule(
    "PR710",
    "remote-image",
    "warning",
    summary="An image loaded from the network: `pressrelease build` will not fetch it.",
    why="The build never touches the network, so a remote image is missing from the PDF; "
    "keep images beside the release so every output carries them.",
    bad=body_example(notes="![A solar-powered treatment plant](https://example.org/plant.jpg)"),
    good=body_example(notes="![A solar-powered treatment plant](plant.jpg)"),
)
def remote_image(ctx: Context) -> Iterator[Finding]:
    for block, image in _links_of(ctx.release, images=True):
        if image.target.startswith("//") or _scheme(image.target) in ("http", "https"):
            yield Finding(
                block.locate(image.target_start, image.target_end),
                "the image is on the network and will not be fetched: save it beside the release and "
                "link the local file",
            )


@rule(
    "PR711",
    "image-not-read",
    "warning",
    summary="An image file the build will leave out: outside the release's folder, missing, not a regular "
    "image file, or over 5 MB.",
    why="The build reads an image only from the release's own folder, with links resolved first, and only a "
    "regular image file of at most 5 MB (docs/templates.md, 'What the tool will read'); anything else is left "
    "out of every output, which a writer should know before sending.",
    bad=body_example(notes="![Map of the plants](/srv/shared/plants-map.png)"),
    good=body_example(notes="![Map of the plants](plants-map.png)"),
)
def image_not_read(ctx: Context) -> Iterator[Finding]:
    folder = ctx.release.path.parent if ctx.release.path is not None else None
    for block, image in _links_of(ctx.release, images=True):
        reason = _image_refusal(image.target, folder)
        if reason is not None:
            yield Finding(
                block.locate(image.target_start, image.target_end), f"the build will leave this image out: {reason}"
            )


def names_files(release: Release) -> bool:
    """True when the release names an image or a logo file: what the lint cache cannot vouch for."""
    organization = release.front_matter.data.get("organization")
    if isinstance(organization, dict) and organization.get("logo"):
        return True
    return any(
        _scheme(image.target) in ("", "file") and not image.target.startswith("//")
        for _, image in _links_of(release, images=True)
    )


def _image_refusal(target: str, folder: Path | None) -> str | None:
    """Why the build would not read the image ``target`` names (the renderer's own check), or None."""
    if target.startswith(("/", "\\")) and not target.startswith("//"):
        return "it is an absolute path; keep the image in the release's folder and name it from there"
    relative = assets.relative_image(target)
    if relative is None or folder is None:
        return None  # remote (PR710), a data: URI, or a release with no folder to look in
    found = assets.resolve(relative, folder, (folder,), "the release's folder")
    return None if isinstance(found, Path) else str(found)


RULES: tuple[Rule, ...] = (link_text, link_target, image_alt_missing, remote_image, image_not_read)
