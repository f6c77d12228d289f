"""The skillsignal warehouse: one DuckDB file with crawl records, skills, mentions and scores.

A leaf package: it never imports spiders, taxonomy, pipelines or prefect; it agrees with them
through data (docs/architecture.md).
"""

from warehouse.db import connect, transaction
from warehouse.errors import MigrationError, WarehouseError, WarehouseLockedError
from warehouse.html_report import render_report
from warehouse.load import LoadStats, link_credential_skills, load_credentials, load_postings
from warehouse.mentions import documents_for_extraction, replace_mentions
from warehouse.migrate import apply_migrations, apply_views
from warehouse.occupations import load_posting_occupations, postings_for_classification
from warehouse.publish import building, note_progress, work_path
from warehouse.records import LoadProblem, RecordBatchResult, read_records
from warehouse.reports import (
    QueryResult,
    export_report,
    known_reports,
    query_rows,
    search_skills,
    write_table,
)
from warehouse.runs import (
    CrawlRun,
    PipelineRun,
    StageRecord,
    demand_shares,
    list_pipeline_runs,
    record_crawl_runs,
    record_pipeline_run,
)
from warehouse.scope import SCOPE_PARAMS, scoped
from warehouse.scoring import Overview, ScoreSummary, compute_scores, run_overview
from warehouse.skills import current_taxonomy_version, load_taxonomy
from warehouse.stacks import Stack, StackStep, recommend_stack, stack_table

__all__ = [
    "SCOPE_PARAMS",
    "CrawlRun",
    "LoadProblem",
    "LoadStats",
    "MigrationError",
    "Overview",
    "PipelineRun",
    "QueryResult",
    "RecordBatchResult",
    "ScoreSummary",
    "Stack",
    "StackStep",
    "StageRecord",
    "WarehouseError",
    "WarehouseLockedError",
    "apply_migrations",
    "apply_views",
    "building",
    "compute_scores",
    "connect",
    "current_taxonomy_version",
    "demand_shares",
    "documents_for_extraction",
    "export_report",
    "known_reports",
    "link_credential_skills",
    "list_pipeline_runs",
    "load_credentials",
    "load_posting_occupations",
    "load_postings",
    "load_taxonomy",
    "note_progress",
    "postings_for_classification",
    "query_rows",
    "read_records",
    "recommend_stack",
    "record_crawl_runs",
    "record_pipeline_run",
    "render_report",
    "replace_mentions",
    "run_overview",
    "scoped",
    "search_skills",
    "stack_table",
    "transaction",
    "work_path",
    "write_table",
]
