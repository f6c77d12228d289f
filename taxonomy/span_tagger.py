"""The skill proposer's network in numpy: token features, window layers, BIO Viterbi decoding.

A token's features are its word's (``WordFeatures``: static vector, subword count, embeddings
of the lowercase word, suffix and prefix) and its shape flags (``token_flags``). The network
(``TaggerWeights``) is a stack of window layers over a stream of tokens in which docs are kept
apart by break tokens; ``window_layers`` and ``tag_scores`` run it and ``viterbi`` decodes tags
0 ``O``, 1 ``B``, 2 ``I`` with no ``I`` after ``O`` and only ``O`` on break tokens.
``taxonomy.proposer`` wraps it as a pipeline component, ``taxonomy.train_proposer`` trains it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from spacy.attrs import (
    IS_ALPHA,
    IS_BRACKET,
    IS_CURRENCY,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LENGTH,
    LIKE_NUM,
    LIKE_URL,
)
from spacy.tokens import Doc

TAG_O, TAG_B, TAG_I = 0, 1, 2
_ATTRS = (
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_UPPER,
    IS_TITLE,
    IS_PUNCT,
    IS_BRACKET,
    IS_QUOTE,
    IS_CURRENCY,
    IS_STOP,
    LIKE_NUM,
    LIKE_URL,
    IS_SPACE,
)
FLAG_SPACE = _ATTRS.index(IS_SPACE)
N_WORD_FLAGS = len(_ATTRS) + 1
"""Flags of a token's text alone: the attribute flags, then: one character long."""
N_FLAGS = N_WORD_FLAGS + 2
"""All flags: the word flags, then: first in its line, last in its line (from the breaks)."""
BREAK_FLAGS = np.zeros(N_WORD_FLAGS, dtype=np.float32)
BREAK_FLAGS[FLAG_SPACE] = 1.0
"""Word flags of the break tokens that keep docs apart in a stream (as a line break's)."""


def word_flags(doc: Doc) -> np.ndarray:
    """Flags of ``doc``'s tokens' texts, ``(len(doc), N_WORD_FLAGS)`` float32 of 0 and 1.

    Example: ``word_flags(nlp.make_doc("SQL"))[0, 3]`` -> ``1.0`` (upper case)
    """
    flags = np.zeros((len(doc), N_WORD_FLAGS), dtype=np.float32)
    if len(doc):
        values = doc.to_array([*_ATTRS, LENGTH])
        flags[:, : len(_ATTRS)] = values[:, : len(_ATTRS)]
        flags[:, len(_ATTRS)] = values[:, -1] == 1
    return flags


def line_edges(breaks: np.ndarray) -> np.ndarray:
    """Per token of a stream: 2 if first in its line, plus 1 if last (next to a break or an end).

    Example: ``line_edges(np.array([False, False, True, False]))`` -> ``array([2, 1, 0, 3])``
    """
    first = np.concatenate([[True], breaks[:-1]])
    last = np.concatenate([breaks[1:], [True]])
    return 2 * first.astype(np.int64) + last


def edge_flags(edges: np.ndarray) -> np.ndarray:
    """The two line flags (first, last) of ``line_edges`` values, ``(n, 2)`` float32."""
    return np.stack([edges >= 2, edges % 2 == 1], axis=1).astype(np.float32)


@dataclass(frozen=True)
class WordFeatures:
    """Trained embeddings of lowercase words, suffixes and prefixes (row 0: unknown).

    A word's features are ``[mean subword vector, log(1 + subword count), no-vector flag,
    word embedding, suffix embedding, prefix embedding]``.
    """

    words: tuple[str, ...]
    word_emb: np.ndarray
    suffixes: tuple[str, ...]
    suffix_emb: np.ndarray
    prefixes: tuple[str, ...]
    prefix_emb: np.ndarray
    affix: int = 3

    def ids(self, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows of ``words`` in the word, suffix and prefix tables (0 where unknown).

        Example: ``features.ids(["python", "zzzzqx"])`` -> ``(array([2926, 0]), ...)`` (bundled)
        """
        word_ids, suffix_ids, prefix_ids = self._index()
        n = self.affix
        return (
            np.fromiter((word_ids.get(w, 0) for w in words), np.int64, len(words)),
            np.fromiter((suffix_ids.get(w[-n:], 0) for w in words), np.int64, len(words)),
            np.fromiter((prefix_ids.get(w[:n], 0) for w in words), np.int64, len(words)),
        )

    def features(self, words: list[str], sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Features of ``words`` with their subword sums ``(n, dim)`` and counts ``(n,)``.

        Example: ``features.features(["sql"], sums, counts).shape`` -> ``(1, 322)`` (bundled)
        """
        word_ids, suffix_ids, prefix_ids = self.ids(words)
        return np.concatenate(
            [
                static_features(sums, counts),
                self.word_emb[word_ids],
                self.suffix_emb[suffix_ids],
                self.prefix_emb[prefix_ids],
            ],
            axis=1,
        )

    def pad_features(self, dim: int) -> np.ndarray:
        """Features of a token without a vector or a known word (a line break)."""
        return self.features([""], np.zeros((1, dim), np.float32), np.zeros(1, np.float32))

    def arrays(self) -> dict[str, np.ndarray]:
        """The tables as named arrays (strings as unicode arrays: no pickle needed)."""
        return {
            "words": np.asarray(self.words, dtype=str),
            "word_emb": self.word_emb,
            "suffixes": np.asarray(self.suffixes, dtype=str),
            "suffix_emb": self.suffix_emb,
            "prefixes": np.asarray(self.prefixes, dtype=str),
            "prefix_emb": self.prefix_emb,
            "affix": np.int64(self.affix),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> WordFeatures:
        """The inverse of ``arrays``."""
        return cls(
            tuple(arrays["words"].tolist()),
            np.asarray(arrays["word_emb"], dtype=np.float32),
            tuple(arrays["suffixes"].tolist()),
            np.asarray(arrays["suffix_emb"], dtype=np.float32),
            tuple(arrays["prefixes"].tolist()),
            np.asarray(arrays["prefix_emb"], dtype=np.float32),
            int(arrays["affix"]),
        )

    def _index(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        cached = self.__dict__.get("_cached_index")
        if cached is None:
            cached = tuple(
                {text: row + 1 for row, text in enumerate(table)}
                for table in (self.words, self.suffixes, self.prefixes)
            )
            object.__setattr__(self, "_cached_index", cached)
        return cached  # type: ignore[return-value]


def static_features(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Mean subword vector, ``log(1 + count)`` and a no-vector flag, from sums and counts.

    Example: ``static_features(np.ones((1, 2)), np.array([2.0]))`` -> ``[[0.5, 0.5, 1.1, 0.0]]``
    """
    counts = np.asarray(counts, dtype=np.float32)
    means = np.asarray(sums, dtype=np.float32) / np.maximum(counts, 1.0)[:, None]
    extra = np.stack([np.log1p(counts), (counts == 0).astype(np.float32)], axis=1)
    return np.concatenate([means, extra], axis=1)


@dataclass(frozen=True)
class TaggerWeights:
    """The network's weights: window layers, then a linear layer scoring O, B and I.

    ``row_w`` and ``flag_w`` map word and flag features to the first layer
    (one block per window offset, leftmost first, each ``biases[0]`` wide); ``layers[i]`` maps
    layer ``i``'s output to layer ``i + 1``'s window the same way; ``out_w`` / ``out_b`` give
    the tag scores from the last. ``o_bias`` is added to the ``O`` score before decoding.
    """

    row_w: np.ndarray
    flag_w: np.ndarray
    biases: tuple[np.ndarray, ...]
    layers: tuple[np.ndarray, ...]
    out_w: np.ndarray
    out_b: np.ndarray
    o_bias: float = 0.0

    @property
    def radius(self) -> int:
        """Tokens either side that a token's tags depend on."""
        widths = [self.row_w.shape[1], *(w.shape[1] for w in self.layers)]
        return sum(
            width // bias.shape[0] // 2 for width, bias in zip(widths, self.biases, strict=True)
        )

    def arrays(self) -> dict[str, np.ndarray]:
        """The weights as named arrays (``layer1_w``, ``b0``, ``b1``, ...)."""
        arrays = {"row_w": self.row_w, "flag_w": self.flag_w, "out_w": self.out_w}
        arrays |= {f"b{i}": b for i, b in enumerate(self.biases)}
        arrays |= {f"layer{i + 1}_w": w for i, w in enumerate(self.layers)}
        return {**arrays, "out_b": self.out_b, "o_bias": np.float32(self.o_bias)}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> TaggerWeights:
        """The inverse of ``arrays``."""

        def get(name: str) -> np.ndarray:
            return np.asarray(arrays[name], dtype=np.float32)

        depth = sum(1 for name in arrays if name.startswith("layer"))
        return cls(
            get("row_w"),
            get("flag_w"),
            tuple(get(f"b{i}") for i in range(depth + 1)),
            tuple(get(f"layer{i + 1}_w") for i in range(depth)),
            get("out_w"),
            get("out_b"),
            float(arrays.get("o_bias", 0.0)),
        )


def shift_sum(blocks: np.ndarray, width: int) -> np.ndarray:
    """Sum each token's window: ``out[t] = sum_k blocks[t + k - h, k-th block]``, ``h`` = half.

    ``blocks`` is ``(n, (2h + 1) * width)``: block ``k`` of row ``s`` is what token ``s``
    gives the token ``k - h`` places before it. Rows outside the stream count as zero.

    Example: ``shift_sum(np.eye(3, dtype=np.float32), 1)`` -> ``[[0], [3], [0]]``
    """
    n = blocks.shape[0]
    half = blocks.shape[1] // width // 2
    out = blocks[:, half * width : (half + 1) * width].copy()
    for k in range(2 * half + 1):
        d = k - half
        block = blocks[:, k * width : (k + 1) * width]
        if d > 0:
            out[: n - d] += block[d:]
        elif d < 0:
            out[-d:] += block[: n + d]
    return out


def window_layers(weights: TaggerWeights, first: np.ndarray) -> np.ndarray:
    """The last window layer's output ``(n, width)`` from each token's first-layer share.

    A token's share ``(w * h,)`` is ``features @ row_w + flags @ flag_w`` (the caller caches
    the parts that depend on the token's text alone); the first layer sums it over each
    token's window. A token's output depends on the shares ``weights.radius`` tokens around it.
    """
    hidden = np.maximum(shift_sum(first, len(weights.biases[0])) + weights.biases[0], 0.0)
    for w, b in zip(weights.layers, weights.biases[1:], strict=True):
        hidden = np.maximum(shift_sum(hidden @ w, len(b)) + b, 0.0)
    return hidden


def tag_scores(weights: TaggerWeights, hidden: np.ndarray) -> np.ndarray:
    """Tag scores ``(n, 3)`` of a stream from its ``window_layers`` output."""
    return hidden @ weights.out_w + weights.out_b


def prefix_products(
    matrices: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    plus: Callable[[np.ndarray, np.ndarray], np.ndarray],
    reach: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Products ``M_t ... M_{t - reach + 1}`` of a sequence of 2x2 matrices, for every ``t``.

    The matrices are given as their four entries' arrays ``(m00, m01, m10, m11)``; the
    semiring's product is ``+`` and its sum ``plus`` (``np.maximum``: max-plus, for best paths;
    ``np.logaddexp``: log-sum, for path totals). A parallel prefix scan: ``log2(reach)`` rounds
    of whole-array operations. ``reach >= len`` gives the products back to the first matrix.

    Example: ``prefix_products((a, b, c, d), np.maximum, len(a))[0][-1]`` -> best path score
    """
    a00, a01, a10, a11 = (np.array(m, dtype=np.float64) for m in matrices)
    shift = 1
    while shift < min(reach, len(a00)):
        l00, l01, l10, l11 = a00[shift:], a01[shift:], a10[shift:], a11[shift:]
        r00, r01, r10, r11 = a00[:-shift], a01[:-shift], a10[:-shift], a11[:-shift]
        c00, c01 = plus(l00 + r00, l01 + r10), plus(l00 + r01, l01 + r11)
        c10, c11 = plus(l10 + r00, l11 + r10), plus(l10 + r01, l11 + r11)
        a00[shift:], a01[shift:], a10[shift:], a11[shift:] = c00, c01, c10, c11
        shift *= 2
    return a00, a01, a10, a11


def viterbi(scores: np.ndarray, breaks: np.ndarray, o_bias: float = 0.0) -> np.ndarray:
    """Best BIO-consistent tags of a stream: no ``I`` after ``O``, only ``O`` on ``breaks``.

    With ``S_t(y)`` the best path score ending in ``y`` at ``t``, only two numbers carry over:
    ``M = max_y S_t(y)`` and ``Q = max(S_t(B), S_t(I))``. Their recurrence is linear in the
    max-plus algebra (2x2 matrices), so a parallel prefix scan computes it in ``log2`` of the
    longest line steps of whole-array numpy operations; a break resets the state up to a
    constant, which does not change any decision. Backtracking is then a backward fill.

    Example: ``viterbi(np.array([[0., 0., 1.], [0., 0., 1.]]), np.zeros(2, bool))``
    -> ``array([1, 2])`` (a span can not start with ``I``)
    """
    n = len(scores)
    if not n:
        return np.zeros(0, dtype=np.int64)
    x = scores.astype(np.float64) + np.array([o_bias, 0.0, 0.0])
    x[breaks, 1:] = -np.inf
    # v_t = A_t (x) v_{t-1} with v = (M, Q), A_t = [[max(O_t, B_t), I_t], [B_t, I_t]].
    run = np.arange(n) - np.maximum.accumulate(np.where(breaks, np.arange(n), 0))
    matrices = (np.maximum(x[:, 0], x[:, 1]), x[:, 2], x[:, 1], x[:, 2])
    a00, _, a10, _ = prefix_products(matrices, np.maximum, int(run.max()) + 1)
    best = np.concatenate([[0.0], a00[:-1]])
    best_in = np.concatenate([[-np.inf], a10[:-1]])
    ending = np.stack([x[:, 0] + best, x[:, 1] + best, x[:, 2] + best_in], axis=1)
    choice = np.argmax(ending, axis=1)  # the tag at t if the tag at t + 1 is not I
    inside = choice == TAG_I
    settled = inside | (ending[:, 2] <= ending[:, 1])  # else: I iff the next tag is I
    settled[-1] = True
    nearest = np.where(settled, np.arange(n), n)
    nearest = np.minimum.accumulate(nearest[::-1])[::-1]
    is_i = inside[nearest]
    tags = np.where(is_i, TAG_I, choice)
    tags[np.concatenate([is_i[1:], [False]]) & ~is_i] = TAG_B
    return tags
