"""The linker-model tuning tool: its training pairs always; a short tuning run where torch is."""

import numpy as np
import pytest

from taxonomy.embeddings import label_vectors, load_static_model
from taxonomy.tune_linker_model import training_pairs, tune


def test_every_alt_label_and_description_is_an_anchor_of_its_skill(toy):
    labels, anchors, targets = training_pairs(toy)
    skills = list(toy.skills.values())
    assert labels == [skill.preferred_label for skill in skills]
    assert len(anchors) == len(targets)
    python = labels.index("Python (computer programming)")
    assert {anchors[i] for i, row in enumerate(targets) if row == python} == {
        "Python 3",
        "The techniques of software development in Python.",
    }


def test_tuning_brings_anchors_nearer_their_own_label(toy):
    pytest.importorskip("torch")  # a dev tool: the runtime (and CI) has no torch
    model = load_static_model()
    before = _own_label_rank(toy, model)
    tuned = tune(model, toy, epochs=3, threads=1)
    assert tuned.embedding.dtype == np.float16
    assert _own_label_rank(toy, tuned) < before


def _own_label_rank(toy, model):
    """Mean rank of each anchor's own label among all labels (0 = nearest)."""
    _, anchors, targets = training_pairs(toy)
    vectors = label_vectors(toy, model).matrix
    sims = _unit(model.encode(anchors)) @ vectors.T
    own = sims[np.arange(len(targets)), targets]
    return float((sims > own[:, None]).sum(axis=1).mean())


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
