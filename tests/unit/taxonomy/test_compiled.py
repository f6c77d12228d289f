"""The compiled pipeline cache: saved with to_disk, loaded with spacy.load, rebuilt when damaged."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from taxonomy import extract_mentions
from taxonomy.compiled import load_nlp

TEXTS = [
    "Experience with SQL and C++/Java.\nYou will handle management of projects.",
    "Benefits: gym. Python (computer programming) is a plus; knowledge of databases.",
]


@pytest.fixture
def toy_file(toy, tmp_path) -> Path:
    skills = list(toy.skills.values())
    table = pa.table(
        {
            "skill_id": [s.skill_id for s in skills],
            "preferred_label": [s.preferred_label for s in skills],
            "alt_labels": [list(s.alt_labels) for s in skills],
        }
    )
    path = tmp_path / "toy.parquet"
    pq.write_table(table, path)
    return path


def _folders(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "nlp").iterdir() if p.is_dir())


def test_a_loaded_pipeline_extracts_what_the_built_one_did(toy_file, tmp_path):
    cache = tmp_path / "cache"
    built = load_nlp(toy_file, cache_dir=cache)
    [folder] = _folders(cache)
    assert (folder / "config.cfg").is_file()
    loaded = load_nlp(toy_file, cache_dir=cache)
    assert loaded is not built
    assert loaded.pipe_names == built.pipe_names
    first, second = list(extract_mentions(built, TEXTS)), list(extract_mentions(loaded, TEXTS))
    assert first == second
    assert any(m.method == "exact" for m in first[0])
    assert [t.text for t in loaded.tokenizer("C++/Java")] == ["C++", "/", "Java"]
    # the linker reuses the proposer's subword ids, as in the built pipeline
    proposer_vectors = loaded.get_pipe("skill_proposer").vectors
    assert proposer_vectors is not None
    assert loaded.get_pipe("skill_linker").tokens._shared is proposer_vectors


def test_without_implied_links_only_named_skills_are_found(toy_file, tmp_path):
    cache = tmp_path / "cache"
    text = ["We crunch numbers about big data every day.\nPython."]
    [with_implied] = extract_mentions(load_nlp(toy_file, cache_dir=cache), text)
    [without] = extract_mentions(load_nlp(toy_file, cache_dir=cache, implied_links=False), text)
    assert any(m.method == "implied" for m in with_implied)
    assert without == [m for m in with_implied if m.method != "implied"]
    assert len(_folders(cache)) == 1  # a setting of the loaded pipeline, not another build


def test_another_taxonomy_file_gets_its_own_folder(toy_file, tmp_path):
    cache = tmp_path / "cache"
    load_nlp(toy_file, cache_dir=cache, semantic=False)
    other = tmp_path / "other.parquet"
    table = pq.read_table(toy_file)
    pq.write_table(table.slice(0, table.num_rows - 1), other)
    load_nlp(other, cache_dir=cache, semantic=False)
    assert len(_folders(cache)) == 2


def test_a_damaged_cache_is_rebuilt(toy_file, tmp_path, caplog):
    cache = tmp_path / "cache"
    load_nlp(toy_file, cache_dir=cache, semantic=False)
    [folder] = _folders(cache)
    (folder / "skill_matcher" / "matcher.pkl").write_bytes(b"not a pickle")
    nlp = load_nlp(toy_file, cache_dir=cache, semantic=False)
    assert "did not load" in caplog.text
    assert [m.surface for m in next(extract_mentions(nlp, ["SQL"]))] == ["SQL"]
    assert load_nlp(toy_file, cache_dir=cache, semantic=False).pipe_names == nlp.pipe_names
