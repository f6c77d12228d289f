"""`skillsignal taxonomy ...`: import source vocabularies, build the crosswalk, inspect it.

Every import is stored in the warehouse as a version (source, release, checksum, time); the
crosswalk is rebuilt from the newest version of each source (ESCO: the bundled default until
an ESCO release is imported) plus the newest custom overlay.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pipelines.cli_common import (
    ConfigOption,
    DbOption,
    FormatOption,
    OutputFormat,
    config_for,
    console,
    err_console,
    handle,
    print_rows,
)

taxonomy_app = typer.Typer(
    help="Skills taxonomy: import ESCO, Lightcast, O*NET and overlays; search the crosswalk.",
    no_args_is_help=True,
)


class SourceKind(StrEnum):
    """Source vocabularies `taxonomy import` reads."""

    esco = "esco"
    lightcast = "lightcast"
    onet = "onet"
    overlay = "overlay"


def _connect(config_path: Path | None, db: Path | None, *, write: bool = False):
    import warehouse

    config = config_for(config_path, db)
    return warehouse.connect(config.warehouse.path, read_only=not write)


def rebuild_crosswalk(con, new=None, document: str | None = None) -> tuple[str | None, bool, dict]:
    """Build the crosswalk from the newest stored version of each source and ``new``.

    ``new`` (a ``SourceImport`` not stored yet; ``document`` is the overlay text for
    ``custom``) replaces the stored version of its source. ESCO is the bundled default until
    an ESCO release is imported. The crosswalk is built before anything is written, so an
    import that breaks it (an overlay alias collision) stores nothing.

    Returns (version id of ``new``, whether it was new content, table row counts).
    """
    from taxonomy.bundle import bundled_import
    from taxonomy.crosswalk import build_crosswalk
    from taxonomy.importers import import_from_tables
    from taxonomy.overlay import parse_overlay
    from taxonomy.tables import crosswalk_tables, import_tables
    from warehouse.taxonomy_store import (
        latest_imports,
        read_version,
        replace_crosswalk,
        store_import,
    )

    latest = [row for row in latest_imports(con) if new is None or row["source"] != new.source]
    pending = [new] if new is not None else []
    if not any(row["source"] == "esco" for row in latest) and (new is None or new.source != "esco"):
        pending.append(bundled_import())
    imports, overlay = [], None
    for row in latest:
        if row["source"] == "custom":
            overlay = parse_overlay(row["document"] or "", f"overlay {row['version_id']}")
        else:
            tables = read_version(con, row["version_id"])
            imports.append(
                import_from_tables(row["source"], row["release"], row["checksum"], tables)
            )
    for item in pending:
        if item.source == "custom":
            overlay = parse_overlay(document or "", item.files[0][0] if item.files else "overlay")
        else:
            imports.append(item)
    tables = crosswalk_tables(build_crosswalk(imports, overlay))
    version_ids = [row["version_id"] for row in latest]
    stored: tuple[str | None, bool] = (None, False)
    for item in pending:
        version_id, is_new = store_import(
            con,
            import_tables(item),
            source=item.source,
            release=item.release,
            checksum=item.checksum,
            problem_count=len(item.problems),
            document=document if item is new else None,
        )
        version_ids.append(version_id)
        if item is new:
            stored = (version_id, is_new)
    replace_crosswalk(con, tables, sorted(version_ids))
    return (*stored, {name: table.num_rows for name, table in tables.items()})


@taxonomy_app.command("import")
def import_(
    kind: Annotated[SourceKind, typer.Argument(help="source vocabulary")],
    path: Annotated[Path, typer.Argument(help="file or folder to import")],
    release: Annotated[str | None, typer.Option(help="the source's release, e.g. 1.2.0")] = None,
    config_path: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Import a source vocabulary as a new version and rebuild the crosswalk.

    Example: skillsignal taxonomy import lightcast lightcast_data_formatted.csv
    """
    from taxonomy.importers import import_source
    from warehouse import apply_migrations, apply_views

    try:
        source_import = import_source(kind.value, path, release=release)
        document = path.read_text(encoding="utf-8") if kind is SourceKind.overlay else None
        with _connect(config_path, db, write=True) as con:
            apply_migrations(con)
            apply_views(con)
            version_id, new, counts = rebuild_crosswalk(con, source_import, document)
    except Exception as exc:
        raise handle(exc) from exc
    for problem in source_import.problems[:20]:
        err_console.print(f"warning: {problem}", highlight=False)
    state = "imported" if new else "unchanged (same content already imported)"
    console.print(
        f"{version_id}: {state}; {len(source_import.skills)} skills, "
        f"{len(source_import.problems)} problem row(s); crosswalk: {counts['canonical']} canonical "
        f"skills, {counts['links']} links, {counts['reviews']} for review"
    )


@taxonomy_app.command()
def build(
    data_dir: Annotated[
        Path, typer.Argument(help="folder with esco/, esco-1.1.1-labels/, esco-extra/")
    ],
    out: Annotated[
        Path | None, typer.Option(help="output folder (default: the package's data)")
    ] = None,
) -> None:
    """Regenerate the bundled ESCO default (skills, groups, occupations) from source files.

    Example: skillsignal taxonomy build ESCO_DATA_DIR --out taxonomy/data
    """
    from importlib import resources

    from taxonomy.bundle import build_bundle

    target = out or Path(str(resources.files("taxonomy") / "data"))
    try:
        paths = build_bundle(data_dir, target)
    except Exception as exc:
        raise handle(exc) from exc
    for name, file in paths.items():
        console.print(f"{name}: {file} ({file.stat().st_size:,} bytes)")


@taxonomy_app.command()
def stats(
    config_path: ConfigOption = None, db: DbOption = None, fmt: FormatOption = OutputFormat.table
) -> None:
    """Skills, versions and crosswalk links per source.

    Example: skillsignal taxonomy stats
    """
    _rows("taxonomy_stats", {}, config_path, db, fmt, title="taxonomy")


@taxonomy_app.command()
def review(
    limit: Annotated[int, typer.Option(help="rows to show")] = 50,
    config_path: ConfigOption = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Crosswalk links left unmerged for a person to decide (ambiguous or below the cutoff).

    Example: skillsignal taxonomy review --limit 20
    """
    _rows("taxonomy_reviews", {"limit": limit}, config_path, db, fmt, title="review")


@taxonomy_app.command()
def search(
    text: Annotated[str, typer.Argument(help="skill name, fuzzy")],
    limit: Annotated[int, typer.Option(help="hits to show")] = 10,
    config_path: ConfigOption = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fuzzy-search canonical skills: id, labels, sources and hierarchy path.

    Example: skillsignal taxonomy search kubernets
    """
    from taxonomy.search import search_labels
    from warehouse.taxonomy_store import taxonomy_rows

    try:
        with _connect(config_path, db) as con:
            labels = [
                (r["canonical_id"], r["label"])
                for r in taxonomy_rows(con, "skill_crosswalk_labels")
            ]
            hits = search_labels(labels, text, limit=limit)
            rows = [(*hit, *_describe(con, hit[0])) for hit in hits]
    except Exception as exc:
        raise handle(exc) from exc
    columns = ["canonical_id", "matched", "score", "label", "sources", "path"]
    print_rows(columns, rows, fmt, f"taxonomy search {text!r}")


@taxonomy_app.command()
def show(
    skill_id: Annotated[str, typer.Argument(help="canonical id (ESCO URI, lightcast:..., ...)")],
    config_path: ConfigOption = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one canonical skill: every source id linked to it, how, and its hierarchy.

    Example: skillsignal taxonomy show lightcast:KSJF3PBD3995K6E0OF1Z
    """
    from warehouse.taxonomy_store import taxonomy_rows

    try:
        with _connect(config_path, db) as con:
            members = taxonomy_rows(con, "skill_crosswalk_members", {"canonical_id": skill_id})
            paths = _paths(con, [m["source_id"] for m in members])
    except Exception as exc:
        raise handle(exc) from exc
    if not members:
        raise typer.Exit(_missing(skill_id))
    columns = ["vocabulary", "source_id", "label", "method", "score", "path"]
    rows = [(*(m[c] for c in columns[:-1]), paths.get(m["source_id"], "")) for m in members]
    print_rows(columns, rows, fmt, f"{members[0]['canonical_label']} ({skill_id})")


def _missing(skill_id: str) -> int:
    err_console.print(f"error: no canonical skill {skill_id!r} (try `taxonomy search`)")
    return 1


def _describe(con, canonical_id: str) -> tuple[str, str, str]:
    from warehouse.taxonomy_store import taxonomy_rows

    members = taxonomy_rows(con, "skill_crosswalk_members", {"canonical_id": canonical_id})
    paths = _paths(con, [m["source_id"] for m in members])
    label = members[0]["canonical_label"] if members else ""
    sources = "; ".join(
        f"{m['vocabulary']}:{m['source_id']}" for m in members if m["vocabulary"] != "custom"
    )
    return label, sources, next((p for p in paths.values() if p), "")


def _paths(con, ids: list[str]) -> dict[str, str]:
    from warehouse.taxonomy_store import taxonomy_rows

    steps: dict[str, list[str]] = {}
    for row in taxonomy_rows(con, "taxonomy_broader_path", {"concept_ids": ids}):
        steps.setdefault(row["start_id"], []).append(row["label"] or row["concept_id"])
    return {start: " > ".join(reversed(chain)) for start, chain in steps.items()}


def _rows(name: str, params: dict, config_path, db, fmt: OutputFormat, *, title: str) -> None:
    from warehouse.taxonomy_store import taxonomy_rows

    try:
        with _connect(config_path, db) as con:
            rows = taxonomy_rows(con, name, params)
    except Exception as exc:
        raise handle(exc) from exc
    columns = list(rows[0]) if rows else ["(none)"]
    print_rows(columns, [tuple(r.values()) for r in rows], fmt, title)
