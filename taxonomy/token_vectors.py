"""Static vectors of spaCy tokens, cached by word, and phrase vectors from their running sums.

A model2vec model embeds a text as the mean of its subword embeddings. Its tokenizer splits
at spaces and punctuation as spaCy does, so the subwords of a phrase are those of its tokens:
keeping each word's subword *sum* and *count* gives any token range's vector with two
cumulative-sum lookups, the same as encoding the phrase's text, without tokenizing it again.
Words are embedded once per process (keyed by spaCy's ``LOWER`` hash) and reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc

_GROW = 4096


class TokenVectors:
    """Word sums and subword counts of a model2vec model, cached by lowercase word.

    Example: ``TokenVectors(load_static_model()).doc_sums(doc)`` -> ``(sums, counts)``
    """

    def __init__(self, model: Any, *, subwords: TokenVectors | None = None) -> None:
        """Cache nothing yet; take the subword ids of words ``subwords`` has seen from it.

        ``subwords``: vectors of another model, used only if its tokenizer is ``model``'s
        (the proposer's and the linker's models): new words are then tokenized once.
        """
        self.model = model
        self.dim = int(model.dim)
        self._rows: dict[int, int] = {}
        self._words: list[str] = []
        self._ids: list[list[int]] = []
        self._shared = (
            subwords if subwords is not None and _same_tokens(model, subwords.model) else None
        )
        self._sums = np.zeros((_GROW, self.dim), dtype=np.float32)
        self._counts = np.zeros(_GROW, dtype=np.float32)
        self._embedding: np.ndarray | None = None
        if hasattr(model, "tokenize") and hasattr(model, "embedding"):
            self._embedding = np.asarray(model.embedding, dtype=np.float32)
            weights = getattr(model, "weights", None)
            if weights is not None:
                self._embedding *= np.asarray(weights, dtype=np.float32)[:, None]

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, doc: Doc) -> np.ndarray:
        """Cache rows of ``doc``'s tokens (embedding words not seen before).

        Example: ``vectors.rows(nlp.make_doc("SQL and sql"))`` -> ``array([0, 1, 0])``
        """
        hashes = doc.to_array(LOWER).tolist() if len(doc) else []
        rows = self._rows
        missing = [h for h in dict.fromkeys(hashes) if h not in rows]
        if missing:
            strings = doc.vocab.strings
            self._add(missing, [strings[h] for h in missing])
        return np.fromiter(map(rows.__getitem__, hashes), dtype=np.int64, count=len(hashes))

    def lowers(self, rows: np.ndarray) -> list[str]:
        """The lowercase texts of tokens given by their cache ``rows`` (no ``Token`` objects).

        Example: ``vectors.lowers(vectors.rows(nlp.make_doc("Use SQL")))`` -> ``["use", "sql"]``
        """
        words = self._words
        return [words[row] for row in rows.tolist()]

    def doc_sums(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        """Return each token's subword-embedding sum ``(n, dim)`` and subword count ``(n,)``.

        Example: ``sums, counts = vectors.doc_sums(nlp.make_doc("C++"))`` -> ``counts == [3.]``
        """
        return self.sums_of(self.rows(doc))

    def sums_of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Subword sums and counts of tokens given by their cache ``rows``.

        Example: ``vectors.sums_of(vectors.rows(doc))`` is ``vectors.doc_sums(doc)``
        """
        return self._sums[rows], self._counts[rows]

    def docs_range_vectors(
        self, rows: Sequence[np.ndarray], ranges: Sequence[Sequence[tuple[int, int]]]
    ) -> list[np.ndarray]:
        """``range_vectors`` of several docs at once: their cache ``rows``, their token ``ranges``.

        The same values: each doc's prefix sums are added row by row in the same order, but
        with the docs side by side, one numpy call per token position instead of per token.

        Example: ``vectors.docs_range_vectors([vectors.rows(doc)], [[(0, 2)]])[0]`` equals
        ``range_vectors(*vectors.doc_sums(doc), [(0, 2)])``
        """
        cum, starts, order = self._side_by_side_sums(rows)
        zero_row = len(cum) - 1
        out: list[np.ndarray] = [np.empty(0)] * len(rows)
        for rank, number in enumerate(order):
            found = np.asarray(ranges[number], dtype=np.int64).reshape(-1, 2)
            # The doc's prefix of p tokens -> its row of ``cum`` (p = 0: the zero row).
            at = np.append(starts[:-1] + rank, zero_row)
            out[number] = _unit_means(cum[at[found[:, 1] - 1]] - cum[at[found[:, 0] - 1]])
        return out

    def _side_by_side_sums(
        self, rows: Sequence[np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """Prefix sums of the docs' token sums, position by position, and where they lie.

        Docs go longest first, so the docs still adding at position ``i`` are the first
        ``k_i``: their prefix sums of ``i + 1`` tokens are rows ``starts[i]:starts[i] + k_i``
        of the array returned, in that order; its last row is zeros. ``order``: the docs'
        numbers, longest first.
        """
        lengths = np.fromiter(map(len, rows), np.int64, len(rows))
        order = np.argsort(-lengths, kind="stable").tolist()
        longest = int(lengths.max()) if len(rows) else 0
        active = len(rows) - np.cumsum(np.bincount(lengths, minlength=longest + 1))[:longest]
        starts = np.concatenate([[0], np.cumsum(active)])
        total = int(starts[-1])
        positions = np.empty(total, dtype=np.int64)
        for rank, number in enumerate(order):
            positions[starts[: len(rows[number])] + rank] = rows[number]
        cum = np.empty((total + 1, self.dim), dtype=self._sums.dtype)
        # ``clip``: the positions are valid rows anyway, and ``raise`` copies through a buffer.
        np.take(self._sums, positions, axis=0, out=cum[:total], mode="clip")
        cum[total] = 0.0
        # Row by row as in ``range_vectors``, from zeros: the same additions, in the same order.
        before = np.zeros((int(active[0]) if longest else 0, self.dim), dtype=cum.dtype)
        for first, k in zip(starts[:-1].tolist(), active.tolist(), strict=True):
            row = cum[first : first + k]
            np.add(before[:k], row, out=row)
            before = row
        return cum, starts, order

    def _add(self, hashes: list[int], words: list[str]) -> None:
        first = len(self._rows)
        self._words.extend(words)
        needed = first + len(words)
        if needed > len(self._counts):
            size = max(needed, 2 * len(self._counts))
            self._sums = np.resize(self._sums, (size, self.dim))
            self._counts = np.resize(self._counts, size)
        if self._embedding is None:  # a model with only ``encode``: one subword per word
            vectors = np.asarray(self.model.encode(words), dtype=np.float32).reshape(-1, self.dim)
            self._sums[first:needed] = vectors
            self._counts[first:needed] = np.abs(vectors).sum(axis=1) > 0
            self._rows.update(zip(hashes, range(first, needed), strict=True))
            return
        ids = self._subword_ids(hashes, words)
        self._ids.extend(ids)
        for offset, word_ids in enumerate(ids):
            row = first + offset
            if word_ids:
                self._sums[row] = self._embedding[word_ids].sum(axis=0)
                self._counts[row] = len(word_ids)
            else:  # whitespace, or nothing the tokenizer keeps
                self._sums[row] = 0.0
                self._counts[row] = 0.0
        self._rows.update(zip(hashes, range(first, needed), strict=True))

    def _subword_ids(self, hashes: list[int], words: list[str]) -> list[list[int]]:
        """The model's subword ids of ``words``: the shared vectors' where they have them."""
        shared = self._shared
        if shared is None:
            return self.model.tokenize(words)
        known = [shared._rows.get(h) for h in hashes]
        new = [word for word, row in zip(words, known, strict=True) if row is None]
        tokenized = iter(self.model.tokenize(new) if new else ())
        return [next(tokenized) if row is None else shared._ids[row] for row in known]


def _same_tokens(model: Any, other: Any) -> bool:
    """Whether two model2vec models split words into the same subword ids."""
    if not all(hasattr(m, "tokenize") and hasattr(m, "tokenizer") for m in (model, other)):
        return False
    same_unknown = getattr(model, "unk_token_id", None) == getattr(other, "unk_token_id", None)
    return same_unknown and model.tokenizer.to_str() == other.tokenizer.to_str()


def range_vectors(
    sums: np.ndarray, counts: np.ndarray, ranges: np.ndarray | list[tuple[int, int]]
) -> np.ndarray:
    """Unit mean vectors of token ranges ``(start, end)`` of one doc (zero for empty ones).

    Example: ``range_vectors(sums, counts, [(0, 2)])`` -> the unit vector of the first 2 tokens
    """
    ranges = np.asarray(ranges, dtype=np.int64).reshape(-1, 2)
    # float32 sums: a pipeline piece (<= 100k characters) loses ~1e-5 of a phrase's length
    # to rounding, nothing a ranking notices, for half the time of float64
    cum = np.empty((len(sums) + 1, sums.shape[1]), dtype=np.result_type(sums, np.float32))
    cum[0] = 0.0
    cum[1:] = sums
    # Row by row: the same sums as ``np.cumsum(axis=0)``, which adds down one column at a
    # time (each addition waiting for the one before) and takes a fifth longer.
    for before, row in pairwise(cum):
        np.add(before, row, out=row)
    return _unit_means(cum[ranges[:, 1]] - cum[ranges[:, 0]])


def _unit_means(total: np.ndarray) -> np.ndarray:
    """Unit vectors of ranges' sums ``total`` (zero for a zero sum)."""
    norms = np.linalg.norm(total, axis=1, keepdims=True)
    # The mean's direction is the sum's: unit length makes the count irrelevant.
    return (total / np.maximum(norms, 1e-9)).astype(np.float32, copy=False)
