"""Cross-source comparison of one story: how outlets covering the same event differ.

Pure pandas over the analyses' contract JSON (``Analysis.to_dict()``, each with its ``source``),
for example ``Store.story_analyses(story_id)``. Every builder takes the list of analyses and
returns a DataFrame (empty, with the same columns, when there is nothing to show), so a page
only renders and a notebook can use the same tables. ``Analysis`` objects and store records
(anything with ``.to_dict()`` or ``.analysis``) are accepted too.

Outlets are the articles' ``source`` (several articles from one outlet are pooled), else the
title, else "Article N". Actor names are lined up across outlets with
``analysis.entities.align_story_actors`` when it exists ("Lee" in one outlet and "Ann Lee" in
another are one actor); quote speakers follow the same mapping.

Builders (``analyses`` is a list of contract dicts)::

    outlet_names(analyses)                  -> list[str]   outlets in first-seen order
    align_actors(analyses)                  -> dict[str, str]  article name -> story-wide name
    build_actor_table(analyses)             outlet, actor, type, articles, mentions, quotes,
                                            quoted_words, score, label, evidence
    build_coverage(analyses)                long: actor, type, outlet, status, mentions, quotes
    build_coverage_matrix(analyses, top=None)  actor x outlet: "quoted" | "mentioned" | "absent"
    build_coverage_from_counts(store.outlet_actor_counts(story_id), top=None)
                                            same as build_coverage, from SQL GROUP BY counts
    build_stance_table(analyses, shared_only=True)
                                            actor, type, outlet, score, label, mentions,
                                            evidence (strongest sentences first), spread
    build_stance_matrix(analyses, shared_only=True)  actor x outlet score (NaN where absent)
    build_quote_share(analyses)             outlet, speaker, quotes, words, quote_share, word_share
    build_quote_matches(analyses)           long: group, outlet, speaker, text, words, n_outlets
    build_shared_quotes(analyses)           group, text, words, n_outlets, outlets, speakers,
                                            same_speaker, variants
    build_unique_quotes(analyses)           outlet, speaker, text, words
    build_omissions(analyses, min_share=0.5)
                                            outlet, actor, type, mentioned_by, others, share,
                                            mentions_elsewhere
    build_outlet_summary(analyses)          outlet, articles, words, tone, subjectivity,
                                            tone_label, actors, quotes, quoted_words,
                                            quoted_share, sources_quoted, unnamed_quotes
    compare_story(analyses)                 -> dict of the tables above, by name
    compare_story_counts(parts)             the same tables from SQL-grouped ``StoryCounts``
                                            (``Store.story_counts`` + ``count_story`` of the
                                            corrected articles): large stories, see below
    build_coverage_from_story_counts(parts, top=None)  build_coverage from the same
    story_to_json(analyses, name=None)      -> {"story", "outlet_names", "articles",
                                                "tables": {name: [row objects]}}

Words are ``\\w+`` runs (scripts written without spaces are undercounted). A quote "appears in
several outlets" when its normalised words (case, quote marks, dashes and punctuation ignored)
are equal, one contains the other (at least ``MIN_CONTAINED_WORDS`` words), or they share a
run of at least ``MIN_OVERLAP_WORDS`` words covering ``MIN_OVERLAP_SHARE`` of the shorter one
(outlets trim quotes differently).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

import pandas as pd

from .sentiment import QUOTED_WEIGHT, stance_label

__all__ = ["PooledCounts", "StoryCounts", "align_actors", "analysis_figures", "actor_figures",
           "build_actor_table", "build_coverage", "build_coverage_from_counts",
           "build_coverage_from_story_counts", "build_coverage_matrix", "compare_story_counts",
           "count_story", "quote_figures", "quote_key", "tables_to_json",
           "build_omissions", "build_outlet_summary", "build_quote_matches",
           "build_quote_share", "build_shared_quotes", "build_stance_matrix",
           "build_stance_table", "build_unique_quotes", "compare_story", "outlet_names",
           "story_to_json"]

UNNAMED = "(unnamed)"
NEUTRAL_BAND = 0.05           # |tone| at or below this is "neutral" (TextBlob polarity)
MAX_EVIDENCE = 3              # evidence sentences kept per actor and outlet
MAX_EVIDENCE_CHARS = 400
MIN_CONTAINED_WORDS = 3       # a trimmed quote of 3+ words inside a longer one is the same quote
MIN_OVERLAP_WORDS = 4
MIN_OVERLAP_SHARE = 0.6
_SHINGLE = 3                  # candidate pairs share a run of 3 words (see MIN_CONTAINED_WORDS)
_MAX_POSTING = 400            # a 3-word run in more quotes than this is too common to block on
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTE_WORD = re.compile(r"\w+(?:'\w+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

COLUMNS = {
    "actors": ["outlet", "actor", "type", "articles", "mentions", "quotes", "quoted_words",
               "score", "label", "evidence"],
    "coverage": ["actor", "type", "outlet", "status", "mentions", "quotes"],
    "stance": ["actor", "type", "outlet", "score", "label", "mentions", "evidence", "spread"],
    "quote_share": ["outlet", "speaker", "quotes", "words", "quote_share", "word_share"],
    "quote_matches": ["group", "outlet", "speaker", "text", "words", "n_outlets"],
    "shared_quotes": ["group", "text", "words", "n_outlets", "outlets", "speakers",
                      "same_speaker", "variants"],
    "unique_quotes": ["outlet", "speaker", "text", "words"],
    "omissions": ["outlet", "actor", "type", "mentioned_by", "others", "share",
                  "mentions_elsewhere"],
    "outlets": ["outlet", "articles", "words", "tone", "subjectivity", "tone_label", "sides",
                "actors", "quotes", "quoted_words", "quoted_share", "sources_quoted",
                "unnamed_quotes"],
}


# --------------------------------------------------------------------------- inputs

def _as_dict(item: Any) -> dict:
    if isinstance(item, dict):
        return item
    if hasattr(item, "analysis") and isinstance(item.analysis, dict):
        return item.analysis
    if hasattr(item, "to_dict"):
        return item.to_dict()
    raise ValueError("Each item to compare must be an analysis (its contract JSON).")


def _dicts(analyses: Iterable[Any]) -> list[dict]:
    return [_as_dict(a) for a in analyses]


def _outlet_of(a: dict, i: int) -> str:
    for key in ("source", "title"):
        value = a.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return f"Article {i + 1}"


def outlet_names(analyses: Iterable[Any]) -> list[str]:
    """The story's outlets in first-seen order (articles of one outlet are pooled)."""
    return list(_story(analyses).outlets)


def _actors_of(a: dict) -> list[dict]:
    return [x for x in a.get("actors") or () if isinstance(x, dict) and x.get("name")]


def _quotes_of(a: dict) -> list[dict]:
    return [q for q in a.get("quotes") or () if isinstance(q, dict) and q.get("text")]


def align_actors(analyses: Iterable[Any]) -> dict[str, str]:
    """Each article actor name -> its story-wide name (``entities.align_story_actors``).

    Without that function, names are matched exactly.
    """
    dicts = _dicts(analyses)
    per_article = [[(x["name"], x.get("type") or "") for x in _actors_of(a)] for a in dicts]
    from . import entities  # the analysis package is imported anyway; looked up at call time
    if hasattr(entities, "align_story_actors"):
        mapping = dict(entities.align_story_actors(per_article))
    else:
        mapping = {}
    return {name: mapping.get(name) or name for names in per_article for name, _ in names}


def _words(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def _label(score: float) -> str:
    return "positive" if score > NEUTRAL_BAND else "negative" if score < -NEUTRAL_BAND \
        else "neutral"


def _frame(key: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS[key])


class _Story:
    """The analyses of one story with what several builders share, each computed once.

    ``compare_story`` hands one of these to every builder; a builder called on its own makes
    its own.
    """

    def __init__(self, analyses: Iterable[Any]):
        self.dicts = _dicts(analyses)

    @cached_property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(_outlet_of(a, i) for i, a in enumerate(self.dicts)))

    @cached_property
    def order(self) -> dict[str, int]:
        return {o: k for k, o in enumerate(self.outlets)}

    @cached_property
    def mapping(self) -> dict[str, str]:
        return align_actors(self.dicts)

    @cached_property
    def actor_table(self) -> pd.DataFrame:
        return _build_actor_table(self)

    @cached_property
    def quote_matches(self) -> pd.DataFrame:
        return _build_quote_matches(self)


def _story(analyses: Iterable[Any] | _Story) -> _Story:
    return analyses if isinstance(analyses, _Story) else _Story(analyses)


# --------------------------------------------------------------------------- actors

def _evidence_texts(a: dict, actor: dict) -> list[tuple[float, str]]:
    """(polarity, sentence) of the evidence that counts in the stance: a sentence that reports
    an opinion, or only names a setting or an affiliation, explains nothing about the outlet's
    stance (analysis.sentiment weighs it 0)."""
    text = a.get("text") or ""
    out = []
    for ev in actor.get("evidence") or ():
        if not isinstance(ev, dict):
            continue
        weight = ev.get("weight", 1.0)
        weight = float(weight) if isinstance(weight, (int, float)) else 1.0
        if weight <= 0 or (ev.get("quoted") and QUOTED_WEIGHT <= 0):
            continue
        snippet = ev.get("text")
        if not snippet and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            snippet = text[ev["start"]:ev["end"]]
        snippet = " ".join((snippet or "").split())
        if snippet:
            pol = ev.get("polarity")
            out.append((float(pol) if isinstance(pol, (int, float)) else 0.0,
                        snippet[:MAX_EVIDENCE_CHARS]))
    return out


def _actor_stats(st: _Story) -> dict[tuple[str, str], dict]:
    """Per (outlet, story-wide actor): pooled counts, mention-weighted stance and evidence."""
    mapping = st.mapping
    stats: dict[tuple[str, str], dict] = {}

    def slot(outlet: str, actor: str, typ: str | None) -> dict:
        s = stats.setdefault((outlet, actor), {
            "type": typ, "articles": set(), "mentions": 0, "quotes": 0, "quoted_words": 0,
            "weighted": 0.0, "weight": 0.0, "labels": [], "evidence": []})
        if not s["type"] and typ:
            s["type"] = typ
        return s

    for i, a in enumerate(st.dicts):
        outlet = _outlet_of(a, i)
        for x in _actors_of(a):
            s = slot(outlet, mapping.get(x["name"], x["name"]), x.get("type"))
            s["articles"].add(i)
            n = int(x.get("mentions") or 0)
            s["mentions"] += n
            score = x.get("sentiment")
            if isinstance(score, (int, float)) and not math.isnan(score):
                s["weighted"] += float(score) * max(n, 1)
                s["weight"] += max(n, 1)
            if x.get("label"):
                s["labels"].append(x["label"])
            s["evidence"].extend(_evidence_texts(a, x))
        for q in _quotes_of(a):
            speaker = q.get("speaker")
            if isinstance(speaker, str) and speaker:
                s = slot(outlet, mapping.get(speaker, speaker), None)
                s["articles"].add(i)
                s["quotes"] += 1
                s["quoted_words"] += _words(q["text"])
    return stats


def _score_and_label(s: dict) -> tuple[float | None, str | None]:
    if not s["weight"]:
        return None, None
    score = s["weighted"] / s["weight"]
    # One article: keep the analysis's own label (it may use a finer rule than a band).
    # Several articles: the pooled score's label by the analysis's own bands (its scores lie
    # inside their labels' bands, so a mean of agreeing articles keeps their label).
    label = s["labels"][0] if len(s["labels"]) == 1 and len(s["articles"]) == 1 \
        else stance_label(score, s["type"] or "")
    return round(score, 4), label


def build_actor_table(analyses: Iterable[Any]) -> pd.DataFrame:
    """One row per outlet and story-wide actor: mentions, quotes, stance and its evidence."""
    return _story(analyses).actor_table.copy()


def _build_actor_table(st: _Story) -> pd.DataFrame:
    stats = _actor_stats(st)
    rows = []
    for (outlet, actor), s in stats.items():
        score, label = _score_and_label(s)
        evidence = sorted(s["evidence"], key=lambda e: -abs(e[0]))[:MAX_EVIDENCE]
        rows.append({"outlet": outlet, "actor": actor, "type": s["type"],
                     "articles": len(s["articles"]), "mentions": s["mentions"],
                     "quotes": s["quotes"], "quoted_words": s["quoted_words"], "score": score,
                     "label": label, "evidence": [t for _, t in evidence]})
    rows.sort(key=lambda r: (st.order[r["outlet"]], -r["mentions"], -r["quotes"], r["actor"]))
    return _frame("actors", rows)


def _actor_order(table: pd.DataFrame) -> list[str]:
    """Actors covered by the most outlets first, then the most mentioned."""
    if table.empty:
        return []
    g = table.groupby("actor").agg(outlets=("outlet", "nunique"), mentions=("mentions", "sum"),
                                   quotes=("quotes", "sum"))
    g = g.reset_index().sort_values(["outlets", "mentions", "quotes", "actor"],
                                    ascending=[False, False, False, True])
    return list(g["actor"])


def _coverage_rows(table: pd.DataFrame, outlets: list[str], top: int | None) -> pd.DataFrame:
    """Every (actor, outlet) cell of an outlet/actor/type/mentions/quotes table, absent or not."""
    actors = _actor_order(table)[:top] if top else _actor_order(table)
    columns = [table[c].tolist() for c in ("outlet", "actor", "type", "mentions", "quotes")]
    types = dict(zip(columns[1], columns[2]))
    found = {(o, a): (int(m), int(q)) for o, a, _, m, q in zip(*columns)}
    rows = []
    for actor in actors:
        for outlet in outlets:
            mentions, quotes = found.get((outlet, actor), (None, 0))
            status = "absent" if mentions is None else "quoted" if quotes else "mentioned"
            rows.append({"actor": actor, "type": types.get(actor), "outlet": outlet,
                         "status": status, "mentions": mentions or 0, "quotes": quotes})
    return _frame("coverage", rows)


def build_coverage(analyses: Iterable[Any], *, top: int | None = None) -> pd.DataFrame:
    """Long coverage table: every actor x outlet with status quoted / mentioned / absent."""
    st = _story(analyses)
    return _coverage_rows(st.actor_table, st.outlets, top)


def build_coverage_from_counts(counts: Iterable[Any], *, top: int | None = None,
                               outlets: Sequence[str] | None = None) -> pd.DataFrame:
    """``build_coverage`` from per-outlet counts the database already grouped.

    ``counts`` are ``Store.outlet_actor_counts(story_id)`` rows (or dicts with ``source``,
    ``actor``, ``type``, ``mentions``, ``quotes``): a story of thousands of articles is
    compared without loading every analysis. Names are aligned across outlets as above.
    ``outlets`` fixes the column order (e.g. ``StoryRecord.sources``); by default it is the
    order of the counts (the store sorts them by source).
    """
    rows = [dict(c) if isinstance(c, dict) else dict(vars(c)) for c in counts]
    per_outlet: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        r["_outlet"] = " ".join(str(r.get("source") or "").split()) or "(no source)"
        per_outlet[r["_outlet"]].append((r["actor"], r.get("type") or ""))
    outlets = list(dict.fromkeys([*(outlets or ()), *per_outlet]))
    from . import entities
    mapping = dict(entities.align_story_actors(list(per_outlet.values()))) \
        if hasattr(entities, "align_story_actors") else {}
    pooled: dict[tuple[str, str], dict] = {}
    for r in rows:
        actor = mapping.get(r["actor"]) or r["actor"]
        p = pooled.setdefault((r["_outlet"], actor), {"outlet": r["_outlet"], "actor": actor,
                                                      "type": r.get("type"), "mentions": 0,
                                                      "quotes": 0})
        p["mentions"] += int(r.get("mentions") or 0)
        p["quotes"] += int(r.get("quotes") or 0)
    table = pd.DataFrame(list(pooled.values()),
                         columns=["outlet", "actor", "type", "mentions", "quotes"])
    return _coverage_rows(table, outlets, top)


def build_coverage_matrix(analyses: Iterable[Any], *, top: int | None = None) -> pd.DataFrame:
    """Actor x outlet matrix of "quoted" / "mentioned" / "absent" (index: actor).

    Actors covered by the most outlets come first; ``top`` keeps only the first N.
    """
    st = _story(analyses)
    return _coverage_matrix(build_coverage(st, top=top), st.outlets)


def _coverage_matrix(long: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    if long.empty:
        return pd.DataFrame(columns=outlets, index=pd.Index([], name="actor"), dtype=object)
    matrix = long.pivot(index="actor", columns="outlet", values="status")
    matrix = matrix.reindex(index=list(dict.fromkeys(long["actor"])), columns=outlets)
    matrix.columns.name = None
    return matrix


# --------------------------------------------------------------------------- stance

def build_stance_table(analyses: Iterable[Any], *, shared_only: bool = True) -> pd.DataFrame:
    """Stance toward each actor per outlet, with evidence; ``spread`` = max - min across outlets.

    ``shared_only`` keeps actors that two or more outlets mention (the ones worth comparing).
    Sorted by spread (largest disagreement first).
    """
    return _stance_rows(_story(analyses).actor_table, shared_only)


def _stance_rows(table: pd.DataFrame, shared_only: bool) -> pd.DataFrame:
    table = table[table["score"].notna()] if not table.empty else table
    if table.empty:
        return _frame("stance", [])
    counts = table.groupby("actor")["outlet"].nunique()
    if shared_only:
        table = table[table["actor"].map(counts) >= 2]
        if table.empty:
            return _frame("stance", [])
    scores = table.groupby("actor")["score"]
    spread = (scores.max() - scores.min()).round(4)
    out = table.assign(spread=table["actor"].map(spread))[COLUMNS["stance"]]
    order = {a: k for k, a in enumerate(_actor_order(table))}
    out = out.assign(_o=out["actor"].map(order)).sort_values(
        ["spread", "_o", "outlet"], ascending=[False, True, True], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def build_stance_matrix(analyses: Iterable[Any], *, shared_only: bool = True) -> pd.DataFrame:
    """Actor x outlet stance scores in [-1, 1] (NaN where the outlet does not mention it)."""
    st = _story(analyses)
    long = build_stance_table(st, shared_only=shared_only)
    outlets = st.outlets
    if long.empty:
        return pd.DataFrame(columns=outlets, index=pd.Index([], name="actor"), dtype=float)
    matrix = long.pivot(index="actor", columns="outlet", values="score")
    matrix = matrix.reindex(index=list(dict.fromkeys(long["actor"])), columns=outlets)
    matrix.columns.name = None
    return matrix.astype(float)


# --------------------------------------------------------------------------- quotes

def _quote_rows(st: _Story) -> list[dict]:
    mapping = st.mapping
    rows = []
    for i, a in enumerate(st.dicts):
        outlet = _outlet_of(a, i)
        for q in _quotes_of(a):
            speaker = q.get("speaker")
            speaker = mapping.get(speaker, speaker) if isinstance(speaker, str) and speaker \
                else UNNAMED
            rows.append({"outlet": outlet, "speaker": speaker, "text": " ".join(q["text"].split()),
                         "words": _words(q["text"])})
    return rows


def build_quote_share(analyses: Iterable[Any]) -> pd.DataFrame:
    """Who gets quoted by each outlet: number of quotes and quoted words, and their shares."""
    st = _story(analyses)
    rows = _quote_rows(st)
    if not rows:
        return _frame("quote_share", [])
    df = pd.DataFrame(rows).assign(quotes=1)
    return _quote_share_rows(df, st.order)


def _quote_share_rows(df: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Shares from outlet/speaker/quotes/words rows (one per quote, or already summed)."""
    g = df.groupby(["outlet", "speaker"], sort=False).agg(quotes=("quotes", "sum"),
                                                         words=("words", "sum")).reset_index()
    totals = g.groupby("outlet")[["quotes", "words"]].transform("sum")
    g["quote_share"] = (g["quotes"] / totals["quotes"]).round(4)
    g["word_share"] = (g["words"] / totals["words"].where(totals["words"] > 0)).fillna(0.0) \
        .round(4)
    g = g.assign(_o=g["outlet"].map(order), _u=g["speaker"].eq(UNNAMED)).sort_values(
        ["_o", "_u", "quotes", "words", "speaker"], ascending=[True, True, False, False, True])
    return g[COLUMNS["quote_share"]].reset_index(drop=True)


def _normalise_quote(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return tuple(_QUOTE_WORD.findall(text))


def _same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return bool(a)
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if m.size == shorter and shorter >= MIN_CONTAINED_WORDS:
        return True
    return m.size >= MIN_OVERLAP_WORDS and m.size >= MIN_OVERLAP_SHARE * shorter


def _group_quotes(tokens: list[tuple[str, ...]]) -> list[int]:
    """Group ids (union-find) for quotes that are the same words, possibly trimmed."""
    parent = list(range(len(tokens)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        keys = {t[k:k + _SHINGLE] for k in range(len(t) - _SHINGLE + 1)} if len(t) >= _SHINGLE \
            else {t} if t else set()
        for key in keys:
            postings[key].append(i)
    checked: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > _MAX_POSTING:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if (i, j) in checked or find(i) == find(j):
                    continue
                checked.add((i, j))
                if _same_quote(tokens[i], tokens[j]):
                    parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(tokens))]


def build_quote_matches(analyses: Iterable[Any]) -> pd.DataFrame:
    """Every quote with the group of identical or trimmed versions it belongs to.

    ``group`` numbers quotes that are the same words (in any outlet); ``n_outlets`` is how many
    outlets carry that quote.
    """
    return _story(analyses).quote_matches.copy()


def _build_quote_matches(st: _Story) -> pd.DataFrame:
    rows = _quote_rows(st)
    if not rows:
        return _frame("quote_matches", [])
    tokens = [_normalise_quote(r["text"]) for r in rows]
    distinct = list(dict.fromkeys(tokens))          # verbatim copies are compared once
    group_of = dict(zip(distinct, _group_quotes(distinct)))
    groups = [group_of[t] for t in tokens]
    outlets_per_group: dict[int, set[str]] = defaultdict(set)
    for r, g in zip(rows, groups):
        r["group"] = g
        outlets_per_group[g].add(r["outlet"])
    for r in rows:
        r["n_outlets"] = len(outlets_per_group[r["group"]])
    return _frame("quote_matches", rows)


def build_shared_quotes(analyses: Iterable[Any]) -> pd.DataFrame:
    """Quotes carried by two or more outlets, the most widely carried first.

    ``text`` is the longest version; ``speakers`` lists each outlet's attribution (in outlet
    order), and ``same_speaker`` is False when outlets credit the words to different people.
    """
    st = _story(analyses)
    parts: dict[int, list] = defaultdict(list)
    for r in st.quote_matches.itertuples(index=False):
        if r.n_outlets >= 2:
            parts[int(r.group)].append(r)
    rows = []
    for group, part in parts.items():
        part.sort(key=lambda r: st.order[r.outlet])
        longest = max(part, key=lambda r: r.words)
        speakers = list(dict.fromkeys(r.speaker for r in part))
        rows.append({"group": group, "text": longest.text, "words": int(longest.words),
                     "n_outlets": int(part[0].n_outlets),
                     "outlets": list(dict.fromkeys(r.outlet for r in part)),
                     "speakers": speakers, "same_speaker": len(set(speakers) - {UNNAMED}) <= 1,
                     "variants": len({r.text for r in part})})
    rows.sort(key=lambda r: (-r["n_outlets"], -r["words"], r["group"]))
    return _frame("shared_quotes", rows)


def build_unique_quotes(analyses: Iterable[Any]) -> pd.DataFrame:
    """Quotes only one outlet carries, per outlet in story order."""
    matches = _story(analyses).quote_matches
    if matches.empty:
        return _frame("unique_quotes", [])
    unique = matches[matches["n_outlets"] == 1]
    return unique[COLUMNS["unique_quotes"]].reset_index(drop=True)


# --------------------------------------------------------------------------- omissions

def build_omissions(analyses: Iterable[Any], *, min_share: float = 0.5) -> pd.DataFrame:
    """Actors an outlet leaves out although most other outlets mention them.

    A row when an outlet does not mention an actor that more than ``min_share`` of the other
    outlets do. Sorted by that share, then by how often the others mention the actor.
    """
    st = _story(analyses)
    return _omission_rows(st.actor_table, st.outlets, st.order, min_share)


def _omission_rows(table: pd.DataFrame, outlets: list[str], order: dict[str, int],
                   min_share: float) -> pd.DataFrame:
    if table.empty or len(outlets) < 2:
        return _frame("omissions", [])
    covered: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Any] = {}
    mentions: dict[str, int] = defaultdict(int)
    for outlet, actor, typ, n in zip(*(table[c].tolist() for c in ("outlet", "actor", "type",
                                                                    "mentions"))):
        covered[actor].add(outlet)
        types.setdefault(actor, typ)
        mentions[actor] += int(n)
    others = len(outlets) - 1
    rows = []
    for actor, where in covered.items():
        share = (len(where)) / others
        if share <= min_share:
            continue
        for outlet in outlets:
            if outlet not in where:
                rows.append({"outlet": outlet, "actor": actor, "type": types[actor],
                             "mentioned_by": len(where), "others": others,
                             "share": round(share, 4), "mentions_elsewhere": mentions[actor]})
    rows.sort(key=lambda r: (-r["share"], -r["mentions_elsewhere"], order[r["outlet"]],
                             r["actor"]))
    return _frame("omissions", rows)


# --------------------------------------------------------------------------- per outlet

def build_outlet_summary(analyses: Iterable[Any]) -> pd.DataFrame:
    """Per outlet: words, tone (word-weighted), how strongly it takes sides (mean over its
    articles), actors, quotes and distinct sources quoted."""
    st = _story(analyses)
    mapping = st.mapping
    acc: dict[str, dict] = {}
    for i, a in enumerate(st.dicts):
        outlet = _outlet_of(a, i)
        s = acc.setdefault(outlet, _outlet_sums())
        _add_figures(s, analysis_figures(a))
        s["actors"].update(mapping.get(x["name"], x["name"]) for x in _actors_of(a))
        for q in _quotes_of(a):
            s["quotes"] += 1
            s["quoted_words"] += _words(q["text"])
            speaker = q.get("speaker")
            if isinstance(speaker, str) and speaker:
                s["sources"].add(mapping.get(speaker, speaker))
            else:
                s["unnamed"] += 1
    return _outlet_rows(acc)


def _outlet_sums() -> dict:
    return {"articles": 0, "words": 0, "tone_sum": 0.0, "subj_sum": 0.0, "tone_weight": 0,
            "sides_sum": 0.0, "sides_n": 0, "actors": set(), "quotes": 0, "quoted_words": 0,
            "sources": set(), "unnamed": 0}


def _add_figures(sums: dict, f: dict) -> None:
    """Add one article's ``analysis_figures`` to its outlet's sums."""
    sums["articles"] += 1
    sums["words"] += f["words"]
    if f["tone_weight"]:
        sums["tone_sum"] += f["tone"] * f["tone_weight"]
        sums["subj_sum"] += f["subjectivity"] * f["tone_weight"]
        sums["tone_weight"] += f["tone_weight"]
    if f["sides"] is not None:
        sums["sides_sum"] += f["sides"]
        sums["sides_n"] += 1


def _outlet_rows(acc: dict[str, dict]) -> pd.DataFrame:
    """The per-outlet table from pooled sums (``tone_sum``/``subj_sum`` weighted by words;
    ``sides``, the mean of its articles' ``sentiment.sides``, None when none has one)."""
    rows = []
    for outlet, s in acc.items():
        tone = round(s["tone_sum"] / s["tone_weight"], 4) if s["tone_weight"] else None
        rows.append({"outlet": outlet, "articles": s["articles"], "words": s["words"],
                     "tone": tone,
                     "subjectivity": (round(s["subj_sum"] / s["tone_weight"], 4)
                                      if s["tone_weight"] else None),
                     "tone_label": None if tone is None else _label(tone),
                     "sides": (round(s["sides_sum"] / s["sides_n"], 4) if s["sides_n"]
                               else None),
                     "actors": len(s["actors"]), "quotes": s["quotes"],
                     "quoted_words": s["quoted_words"],
                     "quoted_share": (round(s["quoted_words"] / s["words"], 4)
                                      if s["words"] else 0.0),
                     "sources_quoted": len(s["sources"]), "unnamed_quotes": s["unnamed"]})
    return _frame("outlets", rows)


# --------------------------------------------------------------------------- everything

def compare_story(analyses: Sequence[Any], *, top: int | None = None) -> dict[str, pd.DataFrame]:
    """Every comparison table of a story, by name (the keys of ``story_to_json``'s tables)."""
    st = _story(analyses)
    return {
        "outlets": build_outlet_summary(st),
        "coverage": build_coverage_matrix(st, top=top),
        "stance": build_stance_table(st),
        "quote_share": build_quote_share(st),
        "shared_quotes": build_shared_quotes(st),
        "unique_quotes": build_unique_quotes(st),
        "omissions": build_omissions(st),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return _plain(value.item())            # numpy scalars
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _records(df: pd.DataFrame, index_name: str | None = None) -> list[dict]:
    if index_name:
        df = df.reset_index().rename(columns={"index": index_name})
    return [{str(k): _plain(v) for k, v in row.items()}
            for row in df.astype(object).to_dict(orient="records")]


def story_to_json(analyses: Sequence[Any], *, name: str | None = None,
                  top: int | None = None) -> dict:
    """Every table of the story as plain JSON (lists of row objects; NaN becomes null).

    ``{"story": name, "outlet_names": [...], "articles": n, "tables": {name: [rows]}}``; the
    coverage rows are ``{"actor": ..., "<outlet>": "quoted" | "mentioned" | "absent", ...}``.
    """
    st = _story(analyses)
    return tables_to_json(compare_story(st, top=top), name=name, outlets=st.outlets,
                          articles=len(st.dicts))


def tables_to_json(tables: dict[str, pd.DataFrame], *, name: str | None, outlets: list[str],
                   articles: int) -> dict:
    """``story_to_json``'s shape for tables already built (e.g. by ``compare_story_counts``)."""
    return {"story": name, "outlet_names": list(outlets), "articles": int(articles),
            "tables": {key: _records(df, "actor" if key == "coverage" else None)
                       for key, df in tables.items()}}


# --------------------------------------------------------------------------- large stories
#
# A story of thousands of articles is compared from sums the database grouped
# (``Store.story_counts``) instead of every analysis. The figures each analysis contributes
# are computed here once, at save time (``analysis_figures``, ``actor_figures``,
# ``quote_figures``), so SQL sums and Python sums (``count_story``, for the few articles with
# saved corrections) are the same numbers. Pooling partial sums of disjoint article sets is
# exact; what differs from ``compare_story``: quotes are "the same" only when their normalised
# words are equal (no trimmed-quote matching), each outlet's unique quotes are its
# ``MAX_UNIQUE_QUOTES`` longest (each once), and an actor's article count is the articles
# naming it.

MAX_UNIQUE_QUOTES = 200       # unique quotes fetched per outlet in a large story
MAX_QUOTE_CHARS = 1000        # a stored quote's display text
NO_SOURCE = "(no source)"


def quote_key(text: str) -> str:
    """sha256 of a quote's normalised words: equal for quotes ``compare_story`` finds equal.

    A hash, not the words, so that a database index holds any quote (PostgreSQL limits the size
    of an indexed value).
    """
    import hashlib
    return hashlib.sha256(" ".join(_normalise_quote(text)).encode("utf-8", "surrogatepass")) \
        .hexdigest()


def analysis_figures(a: dict) -> dict:
    """What an analysis adds to its outlet's row: words, tone and subjectivity with weights,
    and how strongly its narrator takes sides (``sentiment.sides``; None in analyses made
    before it existed or without the actor model)."""
    words = _words(a.get("text"))
    tone = a.get("sentiment") if isinstance(a.get("sentiment"), dict) else {}
    sides = tone.get("sides")
    sides = float(sides) if _is_number(sides) and math.isfinite(sides) else None
    polarity = tone.get("polarity")
    if not _is_number(polarity):
        return {"words": words, "tone": None, "subjectivity": None, "tone_weight": 0,
                "sides": sides}
    subj = tone.get("subjectivity")
    return {"words": words, "tone": float(polarity),
            "subjectivity": float(subj) if _is_number(subj) else 0.0,
            "tone_weight": max(words, 1), "sides": sides}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def actor_figures(a: dict) -> list[dict]:
    """Per actor (contract order): stance weight and its strongest ``MAX_EVIDENCE`` snippets.

    ``weight`` is max(mentions, 1) when the actor has a stance score, else 0, so a sum of
    ``sentiment * weight`` over weights is ``compare_story``'s mention-weighted stance.
    """
    out = []
    for x in _actors_of(a):
        score = x.get("sentiment")
        scored = isinstance(score, (int, float)) and not isinstance(score, bool) \
            and not math.isnan(score)
        n = int(x.get("mentions") or 0)
        evidence = sorted(_evidence_texts(a, x), key=lambda e: -abs(e[0]))[:MAX_EVIDENCE]
        out.append({"name": x["name"], "type": x.get("type") or None, "mentions": n,
                    "sentiment": float(score) if scored else 0.0,
                    "weight": max(n, 1) if scored else 0, "label": x.get("label") or None,
                    "evidence": [[p, t] for p, t in evidence],
                    "strength": max((abs(p) for p, _ in evidence), default=None)})
    return out


def quote_figures(a: dict) -> list[dict]:
    """Per quote (contract order): speaker (None: unnamed), display text, words, ``quote_key``."""
    out = []
    for k, q in enumerate(_quotes_of(a)):
        speaker = q.get("speaker")
        out.append({"ordinal": k,
                    "speaker": speaker if isinstance(speaker, str) and speaker else None,
                    "text": " ".join(q["text"].split())[:MAX_QUOTE_CHARS],
                    "words": _words(q["text"]), "key": quote_key(q["text"])})
    return out


def first_seen(position: int, ordinal: int = 0) -> int:
    """One sortable number for "article ``position`` of the story, its item ``ordinal``"."""
    return int(position) * 10_000 + min(int(ordinal), 9_999)


@dataclass(frozen=True)
class StoryCounts:
    """Partial sums of a set of a story's articles, grouped by outlet (rows are dicts).

    ``outlets``: outlet, articles, words, tone_sum, subj_sum, tone_weight, sides_sum, sides_n,
    first
    ``actors``: outlet, name, type, articles, mentions, weighted, weight, labels, label, first
    ``speakers``: outlet, speaker (None: unnamed), quotes, words, first
    ``evidence``: outlet, name, polarity, text, order (≤ MAX_EVIDENCE per outlet and name)
    ``quotes``: key, outlet, speaker, text, words, first (each distinct row once): every row
    of a quote in two or more outlets, and at least the longest unique ones
    ``first`` orders rows by first appearance in the story (``first_seen``).
    """
    outlets: tuple = ()
    actors: tuple = ()
    speakers: tuple = ()
    evidence: tuple = ()
    quotes: tuple = ()


def _outlet_name(value: Any) -> str:
    return " ".join(str(value or "").split()) or NO_SOURCE


def count_story(analyses: Iterable[Any], positions: Iterable[int]) -> StoryCounts:
    """``StoryCounts`` of a few analyses (e.g. corrected ones) at these story positions."""
    sums: dict[str, dict] = {}
    actors: dict[tuple, dict] = {}
    speakers: dict[tuple, dict] = {}
    evidence, quotes = [], {}
    for a, pos in zip(_dicts(analyses), positions):
        outlet = _outlet_name(a.get("source") or a.get("title"))
        f = analysis_figures(a)
        o = sums.setdefault(outlet, {"outlet": outlet, "articles": 0, "words": 0, "tone_sum": 0.0,
                                     "subj_sum": 0.0, "tone_weight": 0, "sides_sum": 0.0,
                                     "sides_n": 0, "first": first_seen(pos)})
        _add_figures(o, f)
        for k, x in enumerate(actor_figures(a)):
            r = actors.setdefault((outlet, x["name"], x["type"]), {
                "outlet": outlet, "name": x["name"], "type": x["type"], "articles": set(),
                "mentions": 0, "weighted": 0.0, "weight": 0, "labels": 0, "label": None,
                "first": first_seen(pos, k)})
            r["articles"].add(pos)
            r["mentions"] += x["mentions"]
            r["weighted"] += x["sentiment"] * x["weight"]
            r["weight"] += x["weight"]
            if x["label"]:
                r["labels"] += 1
                r["label"] = x["label"]
            evidence += [{"outlet": outlet, "name": x["name"], "polarity": p, "text": t,
                          "order": (pos, k, i)} for i, (p, t) in enumerate(x["evidence"])]
        for q in quote_figures(a):
            r = speakers.setdefault((outlet, q["speaker"]), {
                "outlet": outlet, "speaker": q["speaker"], "quotes": 0, "words": 0,
                "first": first_seen(pos, q["ordinal"])})
            r["quotes"] += 1
            r["words"] += q["words"]
            key = (q["key"], outlet, q["speaker"], q["text"])
            if key not in quotes:
                quotes[key] = {"key": q["key"], "outlet": outlet, "speaker": q["speaker"],
                               "text": q["text"], "words": q["words"],
                               "first": first_seen(pos, q["ordinal"])}
    for r in actors.values():
        r["articles"] = len(r["articles"])
    return StoryCounts(outlets=tuple(sums.values()), actors=tuple(actors.values()),
                       speakers=tuple(speakers.values()), evidence=tuple(evidence),
                       quotes=tuple(quotes.values()))


class PooledCounts:
    """Several ``StoryCounts`` of disjoint article sets pooled into one story's tables.

    Outlet names are whitespace-collapsed (rows of one outlet pooled), actor names and
    speakers are aligned story-wide as in ``compare_story``.
    """

    def __init__(self, parts: Iterable[StoryCounts]):
        parts = list(parts)
        names: dict[Any, str] = {}

        def rows(field: str) -> list[dict]:
            out = []
            for p in parts:
                for r in getattr(p, field):
                    raw = r["outlet"]
                    name = names.get(raw)
                    if name is None:
                        name = names[raw] = _outlet_name(raw)
                    out.append(r if name == raw else dict(r, outlet=name))
            return out

        self.outlet_rows, self.actor_rows = rows("outlets"), rows("actors")
        self.speaker_rows, self.evidence_rows = rows("speakers"), rows("evidence")
        quotes: dict[tuple, dict] = {}
        for r in rows("quotes"):
            key = (r["key"], r["outlet"], r["speaker"], r["text"])
            if key not in quotes or r["first"] < quotes[key]["first"]:
                quotes[key] = r
        self.quote_rows = sorted(quotes.values(), key=lambda r: r["first"])

    @cached_property
    def outlets(self) -> list[str]:
        first: dict[str, int] = {}
        for r in self.outlet_rows:
            first[r["outlet"]] = min(first.get(r["outlet"], r["first"]), r["first"])
        return sorted(first, key=first.__getitem__)

    @cached_property
    def order(self) -> dict[str, int]:
        return {o: k for k, o in enumerate(self.outlets)}

    @cached_property
    def mapping(self) -> dict[str, str]:
        """Story-wide names, aligned over the same (name, type) counts as per article."""
        per_outlet: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in self.actor_rows:
            per_outlet[r["outlet"]] += [(r["name"], r["type"] or "")] * int(r["articles"])
        from . import entities
        mapping = dict(entities.align_story_actors(list(per_outlet.values()))) \
            if hasattr(entities, "align_story_actors") else {}
        return {r["name"]: mapping.get(r["name"]) or r["name"] for r in self.actor_rows}

    def name(self, name: str) -> str:
        return self.mapping.get(name, name)

    @cached_property
    def actor_table(self) -> pd.DataFrame:
        stats: dict[tuple[str, str], dict] = {}

        def slot(outlet: str, actor: str) -> dict:
            return stats.setdefault((outlet, actor), {
                "type": None, "type_first": None, "articles": 0, "mentions": 0, "quotes": 0,
                "quoted_words": 0, "weighted": 0.0, "weight": 0.0, "labels": 0, "label": None,
                "evidence": []})

        name = self.mapping.get
        for r in self.actor_rows:
            s = slot(r["outlet"], name(r["name"], r["name"]))
            if r["type"] and (s["type_first"] is None or r["first"] < s["type_first"]):
                s["type"], s["type_first"] = r["type"], r["first"]
            s["articles"] += int(r["articles"])
            s["mentions"] += int(r["mentions"] or 0)
            s["weighted"] += float(r["weighted"] or 0.0)
            s["weight"] += float(r["weight"] or 0)
            s["labels"] += int(r["labels"] or 0)
            s["label"] = s["label"] or r["label"]
        for r in self.speaker_rows:
            if r["speaker"]:
                s = slot(r["outlet"], name(r["speaker"], r["speaker"]))
                s["quotes"] += int(r["quotes"])
                s["quoted_words"] += int(r["words"] or 0)
        for r in self.evidence_rows:
            s = stats.get((r["outlet"], name(r["name"], r["name"])))
            if s is not None:
                s["evidence"].append(r)
        rows = []
        for (outlet, actor), s in stats.items():
            score, label = None, None
            if s["weight"]:
                score = round(s["weighted"] / s["weight"], 4)
                label = s["label"] if s["labels"] == 1 and s["articles"] == 1 \
                    else stance_label(s["weighted"] / s["weight"], s["type"] or "")
            evidence = sorted(s["evidence"], key=lambda e: (-abs(e["polarity"]), e["order"]))
            rows.append({"outlet": outlet, "actor": actor, "type": s["type"],
                         "articles": max(s["articles"], 1), "mentions": s["mentions"],
                         "quotes": s["quotes"], "quoted_words": s["quoted_words"],
                         "score": score, "label": label,
                         "evidence": [e["text"] for e in evidence[:MAX_EVIDENCE]]})
        rows.sort(key=lambda r: (self.order.get(r["outlet"], len(self.order)), -r["mentions"],
                                 -r["quotes"], r["actor"]))
        return _frame("actors", rows)

    @cached_property
    def coverage(self) -> pd.DataFrame:
        """Long coverage of every actor (the matrix and the page's chart both use it)."""
        return _coverage_rows(self.actor_table, self.outlets, None)

    def speaker(self, speaker: str | None) -> str:
        return self.name(speaker) if speaker else UNNAMED

    @cached_property
    def quote_groups(self) -> list[tuple[list[dict], int]]:
        """(rows of one quote key in outlet order, number of outlets), first seen first."""
        by_key: dict[str, list[dict]] = defaultdict(list)
        for r in self.quote_rows:
            by_key[r["key"]].append(r)
        out = []
        for rows in by_key.values():
            rows.sort(key=lambda r: (self.order.get(r["outlet"], len(self.order)), r["first"]))
            out.append((rows, len({r["outlet"] for r in rows})))
        return out


def _pooled(counts: Iterable[StoryCounts] | PooledCounts) -> PooledCounts:
    return counts if isinstance(counts, PooledCounts) else PooledCounts(counts)


def build_coverage_from_story_counts(counts: Iterable[StoryCounts] | PooledCounts, *,
                                     top: int | None = None) -> pd.DataFrame:
    """``build_coverage`` (long form) from ``StoryCounts``."""
    pc = _pooled(counts)
    return pc.coverage if top is None else _coverage_rows(pc.actor_table, pc.outlets, top)


def compare_story_counts(counts: Iterable[StoryCounts] | PooledCounts, *,
                         top: int | None = None) -> dict[str, pd.DataFrame]:
    """``compare_story``'s tables, with the same columns, from ``StoryCounts`` (large stories).

    Quotes match by equal normalised words only, and each outlet's unique quotes are its
    ``MAX_UNIQUE_QUOTES`` longest, each once (see the section comment above).
    """
    pc = _pooled(counts)
    acc: dict[str, dict] = {o: _outlet_sums() for o in pc.outlets}
    for r in pc.outlet_rows:
        s = acc[r["outlet"]]
        s["articles"] += int(r["articles"])
        s["words"] += int(r["words"] or 0)
        s["tone_sum"] += float(r["tone_sum"] or 0.0)
        s["subj_sum"] += float(r["subj_sum"] or 0.0)
        s["tone_weight"] += int(r["tone_weight"] or 0)
        s["sides_sum"] += float(r.get("sides_sum") or 0.0)
        s["sides_n"] += int(r.get("sides_n") or 0)
    for r in pc.actor_rows:
        if r["outlet"] in acc:
            acc[r["outlet"]]["actors"].add(pc.name(r["name"]))
    share = []
    for r in pc.speaker_rows:
        s = acc.get(r["outlet"])
        if s is not None:
            s["quotes"] += int(r["quotes"])
            s["quoted_words"] += int(r["words"] or 0)
            if r["speaker"]:
                s["sources"].add(pc.name(r["speaker"]))
            else:
                s["unnamed"] += int(r["quotes"])
        share.append({"outlet": r["outlet"], "speaker": pc.speaker(r["speaker"]),
                      "quotes": int(r["quotes"]), "words": int(r["words"] or 0),
                      "first": r["first"]})
    if share:
        share_frame = pd.DataFrame(share).sort_values("first", kind="stable")
        quote_share = _quote_share_rows(share_frame, pc.order)
    else:
        quote_share = _frame("quote_share", [])
    shared, unique = [], defaultdict(list)
    for rows, n_outlets in pc.quote_groups:
        if n_outlets < 2:
            unique[rows[0]["outlet"]] += rows
            continue
        longest = max(rows, key=lambda r: r["words"])
        speakers = list(dict.fromkeys(pc.speaker(r["speaker"]) for r in rows))
        shared.append({"group": len(shared), "text": longest["text"],
                       "words": int(longest["words"]), "n_outlets": n_outlets,
                       "outlets": list(dict.fromkeys(r["outlet"] for r in rows)),
                       "speakers": speakers, "same_speaker": len(set(speakers) - {UNNAMED}) <= 1,
                       "variants": len({r["text"] for r in rows})})
    shared.sort(key=lambda r: (-r["n_outlets"], -r["words"], r["group"]))
    kept = []
    for rows in unique.values():
        kept += sorted(rows, key=lambda r: (-r["words"], r["first"]))[:MAX_UNIQUE_QUOTES]
    kept.sort(key=lambda r: r["first"])
    return {
        "outlets": _outlet_rows(acc),
        "coverage": _coverage_matrix(build_coverage_from_story_counts(pc, top=top),
                                     pc.outlets),
        "stance": _stance_rows(pc.actor_table, True),
        "quote_share": quote_share,
        "shared_quotes": _frame("shared_quotes", shared),
        "unique_quotes": _frame("unique_quotes", [
            {"outlet": r["outlet"], "speaker": pc.speaker(r["speaker"]), "text": r["text"],
             "words": int(r["words"])} for r in kept]),
        "omissions": _omission_rows(pc.actor_table, pc.outlets, pc.order, 0.5),
    }
