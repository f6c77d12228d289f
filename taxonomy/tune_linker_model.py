"""Tune the linker's static model on the taxonomy itself (a dev tool: needs torch, minutes).

Usage: ``python -m taxonomy.tune_linker_model --out taxonomy/data/minilm-esco-256``

The bundled ``minilm-static-256`` (distilled from all-MiniLM-L6-v2) knows English, not ESCO: a
posting's "Understanding of architecture and design across all systems" lands nearer
"architectural design" than "define software architecture". This tool teaches it the
taxonomy's own wording: every alternative label and every description of a skill is an anchor
whose target is the skill's preferred label, and the subword embedding table (shared by both
sides, mean pooling as model2vec encodes) is trained with a softmax over *all* preferred labels
(cosine / ``TAU``), so each step is the linker's task: find the skill among all of them.

No evaluation data is read. The bundled result is epoch ``EPOCHS`` (the Decorte validation sets
and SkillSpan dev chose the epoch and the linker's weights, so figures on them are optimistic).
The proposer keeps the untuned model: its network was trained on those vectors.

Install torch first (``pip install torch==2.13.0``: the CPU wheel); the runtime needs none.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from taxonomy.embeddings import load_static_model
from taxonomy.source import Taxonomy, load_taxonomy

logger = logging.getLogger(__name__)

EPOCHS = 5
TAU = 0.05
"""Softmax temperature over cosines."""
LEARNING_RATE = 1e-3
BATCH = 1024
MAX_TOKENS = 128
"""Subwords kept of an anchor (descriptions are a sentence or two)."""
SEED = 0


def training_pairs(taxonomy: Taxonomy) -> tuple[list[str], list[str], list[int]]:
    """Return the preferred labels, the anchors and each anchor's label row.

    Anchors: the alternative labels and the description of every skill.

    Example: ``training_pairs(toy)[0][:1]`` -> ``["project management"]``
    """
    skills = list(taxonomy.skills.values())
    labels = [skill.preferred_label for skill in skills]
    anchors: list[str] = []
    targets: list[int] = []
    for row, skill in enumerate(skills):
        texts = [*skill.alt_labels, *([skill.description] if skill.description else [])]
        anchors.extend(texts)
        targets.extend([row] * len(texts))
    return labels, anchors, targets


def tune(model: Any, taxonomy: Taxonomy, epochs: int = EPOCHS, threads: int = 2) -> Any:
    """Return ``model`` with its embedding table tuned for ``epochs`` (float16, as bundled)."""
    import torch  # noqa: PLC0415 - a dev dependency, not the runtime's
    from torch.nn import functional  # noqa: PLC0415

    torch.set_num_threads(threads)
    labels, anchors, targets = training_pairs(taxonomy)
    original = torch.tensor(np.asarray(model.embedding, dtype=np.float32))
    table = torch.nn.Parameter(original.clone())
    optimizer = torch.optim.Adam([table], lr=LEARNING_RATE)
    label_ids = _token_ids(model, labels)
    anchor_ids = _token_ids(model, anchors)
    target = torch.tensor(targets)

    def encode(ids: list[list[int]]) -> Any:
        flat = torch.tensor([token for row in ids for token in row])
        offsets = torch.tensor(np.cumsum([0] + [len(row) for row in ids[:-1]]))
        pooled = functional.embedding_bag(flat, table, offsets, mode="mean")
        return functional.normalize(pooled, dim=1)

    for epoch in range(epochs):
        started, total = time.monotonic(), 0.0
        order = np.random.default_rng(SEED + epoch).permutation(len(anchor_ids))
        for first in range(0, len(order), BATCH):
            batch = order[first : first + BATCH]
            logits = encode([anchor_ids[i] for i in batch]) @ encode(label_ids).T / TAU
            loss = functional.cross_entropy(logits, target[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach()) * len(batch)
        logger.info(
            "epoch %d: loss %.3f (%.0f s)",
            epoch,
            total / len(order),
            time.monotonic() - started,
        )
    model.embedding = table.detach().numpy().astype(np.float16)
    return model


def _token_ids(model: Any, texts: list[str]) -> list[list[int]]:
    """Subword ids as model2vec encodes them, cut to ``MAX_TOKENS`` (an empty text: id 0)."""
    return [ids[:MAX_TOKENS] or [0] for ids in model.tokenize(texts)]


def main(argv: list[str] | None = None) -> None:
    """Command line: tune the bundled model on the bundled (or given) taxonomy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the tuned model")
    parser.add_argument("--taxonomy", type=Path, help="taxonomy Parquet (default: bundled ESCO)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    model = tune(load_static_model(), load_taxonomy(args.taxonomy), args.epochs)
    model.save_pretrained(str(args.out), model_name=args.out.name)
    card = args.out / "README.md"  # model2vec's card says MIT; the base model's licence holds
    if card.is_file():
        card.write_text(card.read_text().replace("license: mit", "license: apache-2.0"))
    logger.info("wrote %s", args.out)


if __name__ == "__main__":
    main()
