"""Which sentences are not English, from their function words.

The semantic linker embeds English phrases near English labels; a German or Danish sentence
lands near whatever shares its subwords ("Projektmanagement" -> *dermato-venereology*). Postings
often mix languages paragraph by paragraph, so the test is per sentence: a sentence is foreign
when at least ``MIN_FOREIGN`` of its words are common function words of other European
languages and they outnumber its English stop words. Lists of skills ("Python, SQL, Docker")
have no function words at all and stay English; names ("Société Générale") too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

MIN_FOREIGN = 2

# Frequent function words of the languages postings here come in, without English words or
# acronyms that lowercase to them ("die", "van", "met", "per", "mit", "est", "os", "vi", "med").
_BY_LANGUAGE = {
    "de": "der das und ist für wir sie ein eine einen einer nicht auf bei zu des oder sich wird"
    " werden auch über unser unsere unseren ihre ihr sind haben du dich",
    "fr": "le les une avec dans vous nous sur qui que aux votre notre sont être ces leur leurs",
    "es": "el es su sus como para por una nuestro nuestra",
    "nl": "het een voor zijn wij jij niet ook bij naar onze jouw",
    "da, nb, sv": "og att och är för det ikke inte jeg på fra eller vil skal hos vores vår være"
    " vara",
    "it, pt": "il gli della delle che sono nel alla dei uma não são seu sua",
}
FOREIGN_FUNCTION_WORDS = frozenset(w for words in _BY_LANGUAGE.values() for w in words.split())


def is_foreign(lowers: Sequence[str], english: Collection[str]) -> bool:
    """Whether a sentence (its lowercase tokens) is in another language than English.

    ``english``: the English stop words (``nlp.Defaults.stop_words``).

    Example: ``is_foreign("wir suchen einen entwickler mit erfahrung in python".split(), EN)``
    -> ``True``
    """
    foreign = sum(1 for word in lowers if word in FOREIGN_FUNCTION_WORDS)
    if foreign < MIN_FOREIGN:
        return False
    return foreign > sum(1 for word in lowers if word in english)
