"""Every test gets its own lint cache folder, so no test reads another's results (or the user's)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_lint_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("lint-cache")
    monkeypatch.setenv("PRESSRELEASE_CACHE_DIR", str(folder))
    return folder
