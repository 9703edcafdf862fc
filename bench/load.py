"""Concurrent analysts in real browsers against one dashboard server (Debian Chromium, Playwright).

Starts ``streamlit run app.py`` on 127.0.0.1 with a temporary SQLite store, opens N browser
sessions (one Chromium, one context each: separate Streamlit sessions), gives each a DIFFERENT
article (the shared eval stories, then pasted pages from the cleaning set, each tagged with a
unique reference line), clicks Analyze in all of them at once and waits for each result.

Prints: completed, failed, median and p95 latency (click -> the session's own article shown with
its share link), peak RSS of the server process tree (from /proc), and whether any session was
shown another session's article (the check reads the whole original pane of every session).

    .venv/bin/python bench/load.py [--sessions 10] [--deadline 600]

Bounded: at most 50 sessions, every wait has a timeout, loopback only, the server is stopped at
the end. Not part of ``make test``.
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.dashboard_server import free_port, start_server, stop_server  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--disable-dev-shm-usage"]
MAX_SESSIONS = 50
MAX_ARTICLE_CHARS = 12_000       # long pasted pages are cut: the bench measures load, not size


def articles(n: int) -> list[str]:
    """n different article texts: the stories, then pasted pages, each with a unique tag line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((EVAL / "stories").glob("*.raw.txt"))]
    pages = EVAL / "cleaning" / "paste_page.test.jsonl.gz"
    if pages.exists():
        with gzip.open(pages, "rt", encoding="utf-8") as fh:
            for line in fh:
                if len(texts) >= n:
                    break
                texts.append(json.loads(line)["pasted"][:MAX_ARTICLE_CHARS])
    if len(texts) < n:
        raise SystemExit(f"only {len(texts)} articles under {EVAL}; ask for fewer sessions")
    return [f"{text.rstrip()}\n\nLoad test reference {i:03d}-{uuid.uuid4().hex[:12]}."
            for i, text in enumerate(texts[:n])]


def tag_of(text: str) -> str:
    return text.rsplit("Load test reference ", 1)[1].rstrip(".")


# ---------------------------------------------------------------- server and its memory

def tree_rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


class PeakMemory(threading.Thread):
    """Samples the server tree's RSS every 0.2 s until stopped; keeps the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopped = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self.stopped.wait(0.2)


# ---------------------------------------------------------------- sessions

async def wait_idle(page, timeout_ms: int) -> None:
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)


async def prepare(browser, url: str, text: str, timeout_ms: int):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    await page.goto(url)
    box = page.get_by_label("Article text")
    await box.wait_for()
    await wait_idle(page, timeout_ms)
    await box.fill(text)
    await box.blur()                       # commits the text (one rerun) before the clock starts
    await page.wait_for_timeout(1500)
    await wait_idle(page, timeout_ms)
    return context, page


async def analyse(page, tag: str, timeout_ms: int) -> float:
    """Seconds from the click to this session's article (with its tag) and share link shown."""
    start = time.perf_counter()
    await page.get_by_role("button", name="Analyze", exact=True).click()
    await page.wait_for_function("() => location.search.includes('article=')", timeout=timeout_ms)
    await page.locator(".pl-original", has_text=tag).wait_for(timeout=timeout_ms)
    elapsed = time.perf_counter() - start
    await wait_idle(page, timeout_ms)
    return elapsed


async def run_sessions(url: str, texts: list[str], timeout_s: float) -> dict:
    from playwright.async_api import async_playwright
    timeout_ms = int(timeout_s * 1000)
    tags = [tag_of(t) for t in texts]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # a warm-up session loads the model: the sessions measure analyses, not start-up
            context, page = await prepare(browser, url, "Warm-up. The council met on Monday.",
                                          timeout_ms)
            await page.get_by_role("button", name="Analyze", exact=True).click()
            await page.locator(".pl-original").wait_for()
            await context.close()

            prepared = await asyncio.gather(*(prepare(browser, url, t, timeout_ms) for t in texts),
                                            return_exceptions=True)
            pages = [None if isinstance(x, BaseException) else x[1] for x in prepared]
            outcomes = await asyncio.gather(
                *(analyse(pg, tag, timeout_ms) if pg is not None else asyncio.sleep(0)
                  for pg, tag in zip(pages, tags)), return_exceptions=True)
            latencies, failures, crossed, ids = [], [], [], set()
            for i, (pg, outcome) in enumerate(zip(pages, outcomes)):
                if pg is None:
                    failures.append(f"session {i}: could not open ({prepared[i]!r:.200})")
                    continue
                if isinstance(outcome, BaseException):
                    failures.append(f"session {i}: {type(outcome).__name__}: {str(outcome)[:200]}")
                    continue
                latencies.append(outcome)
                shown = await pg.locator(".pl-original").inner_text()
                sidebar = await pg.locator("[data-testid='stSidebar']").inner_text()
                others = [t for j, t in enumerate(tags) if j != i and (t in shown or t in sidebar)]
                if others or tags[i] not in shown:
                    crossed.append(f"session {i} shows {others or 'not its own article'}")
                ids.add(pg.url.rsplit("article=", 1)[-1])
            for x in prepared:
                if not isinstance(x, BaseException):
                    await x[0].close()
        finally:
            await browser.close()
    return {"latencies": latencies, "failures": failures, "crossed": crossed,
            "distinct_ids": len(ids)}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=10, help=f"1..{MAX_SESSIONS}")
    parser.add_argument("--deadline", type=float, default=600.0,
                        help="seconds any one wait may take before that session counts as failed")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    texts = articles(args.sessions)
    with tempfile.TemporaryDirectory(prefix="presslens-load-") as tmp:
        env = {**os.environ, "PYTHONUNBUFFERED": "1",
               "PRESSLENS_DATABASE_URL": f"sqlite:///{Path(tmp) / 'load.db'}"}
        env.pop("PRESSLENS_ALLOW_PRIVATE_URLS", None)
        port = free_port()
        proc = start_server(port, Path(tmp) / "streamlit.log", env=env)
        memory = PeakMemory(proc.pid)
        memory.start()
        started = time.perf_counter()
        try:
            result = asyncio.run(run_sessions(f"http://127.0.0.1:{port}/", texts, args.deadline))
        finally:
            memory.stopped.set()
            memory.join(timeout=5)
            stop_server(proc)
        wall = time.perf_counter() - started
    lat = result["latencies"]
    print(f"load: {args.sessions} concurrent browser sessions, one server "
          f"(127.0.0.1, SQLite), {os.cpu_count()} CPUs shared with other work")
    print(f"completed {len(lat)}  failed {len(result['failures'])}  wall {wall:.1f} s")
    if lat:
        print(f"latency  median {statistics.median(lat):.2f} s  p95 {percentile(lat, 0.95):.2f} s  "
              f"min {min(lat):.2f}  max {max(lat):.2f}")
    print(f"peak server RSS (process tree) {memory.peak / 2**20:.0f} MiB")
    print(f"distinct share ids {result['distinct_ids']} of {len(lat)}; "
          f"sessions shown another's article: {len(result['crossed'])}")
    for line in result["failures"] + result["crossed"]:
        print("  " + line)
    return 0 if not result["failures"] and not result["crossed"] else 1


if __name__ == "__main__":
    sys.exit(main())
