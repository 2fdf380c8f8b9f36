"""``pressrelease preview``: the release as its HTML page, reloaded on every save.

A small HTTP server from the standard library, bound to 127.0.0.1, answers four
kinds of request and nothing else:

- ``/`` the release (one file given) or an index of the releases in the folder,
  each with its lint status;
- ``/r/<path>`` one release as the build's HTML page, its lint findings in a panel
  beside it, and ``/r/<path>?view=source`` its Markdown with each finding under
  its line (the findings link there);
- ``/pdf/<path>`` its PDF, made when asked (WeasyPrint loads on first use);
- ``/events`` a server-sent event stream: ``reload`` whenever a watched file changes
  (watchfiles, with a short debounce). The reload script is added to preview pages
  only; built pages never have it.

``<path>`` must name one of the releases found under the folders given; anything
else, ``..`` tricks included, is a 404, so nothing outside them can be read.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote, urlsplit

from . import config as config_mod
from .config import Config
from .discover import release_files

if TYPE_CHECKING:
    from .lint.engine import Diagnostic
    from .model import Release

KEEPALIVE = 15.0  #: seconds between comments on an idle event stream
RELOAD_SCRIPT = """<script>
(function () {
  var key = "pressrelease-preview-scroll:" + location.pathname + location.search;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) { window.scrollTo(0, parseInt(saved, 10)); sessionStorage.removeItem(key); }
  var events = new EventSource("/events");
  events.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
</script>"""
STYLE = """<style>
.preview-bar { position: sticky; top: 0; z-index: 2; display: flex; gap: 1rem; align-items: baseline;
  padding: 0.5rem 1rem; background: #1c1f23; color: #fff; font: 0.9rem/1.4 system-ui, sans-serif; }
.preview-bar a { color: #9cd0ff; }
.preview-bar .status { margin-inline-start: auto; }
.preview-wrap { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 0; }
.preview-findings { font: 0.85rem/1.45 system-ui, sans-serif; padding: 1rem; border-inline-start: 1px solid #d8dde3;
  background: #fff; max-height: calc(100vh - 2.5rem); overflow: auto; position: sticky; top: 2.5rem; }
.preview-findings ol { padding-inline-start: 0; list-style: none; margin: 0; }
.preview-findings li { margin-block-end: 0.6rem; }
.preview-findings a { color: inherit; text-decoration: none; display: block; }
.preview-findings a:hover { background: #f1f3f5; }
.sev-error { color: #a4161a; font-weight: 700; } .sev-warning { color: #8a5a00; font-weight: 700; }
.sev-info { color: #0b4f8a; font-weight: 700; }
.source { font: 0.85rem/1.5 ui-monospace, monospace; white-space: pre-wrap; margin: 0; padding: 1rem; }
.source .line { display: block; } .source .no { color: #5b6470; display: inline-block; width: 4ch; text-align: end;
  margin-inline-end: 1ch; user-select: none; } .source .finding { display: block; margin-inline-start: 5ch;
  font-family: system-ui, sans-serif; } .source :target { background: #fff3bf; }
@media (max-width: 60rem) { .preview-wrap { grid-template-columns: 1fr; } .preview-findings { position: static; } }
</style>"""


@dataclass
class Previewer:
    """What the server shows: the releases under ``roots``, rendered on request."""

    roots: tuple[Path, ...]
    config_path: Path | None = None
    isolated: bool = False
    version: int = 0  #: bumped on every change under the roots
    changed: threading.Condition = field(default_factory=threading.Condition)
    stop: threading.Event = field(default_factory=threading.Event)

    def files(self) -> dict[str, Path]:
        """Every release the server may show, by its address (``/r/<this>``)."""
        found = release_files(list(self.roots), self.config_for)
        base = self.base()
        return {_address(path, base): path for path in found}

    def base(self) -> Path:
        """The folder addresses are relative to: the one folder given, else the common parent."""
        folders = [root if root.is_dir() else root.parent for root in self.roots]
        base = folders[0].resolve()
        for folder in folders[1:]:
            while not folder.resolve().is_relative_to(base):
                base = base.parent
        return base

    def config_for(self, path: Path) -> Config:
        return config_mod.for_path(path, self.config_path, self.isolated)

    def notify(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def watch(self) -> None:
        """Bump :attr:`version` on every change under the roots, until :attr:`stop` is set."""
        from watchfiles import watch

        for _ in watch(*self.roots, debounce=50, step=25, stop_event=self.stop, raise_interrupt=False):
            self.notify()

    # -- pages -------------------------------------------------------------------------------

    def release(self, path: Path) -> tuple[Release | None, list[Diagnostic], str]:
        """The release parsed and linted, or why it cannot be read."""
        from .lint.engine import lint
        from .parse import parse, read_text

        text, problem = read_text(path)
        if text is None:
            return None, [], problem.message if problem is not None else "cannot read the file"
        config = self.config_for(path)
        release = parse(text, path, config)
        return release, lint(release, config, now=dt.datetime.now(dt.UTC)), ""

    def page(self, address: str, path: Path) -> str:
        """The build's HTML page, in the theme's ``preview/release.html.j2`` (bar, findings, reload)."""
        from markupsafe import Markup

        from .render import context
        from .render.templates import environment

        release, findings, problem = self.release(path)
        if release is None:
            return _frame(address, f"<main style='padding:1rem'><p>{html.escape(problem)}</p></main>", [], address)
        config = self.config_for(path)
        # Nothing is written beside a previewed page: its bar links the PDF (/pdf/...), the
        # page itself links no file (a "slug.pdf" beside /r/... would be a dead link).
        values = context.build(release, config, "page", beside=())
        values["preview"] = {
            "style": Markup(STYLE),
            "bar": Markup(_bar(address, findings)),
            "panel": Markup(_findings_panel(findings, address)),
            "script": Markup(RELOAD_SCRIPT),
        }
        return environment(config.build.templates).get_template("preview/release.html.j2").render(values)

    def source(self, address: str, path: Path) -> str:
        release, findings, problem = self.release(path)
        if release is None:
            return _frame(address, f"<p>{html.escape(problem)}</p>", [], address)
        by_line: dict[int, list[Diagnostic]] = {}
        for finding in findings:
            by_line.setdefault(finding.span.line, []).append(finding)
        lines = []
        for number, line in enumerate(release.source.split("\n"), start=1):
            notes = "".join(
                f"<span class='finding'><span class='sev-{f.severity}'>{f.code}</span> {html.escape(f.message)}</span>"
                for f in by_line.get(number, [])
            )
            lines.append(
                f"<span class='line' id='L{number}'><span class='no'>{number}</span>{html.escape(line)}{notes}</span>"
            )
        return _frame(address, f"<pre class='source'>{''.join(lines)}</pre>", findings, address)

    def index(self) -> str:
        rows = []
        for address, path in sorted(self.files().items()):
            release, findings, problem = self.release(path)
            errors = sum(f.severity == "error" for f in findings)
            warnings = sum(f.severity == "warning" for f in findings)
            if release is None:
                status = f"<span class='sev-error'>{html.escape(problem)}</span>"
            elif errors:
                status = f"<span class='sev-error'>{errors} error{'s' if errors > 1 else ''}</span>"
            elif warnings:
                status = f"<span class='sev-warning'>{warnings} warning{'s' if warnings > 1 else ''}</span>"
            else:
                status = "clean"
            title = html.escape(release.title or address) if release is not None else html.escape(address)
            rows.append(
                f"<li><a href='/r/{quote(address)}'>{title}</a> <small>{html.escape(address)}</small> – {status}</li>"
            )
        body = f"<main style='padding:1rem 2rem'><h1>Releases</h1><ul>{''.join(rows) or '<li>none</li>'}</ul></main>"
        return _frame("", body, [], None)

    def pdf(self, path: Path) -> bytes | None:
        from .build.processes import pdf_renderer

        release, _, _ = self.release(path)
        if release is None:
            return None
        config = self.config_for(path)
        data: bytes = pdf_renderer().render(release, config, paper=config.build.paper)  # type: ignore[arg-type]
        return data


def _address(path: Path, base: Path) -> str:
    return path.resolve().relative_to(base).as_posix() if path.resolve().is_relative_to(base) else path.name


def _bar(address: str, findings: Sequence[Diagnostic]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    link = quote(address)
    return (
        f"<nav class='preview-bar' aria-label='Preview'><a href='/'>All releases</a>"
        f"<a href='/r/{link}'>Page</a><a href='/r/{link}?view=source'>Source</a>"
        f"<a href='/pdf/{link}' target='_blank' rel='noopener'>PDF</a>"
        f"<span class='status'>{html.escape(address)}: {errors} errors, {warnings} warnings</span></nav>"
    )


def _findings_panel(findings: Sequence[Diagnostic], address: str) -> str:
    if not findings:
        return "<aside class='preview-findings'><p>No findings.</p></aside>"
    items = "".join(
        f"<li><a href='/r/{quote(address)}?view=source#L{f.span.line}'>"
        f"<span class='sev-{f.severity}'>{f.code}</span> line {f.span.line}: {html.escape(f.message)}</a></li>"
        for f in findings
    )
    return f"<aside class='preview-findings' aria-label='Lint findings'><ol>{items}</ol></aside>"


def _frame(title: str, content: str, findings: Sequence[Diagnostic], address: str | None) -> str:
    bar = _bar(address, findings) if address is not None else ""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title or 'pressrelease preview')}</title>{STYLE}</head>"
        f"<body style='margin:0;font:1rem/1.5 system-ui,sans-serif'>{bar}{content}{RELOAD_SCRIPT}</body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    previewer: Previewer
    server_version = "pressrelease-preview"

    def log_message(self, format: str, *args: object) -> None:  # quiet: no line per request
        return

    def do_GET(self) -> None:  # the name http.server calls
        url = urlsplit(self.path)
        route, _, rest = url.path.lstrip("/").partition("/")
        try:
            if url.path == "/":
                files = self.previewer.files()
                if len(files) == 1 and all(root.is_file() for root in self.previewer.roots):
                    [(only, file)] = files.items()
                    return self._send(self.previewer.page(only, file))
                return self._send(self.previewer.index())
            if url.path == "/events":
                return self._events()
            if route in ("r", "pdf"):
                address = unquote(rest)
                path = self.previewer.files().get(address)
                if path is None:
                    return self._send("not a release here", HTTPStatus.NOT_FOUND, "text/plain")
                if route == "pdf":
                    data = self.previewer.pdf(path)
                    if data is None:
                        return self._send("the release cannot be read", HTTPStatus.NOT_FOUND, "text/plain")
                    return self._send(data, content_type="application/pdf")
                view = parse_qs(url.query).get("view", ["page"])[0]
                html_text = (
                    self.previewer.source(address, path) if view == "source" else self.previewer.page(address, path)
                )
                return self._send(html_text)
            return self._send("not found", HTTPStatus.NOT_FOUND, "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            return None
        except Exception as error:  # a bug shows in the browser, and the server goes on
            message = f"internal error ({type(error).__name__}: {error})"
            return self._send(message, HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain")

    def _send(self, body: str | bytes, status: HTTPStatus = HTTPStatus.OK, content_type: str = "text/html") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        charset = "; charset=utf-8" if isinstance(body, str) else ""
        self.send_header("Content-Type", content_type + charset)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        """``reload`` after each change; a comment now and then keeps the connection open."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(b": connected\n\n")
        self.wfile.flush()
        changed = self.previewer.changed
        previewer = self.previewer
        with changed:
            seen = previewer.version
        while not previewer.stop.is_set():
            with changed:
                if previewer.version == seen:  # checked under the lock: no change slips between
                    changed.wait(KEEPALIVE)
                now = previewer.version
            message = b"event: reload\ndata: changed\n\n" if now != seen else b": waiting\n\n"
            seen = now
            self.wfile.write(message)
            self.wfile.flush()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # event streams never keep the process alive
    block_on_close = False


def server(previewer: Previewer, port: int = 0) -> PreviewServer:
    """A server bound to 127.0.0.1 (``port`` 0: a free one); ``serve_forever()`` runs it."""
    handler = type("Handler", (_Handler,), {"previewer": previewer})
    return PreviewServer(("127.0.0.1", port), handler)
