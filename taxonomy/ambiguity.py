"""Ambiguity control for exact matches: labels that are also common words count only in context.

An overlay (``taxonomy.overlay``) names them: ``[[ambiguous]]`` labels match only when one of
their context words or phrases occurs within ``WINDOW`` tokens, and an ambiguous label written
with capitals in the overlay ("R", "Go", "SPARK") must also be written exactly so in the text
("go" and "Spark" are other words); ``[suppress]`` labels never match. The bundled overlay
``data/ambiguity.toml`` holds the defaults; a user's overlay adds to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from taxonomy.labels import normalize_label
from taxonomy.overlay import Overlay, parse_overlay, read_overlay

BUNDLED_OVERLAY = "ambiguity.toml"
WINDOW = 30
"""Tokens on each side of a match searched for its context words."""


@dataclass(frozen=True)
class ContextRules:
    """Which matched label texts need context, need their exact casing, or never count.

    Keys are ``normalize_label`` forms of label texts.
    """

    context: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cased: dict[str, str] = field(default_factory=dict)
    suppressed: frozenset[str] = frozenset()

    def allows(self, doc: Doc, start: int, end: int, key: str) -> bool:
        """Whether the match ``doc[start:end]`` (label text ``key``) counts.

        Example: ``rules.allows(nlp.make_doc("go to the office"), 0, 1, "go")`` -> ``False``
        """
        if key in self.suppressed:
            return False
        words = self.context.get(key)
        if words is None:
            return True
        cased = self.cased.get(key)
        if cased is not None and doc[start:end].text != cased:
            return False
        window = doc[max(0, start - WINDOW) : min(len(doc), end + WINDOW)]
        lowers = {token.lower_ for token in window if not start <= token.i < end}
        text = f" {window.text.lower()} "
        return any(word in lowers or (" " in word and f" {word} " in text) for word in words)

    def merged(self, other: ContextRules) -> ContextRules:
        """These rules with ``other``'s added (``other`` wins for a label both name).

        Example: ``bundled_rules().merged(rules_from(read_overlay(path)))``
        """
        return ContextRules(
            {**self.context, **other.context},
            {**{k: v for k, v in self.cased.items() if k not in other.context}, **other.cased},
            self.suppressed | other.suppressed,
        )


def rules_from(overlay: Overlay) -> ContextRules:
    """The context rules of an overlay's ``[[ambiguous]]`` and ``[suppress]`` entries.

    Example: ``rules_from(parse_overlay(text)).context["go"]`` -> ``("golang", ...)``
    """
    cased = {
        normalize_label(label): label
        for label in overlay.ambiguous_labels
        if label != label.lower()
    }
    return ContextRules(dict(overlay.ambiguous or {}), cased, overlay.suppressed)


def bundled_rules() -> ContextRules:
    """The default rules, from the bundled ``data/ambiguity.toml``.

    Example: ``bundled_rules().allows(nlp.make_doc("R and Python"), 0, 1, "r")`` -> ``True``
    """
    source = resources.files("taxonomy") / "data" / BUNDLED_OVERLAY
    return rules_from(parse_overlay(source.read_text(encoding="utf-8"), str(source)))


def load_rules(overlay_path: Path | None = None) -> ContextRules:
    """The bundled rules, with those of the overlay file at ``overlay_path`` added.

    Example: ``load_rules(Path("my-overlay.toml")).suppressed``

    Raises:
        TaxonomyError: the overlay file is unreadable or malformed (with file and line).
    """
    rules = bundled_rules()
    return rules.merged(rules_from(read_overlay(overlay_path))) if overlay_path else rules
