"""How the story comparison and the store scale with the number of articles in a story.

Synthetic analyses in the contract's shape (no NLP): each article mentions actors drawn from a
shared pool (a few popular, many rare) and carries quotes drawn from a shared pool, trimmed at
random, plus quotes of its own. Prints seconds per step; never part of the test run.

    .venv/bin/python bench/compare_scale.py            # 3, 30, 100, 300 articles
    .venv/bin/python bench/compare_scale.py 1000       # chosen sizes
    .venv/bin/python bench/compare_scale.py --page 500 # the Compare PAGE in a browser
    .venv/bin/python bench/compare_scale.py --sql 5000 # the page's tables, SQL path vs pandas
    .venv/bin/python bench/compare_scale.py --sql 5000 --synthetic

``--sql N`` saves N articles generated from the dev stories as ``--page`` does (with
``--synthetic``: ``make_story``'s, from ``PAGE_OUTLETS`` outlets) in a temporary SQLite store,
one with a saved correction, and times what the Compare page computes for that large story
before it is cached: ``ui.story_tables.load_story_counts`` + ``compare_story_counts`` (GROUP
BY in the database), on a fresh Store (cold) and once more, beside the in-memory path (every
analysis loaded, ``compare_story``). The load average is printed with it.

``--page N`` times the dashboard's Compare page (Playwright, Debian Chromium) for a story of N
stored articles generated from the dev stories (``../shared/eval/stories/*.raw.txt``, analysed
once with the real pipeline): each generated article is one dev article's analysis with some
actors and quotes left out and its outlet drawn from a fixed set, saved in a temporary SQLite
store. A Streamlit server is started on that store; the first load (cold: the story's tables
are computed) is printed, then the median of 5 loads of the share link on the warm server, each
in a new tab (a new Streamlit session; the browser's cache keeps Streamlit's scripts): from
navigation until the page's run is over and the open tab's chart (the coverage matrix) is
drawn, measured in the page (from the navigation's start to the first animation frame after the
run is over with the chart drawn, on the browser's clock) and, beside it, on Playwright's wall clock
(which adds its own round trips and polling). Then, in each of those tabs, the time to switch to the Stance and Quotes tabs (click until
that tab's chart is drawn) is printed too. The same is printed for a story of 3 of the
articles: the fixed cost of loading any page on this machine.
"""
from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.compare import compare_story, story_to_json  # noqa: E402
from analysis.store import Store  # noqa: E402

SYLLABLES = ["ka", "lo", "mer", "tin", "sa", "vor", "el", "dun", "ri", "po", "ash", "ben"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def make_story(n_articles: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    actors = [(" ".join(word(rng).title() for _ in range(2)), rng.choice(["PERSON", "ORG", "GPE"]))
              for _ in range(max(40, n_articles * 2))]
    quote_pool = [" ".join(word(rng) for _ in range(rng.randint(6, 30))) for _ in range(200)]
    story = []
    for i in range(n_articles):
        chosen = rng.sample(actors[:15], 8) + rng.sample(actors[15:], 12)
        quotes = []
        for _ in range(12):
            words = rng.choice(quote_pool).split()
            a, b = rng.randint(0, 2), len(words) - rng.randint(0, 2)
            quotes.append(" ".join(words[a:b]))
        quotes += [" ".join(word(rng) for _ in range(rng.randint(5, 20))) for _ in range(6)]
        text = " ".join(quotes) + " " + " ".join(word(rng) for _ in range(600))
        story.append({
            "id": f"a{i}", "source": f"Outlet {i % max(3, n_articles // 2)}", "title": None,
            "text": text, "removed": [], "entities": [],
            "actors": [{"name": n, "type": t, "aliases": [n], "mentions": rng.randint(1, 9),
                        "sentiment": round(rng.uniform(-1, 1), 3), "label": "neutral",
                        "evidence": [{"start": 0, "end": 40, "polarity": 0.1}]}
                       for n, t in chosen],
            "quotes": [{"start": 0, "end": len(q), "text": q,
                        "speaker": rng.choice(chosen)[0] if rng.random() < 0.8 else None,
                        "speaker_text": None, "kind": "direct"} for q in quotes],
            "sentiment": {"polarity": round(rng.uniform(-0.3, 0.3), 3), "subjectivity": 0.4},
            "model": "bench", "version": "bench"})
    return story


def timed(label: str, fn):
    t = time.perf_counter()
    out = fn()
    print(f"  {label:<34} {time.perf_counter() - t:8.3f} s")
    return out


def main(sizes: list[int]) -> None:
    for n in sizes:
        story = make_story(n)
        print(f"{n} articles, {sum(len(a['quotes']) for a in story)} quotes, "
              f"{len({a['source'] for a in story})} outlets")
        tables = timed("compare_story", lambda: compare_story(story))
        timed("story_to_json", lambda: story_to_json(story))
        print(f"  {'shared quotes found':<34} {len(tables['shared_quotes']):8d}")
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(f"sqlite:///{tmp}/bench.db")
            sid = store.create_story("bench")
            timed("store: save all articles", lambda: [store.save_article(a, story_id=sid)
                                                       for a in story])
            bulk = store.create_story("bulk")
            timed("store: save_articles (bulk)", lambda: store.save_articles(story, story_id=bulk))
            timed("store: story_analyses", lambda: store.story_analyses(sid))
            timed("store: outlet_actor_counts (SQL)", lambda: store.outlet_actor_counts(sid))
            store.dispose()


PAGE_OUTLETS = 8
PAGE_LOADS = 5


def time_sql_path(n_articles: int, synthetic: bool = False) -> None:
    from analysis.compare import PooledCounts, build_coverage_from_story_counts, \
        compare_story_counts
    from ui.story_tables import load_story_counts, story_rows
    if synthetic:
        story = make_story(n_articles)
        for i, a in enumerate(story):
            a["source"] = f"Outlet {chr(65 + i % PAGE_OUTLETS)}"
    else:
        story = story_from_dev(n_articles)
    print(f"{n_articles} {'synthetic' if synthetic else 'dev-story'} articles, "
          f"{sum(len(a['quotes']) for a in story)} quotes, "
          f"{len({a['source'] for a in story})} outlets")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store(url)
        sid = store.create_story("bench")
        timed("store: save_articles (bulk)", lambda: store.save_articles(story, story_id=sid))
        if story[0]["actors"]:
            rename = {"kind": "rename", "old": story[0]["actors"][0]["name"], "new": "Renamed"}
            store.update_edits(store.get_story(sid).article_ids[0], {"edits": [rename]})
        store.dispose()
        for run in ("cold", "again"):
            store = Store(url)
            print(f"  load average {os.getloadavg()[0]:.2f}")
            t = time.perf_counter()
            parts, _, _ = timed(f"SQL ({run}): load_story_counts",
                                lambda: load_story_counts(store, sid))
            pooled = PooledCounts(parts)
            tables = timed(f"SQL ({run}): compare_story_counts",
                           lambda: compare_story_counts(pooled))
            build_coverage_from_story_counts(pooled)
            print(f"  {'SQL (' + run + '): total':<34} {time.perf_counter() - t:8.3f} s")
            store.dispose()
        print(f"  {'shared / unique quotes shown':<34} {len(tables['shared_quotes']):8d} "
              f"/ {len(tables['unique_quotes'])}")
        store = Store(url)
        print(f"  load average {os.getloadavg()[0]:.2f}")
        t = time.perf_counter()
        rows, _ = timed("pandas path: story_rows", lambda: story_rows(store, sid))
        timed("pandas path: compare_story", lambda: compare_story(rows))
        print(f"  {'pandas path: total':<34} {time.perf_counter() - t:8.3f} s")
        store.dispose()


def story_from_dev(n_articles: int, seed: int = 11) -> list[dict]:
    """``n_articles`` analyses derived from the dev stories' real analyses (see module doc)."""
    from analysis import analyze_many
    from analysis.model import Article
    folder = ROOT.parent / "shared" / "eval" / "stories"
    files = sorted(folder.glob("*.raw.txt"))
    if not files:
        raise SystemExit(f"no dev stories under {folder}")
    t = time.perf_counter()
    base = [a.to_dict() for a in analyze_many(
        [Article(text=f.read_text(encoding="utf-8"), name=f.name) for f in files])]
    print(f"  analysed {len(base)} dev articles      {time.perf_counter() - t:8.3f} s")
    rng = random.Random(seed)
    story = []
    for i in range(n_articles):
        row = json.loads(json.dumps(base[i % len(base)]))
        row["actors"] = [x for x in row["actors"] if rng.random() > 0.25]
        row["quotes"] = [q for q in row["quotes"] if rng.random() > 0.25]
        row["text"] += f"\n\n(Edition {i})"          # a distinct text: its own analysis row
        row["id"] = f"dev{i}"
        row["source"] = f"Outlet {chr(65 + i % PAGE_OUTLETS)}"
        row["title"] = f"{row.get('title') or files[i % len(files)].stem} ({i})"
        story.append(row)
    return story


def time_compare_page(n_articles: int) -> None:
    from playwright.sync_api import sync_playwright

    from analysis.store import ENV_VAR
    sys.path.insert(0, str(ROOT / "tests"))        # tests/conftest.py imports shared_paths
    from tests.e2e.conftest import launch_chromium
    from tests.e2e.dashboard_server import free_port, start_server, stop_server

    print(f"Compare page, {n_articles} stored articles from the dev stories")
    story = story_from_dev(n_articles)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store(url)
        big = store.create_story(f"Dev stories x{n_articles}")
        timed("store: save_articles (bulk)", lambda: store.save_articles(story, story_id=big))
        # The same page for a story of 3 of those articles: the fixed cost of any page load.
        small = store.create_story("Dev stories x3", store.get_story(big).article_ids[:3])
        store.dispose()
        before = os.environ.get(ENV_VAR)
        os.environ[ENV_VAR] = url
        try:
            proc = start_server(free_port(), Path(tmp) / "streamlit.log")
        finally:
            os.environ.pop(ENV_VAR) if before is None else os.environ.update({ENV_VAR: before})
        port = proc.args[proc.args.index("--server.port") + 1]
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p)
                # One browser context (its HTTP cache keeps Streamlit's scripts, as an analyst's
                # browser does); every load is a new tab, so a new Streamlit session.
                context = browser.new_context(viewport={"width": 1440, "height": 1000})

                chart = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
                # in the page: ms from the navigation's start until the run is over and the
                # chart is drawn (the first animation frame after both hold)
                context.add_init_script("""(() => {
                  const done = () => [...document.querySelectorAll('h2')].some(
                      h => h.textContent.includes('Download'))
                    && !document.querySelector('[data-testid="stStatusWidget"]')
                    && document.querySelector("%s");
                  const obs = new MutationObserver(() => {
                    if (window.__plShown === undefined && done()) {
                      window.__plShown = null;
                      requestAnimationFrame(() => { window.__plShown = performance.now(); });
                      obs.disconnect();
                    }
                  });
                  obs.observe(document, {subtree: true, childList: true, attributes: true});
                })();""" % chart)
                idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"

                def switch(page, tab: str, heading: str) -> float:
                    t = time.perf_counter()
                    page.get_by_role("tab", name=tab).click()
                    page.get_by_role("heading", name=heading).wait_for()
                    page.locator(chart).first.wait_for()
                    page.wait_for_function(idle)
                    return time.perf_counter() - t

                def load(story_id: str) -> tuple[float, float, float, float, float]:
                    """Seconds until every table is shown and the run is over, until the
                    open tab's chart is drawn too (Vega renders in the browser), the same in
                    the page, then the seconds to switch to the Stance tab and to Quotes."""
                    page = context.new_page()
                    page.set_default_timeout(300_000)
                    t = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{port}/compare?story={story_id}")
                    page.get_by_role("heading", name="Download").wait_for()
                    page.wait_for_function(idle)
                    shown = time.perf_counter() - t
                    page.locator(chart).first.wait_for()
                    drawn = time.perf_counter() - t
                    page.wait_for_function("() => window.__plShown > 0")
                    in_page = page.evaluate("() => window.__plShown") / 1000
                    stance = switch(page, "Stance", "How each outlet treats the actors they share")
                    quotes = switch(page, "Quotes", "Who gets quoted")
                    page.close()
                    return shown, drawn, in_page, stance, quotes

                for label, sid in ((f"{n_articles} articles", big), ("3 articles", small)):
                    shown, drawn, in_page, _, _ = load(sid)
                    print(f"  {label}: first load (cold)  tables {shown:6.2f} s, "
                          f"chart drawn {drawn:6.2f} s (in the page {in_page:.2f} s)")
                    times = [load(sid) for _ in range(PAGE_LOADS)]
                    print(f"  {label}: warm loads, page with its chart, in the page  "
                          + "  ".join(f"{t[2]:.2f}" for t in times) + "; wall  "
                          + "  ".join(f"{t[1]:.2f}" for t in times))
                    print(f"  {label}: median of {PAGE_LOADS} warm loads: page with its chart "
                          f"{statistics.median(t[2] for t in times):5.2f} s in the page "
                          f"({statistics.median(t[1] for t in times):5.2f} s wall, tables "
                          f"{statistics.median(t[0] for t in times):5.2f} s); switch to Stance "
                          f"{statistics.median(t[3] for t in times):5.2f} s, to Quotes "
                          f"{statistics.median(t[4] for t in times):5.2f} s (wall)")
                context.close()
                browser.close()
        finally:
            stop_server(proc)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sql"]:
        sizes = [int(x) for x in sys.argv[2:] if x.isdigit()]
        time_sql_path(sizes[0] if sizes else 5000, synthetic="--synthetic" in sys.argv)
    elif sys.argv[1:2] == ["--page"]:
        time_compare_page(int(sys.argv[2]) if len(sys.argv) > 2 else 500)
    else:
        main([int(x) for x in sys.argv[1:]] or [3, 30, 100, 300])
