"""Who speaks: the cue verb that reports speech and the words naming its speaker (data/speech.yaml)."""

from __future__ import annotations

from functools import cache

from sitroom.data import load as load_data
from sitroom.data.names import people_word
from sitroom.model.evidence import Span

AUTHOR_VOICE = {"i", "we", "me", "us"}
DOCUMENTS = frozenset({"poll", "survey", "report", "study", "analysis", "map", "data", "document", "letter",
                       "memo", "statement", "ad", "advertisement", "video", "record", "filing", "transcript",
                       "research", "review", "audit", "investigation", "census", "estimate", "figure", "book",
                       "article", "editorial", "column", "post", "tweet", "release", "footage", "clip",
                       "website", "site", "email", "complaint", "lawsuit", "indictment", "ruling", "average",
                       "slide", "chart", "graph", "photo", "photograph", "image", "recording", "polling",
                       "communique", "communiqué", "declaration", "resolution", "decree", "announcement",
                       "notice", "bulletin", "cable", "memorandum", "minutes", "testimony", "verdict",
                       "judgment", "directive", "manifesto"})
"""What speaks without being anyone: "a new poll shows that ...", "the letter reads: ..."."""


@cache
def speech_lexicon() -> dict:
    """data/speech.yaml: cue lemmas, evaluative cues, quotation marks."""
    return load_data("speech.yaml")


@cache
def sayings() -> frozenset[str]:
    """Nouns for what someone said (data/speech.yaml ``sayings``): "X's claim that ..." is X's words;
    "quoting X's statement" names them without saying them."""
    return frozenset(speech_lexicon()["sayings"])


def cue_at(tok, offset: int, text: str, marks: Span | None = None) -> tuple[Span, Span | None] | None:
    """``(cue, speaker)`` if ``tok`` reports speech by someone who can speak."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or not (lemma in speech_lexicon()["cues"] or (
            marks is not None and lemma in speech_lexicon()["quoting_cues"])):
        return None
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return None  # "the leader, called the Keeper of the Gate": a name, not speech
    if "so" in (t.lower_ for t in tok.doc[max(tok.i - 2, 0) : tok.i]):
        return None  # "so-called"
    if tok.lemma_.lower() in speech_lexicon()["evaluative"] and marks is not None and not any(
            c.dep_ == "dobj" and not marks.start <= offset + c.idx < marks.end for c in tok.children):
        return None  # "the leader, called the 'Keeper of the Gate'": naming, not an evaluation
    speaker = speaker_of(tok, offset, marks)
    if speaker is not None:
        words = text[speaker.start : speaker.end]
        subject = subject_of(tok, offset, marks)
        if words.lower() in AUTHOR_VOICE or (subject is not None and not can_speak(subject)):
            return None
    return Span(offset + tok.idx, offset + tok.idx + len(tok.text)), speaker


def can_speak(tok) -> bool:
    from sitroom.extract.event_lexicon import lexicon as event_lexicon

    return bool(tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) or tok.pos_ in ("PRON", "PROPN") or \
        tok.lemma_.lower() in event_lexicon().actor_nouns or tok.lower_ in event_lexicon().actor_nouns or \
        tok.lemma_.lower() in DOCUMENTS or people_word(tok.lemma_.lower(), tok.text)  # ("the woman said")


def subject_of(cue, offset: int, marks: Span | None):
    """The speech verb's subject, never a word inside the quotation marks (the parser may make one its
    subject: "“... panic mode,” said X")."""
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")
                 and not (marks is not None and marks.start <= offset + c.idx < marks.end)), None)


def speaker_of(cue, offset: int, marks: Span | None = None) -> Span | None:
    """The one the speech verb ``cue`` names as speaking; never words of the quote itself ("“... panic
    mode,” said X": X, not "mode")."""
    subject = subject_of(cue, offset, marks)
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = None  # "was declared X by the court": the court, if anyone
    if subject is None and cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        subject = cue.head  # "a letter the campaign sent alleging that ...": the letter
    if subject is None:  # "Commenting on X, Y said", "avoids condemning X", "stopped short of calling X"
        subject = _governor_subject(cue)
    if subject is None:
        subject = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                       None)
    inverted = (marks is not None and offset + cue.idx >= marks.end) or any(
        c.dep_ == "ccomp" and c.i < cue.i for c in cue.children)  # (the cue after what it reports)
    if subject is None and inverted:
        subject = next((c for c in cue.children if c.dep_ in ("dobj", "attr") and c.i > cue.i
                        and can_speak(c)), None)
        # ("...,” reads the statement of the council", "The envoys were clerks, stressed X": the parser's
        # object is the one that says it)
    if subject is not None and subject.lower_ in ("that", "which", "who") and subject.head.dep_ == "relcl" \
            and subject.head.head.pos_ in ("NOUN", "PROPN"):
        subject = subject.head.head  # "the ministry, which stressed that", "the party, which is ... and asks"
    if subject is None or subject.lower_ in ("that", "which", "who", "there") or (
            subject.lower_ == "it" and cue.lemma_.lower() not in _IT_SAYS):
        return None  # ("it seems", "it is said"; but "..., it added": the paper, the agency)
    role = people_word(subject.lemma_.lower(), subject.text)  # ("The director of X, Dr. Y Z, noted")
    named = next((t for t in subject.subtree if t.dep_ == "appos" and (
        any(x.ent_type_ == "PERSON" for x in t.subtree)
        or (role and all((x.pos_ == "PROPN" and not x.ent_type_) or x.is_punct for x in t.subtree)))), None)
    if named is not None and subject.ent_type_ != "PERSON":
        # "Norway's envoy, Lars Holm, said": the person named (not "X, a spokesman for Y": X)
        names = [t for t in named.subtree if t.ent_type_ == "PERSON"] or [named]
        return Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text))
    tokens = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl", "punct")
              and not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a.i > subject.i)]
    keep = {subject.i} | {t.i for c in subject.children if c.dep_ in ("cc", "conj") for t in c.subtree}
    if subject.lemma_.lower() in DOCUMENTS:  # "the statement of the council": whose words they are
        keep |= {t.i for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                 for t in c.subtree}
    for t in tokens:  # ("X and Y said"; a name's parts after its head)
        if t.i > subject.i and t.dep_ in ("compound", "flat") and t.head.i in keep:
            keep.add(t.i)
    tokens = [t for t in tokens if t.i <= subject.i or t.i in keep] or [subject]
    first, last = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return Span(offset + first, offset + last)


_IT_SAYS = frozenset({"say", "add", "write", "state", "report", "note", "argue", "claim", "warn", "read",
                      "conclude", "find", "estimate", "announce", "tweet", "confirm", "stress", "insist",
                      "deny", "declare", "reiterate", "emphasize", "emphasise", "accuse", "promise",
                      "pledge"})
"""Cues whose subject "it" is an organisation or a document speaking ("the Times wrote ... it added")."""


def _governor_subject(cue):
    """The subject of the verb a subjectless cue depends on, through infinitives, gerunds, conjunctions
    and prepositions ("decided to take aim at", "stopped short of calling"); never through a that-clause,
    whose governor is someone else speaking."""
    tok = cue
    for _ in range(4):
        if tok.dep_ == "advcl" and tok.tag_ != "VBG":
            return None  # ("when asked about X, ..."): not the main clause's doer
        if tok.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "advmod", "acomp") \
                or tok.head.i == tok.i:
            return None
        if tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children):
            return next(c for c in tok.head.children if c.dep_ == "dobj")  # "prompted X to state": X
        tok = tok.head
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None
