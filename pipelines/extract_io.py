"""The JSONL extraction contract of `skillsignal extract` (and of the shared eval harness).

Input lines: `{"id": str, "text": str}`. Output, one line per readable input line:
`{"id", "skills": [{"skill_id", "label", "score", "start", "end", "surface", "method",
"section"}...]}`,
best first. An `implied` skill (one its sentence implies without naming it) has no span:
`start`, `end` and `surface` are null and `context` holds its sentence's `start` and `end`.
A line that cannot be read is reported with its line number and skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language

from taxonomy import SkillMention, extract_mentions


@dataclass(frozen=True)
class LineProblem:
    """A line of input that could not be used."""

    line_no: int
    message: str


def _parse(line_no: int, line: str) -> tuple[str, str] | LineProblem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return LineProblem(line_no, f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return LineProblem(line_no, "expected a JSON object")
    doc_id, text = record.get("id"), record.get("text")
    if doc_id is None:
        return LineProblem(line_no, "missing 'id'")
    if not isinstance(text, str):
        return LineProblem(line_no, f"id {doc_id}: 'text' must be a string")
    return str(doc_id), text


def _skills(mentions: list[SkillMention], min_score: float) -> list[dict[str, object]]:
    return [_skill(m) for m in mentions if m.score >= min_score]


def _skill(m: SkillMention) -> dict[str, object]:
    """One output skill; an implied one has its sentence as ``context``, not as its span."""
    named = m.method != "implied"
    return {
        "skill_id": m.skill_id,
        "label": m.label,
        "score": round(m.score, 4),
        "start": m.start if named else None,
        "end": m.end if named else None,
        "surface": m.surface if named else None,
        "method": m.method,
        "section": m.section,
        **({} if named else {"context": {"start": m.start, "end": m.end}}),
    }


def extract_lines(
    nlp: Language,
    lines: Iterable[str],
    on_problem: Callable[[LineProblem], None],
    *,
    min_score: float = 0.0,
    batch_size: int = 256,
) -> Iterator[str]:
    """Yield one output JSON line per readable input line, reporting unreadable ones."""
    numbered = enumerate(lines, start=1)
    while batch := list(islice(numbered, batch_size)):
        good: list[tuple[str, str]] = []
        for line_no, line in batch:
            if not line.strip():
                continue
            parsed = _parse(line_no, line)
            if isinstance(parsed, LineProblem):
                on_problem(parsed)
            else:
                good.append(parsed)
        texts = [text for _, text in good]
        for (doc_id, _), mentions in zip(good, extract_mentions(nlp, texts), strict=True):
            out = {"id": doc_id, "skills": _skills(mentions, min_score)}
            yield json.dumps(out, ensure_ascii=False)
