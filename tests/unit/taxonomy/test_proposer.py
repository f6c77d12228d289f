"""The skill proposer: Viterbi decoding on made-up scores, and the bundled weights on real text.

The bundled weights and static model load once for the module (about a second, offline).
"""

import itertools

import numpy as np
import pytest
import spacy

from taxonomy import TaxonomyError
from taxonomy import proposer as proposer_module
from taxonomy.proposer import FACTORY, LABEL, load_model
from taxonomy.span_tagger import TAG_B, TAG_I, TAG_O, line_edges, shift_sum, viterbi
from taxonomy.token_vectors import TokenVectors

TEXTS = [
    "Experience with Docker and Kubernetes",
    "You have strong communication skills and you enjoy working in a team.",
    "Senior QA Engineer (m/f/d)",
    "",
    "Knowledge of Python, SQL and cloud platforms such as AWS or Azure\nFluent English",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    return nlp


def _path_score(scores, tags):
    return sum(scores[i, tag] for i, tag in enumerate(tags))


def _best_valid_score(scores, breaks):
    best = -np.inf
    for tags in itertools.product((TAG_O, TAG_B, TAG_I), repeat=len(scores)):
        if any(tag != TAG_O and brk for tag, brk in zip(tags, breaks, strict=True)):
            continue
        if any(tag == TAG_I and (i == 0 or tags[i - 1] == TAG_O) for i, tag in enumerate(tags)):
            continue
        best = max(best, _path_score(scores, tags))
    return best


def test_viterbi_finds_the_best_bio_consistent_tags():
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 7))
        scores = rng.standard_normal((n, 3)) * 2
        breaks = rng.random(n) < 0.2
        tags = viterbi(scores, breaks)
        assert _path_score(scores, tags) == pytest.approx(_best_valid_score(scores, breaks))


def test_decoding_never_puts_i_after_o_nor_a_span_on_a_break():
    rng = np.random.default_rng(3)
    scores = rng.standard_normal((5000, 3)) + np.array([0.0, 0.0, 1.5])  # I: the likeliest
    breaks = rng.random(5000) < 0.05
    tags = viterbi(scores, breaks)
    before = np.concatenate([[TAG_O], tags[:-1]])
    assert not np.any((tags == TAG_I) & (before == TAG_O))
    assert np.all(tags[breaks] == TAG_O)
    assert np.any(tags == TAG_I)


def test_a_lone_i_becomes_a_span_start():
    assert viterbi(np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]), np.zeros(2, bool)).tolist() == [
        TAG_B,
        TAG_I,
    ]


def test_shift_sum_adds_each_tokens_window():
    blocks = np.arange(12, dtype=np.float32).reshape(4, 3)  # window 3, width 1
    # out[t] = blocks[t - 1, 0] + blocks[t, 1] + blocks[t + 1, 2]
    assert shift_sum(blocks, 1)[:, 0].tolist() == [1 + 5, 0 + 4 + 8, 3 + 7 + 11, 6 + 10]


def test_line_edges():
    assert line_edges(np.array([False, False, True, False])).tolist() == [2, 1, 0, 3]


def test_docker_and_kubernetes_are_proposed(nlp):
    doc = nlp(TEXTS[0])
    covered = {token.text for ent in doc.ents for token in ent}
    assert {"Docker", "Kubernetes"} <= covered
    assert all(ent.label_ == LABEL for ent in doc.ents)


def test_a_batch_proposes_what_single_docs_do(nlp):
    proposer = nlp.get_pipe(FACTORY)
    docs = [nlp.make_doc(text) for text in TEXTS]
    assert proposer.spans(docs) == [proposer.spans([doc])[0] for doc in docs]
    piped = [[(e.start, e.end) for e in doc.ents] for doc in nlp.pipe(TEXTS, batch_size=2)]
    assert piped == proposer.spans([nlp.make_doc(text) for text in TEXTS])


def test_window_layers_in_chunks_are_those_of_the_whole_stream(nlp, monkeypatch):
    proposer = nlp.get_pipe(FACTORY)
    docs = [nlp.make_doc(text) for text in TEXTS * 3]
    scores = []

    def viterbi_of(found, breaks, _):
        scores.append(found)
        return viterbi(found, breaks)

    monkeypatch.setattr(proposer_module, "viterbi", viterbi_of)
    for chunk in (100_000, 7, 1):
        monkeypatch.setattr(proposer_module, "STREAM_CHUNK", chunk)
        proposer.spans(docs)
    whole, *chunked = scores
    assert all(np.array_equal(whole, found) for found in chunked)


def test_an_empty_doc_and_an_empty_batch(nlp):
    assert nlp("").ents == ()
    assert nlp.get_pipe(FACTORY).spans([]) == []


def test_no_span_covers_a_line_break(nlp):
    doc = nlp(TEXTS[-1])
    assert doc.ents
    assert all("\n" not in ent.text for ent in doc.ents)


def test_the_bundled_weights_load_offline():
    model = load_model()
    assert model.weights.radius >= 2
    assert model.static_dim == 256
    assert len(model.words.words) > 1000


def test_a_folder_without_weights_is_refused(tmp_path):
    with pytest.raises(TaxonomyError, match="not skill proposer weights"):
        load_model(tmp_path)
    (tmp_path / "weights.npz").write_bytes(b"not a zip")
    with pytest.raises(TaxonomyError, match="not skill proposer weights"):
        load_model(tmp_path)


def test_vectors_of_another_model_are_refused(nlp):
    class OtherModel:
        dim = 256

        def encode(self, texts):
            return np.ones((len(texts), self.dim), dtype=np.float32)

    with pytest.raises(TaxonomyError, match="bundled static model"):
        nlp.get_pipe(FACTORY).set_vectors(TokenVectors(OtherModel()))


def test_a_saved_pipeline_proposes_the_same_spans(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    for text in TEXTS:
        assert [(e.start, e.end) for e in loaded(text).ents] == [
            (e.start, e.end) for e in nlp(text).ents
        ]
