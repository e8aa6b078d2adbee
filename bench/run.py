"""Benchmark: `summarize seeds/` on the default local model against raw llama.cpp speed.

Measures, in one run on this machine:
1. raw llama.cpp speeds on the same model (plain completions, no grammar): prompt eval of a
   long prompt and of a short tail after a cached prefix, and decode;
2. the pipeline over the seeds, cold (model load included, an empty response cache): per article
   wall time, prompt tokens sent, prompt tokens actually evaluated (the rest came from the
   KV-cache prefix), completion tokens, decode tokens/s;
3. the ratio of the pipeline's wall time to the raw llama.cpp time for the same token counts
   (each call's evaluated tokens priced at the bulk or the tail speed, by its size);
4. a warm re-run with the response cache on;
5. the dependency parser's own cost in the same run: loading the pinned spaCy pipeline and
   parsing every sentence of the seeds once, against the cold run.
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

from summarizer import grammar  # noqa: E402
from summarizer.article import Article  # noqa: E402
from summarizer.backends import BackendError  # noqa: E402
from summarizer.backends.local import LocalBackend  # noqa: E402
from summarizer.io import read_article  # noqa: E402
from summarizer.pipeline import summarize_paths  # noqa: E402

CALIBRATION = ("The committee met on a grey morning to review the harvest figures, the state of the "
               "roads and the budget for the coming year. ") * 60
TAIL = ("After a short break the chair asked each member for one question on the tables, and the "
        "clerk read them out in turn.")
# A call that evaluates at most this many new prompt tokens is a "tail" (a question after
# a cached prefix); more is a "bulk" evaluation (system text and article).
TAIL_MAX = 256


def raw_speeds(backend: LocalBackend) -> dict[str, float]:
    """llama.cpp's own speeds on this model, by plain completions on a fresh context.

    - bulk prompt eval: a ~1,500-token prompt, the length of system text and article;
    - decode: 64 tokens after it (decoding slows as the context grows);
    - tail prompt eval: a ~30-token continuation evaluated after that cached prefix. Short
      batches use the CPU less well than long ones, and most of a pipeline's calls are
      such tails, so pricing them at bulk speed would flatter the raw reference.
    """
    llama = backend._load()
    tokens = llama.tokenize(CALIBRATION.encode())
    llama.reset()
    p0 = backend.perf()
    llama.create_completion(CALIBRATION, max_tokens=64, temperature=0)
    p1 = backend.perf()
    llama.create_completion(CALIBRATION + TAIL, max_tokens=1, temperature=0)
    p2 = backend.perf()
    llama.reset()

    def rate(a: dict, b: dict, kind: str) -> float:
        return (b[f"{kind}_tokens"] - a[f"{kind}_tokens"]) / ((b[f"{kind}_ms"] - a[f"{kind}_ms"]) / 1000)

    return {"calibration_prompt_tokens": len(tokens),
            "calibration_decode_tokens": p1["decode_tokens"] - p0["decode_tokens"],
            "calibration_tail_tokens": p2["prompt_eval_tokens"] - p1["prompt_eval_tokens"],
            "prompt_eval_tok_s": rate(p0, p1, "prompt_eval"), "decode_tok_s": rate(p0, p1, "decode"),
            "tail_prompt_eval_tok_s": rate(p1, p2, "prompt_eval")}


class CallMeter:
    """llama.cpp's counters around each backend call: what each call evaluated and decoded."""

    def __init__(self, backend: LocalBackend) -> None:
        self.backend, self.calls = backend, []
        self._create = backend.create
        backend.create = self  # type: ignore[method-assign]

    def __call__(self, **kwargs):
        before = self.backend.perf()
        try:
            return self._create(**kwargs)
        finally:
            after = self.backend.perf()
            self.calls.append({k: after[k] - before[k] for k in after})

    def since(self, mark: int, speeds: dict[str, float]) -> dict[str, float]:
        """Totals of the calls after ``mark``, and their raw llama.cpp time at measured speeds."""
        calls = self.calls[mark:]
        evaluated = sum(c["prompt_eval_tokens"] for c in calls)
        tail = sum(c["prompt_eval_tokens"] for c in calls if c["prompt_eval_tokens"] <= TAIL_MAX)
        decoded = sum(c["decode_tokens"] for c in calls)
        return {
            "evaluated": evaluated, "tail": tail, "decoded": decoded,
            "raw": (evaluated - tail) / speeds["prompt_eval_tok_s"]
                   + tail / speeds["tail_prompt_eval_tok_s"] + decoded / speeds["decode_tok_s"],
            "raw_bulk": evaluated / speeds["prompt_eval_tok_s"] + decoded / speeds["decode_tok_s"],
            "llama_s": sum(c["prompt_eval_ms"] + c["decode_ms"] for c in calls) / 1000,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-1.5b")
    parser.add_argument("--grammar", default=None, choices=["always", "retry"])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()

    started = time.perf_counter()
    backend = LocalBackend(args.model, grammar=args.grammar)
    try:
        backend._load()
    except BackendError as exc:  # weights missing, or the engine crashed on this CPU
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    load_s = time.perf_counter() - started
    speeds = raw_speeds(backend)

    rows: list[dict] = []
    meter = CallMeter(backend)
    marks = [0]

    def measure(done: int, total: int, outcome) -> None:
        """Per article, as the run goes: llama.cpp's own counters over its calls."""
        work = meter.since(marks[-1], speeds)
        marks.append(len(meter.calls))
        result = outcome.extraction
        records = sum(len(getattr(result.records, k)) for k in
                      ("troop_deployments", "casualty_estimates", "treaty_references"))
        wall = outcome.seconds
        rows.append({
            "article": outcome.article_id, "wall_s": wall, "calls": result.stats.attempts,
            "prompt_tokens_sent": result.stats.prompt_tokens, "prompt_tokens_evaluated": work["evaluated"],
            "tail_tokens_evaluated": work["tail"],
            "completion_tokens": result.stats.completion_tokens, "decoded_tokens": work["decoded"],
            "decode_tok_s_effective": work["decoded"] / wall if wall else 0.0,
            "raw_llama_s": work["raw"], "ratio": wall / work["raw"] if work["raw"] else None,
            "raw_llama_bulk_s": work["raw_bulk"], "llama_compute_s": work["llama_s"],
            "records": records,
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

    # The parser, cold: a fresh load and every seed sentence parsed once (the pipeline reads
    # each sentence's parse from a cache after the first time).
    grammar._pipeline.cache_clear()
    grammar.parse.cache_clear()
    t0 = time.perf_counter()
    grammar._pipeline()
    parser_load_s = time.perf_counter() - t0
    sentences = [s.text for path in sorted(args.seeds.glob("*.txt"))
                 for s in Article.from_text(path.stem, read_article(path)).sentences]
    t0 = time.perf_counter()
    for sentence in sentences:
        grammar.parse(sentence)
    parser_parse_s = time.perf_counter() - t0

    total_wall = sum(r["wall_s"] for r in rows)
    total_raw = sum(r["raw_llama_s"] for r in rows)
    total_bulk = sum(r["raw_llama_bulk_s"] for r in rows)
    total_llama = sum(r["llama_compute_s"] for r in rows)
    results = {
        "model": backend.model_id, "grammar": backend.grammar, "cpu_count": os.cpu_count(),
        "model_load_s": load_s, **speeds, "tail_max_tokens": TAIL_MAX, "articles": rows,
        "pipeline_wall_s": total_wall, "raw_llama_s": total_raw, "ratio": total_wall / total_raw,
        # Two more references, for comparison: every prompt token at bulk speed (stricter
        # than raw llama.cpp could do on these shapes), and llama.cpp's own timers in the run.
        "raw_llama_bulk_s": total_bulk, "ratio_bulk": total_wall / total_bulk,
        "llama_compute_s": total_llama, "ratio_llama_compute": total_wall / total_llama,
        "seeds_cold_s": cold_s, "warm_rerun_s": warm_s,
        "prompt_tokens_sent": sum(r["prompt_tokens_sent"] for r in rows),
        "prompt_tokens_evaluated": sum(r["prompt_tokens_evaluated"] for r in rows),
        "tail_tokens_evaluated": sum(r["tail_tokens_evaluated"] for r in rows),
        "completion_tokens": sum(r["completion_tokens"] for r in rows),
        "parser_load_s": parser_load_s, "parser_parse_s": parser_parse_s, "parser_sentences": len(sentences),
        "parser_share_of_cold": (parser_load_s + parser_parse_s) / cold_s,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"model {results['model']} (grammar={results['grammar']}), load {load_s:.1f}s; raw llama.cpp: "
          f"prompt eval {speeds['prompt_eval_tok_s']:.0f} tok/s bulk, {speeds['tail_prompt_eval_tok_s']:.0f} tok/s "
          f"tails, decode {speeds['decode_tok_s']:.1f} tok/s")
    print(f"{'article':24} {'wall s':>7} {'sent':>6} {'evald':>6} {'tail':>5} {'out':>5} {'raw s':>6} {'ratio':>6}")
    for r in rows:
        print(f"{r['article'][:24]:24} {r['wall_s']:7.1f} {r['prompt_tokens_sent']:6d} "
              f"{r['prompt_tokens_evaluated']:6d} {r['tail_tokens_evaluated']:5d} {r['completion_tokens']:5d} "
              f"{r['raw_llama_s']:6.1f} {r['ratio']:6.2f}")
    print(f"total: pipeline {total_wall:.1f}s vs raw llama.cpp {total_raw:.1f}s -> ratio {results['ratio']:.2f} "
          f"(all prompt tokens at bulk speed: {results['ratio_bulk']:.2f}; llama.cpp's own timers in the run: "
          f"{results['ratio_llama_compute']:.2f}); seeds cold (load included) {cold_s:.1f}s; "
          f"warm re-run {warm_s:.2f}s")
    print(f"parser: load {parser_load_s:.2f}s, {len(sentences)} sentences in {parser_parse_s:.2f}s -> "
          f"{results['parser_share_of_cold']:.3f} of the cold run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
