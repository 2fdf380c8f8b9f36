"""``pressrelease preview``: a real server on 127.0.0.1, spoken to with a real HTTP client."""

from __future__ import annotations

import http.client
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressrelease.preview import Previewer, PreviewServer, server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WAIT = 20.0  #: seconds a test waits for an event before it fails (never a timing assertion)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    releases = tmp_path / "releases"
    releases.mkdir()
    for name in ("uk-gov-flood-funding.md", "iom-minsk-2024-07-19.md", "pressrelease.toml"):
        shutil.copy(EXAMPLES / name, releases / name)
    (tmp_path / "secret.md").write_text("---\ntitle: Not for the preview\n---\n")
    return releases


@pytest.fixture
def running(folder: Path) -> Iterator[tuple[PreviewServer, Previewer]]:
    previewer = Previewer((folder,))
    httpd = server(previewer)
    threads = [
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True),
        threading.Thread(target=previewer.watch, daemon=True),
    ]
    for thread in threads:
        thread.start()
    yield httpd, previewer
    previewer.stop.set()
    previewer.notify()
    httpd.shutdown()
    httpd.server_close()


def get(httpd: PreviewServer, path: str) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=WAIT)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), body


def test_it_listens_on_the_loopback_address_only(running: tuple[PreviewServer, Previewer]) -> None:
    httpd, _ = running
    assert httpd.server_address[0] == "127.0.0.1"


def test_the_index_lists_each_release_with_its_lint_status(running: tuple[PreviewServer, Previewer]) -> None:
    status, kind, body = get(running[0], "/")
    assert status == 200 and kind.startswith("text/html")
    page = body.decode()
    assert "/r/uk-gov-flood-funding.md" in page and "/r/iom-minsk-2024-07-19.md" in page
    assert "clean" in page or "warning" in page
    assert "Not for the preview" not in page


def test_a_release_page_has_findings_beside_it_and_the_reload_script(
    running: tuple[PreviewServer, Previewer], folder: Path
) -> None:
    path = folder / "uk-gov-flood-funding.md"
    path.write_text(path.read_text().replace("from flooding\n", "from flooding [TK]\n", 1))  # a placeholder: PR703
    status, _, body = get(running[0], "/r/uk-gov-flood-funding.md")
    page = body.decode()
    assert status == 200
    assert "businesses from flooding [TK]</h1>" in page
    assert "PR703" in page and "?view=source#L2" in page  # the finding links to its line
    assert 'new EventSource("/events")' in page
    assert "/pdf/uk-gov-flood-funding.md" in page and 'class="pdf-link"' not in page  # no dead link to a file
    status, _, source = get(running[0], "/r/uk-gov-flood-funding.md?view=source")
    assert status == 200 and "id='L2'" in source.decode() and "PR703" in source.decode()


def test_built_pages_never_carry_the_reload_script(tmp_path: Path) -> None:
    from pressrelease.build import BuildOptions, build

    (result,) = build([EXAMPLES / "uk-gov-flood-funding.md"], BuildOptions(formats=("html",), output=tmp_path))
    assert result.ok
    assert "EventSource" not in result.outputs[0].read_text()


@pytest.mark.parametrize(
    "path",
    [
        "/r/../secret.md",
        "/r/%2e%2e/secret.md",
        "/r/..%2fsecret.md",
        "/r//etc/passwd",
        "/r/pressrelease.toml",
        "/pdf/../secret.md",
        "/../secret.md",
        "/releases/uk-gov-flood-funding.md",
    ],
)
def test_nothing_outside_the_releases_is_served(running: tuple[PreviewServer, Previewer], path: str) -> None:
    status, _, body = get(running[0], path)
    assert status == 404
    assert b"Not for the preview" not in body and b"organizations" not in body


def test_a_saved_change_sends_reload(running: tuple[PreviewServer, Previewer], folder: Path) -> None:
    httpd, _ = running
    connection = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=WAIT)
    connection.request("GET", "/events")
    response = connection.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b": connected\n"
    path = folder / "uk-gov-flood-funding.md"
    path.write_text(path.read_text().replace("£180 million", "£181 million"))
    lines = []
    while (line := response.readline()) not in (b"event: reload\n", b""):
        lines.append(line)  # keep-alive comments only
    assert line == b"event: reload\n", lines
    connection.close()
    _, _, body = get(httpd, "/r/uk-gov-flood-funding.md")
    assert "£181 million" in body.decode()
