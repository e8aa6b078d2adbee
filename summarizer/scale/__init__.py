"""Past one machine: summarize a corpus with Ray Data (the optional ``scale`` extra).

The only package that imports Ray, and only inside functions: ``import summarizer.scale``
works without Ray, and a run without it stops with one line naming the extra to install.

- ``source.py``: the inputs (files and directories, JSONL, Parquet, a Dataset) as rows;
- ``worker.py``: the actor class batches are mapped through, one backend built per actor;
- ``table.py``: result rows back to ``ArticleOutcome`` and the table of records;
- ``run.py``: ``summarize_dataset``, which starts or joins Ray and drives the run.
"""

from summarizer.scale.run import looks_like_ray_address, require_ray, summarize_dataset

__all__ = ["looks_like_ray_address", "require_ray", "summarize_dataset"]
