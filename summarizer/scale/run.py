"""``summarize_dataset``: a corpus through Ray Data, one actor per model copy or pool client.

Ray is imported here only, inside functions. With no Ray running, a local one is started
(and shut down at the end); ``address`` joins a cluster (``"auto"``, ``"HOST:6379"``,
``"ray://HOST:10001"``). Every node must have this package with the ``scale`` extra (and
``local`` for the embedded model), and ``out`` must be a folder every worker can write
(on several machines, a shared mount).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.backends import DEFAULT_MODEL, Backend, BackendError, get_backend
from summarizer.cache import ResponseCache
from summarizer.errors import RunError, SummarizerError
from summarizer.pipeline import ProgressFn, RunReport
from summarizer.scale.source import input_rows
from summarizer.scale.table import TABLE_FORMATS, outcome_of, table_row, write_table
from summarizer.scale.worker import ArticleWorker

__all__ = ["looks_like_ray_address", "require_ray", "summarize_dataset"]


def require_ray() -> Any:
    """The ``ray`` module, or a one-line ``RunError`` saying which extra to install."""
    try:
        import ray
        import ray.data  # noqa: F401  (ray without its "data" part is not enough)
    except ImportError as exc:
        raise RunError("Ray is not installed: install the 'scale' extra "
                       "(pip install 'summarizer[scale]', or uv sync --extra scale)") from exc
    return ray


def looks_like_ray_address(value: str) -> bool:
    """Whether ``summarize --ray VALUE`` names a cluster rather than the first PATH."""
    return value in ("auto", "local") or ("://" in value or ":" in value) and not Path(value).exists()


def summarize_dataset(ds_or_path: Any, *, model: str | Callable[[], Backend] = DEFAULT_MODEL,
                      out: str | os.PathLike[str] = "out", address: str | None = None,
                      actors: int = 1, threads_per_worker: int = 1, batch_size: int = 1,
                      num_cpus: float | None = None, strategy: str | None = None,
                      base_url: str | None = None, use_cache: bool = True, table: str = "parquet",
                      brief: bool = False, brief_opening: str = "template",
                      on_article: ProgressFn | None = None,
                      runtime_env: dict[str, Any] | None = None) -> RunReport:
    """Summarize every article of ``ds_or_path`` on Ray; write ``<out>/<id>.json`` and a table.

    ``ds_or_path``: a path or list of paths (article files, directories of them, ``.jsonl``
    files of ``{"id", "text"}``), one ``.parquet`` file with ``id`` and ``text`` columns, or
    a Ray Dataset with those columns (or ``id`` and ``path``). ``actors`` actors each build
    the backend once (``local:`` models with ``threads_per_worker`` threads; ``openai:`` with
    ``base_url`` for a served pool) and take ``num_cpus`` CPUs (default: the threads). An
    article whose file is already in ``out`` is skipped (resumable). A bad input is an error
    outcome; the others are still written. A dead actor is restarted and its batch retried
    (Ray Data's default for actors); ``runtime_env`` is the actors' (e.g. ``{"env_vars": ...}``). The table, ``out/records.parquet`` or ``records.jsonl``, has one
    row per input; with ``brief`` the brief across the articles is written as ``summarize`` does
    (over article files only: rows of JSONL or Parquet get none, as with ``summarize --jsonl``).
    """
    ray = require_ray()
    if table not in TABLE_FORMATS:
        raise RunError(f"table format must be one of {', '.join(TABLE_FORMATS)}, not {table!r}")
    options = {"n_threads": threads_per_worker} if isinstance(model, str) and model.startswith("local:") else {}
    try:  # built here once to fail early (bad model string, no API key); loads nothing
        model_id = (get_backend(model, base_url=base_url, **options) if isinstance(model, str)
                    else model()).model_id
    except BackendError as exc:
        raise RunError(str(exc)) from exc
    out_dir = Path(out).resolve()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RunError(f"cannot create output directory {out_dir}: {exc.strerror or exc}") from exc
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.ERROR)
    try:
        ds, total = _dataset(ray, ds_or_path)
        worker = {"model": model, "out_dir": str(out_dir), "strategy": strategy, "base_url": base_url,
                  "cache_dir": str(ResponseCache().folder) if use_cache else None,
                  "backend_options": options}
        # Ray Data restarts a dead actor and retries its task (max_restarts and
        # max_task_retries -1 for actor pools): the worker skips what the dead one wrote.
        mapped = ds.map_batches(ArticleWorker, batch_format="pyarrow", batch_size=batch_size,
                                compute=ray.data.ActorPoolStrategy(size=actors),
                                num_cpus=num_cpus or threads_per_worker, fn_constructor_kwargs=worker,
                                runtime_env=runtime_env)
        mapped.context.execution_options.preserve_order = True  # the table in input order
        mapped.context.enable_progress_bars = False  # the library never writes to the terminal
        mapped.context.print_on_execution_start = False
        report, rows = RunReport(model_id=model_id), []
        for done, row in enumerate(mapped.iter_rows(), start=1):
            rows.append(table_row(row))
            report.outcomes.append(outcome_of(row, out_dir, model_id))
            if on_article is not None:
                on_article(done, total, report.outcomes[-1])
    except (SummarizerError, OSError):
        raise
    except Exception as exc:  # a worker's RunError arrives wrapped in Ray's own errors
        raise RunError(f"the Ray run failed: {_first_line(exc)}") from exc
    finally:
        if started:
            ray.shutdown()
    write_table(rows, out_dir, table)
    if brief:
        _write_brief(report, out_dir, model, base_url, options, brief_opening)
    return report


def _dataset(ray: Any, ds_or_path: Any) -> tuple[Any, int]:
    """The input Dataset and how many rows it has."""
    if isinstance(ds_or_path, ray.data.Dataset):
        return ds_or_path, ds_or_path.count()
    paths = [ds_or_path] if isinstance(ds_or_path, (str, os.PathLike)) else list(ds_or_path)
    if len(paths) == 1 and Path(paths[0]).suffix.lower() == ".parquet" and Path(paths[0]).is_file():
        ds = ray.data.read_parquet(str(paths[0])).select_columns(["id", "text"])
        return ds, ds.count()
    rows = input_rows(paths)
    return ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 1000))), len(rows)


def _write_brief(report: RunReport, out_dir: Path, model: Any, base_url: str | None,
                 options: dict[str, Any], brief_opening: str) -> None:
    """The brief across articles read from files (rows of JSONL or Parquet have no file)."""
    from summarizer.brief.render import write_run_brief

    if any(o.ok and not Path(o.path).is_file() for o in report.outcomes):
        return  # as `summarize --jsonl`: no brief over rows
    try:
        backend = None
        if brief_opening == "model":
            backend = get_backend(model, base_url=base_url, **options) if isinstance(model, str) else model()
        report.brief = write_run_brief(report.outcomes, out_dir, backend=backend)
    except (SummarizerError, OSError) as exc:
        report.brief_error = f"brief: {exc}"


def _first_line(exc: BaseException) -> str:
    cause = exc
    while cause.__cause__ is not None:
        cause = cause.__cause__
    lines = [line for line in str(cause).splitlines() if line.strip()]
    return lines[-1] if lines else type(cause).__name__
