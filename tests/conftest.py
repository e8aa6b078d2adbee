"""Unit tests are offline and deterministic: real model calls are switched off here.

Tests marked ``real_model`` switch them back on for themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DEEPEVAL_TELEMETRY_OPT_OUT", "YES")

from summarizer.backends import allow_real_calls  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _no_real_calls(request: pytest.FixtureRequest):
    allow_real_calls(request.node.get_closest_marker("real_model") is not None)
    yield
    allow_real_calls(False)


@pytest.fixture
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"
