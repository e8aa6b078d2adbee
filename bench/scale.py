"""Benchmark: Ray throughput (articles per minute) with 1 and 2 actors, measured in one run.

Both configurations use the whole machine: one actor with all its cores as threads, then
as many actors as cores with one thread each (2 x 1 on a 2-core machine). Each run is cold
(actors start and load the model, empty response cache, empty output folder), so the time
is what a user waits for. Writes bench/scale_results.json and prints a table.

    uv run --all-extras python bench/scale.py [--model local:qwen2.5-0.5b] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.scale import require_ray, summarize_dataset  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="local:qwen2.5-0.5b")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "scale_results.json")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    ray = require_ray()
    ray.init(num_cpus=cores, include_dashboard=False, log_to_driver=False)
    runs = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for actors, threads in ((1, cores), (cores, 1)):
                started = time.perf_counter()
                report = summarize_dataset([args.seeds], model=args.model, out=Path(tmp) / f"a{actors}",
                                           actors=actors, threads_per_worker=threads, use_cache=False)
                wall = time.perf_counter() - started
                assert not report.failed, [o.error for o in report.failed]
                n = len(report.outcomes)
                runs.append({"actors": actors, "threads_per_actor": threads, "articles": n,
                             "wall_s": wall, "articles_per_min": n / wall * 60,
                             "article_s": [o.seconds for o in report.outcomes]})
    finally:
        ray.shutdown()
    results = {"model": args.model, "cpu_count": cores, "runs": runs,
               "ratio": runs[1]["articles_per_min"] / runs[0]["articles_per_min"]}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"{'actors':>6} {'threads':>7} {'articles':>8} {'wall s':>7} {'articles/min':>12}")
    for r in runs:
        print(f"{r['actors']:6d} {r['threads_per_actor']:7d} {r['articles']:8d} {r['wall_s']:7.1f} "
              f"{r['articles_per_min']:12.2f}")
    print(f"ratio ({runs[1]['actors']} actors / 1 actor): {results['ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
