r"""Posting sections from headings and cue phrases: which part of a posting a mention is in.

Sections: ``requirements``, ``responsibilities``, ``nice_to_have``, ``benefits``, ``about``
(the company blurb), ``equal_opportunity``, ``how_to_apply`` and ``other`` (text before any
recognised heading). A line that looks like a heading (short, or ending with ``:``) and names
a section starts that section until the next heading. Any line that carries a strong cue of
its own (an EEO statement, "to apply", "nice to have") is that section whatever the heading.
Mentions in ``benefits``, ``about``, ``equal_opportunity`` and ``how_to_apply`` are not demand
(``DEMAND_SECTIONS`` lists the ones that are).

Example: ``sections("Requirements:\n- Python").at(16)`` -> ``"requirements"``
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

SECTIONS = (
    "requirements",
    "responsibilities",
    "nice_to_have",
    "benefits",
    "about",
    "equal_opportunity",
    "how_to_apply",
    "other",
)
DEMAND_SECTIONS = frozenset({"requirements", "responsibilities", "nice_to_have", "other"})
MAX_HEADING_CHARS = 60
_MAX_CACHED_CHARS = 500
"""Longer lines are searched for cues without caching the result (``_first``)."""


class _Cues(tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]):
    """(section, pattern, the same pattern for lowercase text without ``IGNORECASE``): ``_first``.

    Hashed by identity: ``_first_lower`` caches by it, and hashing patterns takes microseconds.
    """

    __slots__ = ()
    __hash__ = object.__hash__


def _cues(patterns: tuple[tuple[str, str], ...]) -> _Cues:
    """Compile lowercase ``(section, pattern)`` pairs for ``_first``."""
    return _Cues(
        (name, re.compile(pattern, re.IGNORECASE), re.compile(pattern))
        for name, pattern in patterns
    )


_HEADINGS = _cues(
    (
        (
            "nice_to_have",
            r"nice[- ]to[- ]have|bonus|preferred|desir|plus|would be great|ideally",
        ),
        ("equal_opportunity", r"equal (employment )?opportunit|diversity|inclusion|\beeo"),
        ("how_to_apply", r"how to apply|application process|to apply|next steps|apply now"),
        ("benefits", r"benefit|perks|we offer|what('s| is)? in it for you|compensation|salary"),
        (
            "requirements",
            r"requirement|qualification|what you( will)? (need|bring)|who you are|skills|"
            r"you (have|bring)|profile|must have|experience|about you|we('re| are) looking for",
        ),
        (
            "responsibilities",
            r"responsibilit|what you('ll| will) do|your role|the role|duties|tasks|"
            r"day[- ]to[- ]day|you will|mission|in this role",
        ),
        ("about", r"^about\b|who we are|our (company|story)|company overview"),
    )
)
_LINE_CUES = _cues(
    (
        (
            "equal_opportunity",
            r"equal (employment )?opportunity|without regard to|regardless of (race|gender|age)|"
            r"protected (veteran|characteristic|status)|affirmative action",
        ),
        ("how_to_apply", r"\b(to apply|apply (now|online|here|via)|send (us )?your (cv|resume))"),
        ("nice_to_have", r"\b(nice[- ]to[- ]have|is a plus|would be a plus|a bonus)\b"),
        ("benefits", r"\b(we offer|health insurance|paid (time off|leave)|401\(?k\)?)\b"),
    )
)
_BULLETS = frozenset("-*•\u2013·")
_LINE = re.compile(r"[^\n]*(?:\n|$)")


def heading_section(line: str) -> str | None:
    """Return the section a heading line names, or None when it is no section heading.

    Example: ``heading_section("What you'll do:")`` -> ``"responsibilities"``
    """
    text = line.strip().strip("#*•-\u2013: \t").strip()
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    colon = line.rstrip().endswith(":")
    bullet = line.lstrip()[:1] in _BULLETS
    if not colon and (bullet or len(text.split()) > 6 or text.endswith(".")):
        return None
    return _first(_HEADINGS, text)


def _first(cues: _Cues, text: str) -> str | None:
    """The section of the first of ``cues`` found in ``text`` (ignoring case), if any.

    An ASCII text is lowercased and searched without ``IGNORECASE``, twice as fast and the
    same for it; other texts keep ``IGNORECASE``, which also folds the long s, dotless i, ...

    Example: ``_first(_LINE_CUES, "Docker is a PLUS")`` -> ``"nice_to_have"``
    """
    if not text.isascii():
        return next((name for name, pattern, _ in cues if pattern.search(text)), None)
    if len(text) > _MAX_CACHED_CHARS:  # bounds the cache's memory; long lines rarely recur
        return _first_lower.__wrapped__(cues, text.lower())
    return _first_lower(cues, text.lower())


@lru_cache(maxsize=1 << 14)
def _first_lower(cues: _Cues, lower: str) -> str | None:
    """``_first`` of a lowercase ASCII text.

    Cached: the linker and ``extract_mentions`` both search each line of a posting (the linker
    lowercased), and postings share boilerplate lines.
    """
    return next((name for name, _, pattern in cues if pattern.search(lower)), None)


@dataclass(frozen=True)
class SectionMap:
    """The section of each line of a text: ``names[i]`` from offset ``starts[i]`` on."""

    starts: tuple[int, ...]
    names: tuple[str, ...]

    def at(self, offset: int) -> str | None:
        r"""Return the section of the line holding ``offset`` (None for an empty text).

        Example: ``sections("About us\nPython").at(10)`` -> ``"about"``
        """
        index = bisect_right(self.starts, offset) - 1
        return self.names[index] if index >= 0 else None


def sections(text: str) -> SectionMap:
    r"""Return the section of each line of ``text``.

    Example: ``sections("About us\nWe sell.").names`` -> ``("about", "about")``
    """
    starts: list[int] = []
    names: list[str] = []
    current = "other"
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        current = heading_section(line) or current
        starts.append(match.start())
        names.append(_first(_LINE_CUES, line) or current)
    return SectionMap(tuple(starts), tuple(names))
