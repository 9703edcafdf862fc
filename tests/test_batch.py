"""Batch analysis: every engine gives the single-process rows, in input order, streaming.

The engines are compared with each other (never with particular NLP results: the pipeline's
steps keep improving). The Dask tests share one LocalCluster of two worker processes.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
import time
from pathlib import Path

import pytest

from shared_paths import SHARED

from analysis.batch import (NO_DASHBOARD, RowWriter, dask_client, dask_rows, iter_inputs,
                            local_rows, read_rows)
from analysis.ingest import IngestError
from analysis.model import Article

N_ARTICLES = 20
MAX_CHARS = 2500
KILL_RUN_ITEMS = 12       # enough partitions of 2 that some are still running after the first row


def _shortened(text: str) -> str:
    """The leading paragraphs of ``text``, at most MAX_CHARS long (keeps the tests quick)."""
    out = ""
    for paragraph in text.split("\n\n"):
        if out and len(out) + len(paragraph) > MAX_CHARS:
            break
        out += paragraph + "\n\n"
    return out[:MAX_CHARS]


@pytest.fixture(scope="module")
def items() -> list[Article | IngestError]:
    """20 articles (raw pastes with junk and clean page bodies) with two unreadable inputs."""
    raws = [*sorted((SHARED / "eval" / "stories").glob("*.raw.txt")),
            SHARED / "eval" / "seed" / "seed.raw.txt"]
    articles = [Article(text=p.read_text(encoding="utf-8"), name=p.name) for p in raws]
    with gzip.open(SHARED / "eval" / "cleaning" / "html.train.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if len(articles) == N_ARTICLES:
                break
            page = json.loads(line)
            articles.append(Article(text=_shortened(page["body"]), name=f"page {page['id']}",
                                    source="Zyte benchmark", id=f"page-{page['id']}"))
    articles.insert(3, IngestError("broken.txt is not text.", "broken.txt"))
    articles.append(IngestError("missing.txt does not exist.", "missing.txt"))
    return articles


@pytest.fixture(scope="module")
def reference(items, nlp) -> list[dict]:
    return list(local_rows(items))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None,
                      scheduler_kwargs=NO_DASHBOARD) as cluster, Client(cluster) as c:
        yield c


def test_single_process_rows_keep_input_order_and_error_places(items, reference):
    assert len(reference) == len(items) == N_ARTICLES + 2
    for item, row in zip(items, reference):
        if isinstance(item, IngestError):
            assert row == {"id": item.name, "error": str(item)}
        else:
            assert "error" not in row
            assert row["id"] == (item.id or row["id"])
    assert reference[-1]["id"] == "missing.txt"


def test_two_spacy_processes_give_the_single_process_rows(items, reference):
    assert list(local_rows(items, n_process=2)) == reference


def test_local_rows_stream_their_input(nlp):
    consumed = 0

    def endless():
        nonlocal consumed
        while True:
            consumed += 1
            yield Article(text=f"Mayor Ana Ruiz opened bridge number {consumed}.", name=str(consumed))

    rows = local_rows(endless())
    first = next(rows)
    rows.close()
    assert "error" not in first
    assert consumed <= 200            # one spaCy batch (64), not the whole (endless) input


def test_dask_cluster_gives_the_single_process_rows(items, reference, client):
    assert list(dask_rows(items, client, partition_size=3)) == reference


def test_dask_keeps_a_bounded_number_of_partitions_in_flight(client):
    consumed = 0

    def endless():
        nonlocal consumed
        while True:
            consumed += 1
            yield Article(text=f"Minister Joan Park visited school number {consumed}.", name=str(consumed))

    rows = dask_rows(endless(), client, partition_size=2, max_in_flight=3)
    next(rows)
    assert consumed <= 2 * 3 + 1
    rows.close()


def test_a_worker_killed_mid_run_still_yields_every_row_once(items, reference, client):
    items, reference = items[:KILL_RUN_ITEMS], reference[:KILL_RUN_ITEMS]
    rows = dask_rows(items, client, partition_size=2, max_in_flight=4, retries=2)
    out = [next(rows)]
    deadline = time.monotonic() + 60
    busy = []
    while not busy and time.monotonic() < deadline:
        busy = [addr for addr, keys in client.processing().items() if keys]
        if not busy:
            time.sleep(0.05)
    assert busy, "no partition was running after the first row"
    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
    os.kill(pid, signal.SIGKILL)
    out.extend(rows)
    assert out == reference
    ids = [r["id"] for r in out]
    assert len(ids) == len(set(ids))


def test_a_partition_that_keeps_failing_is_reported_and_no_row_is_dropped(items, client, monkeypatch):
    """Workers set up differently from the client (here: the client expects another spaCy model)
    refuse every task: after the retries and the one-article-per-task pass, each article comes
    back as an error row that says why."""
    import analysis.batch as batch
    monkeypatch.setattr(batch, "_expected_pipeline",
                        lambda: ("en_core_web_not_installed", analysis_version()))
    articles = [i for i in items if isinstance(i, Article)][:2]
    failures = []
    rows = list(dask_rows([articles[0], items[3], articles[1]], client, retries=1,
                          on_failure=lambda n, exc: failures.append(n)))
    assert failures == [0]
    assert rows[1] == {"id": items[3].name, "error": str(items[3])}
    for article, row in zip(articles, (rows[0], rows[2])):
        assert row["id"] == (article.id or article.name)
        assert article.name in row["error"] and "en_core_web_not_installed" in row["error"]


def analysis_version() -> str:
    import analysis
    return analysis.__version__


def test_cli_on_a_dask_scheduler_writes_the_local_rows_as_parquet(tmp_path, client):
    from analysis.__main__ import run
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"“We will rebuild the bridge,” Mayor Ana Ruiz said of {name}.",
                                   encoding="utf-8")
    (folder / "d.txt").write_bytes(bytes(range(256)) * 20)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.parquet"
    assert run(["analyze", str(folder), "-o", str(local), "--source", "Desk"]) == 1
    assert run(["analyze", str(folder), "-o", str(remote), "--source", "Desk",
                "--scheduler", client.scheduler.address, "--partition-size", "2"]) == 1
    local_rows_, remote_rows = list(read_rows(local)), list(read_rows(remote))
    assert remote_rows == local_rows_
    assert [("error" in r) for r in remote_rows] == [False, False, False, True]
    assert all(r["source"] == "Desk" for r in remote_rows[:3])


@pytest.mark.parametrize("argv", [
    ["--engine", "dask", "--n-process", "2"],
    ["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"],
    ["--workers", "2"],
    ["--engine", "dask", "--workers", "0"],
])
def test_contradictory_batch_options_are_bad_usage(argv, tmp_path, capsys):
    from analysis.__main__ import run
    with pytest.raises(SystemExit) as exit_:
        run(["analyze", str(tmp_path), *argv])
    assert exit_.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(ConnectionError, match="Cannot reach the Dask scheduler"):
        with dask_client("tcp://127.0.0.1:9", timeout=2):
            pass


def test_parquet_gives_back_exactly_the_rows_written(tmp_path, reference):
    rows = reference + [{"id": "x", "error": "x could not be read.", "later_field": [1, {"a": None}]}]
    path = tmp_path / "rows.parquet"
    with RowWriter(str(path)) as writer:
        for row in rows:
            writer.write(row)
    assert list(read_rows(str(path))) == rows


def test_folders_are_read_one_file_at_a_time(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    inputs = iter_inputs([str(tmp_path)])
    assert isinstance(next(inputs), Article)
    (tmp_path / "b.txt").unlink()          # not read yet: the walk is lazy
    (second,) = list(inputs)
    assert isinstance(second, IngestError) and "b.txt" in str(second)


def test_import_saves_analysed_rows_in_a_named_story_and_skips_error_rows(
        tmp_path, monkeypatch, reference, capsys):
    from analysis.__main__ import run
    from analysis.store import Store
    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("PRESSLENS_DATABASE_URL", url)
    results = tmp_path / "rows.parquet"
    with RowWriter(str(results)) as writer:
        for row in reference[:6]:                 # five analysed rows and one error row
            writer.write(row)
    assert run(["import", str(results), "--story", "Bridge  row"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] == 5 and summary["skipped"] == 1
    assert run(["import", str(results), "--story", "Bridge row"]) == 1   # same story again
    again = json.loads(capsys.readouterr().out)       # nothing saved twice: an import resumes
    assert again["imported"] == 0 and again["already_in_story"] == 5 and again["skipped"] == 1
    store = Store(url)
    try:
        (story,) = store.list_stories()
        assert story.id == summary["story"] and len(story.article_ids) == 5
        saved = [a.analysis["text"] for a in store.story_articles(story.id)]
        assert saved == [r["text"] for r in reference[:6] if "error" not in r]
    finally:
        store.dispose()


def test_import_of_a_missing_file_is_bad_usage(tmp_path, monkeypatch, capsys):
    from analysis.__main__ import run
    monkeypatch.setenv("PRESSLENS_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    assert run(["import", str(tmp_path / "nothing.jsonl")]) == 2
    assert "nothing.jsonl does not exist" in capsys.readouterr().err


def test_local_cluster_workers_keep_glibcs_dynamic_trim_threshold(monkeypatch):
    """Dask's nanny fixes MALLOC_TRIM_THRESHOLD_ at 64 KiB, which made spaCy's array churn map
    and unmap memory each time (9% more CPU per article); the local cluster unsets it."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with dask_client(workers=1) as c:
        seen = c.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]


def test_the_worker_config_file_says_what_the_local_cluster_applies():
    """README: workers started by hand read analysis/dask_config (DASK_CONFIG)."""
    import dask.config
    from analysis.batch import LOCAL_WORKER_CONFIG
    folder = Path(__file__).resolve().parent.parent / "analysis" / "dask_config"
    collected = dask.config.collect(paths=[str(folder)], env={})
    for key, value in LOCAL_WORKER_CONFIG.items():
        assert dask.config.get(key, default="missing", config=collected) == value, key
