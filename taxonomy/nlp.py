"""The spaCy pipeline: a tokenizer that keeps tech names whole, and the ``skill_matcher``.

``skill_matcher`` is a phrase matcher (``attr="LOWER"``) over the taxonomy's patterns; it puts
the longest non-overlapping matches into ``doc.spans["skills"]`` with label ``SKILL`` and the
skill id as ``span.kb_id_`` and ``span.id_``.
"""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans, registry

from taxonomy.ambiguity import ContextRules, bundled_rules
from taxonomy.candidates import doc_candidate_ranges
from taxonomy.embeddings import LINKER_MODEL_DIR, label_vectors, load_static_model
from taxonomy.errors import TaxonomyError
from taxonomy.fuzzy import FuzzyIndex
from taxonomy.labels import normalize_label
from taxonomy.lemmas import LemmaIndex, lemma_table
from taxonomy.patterns import LabelGuard, SkillPattern, build_patterns, tech_tokens
from taxonomy.proposer import FACTORY as PROPOSER
from taxonomy.semantic import FACTORY as LINKER
from taxonomy.semantic import SkillLinker
from taxonomy.source import Taxonomy, load_taxonomy
from taxonomy.token_vectors import TokenVectors

logger = logging.getLogger(__name__)

FACTORY = "skill_matcher"
SPANS_KEY = "skills"
SPAN_LABEL = "SKILL"
_MATCHER_FILE = "matcher.pkl"
_WORDS = re.compile(r"[a-z]+")
MAX_FUZZY_TOKENS = 6
# "/" also splits after "+"/"#" and before ".NET" ("C++/Java", "Java/.NET"); spaCy splits it
# between letters already.
_EXTRA_INFIXES = (r"(?<=[+#])/(?=[\w.])", r"(?<=\w)/(?=\.\w)")

Candidates = tuple[SkillPattern, ...]


class SkillMatcher:
    """Pipeline component: taxonomy phrase matches -> ``doc.spans[spans_key]``.

    Example: ``nlp("Python and SQL").spans["skills"]`` -> ``[Python, SQL]``
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        spans_key: str = SPANS_KEY,
        label: str = SPAN_LABEL,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.label = label
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._candidates: dict[str, Candidates] = {}
        self._matched: set[str] = set()
        self.rules = ContextRules()
        self.lemmas: LemmaIndex | None = None
        self.fuzzy: FuzzyIndex | None = None

    @property
    def lemma_label(self) -> str:
        """The label of spans found by their words' lemmas rather than verbatim."""
        return f"{self.label}_LEMMA"

    def enable_lemmas(self, patterns: Sequence[SkillPattern]) -> None:
        """Also match patterns by lemmas (call before ``add_patterns``; see ``taxonomy.lemmas``).

        Example: ``component.enable_lemmas(patterns); component.add_patterns(patterns)``
        """
        words = {word for pattern in patterns for word in _WORDS.findall(pattern.text.lower())}
        self.lemmas = LemmaIndex(self.nlp.vocab, lemma_table(words))

    @property
    def fuzzy_label(self) -> str:
        """The label of spans found by a fuzzy match of a candidate phrase."""
        return f"{self.label}_FUZZY"

    def enable_fuzzy(self) -> None:
        """Also match candidate phrases to multi-word labels fuzzily (after ``add_patterns``).

        Example: ``component.add_patterns(patterns); component.enable_fuzzy()``
        """
        self.fuzzy = FuzzyIndex(self._candidates)

    def __len__(self) -> int:
        return len(self._candidates)

    def add_patterns(self, patterns: Iterable[SkillPattern]) -> None:
        """Add patterns; for a label text shared by several, the first one given ranks first.

        Example: ``component.add_patterns(build_patterns(taxonomy))``
        """
        patterns = list(patterns)
        grouped: dict[str, list[SkillPattern]] = {}
        new_docs = []
        texts = (pattern.text for pattern in patterns)
        for pattern, doc in zip(patterns, self.nlp.tokenizer.pipe(texts), strict=True):
            lower = " ".join(token.lower_ for token in doc)
            if lower not in self._matched:
                self._matched.add(lower)
                new_docs.append(doc)
            grouped.setdefault(_key(doc), []).append(pattern)
        for key, group in grouped.items():
            self._candidates[key] = (*self._candidates.get(key, ()), *group)
        if new_docs:
            self.matcher.add(self.label, new_docs)
        if self.lemmas is not None:
            docs = self.nlp.tokenizer.pipe(pattern.text for pattern in patterns)
            eligible = [
                (doc, (pattern,))
                for pattern, doc in zip(patterns, docs, strict=True)
                if len(doc) > 1  # one inflected word often means another thing: craft, crafting
            ]
            self.lemmas.add([doc for doc, _ in eligible], [found for _, found in eligible])

    def candidates(self, span: Span | Doc) -> Candidates:
        """Return the patterns matching ``span``'s text, best first (empty if none).

        Example: ``component.candidates(doc[0:1])[0].skill_id`` -> ``"http://data.europa.eu/..."``
        """
        if isinstance(span, Span) and span.label_ == self.lemma_label and self.lemmas is not None:
            return self.lemmas.candidates([token.lower_ for token in span])
        if isinstance(span, Span) and span.label_ == self.fuzzy_label and self.fuzzy is not None:
            found = self.fuzzy.match(_key(span))
            return self._candidates.get(found[0], ()) if found else ()
        return self._candidates.get(_key(span), ())

    def initialize(
        self,
        get_examples: object = None,
        *,
        nlp: Language | None = None,
        patterns: Sequence[SkillPattern] | None = None,
    ) -> None:
        """Add ``patterns`` when the pipeline is initialized from a config (spaCy protocol).

        Example: ``nlp.initialize()`` with ``patterns = {"@misc": "skills.taxonomy_patterns.v1"}``
        """
        if patterns:
            self.add_patterns(patterns)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the compiled matcher and its candidates to the folder ``path`` (spaCy protocol).

        Example: ``nlp.to_disk("compiled")`` calls this for ``compiled/skill_matcher``
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / _MATCHER_FILE).open("wb") as f:
            pickle.dump(self.state(), f)

    def state(self) -> tuple[object, ...]:
        """What ``to_disk`` pickles (``from_disk`` reads it back)."""
        return (self.matcher, self._candidates, self._matched, self.rules, self.lemmas, self.fuzzy)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load what ``to_disk`` saved (a pickle: only load folders this program wrote).

        Example: ``spacy.load("compiled")`` calls this for ``compiled/skill_matcher``
        """
        file = Path(path) / _MATCHER_FILE
        try:
            with file.open("rb") as f:
                matcher, candidates, matched, rules, lemmas, fuzzy = pickle.load(f)  # noqa: S301
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError) as exc:
            raise TaxonomyError(f"{path}: no readable {_MATCHER_FILE}: {exc}") from exc
        self.matcher, self._candidates, self._matched = matcher, candidates, matched
        self.rules, self.lemmas, self.fuzzy = rules, lemmas, fuzzy
        self.nlp.vocab.strings.add(self.label)
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Find the skills in ``doc``; the longest of overlapping matches wins.

        Example: ``component(nlp.make_doc("big data")).spans["skills"]`` -> ``[big data]``
        """
        spans = []
        orths = _token_orths(doc)
        for _, start, end in self.matcher(doc):
            key = _range_key(doc, orths, start, end)
            found = self._candidates.get(key)
            if not found or not self.rules.allows(doc, start, end, key):
                continue  # no candidates: only if lower-casing and casefolding disagree
            top = found[0]
            spans.append(
                Span(doc, start, end, label=self.label, kb_id=top.skill_id, span_id=top.skill_id)
            )
        if self.lemmas is not None:
            spans += self._lemma_spans(doc, {(span.start, span.end) for span in spans})
        if self.fuzzy is not None:
            taken = {i for span in spans for i in range(span.start, span.end)}
            spans += self._fuzzy_spans(doc, taken, orths)
        doc.spans[self.spans_key] = filter_spans(spans)  # the longest wins, exact before lemma
        return doc

    def _fuzzy_spans(self, doc: Doc, taken: set[int], orths: list[int]) -> list[Span]:
        """Spans of candidate phrases (2-6 tokens, none taken) close to a multi-word label.

        ``orths``: the tokens' text hashes (``_token_orths``).
        """
        fuzzy: FuzzyIndex = self.fuzzy  # type: ignore[assignment]
        spans = []
        for start, end in doc_candidate_ranges(doc):
            if not 2 <= end - start <= MAX_FUZZY_TOKENS or taken.intersection(range(start, end)):
                continue
            found = fuzzy.match(_range_key(doc, orths, start, end))
            if found is None or not self.rules.allows(doc, start, end, found[0]):
                continue
            top = self._candidates[found[0]][0]
            label = self.fuzzy_label
            spans.append(
                Span(doc, start, end, label=label, kb_id=top.skill_id, span_id=top.skill_id)
            )
            taken.update(range(start, end))
        return spans

    def _lemma_spans(self, doc: Doc, exact: set[tuple[int, int]]) -> list[Span]:
        lemmas: LemmaIndex = self.lemmas  # type: ignore[assignment]
        spans = []
        for start, end in lemmas(doc):
            if (start, end) in exact:
                continue
            lowers = [token.lower_ for token in doc[start:end]]
            found = lemmas.candidates(lowers)
            if not found or not self.rules.allows(doc, start, end, lemmas.key(lowers)):
                continue
            top = found[0]
            label = self.lemma_label
            spans.append(
                Span(doc, start, end, label=label, kb_id=top.skill_id, span_id=top.skill_id)
            )
        return spans


def _key(tokens: Span | Doc) -> str:
    """The candidates key of matched tokens: the shared ``normalize_label`` of their text."""
    return normalize_label(" ".join(token.text for token in tokens))


def _token_orths(doc: Doc) -> list[int]:
    """The text hash of each token of ``doc``, from one array (``Token.text`` makes a ``Token``).

    Only the ranges looked up get their texts: a ``StringStore`` look-up costs more than a
    ``to_array`` of the whole doc.
    """
    return doc.to_array(ORTH).tolist() if len(doc) else []


def _range_key(doc: Doc, orths: list[int], start: int, end: int) -> str:
    """``_key(doc[start:end])`` from the doc's ``_token_orths``.

    Example: ``_range_key(doc, _token_orths(doc), 0, 2)`` -> ``"big data"`` for "Big Data!"
    """
    strings = doc.vocab.strings
    return normalize_label(" ".join([strings[h] for h in orths[start:end]]))


@Language.factory(FACTORY, default_config={"spans_key": SPANS_KEY, "label": SPAN_LABEL})
def make_skill_matcher(nlp: Language, name: str, spans_key: str, label: str) -> SkillMatcher:
    """Make a ``SkillMatcher``: the spaCy factory behind ``nlp.add_pipe("skill_matcher")``.

    Example: ``nlp.add_pipe("skill_matcher", config={"spans_key": "skills"})``
    """
    return SkillMatcher(nlp, name, spans_key=spans_key, label=label)


@registry.misc("skills.taxonomy_patterns.v1")
def taxonomy_patterns(path: str | None = None) -> list[SkillPattern]:
    """Patterns of the taxonomy at ``path`` (default: bundled), for ``[initialize]`` configs.

    Example: ``registry.misc.get("skills.taxonomy_patterns.v1")()[0].kind`` -> ``"preferred"``
    """
    return build_patterns(load_taxonomy(Path(path) if path else None))


def build_nlp(
    taxonomy: Taxonomy,
    *,
    base: str = "blank:en",
    guard: LabelGuard | None = None,
    semantic: bool = True,
    model_path: Path | None = None,
    span_model: Path | None = None,
    propose_spans: bool = True,
    rules: ContextRules | None = None,
) -> Language:
    """Return a pipeline that puts the taxonomy's skills into ``doc.spans["skills"]``.

    ``base`` is ``"blank:<lang>"`` or an installed pipeline's name; ``guard`` decides which
    labels may match (default: ``LabelGuard`` with the bundled guard list). With ``semantic``
    a ``skill_linker`` (``taxonomy.semantic``) follows, linking candidate phrases with the
    model2vec model at ``model_path`` (default: the bundled ESCO-tuned one) into
    ``doc.spans["skill_candidates"]``; with ``propose_spans`` too, a ``skill_proposer``
    (``taxonomy.proposer``, weights in the folder ``span_model``, default: the bundled
    SkillSpan-trained ones) proposes skill phrases (``doc.ents``) ahead of the heuristic
    candidates. ``rules`` say which exact matches need context (default:
    ``taxonomy.ambiguity.bundled_rules()``).

    Example: ``build_nlp(toy)("Python, SQL").spans["skills"]`` -> ``[Python, SQL]``
    """
    nlp = spacy.blank(base.split(":", 1)[1]) if base.startswith("blank:") else spacy.load(base)
    patterns = build_patterns(taxonomy, guard)
    specials = tech_tokens(patterns)
    infixes = [*(nlp.Defaults.infixes or ()), *_EXTRA_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for text in specials:
        nlp.tokenizer.add_special_case(text, [{"ORTH": text}])
    component: SkillMatcher = nlp.add_pipe(FACTORY)
    component.rules = rules if rules is not None else bundled_rules()
    if semantic:
        if propose_spans:
            _add_span_proposer(nlp, span_model)
        model = load_static_model(model_path, bundled=LINKER_MODEL_DIR)
        linker: SkillLinker = nlp.add_pipe(LINKER)
        linker.set_model(model, label_vectors(taxonomy, model))
        share_token_vectors(nlp)
    component.enable_lemmas(patterns)
    component.add_patterns(patterns)
    component.enable_fuzzy()
    logger.info(
        "built skill matcher: %d patterns, %d tokenizer exceptions", len(patterns), len(specials)
    )
    return nlp


def share_token_vectors(nlp: Language) -> None:
    """Let the linker's word vectors reuse the subword ids of the proposer's.

    The proposer gets the bundled static model's vectors and tokenizes each new word; the
    linker's vectors take its subword ids instead of tokenizing it again. For ``build_nlp``'s
    pipelines and those ``spacy.load`` makes of them (each component loads alone, sharing
    nothing). Without a proposer, or without a linker that has a model, nothing changes.

    Example: ``share_token_vectors(spacy.load(folder))``
    """
    if PROPOSER not in nlp.pipe_names or LINKER not in nlp.pipe_names:
        return
    linker: SkillLinker = nlp.get_pipe(LINKER)
    if linker.model is None:
        return
    vectors = TokenVectors(load_static_model())  # the proposer's weights need the untuned model
    nlp.get_pipe(PROPOSER).set_vectors(vectors)
    linker.tokens = TokenVectors(linker.model, subwords=vectors)


def _add_span_proposer(nlp: Language, path: Path | None) -> None:
    """Add the ``skill_proposer`` (weights in ``path``, default: bundled) before the matcher."""
    config = {"model": str(path)} if path is not None else {}
    nlp.add_pipe(PROPOSER, before=FACTORY, config=config)
