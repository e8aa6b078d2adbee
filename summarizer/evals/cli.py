"""``summarize eval``: run models over the gold sets, print and write the leaderboard, gate on baselines."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from summarizer.backends import DEFAULT_MODEL, BackendError
from summarizer.evals.report import compare, regressions, update_baselines, write_reports
from summarizer.evals.runner import HEADLINE, evaluate, load_config
from summarizer.pipeline import ArticleOutcome, RunError

__all__ = ["main"]


def _default_root() -> Path:
    cwd = Path.cwd()
    if (cwd / "evals" / "config.toml").is_file():
        return cwd
    return Path(__file__).resolve().parents[2]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarize eval",
        description="Run each model over the gold datasets, score records field by field "
                    "(precision/recall/F1 per record type, Count and attribution accuracy, "
                    "grounding, invented numbers, cost) and write evals/reports/latest.{json,md,png}.")
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``summarize eval`` (also mounted as a subcommand of ``summarize``)."""
    parser.add_argument("--model", "-m", action="append", dest="models",
                        help=f"provider:model to evaluate; repeat for a leaderboard (default: {DEFAULT_MODEL})")
    parser.add_argument("--dataset", "-d", action="append", dest="datasets",
                        help="dataset from evals/config.toml (default: all)")
    parser.add_argument("--base-url", default=None, help="OpenAI-compatible server for openai: models")
    parser.add_argument("--strategy", default=None, help="force a strategy (cited or single)")
    parser.add_argument("--root", type=Path, default=None, help="project checkout (default: auto)")
    parser.add_argument("--no-cache", action="store_true", help="ignore cached extractions")
    parser.add_argument("--record", metavar="FOLDER", default=None,
                        help="also store every model response in FOLDER (replay it with "
                             "--model replay:FOLDER); implies --no-cache")
    parser.add_argument("--update-recording", action="store_true",
                        help="with --record: answer requests already in FOLDER from it, ask the model "
                             "only the new ones, then delete responses no request used (run every "
                             "dataset the recording serves; timings then count only new requests)")
    parser.add_argument("--gate", action="store_true",
                        help="exit 1 when a gated figure falls below the committed baseline")
    parser.add_argument("--update-baseline", action="store_true",
                        help="write these results as the models' committed baselines")
    parser.add_argument("--quiet", "-q", action="store_true")


def _table(results: dict) -> Table:
    table = Table(title="leaderboard", title_justify="left")
    table.add_column("model")
    table.add_column("dataset")
    for name, _ in HEADLINE:
        table.add_column(name.replace("f1.", "F1 ").replace("_", " "), justify="right")
    for run in results["runs"]:
        cells = []
        for name, higher in HEADLINE:
            value, delta = run["metrics"].get(name), (run.get("delta") or {}).get(name)
            if value is None:
                cells.append("–")
                continue
            text = f"{value:.0f}" if name == "invented_numbers" else f"{value:.2f}"
            if delta is not None and abs(delta) >= 0.005:
                good = (delta > 0) == higher
                text += f" [{'green' if good else 'red'}]{delta:+.2f}[/]"
            cells.append(text)
        table.add_row(run["model"], run["dataset"], *cells)
    return table


def main(argv: Sequence[str]) -> int:
    """``summarize eval`` with ``argv`` (after ``eval``); returns the exit status."""
    return run_eval(build_parser().parse_args(list(argv)))


def run_eval(args: argparse.Namespace) -> int:
    """Run the evaluation the parsed options describe."""
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # outcomes are reported per article
    out, err = Console(width=max(Console().width, 200)), Console(stderr=True)  # a wide table
    root = args.root or _default_root()
    try:
        config = load_config(root)
    except FileNotFoundError:
        err.print(f"summarize eval: no evals/config.toml under {root} (use --root)", highlight=False)
        return 2

    def on_article(model: str, dataset: str, outcome: ArticleOutcome) -> None:
        if args.quiet:
            return
        state = "cached" if outcome.cached else ("failed: " + (outcome.error or "") if outcome.error
                                                 else f"{outcome.seconds:.1f}s")
        err.print(f"{model} {dataset} {outcome.article_id}: {state}", highlight=False)

    if args.update_recording and not args.record:
        err.print("summarize eval: --update-recording needs --record FOLDER", highlight=False)
        return 2
    if args.record and len(args.models or [DEFAULT_MODEL]) > 1:
        err.print("summarize eval: --record takes one --model", highlight=False)
        return 2
    try:
        results = evaluate(args.models or [DEFAULT_MODEL], config, args.datasets,
                           base_url=args.base_url, strategy=args.strategy,
                           use_cache=not args.no_cache, on_article=on_article, record=args.record,
                           update_recording=args.update_recording)
    except (BackendError, RunError) as exc:
        err.print(f"summarize eval: {exc}", highlight=False)
        return 2
    baselines = root / "evals" / "baselines"
    compare(results, baselines)
    written = write_reports(results, root / "evals" / "reports")
    out.print(_table(results))
    out.print("wrote " + ", ".join(str(p.relative_to(root)) for p in written), highlight=False)
    if args.update_baseline:
        for path in update_baselines(results, baselines):
            out.print(f"baseline updated: {path.relative_to(root)}", highlight=False)
    if args.gate:
        found = regressions(results, config.gated, config.tolerance)
        missing = [r["model"] for r in results["runs"] if r.get("baseline") is None]
        for line in found:
            err.print(f"regression: {line}", highlight=False)
        for model in sorted(set(missing)):
            err.print(f"no committed baseline for {model}", highlight=False)
        if found or missing:
            return 1
    return 0
