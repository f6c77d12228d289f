"""Scale bench: demand marts and alignment on a synthetic warehouse, DuckDB views vs pandas.

Builds a seeded synthetic warehouse (default 1M postings, 20M mentions, 10,000 credentials,
5,000 skills with a two-level hierarchy, 5 % cross-board duplicates, 3 % equal-opportunity
mentions), runs ``compute_scores`` (which stores the canonical postings, their demanded skills
and the default scope's demand, the part the demand views share; warehouse/SCORING.md), then
times and measures peak RSS of (1) the demand marts (current demand, a 30-day window with
growth, week and month trends, skill-group rollup) and (2) alignment of every credential,
first through the warehouse views, then with a straightforward pandas version of the same
formulas (from the raw tables, as the views would compute them without the stored rows) in the
same process; the results are checked to agree. Each step also prints its CPU seconds (all
threads) and the 1-minute load average, since a shared machine slows DuckDB's two threads more
than pandas' one. The speed-ups are printed for the marts alone and end to end (DuckDB's
compute_scores + marts + alignment against pandas' demand + alignment). ``--live`` also times
the DuckDB marts before compute_scores (the views' live fallback). pandas is stopped after
``--pandas-cap`` seconds and then reported as "> cap".

    /work/venv/bin/python bench/scoring_scale.py [--scale 0.1] [--threads 2] [--live]

pandas is a bench-only dependency (not in the project's dependencies).
"""

from __future__ import annotations

import argparse
import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import psutil

from warehouse import apply_migrations, apply_views, compute_scores, connect, scoped

AS_OF = "2026-07-31"
EXCLUDED = ("benefits", "about", "equal_opportunity", "how_to_apply")
TOP_N = 50

BUILD_SQL = """
insert into taxonomy_versions values ('v1', 'esco', '1', null, 'x', now()::timestamp, true);
insert into skills select 'esco:s' || i, 'skill ' || lpad(i::varchar, 5, '0'), null, null,
    'esco', 'v1' from range($skills) t(i);
insert into taxonomy_imports values ('esco:1', 'esco', '1', 'x', now()::timestamp, 0, 0, null);
insert into taxonomy_relations select 'esco:1', 'esco:s' || i, 'esco:s' || (i % 100), 'broader'
    from range(100, $skills) t(i);
insert into taxonomy_relations select 'esco:1', 'esco:s' || i, 'group:g' || (i % 10), 'broader'
    from range(100) t(i);
insert into postings (posting_key, source, source_id, url, title, employer, country, remote,
    date_posted, description, dedupe_key, content_hash, first_seen, last_seen, active)
select 'p' || i, 'src' || (i % 9), i::varchar, 'u', 'Job ' || (i % 5000), 'E' || (hash(i) % 20000),
    ['DE', 'FR', 'GB', 'US'][1 + i % 4], i % 3 = 0,
    date '2026-07-31' - (hash(i, 1) % 365)::integer, 'text',
    case when i % 20 in (0, 19) then 'd' || (i + (i % 20 = 19)::int) end, 'h' || i,
    now()::timestamp, now()::timestamp, i % 10 <> 5
from range($postings) t(i);
insert into skill_mentions select 'posting', 'p' || (j // $per_posting),
    'esco:s' || floor($skills * pow((hash(j, 7) % 1000000) / 1000000.0, 2.5))::integer, 0, 1, 's',
    'fake', 1.0, 'v1', 'h' || (j // $per_posting), now()::timestamp,
    case when hash(j, 3) % 100 < 3 then 'equal_opportunity' end
from range($mentions) t(j);
insert into credentials (credential_key, source, source_id, kind, title, url, description, hours,
    price, content_hash, first_seen, last_seen, active)
select 'c' || k, 'cat', k::varchar, 'course', 'Course ' || k, 'u', '', 5 + hash(k, 5) % 100,
    hash(k, 6) % 500, 'hc' || k, now()::timestamp, now()::timestamp, true
from range($credentials) t(k);
insert into credential_skills (credential_key, position, name, skill_id, method)
select distinct on (k, s) 'c' || k, n, s, s, 'label' from (
    select k, n, 'esco:s' || floor($skills * pow((hash(k, n) % 1000000) / 1000000.0, 1.5))::int s
    from range($credentials) a(k), range(15) b(n));
insert into skill_mentions select 'credential', 'c' || k,
    'esco:s' || floor($skills * pow((hash(k, n, 9) % 1000000) / 1000000.0, 1.5))::integer, 0, 1,
    's', 'fake', 1.0, 'v1', 'hc' || k, now()::timestamp, null
from range($credentials) a(k), range(5) b(n);
update scoring_settings set top_n = 50;
"""


class PeakRss:
    """Sample the process RSS every 10 ms; ``peak`` is the highest seen (bytes)."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.peak = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)


@contextmanager
def measured(label: str, results: dict[str, tuple[float, float]]) -> Iterator[None]:
    with PeakRss() as rss:
        start, cpu = time.perf_counter(), time.process_time()
        yield
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = rss.peak / 2**30
    results[label] = (elapsed, peak)
    print(f"  {label:<34} {elapsed:8.2f} s   cpu {cpu:7.2f} s   peak RSS {peak:5.2f} GiB"
          f"   load {os.getloadavg()[0]:4.1f}", flush=True)  # fmt: skip


def build(path: Path, scale: float) -> dict[str, int]:
    sizes = {
        "postings": int(1_000_000 * scale),
        "mentions": int(20_000_000 * scale),
        "per_posting": 20,
        "credentials": 10_000,
        "skills": 5_000,
    }
    with connect(path) as con:
        apply_migrations(con)
        for statement in BUILD_SQL.split(";\n"):
            if statement.strip():
                params = {k: v for k, v in sizes.items() if f"${k}" in statement}
                con.execute(statement, params)
        apply_views(con)
        con.execute("checkpoint")
    return sizes


def duckdb_demand(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    def fetch(sql: str) -> pd.DataFrame:
        return con.sql(sql).to_arrow_table().to_pandas()

    out = {"current": fetch("select skill_id, postings, share, rank from mart_skill_demand")}
    with scoped(con, window_days=30, as_of=AS_OF):
        out["window"] = fetch("select skill_id, postings, share, growth from mart_skill_demand")
    out["periods"] = fetch("select * from mart_skill_demand_by_period")
    out["groups"] = fetch("select group_id, postings from mart_skill_group_demand")
    return out


def duckdb_alignment(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    sql = "select credential_key, coverage, score from mart_credential_alignment"
    return con.sql(sql).to_arrow_table().to_pandas()


def load_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    def fetch(sql: str) -> pd.DataFrame:
        return con.sql(sql).to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)

    return {
        "postings": fetch(
            "select posting_key, source, title, employer, location, description, dedupe_key, "
            "cast(date_posted as date) as posted_date, active, content_hash from postings"
        ),
        "mentions": fetch(
            "select doc_kind, doc_key, skill_id, section, content_hash from skill_mentions"
        ),
        "declared": fetch("select credential_key, skill_id from credential_skills"),
        "relations": fetch("select child, parent from taxonomy_relations"),
        "skills": fetch("select skill_id, preferred_label as label from skills"),
        "credentials": fetch("select credential_key, content_hash from credentials"),
    }


def pandas_pairs(f: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canonical heads and distinct (canonical posting, skill) pairs, as the views define them."""
    p = f["postings"].copy()
    fingerprint = pd.util.hash_pandas_object(
        p[["source", "title", "employer", "location", "description"]].astype(str), index=False
    )
    p["canonical_key"] = ("d:" + p["dedupe_key"]).fillna("h:" + fingerprint.astype(str))
    p["canonical_active"] = p.groupby("canonical_key")["active"].transform("any")
    p = p.sort_values(["canonical_key", "active", "posted_date", "posting_key"],
                      ascending=[True, False, True, True])  # fmt: skip
    heads = p.drop_duplicates("canonical_key")
    m = f["mentions"]
    m = m[(m["doc_kind"] == "posting") & ~m["section"].isin(EXCLUDED)]
    keys = {"left_on": ["doc_key", "content_hash"], "right_on": ["posting_key", "content_hash"]}
    m = m.merge(p[["posting_key", "content_hash", "canonical_key"]], **keys)
    pairs = m[["canonical_key", "skill_id"]].drop_duplicates()
    pairs = pairs.merge(heads[["canonical_key", "canonical_active", "posted_date"]])
    return heads, pairs


def pandas_current(heads: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    active = pairs[pairs["canonical_active"]]
    current = active.groupby("skill_id").size().rename("postings").reset_index()
    current["share"] = current["postings"] / heads["canonical_active"].sum()
    return current


def pandas_ancestors(f: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rel = f["relations"][["child", "parent"]]
    two = rel.merge(rel, left_on="parent", right_on="child", suffixes=("", "_2"))
    two = two[["child", "parent_2"]].rename(columns={"parent_2": "parent"})
    return pd.concat([rel.assign(depth=1), two.assign(depth=2)])


def pandas_demand(f: dict[str, pd.DataFrame]) -> dict[str, Any]:
    heads, pairs = pandas_pairs(f)
    active = pairs[pairs["canonical_active"]]
    current = pandas_current(heads, pairs)
    as_of = pd.Timestamp(AS_OF)
    age = (as_of - pairs["posted_date"].astype("datetime64[s]")).dt.days
    head_age = (as_of - heads["posted_date"].astype("datetime64[s]")).dt.days
    now = pairs[(age >= 0) & (age < 30)].groupby("skill_id").size()
    before = pairs[(age >= 30) & (age < 60)].groupby("skill_id").size()
    total_now = ((head_age >= 0) & (head_age < 30)).sum()
    total_before = ((head_age >= 30) & (head_age < 60)).sum()
    window = pd.DataFrame({"postings": now, "previous": before}).fillna(0)
    window = window[window["postings"] > 0]
    window["share"] = window["postings"] / total_now
    ok = (window["previous"] >= 5) & (window["postings"] >= 5)
    window["growth"] = (window["share"] / (window["previous"] / total_before) - 1).where(ok)
    periods = {}
    for kind, freq in (("month", "M"), ("week", "W-SUN")):
        stamp = pairs["posted_date"].astype("datetime64[s]").dt.to_period(freq)
        periods[kind] = pairs.groupby([stamp, pairs["skill_id"]]).size()
    ancestors = pandas_ancestors(f)
    direct = active[["canonical_key", "skill_id"]].rename(columns={"skill_id": "parent"})
    up = active[["canonical_key", "skill_id"]].merge(
        ancestors, left_on="skill_id", right_on="child"
    )
    reached = pd.concat([direct, up[["canonical_key", "parent"]]]).drop_duplicates()
    reached = reached[reached["parent"].isin(set(ancestors["parent"]))]
    groups = reached.groupby("parent").size()
    return {"current": current, "window": window, "periods": periods, "groups": groups}


def pandas_alignment(f: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """End to end like the view: current demand, the demanded set D, credit, score."""
    current = pandas_current(*pandas_pairs(f)).merge(f["skills"], on="skill_id")
    current = current.assign(lower=current["label"].str.lower())
    current = current.sort_values(["postings", "lower", "label", "skill_id"],
                                  ascending=[False, True, True, True])  # fmt: skip
    d = current.head(TOP_N)[["skill_id", "share"]]
    m = f["mentions"]
    extracted = m[m["doc_kind"] == "credential"].merge(
        f["credentials"], left_on=["doc_key", "content_hash"],
        right_on=["credential_key", "content_hash"])[["credential_key", "skill_id"]]  # fmt: skip
    declared = f["declared"].assign(weight=1.0)
    taught = pd.concat([declared, extracted.assign(weight=0.7)])
    taught = taught.groupby(["credential_key", "skill_id"], as_index=False)["weight"].max()
    narrower = taught.merge(pandas_ancestors(f), left_on="skill_id", right_on="child")
    narrower = narrower.assign(skill_id=narrower["parent"],
                               weight=narrower["weight"] * 0.5 ** narrower["depth"])  # fmt: skip
    credit = pd.concat([taught, narrower[["credential_key", "skill_id", "weight"]]])
    credit = credit.merge(d, on="skill_id")
    best = credit.groupby(["credential_key", "skill_id"], as_index=False).agg(
        credit=("weight", "max"), share=("share", "first"))  # fmt: skip
    direct = taught.merge(d, on="skill_id").groupby("credential_key")["share"].sum()
    total = d["share"].sum()
    out = pd.DataFrame({"credential_key": f["credentials"]["credential_key"]})
    score = (best["credit"] * best["share"]).groupby(best["credential_key"]).sum() / total
    out["coverage"] = out["credential_key"].map(direct / total).fillna(0.0)
    out["score"] = out["credential_key"].map(score).fillna(0.0)
    return out


def compare(label: str, a: pd.Series, b: pd.Series) -> None:
    joined = pd.concat([a.astype(float), b.astype(float)], axis=1, join="outer").fillna(0.0)
    gap = (joined.iloc[:, 0] - joined.iloc[:, 1]).abs().max()
    print(f"  check {label:<28} max |duckdb - pandas| = {gap:.2e}")
    if gap > 1e-9:
        raise SystemExit(f"{label}: DuckDB and pandas disagree")


class PandasTimeout(Exception):
    """pandas ran past ``--pandas-cap``."""


@contextmanager
def capped(seconds: int) -> Iterator[None]:
    """Raise `PandasTimeout` in the main thread after ``seconds`` (between bytecodes)."""

    def stop(signum: int, frame: object) -> None:
        raise PandasTimeout

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_duckdb(
    path: Path, args: argparse.Namespace, results: dict[str, tuple[float, float]]
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, dict[str, pd.DataFrame]]:
    settings = (f"set threads = {args.threads}", f"set memory_limit = '{args.memory_limit}'")
    if args.live:
        with connect(path, read_only=True) as con:
            for setting in settings:
                con.execute(setting)
            with measured("duckdb demand marts, no cache", results):
                duckdb_demand(con)
    with connect(path) as con:
        for setting in settings:
            con.execute(setting)
        with measured("duckdb compute_scores", results):
            compute_scores(con, top_n=TOP_N)
    with connect(path, read_only=True) as con:
        for setting in settings:
            con.execute(setting)
        with measured("duckdb demand marts", results):
            duck_demand = duckdb_demand(con)
        with measured("duckdb alignment (10k credentials)", results):
            duck_align = duckdb_alignment(con)
        with measured("pandas load tables (not compared)", results):
            frames = load_frames(con)
    return duck_demand, duck_align, frames


def check(duck_demand: dict[str, pd.DataFrame], pd_demand: dict[str, Any]) -> None:
    compare("current postings", duck_demand["current"].set_index("skill_id")["postings"],
            pd_demand["current"].set_index("skill_id")["postings"])  # fmt: skip
    compare("30-day postings", duck_demand["window"].set_index("skill_id")["postings"],
            pd_demand["window"]["postings"])  # fmt: skip
    compare("30-day growth", duck_demand["window"].set_index("skill_id")["growth"].fillna(0),
            pd_demand["window"]["growth"].fillna(0))  # fmt: skip
    compare("group rollup", duck_demand["groups"].set_index("group_id")["postings"],
            pd_demand["groups"])  # fmt: skip


def check_alignment(duck_align: pd.DataFrame, pd_align: pd.DataFrame) -> None:
    for column in ("coverage", "score"):
        compare(column, duck_align.set_index("credential_key")[column],
                pd_align.set_index("credential_key")[column])  # fmt: skip


def ratio(label: str, duck: float, panda: float | None, cap: int) -> None:
    if panda is None:
        print(f"{label}: duckdb {duck:.2f} s, pandas > {cap} s (cap), speed-up > {cap / duck:.1f}x")
    else:
        print(f"{label}: duckdb {duck:.2f} s, pandas {panda:.2f} s, "
              f"speed-up {panda / duck:.1f}x")  # fmt: skip


def report(results: dict[str, tuple[float, float]], cap: int) -> None:
    parts = ("demand marts", "alignment (10k credentials)")
    duck = {part: results[f"duckdb {part}"][0] for part in parts}
    panda = {part: results[f"pandas {part}"][0] for part in parts if f"pandas {part}" in results}
    for part in parts:
        ratio(part, duck[part], panda.get(part), cap)
    end_to_end = results["duckdb compute_scores"][0] + sum(duck.values())
    pandas_total = sum(panda.values()) if len(panda) == len(parts) else None
    ratio("end to end (duckdb incl. compute_scores)", end_to_end, pandas_total, cap)
    peak = max(peak for label, (_, peak) in results.items() if label.startswith("duckdb"))
    print(f"peak RSS of the DuckDB steps: {peak:.2f} GiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1M postings, 20M mentions")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--live", action="store_true", help="also time marts without the cache")
    parser.add_argument("--pandas-cap", type=int, default=900, help="seconds for each pandas part")
    args = parser.parse_args()
    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="scoring-scale-") as folder:
        path = Path(folder) / "bench.duckdb"
        print(f"building synthetic warehouse (scale {args.scale}) ...", flush=True)
        with measured("build (not compared)", results):
            sizes = build(path, args.scale)
        print(f"  {sizes}", flush=True)
        duck_demand, duck_align, frames = run_duckdb(path, args, results)
    try:
        with capped(args.pandas_cap), measured("pandas demand marts", results):
            pd_demand = pandas_demand(frames)
        check(duck_demand, pd_demand)
    except PandasTimeout:
        print(f"  pandas demand marts stopped after {args.pandas_cap} s", flush=True)
    try:
        with capped(args.pandas_cap), measured("pandas alignment (10k credentials)", results):
            pd_align = pandas_alignment(frames)
        check_alignment(duck_align, pd_align)
    except PandasTimeout:
        print(f"  pandas alignment stopped after {args.pandas_cap} s", flush=True)
    report(results, args.pandas_cap)


if __name__ == "__main__":
    main()
