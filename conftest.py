"""Shared by tests/ and evals/: offline by default, each test with its own response cache.

Real model calls are switched off (a backend call raises RealCallBlocked);
tests marked ``real_model`` switch them on for themselves.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DEEPEVAL_TELEMETRY_OPT_OUT", "YES")

from summarizer.backends import allow_real_calls  # noqa: E402


@pytest.fixture(autouse=True)
def _no_real_calls(request: pytest.FixtureRequest, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path_factory.mktemp("cache")))
    allow_real_calls(request.node.get_closest_marker("real_model") is not None)
    yield
    allow_real_calls(False)
