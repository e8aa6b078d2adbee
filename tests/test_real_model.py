"""The embedded model for real, on one seed (slow: about two minutes on 2 cores)."""

import pytest

from summarizer.cli import main

from .conftest import SEEDS
from .test_cli import check_output

pytestmark = pytest.mark.real_model


def test_default_local_model_writes_valid_grounded_records(tmp_path):
    seed = SEEDS / "001_4c5be07e5f3f8541.txt"
    assert main([str(seed), "--out", str(tmp_path), "--quiet"]) == 0
    check_output(tmp_path / f"{seed.stem}.json", seed)
