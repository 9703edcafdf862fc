"""Command line: ``python -m analysis analyze|clean PATH... [-o OUT.jsonl]`` (see docs/contract)."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from .ingest import IngestError, read_path
from .model import Article

PROGRESS_MIN_ARTICLES = 4


def _inputs(paths: list[str]) -> Iterator[Article | IngestError]:
    for path in paths:
        yield from read_path(path)


def _error_row(err: IngestError) -> dict:
    return {"id": err.name or None, "error": str(err)}


def _clean_row(article: Article) -> dict:
    from .pipeline import clean, text_id
    result = clean(article.text)
    return {"id": article.id or text_id(result.text), "source": article.source,
            "title": article.title or result.title, "text": result.text,
            "removed": [r.to_dict() for r in result.removed]}


def _progress(total: int, label: str):
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr:
        return None
    from tqdm import tqdm
    return tqdm(total=total, desc=label, unit="article", file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Clean and analyse news articles (JSON Lines out).")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("analyze", "full analysis, one JSON object per article"),
                           ("clean", "cleaning only (no NLP)")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="file (.txt .md .html .htm .jsonl .csv .pdf .docx .zip), folder, or - for stdin")
        p.add_argument("-o", "--output", metavar="OUT.jsonl", help="write JSON Lines here instead of stdout")
        if name == "analyze":
            p.add_argument("--source", help="outlet name for every article that has none")
            p.add_argument("--n-process", type=int, default=1, help="worker processes for spaCy")
    args = parser.parse_args(argv)

    items = list(_inputs(args.paths))
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    errors = 0
    bar = _progress(len(items), args.command)
    try:
        articles = [i for i in items if isinstance(i, Article)]
        if args.command == "analyze" and articles:
            from .pipeline import analyze_many
            if args.source:
                articles = [a if a.source else Article(**{**a.__dict__, "source": args.source})
                            for a in articles]
            results = analyze_many(articles, n_process=max(1, args.n_process))
        else:
            results = iter(())
        for item in items:
            if isinstance(item, IngestError):
                errors += 1
                print(f"error: {item}", file=sys.stderr)
                row = _error_row(item)
            elif args.command == "clean":
                row = _clean_row(item)
            else:
                result = next(results)
                if isinstance(result, IngestError):
                    errors += 1
                    print(f"error: {result}", file=sys.stderr)
                    row = _error_row(result)
                else:
                    row = result.to_dict()
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
    return 1 if errors else 0


def main() -> None:
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
