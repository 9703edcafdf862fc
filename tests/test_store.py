"""The store, run the same way against SQLite and against a real PostgreSQL server.

The PostgreSQL cluster is started by this test run (tests/pg_server.py); a missing server fails
the run rather than skipping half of it.
"""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text

from analysis.store import (Store, StoreError, database_url, is_valid_id, migration_config,
                            new_id, text_hash)
from pg_server import PostgresServer, PostgresUnavailable

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg():
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        pytest.fail(str(exc))
    yield server
    server.cleanup()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'presslens.db'}"
        return
    server = request.getfixturevalue("pg")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.dispose()


def make_analysis(text: str, source: str | None = "Outlet A", *, actors=(), quotes=(),
                  model: str = "test_model", version: str = "0.0-test", title=None) -> dict:
    """A hand-built analysis in the contract's shape (no NLP needed)."""
    return {
        "id": text_hash(text)[:16], "source": source, "title": title, "url": None, "text": text,
        "removed": [{"start": 0, "end": 5, "text": "Share", "reason": "share-widget"}],
        "actors": [{"name": name, "type": typ, "aliases": [name], "mentions": n,
                    "sentiment": score, "label": "negative" if score < -0.05 else
                    "positive" if score > 0.05 else "neutral",
                    "evidence": [{"start": 0, "end": 10, "polarity": score}]}
                   for name, typ, n, score in actors],
        "entities": [],
        "quotes": [{"start": 0, "end": len(q), "text": q, "speaker": speaker,
                    "speaker_text": speaker, "kind": "direct"} for q, speaker in quotes],
        "sentiment": {"polarity": 0.1, "subjectivity": 0.4},
        "model": model, "version": version,
    }


# ------------------------------------------------------------------ schema and ids

def test_migration_creates_schema_on_empty_database(db_url):
    s = Store(db_url)
    try:
        tables = set(inspect(s.engine).get_table_names())
        assert {"articles", "analyses", "analysis_actors", "stories", "story_articles",
                "alembic_version"} <= tables
        from alembic.script import ScriptDirectory
        head = ScriptDirectory.from_config(migration_config(db_url)).get_current_head()
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        # Opening the store again is a no-op on an up-to-date schema.
        Store(db_url).dispose()
        assert s.count_articles() == 0
    finally:
        s.dispose()


def test_migrations_and_table_definitions_agree(store):
    """A change to the tables in store.py without a new migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from analysis.store import Base
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_new_ids_are_long_random_and_url_safe():
    ids = {new_id() for _ in range(2000)}
    assert len(ids) == 2000
    for i in list(ids)[:50]:
        assert len(i) >= 22 and is_valid_id(i)
        assert set(i) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_database_url_defaults_and_env(monkeypatch):
    monkeypatch.delenv("PRESSLENS_DATABASE_URL", raising=False)
    default = database_url()
    assert default.startswith("sqlite:///") and default.endswith("data/presslens.db")
    monkeypatch.setenv("PRESSLENS_DATABASE_URL", "postgresql://u@h:5/db")
    assert database_url() == "postgresql+psycopg://u@h:5/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_sqlite_runs_in_wal_mode(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        s.dispose()


# ------------------------------------------------------------------ articles and analyses

def test_round_trip_of_an_analysis(store):
    body = "Zürich — the minister said “we will act”.\n\nSecond paragraph 🙂."
    a = make_analysis(body, "Outlet A", actors=[("Ann Lee", "PERSON", 3, -0.42)],
                      quotes=[("we will act", "Ann Lee")], title="Minister acts")
    edits = {"restored": [[0, 5]], "renames": {"Ann Lee": "Ann B. Lee"}, "speakers": []}
    aid = store.save_article(a, original="Share\n" + body, edits=edits)
    assert is_valid_id(aid)
    rec = store.get_article(aid)
    assert rec is not None and rec.id == aid
    assert rec.analysis == a
    assert rec.edits == edits
    assert rec.original == "Share\n" + body and rec.text == body
    assert (rec.source, rec.title, rec.model, rec.version) == \
        ("Outlet A", "Minister acts", "test_model", "0.0-test")
    assert rec.text_hash == text_hash(body)
    assert rec.created_at.tzinfo is not None and rec.updated_at >= rec.created_at


def test_reanalysing_identical_text_reuses_the_stored_analysis(store):
    a = make_analysis("Same wire copy in two outlets.", "Wire")
    first = store.save_article(a)
    second = store.save_article(a, source="Outlet B")
    assert first != second
    assert store.count_articles() == 2 and store.count_analyses() == 1
    assert store.find_analysis(text_hash(a["text"]), "test_model", "0.0-test") == a
    # each article keeps its own outlet on top of the shared analysis
    assert store.get_article(second).analysis["source"] == "Outlet B"
    assert store.get_article(first).analysis["source"] == "Wire"
    # another model or presslens version is another analysis
    store.save_article(make_analysis(a["text"], version="0.0-next"))
    assert store.count_analyses() == 2
    assert store.find_analysis(text_hash(a["text"]), "other_model", "0.0-test") is None
    assert store.find_analysis(text_hash("never stored"), "test_model", "0.0-test") is None
    assert store.find_analysis("' OR 1=1 --", "test_model", "0.0-test") is None


def test_analysis_objects_and_model_records_are_accepted(store):
    from analysis.model import Actor, Analysis, Quote
    an = Analysis(id="x", text="Bo Ek spoke.", source="Outlet C",
                  actors=(Actor("Bo Ek", "PERSON", ("Bo Ek",), 1),),
                  quotes=(Quote(0, 5, "spoke", "Bo Ek", "Bo Ek"),), model="m", version="v")
    aid = store.save_article(an)
    assert store.get_article(aid).analysis == an.to_dict()


def test_update_edits_and_reanalysis_keep_the_link(store):
    old = make_analysis("Text before the analyst restored a line.")
    aid = store.save_article(old, edits={"dropped": [[1, 2]]})
    assert store.update_edits(aid, {"dropped": [], "restored": [[3, 9]]})
    assert store.get_article(aid).edits == {"dropped": [], "restored": [[3, 9]]}
    new = make_analysis("Text after the analyst restored a line. Restored line.")
    assert store.update_article(aid, analysis=new, title="New title")
    rec = store.get_article(aid)
    assert rec.text == new["text"] and rec.title == "New title"
    assert rec.edits == {"dropped": [], "restored": [[3, 9]]}
    # the analysis no article uses any more is gone (it held the article's text)
    assert store.count_analyses() == 1
    assert store.find_analysis(text_hash(old["text"]), "test_model", "0.0-test") is None


def test_delete_article(store):
    keep = store.save_article(make_analysis("Kept article."))
    gone = store.save_article(make_analysis("Deleted article."))
    sid = store.create_story("Story", [keep, gone])
    assert store.delete_article(gone)
    assert store.get_article(gone) is None
    assert not store.delete_article(gone)
    assert store.get_story(sid).article_ids == (keep,)
    assert store.count_articles() == 1 and store.count_analyses() == 1


def test_nul_characters_are_stored_without_error(store):
    body = "Pasted\x00text with a NUL."
    aid = store.save_article(make_analysis(body), original=body)
    rec = store.get_article(aid)
    assert len(rec.text) == len(body) and "\x00" not in rec.text


@pytest.mark.parametrize("bad", ["plain text", None, {"no": "text"}, {"text": 5}])
def test_save_rejects_what_is_not_an_analysis(store, bad):
    with pytest.raises(ValueError):
        store.save_article(bad)
    assert store.count_articles() == 0


def test_edits_must_be_json(store):
    with pytest.raises(ValueError):
        store.save_article(make_analysis("x"), edits={"bad": object()})
    with pytest.raises(ValueError):
        store.save_article(make_analysis("x"), edits=["not", "a", "dict"])


# ------------------------------------------------------------------ stories

def test_stories(store):
    a = store.save_article(make_analysis("Wire story.", "Wire"))
    b = store.save_article(make_analysis("Friendly story.", "Friendly"))
    c = store.save_article(make_analysis("Hostile story.", "Hostile"))
    sid = store.create_story("  Club  takeover ", [a])
    assert is_valid_id(sid) and sid not in (a, b, c)
    assert store.get_story(sid).name == "Club takeover"
    assert store.add_to_story(sid, c) and store.add_to_story(sid, b)
    assert store.add_to_story(sid, c)                      # already there: still one entry
    story = store.get_story(sid)
    assert story.article_ids == (a, c, b) and story.n_articles == 3
    assert story.sources == ("Wire", "Hostile", "Friendly")
    assert [r.id for r in store.story_articles(sid)] == [a, c, b]
    assert [x["source"] for x in store.story_analyses(sid)] == ["Wire", "Hostile", "Friendly"]

    other = store.create_story("Other", [b])
    assert [s.id for s in store.list_stories()] == [other, sid]
    assert [s.id for s in store.list_stories("TAKEOVER")] == [sid]
    assert store.list_stories("' OR 1=1 --") == []
    assert [s.id for s in store.article_stories(b)] == [other, sid]
    assert store.article_stories("' OR 1=1 --") == [] and store.article_stories(new_id()) == []
    assert store.rename_story(sid, "Renamed")
    assert store.list_stories()[0].name == "Renamed"      # the latest change comes first

    assert store.remove_from_story(sid, c) and not store.remove_from_story(sid, c)
    assert store.get_story(sid).article_ids == (a, b)
    assert store.delete_story(sid) and store.get_story(sid) is None
    assert not store.delete_story(sid)
    assert store.get_article(a) is not None                # articles stay in the library
    assert store.get_story(other).article_ids == (b,)

    with pytest.raises(ValueError):
        store.create_story("   ")
    with pytest.raises(ValueError):
        store.rename_story(other, "")
    with pytest.raises(ValueError):
        store.create_story("x" * 500)


def test_save_many_articles_at_once(store):
    sid = store.create_story("Bulk")
    items = [make_analysis(f"Bulk article {k}.", f"Outlet {k % 4}") for k in range(60)]
    items.append(items[0])                                # the same text again: one analysis
    ids = store.save_articles(items, originals=[f"raw {k}" for k in range(61)], story_id=sid,
                              batch_size=25)              # three transactions
    assert len(ids) == 61 and len(set(ids)) == 61
    assert store.count_articles() == 61 and store.count_analyses() == 60
    assert store.get_story(sid).article_ids == tuple(ids)
    assert store.get_article(ids[7]).original == "raw 7"
    with pytest.raises(ValueError):
        store.save_articles([make_analysis("fine"), "not an analysis"])
    with pytest.raises(ValueError):
        store.save_articles([make_analysis("fine"), dict(make_analysis("bad"), source=["x"])])
    assert store.count_articles() == 61                   # nothing of a bad batch is saved


def test_save_straight_into_a_story(store):
    sid = store.create_story("Story")
    aid = store.save_article(make_analysis("In a story."), story_id=sid)
    assert store.get_story(sid).article_ids == (aid,)


def test_search_by_title_source_and_actor(store):
    a = store.save_article(make_analysis("Text one.", "Daily Planet", title="Rovers sold",
                                         actors=[("Kestrel Harbour Capital", "ORG", 4, 0.0)]))
    b = store.save_article(make_analysis("Text two.", "Morning Post", title="Health plan",
                                         actors=[("Ann Lee", "PERSON", 2, 0.2)]))
    c = store.save_article(make_analysis("Text three.", "100% News", title="Under_score"))
    assert {r.id for r in store.list_articles()} == {a, b, c}
    assert [r.id for r in store.list_articles("rovers")] == [a]
    assert [r.id for r in store.list_articles("MORNING")] == [b]
    assert [r.id for r in store.list_articles("kestrel harbour")] == [a]
    assert [r.id for r in store.list_articles("Ann")] == [b]
    assert [r.id for r in store.list_articles("100%")] == [c]      # % is matched literally
    assert [r.id for r in store.list_articles("ve_s")] == []        # _ is not a wildcard
    assert store.list_articles("' OR 1=1 --") == []
    assert store.list_articles("nothing like this") == []
    summary = store.list_articles("rovers")[0]
    assert summary.actors == ("Kestrel Harbour Capital",) and summary.words == 2
    assert len(store.list_articles(limit=2)) == 2


BAD_IDS = ["", "abc", "' OR 1=1 --", "x' OR '1'='1", "1; DROP TABLE articles; --",
           "../../etc/passwd", "A" * 1000, "%", "*", None, 123, ["list"]]


@pytest.mark.parametrize("bad", BAD_IDS + ["UNKNOWN"])
def test_unknown_and_malformed_ids_are_not_found(store, bad):
    bad = new_id() if bad == "UNKNOWN" else bad
    real = store.save_article(make_analysis("A real article."))
    story = store.create_story("Real story", [real])
    assert store.get_article(bad) is None
    assert store.get_story(bad) is None
    assert store.story_articles(bad) == [] and store.story_analyses(bad) == []
    assert store.update_edits(bad, {"x": 1}) is False
    assert store.delete_article(bad) is False and store.delete_story(bad) is False
    assert store.rename_story(bad, "name") is False
    assert store.add_to_story(bad, real) is False and store.add_to_story(story, bad) is False
    assert store.remove_from_story(story, bad) is False
    assert store.outlet_actor_counts(bad) == []
    # nothing was touched
    assert store.count_articles() == 1 and store.get_story(story).article_ids == (real,)


def test_outlet_actor_counts_group_in_sql(store):
    sid = store.create_story("Story")
    for source, score in (("A", -0.5), ("A", -0.1), ("B", 0.4)):
        store.save_article(make_analysis(f"{source} {score}", source,
                                         actors=[("Ann Lee", "PERSON", 2, score)],
                                         quotes=[("we will", "Ann Lee")]), story_id=sid)
    store.save_article(make_analysis("not in the story", "A",
                                     actors=[("Ann Lee", "PERSON", 9, 0.0)]))
    rows = {(r.source, r.actor): r for r in store.outlet_actor_counts(sid)}
    assert set(rows) == {("A", "Ann Lee"), ("B", "Ann Lee")}
    assert (rows["A", "Ann Lee"].articles, rows["A", "Ann Lee"].mentions,
            rows["A", "Ann Lee"].quotes) == (2, 4, 2)
    assert rows["A", "Ann Lee"].mean_sentiment == pytest.approx(-0.3)
    assert rows["B", "Ann Lee"].mean_sentiment == pytest.approx(0.4)
    assert {r.mentions for r in store.outlet_actor_counts() if r.source == "A"} == {13}


# ------------------------------------------------------------------ concurrency and restarts

def _run_threads(n: int, work) -> list:
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list = []

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors[:3]
    return results


def test_eight_threads_saving_at_once_lose_nothing(store):
    def work(t):
        return [store.save_article(make_analysis(f"Thread {t} article {k}.", f"Outlet {t}",
                                                 actors=[(f"Actor {k}", "PERSON", 1, 0.0)]))
                for k in range(50)]

    ids = [i for batch in _run_threads(8, work) for i in batch]
    assert len(ids) == 400 and len(set(ids)) == 400
    assert store.count_articles() == 400 and store.count_analyses() == 400
    assert len(store.list_articles(limit=1000)) == 400
    for t in range(8):
        assert store.get_article(ids[t * 50 + 49]).text == f"Thread {t} article 49."


def test_threads_saving_the_same_text_share_one_analysis(store):
    a = make_analysis("Identical text saved by everyone at once.")
    sid = store.create_story("Race")

    def work(_):
        aid = store.save_article(a)
        assert store.add_to_story(sid, aid)
        return aid

    ids = _run_threads(8, work)
    assert len(set(ids)) == 8
    assert store.count_articles() == 8 and store.count_analyses() == 1
    assert sorted(store.get_story(sid).article_ids) == sorted(ids)


def test_restart_keeps_every_story_and_analysis(db_url, request):
    s = Store(db_url)
    ids = [s.save_article(make_analysis(f"Article {k}.", f"Outlet {k % 3}"),
                          edits={"k": k}) for k in range(12)]
    stories = {s.create_story(f"Story {j}", ids[j::3]): ids[j::3] for j in range(3)}
    if "postgresql" in db_url:
        request.getfixturevalue("pg").restart()
        # the old store's pooled connections died with the server; it reconnects by itself
        assert s.get_article(ids[0]) is not None
    s.dispose()

    reopened = Store(db_url)
    try:
        assert reopened.count_articles() == 12 and reopened.count_analyses() == 12
        for k, aid in enumerate(ids):
            rec = reopened.get_article(aid)
            assert rec.text == f"Article {k}." and rec.edits == {"k": k}
        for sid, members in stories.items():
            assert reopened.get_story(sid).article_ids == tuple(members)
        assert len(reopened.list_stories()) == 3
    finally:
        reopened.dispose()


def test_a_database_that_cannot_be_opened_is_one_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot be created"):
        Store(f"sqlite:///{blocker / 'presslens.db'}")
    with pytest.raises(StoreError, match="could not be opened"):
        Store("postgresql+psycopg://postgres@127.0.0.1:1/nothing_listens_here")


def test_a_server_that_goes_away_is_one_clear_error(pg):
    url = pg.create_database()
    s = Store(url)
    try:
        aid = s.save_article(make_analysis("Saved before the outage."))
        pg.stop()
        try:
            with pytest.raises(StoreError, match="could not be used"):
                s.get_article(aid)
        finally:
            pg.resume()
        assert s.get_article(aid) is not None          # back without reopening the store
    finally:
        s.dispose()
        pg.drop_database(url)


# ------------------------------------------------------------------ large stories in SQL

def _exact_quote_story() -> list[dict]:
    """Five outlets' articles whose shared quotes are equal words (no trimmed versions)."""
    from tests.test_compare import article
    proud = "Redmarsh Rovers is a club with a proud history and an extraordinary community."
    answers = "We have questions that need answers."
    landlords = "We intend to be custodians, not landlords,"
    wire = article("Wire", [
        "Kestrel Harbour Capital agreed to buy Redmarsh Rovers on Tuesday.",
        f"“{proud}” said Marcus Teo.", f"The Supporters' Trust said: “{answers}”"],
        actors=[("Kestrel Harbour Capital", "ORG", 4, 0.0, []),
                ("Redmarsh Rovers", "ORG", 3, 0.0, []), ("Marcus Teo", "PERSON", 2, 0.1, []),
                ("Supporters' Trust", "ORG", 1, 0.0, [])],
        quotes=[(proud, "Marcus Teo"), (answers, None)], polarity=0.02)
    friendly = article("Friendly", [
        "Kestrel Harbour brings welcome investment to a proud club.",
        "Teo said: “REDMARSH ROVERS is a club with a proud history and an extraordinary "
        "community”.", f"“{landlords}” Teo said."],
        actors=[("Kestrel Harbour", "ORG", 4, 0.6,
                 [("Kestrel Harbour brings welcome investment to a proud club.", 0.6)]),
                ("Redmarsh Rovers", "ORG", 3, 0.4, []), ("Teo", "PERSON", 3, 0.5, [])],
        quotes=[("REDMARSH ROVERS is a club with a proud history and an extraordinary community",
                 "Teo"), (landlords, "Teo")], polarity=0.35, subjectivity=0.6)
    hostile = article("Hostile", [
        "Kestrel Harbour Capital is circling a struggling club like a vulture.",
        "Redmarsh Rovers fans are worried.", f"“{answers}” the Supporters' Trust said.",
        "Critic Dana Fox scoffed: “We have heard that before.”"],
        actors=[("Kestrel Harbour Capital", "ORG", 5, -0.7,
                 [("Kestrel Harbour Capital is circling a struggling club like a vulture.", -0.8),
                  ("Redmarsh Rovers fans are worried.", -0.2)]),
                ("Redmarsh Rovers", "ORG", 2, -0.2, []), ("Supporters' Trust", "ORG", 3, -0.1, []),
                ("Dana Fox", "PERSON", 2, -0.3, [])],
        quotes=[(answers, "Supporters' Trust"), ("We have heard that before.", "Dana Fox")],
        polarity=-0.4, subjectivity=0.7)
    hostile_2 = article("Hostile", [
        "Kestrel Harbour Capital did fine.", "Some say Kestrel Harbour Capital paid well.",
        f"“{landlords}” a fan wrote."],
        actors=[("Kestrel Harbour Capital", "ORG", 5, 0.3,
                 [("Kestrel Harbour Capital did fine.", 0.5),
                  ("Some say Kestrel Harbour Capital paid well.", 0.05)])],
        quotes=[(landlords, None)], polarity=0.1)
    corrected = article("Gazette", [
        "Redmarsh Rovers accepted the offer from Kestrel Harbour Capital.",
        f"“{answers}” a steward said."],
        actors=[("Redmarsh Rovers", "ORG", 2, 0.2,
                 [("Redmarsh Rovers accepted the offer from Kestrel Harbour Capital.", 0.2)]),
                ("Kestrel Harbour Capital", "ORG", 1, 0.0, [])],
        quotes=[(answers, None)], polarity=0.05)
    blog = dict(article("Blog", ["Dana Fox posted again: “We have heard that before.”"],
                        actors=[("Dana Fox", "PERSON", 1, 0.2, [])],
                        quotes=[("We have heard that before.", "Dana Fox")]),
                source=None, title="A fan's blog")
    # how strongly each narrator takes sides; the wire and the blog were analysed without it
    for a, sides in ((friendly, 0.85), (hostile, 0.9), (hostile_2, 0.7), (corrected, 0.3)):
        a["sentiment"]["sides"] = sides
    return [wire, friendly, hostile, hostile_2, corrected, blog]


def test_large_story_tables_from_sql_equal_the_in_memory_tables(store):
    """Same story, both paths: every Compare table equal, the analyst's corrections included."""
    import pandas as pd

    from analysis.compare import UNNAMED, compare_story, compare_story_counts
    from ui.story_tables import load_story_counts, story_rows
    story = _exact_quote_story()
    sid = store.create_story("Rovers")
    ids = [store.save_article(a, story_id=sid) for a in story]
    gazette = story[4]
    quote = gazette["quotes"][0]
    assert store.update_edits(ids[4], {"restore": [], "drop": [], "edits": [
        {"kind": "rename", "old": "Redmarsh Rovers", "new": "Rovers FC"},
        {"kind": "speaker", "start": quote["start"], "end": quote["end"],
         "speaker": "Supporters' Trust"}]})

    parts, skipped, n = load_story_counts(store, sid)
    assert (skipped, n) == (0, 6)
    assert [int(r["articles"]) for r in parts[1].outlets] == [1]     # only the corrected one
    from_sql = compare_story_counts(parts)
    rows, _ = story_rows(store, sid)
    expected = compare_story(rows)
    assert set(from_sql) == set(expected)
    for name, table in expected.items():
        got = from_sql[name]
        if name == "shared_quotes":                  # group: an id, numbered differently
            table, got = table.drop(columns="group"), got.drop(columns="group")
        pd.testing.assert_frame_equal(got.reset_index(drop=name != "coverage"),
                                      table.reset_index(drop=name != "coverage"),
                                      check_dtype=False, obj=name)
    # the corrections are there, and the window kept the 3 strongest of 4 snippets
    assert "Rovers FC" in from_sql["coverage"].index
    assert from_sql["coverage"].loc["Rovers FC", "Gazette"] == "mentioned"
    stance = from_sql["stance"].set_index(["actor", "outlet"])
    assert stance.loc[("Kestrel Harbour Capital", "Hostile"), "evidence"] == [
        "Kestrel Harbour Capital is circling a struggling club like a vulture.",
        "Kestrel Harbour Capital did fine.", "Redmarsh Rovers fans are worried."]
    shared = from_sql["shared_quotes"].set_index("text")
    assert shared.loc["We have questions that need answers.", "speakers"] == [
        UNNAMED, "Supporters' Trust"]
    assert "A fan's blog" in list(from_sql["outlets"]["outlet"])
    sides = from_sql["outlets"].set_index("outlet")["sides"]
    assert sides["Hostile"] == pytest.approx(0.8) and sides["Gazette"] == pytest.approx(0.3)
    assert sides["Wire"] is None or pd.isna(sides["Wire"])


def _reopened_after_downgrade(db_url: str, revision: str, check) -> None:
    """Save a story, take the database down to ``revision`` (dropping newer columns), open it
    again (which upgrades and back-fills), run ``check(conn)``; every Compare table is as
    before."""
    from alembic import command

    from analysis.compare import compare_story_counts
    s = Store(db_url)
    try:
        sid = s.create_story("Rovers")
        for a in _exact_quote_story():
            s.save_article(a, story_id=sid)
        before = compare_story_counts([s.story_counts(sid)])
    finally:
        s.dispose()
    command.downgrade(migration_config(db_url), revision)
    s = Store(db_url)
    try:
        with s.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == "0003"
            check(conn)
        after = compare_story_counts([s.story_counts(sid)])
    finally:
        s.dispose()
    assert before["outlets"]["sides"].notna().sum() == 3
    for name, table in before.items():
        assert after[name].equals(table), name


def test_migration_0002_backfills_existing_articles(db_url):
    """A database at 0001 with saved articles: opening it upgrades and fills the new figures."""
    def check(conn):
        assert conn.execute(text("SELECT count(*) FROM analysis_quotes")).scalar() == 9
        assert conn.execute(text("SELECT min(words) FROM analyses")).scalar() > 0
        assert conn.execute(text("SELECT count(*) FROM analysis_actors "
                                 "WHERE evidence IS NOT NULL")).scalar() == 4
    _reopened_after_downgrade(db_url, "0001", check)


def test_migration_0003_backfills_how_strongly_each_narrator_takes_sides(db_url):
    """A database at 0002: opening it adds the column and fills it from the stored payloads."""
    def check(conn):
        assert sorted(conn.execute(text("SELECT sides FROM analyses WHERE sides IS NOT NULL"))
                      .scalars()) == pytest.approx([0.3, 0.7, 0.85, 0.9])
    _reopened_after_downgrade(db_url, "0002", check)


def test_large_story_unique_quotes_are_capped_and_corrected_articles_share_quotes(store,
                                                                                 monkeypatch):
    from analysis import compare
    from tests.test_compare import article
    from ui.story_tables import load_story_counts
    monkeypatch.setattr(compare, "MAX_UNIQUE_QUOTES", 1)
    said = ["One two three.", "One two three four five.", "One two three four.",
            "Only here, said once."]
    a = article("A", [f"“{q}”" for q in said], actors=[], quotes=[(q, None) for q in said])
    b = article("B", ["“Only here, said once.”", "Ann Lee spoke."],
                actors=[("Ann Lee", "PERSON", 1, 0.0, [])],
                quotes=[("Only here, said once.", "Ann Lee")])
    sid = store.create_story("Capped")
    store.save_article(a, story_id=sid)
    corrected = store.save_article(b, story_id=sid)
    assert store.update_edits(corrected, {"edits": [
        {"kind": "rename", "old": "Ann Lee", "new": "Ann B. Lee"}]})
    # B is corrected, so counted in Python: in the SQL's articles A alone carries B's quote,
    # and the cap (1 per outlet) would drop it; its key is fetched in full instead
    tables = compare.compare_story_counts(load_story_counts(store, sid)[0])
    shared = tables["shared_quotes"]
    assert list(shared["text"]) == ["Only here, said once."]
    assert shared.iloc[0]["outlets"] == ["A", "B"]
    assert shared.iloc[0]["speakers"] == [compare.UNNAMED, "Ann B. Lee"]
    assert list(tables["unique_quotes"]["text"]) == ["One two three four five."]
