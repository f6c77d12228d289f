import pytest
import spacy

from taxonomy import TaxonomyError, build_nlp
from taxonomy.nlp import FACTORY, SPANS_KEY, _key, _range_key, _token_orths, taxonomy_patterns


@pytest.mark.parametrize(
    "text",
    ["C++", "C#", ".NET", "Node.js", "CI/CD", "ASP.NET", "c#", "ci/cd"],
)
def test_tech_names_are_single_tokens(toy_nlp, text):
    assert [t.text for t in toy_nlp.make_doc(f"We use {text}, daily ({text}).")].count(text) == 2


def test_slash_lists_split_around_tech_names(toy_nlp):
    tokens = [t.text for t in toy_nlp.make_doc("C++/Java and C#/.NET")]
    assert tokens == ["C++", "/", "Java", "and", "C#", "/", ".NET"]


def test_spans_carry_label_and_skill_id(toy_nlp, toy_id):
    doc = toy_nlp("Strong SQL and Python skills.")
    spans = doc.spans[SPANS_KEY]
    assert [s.text for s in spans] == ["SQL", "Python"]
    assert {s.label_ for s in spans} == {"SKILL"}
    assert [s.kb_id_ for s in spans] == [toy_id(3), toy_id(1)]
    assert [s.id_ for s in spans] == [toy_id(3), toy_id(1)]


def test_overlapping_matches_keep_the_longest(toy_nlp):
    doc = toy_nlp("Experience in big data analysis.")
    assert [s.text for s in doc.spans[SPANS_KEY]] == ["big data analysis"]


def test_tech_names_match_whole_tokens_only(toy_nlp, toy_id):
    doc = toy_nlp("CI/CD with C++, ASP.NET, Node.js and CD")
    found = [(s.text, s.kb_id_) for s in doc.spans[SPANS_KEY]]
    assert found == [
        ("CI/CD", toy_id(13)),
        ("C++", toy_id(8)),
        ("ASP.NET", toy_id(11)),
        ("Node.js", toy_id(12)),
        ("CD", toy_id(14)),
    ]


def test_component_is_registered(toy_nlp):
    assert toy_nlp.pipe_names == [FACTORY]
    assert len(toy_nlp.get_pipe(FACTORY)) > 20


def test_matcher_disk_round_trip(toy, tmp_path):
    built = build_nlp(toy, semantic=False)
    built.to_disk(tmp_path / "saved")
    reloaded = spacy.load(tmp_path / "saved")
    text = "C# and project management, ML"
    first, second = built(text), reloaded(text)
    assert [(s.text, s.label_, s.kb_id_) for s in second.spans[SPANS_KEY]] == [
        (s.text, s.label_, s.kb_id_) for s in first.spans[SPANS_KEY]
    ]
    assert len(second.spans[SPANS_KEY]) == 3


def test_registered_patterns_function_reads_a_taxonomy_file(tmp_path, toy):
    from taxonomy.build_esco import skills_to_table, write_bundled

    table = skills_to_table(toy.skills.values()).replace_schema_metadata(
        {f"skillsignal.{k}": "x" for k in ("source", "version", "attribution", "built_from")}
    )
    write_bundled(table, tmp_path / "toy.parquet")
    patterns = taxonomy_patterns(str(tmp_path / "toy.parquet"))
    assert any(p.text == "Node.js" for p in patterns)


def test_unreadable_matcher_file_raises(toy, tmp_path):
    build_nlp(toy, semantic=False).to_disk(tmp_path / "saved")
    (tmp_path / "saved" / FACTORY / "matcher.pkl").write_bytes(b"not a pickle")
    with pytest.raises(TaxonomyError, match=r"matcher\.pkl"):
        spacy.load(tmp_path / "saved")


def test_range_keys_from_token_texts_are_span_keys(toy_nlp):
    doc = toy_nlp.make_doc("Big  Data,\nand C++ / ASP.NET")
    orths = _token_orths(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert _range_key(doc, orths, start, end) == _key(doc[start:end])
    assert _token_orths(toy_nlp.make_doc("")) == []
