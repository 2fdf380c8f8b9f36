"""The hooks run before the command line's quick exit (``os._exit`` runs no atexit handlers)."""

from __future__ import annotations

import pytest

from pressrelease import exit_hooks


def test_hooks_run_newest_first_once_and_a_failing_one_stops_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exit_hooks, "_HOOKS", [])
    ran: list[str] = []

    def first() -> None:
        ran.append("first")

    def broken() -> None:
        ran.append("broken")
        raise OSError("already gone")

    exit_hooks.before_exit(first)
    exit_hooks.before_exit(broken)
    exit_hooks.before_exit(first)  # registered once
    exit_hooks.run_hooks()
    assert ran == ["broken", "first"]
    exit_hooks.run_hooks()
    assert ran == ["broken", "first"]  # each runs once


def test_the_pdf_renderer_registers_its_clean_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from pressrelease.build import processes

    monkeypatch.setattr(exit_hooks, "_HOOKS", [])
    monkeypatch.setattr(processes, "_PDF", None)
    processes.pdf_renderer()
    assert [processes.close_pdf_renderer] == exit_hooks._HOOKS
    exit_hooks.run_hooks()
    assert processes._PDF is None
