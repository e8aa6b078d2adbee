"""Paths and fixtures for the unit tests (the offline switch lives in the top-level conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_MODEL_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"
