"""Skill extraction over Parquet partitions, so that it can run on other machines.

The flow writes the documents that need extraction into Parquet partitions, one task extracts
each partition into a mentions Parquet file (on this machine's threads, or on a Dask cluster
through `prefect-dask`), and the flow stores all mentions in the warehouse in one transaction.
Workers never open the warehouse: they need only the partition files (a shared folder or
object store when the cluster spans machines) and the installed `taxonomy` package.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.language import Language

import warehouse
import warehouse.mentions
from pipelines.config import ComputeConfig
from pipelines.errors import ConfigError
from taxonomy import extract_mentions, load_nlp, pipeline_digest
from taxonomy.extract import implied_can_reach

# The mentions columns the warehouse takes (it fills in the taxonomy version itself).
MENTIONS_SCHEMA = pa.schema(
    [f for f in warehouse.mentions.MENTIONS_SCHEMA if f.name != "taxonomy_version"]
)
DOCUMENT_KEYS = ["doc_kind", "doc_key", "content_hash"]
_NLP_LOCK = threading.Lock()  # one spaCy pipeline per process, not safe across threads


@cache
def _nlp(semantic: bool = True, overlay: Path | None = None, implied: bool = True) -> Language:
    """The bundled taxonomy's pipeline, loaded once per process (and per Dask worker)."""
    return load_nlp(
        overlay_path=overlay, semantic=semantic, propose_spans=semantic, implied_links=implied
    )


def extractor_id(min_score: float, *, semantic: bool = True, overlay: Path | None = None) -> str:
    """Return what stored mentions depend on besides the document and the vocabulary.

    That is the pipeline (``taxonomy.pipeline_digest``: code, models, overlay) and the
    threshold of the stored scores.
    """
    digest = pipeline_digest(overlay_path=overlay, semantic=semantic, propose_spans=semantic)
    return f"{digest}/min_score={min_score:g}"


def write_partitions(
    db_path: Path, out_dir: Path, *, all_documents: bool, rows: int, extractor: str | None = None
) -> list[Path]:
    """Write the documents that need extraction as ``docs-NNNNN.parquet`` files of ``rows`` each.

    ``extractor`` (``extractor_id``): documents extracted by another pipeline need it again.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.parquet"):
        stale.unlink()
    with warehouse.connect(db_path, read_only=True) as con:
        docs = warehouse.documents_for_extraction(
            con, all_documents=all_documents, extractor=extractor
        )
    paths = []
    for number, start in enumerate(range(0, docs.num_rows, rows)):
        path = out_dir / f"docs-{number:05d}.parquet"
        pq.write_table(docs.slice(start, rows), path)
        paths.append(path)
    return paths


def mentions_path(docs_path: Path) -> Path:
    """Where the mentions of a documents partition go."""
    return docs_path.with_name(docs_path.name.replace("docs-", "mentions-"))


def extract_partition(
    docs_path: Path, min_score: float, *, semantic: bool = True, overlay: Path | None = None
) -> Path:
    """Extract the skills of one documents partition into its mentions Parquet file."""
    docs = pq.read_table(docs_path)
    keys = docs.select(DOCUMENT_KEYS).to_pylist()
    texts = docs.column("text").to_pylist()
    rows = []
    with _NLP_LOCK:
        nlp = _nlp(semantic, overlay, implied=implied_can_reach(min_score))
        for doc, mentions in zip(keys, extract_mentions(nlp, texts), strict=True):
            rows += [
                {**doc, "skill_id": m.skill_id, "start_char": m.start, "end_char": m.end,
                 "surface": m.surface, "method": m.method, "confidence": m.score,
                 "section": m.section}
                for m in mentions
                if m.score >= min_score
            ]  # fmt: skip
    out = mentions_path(docs_path)
    pq.write_table(pa.Table.from_pylist(rows, schema=MENTIONS_SCHEMA), out)
    return out


def store_mentions(
    db_path: Path, docs_paths: list[Path], mention_paths: list[Path], extractor: str | None = None
) -> int:
    """Replace the mentions of every partitioned document in one transaction; return the count.

    ``extractor`` is recorded with each document (see ``write_partitions``).
    """
    documents = pa.concat_tables([pq.read_table(p, columns=DOCUMENT_KEYS) for p in docs_paths])
    mentions = pa.concat_tables([pq.read_table(p, schema=MENTIONS_SCHEMA) for p in mention_paths])
    with warehouse.connect(db_path) as con:
        return warehouse.replace_mentions(con, mentions, documents=documents, extractor=extractor)


def task_runner(compute: ComputeConfig) -> object | None:
    """The Prefect task runner for ``compute``: None (Prefect's threads) or a DaskTaskRunner.

    Raises:
        ConfigError: Dask is configured but `prefect-dask` is not installed.
    """
    if compute.task_runner == "local":
        return None
    try:
        from prefect_dask import DaskTaskRunner  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        msg = "compute.task_runner = 'dask' needs prefect-dask: pip install 'skillsignal[dask]'"
        raise ConfigError(msg) from exc
    if compute.dask_address:
        return DaskTaskRunner(address=compute.dask_address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": compute.dask_workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": None,
        }
    )  # fmt: skip
