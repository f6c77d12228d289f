"""Precision and recall of `detect_duplicates` on the labelled pairs of tests/fixtures/dedupe."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from warehouse import load_postings
from warehouse.dedupe import detect_duplicates

DEDUPE = Path(__file__).parents[2] / "fixtures" / "dedupe"
T = datetime(2026, 7, 30, 2)


def test_precision_and_recall_on_labelled_pairs(con):
    load_postings(con, DEDUPE / "postings.jsonl", run_id="r1", seen_at=T)
    stats = detect_duplicates(con, run_id="r1", detected_at=T)
    canonical = dict(
        con.sql(
            "select p.source || ':' || p.source_id, c.canonical_key "
            "from int_posting_canonical as c join postings as p using (posting_key)"
        ).fetchall()
    )
    with (DEDUPE / "pairs.csv").open(encoding="utf-8") as rows:
        pairs = list(csv.DictReader(rows))
    predicted = [(canonical[p["a"]] == canonical[p["b"]], p["label"] == "1", p) for p in pairs]
    tp = sum(1 for guess, truth, _ in predicted if guess and truth)
    fp = [p for guess, truth, p in predicted if guess and not truth]
    fn = [p for guess, truth, p in predicted if truth and not guess]
    precision, recall = tp / (tp + len(fp)), tp / (tp + len(fn))
    print(f"labelled pairs {len(pairs)}: precision {precision:.3f}, recall {recall:.3f}, "
          f"duplicate rate {stats.duplicate_rate:.3f}")  # fmt: skip
    assert (len(pairs), tp) == (333, 159)
    assert precision >= 0.98, fp
    assert recall >= 0.97, fn
