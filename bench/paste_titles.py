"""How often the cleaner's title of a pasted page is the page's own headline.

    .venv/bin/python bench/paste_titles.py train        # pages whose title is right, of 88
    .venv/bin/python bench/paste_titles.py train -v     # also every page it gets wrong
    .venv/bin/python bench/paste_titles.py train --set paste_region

``analysis.clean`` is run on every pasted page of ``../shared/eval/cleaning/paste_page.<split>``
(a whole web page as a browser's "select all, copy" gives it; ``--set paste_region``: the
article with a few junk lines around it, where the headline is often absent) and its
``CleanResult.title`` compared with the same page's <h1>s, og:title and <title> in
``html.<split>`` (same ids). Both sides are normalised (lower case, every run of non-word
characters one space); a title is right when it equals one of them or, if longer than 15
characters, is contained in one. No title (None) counts as wrong. ``-v`` prints, for each page
not right, its id, the title chosen and the page's first <h1>.

Tune on ``train`` only: ``test`` is the held-out half, measured once at the end of a change.
The headline model (``analysis/training/train_title_model.py``) is labelled the same way.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "cleaning"
sys.path.insert(0, str(ROOT))

import analysis  # noqa: E402


def read_rows(name: str) -> list[dict]:
    with gzip.open(DATA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def normalise(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def gold_titles(html: str) -> list[str]:
    """The page's <h1>s, og:title and <title>, normalised, in that order."""
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(html)
    found = ([e.text_content() for e in doc.xpath("//h1")]
             + doc.xpath('//meta[@property="og:title"]/@content') + doc.xpath("//title/text()"))
    return [g for g in map(normalise, found) if g]


def is_right(title: str | None, golds: list[str]) -> bool:
    t = normalise(title)
    return bool(t) and any(t == g or (len(t) > 15 and t in g) for g in golds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", default="train", choices=["train", "test"])
    ap.add_argument("--set", default="paste_page", choices=["paste_page", "paste_region"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the pages not right")
    args = ap.parse_args()
    htmls = {r["id"]: r["html"] for r in read_rows(f"html.{args.split}")}
    right = total = 0
    for r in read_rows(f"{args.set}.{args.split}"):
        html = htmls.get(r["id"])
        if not html:
            continue
        golds = gold_titles(html)
        title = analysis.clean(r["pasted"]).title
        ok = is_right(title, golds)
        right += ok
        total += 1
        if args.verbose and not ok:
            print(r["id"][:8], repr(normalise(title)[:70]), "| h1:", repr(golds[0][:70]) if golds else None)
    print(f"title right {right}/{total}")


if __name__ == "__main__":
    main()
