"""Throughput of the batch engines on one corpus: words/s and peak memory.

    .venv/bin/python bench/batch.py [--articles 64] [--processes 2] [--engines 1,n,dask]
    .venv/bin/python bench/batch.py --articles 5000 --engines dask     # memory over a long run

Runs the same articles (the eval stories' gold bodies, then the cleaning benchmark's page
bodies) through ``local_rows`` with one process, with N spaCy processes, and through a local
Dask cluster of N single-threaded workers; checks the three give identical rows and prints
words/s, the speed-up over one process, the CPU seconds used, and the peak RSS of each process
taking part (sampled every 0.1 s: this process and its spaCy children, or each Dask worker).
On a shared machine the wall-clock speed-up says little: "busy CPUs" shows the CPU share the
run actually got, and CPU seconds the work each engine did. Model loading and
cluster start-up are timed apart from the analysis. Not part of the test run.

The data holds about 190 distinct bodies; a larger corpus repeats them, each copy with a line
of its own ("Edition k."), so the texts differ but their vocabulary mostly repeats (spaCy's
string store grows less than on 5,000 truly different articles).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

SAMPLE_EVERY_S = 0.1
MB = 1024 * 1024


def load_corpus(n: int) -> list:
    """Up to ``n`` articles: gold story bodies first, then page bodies (by id, de-duplicated)."""
    from analysis.model import Article
    articles = []
    for path in sorted((SHARED / "eval" / "stories").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles.append(Article(text=gold["body"], name=path.name))
    pages: dict[str, str] = {}
    for path in sorted((SHARED / "eval" / "cleaning").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("body"):
                    pages.setdefault(row["id"], row["body"])
    articles += [Article(text=body, name=f"page {pid}", id=f"page-{pid}")
                 for pid, body in sorted(pages.items())]
    distinct = len(articles)
    for k in range(distinct, n):
        base = articles[k % distinct]
        articles.append(Article(text=f"{base.text.rstrip()}\n\nEdition {k}.",
                                name=f"{base.name} (edition {k})", id=f"copy-{k}"))
    return articles[:n]


class PeakRSS:
    """Samples a set of processes in a thread: each one's peak RSS, the total's peak, and the CPU
    seconds they used (so that a run starved by other users of the machine shows as such)."""

    def __init__(self, pids):
        self.pids = pids                  # callable -> list of pids to sample now
        self.peak: dict[int, int] = {}
        self.peak_total = 0
        self._cpu: dict[int, tuple[float, float]] = {}   # pid -> (first, last) user+system s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil
        while not self._stop.is_set():
            total = 0
            for pid in self.pids():
                try:
                    process = psutil.Process(pid)
                    rss = process.memory_info().rss
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                cpu = times.user + times.system
                self._cpu[pid] = (self._cpu.get(pid, (cpu, cpu))[0], cpu)
                total += rss
                self.peak[pid] = max(self.peak.get(pid, 0), rss)
            self.peak_total = max(self.peak_total, total)
            self._stop.wait(SAMPLE_EVERY_S)

    @property
    def cpu_seconds(self) -> float:
        return sum(last - first for first, last in self._cpu.values())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def this_tree() -> list[int]:
    import psutil
    me = psutil.Process()
    return [me.pid] + [c.pid for c in me.children(recursive=True)]


def timed(run, pids) -> tuple[list[dict], float, PeakRSS]:
    with PeakRSS(pids) as memory:
        start = time.perf_counter()
        rows = list(run())
        seconds = time.perf_counter() - start
    return rows, seconds, memory


def time_dask(corpus, args):
    """Rows, seconds and memory of the corpus through a local Dask cluster (start-up apart)."""
    from analysis.batch import PipelinePlugin, dask_client, dask_rows
    start = time.perf_counter()
    with dask_client(workers=args.processes) as client:
        worker_pids = list(client.run(os.getpid).values())
        client.register_plugin(PipelinePlugin())
        print(f"Dask cluster start + model load on {len(worker_pids)} workers: "
              f"{time.perf_counter() - start:.1f} s", flush=True)
        return timed(lambda: dask_rows(corpus, client, partition_size=args.partition_size),
                     lambda: [os.getpid(), *worker_pids])


def report(results, words: int) -> None:
    print(f"{'engine':<22}{'seconds':>9}{'words/s':>10}{'speed-up':>10}{'CPU s':>8}{'busy CPUs':>11}"
          f"{'peak RSS/process':>18}{'peak RSS total':>16}")
    base = results[0][1]
    for name, seconds, mem in results:
        others = {pid: rss for pid, rss in mem.peak.items()
                  if not (name.startswith("Dask") and pid == os.getpid())}
        per_process = max(others.values()) / MB if others else 0
        print(f"{name:<22}{seconds:>9.1f}{words / seconds:>10.0f}{base / seconds:>9.2f}x"
              f"{mem.cpu_seconds:>8.1f}{mem.cpu_seconds / seconds:>11.2f}"
              f"{per_process:>15.0f} MB{mem.peak_total / MB:>13.0f} MB")
    print(f"load average at end: {os.getloadavg()[0]:.1f} (the machine is shared: timings are noisy)")
    print("busy CPUs = CPU seconds of the processes taking part / wall seconds: below the number of "
          "processes, other work on the machine took the rest. speed-up is against the first "
          "engine run.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=64, help="articles in the corpus (default 64)")
    parser.add_argument("--processes", type=int, default=2, help="N: spaCy processes and Dask workers")
    parser.add_argument("--partition-size", type=int, default=4, help="articles per Dask task (default 4)")
    parser.add_argument("--engines", default="1,n,dask",
                        help="which to run, comma-separated: 1 (one process), n (N spaCy "
                             "processes), dask (N Dask workers); default all three")
    args = parser.parse_args()
    engines = set(args.engines.split(","))
    if not engines <= {"1", "n", "dask"}:
        parser.error("--engines takes 1, n and/or dask")

    from analysis.batch import local_rows
    from analysis.nlp import load_nlp

    corpus = load_corpus(args.articles)
    words = sum(len(a.text.split()) for a in corpus)
    print(f"corpus: {len(corpus)} articles, {words} words; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    start = time.perf_counter()
    load_nlp()
    list(local_rows(corpus[:1]))        # warm up every step once
    print(f"model load + warm-up: {time.perf_counter() - start:.1f} s", flush=True)

    results, outputs = [], []
    if "1" in engines:
        rows, s, mem = timed(lambda: local_rows(corpus), this_tree)
        results.append(("1 process", s, mem))
        outputs.append(rows)
    if "n" in engines:
        rows, s, mem = timed(lambda: local_rows(corpus, n_process=args.processes), this_tree)
        results.append((f"{args.processes} spaCy processes", s, mem))
        outputs.append(rows)
    if "dask" in engines:
        rows, s, mem = time_dask(corpus, args)
        results.append((f"Dask, {args.processes} workers", s, mem))
        outputs.append(rows)

    if len(outputs) > 1:
        print(f"rows identical across engines: {all(o == outputs[0] for o in outputs)}")
    print(f"rows out: {[len(o) for o in outputs]}; error rows: "
          f"{[sum(1 for r in o if r.get('error')) for o in outputs]}")
    report(results, words)


if __name__ == "__main__":
    main()
