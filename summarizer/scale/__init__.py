"""Past one machine: summarize a corpus with Ray Data (the optional ``scale`` extra).

The only package that imports Ray, and only inside functions: ``import summarizer.scale``
works without Ray, and a run without it stops with one line naming the extra to install.

- ``source.py``: the inputs (files and directories, JSONL, Parquet, a Dataset) as rows;
- ``worker.py``: the actor class batches are mapped through, one backend built per actor;
- ``table.py``: result rows back to ``ArticleOutcome`` and the table of records;
- ``run.py``: ``summarize_dataset``, which starts or joins Ray and drives the run.
"""

import os

# Under `uv run`, Ray by default starts each worker with the driver's `uv run` line in a copy of
# the working directory: a new virtual environment per job, and llama.cpp compiled again in each
# (seen here: several minutes per worker, and the Ray tests timed out). Workers use the driver's
# own environment instead. Ray reads this when it is imported, so it is set before any import of
# Ray by this package; export RAY_ENABLE_UV_RUN_RUNTIME_ENV=1 to get Ray's behaviour back.
os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")

from summarizer.scale.run import looks_like_ray_address, require_ray, summarize_dataset  # noqa: E402

__all__ = ["looks_like_ray_address", "require_ray", "summarize_dataset"]
