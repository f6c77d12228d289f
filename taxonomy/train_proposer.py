"""Train the ``skill_proposer``'s network on SkillSpan (a dev tool: numpy only, minutes on a CPU).

Usage: ``python -m taxonomy.train_proposer DATA_DIR --out taxonomy/data/skillspan-proposer``

``DATA_DIR`` holds SkillSpan's CoNLL files (token TAB skill-BIO TAB knowledge-BIO, a blank
line between sentences): ``skillspan_{tech,house}_train.conll`` to train on and
``skillspan_{tech,house}_dev.conll`` to pick the epoch and the decoding bias by. A sentence's
text is its tokens joined by spaces (as the benchmark builds it), tokenized by the extraction
pipeline's own tokenizer (``build_nlp``), so training sees the tokens inference will; a gold
edge inside a pipeline token (none in SkillSpan) would widen the span to whole tokens. Skill and
knowledge spans become one label; where they nest, the longer is kept.

The network (``taxonomy.span_tagger``) learns the likelihood of the gold tags among all
BIO-consistent taggings (``taxonomy.trainable_tagger.crf_loss``), with dropout, word dropout
(a known word's table row replaced by the unknown one's) and Adam. Each epoch is scored on
dev with an average of the weights over the steps, as spaCy does, and the best is kept.

Writes ``weights.npz`` (loaded by ``taxonomy.proposer.load_model``) and ``training.json``
(settings and the dev scores of each epoch) to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
from spacy.language import Language

from taxonomy.proposer import PROBE_WORDS, probe_vectors, save_model
from taxonomy.span_tagger import (
    BREAK_FLAGS,
    FLAG_SPACE,
    TAG_B,
    TAG_I,
    WordFeatures,
    edge_flags,
    line_edges,
    static_features,
    viterbi,
    word_flags,
)
from taxonomy.token_vectors import TokenVectors
from taxonomy.trainable_tagger import Network, Settings, crf_loss, softmax_loss

logger = logging.getLogger(__name__)

TRAIN_FILES = ("skillspan_tech_train.conll", "skillspan_house_train.conll")
DEV_FILES = ("skillspan_tech_dev.conll", "skillspan_house_dev.conll")
O_BIASES = tuple(float(b) for b in np.round(np.arange(-1.5, 1.51, 0.25), 2))


@dataclass
class Example:
    """One sentence: its rows in the word table (0: break), word flags, tags, gold spans."""

    rows: np.ndarray
    flags: np.ndarray
    tags: np.ndarray
    gold: set[tuple[int, int]]
    n_gold: int


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """Yield (tokens, skill tags, knowledge tags) per sentence of a SkillSpan CoNLL file.

    Example: ``next(read_conll(path))[0]`` -> ``["Senior", "QA", "Engineer", ...]``
    """
    sentence: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            fields_ = line.rstrip("\n").split("\t")
            if not line.strip():
                if sentence:
                    yield _columns(sentence)
                sentence = []
                continue
            sentence.append((fields_[0], fields_[1], fields_[2] if len(fields_) > 2 else "O"))
    if sentence:
        yield _columns(sentence)


def _columns(rows: list[tuple[str, str, str]]) -> tuple[list[str], list[str], list[str]]:
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def bio_spans(tags: list[str]) -> list[tuple[int, int]]:
    """Token spans of a BIO column; a stray ``I-`` opens a span (as the benchmark reads it).

    Example: ``bio_spans(["B-S", "I-S", "O", "I-S"])`` -> ``[(0, 2), (3, 4)]``
    """
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append((start, i))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start = i
    return spans


def longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, the longer (then the earlier) kept where two overlap.

    Example: ``longest_first([(0, 1), (0, 3), (5, 6)])`` -> ``[(0, 3), (5, 6)]``
    """
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return sorted(kept)


def make_examples(nlp: Language, vectors: TokenVectors, path: Path) -> list[Example]:
    """The sentences of a CoNLL file, tokenized by ``nlp``, tagged with the merged spans.

    Example: ``make_examples(nlp, vectors, data / "skillspan_tech_dev.conll")[0].tags``
    """
    examples = []
    for tokens, skill, knowledge in read_conll(path):
        starts = np.cumsum([0] + [len(token) + 1 for token in tokens]).tolist()
        doc = nlp.make_doc(" ".join(tokens))
        spans = bio_spans(skill) + bio_spans(knowledge)
        gold = set()
        for start, end in set(spans):
            span = doc.char_span(starts[start], starts[end] - 1)
            if span is not None:
                gold.add((span.start, span.end))
        tags = np.zeros(len(doc), dtype=np.int64)
        for start, end in longest_first(spans):
            span = doc.char_span(starts[start], starts[end] - 1, alignment_mode="expand")
            if span is not None and len(span):
                tags[span.start] = TAG_B
                tags[span.start + 1 : span.end] = TAG_I
        rows = vectors.rows(doc) + 1
        examples.append(Example(rows, word_flags(doc), tags, gold, len(set(spans))))
    return examples


def word_tables(
    vectors: TokenVectors, train: list[Example], settings: Settings, rng: np.random.Generator
) -> WordFeatures:
    """Word, suffix and prefix tables of the training words (small random starting values)."""
    counts = Counter(np.concatenate([ex.rows for ex in train]).tolist())
    lowers = vectors.lowers(np.asarray(sorted(counts)) - 1)
    by_word = dict(zip(lowers, (counts[row] for row in sorted(counts)), strict=True))
    suffixes: Counter[str] = Counter()
    prefixes: Counter[str] = Counter()
    for word, count in by_word.items():
        suffixes[word[-3:]] += count
        prefixes[word[:3]] += count
    words = tuple(sorted(w for w, c in by_word.items() if c >= settings.min_count))
    suffix_keep = tuple(sorted(s for s, c in suffixes.items() if c >= settings.min_affix_count))
    prefix_keep = tuple(sorted(s for s, c in prefixes.items() if c >= settings.min_affix_count))

    def table(n: int, dim: int) -> np.ndarray:
        return (rng.standard_normal((n + 1, dim)) * 0.1).astype(np.float32)

    return WordFeatures(
        words,
        table(len(words), settings.word_dim),
        suffix_keep,
        table(len(suffix_keep), settings.affix_dim),
        prefix_keep,
        table(len(prefix_keep), settings.affix_dim),
    )


def stream(
    examples: list[Example], pad: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sentences in one token stream with ``pad`` break tokens around each (as inference).

    Returns rows, flags, tags (-1 on breaks) and each sentence's first position.
    """
    starts = np.cumsum([pad] + [len(ex.rows) + pad for ex in examples])
    total = int(starts[-1])
    rows = np.zeros(total, dtype=np.int64)
    flags = np.tile(BREAK_FLAGS, (total, 1))
    tags = np.full(total, -1, dtype=np.int64)
    for ex, start in zip(examples, starts, strict=False):
        end = start + len(ex.rows)
        rows[start:end], flags[start:end], tags[start:end] = ex.rows, ex.flags, ex.tags
    edges = edge_flags(line_edges(flags[:, FLAG_SPACE] > 0))
    return rows, np.concatenate([flags, edges], axis=1), tags, starts[:-1]


def evaluate(net: Network, examples: list[Example], pad: int) -> dict[float, tuple[float, ...]]:
    """Strict span P/R/F1 of the averaged weights on ``examples``, per decoding bias."""
    rows, flags, _, starts = stream(examples, pad)
    scores, _ = net.forward(rows, flags, train=False)
    breaks = flags[:, FLAG_SPACE] > 0
    n_gold = sum(ex.n_gold for ex in examples)
    results = {}
    for bias in O_BIASES:
        tags = viterbi(scores, breaks, bias)
        span_starts = np.flatnonzero(tags == TAG_B)
        span_ends = np.flatnonzero((tags != 0) & np.append(tags[1:] != TAG_I, True)) + 1
        owners = np.searchsorted(starts, span_starts, side="right") - 1
        tp = sum(
            (int(a - starts[k]), int(b - starts[k])) in examples[k].gold
            for k, a, b in zip(owners, span_starts, span_ends, strict=True)
        )
        p, r = tp / max(len(span_starts), 1), tp / max(n_gold, 1)
        results[bias] = (p, r, 2 * p * r / max(p + r, 1e-9))
    return results


def train(
    net: Network, train_set: list[Example], dev_set: list[Example]
) -> tuple[list[dict[str, object]], dict[str, np.ndarray]]:
    """Train ``net``; return each epoch's record (best last) and the best averaged parameters."""
    s = net.settings
    pad = s.window + s.window2
    loss_of = crf_loss if s.loss == "crf" else softmax_loss
    history: list[dict[str, object]] = []
    best: tuple[dict[str, object], dict[str, np.ndarray]] = ({"dev_f1": -1.0}, {})
    for epoch in range(1, s.epochs + 1):
        started = time.perf_counter()
        order = net.rng.permutation(len(train_set))
        total = 0.0
        for first in range(0, len(order), s.batch):
            batch = [train_set[i] for i in order[first : first + s.batch]]
            rows, flags, tags, _ = stream(batch, pad)
            scores, cache = net.forward(rows, flags, train=True)
            loss, d_scores = loss_of(scores, tags)
            total += loss
            net.step(net.backward(d_scores, cache))
        bias, (p, r, f1) = max(evaluate(net, dev_set, pad).items(), key=lambda item: item[1][2])
        record = {
            "epoch": epoch,
            "loss": round(total / len(train_set), 3),
            "dev_p": round(p, 4),
            "dev_r": round(r, 4),
            "dev_f1": round(f1, 4),
            "o_bias": bias,
            "seconds": round(time.perf_counter() - started, 1),
        }
        logger.info("%s", json.dumps(record))
        history.append(record)
        if f1 > best[0]["dev_f1"]:  # type: ignore[operator]
            best = (record, {k: v.copy() for k, v in net.average.items()})
    return [*history, best[0]], best[1]


def main() -> None:
    """Train on SkillSpan train, pick by SkillSpan dev, write weights.npz and training.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with SkillSpan's CoNLL files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write weights.npz to")
    for field in fields(Settings):
        option = f"--{field.name.replace('_', '-')}"
        parser.add_argument(option, type=type(field.default), default=field.default)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Settings(**{field.name: getattr(args, field.name) for field in fields(Settings)})

    from taxonomy.embeddings import load_static_model  # noqa: PLC0415 - a dev tool's imports
    from taxonomy.nlp import build_nlp  # noqa: PLC0415
    from taxonomy.source import load_taxonomy  # noqa: PLC0415

    nlp = build_nlp(load_taxonomy(), semantic=False, propose_spans=False)
    vectors = TokenVectors(load_static_model())
    train_set = [ex for name in TRAIN_FILES for ex in make_examples(nlp, vectors, args.data / name)]
    dev_set = [ex for name in DEV_FILES for ex in make_examples(nlp, vectors, args.data / name)]
    rng = np.random.default_rng(settings.seed)
    words = word_tables(vectors, train_set, settings, rng)
    rows = np.arange(len(vectors))
    break_features = static_features(np.zeros((1, vectors.dim)), np.zeros(1))
    statics = np.concatenate([break_features, static_features(*vectors.sums_of(rows))])
    ids = np.stack(words.ids(["", *vectors.lowers(rows)]), axis=1)
    logger.info("train %d sentences, dev %d", len(train_set), len(dev_set))
    net = Network(statics, ids, words, settings, rng)
    history, net.average = train(net, train_set, dev_set)
    best = history.pop()
    model = net.model(float(best["o_bias"]), probe_vectors(vectors, nlp.vocab))  # type: ignore[arg-type]
    file = save_model(model, args.out)
    log = {
        "settings": asdict(settings),
        "probe_words": PROBE_WORDS,
        "best": best,
        "epochs": history,
    }
    (args.out / "training.json").write_text(json.dumps(log, indent=1) + "\n", encoding="utf-8")
    logger.info("wrote %s (%d bytes)", file, file.stat().st_size)


if __name__ == "__main__":
    main()
