"""Corpus-scale analysis: articles stream in, contract rows stream out, in input order.

Why a module of its own: a corpus does not fit in memory, and the work can run on three
engines that must give the same rows:

- ``local_rows(items, n_process=1)``: one process, or spaCy's worker processes
  (``nlp.pipe(n_process=N)`` inside :func:`analysis.pipeline.analyze_many`);
- ``dask_rows(items, client)``: a Dask distributed cluster (a local one or a scheduler with
  workers on several machines). Articles go out in partitions, a bounded number at a time; each
  worker loads the spaCy pipeline once (:class:`PipelinePlugin`); a partition whose worker dies is
  recomputed, one that keeps failing after its retries is redone article by article, and the
  articles that still fail come back as error rows: nothing is silently dropped.

Both take ``Article | IngestError`` items (as :func:`iter_inputs` reads them) and yield the
contract's JSON rows (``Analysis.to_dict()``, or ``{"id", "error"}`` for an input that could not
be read or analysed). :class:`RowWriter` writes them as JSON Lines or Parquet, :func:`read_rows`
reads them back, and :func:`import_rows` saves them in the store (SQLite, or the PostgreSQL that
``PRESSLENS_DATABASE_URL`` names and every analyst's dashboard reads).
"""
from __future__ import annotations

import json
import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path

from .ingest import IngestError, read_path
from .model import Article

# nlp.pipe batch size with several spaCy processes: spaCy deals whole batches to its workers in
# turn, so with the usual 64 a corpus of 64 articles or fewer would all go to one worker.
MULTIPROCESS_BATCH_SIZE = 16
# Articles per Dask task: big enough that nlp.pipe batches well and the per-task overhead
# (a few ms) vanishes, small enough that a lost worker costs little work to redo.
PARTITION_SIZE = 16
# Tasks in flight (submitted, running or finished but not yet written) per worker thread: a
# bound on memory, and enough to keep every worker busy. Rows leave in input order, so finished
# partitions wait behind a slow one and still count: with 2 per thread a worker idled ~18% of a
# 64-article run (bench/batch.py: 10.0 s), with 6 it does not (8.5 s).
TASKS_PER_THREAD = 6
# Times a partition is retried after an error before its articles become error rows.
RETRIES = 2
# LocalCluster options: no dashboard, and the scheduler's HTTP endpoints (health, metrics) on
# any free port rather than 8787, which another cluster on the machine may hold.
NO_DASHBOARD = {"dashboard_address": ":0"}
# Analysed once by each Dask worker as it starts (PipelinePlugin): a person, an organisation, a
# country, a quotation with its speaker, evaluative words.
WARM_UP_TEXT = ("Mayor Ann Lee of Leeds praised the new bridge on Monday. \"It is a triumph for the "
                "city,\" Lee said. Critics at the Transport Union called the plan wasteful, and "
                "the United Kingdom's government declined to comment.")
# Dask settings for the local cluster's workers. No dashboard here, so the statistical profiler
# (stack samples every 10 ms, about 15% of a worker's CPU on this workload) would only cost time.
# And no MALLOC_TRIM_THRESHOLD_ (Dask's nanny sets 64 KiB to hand memory back to the OS sooner):
# a fixed threshold turns off glibc's dynamic one, so spaCy's many short-lived arrays above it are
# mapped and unmapped each time; the same articles took 9% more CPU (twice the system time) in
# one process with it set. Memory stays bounded by the partitions in flight (bench/batch.py).
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                       "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
# Longest exception text quoted in an error row (spaCy's messages run to paragraphs).
MAX_REASON_CHARS = 200
# Rows per Parquet row group: bounded memory while writing, few enough groups to read fast.
PARQUET_ROW_GROUP = 256
# Parquet columns holding plain strings; every other field is stored as JSON text (see RowWriter).
PARQUET_TEXT_FIELDS = ("id", "error", "source", "title", "url", "text", "model", "version")
PARQUET_JSON_FIELDS = ("removed", "actors", "entities", "quotes", "sentiment")


# ---------------------------------------------------------------- inputs and rows

def iter_inputs(paths: Iterable[str]) -> Iterator[Article | IngestError]:
    """Every article under ``paths`` (files, folders walked in sorted order, ``-``), lazily.

    Folders are walked one file at a time, so at most one file's articles (at most
    ``ingest.MAX_FILE_BYTES``) are in memory, however large the corpus.
    """
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            for child in sorted(c for c in p.rglob("*") if c.is_file() and not c.name.startswith(".")):
                yield from read_path(child)
        else:
            yield from read_path(path)


def with_source(items: Iterable[Article | IngestError], source: str | None
                ) -> Iterator[Article | IngestError]:
    """Give ``source`` to every article that has none (the CLI's ``--source``)."""
    for item in items:
        if source and isinstance(item, Article) and not item.source:
            item = replace(item, source=source)
        yield item


def error_row(err: IngestError) -> dict:
    """The contract's row for an input that could not be read or analysed."""
    return {"id": err.name or None, "error": str(err)}


def is_error_row(row: dict) -> bool:
    return "error" in row


def _row(result) -> dict:
    return error_row(result) if isinstance(result, IngestError) else result.to_dict()


# ---------------------------------------------------------------- one machine

def local_rows(items: Iterable[Article | IngestError], *, n_process: int = 1,
               batch_size: int | None = None) -> Iterator[dict]:
    """Contract rows for ``items`` in input order, analysed here (``n_process`` spaCy processes).

    Streams: ``analyze_many`` pulls articles as spaCy needs them (spaCy keeps about two batches
    per process in flight); error items wait in a queue only as long as the articles read before
    them are being analysed.
    """
    from .pipeline import analyze_many
    from .nlp import BATCH_SIZE

    waiting: deque[dict | None] = deque()   # ready error rows, and None for an article in work

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                waiting.append(error_row(item))
            else:
                waiting.append(None)
                yield item

    if batch_size is None:
        batch_size = BATCH_SIZE if n_process <= 1 else MULTIPROCESS_BATCH_SIZE
    results = analyze_many(articles(), n_process=max(1, n_process), batch_size=batch_size,
                           errors="return")
    for result in results:
        while waiting[0] is not None:
            yield waiting.popleft()
        waiting.popleft()
        yield _row(result)
    yield from waiting          # error items after the last article


# ---------------------------------------------------------------- Dask

def _expected_pipeline() -> tuple[str, str]:
    from . import __version__
    from .nlp import MODEL_NAME
    return MODEL_NAME, __version__


def analyze_partition(articles: list[Article], expected: tuple[str, str] | None = None) -> list[dict]:
    """Run on a Dask worker: contract rows for one partition of articles, in order.

    ``expected`` is the client's (spaCy model, presslens version): a worker set up differently
    would give different rows, so it refuses with one clear sentence instead.
    """
    mine = _expected_pipeline()
    if expected is not None and tuple(expected) != mine:
        raise RuntimeError(f"This worker runs presslens {mine[1]} with the spaCy model {mine[0]}, "
                           f"but the client expects presslens {expected[1]} with {expected[0]}.")
    from .pipeline import analyze_many
    return [_row(r) for r in analyze_many(articles, errors="return")]


try:  # distributed is optional for the single-machine engine
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - requirements.txt installs it
    _WorkerPlugin = object


class PipelinePlugin(_WorkerPlugin):
    """Loads the spaCy pipeline once per worker process, when the worker starts.

    ``load_nlp`` caches the pipeline per process, so every partition the worker runs reuses it.
    """
    name = "presslens-pipeline"

    def setup(self, worker):
        from .nlp import load_nlp
        try:
            load_nlp()
        except RuntimeError:
            # The worker's model is not installed: its tasks will say so (analyze_partition),
            # which reaches the user as error rows; failing here would break the whole client.
            return
        # One short article through every step, so the first partition does not also pay for
        # what each step builds on first use (lexicons, the stance model, spaCy's buffers).
        from .pipeline import analyze_many
        list(analyze_many([Article(text=WARM_UP_TEXT, name="warm-up")], errors="return"))


def _partitions(items: Iterable[Article | IngestError], size: int
                ) -> Iterator[list[Article | IngestError]]:
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def _failed_rows(part: list[Article | IngestError], exc: BaseException) -> list[dict]:
    reason = " ".join(f"{type(exc).__name__}: {exc}".split()).rstrip(":")
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[:MAX_REASON_CHARS - 3].rstrip() + "..."
    return [error_row(item) if isinstance(item, IngestError) else
            {"id": item.id or item.name or None,
             "error": f"{item.name} could not be analysed on the Dask cluster ({reason})."}
            for item in part]


def _one_by_one(client, part: list[Article | IngestError], expected: tuple[str, str]) -> list[dict]:
    """Rows of a partition that failed as a whole: each article alone, so that one article
    that breaks the pipeline (or a worker) costs only its own row, which becomes an error row."""
    articles = [i for i in part if isinstance(i, Article)]
    futures = client.map(analyze_partition, [[a] for a in articles], expected=expected,
                         retries=0, pure=False)
    rows = []
    for article, future in zip(articles, futures):
        try:
            rows.extend(future.result())
        except Exception as exc:  # noqa: BLE001 - this article's own failure
            rows.extend(_failed_rows([article], exc))
        future.release()
    return _merge(part, rows)


def _merge(part: list[Article | IngestError], rows: list[dict]) -> list[dict]:
    """Put the worker's rows back between the partition's error items."""
    analysed = iter(rows)
    return [error_row(item) if isinstance(item, IngestError) else next(analysed) for item in part]


def dask_rows(items: Iterable[Article | IngestError], client, *,
              partition_size: int = PARTITION_SIZE, max_in_flight: int | None = None,
              retries: int = RETRIES,
              on_failure: Callable[[int, BaseException], None] | None = None) -> Iterator[dict]:
    """Contract rows for ``items`` in input order, analysed on the Dask cluster of ``client``.

    At most ``max_in_flight`` partitions (default: ``TASKS_PER_THREAD`` per worker thread) are
    submitted or held for writing at any time, so memory stays bounded on both sides. A task
    whose worker dies is recomputed by the scheduler; a task that raises is retried ``retries``
    times; if it still fails, ``on_failure(partition_number, exc)`` is called and its articles
    are analysed one per task: those that still fail come back as error rows, never dropped.
    """
    from distributed import as_completed

    client.register_plugin(PipelinePlugin())
    if max_in_flight is None:
        max_in_flight = TASKS_PER_THREAD * max(1, sum(client.nthreads().values()))
    max_in_flight = max(1, max_in_flight)
    expected = _expected_pipeline()
    parts = enumerate(_partitions(items, max(1, partition_size)))
    held: dict[int, list[Article | IngestError]] = {}   # partition number -> its items
    done: dict[int, list[dict]] = {}                     # finished, waiting for their turn
    pending = as_completed()
    numbers: dict[str, int] = {}                         # task key -> partition number
    next_out = 0
    exhausted = False

    def fill() -> None:
        nonlocal exhausted
        while not exhausted and len(held) < max_in_flight:
            try:
                n, part = next(parts)
            except StopIteration:
                exhausted = True
                return
            held[n] = part
            articles = [i for i in part if isinstance(i, Article)]
            if not articles:
                done[n] = _merge(part, [])
                continue
            future = client.submit(analyze_partition, articles, expected, retries=retries,
                                   pure=False, key=f"presslens-partition-{n}-{os.urandom(4).hex()}")
            numbers[future.key] = n
            pending.add(future)

    def drain() -> Iterator[dict]:
        nonlocal next_out
        while next_out in done:
            rows = done.pop(next_out)
            del held[next_out]
            next_out += 1
            yield from rows

    fill()
    try:
        while held:
            yield from drain()
            fill()
            if not held or next_out in done:
                continue
            future = next(pending)
            n = numbers.pop(future.key)
            try:
                done[n] = _merge(held[n], future.result())
            except Exception as exc:  # noqa: BLE001 - reported, then salvaged article by article
                if on_failure is not None:
                    on_failure(n, exc)
                done[n] = _one_by_one(client, held[n], expected)
            future.release()
    finally:
        pending.clear()


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None,
                timeout: float = 30.0):
    """A Dask client: connected to ``scheduler`` (``tcp://host:8786``), else to a new local
    cluster of ``workers`` single-threaded worker processes (default: one per CPU)."""
    from distributed import Client, LocalCluster
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise ConnectionError(f"Cannot reach the Dask scheduler at {scheduler} ({exc}).") from exc
        try:
            yield client
        finally:
            client.close()
        return
    import dask
    with dask.config.set(LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None,
                               scheduler_kwargs=NO_DASHBOARD,
                               silence_logs=logging.CRITICAL)   # failures come back as error rows
    with cluster, Client(cluster) as client:
        yield client


# ---------------------------------------------------------------- output

class RowWriter:
    """Writes contract rows as they come: JSON Lines (stdout or a file), or Parquet.

    Parquet (chosen by a ``.parquet`` suffix) gets one string column per scalar field and the
    nested fields (``actors``, ``quotes`` ...) as JSON text, plus ``extra`` (JSON) for any field
    added to the contract later: the schema then never changes between row groups or versions,
    and :func:`read_rows` gives back exactly the dicts that were written.
    """

    def __init__(self, output: str | None = None):
        self.path = output
        self.parquet = bool(output) and output.lower().endswith(".parquet")
        self._buffer: list[dict] = []
        self._writer = None
        if self.parquet:
            self._out = None
        else:
            self._out = open(output, "w", encoding="utf-8") if output else sys.stdout

    def write(self, row: dict) -> None:
        if not self.parquet:
            self._out.write(json.dumps(row, ensure_ascii=False) + "\n")
            self._out.flush()
            return
        self._buffer.append(row)
        if len(self._buffer) >= PARQUET_ROW_GROUP:
            self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq
        schema = _parquet_schema()
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, schema)
        if self._buffer:
            columns = {name: [] for name in schema.names}
            for row in self._buffer:
                for name, value in _parquet_record(row).items():
                    columns[name].append(value)
            self._writer.write_table(pa.table(columns, schema=schema))
            self._buffer = []

    def close(self) -> None:
        if self.parquet:
            self._flush_parquet()
            self._writer.close()
        elif self._out is not sys.stdout:
            self._out.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _parquet_schema():
    import pyarrow as pa
    return pa.schema([(name, pa.string()) for name in
                      (*PARQUET_TEXT_FIELDS, *PARQUET_JSON_FIELDS, "extra", "keys")])


def _parquet_record(row: dict) -> dict:
    known = set(PARQUET_TEXT_FIELDS) | set(PARQUET_JSON_FIELDS)
    record = {name: (None if row.get(name) is None else str(row[name])) for name in PARQUET_TEXT_FIELDS}
    record.update({name: (json.dumps(row[name], ensure_ascii=False) if name in row else None)
                   for name in PARQUET_JSON_FIELDS})
    extra = {k: v for k, v in row.items() if k not in known}
    record["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    record["keys"] = json.dumps(list(row))      # which fields the row had, in order
    return record


def read_rows(path: str) -> Iterator[dict]:
    """The rows of a JSON Lines or Parquet file written by :class:`RowWriter`, in order."""
    if not str(path).lower().endswith(".parquet"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
        return
    import pyarrow.parquet as pq
    parquet = pq.ParquetFile(path)
    for group in range(parquet.num_row_groups):
        for record in parquet.read_row_group(group).to_pylist():
            values = {name: record[name] for name in PARQUET_TEXT_FIELDS}
            values.update({name: json.loads(record[name]) for name in PARQUET_JSON_FIELDS
                           if record[name] is not None})
            values.update(json.loads(record["extra"]) if record["extra"] else {})
            yield {key: values.get(key) for key in json.loads(record["keys"])}


# ---------------------------------------------------------------- into the store

def _article_key(text: str, source, title, url) -> tuple:
    """What makes two saved articles the same: the analysed text and the outlet metadata."""
    from .store import text_hash

    def norm(v):
        return (str(v).strip() or None) if v is not None else None
    return text_hash(str(text).replace("\x00", "\ufffd")), norm(source), norm(title), norm(url)


def import_rows(rows: Iterable[dict], store, *, story: str | None = None,
                on_error: Callable[[int, str], None] | None = None
                ) -> tuple[str | None, int, int, int]:
    """Save analysed rows in ``store`` (an ``analysis.store.Store``), in order, one at a time.

    With ``story`` the articles are added to the story of that name (created when no story has
    it); a row whose article (same text, source, title and URL) is already in that story is
    not saved again, so an import cut short (a crash, a killed process) is resumed by running
    it again. Error rows and rows the store refuses are skipped and passed to
    ``on_error(row_number, message)``. Every saved row is committed before the next one is read.
    Returns ``(story_id, imported, skipped, already_in_story)``.
    """
    story_id = None
    present: set[tuple] = set()
    if story is not None:
        wanted = " ".join(story.split())
        story_id = next((s.id for s in store.list_stories() if s.name == wanted), None) \
            or store.create_story(story)
        present = {(a.text_hash, a.source, a.title, a.url) for a in store.story_articles(story_id)}
    imported = skipped = already = 0
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or "error" in row:
            skipped += 1
            if on_error is not None:
                on_error(n, f"row {n} is an error row ({row.get('error') if isinstance(row, dict) else row!r}); "
                            f"not imported.")
            continue
        key = None
        if story_id is not None and isinstance(row.get("text"), str):
            key = _article_key(row["text"], row.get("source"), row.get("title"), row.get("url"))
            if key in present:
                already += 1
                continue
        try:
            store.save_article(row, story_id=story_id)
        except (ValueError, KeyError, TypeError) as exc:
            skipped += 1
            if on_error is not None:
                on_error(n, f"row {n} (id {row.get('id')!r}) cannot be imported: {exc}")
            continue
        imported += 1
        if key is not None:
            present.add(key)
    return story_id, imported, skipped, already
