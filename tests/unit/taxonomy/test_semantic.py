"""The semantic linker with a tiny bag-of-words stand-in model; one test loads the bundled one."""

import zlib

import numpy as np
import pytest
import spacy

from taxonomy import TaxonomyError, build_nlp, extract_mentions, semantic
from taxonomy.embeddings import label_vectors, load_static_model
from taxonomy.extract import IMPLIED_SCALE
from taxonomy.semantic import FACTORY, SPANS_KEY, _is_word, _top_columns


class BagOfWords:
    """A model2vec stand-in: a word's vector is a fixed pseudo-random one; texts average them."""

    dim = 64

    def encode(self, texts):
        rows = []
        for text in texts:
            vector = np.zeros(self.dim, dtype=np.float32)
            for word in text.casefold().replace(",", " ").split():
                seed = zlib.crc32(word.rstrip("s").encode())
                vector += np.random.default_rng(seed).standard_normal(self.dim)
            rows.append(vector)
        return np.asarray(rows)


@pytest.fixture(scope="module")
def semantic_nlp(toy):
    nlp = build_nlp(toy, semantic=False)
    linker = nlp.add_pipe(
        FACTORY,
        config={
            "min_similarity": 0.3,
            "heuristic_min_similarity": 0.3,
            "context_weight": 0.0,
            "proposals": "heuristic",  # no span proposer in these pipelines
        },
    )
    model = BagOfWords()
    linker.set_model(model, label_vectors(toy, model))
    return nlp


def test_a_paraphrase_is_linked_with_exact_offsets(semantic_nlp, toy):
    text = "You will handle management of projects daily."
    [mentions] = extract_mentions(semantic_nlp, [text])
    semantic = [m for m in mentions if m.method == "semantic"]
    assert semantic, mentions
    top = semantic[0]
    assert toy.skills[top.skill_id].preferred_label == "project management"
    assert text[top.start : top.end] == top.surface
    assert 0.0 < top.score < 0.8


def test_exact_matches_rank_first_and_are_not_linked_again(semantic_nlp):
    [mentions] = extract_mentions(semantic_nlp, ["SQL and management of projects"])
    assert mentions[0].method == "exact"
    ids = [m.skill_id for m in mentions]
    assert len(ids) == len(set(ids))
    scores = [m.score for m in mentions]
    assert scores == sorted(scores, reverse=True)


def test_group_holds_similarities(semantic_nlp):
    doc = semantic_nlp("management of projects")
    group = doc.spans[SPANS_KEY]
    assert len(group.attrs["similarity"]) == len(group) > 0
    assert all(span.kb_id_ for span in group)


@pytest.mark.parametrize("embed_tokens", [semantic.EMBED_TOKENS, 4])
def test_batches_give_the_links_of_one_doc_at_a_time_in_order(
    semantic_nlp, monkeypatch, embed_tokens
):
    monkeypatch.setattr(semantic, "EMBED_TOKENS", embed_tokens)  # docs' vectors made in groups
    texts = ["management of projects", "", "SQL and management of projects", "Java daily"] * 3
    one_by_one = [_links(semantic_nlp(text)) for text in texts]
    piped = [_links(doc) for doc in semantic_nlp.pipe(texts, batch_size=2)]
    assert [links for links, _ in piped] == [links for links, _ in one_by_one]
    for (_, similarities), (_, expected) in zip(piped, one_by_one, strict=True):
        assert similarities == pytest.approx(expected, abs=1e-6)


def _links(doc):
    group = doc.spans[SPANS_KEY]
    links = [(span.start, span.end, span.kb_id_) for span in group]
    return links, group.attrs.get("similarity", [])


@pytest.mark.parametrize("text", ["", " \n ", "\x00\x01\x02", "日本語のテキスト", "x" * 5000])
def test_garbage_gives_no_crash(semantic_nlp, text):
    [mentions] = extract_mentions(semantic_nlp, [text])
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_a_linker_without_a_model_links_nothing():
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    assert len(nlp("project management").spans[SPANS_KEY]) == 0


def test_a_folder_without_a_model_is_refused(tmp_path):
    with pytest.raises(TaxonomyError, match="not a model2vec model"):
        load_static_model(tmp_path)


def test_bundled_static_model():
    """The one test that loads the bundled model2vec model (about half a second)."""
    model = load_static_model()
    a, b, c = model.encode(["python developer", "software engineer python", "nurse"])
    cos = lambda x, y: float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))  # noqa: E731
    assert cos(a, b) > 0.7 > 0.3 > cos(a, c)


def test_a_folder_without_a_span_model_is_refused(toy, tmp_path):
    with pytest.raises(TaxonomyError, match="not skill proposer weights"):
        build_nlp(toy, span_model=tmp_path)


def _sentence_nlp(toy, sentence_links, implied_links=False):
    nlp = build_nlp(toy, semantic=False)
    config = {
        "min_similarity": 0.3,
        "heuristic_min_similarity": 0.9,  # phrases link only when nearly labels
        "proposals": "heuristic",
        "context_weight": 0.0,
        "sentence_links": sentence_links,
        "sentence_min_similarity": 0.3,
        "implied_links": implied_links,
    }
    linker = nlp.add_pipe(FACTORY, config=config)
    model = BagOfWords()
    linker.set_model(model, label_vectors(toy, model))
    return nlp


def test_a_sentence_link_ranks_a_skill_on_a_phrase_with_a_mention(toy):
    text = "SQL queries on big data."
    [with_links] = extract_mentions(_sentence_nlp(toy, True), [text])
    [without] = extract_mentions(_sentence_nlp(toy, False), [text])
    assert [m.label for m in without] == ["SQL"]
    by_sentence = [m for m in with_links if m.label == "big data analysis"]
    assert by_sentence, with_links
    # the sentence's topic sits on the exact match's span: no span of its own
    assert (by_sentence[0].start, by_sentence[0].end, by_sentence[0].surface) == (0, 3, "SQL")
    assert by_sentence[0].method == "semantic"
    assert {(m.start, m.end) for m in with_links} == {(m.start, m.end) for m in without}


def test_a_sentence_without_a_mention_links_nothing_without_implied_links(toy):
    nlp = _sentence_nlp(toy, True)
    doc = nlp("queries on big data every day")
    group = doc.spans[SPANS_KEY]
    assert len(group) == len(group.attrs.get("sentence", [])) == 0
    assert next(extract_mentions(nlp, ["queries on big data every day"])) == []


def test_implied_links_rank_what_a_sentence_without_a_mention_is_about(toy):
    text = "Python, SQL.\nDaily analysis of big data!"
    nlp = _sentence_nlp(toy, True, implied_links=True)
    [found] = extract_mentions(nlp, [text])
    implied = [m for m in found if m.method == "implied"]
    assert implied[0].label == "big data analysis"
    # the whole second sentence, without its final "!", is the implied link's span
    assert {(m.start, m.end, m.surface) for m in implied} == {
        (13, 39, "Daily analysis of big data")
    }
    assert all(m.score <= IMPLIED_SCALE for m in implied)
    assert found[:2] == [m for m in found if m.method == "exact"]
    group = nlp(text).spans[SPANS_KEY]
    assert any(group.attrs["implied"])
    assert len(group.attrs["implied"]) == len(group)


@pytest.mark.parametrize(("width", "n"), [(14_163, 20), (1_000, 5), (300, 7), (4_096, 20)])
def test_top_columns_finds_the_n_largest_of_each_row(width, n):
    sims = np.random.default_rng(width).standard_normal((50, width)).astype(np.float32)
    sims[0, :] = 0.5  # ties: any n of them
    found = _top_columns(sims, n)
    assert found.shape == (50, n)
    expected = -np.sort(-sims, axis=1)[:, :n]
    got = -np.sort(-np.take_along_axis(sims, found, axis=1), axis=1)
    np.testing.assert_array_equal(got, expected)
    assert all(len(set(row)) == n for row in found.tolist())


def test_a_foreign_sentence_is_not_linked(semantic_nlp):
    english, german = (
        "You will handle management of projects daily.",
        "Wir suchen einen Kollegen für management of projects und mehr.",
    )
    [in_english, in_german] = extract_mentions(semantic_nlp, [english, german])
    assert [m for m in in_english if m.method == "semantic"]
    assert [m for m in in_german if m.method == "semantic"] == []
    # in a mixed text only the English sentence is linked
    [mixed] = extract_mentions(semantic_nlp, [german + "\n" + english])
    semantic = [m for m in mixed if m.method == "semantic"]
    assert semantic
    assert all(m.start > len(german) for m in semantic)


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("Requirements:\nDaily analysis of big data!", True),
        ("What we offer:\nDaily analysis of big data!", False),  # benefits: never demand
        ("About us\nDaily analysis of big data!", False),
        ("Daily analysis of big data:", False),  # a field name, not a statement
        ("Daily analysis of big data 2021-07-14 <=> 10:30", False),  # mostly not words
    ],
)
def test_implied_skills_come_only_from_statements_in_demand_sections(toy, text, implied):
    nlp = _sentence_nlp(toy, True, implied_links=True)
    [found] = extract_mentions(nlp, [text])
    assert any(m.method == "implied" for m in found) is implied


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("c++", True),
        (".net", True),
        ("\x95technical", True),
        ("7.4", False),
        ("$", False),
        ("ª«¬\xad" * 11, False),
        ("\x80\x81\x82a", False),
    ],
)
def test_a_word_has_a_letter_and_is_short_and_mostly_printable(token, word):
    assert _is_word(token) is word
