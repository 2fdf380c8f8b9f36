"""Every test gets its own lint cache folder, so no test reads another's results (or the user's).

Property tests run the same examples on every run (``derandomize``) and have no time
limit (``deadline=None``): the gate must not pass on one run and fail on the next, nor
fail because the machine is busy. To let hypothesis search for new failing inputs, run
``HYPOTHESIS_PROFILE=explore make test``; put what it finds in a test as an example.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("gate", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))


@pytest.fixture(autouse=True)
def _own_lint_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("lint-cache")
    monkeypatch.setenv("PRESSRELEASE_CACHE_DIR", str(folder))
    return folder
