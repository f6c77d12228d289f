"""Skill span proposer: word vectors and shape flags -> a small window network -> ``doc.ents``.

The ``skill_proposer`` component tags each token ``O``, ``B`` or ``I`` of one ``SKILL`` label
(SkillSpan's skill and knowledge spans merged) and puts the spans into ``doc.ents`` for the
``skill_linker`` to link. It runs on numpy alone:

- a word's features are its static vector (the mean of its model2vec subword embeddings, from
  a shared ``TokenVectors``), its subword count, and small trained embeddings of the word, its
  suffix and its prefix (lowercase); a token's are its word's and a few shape flags (case,
  digits, punctuation, stop word, first or last in its line, ...);
- a first layer reads a window of tokens, further layers windows of the layer before (ReLU),
  and a linear layer scores the tags. What a token gives the first layer, apart from the two
  line flags, depends on its text alone, so it is computed once per token text and cached;
- Viterbi decoding keeps the tags BIO-consistent (no ``I`` after ``O``); line breaks are ``O``.

The bundled weights (``data/skillspan-proposer``) were trained on SkillSpan train by
``taxonomy.train_proposer``; see their ``SOURCE.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from spacy.vocab import Vocab

from taxonomy.errors import TaxonomyError
from taxonomy.span_tagger import (
    BREAK_FLAGS,
    FLAG_SPACE,
    N_WORD_FLAGS,
    TAG_B,
    TAG_I,
    TaggerWeights,
    WordFeatures,
    edge_flags,
    line_edges,
    static_features,
    tag_scores,
    viterbi,
    window_layers,
    word_flags,
)
from taxonomy.token_vectors import TokenVectors

logger = logging.getLogger(__name__)

FACTORY = "skill_proposer"
LABEL = "SKILL"
MODEL_DIR = "skillspan-proposer"
WEIGHTS_FILE = "weights.npz"
FORMAT = 1
MAX_CACHED = 200_000
"""Token texts whose first-layer share is kept (about 1.3 kB each); more empty the cache."""
STREAM_CHUNK = 2048
"""Tokens of a stream going through the window layers at a time (a few MB of temporaries)."""
PROBE_WORDS = ("python", "teamwork", "the", "kubernetes", "c++")
"""Words whose static vectors are saved with the weights, to check the vectors given later."""


@dataclass(frozen=True)
class ProposerModel:
    """What the proposer loads: the network, the word tables, and the probe words' vectors."""

    weights: TaggerWeights
    words: WordFeatures
    probes: np.ndarray

    @property
    def static_dim(self) -> int:
        """Width of the static word vectors the weights were trained with."""
        return int(self.probes.shape[1]) - 2

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything as named arrays, as ``weights.npz`` holds them."""
        arrays = {**self.weights.arrays(), **self.words.arrays()}
        return {**arrays, "probes": self.probes, "format": np.int64(FORMAT)}


def load_model(path: Path | None = None) -> ProposerModel:
    """Load the proposer's model from a folder (default: the bundled one), offline.

    Example: ``load_model().weights.radius`` -> ``3``

    Raises:
        TaxonomyError: when the folder holds no proposer weights of this format.
    """
    if path is None:
        with resources.as_file(resources.files("taxonomy") / "data" / MODEL_DIR) as bundled:
            return _read(bundled / WEIGHTS_FILE)
    return _read(Path(path) / WEIGHTS_FILE)


def _read(file: Path) -> ProposerModel:
    try:
        with np.load(file, allow_pickle=False) as npz:
            arrays: Mapping[str, np.ndarray] = {name: npz[name] for name in npz.files}
        if int(arrays.get("format", -1)) != FORMAT:
            raise TaxonomyError(f"{file}: not skill proposer weights of format {FORMAT}")
        weights = TaggerWeights.from_arrays(arrays)
        words = WordFeatures.from_arrays(arrays)
        probes = np.asarray(arrays["probes"], dtype=np.float32)
    except (OSError, ValueError, KeyError) as exc:
        raise TaxonomyError(f"{file}: not skill proposer weights: {exc}") from exc
    return ProposerModel(weights, words, probes)


def save_model(model: ProposerModel, path: Path) -> Path:
    """Write ``model`` to ``path/weights.npz`` (compressed); return the file.

    Example: ``save_model(model, Path("out"))`` -> ``Path("out/weights.npz")``
    """
    path.mkdir(parents=True, exist_ok=True)
    file = path / WEIGHTS_FILE
    np.savez_compressed(file, **model.arrays())
    return file


def probe_vectors(vectors: TokenVectors, vocab: Vocab) -> np.ndarray:
    """Static features of ``PROBE_WORDS`` from ``vectors`` (to compare models by).

    Example: ``probe_vectors(TokenVectors(load_static_model()), nlp.vocab).shape`` -> ``(5, 258)``
    """
    rows = vectors.rows(Doc(vocab, words=list(PROBE_WORDS)))
    return static_features(*vectors.sums_of(rows))


class SkillProposer:
    """Pipeline component: proposed skill spans -> ``doc.ents`` (label ``SKILL``).

    Example: ``nlp("Experience with Docker and Kubernetes").ents`` -> ``(Docker, Kubernetes)``
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        label: str = LABEL,
        model: ProposerModel | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.label = label
        self.vectors: TokenVectors | None = None
        self._use(model if model is not None else load_model())

    def _use(self, model: ProposerModel) -> None:
        self.model = model
        w = model.weights
        edges = edge_flags(np.arange(4))
        self._edges = np.ascontiguousarray(edges @ w.flag_w[N_WORD_FLAGS:], dtype=np.float32)
        self._forget()

    def _forget(self) -> None:
        """Empty the cache of token texts; row 0 is the break between docs in a stream."""
        w = self.model.weights
        pad = self.model.words.pad_features(self.model.static_dim) @ w.row_w
        pad += BREAK_FLAGS @ w.flag_w[:N_WORD_FLAGS]
        self._cache = np.asarray(pad, dtype=np.float32).reshape(1, -1)
        self._breaks = np.ones(1, dtype=bool)
        self._filled = 1
        self._rows: dict[int, int] = {}

    def _reserve(self, size: int) -> None:
        """Make room for ``size`` cache rows (doubling, so growth costs O(1) per row)."""
        if size <= len(self._cache):
            return
        size = max(size, 2 * len(self._cache), 1024)
        cache = np.zeros((size, self._cache.shape[1]), dtype=np.float32)
        cache[: self._filled] = self._cache[: self._filled]
        breaks = np.zeros(size, dtype=bool)
        breaks[: self._filled] = self._breaks[: self._filled]
        self._cache, self._breaks = cache, breaks

    def set_vectors(self, vectors: TokenVectors) -> None:
        """Give the component the word vectors to use (shared with the linker).

        Example: ``proposer.set_vectors(TokenVectors(load_static_model()))``

        Raises:
            TaxonomyError: when ``vectors`` are not of the static model the weights need.
        """
        if not self._fits(vectors):
            raise TaxonomyError(
                "the skill proposer needs vectors of the static model it was trained with"
                " (the bundled static model)"
            )
        self.vectors = vectors
        self._forget()

    def _fits(self, vectors: TokenVectors) -> bool:
        """Whether ``vectors`` give the probe words the vectors the weights were trained with."""
        if vectors.dim != self.model.static_dim:
            return False
        return bool(
            np.allclose(probe_vectors(vectors, self.nlp.vocab), self.model.probes, atol=1e-3)
        )

    def __call__(self, doc: Doc) -> Doc:
        """Propose the skill spans of one doc.

        Example: ``proposer(nlp.make_doc("Knowledge of SQL")).ents`` -> ``(SQL,)``
        """
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Propose the skill spans of ``docs``; a batch goes through the network at once.

        Example: ``list(proposer.pipe(nlp.tokenizer.pipe(["SQL", "Java"])))``
        """
        for batch in minibatch(docs, size=batch_size):
            yield from self._propose(list(batch))

    def _propose(self, docs: list[Doc]) -> list[Doc]:
        for doc, ranges in zip(docs, self.spans(docs), strict=True):
            label = doc.vocab.strings.add(self.label)
            # What ``doc.ents = spans`` does, without making each ``Span`` a second time.
            spans = [Span(doc, start, end, label=label) for start, end in ranges]
            doc.set_ents(spans, default="outside")
        return docs

    def spans(self, docs: list[Doc]) -> list[list[tuple[int, int]]]:
        """Return each doc's proposed token ranges ``(start, end)``, leaving the docs as they are.

        Example: ``proposer.spans([nlp.make_doc("Knowledge of SQL")])`` -> ``[[(2, 3)]]``
        """
        if not docs:
            return []
        self._vectors()  # first: setting the vectors empties the cache
        pad = self.model.weights.radius
        lengths = np.asarray([len(doc) for doc in docs])
        starts = np.cumsum(np.concatenate([[pad], lengths + pad]))
        total = int(starts[-1])
        texts = [doc.to_array(ORTH).reshape(-1) for doc in docs if len(doc)]
        stream = np.zeros(total, dtype=np.int64)
        if texts:
            first_positions = np.repeat(starts[:-1] - np.cumsum(lengths) + lengths, lengths)
            positions = first_positions + np.arange(int(lengths.sum()))
            stream[positions] = self._cache_rows(np.concatenate(texts), docs[0])
        breaks = self._breaks[stream]
        edges = line_edges(breaks)
        w = self.model.weights
        hidden = np.empty((total, len(w.biases[-1])), dtype=np.float32)
        for low in range(0, total, STREAM_CHUNK):
            high = min(low + STREAM_CHUNK, total)
            hidden[low:high] = self._window_layers(stream, edges, low, high)
        # The output layer over the whole stream at once: a product with 3 columns rounds
        # differently with the number of rows.
        tags = viterbi(tag_scores(w, hidden), breaks, w.o_bias)
        found: list[list[tuple[int, int]]] = [[] for _ in docs]
        span_starts = np.flatnonzero(tags == TAG_B)
        span_ends = np.flatnonzero((tags != 0) & np.append(tags[1:] != TAG_I, True)) + 1
        owners = np.searchsorted(starts, span_starts, side="right") - 1
        for owner, start, end in zip(
            owners.tolist(), span_starts.tolist(), span_ends.tolist(), strict=True
        ):
            offset = int(starts[owner])
            found[owner].append((start - offset, end - offset))
        return found

    def _window_layers(
        self, stream: np.ndarray, edges: np.ndarray, low: int, high: int
    ) -> np.ndarray:
        """``window_layers`` of the stream's tokens ``low:high`` (cache rows ``stream``).

        Computed on them and the ``radius`` tokens either side only: the same operations for
        each token as on the whole stream, with the temporaries small enough to stay in cache.
        """
        pad = self.model.weights.radius
        start, end = max(low - pad, 0), min(high + pad, len(stream))
        first = self._cache[stream[start:end]]
        near = edges[start:end]
        at_edge = np.flatnonzero(near)  # mostly line starts and ends, and the breaks
        first[at_edge] += self._edges[near[at_edge]]
        return window_layers(self.model.weights, first)[low - start : high - start]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the weights to the folder ``path`` (spaCy protocol).

        Example: ``nlp.to_disk("compiled")`` calls this for ``compiled/skill_proposer``
        """
        save_model(self.model, Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillProposer:
        """Load the weights ``to_disk`` saved (the word vectors are set apart, or loaded on use).

        Example: ``spacy.load("compiled")`` calls this for ``compiled/skill_proposer``
        """
        self._use(load_model(Path(path)))
        return self

    def _vectors(self) -> TokenVectors:
        """The vectors set, else a component's ``tokens`` of the same model, else new ones.

        After ``spacy.load`` the linker's ``tokens`` are shared; without a linker (or with one
        on another static model) the bundled model is loaded on first use.
        """
        if self.vectors is None:
            for _, component in self.nlp.pipeline:
                shared = getattr(component, "tokens", None)
                if isinstance(shared, TokenVectors) and self._fits(shared):
                    self.set_vectors(shared)
                    return shared
            from taxonomy.embeddings import load_static_model  # noqa: PLC0415 - on first use

            self.set_vectors(TokenVectors(load_static_model()))
        return self.vectors  # type: ignore[return-value]

    def _cache_rows(self, texts: np.ndarray, doc: Doc) -> np.ndarray:
        """Cache rows of token texts (``ORTH`` hashes), adding the texts not seen before.

        A row holds the text's share of the first layer: its word features and word flags
        through the first layer's weights.
        """
        unique, inverse = np.unique(texts, return_inverse=True)
        rows = self._rows
        new = [h for h in unique.tolist() if h not in rows]
        if len(rows) + len(new) > MAX_CACHED:
            self._forget()
            rows, new = self._rows, unique.tolist()
        if new:
            strings = doc.vocab.strings
            words = Doc(doc.vocab, words=[strings[h] for h in new])
            vectors = self._vectors()
            vector_rows = vectors.rows(words)  # keyed by lowercase text
            features = self.model.words.features(
                vectors.lowers(vector_rows), *vectors.sums_of(vector_rows)
            )
            flags = word_flags(words)
            w = self.model.weights
            share = features @ w.row_w + flags @ w.flag_w[:N_WORD_FLAGS]
            first = self._filled
            self._reserve(first + len(new))
            self._cache[first : first + len(new)] = share
            self._breaks[first : first + len(new)] = flags[:, FLAG_SPACE] > 0
            self._filled += len(new)
            rows.update(zip(new, range(first, first + len(new)), strict=True))
        return np.fromiter((rows[h] for h in unique.tolist()), np.int64, len(unique))[inverse]


@Language.factory(FACTORY, default_config={"label": LABEL, "model": None})
def make_skill_proposer(nlp: Language, name: str, label: str, model: str | None) -> SkillProposer:
    """Make a ``SkillProposer`` with the weights in folder ``model`` (default: the bundled ones).

    Example: ``nlp.add_pipe("skill_proposer")``
    """
    return SkillProposer(nlp, name, label=label, model=load_model(Path(model) if model else None))
