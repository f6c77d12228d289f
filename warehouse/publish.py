"""Build a new warehouse file beside the published one and swap it in atomically.

DuckDB lets one process hold a file for writing, and while it does no other process can open the
file at all, not even read-only. So the job never writes the file analysts read (the *published*
file). It copies the published file to a working file in the same folder, writes there, and
publishes with `os.replace`, an atomic rename: a reader that opens the published path sees
either the whole previous state or the whole new one. Readers that are already open keep their
snapshot (they hold the old inode), and they never block the job.

A crash (even SIGKILL) leaves at most a stale working file; the published file is untouched and
the next build discards the leftover. A lock file keeps two builds from sharing a working file.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.errors import WarehouseLockedError

logger = logging.getLogger(__name__)

WORK_SUFFIX = ".building"
LOCK_SUFFIX = ".lock"


def work_path(published: Path) -> Path:
    """The working file a build writes before it is published (same folder, same filesystem).

    Example:
        >>> work_path(Path("data/skillsignal.duckdb")).as_posix()
        'data/skillsignal.duckdb.building'
    """
    return published.with_name(published.name + WORK_SUFFIX)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def discard(path: Path) -> None:
    """Remove a DuckDB file and its write-ahead log, if present."""
    path.unlink(missing_ok=True)
    _wal(path).unlink(missing_ok=True)


@contextmanager
def build_lock(published: Path) -> Iterator[None]:
    """Hold the build lock of ``published`` (a ``.lock`` file beside it) for the block.

    Raises:
        WarehouseLockedError: Another build of the same warehouse is running.
    """
    published.parent.mkdir(parents=True, exist_ok=True)
    lock_file = lock_path(published)
    with lock_file.open("a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            msg = f"another run is already building {published}; wait for it to finish"
            raise WarehouseLockedError(msg) from exc
        try:
            note_progress(published, "started")
            yield
        finally:
            note_progress(published, "idle")
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_path(published: Path) -> Path:
    """The lock file of a warehouse; it also says which process builds it, doing what."""
    return published.with_name(published.name + LOCK_SUFFIX)


def note_progress(published: Path, stage: str) -> None:
    """Write ``pid=<pid> stage=<stage>`` into the lock file (for operators; tests poll it)."""
    lock_path(published).write_text(f"pid={os.getpid()} stage={stage}\n", encoding="utf-8")


def start_build(published: Path) -> Path:
    """Make a fresh working copy of ``published`` (empty when nothing is published yet).

    A working file left by a crashed build is discarded first. Call it under `build_lock`.

    Returns:
        The working file's path.
    """
    work = work_path(published)
    if work.exists() or _wal(work).exists():
        logger.warning("discarding %s left by an interrupted build", work)
    discard(work)
    if published.exists():
        shutil.copyfile(published, work)
    return work


def publish(work: Path, published: Path) -> None:
    """Checkpoint ``work``, flush it to disk and atomically rename it over ``published``.

    The caller must have closed every connection to ``work``.

    Raises:
        WarehouseLockedError: ``work`` is still open in another connection.
    """
    try:
        con = duckdb.connect(str(work))
    except duckdb.IOException as exc:
        msg = f"cannot publish {work}: it is still open ({exc})"
        raise WarehouseLockedError(msg) from exc
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    if _wal(work).exists():  # pragma: no cover - DuckDB removes the WAL on a clean close
        msg = f"cannot publish {work}: its write-ahead log was not checkpointed"
        raise WarehouseLockedError(msg)
    _fsync(work)
    work.replace(published)  # os.replace: atomic on one filesystem
    _fsync(published.parent)
    logger.info("published %s", published)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def building(published: Path | str) -> Iterator[Path]:
    """Yield a private working copy of ``published``; publish it when the block succeeds.

    On an exception the working file is discarded and ``published`` is left as it was.

    Example:
        >>> with building("skillsignal.duckdb") as work:  # doctest: +SKIP
        ...     with connect(work) as con:
        ...         load_postings(con, "stripe.jsonl", run_id="r1")
    """
    target = Path(published)
    with build_lock(target):
        work = start_build(target)
        try:
            yield work
        except BaseException:
            discard(work)
            raise
        publish(work, target)
