"""Standard input is read by the same reader as a file: size cap, NUL bytes, encoding.

Every command that takes ``-`` refuses what it would refuse in a file, in the same
words, naming ``<stdin>`` (and the line, for a release); ``import`` reads it
through the importer's reader, with the importer's checks.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from cliutil import run_main  # tests/ is on sys.path
from pressrelease.parse import MAX_BYTES

REFUSED = [
    pytest.param(b"---\ntitle: T\n\x00\n", 3, "input contains NUL bytes: binary, not a text release", id="nul"),
    pytest.param(b"---\ntitle: T\n\xff\n", 3, "not UTF-8 (byte 0xff); save the text as UTF-8", id="encoding"),
    pytest.param(b"a" * (MAX_BYTES + 1), 1, "input is larger than 2 MB; a press release never is", id="size"),
]


def run_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return run_main(monkeypatch, capsys, *args, "--isolated", "-")


@pytest.mark.parametrize(("data", "line", "message"), REFUSED)
def test_inspect_shows_what_the_reader_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, line: int, message: str
) -> None:
    code, out, _ = run_on_stdin(monkeypatch, capsys, data, "inspect", "--format", "json")
    problems = [(p["code"], p["span"]["line"], p["message"]) for p in json.loads(out)["problems"]]
    assert (code, problems) == (1, [("PR004", line, message)])


@pytest.mark.parametrize(("data", "line", "message"), REFUSED)
def test_email_is_one_line_naming_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, line: int, message: str
) -> None:
    code, out, err = run_on_stdin(monkeypatch, capsys, data, "email")
    assert (code, out, err) == (2, "", f"error: <stdin>:{line}: {message}\n")


@pytest.mark.parametrize(("data", "line", "message"), REFUSED)
def test_fix_writes_nothing_and_reports_pr004(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, line: int, message: str
) -> None:
    code, out, err = run_on_stdin(monkeypatch, capsys, data, "lint", "--fix", "--format", "concise")
    assert (code, out) == (1, "")
    assert f"<stdin>:{line}:1: PR004 [error] unreadable: {message}" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"a\x00b", "is binary (it contains NUL bytes), not text", id="nul"),
        pytest.param(b"a\xffb\x01", "looks binary (control characters), not text", id="encoding"),
        pytest.param(b"a" * (MAX_BYTES + 1), "larger than 2 MB; a press release never is", id="size"),
        pytest.param(b" \n", "is empty: nothing to import", id="empty"),
    ],
)
def test_import_refuses_as_for_a_file_naming_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    code, out, err = run_on_stdin(monkeypatch, capsys, data, "import")
    assert (code, out, err) == (2, "", f"error: <stdin>: {message}\n")


def test_import_reads_no_more_than_a_file_may_hold(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Large(io.RawIOBase):
        """Standard input of 10 MB that counts what is read of it."""

        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            size = min(len(buffer), 10 * MAX_BYTES // 2 - self.served)
            buffer[:size] = b"a" * size
            self.served += size
            return size

    raw = Large()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8"))
    code, _, err = run_main(monkeypatch, capsys, "import", "--isolated", "-")
    assert (code, err) == (2, "error: <stdin>: larger than 2 MB; a press release never is\n")
    assert raw.served <= MAX_BYTES + 1 + io.DEFAULT_BUFFER_SIZE  # the rest is never read
