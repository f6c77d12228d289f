import pytest

from taxonomy import SkillMention, extract_mentions


def extract(nlp, text, **kwargs):
    [mentions] = extract_mentions(nlp, [text], **kwargs)
    return mentions


def test_offsets_are_exact(toy_nlp):
    text = "We need  PYTHON,\nsql\tand Project Management (CI/CD) — and C#."
    mentions = extract(toy_nlp, text)
    assert {m.surface for m in mentions} == {"PYTHON", "sql", "Project Management", "CI/CD", "C#"}
    for m in mentions:
        assert text[m.start : m.end] == m.surface


def test_mention_fields_and_scores(toy_nlp, toy_id):
    mentions = extract(toy_nlp, "python, SQL, managing projects, project managment")
    assert mentions == [
        SkillMention(toy_id(3), "SQL", 8, 11, "SQL", 1.0, "exact", "other"),
        SkillMention(
            toy_id(5), "project management", 13, 30, "managing projects", 0.9, "exact", "other"
        ),
        SkillMention(
            toy_id(1), "Python (computer programming)", 0, 6, "python", 0.85, "exact", "other"
        ),
        SkillMention(
            toy_id(5), "project management", 32, 49, "project managment", 0.8, "exact", "other"
        ),
    ]


def test_guarded_words_are_not_mentions(toy_nlp):
    assert extract(toy_nlp, "It is about data and design, from scratch.") == []


def test_texts_keep_their_order_and_empty_text_has_none(toy_nlp):
    results = list(extract_mentions(toy_nlp, ["SQL", "", "   ", "Node.js"], batch_size=2))
    assert [[m.surface for m in ms] for ms in results] == [["SQL"], [], [], ["Node.js"]]


def test_generator_input(toy_nlp):
    texts = (f"SQL {i}" for i in range(3))
    assert [len(ms) for ms in extract_mentions(toy_nlp, texts)] == [1, 1, 1]


@pytest.mark.parametrize("separator", ["\n", " "])
def test_one_megabyte_text(toy_nlp, separator):
    line = "Senior engineer with SQL, C++ and project management experience."
    text = separator.join([line] * (1_000_000 // (len(line) + 1)))
    assert len(text) > 990_000
    mentions = extract(toy_nlp, text)
    assert len(mentions) == 3 * text.count("Senior")
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_offsets_stay_right_across_pieces(toy_nlp):
    text = "SQL and C#\n" * 50 + "x" * 120 + " SQL"
    mentions = extract(toy_nlp, text, max_chunk_chars=64)
    assert len(mentions) == 101
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert sorted(m.start for m in mentions)[-1] == len(text) - 3


def test_a_pipeline_without_the_matcher_is_refused():
    import spacy

    from taxonomy import TaxonomyError

    with pytest.raises(TaxonomyError, match="skill_matcher"):
        list(extract_mentions(spacy.blank("en"), ["SQL"]))
