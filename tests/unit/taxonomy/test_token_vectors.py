"""Token vectors: the bundled static models, shared subword ids, range vectors."""

import numpy as np
import pytest
import spacy

from taxonomy.embeddings import LINKER_MODEL_DIR, load_static_model
from taxonomy.token_vectors import TokenVectors, _same_tokens, range_vectors


@pytest.fixture(scope="module")
def models():
    return load_static_model(), load_static_model(None, bundled=LINKER_MODEL_DIR)


def test_the_proposer_and_linker_models_tokenize_alike(models):
    base, linker = models
    assert _same_tokens(base, linker)
    assert not _same_tokens(base, object())


def test_shared_subword_ids_give_the_same_vectors_and_tokenize_once(models, monkeypatch):
    base, linker = models
    nlp = spacy.blank("en")
    docs = [nlp.make_doc("Kubernetes and C++ for data pipelines"), nlp.make_doc("Kubernetes, SQL")]
    expected = [TokenVectors(linker).doc_sums(doc) for doc in docs]
    first = TokenVectors(base)
    first.rows(docs[0])
    shared = TokenVectors(linker, subwords=first)
    tokenized = []
    tokenize = linker.tokenize
    monkeypatch.setattr(
        linker, "tokenize", lambda words: tokenized.extend(words) or tokenize(words)
    )
    for doc, sums in zip(docs, expected, strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(shared.doc_sums(doc), sums, strict=True))
    assert tokenized == [",", "sql"]  # only the words ``first`` has not seen


def test_range_vectors_are_unit_means_of_the_prefix_sums():
    rng = np.random.default_rng(3)
    sums = rng.standard_normal((50, 8)).astype(np.float32)
    counts = np.ones(50, dtype=np.float32)
    ranges = [(0, 50), (3, 7), (10, 10), (49, 50)]
    cum = np.concatenate([np.zeros((1, 8), np.float32), np.cumsum(sums, axis=0)])
    total = cum[[end for _, end in ranges]] - cum[[start for start, _ in ranges]]
    expected = total / np.maximum(np.linalg.norm(total, axis=1, keepdims=True), 1e-9)
    np.testing.assert_array_equal(range_vectors(sums, counts, ranges), expected)


def test_docs_range_vectors_are_each_docs_range_vectors(models):
    vectors = TokenVectors(models[1])
    nlp = spacy.blank("en")
    texts = ["Kubernetes and C++ for data pipelines.\nSQL", "", "Python", "Docker, SQL and Go"]
    docs = [nlp.make_doc(text) for text in texts]
    rows = [vectors.rows(doc) for doc in docs]
    ranges = [[(0, 7), (2, 3), (0, 0), (7, 9)], [], [(0, 1), (1, 1)], [(4, 5), (0, 5), (2, 2)]]
    found = vectors.docs_range_vectors(rows, ranges)
    for doc, doc_ranges, vectors_found in zip(docs, ranges, found, strict=True):
        expected = range_vectors(*vectors.doc_sums(doc), doc_ranges)
        assert vectors_found.shape == (len(doc_ranges), vectors.dim)
        np.testing.assert_array_equal(vectors_found, expected)
    assert vectors.docs_range_vectors([], []) == []
