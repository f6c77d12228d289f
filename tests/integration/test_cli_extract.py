"""`skillsignal extract` speaks the eval harness's JSONL contract with the bundled taxonomy."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

CLI = [sys.executable, "-c", "from pipelines.cli import main; main()", "extract"]


def test_extract_reports_bad_lines_and_processes_the_rest(tmp_path: Path) -> None:
    text = (
        "We need Python and SQL skills; JavaScript is a plus. "
        "Do you want to influence the sales of large-scale projects?"
    )
    lines = [
        json.dumps({"id": "a", "text": text}),
        '{"id": "b", "text": "broken',
        json.dumps({"id": "c"}),
        "",
        json.dumps({"id": 4, "text": ""}),
        json.dumps({"id": "bin", "text": bytes(range(256)).decode("latin-1") * 20}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [*CLI, str(source)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 1
    assert f"{source}:2: invalid JSON" in result.stderr
    assert f"{source}:3: id c: 'text' must be a string" in result.stderr
    assert "SKILLBENCH_READY" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "4", "bin"]
    assert out[1]["skills"] == out[2]["skills"] == []  # binary junk links to nothing
    skills = out[0]["skills"]
    labels = {s["label"] for s in skills}
    assert {"Python (computer programming)", "SQL", "JavaScript"} <= labels
    for skill in skills:
        assert skill["skill_id"].startswith("http://data.europa.eu/esco/skill/")
        if skill["method"] == "implied":  # skills the last sentence implies: no span of theirs
            assert skill["start"] is None
            assert text[skill["context"]["start"] : skill["context"]["end"]].startswith("Do you")
        else:
            assert text[skill["start"] : skill["end"]] == skill["surface"]
    assert any(skill["method"] == "implied" for skill in skills)
    scores = [s["score"] for s in skills]
    assert scores == sorted(scores, reverse=True)
