"""The proposer's network while it trains: hand-written gradients, Adam, weight averaging.

``Network`` holds the parameters of ``taxonomy.span_tagger``'s network (plus the trainable
word, suffix and prefix tables) for a tagger of one hidden window layer over the first.
``crf_loss`` scores a stream's gold tags against all BIO-consistent taggings (a linear-chain
CRF whose only transitions are the BIO constraints, so its decoding is ``viterbi``);
``softmax_loss`` scores each token's tag alone. Used by ``taxonomy.train_proposer``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from taxonomy.proposer import ProposerModel
from taxonomy.span_tagger import (
    N_FLAGS,
    TaggerWeights,
    WordFeatures,
    prefix_products,
    shift_sum,
)


@dataclass(frozen=True)
class Settings:
    """Training settings (the defaults made the bundled weights)."""

    hidden: int = 64
    hidden2: int = 64
    window: int = 2
    window2: int = 1
    word_dim: int = 32
    affix_dim: int = 16
    min_count: int = 2
    min_affix_count: int = 5
    epochs: int = 12
    batch: int = 32
    lr: float = 2e-3
    dropout: float = 0.25
    word_dropout: float = 0.1
    average: float = 0.999
    loss: str = "crf"
    seed: int = 0


class Network:
    """The tagger's parameters with hand-written gradients and Adam, for training."""

    def __init__(
        self,
        statics: np.ndarray,
        ids: np.ndarray,
        words: WordFeatures,
        settings: Settings,
        rng: np.random.Generator,
    ) -> None:
        s = settings
        self.statics, self.ids, self.settings, self.rng = statics, ids, s, rng
        n_in = statics.shape[1] + s.word_dim + 2 * s.affix_dim
        k1, k2 = 2 * s.window + 1, 2 * s.window2 + 1

        def init(fan_in: int, shape: tuple[int, ...]) -> np.ndarray:
            return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)

        self.params = {
            "word_emb": words.word_emb.copy(),
            "suffix_emb": words.suffix_emb.copy(),
            "prefix_emb": words.prefix_emb.copy(),
            "row_w": init(k1 * (n_in + N_FLAGS), (n_in, k1 * s.hidden)),
            "flag_w": init(k1 * (n_in + N_FLAGS), (N_FLAGS, k1 * s.hidden)),
            "b0": np.zeros(s.hidden, dtype=np.float32),
            "layer1_w": init(k2 * s.hidden, (s.hidden, k2 * s.hidden2)),
            "b1": np.zeros(s.hidden2, dtype=np.float32),
            "out_w": init(s.hidden2, (s.hidden2, 3)) * 0.1,
            "out_b": np.zeros(3, dtype=np.float32),
        }
        self.words = words
        self.average = {k: v.copy() for k, v in self.params.items()}
        self.moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in self.params.items()}
        self.steps = 0

    def model(self, o_bias: float, probes: np.ndarray, *, averaged: bool = True) -> ProposerModel:
        """The (averaged) parameters as the proposer's model."""
        p = self.average if averaged else self.params
        weights = TaggerWeights(
            p["row_w"].copy(),
            p["flag_w"].copy(),
            (p["b0"].copy(), p["b1"].copy()),
            (p["layer1_w"].copy(),),
            p["out_w"].copy(),
            p["out_b"].copy(),
            o_bias,
        )
        w = self.words
        words = WordFeatures(
            w.words,
            p["word_emb"].copy(),
            w.suffixes,
            p["suffix_emb"].copy(),
            w.prefixes,
            p["prefix_emb"].copy(),
            w.affix,
        )
        return ProposerModel(weights, words, probes)

    def forward(
        self, rows: np.ndarray, flags: np.ndarray, *, train: bool
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Tag scores of a stream; in training with dropout, and what ``backward`` needs."""
        p, s, rng = (self.params if train else self.average), self.settings, self.rng
        ids = self.ids[rows]
        if train:
            ids = ids.copy()
            ids[rng.random(len(ids)) < s.word_dropout, 0] = 0
        x = np.concatenate(
            [
                self.statics[rows],
                p["word_emb"][ids[:, 0]],
                p["suffix_emb"][ids[:, 1]],
                p["prefix_emb"][ids[:, 2]],
            ],
            axis=1,
        )
        keep: dict[str, np.ndarray | float] = {"x": 1.0, "h0": 1.0, "h1": 1.0}
        if train:
            for name, width in (("x", x.shape[1]), ("h0", s.hidden), ("h1", s.hidden2)):
                keep[name] = (rng.random((len(rows), width)) >= s.dropout) / (1 - s.dropout)
        x = x * keep["x"]
        a0 = shift_sum(x @ p["row_w"] + flags @ p["flag_w"], s.hidden) + p["b0"]
        h0 = np.maximum(a0, 0.0) * keep["h0"]
        a1 = shift_sum(h0 @ p["layer1_w"], s.hidden2) + p["b1"]
        h1 = np.maximum(a1, 0.0) * keep["h1"]
        scores = h1 @ p["out_w"] + p["out_b"]
        cache = {"ids": ids, "x": x, "flags": flags, "a0": a0, "h0": h0, "a1": a1, "h1": h1}
        return scores, {**cache, **{f"keep_{k}": np.asarray(v) for k, v in keep.items()}}

    def backward(self, d_scores: np.ndarray, c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Gradients of the parameters from the scores' gradient."""
        p = self.params
        g = {"out_w": c["h1"].T @ d_scores, "out_b": d_scores.sum(axis=0)}
        d_a1 = (d_scores @ p["out_w"].T) * c["keep_h1"] * (c["a1"] > 0)
        g["b1"] = d_a1.sum(axis=0)
        d_z1 = _shift_sum_grad(d_a1, p["layer1_w"].shape[1])
        g["layer1_w"] = c["h0"].T @ d_z1
        d_a0 = (d_z1 @ p["layer1_w"].T) * c["keep_h0"] * (c["a0"] > 0)
        g["b0"] = d_a0.sum(axis=0)
        d_z0 = _shift_sum_grad(d_a0, p["row_w"].shape[1])
        g["row_w"] = c["x"].T @ d_z0
        g["flag_w"] = c["flags"].T @ d_z0
        d_x = (d_z0 @ p["row_w"].T) * c["keep_x"]
        first = self.statics.shape[1]
        for column, name in enumerate(("word_emb", "suffix_emb", "prefix_emb")):
            width = p[name].shape[1]
            grad = np.zeros_like(p[name])
            np.add.at(grad, c["ids"][:, column], d_x[:, first : first + width])
            g[name] = grad
            first += width
        return g

    def step(self, grads: dict[str, np.ndarray]) -> None:
        """One Adam step, then the moving average."""
        s = self.settings
        self.steps += 1
        beta1, beta2 = 0.9, 0.999
        decay = min(s.average, (1 + self.steps) / (10 + self.steps))
        for name, grad in grads.items():
            m, v = self.moments[name]
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            m_hat = m / (1 - beta1**self.steps)
            v_hat = v / (1 - beta2**self.steps)
            self.params[name] -= (s.lr * m_hat / (np.sqrt(v_hat) + 1e-8)).astype(np.float32)
            self.average[name] *= decay
            self.average[name] += (1 - decay) * self.params[name]


def _shift_sum_grad(d_out: np.ndarray, blocks_width: int) -> np.ndarray:
    """Gradient of ``shift_sum``'s input from its output's."""
    n, width = d_out.shape
    half = blocks_width // width // 2
    d_blocks = np.zeros((n, blocks_width), dtype=np.float32)
    for k in range(2 * half + 1):
        d = k - half
        target = d_blocks[:, k * width : (k + 1) * width]
        if d > 0:
            target[d:] = d_out[: n - d]
        elif d < 0:
            target[: n + d] = d_out[-d:]
        else:
            target[:] = d_out
    return d_blocks


def softmax_loss(scores: np.ndarray, tags: np.ndarray) -> tuple[float, np.ndarray]:
    """Cross-entropy of each token's tag (breaks, tag -1, left out) and its gradient."""
    mask = tags >= 0
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    gold = np.where(mask, tags, 0)
    loss = -float(np.log(probs[mask, gold[mask]] + 1e-9).sum())
    probs[np.arange(len(tags)), gold] -= 1.0
    probs *= mask[:, None] / max(int(mask.sum()), 1)
    return loss, probs.astype(np.float32)


def crf_loss(scores: np.ndarray, tags: np.ndarray) -> tuple[float, np.ndarray]:
    """Negative log-likelihood of the gold tags among all BIO-consistent taggings, and gradient.

    Only ``O`` is allowed on breaks (tag -1); the gradient is the tag marginals minus the gold
    tags, per token, over the number of tokens that are not breaks.

    Forward and backward sums are 2x2 products in the log semiring, as ``viterbi``'s maxima.
    """
    x = scores.astype(np.float64)
    breaks = tags < 0
    x[breaks, 1:] = -np.inf
    o, b, i = x[:, 0], x[:, 1], x[:, 2]
    # forward: (U_t, W_t) = log-sums of paths ending at t in any tag / in B or I
    u, w = _log_scan(np.logaddexp(o, b), i, b, i, start=(0.0, -np.inf))
    # backward, right to left: (G_t, H_t) = log-sums of the rest after O / after B or I at t
    o_next, b_next, i_next = o[:0:-1], b[:0:-1], i[:0:-1]
    g, h = _log_scan(o_next, b_next, o_next, np.logaddexp(b_next, i_next), start=(0.0, 0.0))
    g, h = np.append(g[::-1], 0.0), np.append(h[::-1], 0.0)
    u_before, w_before = np.append(0.0, u[:-1]), np.append(-np.inf, w[:-1])
    log_z = u[-1]
    alpha = np.stack([o + u_before, b + u_before, i + w_before], axis=1)
    beta = np.stack([g, h, h], axis=1)
    marginals = np.exp(alpha + beta - log_z)
    gold = np.where(breaks, 0, tags)
    loss = float(log_z - x[np.arange(len(x)), gold].sum())
    marginals[np.arange(len(x)), gold] -= 1.0
    marginals[breaks] = 0.0
    return loss, (marginals / max(int((~breaks).sum()), 1)).astype(np.float32)


def _log_scan(
    m00: np.ndarray,
    m01: np.ndarray,
    m10: np.ndarray,
    m11: np.ndarray,
    *,
    start: tuple[float, float],
) -> tuple[np.ndarray, np.ndarray]:
    """``v_t = M_t (x) v_{t-1}`` for all ``t`` in the log semiring, ``v_{-1} = start``."""
    a00, a01, a10, a11 = prefix_products((m00, m01, m10, m11), np.logaddexp, len(m00))
    v0, v1 = start
    return np.logaddexp(a00 + v0, a01 + v1), np.logaddexp(a10 + v0, a11 + v1)
