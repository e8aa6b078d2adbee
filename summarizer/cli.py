"""The ``summarize`` command: a thin shell over ``summarizer.pipeline``; it renders, the library works."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from summarizer.backends import DEFAULT_MODEL
from summarizer.extract import strategy_names
from summarizer.pipeline import ArticleOutcome, RunError, RunReport, summarize_jsonl, summarize_paths

__all__ = ["main", "run"]

_EPILOG = f"""\
models (--model provider:model):
  local:qwen2.5-1.5b    embedded default; also local:qwen2.5-0.5b, local:gemma3-270m,
                        or local:/path/to/model.gguf
  openai:MODEL          OpenAI (OPENAI_API_KEY), or any OpenAI-compatible server with
                        --base-url / OPENAI_BASE_URL (vLLM, Ollama, llama.cpp server)
  replay:FOLDER         responses recorded earlier with --record FOLDER

evaluation: summarize eval --model A --model B ...   (see summarize eval --help)

exit status: 0 all articles written, 1 some inputs failed (others still written),
2 nothing could run (bad option, missing model weights or API key).
default model: {DEFAULT_MODEL}
"""


_COMMANDS = ("run", "eval")


def build_parser() -> argparse.ArgumentParser:
    """``summarize [run] PATH...`` (the default command) and ``summarize eval``."""
    return _parsers()[0]


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The top-level parser and its ``run`` subcommand's parser."""
    parser = argparse.ArgumentParser(
        prog="summarize", usage="summarize [run] PATH... [options] | summarize --ray [ADDRESS] PATH... [options] "
                    "| summarize eval [options]",
        description="Typed, evidence-grounded records from news articles. Commands: run (the "
                    "default: `summarize PATH...` is `summarize run PATH...`) and eval.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="{run,eval}")
    run = commands.add_parser(
        "run", prog="summarize [run]", help="extract records from articles (the default command)",
        description="Extract typed, evidence-grounded records (troop deployments, casualty "
                    "estimates with their sources, treaty references) and a short summary from "
                    "news articles. Writes OUT/<article_id>.json per article.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _run_arguments(run)
    from summarizer.evals.cli import add_arguments as eval_arguments

    evaluate = commands.add_parser(
        "eval", prog="summarize eval", help="score models against the gold datasets (the leaderboard)",
        description="Run each model over the gold datasets, score records field by field "
                    "(precision/recall/F1 per record type, Count and attribution accuracy, "
                    "grounding, invented numbers, cost) and write evals/reports/latest.{json,md,png}.")
    eval_arguments(evaluate)
    return parser, run


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files (.txt, .md, .html) or directories of them")
    parser.add_argument("--jsonl", metavar="IN.jsonl", default=None,
                        help='stream articles from JSONL ({"id": ..., "text": ...} per line) and append '
                             "records to OUT/records.jsonl; resumable: ids already there are skipped")
    parser.add_argument("--concurrency", "-j", type=int, default=1,
                        help="parallel requests for remote models (default: %(default)s)")
    parser.add_argument("--model", "-m", default=os.environ.get("SUMMARIZER_MODEL", DEFAULT_MODEL),
                        help="provider:model to use (default: %(default)s)")
    parser.add_argument("--base-url", default=None,
                        help="OpenAI-compatible server URL for openai: models")
    parser.add_argument("--out", "-o", default="out", help="output directory (default: %(default)s)")
    parser.add_argument("--strategy", choices=strategy_names(), default=None,
                        help="how to ask the model: cited (small local models, default for local) "
                             "or single (one call per article, default for openai:)")
    parser.add_argument("--record", metavar="FOLDER", default=None,
                        help="also store every model response in FOLDER for replay:FOLDER")
    parser.add_argument("--no-cache", action="store_true",
                        help="ask the model again even if this article was extracted before with the "
                             "same model, prompts, schema and strategy")
    parser.add_argument("--no-brief", action="store_true",
                        help="do not write OUT/brief.{json,md,html} (the claims across articles, "
                             "their disagreements and a timeline)")
    parser.add_argument("--brief-opening", choices=("template", "model"), default="template",
                        help="who writes the brief's opening sentences: a template (default) or "
                             "the model, held to the claims' figures")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or table")
    scale = parser.add_argument_group("Ray (the 'scale' extra)")
    scale.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                       help="run on Ray Data: a local Ray when no address is given, else a cluster "
                            "(auto, HOST:6379, ray://HOST:10001); also writes OUT/records.parquet; "
                            "resumable: articles already in OUT are skipped")
    scale.add_argument("--actors", type=int, default=1,
                       help="Ray actors, each with its own model copy or pool client (default: %(default)s)")
    scale.add_argument("--threads-per-worker", type=int, default=1,
                       help="threads (and CPUs) per actor for a local: model (default: %(default)s)")
    scale.add_argument("--table", choices=("parquet", "jsonl"), default="parquet",
                       help="format of OUT/records.* in a Ray run (default: %(default)s)")


def _table(report: RunReport) -> Table:
    table = Table(title=f"summarize · {escape(report.model_id)}", title_justify="left")
    for name, justify in (("article", "left"), ("deploy", "right"), ("casualty", "right"),
                          ("treaty", "right"), ("tokens in/out", "right"), ("s", "right"),
                          ("status", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for o in report.outcomes:
        if o.extraction is None:
            table.add_row(escape(o.article_id or o.path), "", "", "", "", f"{o.seconds:.1f}",
                          "[red]failed[/red]")
            continue
        r, st = o.extraction.records, o.extraction.stats
        status = "cached" if o.cached else "ok"
        status = status if not o.extraction.warnings else f"[yellow]{len(o.extraction.warnings)} warning(s)[/yellow]"
        table.add_row(escape(o.article_id or ""), str(len(r.troop_deployments)), str(len(r.casualty_estimates)),
                      str(len(r.treaty_references)), f"{st.prompt_tokens}/{st.completion_tokens}",
                      f"{o.seconds:.1f}", status)
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (without the program name); returns the exit status."""
    argv = list(argv) if argv is not None else sys.argv[1:]
    if not argv or (argv[0] not in _COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["run", *argv]  # `summarize PATH...` is `summarize run PATH...`
    parser, run_parser = _parsers()
    args = parser.parse_args(argv)
    if args.command == "eval":
        from summarizer.evals.cli import run_eval

        return run_eval(args)
    # instructor logs every failed attempt at ERROR; the CLI reports outcomes itself.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    out, err = Console(), Console(stderr=True)
    show = not args.quiet

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True, disable=not show)
    task = progress.add_task("extracting", total=None)

    def on_article(done: int, total: int, outcome: ArticleOutcome) -> None:
        # Paths, ids and messages are untrusted text: escape them so "[...]" is shown, not parsed.
        progress.update(task, completed=done, total=total,
                        description=f"extracting ({escape(outcome.article_id or outcome.path)})")
        if outcome.error:
            progress.console.print(f"[red]error[/red] {escape(outcome.error)}", highlight=False,
                                   soft_wrap=True)
        elif outcome.extraction is not None:
            for warning in outcome.extraction.warnings:
                progress.console.print(f"[yellow]warning[/yellow] {escape(outcome.article_id or '')}: "
                                       f"{escape(warning)}", highlight=False, soft_wrap=True)

    if not args.paths and not args.jsonl and not args.ray:
        run_parser.error("give PATH... or --jsonl IN.jsonl")
    try:
        with progress:
            if args.ray is not None:
                report = _run_on_ray(args, on_article)
            elif args.jsonl:
                report = summarize_jsonl(args.jsonl, Path(args.out) / "records.jsonl", model=args.model,
                                         strategy=args.strategy, base_url=args.base_url,
                                         concurrency=args.concurrency, use_cache=not args.no_cache,
                                         on_article=on_article)
            else:
                report = summarize_paths(args.paths, model=args.model, out_dir=args.out,
                                         strategy=args.strategy, base_url=args.base_url,
                                         record=args.record, use_cache=not args.no_cache,
                                         on_article=on_article, brief=not args.no_brief,
                                         brief_opening=args.brief_opening)
    except RunError as exc:
        err.print(f"summarize: {escape(str(exc))}", highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        err.print("summarize: interrupted; files already written are complete", highlight=False)
        return 130
    if show:
        out.print(_table(report))
        out.print(f"{len(report.succeeded)} written to {args.out}/, {len(report.failed)} failed",
                  highlight=False)
    if report.brief_error:
        err.print(f"[red]error[/red] {escape(report.brief_error)}", highlight=False, soft_wrap=True)
    elif report.brief is not None and show:
        out.print(f"brief: {args.out}/brief.html (claims: {len(report.brief.claims)}, "
                  f"disagreements: {len(report.brief.disagreements)})", highlight=False)
    return 1 if report.failed or report.brief_error else 0


def _run_on_ray(args: argparse.Namespace, on_article: Callable[..., None]) -> RunReport:
    """``summarize --ray [ADDRESS] PATH...``: the same run on Ray Data (``summarizer.scale``)."""
    from summarizer.scale import looks_like_ray_address, require_ray, summarize_dataset

    require_ray()  # imports ray.data, which sets up its loggers: the CLI reports outcomes itself
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    if args.record:
        raise RunError("--record is not supported with --ray (record with a sequential run)")
    paths, address = list(args.paths), args.ray or None
    if address is not None and not looks_like_ray_address(address):
        paths, address = [address, *paths], None  # `--ray PATH`: no address given
    return summarize_dataset(paths + ([args.jsonl] if args.jsonl else []), model=args.model,
                             out=args.out, address=address, actors=args.actors,
                             threads_per_worker=args.threads_per_worker, strategy=args.strategy,
                             base_url=args.base_url, use_cache=not args.no_cache, table=args.table,
                             brief=not args.no_brief, brief_opening=args.brief_opening,
                             on_article=on_article)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
