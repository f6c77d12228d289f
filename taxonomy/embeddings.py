"""Static text embeddings (model2vec) and the label vectors the semantic linker compares with.

The bundled model, ``data/minilm-static-256``, was distilled from all-MiniLM-L6-v2 (see its
``SOURCE.md``); the linker's, ``data/minilm-esco-256``, is the same tuned on ESCO's own labels
and descriptions (``taxonomy.tune_linker_model``). Only ``model2vec`` (numpy, tokenizers,
safetensors) is needed to run them, no torch, no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from taxonomy.errors import TaxonomyError
from taxonomy.source import Taxonomy

MODEL_DIR = "minilm-static-256"
LINKER_MODEL_DIR = "minilm-esco-256"


@dataclass(frozen=True)
class LabelVectors:
    """Unit vectors of the skills' preferred labels, row ``i`` for ``skill_ids[i]``."""

    skill_ids: tuple[str, ...]
    labels: tuple[str, ...]
    matrix: np.ndarray


def load_static_model(path: Path | None = None, *, bundled: str = MODEL_DIR) -> Any:
    """Load a model2vec static model from a folder (default: the bundled one named ``bundled``).

    Example: ``load_static_model().encode(["SQL"]).shape`` -> ``(1, 256)``

    Raises:
        TaxonomyError: when model2vec is not installed or the folder is not a model.
    """
    try:
        from model2vec import StaticModel  # noqa: PLC0415 - optional until the linker is used
    except ImportError as exc:
        raise TaxonomyError("semantic linking needs the model2vec package") from exc
    if path is None:
        with resources.as_file(resources.files("taxonomy") / "data" / bundled) as folder:
            return _from_pretrained(StaticModel, folder)
    return _from_pretrained(StaticModel, path)


def _from_pretrained(cls: Any, path: Path) -> Any:
    if not (path / "model.safetensors").is_file():
        raise TaxonomyError(f"{path}: not a model2vec model folder")
    return cls.from_pretrained(str(path))


def label_vectors(taxonomy: Taxonomy, model: Any) -> LabelVectors:
    """Embed every skill's preferred label (about 0.3 s for ESCO's 14k skills).

    Example: ``label_vectors(toy, model).matrix.shape`` -> ``(12, 256)``
    """
    skills = list(taxonomy.skills.values())
    matrix = unit(encode(model, [skill.preferred_label for skill in skills]))
    ids = tuple(skill.skill_id for skill in skills)
    return LabelVectors(ids, tuple(skill.preferred_label for skill in skills), matrix)


def encode(model: Any, texts: list[str]) -> np.ndarray:
    """Embed ``texts`` in this process (model2vec would fork workers for big batches).

    Example: ``encode(load_static_model(), ["SQL"]).shape`` -> ``(1, 256)``
    """
    try:
        return model.encode(texts, use_multiprocessing=False)
    except TypeError:  # a model without the option
        return model.encode(texts)


def unit(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` as float32 rows of length 1 (zero rows stay zero).

    Example: ``unit(np.array([[3.0, 4.0]]))`` -> ``array([[0.6, 0.8]], dtype=float32)``
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)
