"""The generated data files are current, and the generator rewrites only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease import gendata


def test_every_generated_file_is_current() -> None:
    for path, text in gendata.outputs().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make data"


def test_main_writes_a_stale_file_and_leaves_a_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale, current = tmp_path / "stale.json", tmp_path / "current.json"
    stale.write_text("old\n", encoding="utf-8")
    current.write_text("same\n", encoding="utf-8")
    monkeypatch.setattr(gendata, "outputs", lambda: {stale: "new\n", current: "same\n", tmp_path / "new.json": "x\n"})
    assert gendata.main() == 0
    assert stale.read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "new.json").read_text(encoding="utf-8") == "x\n"
    assert capsys.readouterr().out.splitlines() == [f"wrote {stale}", f"wrote {tmp_path / 'new.json'}"]
