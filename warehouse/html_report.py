"""One self-contained HTML report: top skills, trends, credential x skill heatmap, gaps.

No external JavaScript, CSS or fonts: styles are inline and the charts are SVG generated in
`warehouse.svg_charts`. Every value from the warehouse is escaped (`html.escape`), so a posting
title such as ``<script>…`` shows as text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import duckdb

from warehouse.reports import report_table
from warehouse.scope import scoped
from warehouse.sqlfiles import read_sql
from warehouse.svg_charts import bar_chart, heatmap, line_chart

logger = logging.getLogger(__name__)

_STYLE = """
body{font-family:sans-serif;margin:2em auto;max-width:1000px;color:#222}
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:3px 8px}
th{background:#f3f3f3;text-align:left}td.n{text-align:right}.note{color:#666;font-size:.85em}
"""
_DEMAND_COLUMNS = ("rank", "label", "postings", "share", "share_low", "share_high", "growth",
                   "emerging")  # fmt: skip
_ALIGNMENT_COLUMNS = ("rank", "title", "provider", "score", "score_low", "score_high",
                      "coverage", "relevance")  # fmt: skip


def render_report(
    con: duckdb.DuckDBPyConnection,
    out: Path,
    *,
    title: str = "skillsignal: skill demand and credential alignment",
    top: int = 15,
    **scope: Any,
) -> Path:
    """Write the HTML report for the scope (``as_of``, ``occupation``, ...) to ``out``.

    Example:
        >>> render_report(con, Path("report.html"), as_of="2026-07-30")  # doctest: +SKIP
        PosixPath('report.html')
    """
    params = {key: value for key, value in scope.items() if value is not None}
    demand = report_table(con, "demand", {"limit": top, **params}).to_pylist()
    trends = report_table(con, "trends", {"skills": 5, **params}).to_pylist()
    alignment = report_table(con, "alignment", params).to_pylist()
    gaps = report_table(con, "gaps", {"per_credential": 3, **params}).to_pylist()
    with scoped(con, **params):
        cells = _rows(con, "report_heatmap", {"credentials": 12, "skills": 10})
        postings = _rows(con, "report_postings", {"limit": 10})
    sections = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="note">Scope: {escape(_scope_text(params))}. Formulas: warehouse/SCORING.md.'
        "</p>",
        "<h2>Most demanded skills</h2>",
        bar_chart([(row["label"], row["share"]) for row in demand]),
        _table(demand, _DEMAND_COLUMNS),
        "<h2>Trends (share of postings per month)</h2>",
        _trend_chart(trends),
        "<h2>Credential alignment</h2>",
        _table(alignment[:20], _ALIGNMENT_COLUMNS),
        "<h2>Credential x skill coverage</h2>",
        _heatmap(cells),
        "<h2>Top gaps</h2>",
        _table(gaps[:45], ["title", "gap_rank", "label", "share", "partial_credit"]),
        "<h2>Newest postings</h2>",
        _table(postings, ["title", "employer", "country", "posted_date", "occupation_label"]),
    ]
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    logger.info("wrote HTML report %s", out)
    return out


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[dict]:
    table = con.sql(read_sql("queries", name), params=params).to_arrow_table()
    rows: list[dict] = table.to_pylist()
    return rows


def _scope_text(params: dict[str, Any]) -> str:
    if not params:
        return "all active postings"
    return ", ".join(f"{key}={value}" for key, value in sorted(params.items()))


def _trend_chart(trends: list[dict]) -> str:
    periods = sorted({str(row["period_start"])[:7] for row in trends})
    if not periods:
        return '<p class="note">No dated postings.</p>'
    series: dict[str, list[float | None]] = {}
    for row in trends:
        values = series.setdefault(row["label"], [None] * len(periods))
        values[periods.index(str(row["period_start"])[:7])] = row["share"]
    return line_chart(periods, series)


def _heatmap(cells: list[dict]) -> str:
    if not cells:
        return '<p class="note">No credentials or no demanded skills.</p>'
    rows = list(dict.fromkeys((row["credential_key"], row["title"]) for row in cells))
    columns = list(dict.fromkeys((row["demand_rank"], row["label"]) for row in cells))
    columns.sort()
    values = {
        (rows.index((row["credential_key"], row["title"])),
         columns.index((row["demand_rank"], row["label"]))): float(row["credit"])
        for row in cells
    }  # fmt: skip
    return heatmap([title for _, title in rows], [label for _, label in columns], values)


def _table(rows: list[dict], columns: Sequence[str]) -> str:
    if not rows:
        return '<p class="note">No rows.</p>'
    head = "".join(f"<th>{escape(column)}</th>" for column in columns)
    body = "".join(
        "<tr>" + "".join(_cell(row.get(column)) for column in columns) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else ''}</td>"
    if isinstance(value, int | float):
        return f'<td class="n">{value:g}</td>'
    return f"<td>{escape(str(value))}</td>"
