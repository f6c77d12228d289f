"""Every CLI command has help text and appears in the README."""

from pathlib import Path

from typer.main import get_command

from pipelines.cli import app

README = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_with_help() -> None:
    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"run", "extract", "query", "demand", "align", "export", "init"} <= set(names)
    for name in names:
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help, name
        assert f"`skillsignal {name}" in README, name


def test_readme_starts_with_the_two_commands() -> None:
    ci = (Path(__file__).parents[3] / ".ci/run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    head = README.split("## Commands")[0]
    assert test_command in head
    assert "skillsignal run --demo" in head
    assert "This service uses the ESCO classification of the European Commission." in README
