"""The crosswalk's label index: exact keys to canonical skills, and word blocking for fuzzy.

Comparing every new label with every canonical label (tens of thousands squared) is far too
slow; ``block`` returns only the keys sharing the query's rarest words (``BLOCK_WORDS`` of them,
skipping words in more than ``MAX_BLOCK`` keys).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from taxonomy.labels import label_keys

BLOCK_WORDS = 2
"""How many of a query's rarest words pick its fuzzy candidates."""
MAX_BLOCK = 2000
"""A word in more keys than this is too common to block on."""
_WORD = re.compile(r"[^\W_][\w+#.]*")


class LabelIndex:
    """Normalized label keys -> canonical ids, preferred-label owners first.

    Example: ``index.add_labels("id:1", ["SQL"], preferred=True); index.best("sql")``
    -> ``["id:1"]``
    """

    def __init__(self) -> None:
        self._preferred: dict[str, list[str]] = {}
        self._other: dict[str, list[str]] = {}
        self._words: dict[str, set[str]] = {}

    def add_labels(self, canonical_id: str, labels: Iterable[str], *, preferred: bool) -> None:
        """Index labels (and their unqualified forms) of one canonical skill.

        Example: ``index.add_labels(uri, ["Python (computer programming)"], preferred=True)``
        """
        target = self._preferred if preferred else self._other
        for label in labels:
            for key in label_keys(label):
                owners = target.setdefault(key, [])
                if canonical_id not in owners:
                    owners.append(canonical_id)
                for word in _WORD.findall(key):
                    self._words.setdefault(word, set()).add(key)

    def best(self, key: str) -> list[str]:
        """Return the skills whose preferred label has ``key``, else those with another label.

        Example: ``index.best("python")`` -> ``["http://data.europa.eu/esco/skill/ccd0..."]``
        """
        return list(self._preferred.get(key) or self._other.get(key) or [])

    def is_preferred(self, key: str) -> bool:
        """Return whether ``key`` is (the unqualified form of) some skill's preferred label.

        Example: ``index.is_preferred("sql")`` -> ``True``
        """
        return key in self._preferred

    def all(self, key: str) -> list[str]:
        """Return every skill with a label of key ``key``.

        Example: ``index.all("k8s")`` -> ``[]``
        """
        return list(dict.fromkeys([*self._preferred.get(key, []), *self._other.get(key, [])]))

    def block(self, key: str) -> list[str]:
        """Return the indexed keys that share one of ``key``'s rarest words (fuzzy candidates).

        Example: ``index.block("python programming")`` -> ``["python (computer programming)"]``
        """
        sizes = sorted(
            (len(self._words[word]), word)
            for word in set(_WORD.findall(key))
            if word in self._words and len(self._words[word]) <= MAX_BLOCK
        )
        keys: set[str] = set()
        for _, word in sizes[:BLOCK_WORDS]:
            keys |= self._words[word]
        return sorted(keys)
