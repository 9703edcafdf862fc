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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import analysis  # noqa: E402
# what a page's own headline is, and when a title is it: as the title model is trained
from analysis.training.train_title_model import gold_titles, normalise  # noqa: E402
from analysis.training.train_title_model import is_title as is_right  # noqa: E402
from analysis.training.train_title_model import read_rows as _read_rows  # noqa: E402


def read_rows(name: str) -> list[dict]:
    return _read_rows(f"{name}.jsonl.gz")


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
