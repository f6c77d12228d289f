"""Match patterns generated from the taxonomy: one per usable label, guarded against junk.

Every pattern carries the id of its skill and the kind of its label. ``build_patterns`` drops
labels that would match everyday words (see ``LabelGuard``) and ranks the skills of a label
shared by several: preferred before alt, hidden and derived labels, then skills whose preferred
label has no parenthesised qualifier (a qualifier names a narrower sense, as in
"ML (computer programming)"), then taxonomy order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from taxonomy.errors import TaxonomyError
from taxonomy.labels import normalize_label, strip_qualifier
from taxonomy.model import LABEL_KINDS, LabelKind, SkillLabel
from taxonomy.source import Taxonomy

GENERIC_MIN_SKILLS = 5
"""A one-word non-preferred label is generic when its word occurs in this many skills' labels."""

_WORD = re.compile(r"[^\W\d_][\w'+#.-]*")
_TECH_TOKEN = re.compile(
    r"^(?=.*[A-Za-z])(?:[\w.]*[+#][\w.+#]*|\.\w+|\w+\.\w+|\w{1,4}(?:/\w{1,4})+)$"
)


@dataclass(frozen=True)
class SkillPattern:
    """A label to match, the skill it names and that skill's preferred label.

    Example: ``SkillPattern("Python", "http://...", "derived", "Python (computer programming)")``
    """

    text: str
    skill_id: str
    kind: LabelKind
    skill_label: str


@dataclass(frozen=True)
class LabelGuard:
    """Which labels may become patterns.

    Example: ``LabelGuard(blocked=frozenset({"it"})).allows("it", "alt", 1)`` -> ``False``
    """

    blocked: frozenset[str] = field(default_factory=frozenset)
    generic_min_skills: int = GENERIC_MIN_SKILLS

    def allows(self, key: str, kind: LabelKind, word_skills: int) -> bool:
        """Return whether a label (its normalized ``key``) of ``kind`` may be matched.

        ``word_skills`` is the number of skills whose labels contain the label's word when the
        label is one word (else anything).

        Example: ``LabelGuard().allows("?", "alt", 0)`` -> ``False``
        """
        if key in self.blocked:
            return False
        if kind == "preferred":
            return bool(key)
        if len(key) < 2 or not re.search(r"[^\W\d_]", key):
            return False
        if " " in key:
            return True
        return key not in STOP_WORDS and word_skills < self.generic_min_skills


def load_guard_labels(path: Path | None = None) -> frozenset[str]:
    """Read a guard list (one label per line, ``#`` comments); default: the bundled one.

    Example: ``"data" in load_guard_labels()`` -> ``True``

    Raises:
        TaxonomyError: when the file cannot be read.
    """
    try:
        if path is None:
            text = resources.files("taxonomy").joinpath("data/guard_labels.txt").read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path or 'bundled guard_labels.txt'}: cannot read: {exc}") from exc
    lines = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(key for line in lines if (key := normalize_label(line)))


def build_patterns(taxonomy: Taxonomy, guard: LabelGuard | None = None) -> list[SkillPattern]:
    """Return the taxonomy's match patterns, the skills of a shared label ranked best first.

    Example: ``build_patterns(toy)[0]`` -> ``SkillPattern(".NET", "...toy-11", "alt", "ASP.NET")``
    """
    guard = guard if guard is not None else LabelGuard(load_guard_labels())
    labels = taxonomy.labels()
    word_skills = _word_skill_counts(labels)
    qualified = {s.skill_id for s in taxonomy.skills.values() if strip_qualifier(s.preferred_label)}
    order = {skill_id: position for position, skill_id in enumerate(taxonomy.skills)}
    kind_rank = {kind: rank for rank, kind in enumerate(LABEL_KINDS)}
    ranked = sorted(
        labels,
        key=lambda label: (
            label.key,
            kind_rank[label.label_kind],
            label.skill_id in qualified,
            order[label.skill_id],
        ),
    )
    patterns: list[SkillPattern] = []
    seen: set[tuple[str, str]] = set()
    for label in ranked:
        if (label.key, label.skill_id) in seen:
            continue
        seen.add((label.key, label.skill_id))
        if guard.allows(label.key, label.label_kind, word_skills.get(label.key, 0)):
            preferred = taxonomy.skills[label.skill_id].preferred_label
            patterns.append(SkillPattern(label.label, label.skill_id, label.label_kind, preferred))
    return patterns


def tech_tokens(patterns: Iterable[SkillPattern]) -> list[str]:
    """Return the words of pattern labels to keep as single tokens (``C++``, ``CI/CD``, ``.NET``).

    Each comes as written, lower-cased and upper-cased, since tokenizer exceptions are
    case-sensitive.

    Example: ``tech_tokens([SkillPattern("C#", "id", "preferred", "C#")])`` -> ``["C#", "c#"]``
    """
    words = {word for p in patterns for word in p.text.split() if _TECH_TOKEN.match(word)}
    variants = {variant for word in words for variant in (word, word.lower(), word.upper())}
    return sorted(variants)


def _word_skill_counts(labels: Iterable[SkillLabel]) -> Counter[str]:
    skills_by_word: dict[str, set[str]] = {}
    for label in labels:
        for word in _WORD.findall(label.key):
            skills_by_word.setdefault(word, set()).add(label.skill_id)
    return Counter({word: len(skills) for word, skills in skills_by_word.items()})
