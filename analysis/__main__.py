"""Command line: ``python -m analysis analyze|clean PATH... [-o OUT.jsonl]`` (see docs/contract),
and ``import RESULTS... [--story NAME]`` (analysed rows into the store)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack

from .ingest import IngestError
from .model import Article

PROGRESS_MIN_ARTICLES = 4


def _clean_row(article: Article) -> dict:
    from .pipeline import clean, text_id
    result = clean(article.text)
    return {"id": article.id or text_id(result.text), "source": article.source,
            "title": article.title or result.title, "text": result.text,
            "removed": [r.to_dict() for r in result.removed]}


def _clean_rows(items: Iterator[Article | IngestError]) -> Iterator[dict]:
    from .batch import error_row
    for item in items:
        yield error_row(item) if isinstance(item, IngestError) else _clean_row(item)


class _Progress:
    """A count of rows on stderr (no total: the input is streamed), shown from the
    PROGRESS_MIN_ARTICLES-th row on so that one-article runs stay quiet."""

    def __init__(self, label: str):
        self.label, self.count, self.bar = label, 0, None

    def update(self) -> None:
        self.count += 1
        if self.bar is None and self.count >= PROGRESS_MIN_ARTICLES and sys.stderr:
            from tqdm import tqdm
            self.bar = tqdm(desc=self.label, unit=" article", file=sys.stderr, initial=self.count - 1)
        if self.bar is not None:
            self.bar.update(1)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Clean and analyse news articles (JSON Lines out).")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("analyze", "full analysis, one JSON object per article"),
                           ("clean", "cleaning only (no NLP)")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="file (.txt .md .html .htm .jsonl .csv .pdf .docx .zip), folder, or - for stdin")
        p.add_argument("-o", "--output", metavar="OUT.jsonl",
                       help="write JSON Lines here instead of stdout (a .parquet name writes Parquet)")
        if name == "analyze":
            p.add_argument("--source", metavar="NAME", help="outlet name for every article that has none")
            p.add_argument("--n-process", type=int, default=1, metavar="N",
                           help="worker processes for spaCy (engine local)")
            p.add_argument("--engine", choices=("local", "dask"), default=None,
                           help="local (this machine, default) or dask (a Dask distributed cluster)")
            p.add_argument("--scheduler", metavar="ADDRESS",
                           help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (implies --engine dask); "
                                "without it --engine dask starts a local cluster")
            p.add_argument("--workers", type=int, default=None, metavar="N",
                           help="worker processes of the local Dask cluster (default: one per CPU)")
            p.add_argument("--partition-size", type=int, default=None, metavar="N",
                           help="articles per Dask task (default 16)")
            p.add_argument("--retries", type=int, default=None, metavar="N",
                           help="times a failed Dask task is retried before its articles are redone "
                                "one per task (default 2)")
    p = sub.add_parser("import", help="save analysed rows (JSON Lines or Parquet from analyze) in the store")
    p.add_argument("results", nargs="+", metavar="RESULTS",
                   help="a .jsonl or .parquet file written by `analyze`")
    p.add_argument("--story", metavar="NAME",
                   help="add the articles to the story of this name (created if there is none)")
    return parser


def _import(args) -> int:
    """``import RESULTS... [--story NAME]``: into the store that PRESSLENS_DATABASE_URL names."""
    import json
    from pathlib import Path

    from .batch import import_rows, read_rows
    from .store import Store
    for path in args.results:
        if not Path(path).is_file():
            print(f"error: {path} does not exist.", file=sys.stderr)
            return 2
    try:
        store = Store()
    except Exception as exc:  # noqa: BLE001 - any driver's error, said in one sentence
        print(f"error: cannot open the store ({type(exc).__name__}: {exc}).", file=sys.stderr)
        return 2
    imported = skipped = already = 0
    story_id = None

    def rows():
        for path in args.results:
            try:
                yield from read_rows(path)
            except (OSError, ValueError) as exc:
                print(f"error: {path} is not a JSON Lines or Parquet file of analysed rows ({exc}).",
                      file=sys.stderr)
                yield {"error": f"{path} could not be read."}

    try:
        story_id, imported, skipped, already = import_rows(
            rows(), store, story=args.story,
            on_error=lambda n, message: print(f"error: {message}", file=sys.stderr))
    except ValueError as exc:           # e.g. an empty or too long story name
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.dispose()
    print(json.dumps({"story": story_id, "imported": imported, "skipped": skipped,
                      "already_in_story": already}))
    return 1 if skipped else 0


def _check_batch_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command != "analyze":
        return
    if args.scheduler and args.engine == "local":
        parser.error("--scheduler needs --engine dask.")
    args.engine = args.engine or ("dask" if args.scheduler else "local")
    for flag in ("n_process", "workers", "partition_size"):
        value = getattr(args, flag)
        if value is not None and value < 1:
            parser.error(f"--{flag.replace('_', '-')} must be at least 1.")
    if args.retries is not None and args.retries < 0:
        parser.error("--retries cannot be negative.")
    if args.engine == "local" and any(v is not None for v in (args.workers, args.partition_size,
                                                             args.retries)):
        parser.error("--workers, --partition-size and --retries apply to --engine dask.")
    if args.engine == "dask" and args.n_process != 1:
        parser.error("--n-process applies to --engine local; use --workers for a local Dask cluster.")
    if args.scheduler and args.workers is not None:
        parser.error("--workers sizes a local cluster; a --scheduler's cluster has its own workers.")


def run(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "import":
        return _import(args)
    _check_batch_options(parser, args)

    from .batch import RowWriter, iter_inputs
    items = iter_inputs(args.paths)
    progress = _Progress(args.command)
    errors = 0
    try:
        writer = RowWriter(args.output)
    except OSError as exc:
        print(f"error: cannot write {args.output} ({exc.strerror or exc}).", file=sys.stderr)
        return 2
    try:
        with writer, ExitStack() as stack:
            if args.command == "clean":
                rows = _clean_rows(items)
            else:
                rows = _analysis_rows(args, items, stack, progress)
            for row in rows:
                if "error" in row:
                    errors += 1
                    progress.message(f"error: {row['error']}")
                writer.write(row)
                progress.update()
    except ConnectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        progress.close()
    return 1 if errors else 0


def _analysis_rows(args, items, stack: ExitStack, progress: _Progress) -> Iterator[dict]:
    from .batch import RETRIES, PARTITION_SIZE, dask_client, dask_rows, local_rows, with_source
    items = with_source(items, args.source)
    if args.engine == "local":
        return local_rows(items, n_process=args.n_process)
    client = stack.enter_context(dask_client(args.scheduler, workers=args.workers))

    def report(partition: int, exc: BaseException) -> None:
        progress.message(f"error: partition {partition} failed on the Dask cluster after its "
                         f"retries ({type(exc).__name__}: {exc}); its articles are error rows.")

    return dask_rows(items, client, partition_size=args.partition_size or PARTITION_SIZE,
                     retries=RETRIES if args.retries is None else args.retries, on_failure=report)


def main() -> None:
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
