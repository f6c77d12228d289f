"""Semantic linking: candidate phrases -> nearest taxonomy skills by static-embedding cosine.

The ``skill_linker`` component links phrases: by default the spans a trained proposer put in
``doc.ents`` (the bundled SkillSpan-trained ``skill_proposer``, see ``build_nlp``); with
``proposals`` ``both`` or ``heuristic`` also heuristic candidates (``taxonomy.candidates``: list
items, clause pieces), which on the validation sets added .03 RP@5 on tech postings but cost
strict span precision (.43 -> .36) and four times the linking time. Each phrase and its sentence
are embedded with a model2vec static model (``taxonomy.embeddings``); the ``SHORTLIST``
preferred labels nearest the phrase are re-scored as ``(1 - CONTEXT_WEIGHT)`` x phrase cosine +
``CONTEXT_WEIGHT`` x sentence cosine, and up to ``top_k`` per phrase are kept: for a proposed
span its best label always and the others from ``min_similarity``, for a heuristic phrase from
``heuristic_min_similarity``. They go into ``doc.spans["skill_candidates"]`` (the phrase as
span, the skill id as ``kb_id_``, its preferred label as ``label_``) with their similarities in
the group's ``attrs["similarity"]``, best first. With ``sentence_links`` each sentence is a phrase
too (its own context), linked from ``sentence_min_similarity``: what a sentence is about when
none of its phrases names it ("performed code reviews for your teammates" -> conduct ICT code
review). A sentence holding a proposed or exactly matched phrase puts its links on the one
nearest the label, flagged in ``attrs["sentence"]``: they rank a skill for the text without
adding a span (``extract_mentions`` keeps them only on spans other mentions have). With
``implied_links`` the other sentences are linked too, if they are statements (not a line
ending in a colon, "Industry:") in a demand section (``taxonomy.sections``: not benefits or
the company blurb, which imply insurance and pension skills), and their links stay on the
sentence, flagged in ``attrs["implied"]``: skills a text implies without naming them ("Do you
want to influence the sales of large-scale projects?"), which ``extract_mentions`` reports as
``implied``, scored below its default threshold. On validation they added .016 RP@5 on house
and .027 on tech sentences. Sentences in another language than English are not linked at all.

Defaults were chosen on the validation sets (Decorte tech/house validation, SkillSpan dev).
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided
from spacy.attrs import SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from taxonomy.candidates import doc_candidate_ranges
from taxonomy.embeddings import LabelVectors, load_static_model
from taxonomy.language import is_foreign
from taxonomy.sections import DEMAND_SECTIONS, sections
from taxonomy.token_vectors import TokenVectors

logger = logging.getLogger(__name__)

FACTORY = "skill_linker"
SPANS_KEY = "skill_candidates"
CONTEXT_WEIGHT = 0.35
"""Share of the sentence's similarity in a skill's similarity (the phrase's is the rest)."""
TOP_K = 5
SHORTLIST = 20
"""Labels nearest a phrase that are re-scored with its sentence."""
BLOCK_ROWS = 1024
"""Phrases compared with the label matrix at a time (bounds memory: ~60 MB for ESCO)."""
EMBED_TOKENS = 65_536
"""Tokens of the docs whose phrase vectors are made together (bounds memory: ~64 MB)."""
MIN_SIMILARITY = 0.5
HEURISTIC_MIN_SIMILARITY = 0.7
"""Floor for phrases from ``candidate_ranges`` (``MIN_SIMILARITY``: for proposed spans)."""
MATCHES_KEY = "skills"
"""Span group of the exact matches (``skill_matcher``): anchors for sentences' links."""
SENTENCE_LINKS = True
SENTENCE_MIN_SIMILARITY = 0.4
"""Floor for whole sentences linked as phrases (``SENTENCE_LINKS``)."""
IMPLIED_LINKS = True
"""With ``SENTENCE_LINKS``, also link the sentences without anchors: their links stay on the
sentence, as skills it implies (``attrs["implied"]``); ``extract_mentions`` gives them no span."""
PROPOSALS = "spans"
"""Phrases to link: ``spans`` (the doc's entities from a span proposer), ``heuristic``
(``candidate_ranges``) or ``both`` (see the module docstring)."""
MAX_WORD_CHARS = 40
"""Longer tokens are no words (binary junk, a run of symbols): phrases need a word to be linked."""
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
_MODEL_DIR = "model"
_MATRIX_FILE = "label_vectors.npy"
_LABELS_FILE = "labels.json"
_BLOCK = 128
"""Labels per block when finding a phrase's nearest labels (``_top_columns``)."""


class SkillLinker:
    """Pipeline component: candidate phrases linked to skills -> ``doc.spans[spans_key]``.

    Example: ``nlp("Knowledge of relational databases").spans["skill_candidates"][0].kb_id_``
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        spans_key: str = SPANS_KEY,
        top_k: int = TOP_K,
        min_similarity: float = MIN_SIMILARITY,
        context_weight: float = CONTEXT_WEIGHT,
        proposals: str = PROPOSALS,
        heuristic_min_similarity: float = HEURISTIC_MIN_SIMILARITY,
        sentence_links: bool = SENTENCE_LINKS,
        sentence_min_similarity: float = SENTENCE_MIN_SIMILARITY,
        implied_links: bool = IMPLIED_LINKS,
        matches_key: str = MATCHES_KEY,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.top_k = top_k
        self.min_similarity = min_similarity
        self.context_weight = context_weight
        self.proposals = proposals
        self.heuristic_min_similarity = heuristic_min_similarity
        self.sentence_links = sentence_links
        self.sentence_min_similarity = sentence_min_similarity
        self.implied_links = implied_links
        self.matches_key = matches_key
        self.model: Any = None
        self.vectors: LabelVectors | None = None
        self.tokens: TokenVectors | None = None

    def set_model(
        self, model: Any, vectors: LabelVectors, tokens: TokenVectors | None = None
    ) -> None:
        """Give the component its static model and the label vectors made with it.

        ``tokens``: a ``TokenVectors`` of the same model shared with other components.

        Example: ``linker.set_model(model, label_vectors(taxonomy, model))``
        """
        self.model, self.vectors = model, vectors
        self.tokens = tokens if tokens is not None else TokenVectors(model)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the static model and the label vectors to the folder ``path`` (spaCy protocol).

        Example: ``nlp.to_disk("compiled")`` calls this for ``compiled/skill_linker``
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if self.model is None or self.vectors is None:
            return
        self.model.save_pretrained(str(folder / _MODEL_DIR))
        np.save(folder / _MATRIX_FILE, self.vectors.matrix, allow_pickle=False)
        labels = {"skill_ids": self.vectors.skill_ids, "labels": self.vectors.labels}
        (folder / _LABELS_FILE).write_text(json.dumps(labels), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillLinker:
        """Load what ``to_disk`` saved (a linker saved without a model stays without one).

        Example: ``spacy.load("compiled")`` calls this for ``compiled/skill_linker``
        """
        folder = Path(path)
        if not (folder / _MATRIX_FILE).is_file():
            return self
        labels = json.loads((folder / _LABELS_FILE).read_text(encoding="utf-8"))
        matrix = np.load(folder / _MATRIX_FILE, allow_pickle=False)
        vectors = LabelVectors(tuple(labels["skill_ids"]), tuple(labels["labels"]), matrix)
        self.set_model(load_static_model(folder / _MODEL_DIR), vectors)
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Link the doc's candidate phrases (nothing without a model).

        Example: ``linker(nlp.make_doc("team player")).spans["skill_candidates"]``
        """
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Link candidate phrases of ``docs``; all phrases of a batch are compared at once.

        Example: ``list(linker.pipe(nlp.tokenizer.pipe(["SQL", "Java"])))``
        """
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._link(batch)
                batch = []
        if batch:
            yield from self._link(batch)

    def _link(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None or self.vectors is None:
            plans = []
        else:
            plans = self._embedded([self._plan(doc) for doc in docs])
        if not any(plan.keys for plan in plans):
            for doc in docs:
                doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key)
            return docs
        keys = [key for plan in plans for key in plan.keys]
        unique = {key: row for row, key in enumerate(dict.fromkeys(keys))}
        inverse = np.asarray([unique[key] for key in keys])
        phrases = np.concatenate([plan.phrases[: len(plan.keys)] for plan in plans])
        first_of = np.zeros(len(unique), dtype=np.int64)
        first_of[inverse[::-1]] = np.arange(len(inverse))[::-1]
        columns, near = self._shortlist(phrases[first_of])
        context = np.concatenate([plan.context for plan in plans])
        floors = np.concatenate([plan.floors for plan in plans])
        proposed = np.concatenate([plan.proposed[: len(plan.keys)] for plan in plans])
        owner = np.repeat(np.arange(len(plans)), [len(plan.keys) for plan in plans]).tolist()
        offsets = np.cumsum([0] + [len(plan.keys) for plan in plans]).tolist()
        found: list[list[tuple[float, int, int]]] = [[] for _ in docs]
        shortlist = (columns[inverse], near[inverse])
        for value, phrase, column in self._best(shortlist, context, floors, proposed):
            number = owner[phrase]
            found[number].append((value, phrase - offsets[number], column))
        for doc, plan, doc_found in zip(docs, plans, found, strict=True):
            anchored = self._anchored(plan, doc_found)
            doc.spans[self.spans_key] = self._group(doc, plan.ranges, anchored)
        return docs

    def _anchored(
        self, plan: _Plan, found: list[tuple[float, int, int]]
    ) -> list[tuple[float, int, int, str]]:
        """Put each sentence's links on its phrase nearest the linked label; say whose they are.

        Each link gets its kind: ``phrase``, ``sentence`` (put on an anchor) or ``implied``
        (a sentence without anchors: the link stays on the sentence).

        The phrases: the sentence's proposed and exactly matched ones (``plan.anchors``).
        """
        if not plan.sentence.any():
            return [(*link, "phrase") for link in found]
        matrix = self.vectors.matrix  # type: ignore[union-attr]
        vectors = list(plan.phrases)  # row views made once, not once per anchor and link
        is_sentence = plan.sentence.tolist()
        out = []
        for value, phrase, column in found:
            if not is_sentence[phrase]:
                out.append((value, phrase, column, "phrase"))
                continue
            inside = plan.anchors[plan.ranges[phrase]]
            if not inside:  # an implied link: it stays on its sentence
                out.append((value, phrase, column, "implied"))
                continue
            best = inside[0]
            if len(inside) > 1:
                label = matrix[column]
                best = max(inside, key=lambda q: float(vectors[q] @ label))
            out.append((value, best, column, "sentence"))
        return out

    def _shortlist(self, phrases: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return the rows of the ``SHORTLIST`` labels nearest each phrase, and their cosines."""
        matrix = self.vectors.matrix  # type: ignore[union-attr]
        n = min(SHORTLIST, matrix.shape[0])
        columns, near = [], []
        # One buffer for all blocks: each new ~60 MB array would cost its page faults again.
        buffer = np.empty(
            (min(BLOCK_ROWS, len(phrases)), matrix.shape[0]), np.result_type(phrases, matrix)
        )
        for first in range(0, len(phrases), BLOCK_ROWS):
            block = phrases[first : first + BLOCK_ROWS]
            sims = np.matmul(block, matrix.T, out=buffer[: len(block)])
            block_columns = _top_columns(sims, n)
            columns.append(block_columns)
            near.append(np.take_along_axis(sims, block_columns, axis=1))
        return np.concatenate(columns), np.concatenate(near)

    def _best(
        self,
        shortlist: tuple[np.ndarray, np.ndarray],
        context: np.ndarray,
        floors: np.ndarray,
        proposed: np.ndarray,
    ) -> list[tuple[float, int, int]]:
        """Return (similarity, phrase row, label row), best first, at most top_k per phrase.

        ``shortlist`` holds each phrase's nearest labels and cosines, ``context`` its
        sentence's vector, which re-scores them. A phrase keeps the labels reaching its
        floor; a ``proposed`` one keeps its best label whatever its similarity.
        """
        matrix = self.vectors.matrix  # type: ignore[union-attr]
        columns, near = shortlist
        context_sims = np.concatenate(
            [
                np.einsum(
                    "pd,pnd->pn",
                    context[first : first + BLOCK_ROWS],
                    matrix[columns[first : first + BLOCK_ROWS]],
                )
                for first in range(0, len(columns), BLOCK_ROWS)
            ]
        )
        mixed = (1 - self.context_weight) * near + self.context_weight * context_sims
        k = min(self.top_k, mixed.shape[1])
        order = np.argsort(-mixed, axis=1)[:, :k]
        values = np.take_along_axis(mixed, order, axis=1)
        keep = values >= floors[:, None]
        keep[:, 0] |= proposed
        rows, ranks = np.nonzero(keep)
        kept = values[rows, ranks]
        best = np.argsort(-kept, kind="stable")  # ties keep phrase then rank order
        labels = columns[rows, order[rows, ranks]]
        return list(
            zip(kept[best].tolist(), rows[best].tolist(), labels[best].tolist(), strict=True)
        )

    def _plan(self, doc: Doc) -> _Plan:
        """Return the phrases of ``doc`` to link, with their floors, vectors and context vectors.

        Phrases: the doc's entities (from a span proposer), then ``candidate_ranges``, then (with
        ``sentence_links``) the sentences holding a proposed or exactly matched phrase, the
        anchors of their links, and with ``implied_links`` the other sentences, without
        anchors; exact matches follow as anchors only, not linked. A range
        found twice keeps its lowest floor. Sentences in another language than English
        (``taxonomy.language``) are left out: English labels are no match for them.
        """
        tokens = self.tokens
        rows = tokens.rows(doc)  # type: ignore[union-attr]
        lowers = tokens.lowers(rows)  # type: ignore[union-attr]
        starts, ends = _sentences(lowers)
        foreign = [is_foreign(lowers[a:b], STOP_WORDS) for a, b in zip(starts, ends, strict=True)]
        words_before = [0, *accumulate(map(_is_word, lowers))]  # counts in a range: 2 look-ups

        def linkable(found: tuple[int, int]) -> bool:
            """English words: not in a foreign sentence, not only symbols or binary junk."""
            if foreign[bisect_right(starts, found[0]) - 1]:
                return False
            return words_before[found[1]] > words_before[found[0]]

        floors: dict[tuple[int, int], float] = {}
        if self.proposals != "heuristic":
            ents = [(ent.start, ent.end) for ent in doc.ents]
            floors.update((found, self.min_similarity) for found in ents if linkable(found))
        proposed = set(floors)
        if self.proposals != "spans":
            for found in filter(linkable, doc_candidate_ranges(doc, lowers=lowers)):
                floors[found] = min(floors.get(found, 1.0), self.heuristic_min_similarity)
        phrases = list(floors)
        matched = [(span.start, span.end) for span in doc.spans.get(self.matches_key, ())]
        matched = [m for m in dict.fromkeys(matched) if m not in proposed and linkable(m)]
        sentences: dict[tuple[int, int], list[int]] = {}
        if self.sentence_links:  # anchors: rows of the proposed phrases, then of the matches
            n_proposed = len(proposed)
            held = _sentence_anchors(lowers, starts, ends, [*phrases[:n_proposed], *matched])
            if self.implied_links:
                statements = _statements(doc, lowers, starts, ends, words_before)
                for found in filter(linkable, statements):
                    held.setdefault(found, [])
            shift = len(phrases) + len(held) - n_proposed
            sentences = {
                found: [i if i < n_proposed else i + shift for i in numbers]
                for found, numbers in held.items()
            }
        ranges = [*phrases, *sentences, *matched]
        if not ranges:
            none = np.zeros(0, dtype=bool)
            return _Plan([], [], np.zeros(0), none, none, {}, rows, [])
        linked = ranges[: len(phrases) + len(sentences)]
        sentence_of = [bisect_right(starts, start) - 1 for start, _ in linked]
        contexts = [(starts[i], ends[i]) for i in sentence_of]
        is_sentence = np.zeros(len(ranges), dtype=bool)
        is_sentence[len(phrases) : len(linked)] = True
        return _Plan(
            ranges=ranges,
            keys=[" ".join(lowers[a:b]) for a, b in linked],
            floors=np.asarray(
                [*floors.values(), *[self.sentence_min_similarity] * len(sentences)],
                dtype=np.float32,
            ),
            proposed=np.asarray([found in proposed for found in ranges], dtype=bool) & ~is_sentence,
            sentence=is_sentence,
            anchors=sentences,
            rows=rows,
            embedded=[*ranges, *contexts],
        )

    def _embedded(self, plans: list[_Plan]) -> list[_Plan]:
        """The plans with the vectors of their ranges and contexts, docs' made together.

        Docs go together up to ``EMBED_TOKENS`` tokens (one more doc can pass it): their
        prefix sums take ~1 KB a token, and a batch of 100k-character pieces would take GBs.
        """
        tokens: TokenVectors = self.tokens  # type: ignore[assignment]
        out: list[_Plan] = []
        for group in _by_tokens(plans, EMBED_TOKENS):
            rows = [plan.rows for plan in group]
            vectors = tokens.docs_range_vectors(rows, [plan.embedded for plan in group])
            out += [
                replace(plan, phrases=found[: len(plan.ranges)], context=found[len(plan.ranges) :])
                for plan, found in zip(group, vectors, strict=True)
            ]
        return out

    def _group(
        self,
        doc: Doc,
        ranges: list[tuple[int, int]],
        found: list[tuple[float, int, int, str]],
    ) -> SpanGroup:
        ids, labels = self.vectors.skill_ids, self.vectors.labels  # type: ignore[union-attr]
        spans = [
            Span(doc, *ranges[p], label=labels[column], kb_id=ids[column])
            for _, p, column, _ in found
        ]
        attrs = {
            "similarity": [value for value, *_ in found],
            "sentence": [kind != "phrase" for *_, kind in found],
            "implied": [kind == "implied" for *_, kind in found],
        }
        return SpanGroup(doc, name=self.spans_key, attrs=attrs, spans=spans)


def _by_tokens(plans: list[_Plan], most: int) -> Iterator[list[_Plan]]:
    """``plans`` in order, in groups of up to ``most`` tokens (or of one bigger doc)."""
    group: list[_Plan] = []
    size = 0
    for plan in plans:
        if group and size + len(plan.rows) > most:
            yield group
            group, size = [], 0
        group.append(plan)
        size += len(plan.rows)
    if group:
        yield group


def _no_vectors() -> np.ndarray:
    """A plan's vectors before ``SkillLinker._embedded`` sets them."""
    return np.zeros((0, 0), dtype=np.float32)


@dataclass(frozen=True)
class _Plan:
    """What the linker compares for one doc: its phrases, their floors and sentences' vectors."""

    ranges: list[tuple[int, int]]
    """Phrases to link, then sentences to link, then exact matches (anchors only)."""
    keys: list[str]
    """One per range to link."""
    floors: np.ndarray
    proposed: np.ndarray
    sentence: np.ndarray
    anchors: dict[tuple[int, int], list[int]]
    """A linked sentence's range -> rows of ``ranges`` its links may go on."""
    rows: np.ndarray
    """The doc's token rows in the linker's ``TokenVectors``."""
    embedded: list[tuple[int, int]]
    """``ranges``, then the sentence of each range to link: the ranges to embed."""
    phrases: np.ndarray = field(default_factory=_no_vectors)
    """The vectors of ``ranges`` (``SkillLinker._embedded``)."""
    context: np.ndarray = field(default_factory=_no_vectors)
    """One per range to link."""


def _sentences(lowers: list[str]) -> tuple[list[int], list[int]]:
    """Return the token starts and ends of the sentences (cut after . ! ? ; and line breaks)."""
    starts = [0]
    starts += [
        i + 1 for i, lower in enumerate(lowers[:-1]) if lower in _SENTENCE_ENDS or "\n" in lower
    ]
    return starts, [*starts[1:], len(lowers)]


def _trimmed(lowers: list[str], start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` without leading or trailing whitespace and end punctuation."""
    while start < end and not lowers[start].strip():
        start += 1
    while end > start and (not lowers[end - 1].strip() or lowers[end - 1] in _SENTENCE_ENDS):
        end -= 1
    return start, end


@lru_cache(maxsize=1 << 16)
def _is_word(lower: str) -> bool:
    """Whether a token can be a word: a letter, at most ``MAX_WORD_CHARS``, mostly printable.

    Example: ``_is_word("c++")`` -> ``True``; ``_is_word("7.4")`` -> ``False``
    """
    if len(lower) > MAX_WORD_CHARS or not any(char.isalpha() for char in lower):
        return False
    return 2 * sum(char.isprintable() for char in lower) > len(lower)


def _statements(
    doc: Doc, lowers: list[str], starts: list[int], ends: list[int], words_before: list[int]
) -> Iterator[tuple[int, int]]:
    """Yield the trimmed sentences that are statements in a demand section (``sections``).

    Not a line ending in a colon ("Industry:"): a field name; not a run of symbols or junk
    where words (``_is_word``) are fewer than the other tokens.

    ``words_before``: how many of ``lowers`` before each one are words (and in all).
    """
    # The sections of the lowercase text (cues ignore case): ``doc.text`` makes a Token each.
    spaces = doc.to_array(SPACY).tolist() if len(doc) else []
    pieces = [lower + " " if space else lower for lower, space in zip(lowers, spaces, strict=True)]
    offsets = [0, *accumulate(map(len, pieces))]
    line_sections = sections("".join(pieces))
    blanks_before = [0, *accumulate(map(str.isspace, lowers))]
    for first, last in zip(starts, ends, strict=True):
        start, end = _trimmed(lowers, first, last)
        if start == end or lowers[end - 1] == ":":
            continue
        words = words_before[end] - words_before[start]
        if 2 * words < end - start - (blanks_before[end] - blanks_before[start]):
            continue
        if line_sections.at(offsets[start]) in DEMAND_SECTIONS:
            yield start, end


def _sentence_anchors(
    lowers: list[str], starts: list[int], ends: list[int], anchors: list[tuple[int, int]]
) -> dict[tuple[int, int], list[int]]:
    """Return each sentence holding any of ``anchors`` (trimmed range) -> their indices.

    Example: ``_sentence_anchors(["SQL", "."], [0], [2], [(0, 1)])`` -> ``{(0, 1): [0]}``
    """
    held: dict[tuple[int, int], list[int]] = {}
    for number, (start, end) in enumerate(anchors):
        sentence = bisect_right(starts, start) - 1
        if end <= ends[sentence]:
            found = _trimmed(lowers, starts[sentence], ends[sentence])
            if found[0] < found[1]:
                held.setdefault(found, []).append(number)
    return held


def _top_columns(sims: np.ndarray, n: int) -> np.ndarray:
    """Column indices of the ``n`` largest values of each row, in no order (ties: any).

    A full ``argpartition`` over ESCO's 14k labels costs more than the product itself. The
    columns are cut into blocks of ``_BLOCK``: a value among the top ``n`` lies in one of the
    ``n`` blocks with the largest maxima (else those blocks' maxima would be ``n`` values at
    least as large), so only those blocks and the columns after the last whole block are
    searched.
    """
    rows_n, width = sims.shape
    if width <= 4 * _BLOCK or n >= width // _BLOCK:
        return np.argpartition(-sims, n - 1, axis=1)[:, :n]
    full = width - width % _BLOCK
    searched = n * _BLOCK
    # ``reduceat``: a quarter faster than ``max(axis=2)`` over the blocks' view below.
    maxima = np.maximum.reduceat(sims[:, :full], np.arange(0, full, _BLOCK), axis=1)
    top_blocks = np.argpartition(-maxima, n - 1, axis=1)[:, :n]
    # A strided view, not ``reshape``: the whole blocks of a row are not contiguous when a
    # tail follows, and copying them costs as much as the search.
    row_stride, item = sims.strides
    blocks = as_strided(
        sims, (rows_n, full // _BLOCK, _BLOCK), (row_stride, _BLOCK * item, item), writeable=False
    )
    # Negated as they are copied: ``argpartition`` finds the smallest, and a separate ``-values``
    # would be one more pass over them.
    negated = np.empty((rows_n, searched + width - full), dtype=sims.dtype)
    found = blocks[np.arange(rows_n)[:, None], top_blocks].reshape(rows_n, -1)
    np.negative(found, out=negated[:, :searched])
    np.negative(sims[:, full:], out=negated[:, searched:])
    best = np.argpartition(negated, n - 1, axis=1)[:, :n]
    # Back from positions in ``negated`` to columns: only for the ``n`` found.
    block = np.take_along_axis(top_blocks, np.minimum(best // _BLOCK, n - 1), axis=1)
    return np.where(best < searched, block * _BLOCK + best % _BLOCK, best - searched + full)


@Language.factory(
    FACTORY,
    default_config={
        "spans_key": SPANS_KEY,
        "top_k": TOP_K,
        "min_similarity": MIN_SIMILARITY,
        "context_weight": CONTEXT_WEIGHT,
        "proposals": PROPOSALS,
        "heuristic_min_similarity": HEURISTIC_MIN_SIMILARITY,
        "sentence_links": SENTENCE_LINKS,
        "sentence_min_similarity": SENTENCE_MIN_SIMILARITY,
        "implied_links": IMPLIED_LINKS,
    },
)
def make_skill_linker(  # noqa: PLR0917 - spaCy passes the config as arguments
    nlp: Language,
    name: str,
    spans_key: str,
    top_k: int,
    min_similarity: float,
    context_weight: float,
    proposals: str,
    heuristic_min_similarity: float,
    sentence_links: bool,
    sentence_min_similarity: float,
    implied_links: bool,
) -> SkillLinker:
    """Make a ``SkillLinker`` (without a model: give it one with ``set_model``).

    Example: ``nlp.add_pipe("skill_linker", config={"top_k": 5})``
    """
    return SkillLinker(
        nlp,
        name,
        spans_key=spans_key,
        top_k=top_k,
        min_similarity=min_similarity,
        context_weight=context_weight,
        proposals=proposals,
        heuristic_min_similarity=heuristic_min_similarity,
        sentence_links=sentence_links,
        sentence_min_similarity=sentence_min_similarity,
        implied_links=implied_links,
    )
