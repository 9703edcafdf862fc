"""The command line, run as a user would: ``python -m analysis analyze|clean PATH...``."""
from __future__ import annotations

import json
import subprocess
import sys

from shared_paths import ROOT, SHARED

SEED = SHARED / "eval" / "seed" / "seed.raw.txt"
CONTRACT_FIELDS = {"id", "source", "title", "text", "removed", "actors", "entities", "quotes", "sentiment"}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_analyze_seed_prints_one_contract_row():
    proc = run_cli("analyze", str(SEED))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert CONTRACT_FIELDS <= row.keys()
    assert row["actors"] and row["quotes"] and row["entities"]
    actor = row["actors"][0]
    assert {"name", "type", "aliases", "mentions", "sentiment", "label", "evidence"} <= actor.keys()
    quote = row["quotes"][0]
    assert {"start", "end", "text", "speaker", "speaker_text", "kind"} <= quote.keys()
    for q in row["quotes"]:
        assert row["text"][q["start"]:q["end"]] == q["text"]
    assert {"polarity", "subjectivity"} <= row["sentiment"].keys()


def test_clean_seed_removes_the_junk_and_keeps_the_body():
    proc = run_cli("clean", str(SEED))
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    kept = {line.strip() for line in row["text"].splitlines()}
    for junk in ("Share", "Advertisement", "Missing some content? Care to comment?",
                 "Senators To Introduce Bipartisan Legislation To Hold Iran Accountable"):
        assert junk not in kept
    removed = [r["text"].strip() for r in row["removed"]]
    assert removed.count("Advertisement") == 2
    gold = json.loads((SHARED / "eval" / "seed" / "seed.gold.json").read_text(encoding="utf-8"))
    for paragraph in gold["body"].split("\n\n"):
        assert paragraph in row["text"]
    raw = SEED.read_text(encoding="utf-8")
    for r in row["removed"]:
        assert raw[r["start"]:r["end"]] == r["text"]


def test_bad_inputs_give_error_rows_and_exit_1_while_others_are_analysed(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("“We will rebuild the bridge,” Mayor Ana Ruiz said on Friday.", encoding="utf-8")
    proc = run_cli("clean", str(binary), str(empty), str(missing), str(good))
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 4
    assert all("error" in r for r in rows[:3]) and "error" not in rows[3]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert "image.txt" in errors[0] and "empty.txt" in errors[1] and "missing.txt" in errors[2]
    assert "Traceback" not in proc.stderr


def test_analyze_stdin_jsonl_and_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("analyze", "-", "-o", str(out), "--source", "Desk",
                   stdin="“Prices will fall,” Finance Minister Joan Park told reporters.")
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["source"] == "Desk" and row["quotes"]


def test_bad_usage_exits_2():
    assert run_cli("summarise", "x").returncode == 2
