"""Grammatical gender of a person's name, for pronoun agreement: "he" never stands for "Ms Dekker".

Evidence, strongest first: an honorific ("Mr", "Mrs", "Sir", "Dame"), then the first name in the
first-name lists of `gender-guesser` (Jörg Michael's name dictionary, 40,000 names from many
countries) when that optional package is installed (``pip install sitroom[gender]``; it is GPLv3,
so sitroom does not require it). Unknown is ``None``: it never blocks a link.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

MALE, FEMALE = "m", "f"
_HONORIFICS = {"mr": MALE, "sir": MALE, "lord": MALE, "monsieur": MALE, "herr": MALE, "senor": MALE,
               "señor": MALE, "sr": MALE, "father": MALE, "brother": MALE, "king": MALE, "prince": MALE,
               "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "dame": FEMALE, "lady": FEMALE, "madame": FEMALE,
               "mme": FEMALE, "frau": FEMALE, "sra": FEMALE, "sister": FEMALE, "queen": FEMALE,
               "princess": FEMALE}
NOUN_GENDER = {"woman": FEMALE, "girl": FEMALE, "mother": FEMALE, "wife": FEMALE, "daughter": FEMALE,
               "sister": FEMALE, "widow": FEMALE, "grandmother": FEMALE, "girlfriend": FEMALE,
               "man": MALE, "boy": MALE, "father": MALE, "husband": MALE, "son": MALE, "brother": MALE,
               "widower": MALE, "grandfather": MALE, "boyfriend": MALE}
"""Nouns for people that tell their gender ("his wife" is no "he")."""
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
"""Possessive determiners: "his lawyer" is the lawyer, not he."""
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}


@cache
def _detector():
    try:
        import gender_guesser.detector as guesser
    except ImportError:
        return None
    return guesser.Detector(case_sensitive=False)


def first_names_known() -> bool:
    """The optional first-name lists are installed."""
    return _detector() is not None


def first_name_gender(word: str) -> str | None:
    """``m``, ``f`` or ``None`` for a first name ("Lena" -> f), from the optional name lists."""
    detector = _detector()
    if detector is None or not word.isalpha():
        return None
    found = detector.get_gender(word)
    return {"male": MALE, "female": FEMALE}.get(found)  # "mostly_female" Bernie, "andy" Pat: unknown


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """The word is in the first-name lists (any gender); always False without them."""
    detector = _detector()
    return detector is not None and word.isalpha() and detector.get_gender(word) != "unknown"


def honorific_gender(text: str) -> str | None:
    """The gender an honorific opening the name gives ("Mrs. Clinton" -> f), else ``None``."""
    first = text.strip().split(" ", 1)[0].strip(".,").lower()
    return _HONORIFICS.get(first)


def compatible(a: str | None, b: str | None) -> bool:
    """Two genders that may be one person's (unknown agrees with anything)."""
    return a is None or b is None or a == b


@lru_cache(maxsize=65536)
def name_gender(text: str) -> str | None:
    """Gender of a written name ("Mr Ali", "Ana Dekker"); ``None`` when nothing tells (a lone
    word is taken for a surname: "Clinton" is no first name here)."""
    words = [w.strip(".,") for w in re.split(r"\s+", text.strip()) if w.strip(".,")]
    if not words:
        return None
    if honorific_gender(text):
        return honorific_gender(text)
    return first_name_gender(words[0]) if len(words) >= 2 else None  # "Clinton" alone: a surname
