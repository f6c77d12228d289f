"""The extraction pipeline compiled once per taxonomy and code version, then loaded from disk.

``build_nlp`` compiles about 100k label patterns, embeds every skill's label and loads the
models: 10 s and more. ``load_nlp`` saves the result with spaCy's ``nlp.to_disk`` in a cache
folder named by a digest of everything it depends on (the taxonomy file, this package's code
and data, spaCy's and model2vec's versions, the options) and loads it from there next time.
A stale or unreadable folder is never used: a new digest names a new folder, and a folder that
fails to load is rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import spacy
from spacy.language import Language

from taxonomy.ambiguity import load_rules
from taxonomy.errors import TaxonomyError
from taxonomy.nlp import build_nlp, share_token_vectors
from taxonomy.semantic import FACTORY as LINKER
from taxonomy.source import load_taxonomy

logger = logging.getLogger(__name__)

CACHE_ENV = "SKILLSIGNAL_CACHE_DIR"
_FORMAT = 1


def default_cache_dir() -> Path:
    """``$SKILLSIGNAL_CACHE_DIR``, else ``$XDG_CACHE_HOME/skillsignal``, else ``~/.cache/...``.

    Example: ``default_cache_dir()`` -> ``PosixPath('/home/ana/.cache/skillsignal')``
    """
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "skillsignal"


def load_nlp(
    taxonomy_path: Path | None = None,
    *,
    overlay_path: Path | None = None,
    cache_dir: Path | None = None,
    semantic: bool = True,
    propose_spans: bool = True,
    implied_links: bool = True,
) -> Language:
    """Return ``build_nlp``'s pipeline for the taxonomy file (default: bundled), from the cache.

    ``overlay_path``: an overlay whose ambiguous and suppressed labels are added to the bundled
    ones (``taxonomy.ambiguity``). Without ``implied_links`` the linker does not link sentences
    that name no skill (``taxonomy.semantic``): for callers keeping only scores that implied
    skills cannot reach (``taxonomy.extract.implied_can_reach``), it saves their cost.

    The first call for a taxonomy and code version builds the pipeline and saves it under
    ``cache_dir`` (default: ``default_cache_dir()``); later calls load it in a few seconds.
    Where the cache cannot be written the built pipeline is still returned.

    Example: ``load_nlp()("Python and SQL").spans["skills"]`` -> ``[Python, SQL]``

    Raises:
        TaxonomyError: the taxonomy or overlay file is missing, unreadable or malformed.
    """
    rules = load_rules(overlay_path)  # reads and checks the overlay first
    digest = pipeline_digest(
        taxonomy_path, overlay_path=overlay_path, semantic=semantic, propose_spans=propose_spans
    )
    folder = (cache_dir or default_cache_dir()) / "nlp" / digest
    nlp = None
    if folder.is_dir():
        try:
            nlp = spacy.load(folder)
        except Exception as exc:  # any damage to the cache means: rebuild it
            logger.warning("rebuilding the extraction pipeline: %s did not load: %s", folder, exc)
        else:
            share_token_vectors(nlp)
            logger.info("loaded the extraction pipeline from %s", folder)
    if nlp is None:
        taxonomy = load_taxonomy(taxonomy_path)
        nlp = build_nlp(taxonomy, semantic=semantic, propose_spans=propose_spans, rules=rules)
        _save(nlp, folder)
    if LINKER in nlp.pipe_names:
        nlp.get_pipe(LINKER).implied_links = implied_links
    return nlp


def _save(nlp: Language, folder: Path) -> None:
    """Write ``nlp`` next to ``folder`` and rename it into place (another process may win)."""
    partial = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(partial)
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
        logger.info("saved the extraction pipeline to %s", folder)
    except OSError as exc:
        logger.warning("could not cache the extraction pipeline in %s: %s", folder, exc)
        shutil.rmtree(partial, ignore_errors=True)


def pipeline_digest(
    taxonomy_path: Path | None = None,
    *,
    overlay_path: Path | None = None,
    semantic: bool = True,
    propose_spans: bool = True,
) -> str:
    """Return a digest of everything ``load_nlp``'s pipeline depends on.

    That is the taxonomy and overlay files, the package's code and data (models, rules) and
    the spaCy and model2vec versions: the pipeline's folder name in the cache, and what the
    warehouse records with each extraction.

    Example: ``pipeline_digest()`` -> ``'3f9c...'`` (24 hex digits)

    Raises:
        TaxonomyError: the taxonomy or overlay file cannot be read.
    """
    files = [taxonomy_path, overlay_path]
    digest = hashlib.sha256()
    versions = (_FORMAT, spacy.__version__, version("model2vec"), semantic, propose_spans)
    digest.update(repr(versions).encode())
    package = resources.files("taxonomy")
    with resources.as_file(package) as root:
        bundled = sorted(
            path
            for path in Path(root).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        )
        for path in bundled:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for path in files:
        if path is None:
            digest.update(b"bundled")
            continue
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            raise TaxonomyError(f"{path}: cannot read: {exc}") from exc
    return digest.hexdigest()[:24]
