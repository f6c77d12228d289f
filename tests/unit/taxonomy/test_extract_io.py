"""The JSONL contract of `skillsignal extract` (pipelines.extract_io) on the toy taxonomy."""

import json

from pipelines.extract_io import LineProblem, _skills, extract_lines
from taxonomy import SkillMention


def run(nlp, lines, **kwargs):
    problems: list[LineProblem] = []
    out = [json.loads(line) for line in extract_lines(nlp, lines, problems.append, **kwargs)]
    return out, problems


def test_each_skill_has_the_contract_fields_and_a_section(toy_nlp):
    text = "Requirements:\n- SQL and Python\nBenefits:\n- C# training"
    [out], problems = run(toy_nlp, [json.dumps({"id": "1", "text": text})])
    assert problems == []
    skills = out["skills"]
    fields = {"skill_id", "label", "score", "start", "end", "surface", "method", "section"}
    assert all(set(skill) == fields for skill in skills)
    assert {s["surface"]: s["section"] for s in skills} == {
        "SQL": "requirements",
        "Python": "requirements",
        "C#": "benefits",
    }
    assert all(text[s["start"] : s["end"]] == s["surface"] for s in skills)


def test_garbage_lines_are_reported_or_empty_never_fatal(toy_nlp):
    lines = [
        "\x00\x01 not json",
        json.dumps({"id": "bin", "text": bytes(range(256)).decode("latin-1") * 20}),
        json.dumps({"id": "ja", "text": "日本語のテキスト、SQL"}),
        json.dumps({"id": "big", "text": "lorem ipsum dolor\n" * 60_000 + "C#"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok", "text": "SQL"}),
    ]
    out, problems = run(toy_nlp, lines, batch_size=2)
    assert [p.line_no for p in problems] == [1, 5]
    assert [o["id"] for o in out] == ["bin", "ja", "big", "ok"]
    assert [s["surface"] for s in out[2]["skills"]] == ["C#"]


def test_min_score_drops_weaker_mentions(toy_nlp):
    line = json.dumps({"id": "1", "text": "python, SQL"})
    [out], _ = run(toy_nlp, [line], min_score=0.9)
    assert [s["surface"] for s in out["skills"]] == ["SQL"]


def test_an_implied_skill_has_its_sentence_as_context_not_as_a_span():
    sentence = "Daily analysis of big data"
    mention = SkillMention("id:1", "big data analysis", 13, 39, sentence, 0.4, "implied")
    [skill] = _skills([mention], min_score=0.0)
    assert (skill["start"], skill["end"], skill["surface"]) == (None, None, None)
    assert skill["context"] == {"start": 13, "end": 39}
    assert skill["method"] == "implied"
