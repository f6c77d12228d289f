"""Skill mentions from texts, through a pipeline made by ``build_nlp``.

Exact phrase matches score by the kind of label matched (``KIND_SCORES``): a skill's preferred
label 1.0, an alternative label 0.9, a derived unqualified form ("Python" for "Python
(computer programming)") 0.85, a hidden label 0.8; matched through lemmas
(``taxonomy.lemmas``) or fuzzily (``taxonomy.fuzzy``), ``METHOD_FACTORS`` times that. Semantic
links (``skill_linker``) score ``SEMANTIC_SCALE`` times their similarity, so always below exact
matches; a skill already matched exactly in a text, or linked earlier in it, is not linked
again. A skill a sentence implies without naming it (the linker's implied links) is method
``implied``, scored ``IMPLIED_SCALE`` times its similarity, so below ``DEFAULT_MIN_SCORE``,
and its span is the sentence: it ranks skills for a text but does not count as demand. Mentions
come best first: score, then position. Each carries the section of the text it is in
(``taxonomy.sections``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from taxonomy.errors import TaxonomyError
from taxonomy.model import LabelKind, SkillMention
from taxonomy.nlp import FACTORY, SkillMatcher
from taxonomy.sections import SectionMap, sections
from taxonomy.semantic import SPANS_KEY as CANDIDATES_KEY

logger = logging.getLogger(__name__)

KIND_SCORES: dict[LabelKind, float] = {
    "preferred": 1.0,
    "alt": 0.9,
    "derived": 0.85,
    "hidden": 0.8,
}
METHOD_FACTORS = {"exact": 1.0, "lemma": 0.95, "fuzzy": 0.85}
"""A label matched through its words' lemmas ("managing projects") or fuzzily ("project
managment", ``taxonomy.fuzzy``) scores this times its kind's score."""
SEMANTIC_SCALE = 0.8
"""Semantic score = this times the linker's similarity (< 0.8, the lowest exact score)."""
IMPLIED_SCALE = 0.6
"""Implied score = this times the sentence's similarity (< 0.6: below ``DEFAULT_MIN_SCORE``)."""
DEFAULT_MIN_SCORE = 0.7
"""Suggested threshold for counting mentions as demand (similarity 0.875 for semantic links):
the lowest on the Decorte validation P/R curves keeping precision >= 0.55 on both sets."""
MAX_CHUNK_CHARS = 100_000
"""Longer texts go through the pipeline in pieces cut at line or sentence ends (else spaces)."""


def implied_can_reach(min_score: float) -> bool:
    """Whether implied skills can score ``min_score`` (else no need to link them).

    Example: ``implied_can_reach(0.7)`` -> ``False``
    """
    return min_score <= IMPLIED_SCALE


def extract_mentions(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 64,
    max_chunk_chars: int = MAX_CHUNK_CHARS,
) -> Iterator[list[SkillMention]]:
    """Yield, for each text in order, its skill mentions ranked best first.

    Offsets are character offsets into the text given: ``text[m.start:m.end] == m.surface``.
    Texts over ``max_chunk_chars`` go through in pieces cut at line or sentence ends; only a
    text without either could lose a skill named across a cut.

    Example: ``next(extract_mentions(nlp, ["Python and SQL"]))[0].surface`` -> ``"Python"``

    Raises:
        TaxonomyError: when ``nlp`` has no ``skill_matcher`` (see ``build_nlp``).
    """
    if FACTORY not in nlp.pipe_names:
        raise TaxonomyError(f"the pipeline has no {FACTORY!r} component: make it with build_nlp")
    matcher: SkillMatcher = nlp.get_pipe(FACTORY)
    mentions: list[SkillMention] = []
    pieces = _pieces(texts, max_chunk_chars)
    line_sections = SectionMap((), ())
    for doc, (offset, text, last) in nlp.pipe(pieces, batch_size=batch_size, as_tuples=True):
        if not offset:  # a text's first piece
            line_sections = sections(text)
        own = list(_doc_mentions(doc, matcher, offset, line_sections))
        spans = {(m.start - offset, m.end - offset) for m in own}
        linked = {m.skill_id for m in mentions} | {m.skill_id for m in own}
        mentions.extend(own)
        semantic = _semantic_mentions(doc, text, offset, linked, spans, line_sections=line_sections)
        mentions.extend(semantic)
        if last:
            mentions.sort(key=lambda m: (-m.score, m.start, m.end))
            yield mentions
            mentions = []


def _semantic_mentions(
    doc: Doc,
    text: str,
    offset: int,
    linked: set[str],
    spans: set[tuple[int, int]],
    *,
    line_sections: SectionMap,
) -> list[SkillMention]:
    """Semantic links of ``doc``, the piece of ``text`` from ``offset``, except ``linked`` skills.

    Skills linked here are added to ``linked``; ``line_sections``: the sections of ``text``.

    Phrases' own links come first; then a sentence's links (``sentence`` in the group's
    attrs), only on the ``spans`` (doc character offsets) that mentions already have: a
    sentence's topic is worth a ranked link, not a span of its own. Links of a sentence
    without such spans (``implied``) stay on it, as ``implied`` mentions.
    """
    group = doc.spans.get(CANDIDATES_KEY)
    if group is None:
        return []
    similarities = group.attrs.get("similarity", ())
    by_sentence = group.attrs.get("sentence") or [False] * len(group)
    implied = group.attrs.get("implied") or [False] * len(group)
    links = list(zip(group, similarities, by_sentence, implied, strict=False))
    # Phrases' links, then sentences': one pass in the order the docstring says.
    links = [link for link in links if not link[2]] + [link for link in links if link[2]]
    # Offsets from arrays and surfaces from the text: ``Span.start_char`` and ``Span.text``
    # make a Token per token, and an implied link's span is a whole sentence.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    found: list[SkillMention] = []
    for span, similarity, sentence, whole in links:
        skill_id = span.kb_id_
        if skill_id in linked:
            continue
        last = span.end - 1
        start, end = starts[span.start], starts[last] + lengths[last]
        if sentence and not whole and (start, end) not in spans:
            continue
        linked.add(skill_id)
        if not whole:
            spans.add((start, end))
        scale = IMPLIED_SCALE if whole else SEMANTIC_SCALE
        found.append(
            SkillMention(
                skill_id=skill_id,
                label=span.label_,
                start=offset + start,
                end=offset + end,
                surface=text[offset + start : offset + end],
                score=round(min(max(similarity, 0.0), 1.0) * scale, 4),
                method="implied" if whole else "semantic",
                section=line_sections.at(offset + start),
            )
        )
    return found


def _doc_mentions(
    doc: Doc, matcher: SkillMatcher, offset: int, line_sections: SectionMap
) -> Iterator[SkillMention]:
    for span in doc.spans[matcher.spans_key]:
        found = matcher.candidates(span)
        if not found or found[0].skill_id != span.kb_id_:  # a span another component put there
            continue
        top = found[0]
        method = {matcher.lemma_label: "lemma", matcher.fuzzy_label: "fuzzy"}.get(
            span.label_, "exact"
        )
        start = offset + span.start_char
        yield SkillMention(
            skill_id=top.skill_id,
            label=top.skill_label,
            start=start,
            end=offset + span.end_char,
            surface=span.text,
            score=round(KIND_SCORES[top.kind] * METHOD_FACTORS[method], 4),
            method=method,
            section=line_sections.at(start),
        )


def _pieces(texts: Iterable[str], max_chars: int) -> Iterator[tuple[str, tuple[int, str, bool]]]:
    """Yield (piece, (offset, text, is_last_piece_of_its_text)), at least one piece per text."""
    for text in texts:
        start = 0
        while len(text) - start > max_chars:
            end = _cut(text, start, start + max_chars)
            yield text[start:end], (start, text, False)
            start = end
        yield text[start:], (start, text, True)


def _cut(text: str, start: int, limit: int) -> int:
    """Return where a piece ends: the last line end before ``limit``, else sentence end, else space.

    A skill named across a space cut is lost.
    """
    for separator in ("\n", ". ", " "):
        position = text.rfind(separator, start, limit)
        if position > start:
            return position + len(separator)
    return limit
