"""Benchmark: `summarize seeds/` on the default local model against raw llama.cpp speed.

Measures, in one run on this machine:
1. raw llama.cpp prompt-eval and decode speed on the same model (plain completion, no grammar);
2. the pipeline over the seeds, cold (model load included, an empty response cache): per article
   wall time, prompt tokens sent, prompt tokens actually evaluated (the rest came from the
   KV-cache prefix), completion tokens, decode tokens/s;
3. the ratio of the pipeline's wall time to the raw llama.cpp time for the same token counts;
4. a warm re-run with the response cache on.
Writes bench/results.json and prints a table. Figures are recorded, not gated.

    uv run --all-extras python bench/run.py [--model qwen2.5-1.5b] [--grammar always|retry]
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

from summarizer.backends.local import LocalBackend  # noqa: E402
from summarizer.pipeline import summarize_paths  # noqa: E402

CALIBRATION = ("The committee met on a grey morning to review the harvest figures, the state of the "
               "roads and the budget for the coming year. ") * 60


def raw_speeds(backend: LocalBackend) -> dict[str, float]:
    """Prompt-eval and decode tokens/s of one plain llama.cpp call on a fresh context.

    The prompt is about 1,500 tokens, the length of a pipeline prompt (system text and
    article), and decoding follows it: both slow down as the context grows, so speeds
    measured on a short prompt would flatter the raw reference.
    """
    llama = backend._load()
    tokens = llama.tokenize(CALIBRATION.encode())
    llama.reset()
    before = backend.perf()
    llama.create_completion(CALIBRATION, max_tokens=64, temperature=0)
    after = backend.perf()
    llama.reset()
    pe_tok = after["prompt_eval_tokens"] - before["prompt_eval_tokens"]
    pe_ms = after["prompt_eval_ms"] - before["prompt_eval_ms"]
    dec_tok = after["decode_tokens"] - before["decode_tokens"]
    dec_ms = after["decode_ms"] - before["decode_ms"]
    return {"calibration_prompt_tokens": len(tokens), "calibration_decode_tokens": dec_tok,
            "prompt_eval_tok_s": pe_tok / (pe_ms / 1000), "decode_tok_s": dec_tok / (dec_ms / 1000)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-1.5b")
    parser.add_argument("--grammar", default=None, choices=["always", "retry"])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()

    started = time.perf_counter()
    backend = LocalBackend(args.model, grammar=args.grammar)
    backend._load()
    load_s = time.perf_counter() - started
    speeds = raw_speeds(backend)

    rows: list[dict] = []
    perf = [backend.perf()]

    def measure(done: int, total: int, outcome) -> None:
        """Per article, as the run goes: llama.cpp's own counters since the previous article."""
        before, after = perf[-1], backend.perf()
        perf.append(after)
        result = outcome.extraction
        evaluated = after["prompt_eval_tokens"] - before["prompt_eval_tokens"]
        decoded = after["decode_tokens"] - before["decode_tokens"]
        raw = evaluated / speeds["prompt_eval_tok_s"] + decoded / speeds["decode_tok_s"]
        records = sum(len(getattr(result.records, k)) for k in
                      ("troop_deployments", "casualty_estimates", "treaty_references"))
        wall = outcome.seconds
        rows.append({
            "article": outcome.article_id, "wall_s": wall, "calls": result.stats.attempts,
            "prompt_tokens_sent": result.stats.prompt_tokens, "prompt_tokens_evaluated": evaluated,
            "completion_tokens": result.stats.completion_tokens, "decoded_tokens": decoded,
            "decode_tok_s_effective": decoded / wall if wall else 0.0, "raw_llama_s": raw,
            "ratio": wall / raw if raw else None, "records": records,
            "completion_tokens_per_record": result.stats.completion_tokens / records if records else None,
        })

    with tempfile.TemporaryDirectory() as cache:
        os.environ["SUMMARIZER_CACHE"] = cache
        # One cold pass (it also fills the response cache), then the warm re-run.
        cold = summarize_paths([args.seeds], model=backend, out_dir=None, brief=False,
                               on_article=measure)
        assert not cold.failed, [o.error for o in cold.failed]
        # Cold = model load + the five articles (the speed calibration above is left out).
        cold_s = load_s + sum(r["wall_s"] for r in rows)
        t0 = time.perf_counter()
        report = summarize_paths([args.seeds], model=backend, out_dir=None, brief=False)
        warm_s = time.perf_counter() - t0
        assert all(o.cached for o in report.outcomes)

    total_wall = sum(r["wall_s"] for r in rows)
    total_raw = sum(r["raw_llama_s"] for r in rows)
    results = {
        "model": backend.model_id, "grammar": backend.grammar, "cpu_count": os.cpu_count(),
        "model_load_s": load_s, **speeds, "articles": rows,
        "pipeline_wall_s": total_wall, "raw_llama_s": total_raw, "ratio": total_wall / total_raw,
        "seeds_cold_s": cold_s, "warm_rerun_s": warm_s,
        "prompt_tokens_sent": sum(r["prompt_tokens_sent"] for r in rows),
        "prompt_tokens_evaluated": sum(r["prompt_tokens_evaluated"] for r in rows),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"model {results['model']} (grammar={results['grammar']}), load {load_s:.1f}s, "
          f"raw prompt eval {speeds['prompt_eval_tok_s']:.0f} tok/s, decode {speeds['decode_tok_s']:.1f} tok/s")
    print(f"{'article':24} {'wall s':>7} {'sent':>6} {'evald':>6} {'out':>5} {'tok/s':>6} {'raw s':>6} {'ratio':>6}")
    for r in rows:
        print(f"{r['article'][:24]:24} {r['wall_s']:7.1f} {r['prompt_tokens_sent']:6d} "
              f"{r['prompt_tokens_evaluated']:6d} {r['completion_tokens']:5d} "
              f"{r['decode_tok_s_effective']:6.1f} {r['raw_llama_s']:6.1f} {r['ratio']:6.2f}")
    print(f"total: pipeline {total_wall:.1f}s vs raw llama.cpp {total_raw:.1f}s -> ratio {results['ratio']:.2f}; "
          f"seeds cold (load included) {cold_s:.1f}s; warm re-run {warm_s:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
