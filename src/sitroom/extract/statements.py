"""Quotes and claims of one document tied to its mentions and times: the rows the room keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.data.countries import country_in
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


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def _speaker_mention(words: Span, mentions: list[Mention], text: str = "") -> int | None:
    """The mention that heads the speaker's words: the one ending last ("Ronald Reagan's former education
    secretary William Bennett": Bennett), a person before a body at the same end; never a possessive
    inside them ("his own supporters" are not he) nor a place the words only name ("the Florida
    senator" is no place)."""
    inside = [i for i, m in enumerate(mentions) if words.contains(m.span) or m.span.contains(words)]
    inside = [i for i in inside if mentions[i].span == words or not (
        (mentions[i].pronoun and mentions[i].text.lower() in _POSSESSIVES)
        or mentions[i].kind == "location")]
    if not inside:
        return None
    comma = text.find(",", words.start, words.end) if text else -1
    named = [i for i in inside if comma >= 0 and mentions[i].span.end <= comma
             and mentions[i].kind == "person" and not mentions[i].pronoun]
    if named:  # "Lund, a loyal Ostrom supporter, said": the one named, not the one described by
        return named[-1]
    return max(inside, key=lambda i: (mentions[i].span.end, -_SPEAKER_RANK.get(mentions[i].kind, 9),
                                      -mentions[i].span.start))


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
    out = []
    for c in claims:
        quote = next((i for i, q in enumerate(quotes) if any(p.contains(c.span) for p in q.parts(text))),
                     None)
        sentence = next((s for s in sentences if s.contains(c.span)), c.span)
        lead = text.rfind("—", sentence.start, c.span.start) + 1  # not the dateline's date
        dated = [t for t in timexes if sentence.contains(t.span) and t.span.start >= lead
                 and t.type == "DATE" and to_when(t)]
        nearest = min(dated, key=lambda t: abs(t.span.start - c.span.start)) if dated else None
        words = text[sentence.start : sentence.end]
        country = country_in(c.subject) or country_in(words[max(0, c.span.end - sentence.start):][:80])
        out.append(ClaimRecord(c, quote, to_when(nearest) if nearest else None,
                               bool(_control().search(words)), country, _about(c, sentence, mentions)))
    return out


def _about(claim: ClaimFinding, sentence: Span, mentions: list[Mention]) -> int | None:
    """The named mention of the claim's sentence its subject names, the longest name first."""
    named = [(i, m) for i, m in enumerate(mentions) if sentence.contains(m.span) and not m.pronoun
             and not m.dateline and m.text[:1].isupper()
             and re.search(rf"(?<!\w){re.escape(m.text)}(?!\w)", claim.subject)]
    return max(named, key=lambda im: (len(im[1].text), -im[1].span.start))[0] if named else None

