from pathlib import Path

import pytest

from pipelines.config import default_config_text, load_config, parse_config
from pipelines.errors import ConfigError

KINDS = {"greenhouse", "course_jsonld", "jobposting"}


def test_default_config_parses_and_names_real_sources() -> None:
    from pipelines.sources import known_kinds

    config = parse_config(default_config_text(), "<default>", set(known_kinds()))
    assert {s.kind for s in config.sources} == set(known_kinds())  # every kind documented
    assert config.warehouse.path == Path("skillsignal.duckdb")
    kinds = {s.kind for s in config.sources}
    assert {"greenhouse", "course_jsonld"} <= kinds
    stripe = next(s for s in config.sources if s.name == "greenhouse:stripe")
    assert stripe.args == {"board": "stripe"}


def test_repository_config_is_the_packaged_default() -> None:
    repo_file = Path(__file__).parents[3] / "skillsignal.toml"
    assert repo_file.read_text(encoding="utf-8") == default_config_text()


def test_malformed_toml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "skillsignal.toml"
    path.write_text('[warehouse]\npath = "a.duckdb"\n[[sources]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"skillsignal\.toml: invalid TOML: .*line 3"):
        load_config(path, KINDS)


def test_unknown_kind_lists_known_kinds() -> None:
    text = '[[sources]]\nname = "x"\nkind = "monster"\n'
    with pytest.raises(ConfigError) as info:
        parse_config(text, "cfg.toml", KINDS)
    message = str(info.value)
    assert "unknown source kind 'monster'" in message
    assert "course_jsonld, greenhouse, jobposting" in message


def test_unknown_key_is_reported_with_its_place() -> None:
    with pytest.raises(ConfigError, match=r"cfg\.toml: scoring\.top: Extra inputs"):
        parse_config("[scoring]\ntop = 3\n", "cfg.toml", KINDS)


def test_duplicate_source_names_are_refused() -> None:
    text = '[[sources]]\nname="a"\nkind="greenhouse"\n[[sources]]\nname="a"\nkind="greenhouse"\n'
    with pytest.raises(ConfigError, match="duplicate source name 'a'"):
        parse_config(text, "cfg.toml", KINDS)


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "nope.toml", KINDS)
