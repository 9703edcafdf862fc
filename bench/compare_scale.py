"""How the story comparison and the store scale with the number of articles in a story.

Synthetic analyses in the contract's shape (no NLP): each article mentions actors drawn from a
shared pool (a few popular, many rare) and carries quotes drawn from a shared pool, trimmed at
random, plus quotes of its own. Prints seconds per step; never part of the test run.

    .venv/bin/python bench/compare_scale.py            # 3, 30, 100, 300 articles
    .venv/bin/python bench/compare_scale.py 1000       # chosen sizes
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [3, 30, 100, 300])
