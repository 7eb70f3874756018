"""Quotes and claims of one document tied to its mentions and times: the rows the room keeps."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from sitroom.coref.gender import POSSESSIVES
from sitroom.data.countries import country_in
from sitroom.data.names import people_word
from sitroom.extract.claims import ClaimFinding, units
from sitroom.extract.event_dates import When, to_when
from sitroom.extract.quotes import QuoteFinding
from sitroom.extract.timex import Timex
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

_SPEAKER_RANK = {"person": 0, "organization": 1, "state": 2}


def _same_name(words: str, mentions: list[Mention]) -> int | None:
    """A speaker the tagger did not mark ("Okafor stressed", "Harbourco said"): the person or organisation
    of that name in the text."""
    last = re.sub(r"[’']s?$", "", words.split()[-1].casefold()) if words.split() else ""
    same = [i for i, m in enumerate(mentions) if m.kind in ("person", "organization") and not m.pronoun
            and m.text.split()[-1].casefold() == last]
    if not same:  # "Harbourco said" after "Harbourco Shipping": the organisation's first word
        same = [i for i, m in enumerate(mentions) if m.kind == "organization" and not m.pronoun
                and len(words.split()) == 1 and m.text.split()[0].casefold() == last]
    return same[0] if same else None




def _speaker_mention(words: Span, mentions: list[Mention], text: str = "") -> int | None:
    """The mention that heads the speaker's words: the one ending last ("Ronald Reagan's former education
    secretary William Bennett": Bennett), a person before a body at the same end; never a possessive
    inside them ("his own supporters" are not he) nor a place the words only name ("the Florida
    senator" is no place)."""
    inside = [i for i, m in enumerate(mentions) if words.contains(m.span) or m.span.contains(words) or (
        m.span.overlaps(words) and words.start <= m.span.start and not m.pronoun)]  # ("the Council" of
    # "the Council on Harbour Affairs says": the parse cut the name at its preposition)
    inside = [i for i in inside if mentions[i].span == words or not (
        (mentions[i].pronoun and mentions[i].text.lower() in POSSESSIVES)
        or mentions[i].kind == "location")]
    if not inside:
        return None
    comma = text.find(",", words.start, words.end) if text else -1
    named = [i for i in inside if comma >= 0 and mentions[i].span.end <= comma
             and mentions[i].kind == "person" and not mentions[i].pronoun]
    if named:  # "Lund, a loyal Ostrom supporter, said": the one named, not the one described by
        return named[-1]
    best = max(inside, key=lambda i: (mentions[i].span.end, -_SPEAKER_RANK.get(mentions[i].kind, 9),
                                      -mentions[i].span.start))
    return None if text and aide(words, mentions[best], text) else best


def aide(words: Span, last: Mention, text: str) -> bool:
    """The speaker's ``words`` go on after a person's name (``last``, the mention in them ending last) to a
    person the name only qualifies: "a top Ostrom adviser", "Lund's spokeswoman" speak for themselves,
    not for Ostrom or Lund ("a Marlova official", "Harbourco spokesmen" speak for the state, the company:
    only a person's name is tested)."""
    if last.kind != "person":
        return False
    after = text[last.span.end : words.end]
    tail = re.findall(r"[^\W\d_][\w-]*", re.sub(r"^[’']s?\b", "", after.split(",")[0].strip()))
    if not tail:
        return False
    last = tail[-1].lower()
    return people_word(last, tail[-1]) or (last.endswith("s") and people_word(last[:-1], tail[-1][:-1]))


@dataclass(frozen=True)
class QuoteRecord:
    finding: QuoteFinding
    speaker: int | None
    """Index of the mention that names the speaker (a pronoun's mention leads to its person)."""
    when: When | None


@dataclass(frozen=True)
class ClaimRecord:
    finding: ClaimFinding
    quote: int | None
    """Index of the quote the claim is made in, whose speaker it is attributed to."""
    when: When | None
    control: bool
    country: str | None
    about: int | None = None
    """Index of the mention of what the claim is about: a name its subject gives ("share for Ostrom",
    "Marlova's districts") read in the claim's sentence."""


def quote_records(quotes: list[QuoteFinding], mentions: list[Mention], timexes: list[Timex],
                  text: str) -> list[QuoteRecord]:
    out = []
    for q in quotes:
        speaker = None
        if q.speaker is not None:
            speaker = _speaker_mention(q.speaker, mentions, text)
            if speaker is None:
                speaker = _same_name(text[q.speaker.start : q.speaker.end], mentions)
        said = q.parts(text)
        dated = [t for t in timexes if q.evidence.contains(t.span)
                 and not any(p.contains(t.span) for p in said) and t.type == "DATE" and to_when(t)]
        out.append(QuoteRecord(q, speaker, to_when(dated[0]) if dated else None))
    return out


@cache
def _control() -> re.Pattern:
    verbs = units()["control_verbs"]
    return re.compile(r"\b(?:" + "|".join(verbs) + r")(?:s|ed|led|ling|ing|ken|k|ok)?\b", re.I)


def claim_records(claims: list[ClaimFinding], quotes: list[QuoteFinding], sentences: list[Span],
                  timexes: list[Timex], text: str, mentions: list[Mention] = ()) -> list[ClaimRecord]:
    """Each claim with the quote it is made in, its date (the nearest date of its sentence after any
    dateline), whether its sentence speaks of holding ground, its country and the mention of what it is
    about. ``sentences`` (in text order) are the document's, the ones ``Mention.sentence`` indexes."""
    starts = [s.start for s in sentences]
    parts = [q.parts(text) for q in quotes]
    dates = sorted((t for t in timexes if t.type == "DATE" and to_when(t)), key=lambda t: t.span.start)
    date_starts = [t.span.start for t in dates]
    by_sentence: dict[int, list[tuple[int, Mention]]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append((i, m))
    at = {m.span: i for i, m in enumerate(mentions)}
    out = []
    for c in claims:
        quote = next((i for i, said in enumerate(parts) if any(p.contains(c.span) for p in said)), None)
        k = bisect_right(starts, c.span.start) - 1
        sentence = sentences[k] if k >= 0 and sentences[k].contains(c.span) else c.span
        lead = text.rfind("—", sentence.start, c.span.start) + 1  # not the dateline's date
        dated = [t for t in dates[bisect_left(date_starts, max(sentence.start, lead)):
                                  bisect_right(date_starts, sentence.end)] if sentence.contains(t.span)]
        nearest = min(dated, key=lambda t: abs(t.span.start - c.span.start)) if dated else None
        words = text[sentence.start : sentence.end]
        country = country_in(c.subject) or country_in(words[max(0, c.span.end - sentence.start):][:80])
        c, doer = _named_doer(c, mentions, at, text)
        about = _about(c, by_sentence.get(k, []) if sentence is not c.span else [])
        out.append(ClaimRecord(c, quote, to_when(nearest) if nearest else None,
                               bool(_control().search(words)), country, doer if about is None else about))
    return out


def _named_doer(claim: ClaimFinding, mentions: list[Mention], at: dict[Span, int],
                text: str) -> tuple[ClaimFinding, int | None]:
    """A subject with a pronoun ("she brought down", "amount paid by he", "its voters") takes the name
    coreference gives it ("Lena Halvorsen brought down", "amount paid by Lena Halvorsen", "Vexley's voters"),
    and that mention's index; without one the pronoun is dropped ("brought down", "amount paid", "voters")."""
    if claim.pronoun is None:
        return claim, None
    index = at.get(claim.pronoun)
    seen: set[int] = set()
    word = text[claim.pronoun.start : claim.pronoun.end].lower()
    while index is not None and mentions[index].pronoun and index not in seen:
        seen.add(index)
        index = mentions[index].antecedent
    pattern = re.compile(rf"(?i)(?:\b(?:by|for) )?\b{re.escape(word)}\b")
    if index is None or mentions[index].pronoun:  # a possessive goes alone ("by its backers": by backers)
        pattern = re.compile(rf"(?i)\b{re.escape(word)}\b\s*") if claim.possessive else pattern
        subject = re.sub(r"\(\s+", "(", re.sub(r"\s+", " ", pattern.sub("", claim.subject, count=1))).strip()
        return replace(claim, subject=subject, pronoun=None), None
    name = mentions[index].text + ("'s" if claim.possessive else "")
    subject = pattern.sub(lambda m: m.group(0)[: len(m.group(0)) - len(word)] + name, claim.subject, count=1)
    return replace(claim, subject=subject, pronoun=None), index


def _about(claim: ClaimFinding, named: list[tuple[int, Mention]]) -> int | None:
    """Of the mentions of the claim's sentence (``named``, with their indices), the one its subject is
    about: the name it opens with ("Marlova's districts", "Norland spent on defence"), whose share it is
    ("share for Ostrom") or that it is said of ("turnover (Iran)"); the longest such name, None when
    two names of one length tie."""
    found = [(i, m) for i, m in named if not m.pronoun and not m.dateline and m.text[:1].isupper()
             and _heads(claim.subject, m.text)]
    if not found:
        return None
    longest = max(len(m.text) for _, m in found)
    best = [(i, m.text) for i, m in found if len(m.text) == longest]
    return best[0][0] if len({text for _, text in best}) == 1 else None


def _heads(subject: str, name: str) -> bool:
    """``name`` is what ``subject`` is of: its first words, after "share for", in its closing brackets, or
    the doer after "by" ("amount raised by Ostrom")."""
    for lead in ("", "share for "):
        if subject.startswith(lead + name):
            end = len(lead) + len(name)
            if end == len(subject) or not subject[end].isalnum():
                return True
    return subject.endswith(f"({name})") or re.search(rf"\bby {re.escape(name)}(?!\w)", subject) is not None
