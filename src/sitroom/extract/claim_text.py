"""The text of a parsed passage as claims read it: its characters, the tokens over a span, tokens as words
(cut at punctuation, dates and numbers), the entity a token is part of, a noun phrase's core words, and the
words that never name what a number measures.

The functions take a spaCy ``Doc`` (a passage) or its tokens; what they compute is kept with the parse
(``Doc.user_data``), so that reading it again costs nothing.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from sitroom.extract.claim_units import unit_table
from sitroom.nlp.parsed import text_of

MAX_WORDS = 12
"""At most this many words of a modifier or predicate: a subject names, it does not retell the sentence."""
_STOPS = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "-", "--", "\"", "“", "”", "''", "``",
                    "?", "!"})
_TRAILING = frozenset({"and", "or", "but", "to", "of", "the", "a", "an", "that", "in", "on", "at", "for",
                       "with", "by", "from", "as", "after", "before", "during", "since", "until", "into",
                       "over", "under", "through", "across", "'s", "’s"})
WHEN = frozenset({"DATE", "TIME"})
"""Entity labels of dates and times: the claim's date says when, its subject does not."""


def inner_hyphen(t) -> bool:
    """A hyphen inside a word ("small-dollar"), not a dash between phrases."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def words(tokens, skip: range = range(0), limit: bool = True) -> str:
    """Tokens as text, in order, without the number's own (``skip``): stopped at the first punctuation
    mark (written between two kept tokens too), and with ``limit`` at a date, another number or
    ``MAX_WORDS`` words; what the stop leaves unfinished is dropped (a modifier whose noun was cut off,
    a relative clause without its verb, a trailing preposition)."""
    out: list = []
    cut = False
    for t in sorted(tokens, key=lambda t: t.i):
        if t.is_space or t.i in skip:
            continue
        between = t.doc[out[-1].i + 1 : t.i] if out else ()
        if t.text in _QUOTE_MARKS and not limit:
            continue
        if any(_stops(x, limit) for x in [*between, t]) or (limit and (t.like_num or t.ent_type_ in WHEN)) \
                or (limit and len(out) >= MAX_WORDS):
            cut = True
            break
        out.append(t)
    if cut:
        kept = {t.i for t in out}
        relative = next((k for k, t in enumerate(out) if t.tag_ in ("WDT", "WP") and t.head.i not in kept),
                        None)
        if relative is not None:  # "cases in which the council" (its verb cut off)
            out = out[: relative - 1 if relative and out[relative - 1].pos_ == "ADP" else relative]
        while out and out[-1].head.i > out[-1].i and out[-1].head.i not in kept:
            out.pop()  # "before Midsummer" (its noun cut off)
    while out and out[-1].lower_ in _TRAILING:
        out.pop()
    return "".join(t.text + (" " if k + 1 < len(out) and any(x.whitespace_ for x in t.doc[t.i : out[k + 1].i])
                             else "") for k, t in enumerate(out))


_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


def _stops(t, quotes: bool = True) -> bool:
    """A punctuation mark that ends a phrase (a hyphen inside a word does not: "small-dollar"; nor,
    unless ``quotes``, a quotation mark inside a name: '"Green" voters')."""
    return t.text in _STOPS and not inner_hyphen(t) and (quotes or t.text not in _QUOTE_MARKS)


def entity_at(tok):
    """The named entity ``tok`` is part of, or None; from a map kept with the parse (spaCy rebuilds
    ``Doc.ents`` from every token on each read)."""
    found = tok.doc.user_data.get("sitroom_entities")
    if found is None:
        found = {i: e for e in tok.doc.ents for i in range(e.start, e.end)}
        tok.doc.user_data["sitroom_entities"] = found
    return found.get(tok.i)


def warm_up() -> None:
    """Load lemminflect's tables (some 0.2 s each on first use) before any document is timed."""
    getInflection("walk", tag="VBG")
    getAllLemmas("walks")


def misread_compound(subject, verb) -> bool:
    """A plural noun parsed as a verb after a bare singular noun: "mountain ranges up to 5,000 m" is
    one noun phrase, not a mountain that ranges (the word can be a noun, says lemminflect's lexicon)."""
    return subject.tag_ == "NN" and verb.tag_ == "VBZ" and verb.i == subject.i + 1 \
        and not any(c.dep_ in ("det", "poss") for c in subject.children) \
        and "NOUN" in getAllLemmas(verb.lower_)


def tokens_in(sdoc, start: int, end: int):
    """The tokens overlapping the characters ``start:end`` (a slice of the doc, no scan)."""
    span = sdoc.char_span(max(0, start), min(end, len(text_of(sdoc))), alignment_mode="expand")
    return span if span is not None else ()


NOT_SUBJECTS = frozenset({"", "which", "that", "this", "these", "those", "it", "its", "only", "between",
                           "from", "further", "more", "other", "another", "some", "all", "each", "one",
                           "ones", "m.", "he", "she", "they", "we", "you", "i", "who", "him", "her", "them",
                           "us", "me", "percent"})
"""Words that never name what a number measures."""


def core_phrase(tok, skip=None) -> str:
    """The words of a noun phrase without its clauses, appositions, prepositional phrases, determiners,
    numbers and units, nor a joined phrase with a number of its own ("300 workers and 20 engineers":
    workers) or a rate ("barrels a day")."""
    cut = ("relcl", "acl", "appos", "prep", "npadvmod")
    own = range(skip.start, skip.end) if skip is not None else range(0)
    counted = {t.i for c in tok.children if c.dep_ == "conj"
               and (any(x.like_num and x.i not in own for x in c.subtree) or c.pos_ != tok.pos_)
               for t in c.subtree}  # ("19 delegates and Lund won 15": a name is not joined to a noun)
    keep = [t for t in tok.subtree if t.dep_ not in (*cut, "punct", "det") and t.i not in counted
            and not any(a.dep_ in cut and a.i != tok.i for a in t.ancestors
                        if tok.i in [x.i for x in a.ancestors] or a.i == tok.i)]
    keep = [t for t in keep if skip is None or not (skip.start <= t.i < skip.end)]
    keep = [t for t in keep if not (t.like_num or t.lower_ in unit_table())
            and re.fullmatch(r"[^\W\d_][\w’'-]*", t.text)]
    words = [t.text for t in sorted(keep, key=lambda t: t.i)]
    while words and words[-1].lower() in ("and", "or", "but", "nor"):
        words.pop()  # "workers and", when what was joined is another clause
    return " ".join(words).strip(" -") or tok.text
