"""Indirect speech and other attributions: "X stressed that ...", "according to X, ...", "X called the
report a 'fabrication'", and what the cues learned from PolNeAR train report (data/attribution_cues.yaml)."""

from __future__ import annotations

from functools import cache

from sitroom.data import load as load_data
from sitroom.data.names import title_words
from sitroom.extract.event_generic import MODALS
from sitroom.extract.speakers import DOCUMENTS, can_speak, sayings, speaker_of, speech_lexicon, subject_of
from sitroom.model.evidence import Span
from sitroom.model.quote import QuoteFinding


def indirect_in(offset: int, sent) -> list[QuoteFinding]:
    """Indirect speech and attributions in one parsed sentence (``offset``: where its passage starts)."""
    cues, evaluative = _cue_words()
    learned = _learned()
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            out.extend(_according(offset, sent, tok, to, source))
            continue
        if tok.tag_ == "VBN" and lemma in _AS_REPORTED and tok.i - 1 == sent.start \
                and sent.doc[tok.i - 1].lower_ == "as":
            by = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                      None)
            out.extend(_according(offset, sent, sent.doc[tok.i - 1], tok, by))  # "As reported by X, ..."
            continue
        if lemma == "tell" and tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "all" \
                and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].text == ",":
            continue  # "All told, ...": in all, no one's words
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and lemma in learned["nouns"]) \
                and not (tok.dep_ == "parataxis" and lemma in cues):
            continue  # (none of the three readings below: no need to look further)
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _HARDLY) for c in tok.children) \
                or _FEELINGS & {lemma, tok.lower_, tok.lower_[:-1], tok.lower_[:-2], tok.lower_[:-3]}:
            # (the small model's lemma of "hopes" is "hop")
            continue  # "won't reveal", "can barely believe", "hopes that": nothing said
        if lemma == "point" and not any(c.lower_ in ("out", "to") for c in tok.children):
            continue  # "the arrows pointed east": only "pointed out (that)", "pointed to" report anything
        if tok.dep_ == "parataxis" and lemma in cues and tok.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ == "ccomp" for c in tok.children):
            tokens = _interrupted(tok)  # "The harbour, he said, was ...": the clause around the cue
            speaker = speaker_of(tok, offset) if tokens else None
        elif tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl")) \
                and not ((lemma in evaluative or lemma in _DESIGNATING)
                         and any(c.dep_ == "auxpass" for c in tok.children)):
            # ("their town being called the Pit by the Bay": a name it goes by, no one's verdict)
            # ("the leader, called X"; "Asked about the talks, he said": he was asked, no one named asked)
            doer = subject_of(tok, offset, None) or (subject_of(tok.head, offset, None)
                                                     if tok.dep_ in ("conj", "xcomp") else None)
            documentary = doer is not None and doer.lemma_.lower() in DOCUMENTS  # "polls show a close race"
            relations = _sayable(learned["verbs"].get(lemma, ()), lemma in cues or documentary) + (
                ("ccomp",) if lemma in cues else ())
            tokens = _content(tok, relations, lemma in evaluative)
            if tokens and tokens[0].i < tok.i and any(c.dep_ == "auxpass" for c in tok.children):
                continue  # ("No one objected — she was confirmed 51 to 0": a passive reports what follows)
            if tokens and lemma not in cues and not _source_like(doer):
                continue  # "2 million tons are planned to be exported", "the message appears to ..."
            speaker = speaker_of(tok, offset) if tokens else None
        elif tok.pos_ == "NOUN" and lemma in learned["nouns"]:
            tokens = _content(tok, _sayable(learned["nouns"][lemma], lemma in cues), False)
            if tokens and tokens[0].lower_ == "to" and lemma not in cues:
                tokens = []  # "an inclination to ease the dispute": a leaning, not a claim
            speaker = _holder(tok, offset) if tokens else None
        else:
            continue
        if not tokens or (speaker is None and (lemma not in cues or tok.tag_ in ("VB", "VBG") or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))):
            continue  # ("hope resolving everything peacefully", "little to suggest that", "think back to",
            # "What about scrapping X": no one's words)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
            continue  # "A braver council would demand more money": a hypothetical, not a statement
        if tokens[-1].lemma_.lower() in sayings() and len(tokens) <= 4:
            continue  # "quoting Comey's statement": it names what was said, it does not say it
        content = Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))
        cue = Span(offset + tok.idx, offset + tok.idx + len(tok.text))
        parts = [content, cue] + ([speaker] if speaker else [])
        out.append(QuoteFinding("indirect", content, cue, speaker,
                                Span(min(p.start for p in parts), max(p.end for p in parts))))
    return out


_HARDLY = frozenset({"barely", "hardly", "scarcely", "never"})
_FEELINGS = frozenset({"hope", "wish", "fear", "worry", "feel", "dream", "regret", "doubt", "wonder"})
"""What one feels about something is no statement of it ("hopes his campaign could turn around")."""


@cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """data/speech.yaml's verbs of saying and its evaluative cues, as sets."""
    lex = speech_lexicon()
    return frozenset(lex["cues"]), frozenset(lex["evaluative"])


@cache
def _learned() -> dict[str, dict[str, tuple[str, ...]]]:
    """data/attribution_cues.yaml: lemma -> the relations its content hangs on it by, verbs and nouns."""
    data = load_data("attribution_cues.yaml")
    return {part: {lemma: tuple(rels) for lemma, rels in (data.get(part) or {}).items()}
            for part in ("verbs", "nouns")}


def _sayable(relations: tuple[str, ...], speech: bool) -> tuple[str, ...]:
    """What a learned cue may report: a that-clause ("shows that", "the claim that") from any; a thing,
    a topic or an intention ("cited the report", "called for more money", "vowed to") only from a verb
    of saying: "laid a pipeline", "denounced X", "hopes to win" say nothing one could quote, though
    PolNeAR's annotators mark such attributions."""
    return relations if speech else tuple(r for r in relations if r in ("ccomp", "acl"))


_DESIGNATING = frozenset({"declare", "designate", "name", "list"})
"""Verbs that, in the passive, give something a status rather than report anyone's words ("it has been
declared a banned group by the court"), as the evaluative cues do ("being called the Pit by the Bay")."""
_ASKING = frozenset({"ask", "wonder", "inquire", "question"})
_CLAUSES = ("ccomp", "xcomp")
"""Relations whose content is a clause: it needs a few words ("said that he would", not "said so")."""


def _content(tok, relations: tuple[str, ...], evaluative: bool) -> list:
    """The tokens of what ``tok`` reports, by the first of its relations present (``relations``:
    likeliest first; a that-clause before all): a clause ("said that ..."), an evaluation ("called the
    report a fabrication"), an object ("cited the report"), a preposition's object ("called for more
    investment"); [] when there is none."""
    children = list(tok.children)
    found = _clause(tok) if "ccomp" in relations else None
    if found is None and "ccomp" in relations:  # "said after the talks he would ...": parsed as advcl
        found = next((c for c in children if c.dep_ == "advcl" and c.i > tok.i
                      and c.tag_ not in ("VBG", "VBN") and any(g.dep_ == "nsubj" for g in c.children)
                      and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)), None)
    if found is None and evaluative:
        tokens = _evaluation(tok)
        if tokens:
            return tokens if len(tokens) >= 3 else []
    for relation in (r for r in relations if r != "ccomp" and found is None):
        dep, _, word = relation.partition(":")
        found = next((c for c in children if c.dep_ == dep and (not word or c.lower_ == word)), None)
        if found is not None and word:  # the preposition's object, not the preposition
            found = next((g for g in found.children if g.dep_ in ("pobj", "pcomp")), None)
    if found is None or found.tag_ in ("WDT", "WP") or (found.pos_ == "PRON" and found.dep_ != "ccomp"):
        return []  # ("congratulates him", "which we wrote"): no words of anyone's
    if tok.pos_ == "NOUN" and found.head.lower_ == "of" and can_speak(found):
        return []  # "in the opinion of our colleagues": the one who holds it, not what is held
    if found.ent_type_ in ("DATE", "TIME") or found.lower_ in title_words("platforms"):
        return []  # "tweeted on Monday", "wrote on Facebook": when and where, not what
    tokens = list(found.subtree)  # (a that-clause keeps its "that", as PolNeAR and PARC mark the content)
    if tokens and tokens[0].lower_ == "which" and tokens[0].dep_ in ("nsubj", "nsubjpass") \
            and tokens[0].i > 0 and tokens[0].nbor(-1).text == "," and tok.lemma_.lower() not in _ASKING:
        return []  # ("“...,” he said, which reflects ...": the writer's comment on it, not his words)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()  # ("would be more intense — and he noted ...")
    least = 3 if found.dep_ in _CLAUSES else 1
    said = len(tokens) - bool(tokens and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")
    return tokens if said >= least else []


def _clause(tok):
    """The that-clause a cue reports: the one after it where it has two; one before it only when no colon
    stands between ("One thing is clear: X considers Y a partner" reports what follows the colon)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    after = [c for c in clauses if c.i > tok.i]
    if after:
        return after[0]
    before = clauses[-1] if clauses else None
    if before is not None and any(t.text == ":" for t in tok.doc[before.right_edge.i + 1 : tok.i]):
        return None
    return before


def _interrupted(cue) -> list:
    """The clause a parenthetical cue stands in or after ("The harbour, he said, outlived ...", "It
    will pass, she says"), without the cue's own words; [] when the cue has no subject of its own."""
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return []  # ("No one objected — she was confirmed 51 to 0": a vote, not a cue)
    own = {t.i for t in cue.subtree}
    head = cue.head.head if cue.head.dep_ in ("aux", "auxpass") else cue.head  # ("X, he said, was shut")
    tokens = [t for t in head.subtree if t.i not in own]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens if len(tokens) >= 3 else []


def _source_like(subject) -> bool:
    """A subject that can report something: someone (data/plover.yaml actor words, names, pronouns) or a
    document or a poll; not one denied ("no evidence shows")."""
    if subject is None or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return False
    return can_speak(subject)


def _holder(noun, offset: int) -> Span | None:
    """Whose claim, statement or view a noun reports: its owner ("X's claim that"), its maker ("a report
    by X"), or the one who made it ("X issued a statement saying")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return speaker_of(noun.head, offset)
    if owner is None:
        return None
    tokens = [t for t in owner.subtree if t.dep_ != "case"]
    return Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))


def _evaluation(verb) -> list | None:
    """ "called the report a fabrication", "dismissed the plan as fiction": object and verdict."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    verdict = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")
                    or (c.dep_ == "prep" and c.lower_ == "as")), None)
    if obj is None or verdict is None:
        return None
    tokens = sorted(list(obj.subtree) + list(verdict.subtree), key=lambda t: t.i)
    return tokens


_AS_REPORTED = frozenset({"report", "note", "state", "disclose", "reveal", "estimate"})
"""Participles that, opening a sentence with "As ... by X", attribute the rest of it to X ("As reported by
X, ..."); not one inside it ("twice as high as reported by the ministry" compares)."""


def _according(offset: int, sent, tok, to, source) -> list[QuoteFinding]:
    """ "According to X, ...", "As reported by X, ..." (cue from ``tok`` to ``to``, ``source`` the noun
    after it): X is the speaker, the rest of the sentence is what X says."""
    if source is None:
        return []
    names = list(source.subtree)
    appos = next((c for c in source.children if c.dep_ == "appos" and c.i > source.i), None)
    if appos is not None and tok.i == sent.start and sent.doc[appos.left_edge.i - 1].text == "," \
            and len(_outside(sent, tok, names)) < 3:  # ("According to radio host X, the move reeks of
        # fear": the parser took what X says, after the phrase that opens the sentence, for an apposition)
        names = [t for t in names if t.i < appos.left_edge.i]
        while names[-1].is_punct:
            names.pop()
    rest = _outside(sent, tok, names)
    if len(rest) < 3:
        return []
    content = Span(offset + rest[0].idx, offset + rest[-1].idx + len(rest[-1].text))
    speaker = Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text))
    cue = Span(offset + tok.idx, offset + to.idx + len(to.text))
    return [QuoteFinding("indirect", content, cue, speaker,
                         Span(min(content.start, cue.start), max(content.end, speaker.end)))]


def _outside(sent, cue, source: list) -> list:
    """The words of ``sent`` neither in the cue (from ``cue``) nor in the ``source`` after it."""
    return [t for t in sent if (t.i < cue.i or t.i > source[-1].i) and not t.is_punct]
