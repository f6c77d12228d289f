from pathlib import Path

import pytest

from taxonomy import TaxonomyError
from taxonomy.overlay import overlay_import, parse_overlay, read_overlay

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy" / "overlay"


def test_overlay_file_parts():
    overlay = read_overlay(FIXTURES / "overlay.toml")
    assert overlay.aliases == {"k8s": "Kubernetes", "py3": "Python"}
    assert overlay.ambiguous == {"go": ("golang", "goroutine", "programming")}
    assert overlay.suppressed == frozenset({"communication"})
    assert [s.label for s in overlay.skills] == ["dbt"]
    assert overlay.line_of("k8s") == 8


def test_overlay_import_is_a_custom_version_with_a_content_checksum():
    overlay = read_overlay(FIXTURES / "overlay.toml")
    imported = overlay_import(overlay)
    assert imported.source == "custom"
    assert imported.checksum == overlay_import(parse_overlay(overlay.text)).checksum


def test_ambiguous_label_needs_context_words():
    with pytest.raises(TaxonomyError, match=r"<overlay>:2: ambiguous 'R' needs a context"):
        parse_overlay('[[ambiguous]]\nlabel = "R"\n')


def test_invalid_toml_is_an_error():
    with pytest.raises(TaxonomyError, match="invalid TOML"):
        parse_overlay("[aliases\n")
