"""Skills taxonomy (ESCO) and skill extraction with spaCy.

This package uses the ESCO classification of the European Commission.
"""

from taxonomy.compiled import load_nlp, pipeline_digest
from taxonomy.errors import TaxonomyError
from taxonomy.extract import extract_mentions
from taxonomy.model import Skill, SkillLabel, SkillMention
from taxonomy.nlp import build_nlp
from taxonomy.source import Taxonomy, load_taxonomy

__all__ = [
    "Skill",
    "SkillLabel",
    "SkillMention",
    "Taxonomy",
    "TaxonomyError",
    "build_nlp",
    "extract_mentions",
    "load_nlp",
    "load_taxonomy",
    "pipeline_digest",
]
