"""Name normalisation for matching: honorifics off, transliteration folded, spelling variants close.

"Mohammad"/"Mohamad", "Hassan"/"Hasan", "Yeltsin"/"Eltsin", "Khalid"/"Halid" must meet;
"Mohammad"/"Mahmoud" must not. Keys are for comparing only; aliases keep the text as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jellyfish
from unidecode import unidecode

from sitroom.data import load as load_data

# Spelling conventions of transliteration, applied in order to lower-case ASCII.
_FOLDS = (("x", "ks"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"),
          ("q", "k"),
          ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("ie", "i"), ("j", "i"))
_VOWELS = re.compile(r"(?<=.)[aeiou]")


@cache
def _titles() -> dict:
    return load_data("titles.yaml")


def honorifics() -> frozenset[str]:
    return frozenset(_titles()["honorifics"])


@cache
def role_words() -> tuple[str, ...]:
    return tuple(_titles()["roles"])


@cache
def generic_words() -> frozenset[str]:
    """Words that name kinds of institutions; alone, they are no actor's name."""
    return frozenset(_titles()["generic"]) | frozenset(role_words())


def name_tokens(text: str) -> list[str]:
    """The words of a person's name as written, without honorifics, possessive or punctuation."""
    return list(_name_tokens(text))


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[str, ...]:
    text = re.sub(r"[’']s\b", "", text)
    tokens = [t.strip(".,;:()\"“”") for t in re.split(r"\s+", text.strip())]
    tokens = [t for t in tokens if t and any(c.isalpha() for c in t)]
    while tokens and tokens[0].lower().rstrip(".") in honorifics():
        tokens = tokens[1:]
    return tuple(tokens)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """One spelling for the transliterations of a word: lower ASCII, digraphs, doubled letters."""
    word = re.sub(r"[^a-z]", "", unidecode(word).lower())
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The folded word without its vowels, an opening vowel kept as "a": "Osman", "Usman" -> "asmn"."""
    folded = fold(word)
    if folded[:1] in ("e", "i", "o", "u"):
        folded = "a" + folded[1:]
    return _VOWELS.sub("", folded)


def similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of the folded forms (1.0 for spelling variants)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return 1.0 if fa == fb else jellyfish.jaro_winkler_similarity(fa, fb)


@lru_cache(maxsize=262144)
def same_name_word(a: str, b: str) -> bool:
    """Two spellings of one name word: equal folded, equal skeletons, or very close."""
    if len(a) <= 2 or len(b) <= 2:  # initials
        return fold(a)[:1] == fold(b)[:1]
    score = similarity(a, b)
    return score >= 0.92 or (score >= 0.85 and skeleton(a) == skeleton(b))


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "la", "le",
                            "der", "den", "ter", "bint", "y", "dos", "das", "del", "ben", "ul", "ud", "e"})
"""Lower-case words inside people's names ("Osama bin Laden", "Ursula von der Leyen")."""

_ORG_NOISE = re.compile(r"^(?:the)\s+|[’']s\b|[^\w\s&-]", re.I)
_MINOR = {"of", "the", "and", "for", "&", "in", "on", "at", "to", "de", "des", "du", "la", "le"}


@lru_cache(maxsize=65536)
def org_key(text: str) -> str:
    """Lower-case words of an organisation's name, without "the", possessives or punctuation."""
    return " ".join(_ORG_NOISE.sub(" ", text).lower().split())


_LEGAL_FORMS = {"co", "corp", "corporation", "company", "incorporated", "limited", "ltd", "inc", "llc", "plc"}


@lru_cache(maxsize=65536)
def firm_key(text: str) -> str:
    """An organisation's name key without its legal form, for matching: "Apple Inc." and "Apple",
    "Boeing Co." and "the Boeing Company" meet. Legal forms of every country come from rigour
    (OpenSanctions' name library); English "Co."/"Company"/"Corp." are stripped here too. A name that
    is nothing but a legal form keeps its key."""
    from rigour.names import remove_org_types

    key = org_key(text)
    words = remove_org_types(key).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words) or key


_MOVEMENT_WORDS = frozenset({"movement", "group", "organization", "organisation", "militia", "network"})


def movement_names(key: str) -> set[str]:
    """ "islamist osterland front movement" -> {"islamist osterland front", "osterland front"}: the
    names a group is known by, without the word for what kind of group it is and then without each word
    for its creed or arms before it (data/titles.yaml armed_cues); none that is a generic word, a country
    or short."""
    from sitroom.data.countries import country_in

    words = key.split()
    if len(words) < 2 or words[-1] not in _MOVEMENT_WORDS:
        return set()
    words = words[:-1]
    found = set()
    while words:
        plain = " ".join(words)
        if len(plain) >= 4 and plain not in generic_words() and not country_in(plain.title()) \
                and not (len(words) == 1 and (words[0] in _CREEDS or words[0] in armed_cues()
                                              or words[0] in _CAUSES)):
            found.add(plain)
        if words[0] not in _CREEDS and words[0] not in armed_cues():
            break
        words = words[1:]
    return found


_CAUSES = frozenset({"labor", "labour", "opposition", "women", "peace", "green", "student", "students",
                     "youth", "workers", "rights", "protest", "resistance", "reform", "union", "unity"})
"""Common words that name what a movement is for, not which one it is ("the labor movement")."""

_CREEDS = frozenset({"islamist", "islamic", "radical", "extremist", "militant", "jihadist", "nationalist",
                     "separatist", "hardline", "rebel", "armed"})


def initials(text: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO" (minor words skipped)."""
    words = re.findall(r"[A-Za-z][\w-]*", text)
    return "".join(w[0].upper() for w in words if w.lower() not in _MINOR)


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isupper() and bare.isalpha()


@cache
def armed_cues() -> frozenset[str]:
    return frozenset(_titles()["armed_cues"])


@cache
def org_words() -> frozenset[str]:
    return frozenset(_titles()["org_words"])


@cache
def _role_pattern() -> re.Pattern:
    words = sorted(role_words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) + "s?" for w in words) + r")\b", re.I)


@lru_cache(maxsize=65536)
def has_role_word(text: str) -> bool:
    """Whether ``text`` holds a role word of data/titles.yaml ("minister", "spokesmen"): asked of most
    capitalised words of every passage, so the answers are remembered."""
    return bool(_role_pattern().search(text))


def before_role_word(title: str) -> str:
    """The words of a title before its role word: "Chilean" in "Chilean Foreign Minister"."""
    match = _role_pattern().search(title)
    return title[: match.start()] if match else title


@cache
def title_words(key: str) -> frozenset[str]:
    """A word list of data/titles.yaml (``portfolios``, ``place_nouns``, ``parties``, ...), lower case."""
    return frozenset(_titles()[key])


@cache
def languages() -> frozenset[str]:
    """Lower-case English names of languages: ISO 639-1 (pycountry) and data/titles.yaml's."""
    import pycountry

    names = {lang.name.lower() for lang in pycountry.languages
             if hasattr(lang, "alpha_2") and " " not in lang.name}
    return frozenset(names) | title_words("languages")


def group_nouns() -> frozenset[str]:
    return title_words("group_nouns")


def short_title(word: str) -> str | None:
    """The role word a shortened title stands for ("Sen." -> "senator"), else None: data/titles.yaml
    ``short_titles``; only written capitalised with its dot."""
    if not (word[:1].isupper() and word.endswith(".")):
        return None
    return _titles()["short_titles"].get(word[:-1].lower())


def people_word(lemma: str, text: str) -> bool:
    """A noun for a person by occupation, relation or situation ("farmer", "man") or a role word
    ("strategist", "chief executives"): data/titles.yaml ``person_nouns`` and ``roles``."""
    return lemma in title_words("person_nouns") or has_role_word(text) or (
        text.lower().endswith("men") and has_role_word(lemma))  # ("chairmen": a plural the list lacks)


@cache
def speech_cues() -> frozenset[str]:
    """Lemmas of verbs that report speech (data/speech.yaml ``cues``)."""
    return frozenset(w for w in load_data("speech.yaml")["cues"] if " " not in w)


@cache
def _aliases() -> dict[str, tuple[str, str]]:
    table = {}
    for entry in load_data("aliases.yaml"):
        canonical = entry["names"][0]
        for name in entry["names"]:
            table[name if is_acronym(name) else org_key(name)] = (canonical, entry["kind"])
    return table


@lru_cache(maxsize=65536)
def known_alias(text: str) -> tuple[str, str] | None:
    """``(display name, kind)`` of a well-known actor this name denotes (data/aliases.yaml):
    "ISIL" -> ("Islamic State", "armed_group"). Acronyms match case-sensitively."""
    return _aliases().get(text) or (None if is_acronym(text) else _aliases().get(org_key(text)))


def alias_patterns() -> list[dict]:
    """spaCy EntityRuler phrase patterns (label ORG) for every name of data/aliases.yaml, as written."""
    return [{"label": "ORG", "pattern": name}
            for entry in load_data("aliases.yaml") for name in entry["names"]]


def never_a_surname(word: str) -> bool:
    """A lone word that is an institution, a party or a platform, never a person's surname ("House",
    "Democrats", "Twitter")."""
    lower = word.lower()
    lists = ("not_surnames", "parties", "platforms")
    return lower in generic_words() or any(lower in title_words(k) for k in lists)
