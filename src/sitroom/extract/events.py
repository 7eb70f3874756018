"""Events (who did what to whom, when, where) coded in PLOVER types from the dependency parse.

A trigger is a verb of the lexicon (data/plover.yaml: "met", "accused", "pulled out"), a light
verb with an event noun as its object ("held talks", "offered help", "imposed sanctions"), or an
event noun with an actor attached ("Norway's offer of military help", "the talks between X and Y").
Source and target come from the subject, object and prepositions of the governing verb, through
passives, relative clauses, conjunctions and "ordered to mobilize" chains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.data import load as load_data
from sitroom.model.evidence import Span
from sitroom.model.plover import SYMMETRIC

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_TARGET_PREPS = {"with", "to", "against", "on", "into", "toward", "towards", "at", "for", "from", "upon"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_LIGHT_NOUNS = {"offer", "promise", "pledge", "decision", "plan", "proposal", "readiness", "agreement"}
_CORE_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "conj", "cc", "case", "appos"}


@dataclass(frozen=True)
class EventFinding:
    type: str
    """A PLOVER 1.0 type: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT
    THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT."""
    trigger: Span
    """The word(s) that name the event, offsets into the text."""
    source: tuple[str, ...]
    """Who did it (texts of the actor phrases)."""
    target: tuple[str, ...]
    """To whom."""
    status: str
    """``reported``, ``planned``, ``denied`` or ``hypothetical``."""
    span: Span
    """The sentence."""
    phrase: str = ""
    """The trigger as it reads with its light verb: "held talks", "offered military help"."""
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    scope: Span | None = None
    """Characters of the trigger's clause: where its time and place are looked for."""
    mode: str | None = None
    """For an AGREE that promises something: what was promised ("aid", "concede", ...)."""
    inner: tuple[Span, ...] = ()
    """Clauses inside the scope that are other events' ("after X visited Y on July 8")."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[tuple[str, str]]]
    """lemma -> [(type, required particle or object lemma, "" for none)]."""
    nouns: dict[str, str]
    light: frozenset[str]
    planned: frozenset[str]
    hypothetical: frozenset[str]
    denial: frozenset[str]
    quads: dict[str, str]
    commitment: frozenset[str]
    committed: frozenset[str]
    promised: frozenset[str]
    actor_nouns: frozenset[str]
    designation: frozenset[str]
    designated: frozenset[str]
    stative: frozenset[str]


@cache
def lexicon() -> Lexicon:
    data = load_data("plover.yaml")
    verbs: dict[str, list[tuple[str, str]]] = {}
    nouns: dict[str, str] = {}
    for kind, entry in data["types"].items():
        for phrase in entry["verbs"]:
            head, _, rest = phrase.partition(" ")
            verbs.setdefault(head, []).append((kind, rest))
        for noun in entry["nouns"]:
            nouns.setdefault(noun, kind)
    for options in verbs.values():
        options.sort(key=lambda o: not o[1])  # specific ("call on") before bare ("call")
    return Lexicon(verbs, nouns, frozenset(data["light_verbs"]), frozenset(data["planned_cues"]),
                   frozenset(data["hypothetical_cues"]), frozenset(data["denial_verbs"]),
                   {k: v["quad"] for k, v in data["types"].items()},
                   frozenset(data["commitment_verbs"]), frozenset(data["commitment_adjectives"]),
                   frozenset(data["promised_types"]), frozenset(data["actor_nouns"]),
                   frozenset(data["designation_verbs"]), frozenset(data["designation_words"]),
                   frozenset(data["stative_nouns"]))


def code_text(text: str, nlp=None) -> list[EventFinding]:
    """Events in a piece of text (a sentence or a paragraph)."""
    if nlp is None:
        from sitroom.nlp.model import load_model

        nlp = load_model()
    return events_in(nlp(text), 0)


def events_in(sdoc, offset: int) -> list[EventFinding]:
    """Events in a parsed passage whose text starts at ``offset`` of the source text."""
    found = []
    for sent in sdoc.sents:
        findings = []
        for kind, head, noun in _triggers(sent):
            finding = _finding(kind, head, noun, sent, offset)
            if finding is not None:
                depth = sum(1 for _ in head.ancestors)
                findings.append((not (finding.source or finding.target), depth, head.i, finding))
        found.extend(f for *_, f in sorted(findings, key=lambda x: x[:3]))
    return found


def _triggers(sent) -> list[tuple[str, object, object]]:
    """``(type, governing token, event noun or None)`` for every trigger in a sentence."""
    lex = lexicon()
    out = []
    taken: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.i in taken:
            continue
        kind = _verb_type(tok, lex)
        if kind:
            out.append((kind, tok, None))
            taken.add(tok.i)
            continue
        if tok.lemma_.lower() in lex.light:
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")):
                obj = _of_chain(obj, lex)  # "provide 25,000 tons of food aid"
                kind = _noun_type(obj, lex)
                if kind:
                    out.append((kind, tok, obj))
                    taken.update({tok.i, obj.i})
                    break
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken or tok.ent_type_:
            continue
        kind = _noun_type(tok, lex)
        carrier = tok
        if kind is None and tok.lemma_.lower() in _LIGHT_NOUNS:  # "Norway's offer of military help"
            inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            kind = _noun_type(inner, lex) if inner is not None else None
            if kind:
                taken.add(inner.i)
        if kind and _standalone(carrier) and carrier.lower_ not in lex.stative:
            out.append((kind, carrier, carrier))
            taken.add(tok.i)
    return out


def _of_chain(tok, lex: Lexicon):
    """The event noun behind a measure: "tons of aid", "a package of sanctions"."""
    if _noun_type(tok, lex):
        return tok
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if _noun_type(obj, lex):
                return obj
    return tok


def _verb_type(tok, lex: Lexicon) -> str | None:
    if tok.lemma_.lower() in lex.designation and any(
            t.lower_ in lex.designated for t in tok.subtree if t.i > tok.i):
        return "SANCTION"
    options = lex.verbs.get(tok.lemma_.lower())
    if not options:
        return None
    around = {w for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "attr")
              for w in (c.lemma_.lower(), c.lower_)}
    for kind, rest in options:
        if not rest or rest.split()[0] in around:
            return kind
    return None


def _noun_type(tok, lex: Lexicon) -> str | None:
    lemma = tok.lemma_.lower()
    for mod in (c for c in tok.children if c.dep_ in ("amod", "compound")):
        kind = lex.nouns.get(f"{mod.lower_} {tok.lower_}") or lex.nouns.get(f"{mod.lower_} {lemma}")
        if kind:
            return kind
    return lex.nouns.get(tok.lower_) or lex.nouns.get(lemma)


def _standalone(tok) -> bool:
    """An event noun that names its actors: "Norway's offer", "talks between X and Y", "the ban"."""
    has_actor = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_) for c in tok.children)
    has_between = any(c.dep_ == "prep" and c.lower_ in ("between", "with", "against", "of", "by")
                      and any(g.ent_type_ for g in c.subtree) for c in tok.children)
    return has_actor or has_between


def _finding(kind: str, head, noun, sent, offset: int) -> EventFinding | None:
    standalone = noun is not None and noun.i == head.i
    verb = None if standalone else head
    sources, targets = _arguments(head, noun, verb)
    if standalone and not sources and not targets:
        return None
    trigger_tokens = [head] + ([noun] if noun is not None and not standalone else [])
    first = min(t.idx for t in trigger_tokens)
    last = max(t.idx + len(t.text) for t in trigger_tokens)
    phrase = " ".join(t.text for t in sorted(trigger_tokens, key=lambda t: t.i))
    if noun is not None and not standalone:
        phrase = head.text + " " + " ".join(t.text for t in noun.subtree
                                             if (t.i <= noun.i and t.dep_ != "det") or t.i == noun.i)
    # a noun's time and place are its clause's: "the next visit ... will take place on September 29"
    owner = head.head if standalone and head.head.pos_ in ("VERB", "AUX") else head
    clause = list(owner.subtree)
    scope = Span(offset + min(t.idx for t in clause), offset + max(t.idx + len(t.text) for t in clause))
    inner = tuple(_tokens_span(list(c.subtree), offset) for c in owner.children
                  if c.dep_ in ("advcl", "relcl", "ccomp", "acl") and c.pos_ in ("VERB", "AUX"))
    status = _status(head)
    kind, mode = _promised(kind, head, status)
    if kind == "AGREE" and mode is None and head.lemma_.lower() in lexicon().commitment:
        mode = _promise_of(head)
    if kind in SYMMETRIC:
        withs = [t for t in targets if t.head.lower_ == "with"]
        sources = sources + [t for t in withs if t.i not in {s.i for s in sources}]
        targets = [t for t in targets if t.head.lower_ != "with"]
    targets = [t for t in targets if _actor_like(t)]
    return EventFinding(
        type=kind, mode=mode, trigger=Span(offset + first, offset + last),
        source=tuple(_text(t) for t in sources), target=tuple(_text(t) for t in targets),
        status=status, span=Span(offset + sent.start_char, offset + sent.end_char), phrase=phrase,
        source_spans=tuple(_span(t, offset) for t in sources),
        target_spans=tuple(_span(t, offset) for t in targets), scope=scope, inner=inner)


def _promised(kind: str, head, status: str) -> tuple[str, str | None]:
    """A promise of future cooperation is an AGREE in PLOVER; what was promised becomes the mode."""
    lex = lexicon()
    if kind not in lex.promised:
        return kind, None
    if head.lemma_.lower() in lex.commitment:  # "Norway's offer of military help"
        return "AGREE", kind.lower()
    chain = [head] + list(head.ancestors)[:2]
    for tok in chain:
        if tok.lemma_.lower() in lex.commitment and tok.i != head.i:
            return "AGREE", kind.lower()
        if any(c.dep_ == "acomp" and c.lemma_.lower() in lex.committed for c in tok.children) or (
                tok.lemma_.lower() in lex.committed and tok.pos_ == "ADJ"):
            return "AGREE", kind.lower()
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("offer", "promise", "pledge"):
            return "AGREE", kind.lower()
    if status == "planned":
        return "AGREE", kind.lower()
    return kind, None


def _promise_of(verb) -> str | None:
    """What "promised to provide aid" promises: the type of the clause it governs, as a mode."""
    lex = lexicon()
    for inner in (c for c in verb.children if c.dep_ == "xcomp"):
        kind = _verb_type(inner, lex)
        if kind is None:
            obj = next((c for c in inner.children if c.dep_ == "dobj"), None)
            kind = _noun_type(_of_chain(obj, lex), lex) if obj is not None else None
        if kind and kind != "AGREE":
            return kind.lower()
    return None


def _actor_like(tok) -> bool:
    """Could this argument be an actor? A name, a pronoun, or a word for people or groups."""
    return bool(tok.ent_type_ and tok.ent_type_ not in _NOT_ACTORS) or tok.pos_ in ("PROPN", "PRON") or \
        tok.lemma_.lower() in lexicon().actor_nouns or tok.lower_ in lexicon().actor_nouns


def _tokens_span(tokens: list, offset: int) -> Span:
    return Span(offset + min(t.idx for t in tokens), offset + max(t.idx + len(t.text) for t in tokens))


def _arguments(head, noun, verb) -> tuple[list, list]:
    if verb is None:  # a standalone noun: "Chile's offer of aid to X", "talks between A and B"
        sources = [c for c in head.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_)]
        targets = []
        for prep in (c for c in head.children if c.dep_ == "prep"):
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ == "between" and objs:
                sources = sources or objs[:1]
                targets.extend(_conjuncts(objs[0])[1:] or objs[1:])
            elif prep.lower_ in ("by",) and objs:
                sources = sources or objs
            elif prep.lower_ in _TARGET_PREPS | {"of"} and objs and objs[0].ent_type_:
                targets.extend(objs)
        return _expand(sources), _expand(targets)
    subject = _subject(verb)
    sources, targets = [], []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive:
        targets = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
        targets += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                    for g in c.children if g.dep_ == "pobj"]  # "relations were established with X"
    elif subject is not None:
        sources = [subject]
    if not passive:
        targets = _targets(verb, noun)
        if verb.lemma_.lower() in lexicon().commitment:  # "agreed to provide aid to Romania"
            for inner in (c for c in verb.children if c.dep_ == "xcomp"):
                targets.extend(_targets(inner, None))
    return _expand(sources), _expand(targets)


def _targets(verb, noun) -> list:
    """Objects and prepositional objects of a verb, and those of its object noun ("aid to X")."""
    holder = noun if noun is not None else verb
    skip = noun.i if noun is not None else -1
    found = []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != skip]
    for obj in objects:
        # "Turkey's efforts", "the activities of the rebels": the owner is the target
        owner = next((c for c in obj.children if c.dep_ == "poss" and _actor_like(c)), None) or next(
            (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj" and g.ent_type_), None)
        found.append(obj if _actor_like(obj) or owner is None else owner)
    nouns = [holder] + [o for o in objects if o.i != holder.i]
    for prep in (c for n in [verb] + nouns for c in n.children if c.dep_ == "prep"):
        if prep.lower_ in _TARGET_PREPS:
            found.extend(g for g in prep.children if g.dep_ == "pobj")
    return found


def _subject(verb):
    """The doer: the verb's subject, or its governor's ("X ordered to mobilize", "X, which attacked")."""
    tok = verb
    for _ in range(4):
        # the subject nearest the verb: a misparse may hang a heading off it as a second subject
        subject = next((c for c in reversed(list(tok.lefts)) if c.dep_ in _SUBJECTS), None) or next(
            (c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
                return tok.head
            if subject.lower_ in _REPORTED_PRONOUNS:
                return _reporter(tok) or subject
            return subject
        if tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "attr":
            tok = tok.head.head  # "X turned out to be the first official to meet Y": X met Y
        elif tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl") and tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                return tok.head
            tok = tok.head
        else:
            break
    return None


_REPORTED_PRONOUNS = {"it", "they", "we"}


def _reporter(tok):
    """ "Hungary has said it will support ...": the pronoun is the one who said it."""
    for ancestor in [tok] + list(tok.ancestors)[:2]:
        if ancestor.dep_ == "ccomp":
            subject = next((c for c in ancestor.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return subject
    return None


def _conjuncts(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def _expand(tokens: list) -> list:
    """Arguments with their conjuncts ("Hungarian and Romanian officials"), without dates or numbers."""
    out, seen = [], set()
    for tok in tokens:
        for conj in _conjuncts(tok):
            nominal = conj.pos_ in ("NOUN", "PROPN", "PRON") and conj.ent_type_ not in _NOT_ACTORS
            if nominal and conj.i not in seen:
                out.append(conj)
                seen.add(conj.i)
    return out


def _core(tok) -> list:
    """The head of an argument with the words that name it, without clauses hanging off it:
    "a delegation of the rebels [headed by X]"."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "det", "nummod", "nmod"):
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                keep.extend((child, obj))
                keep.extend(t for c in obj.children if c.dep_ in ("compound", "amod", "det", "poss")
                            for t in c.subtree)
    return sorted(keep, key=lambda t: t.i)


def _text(tok) -> str:
    tokens = _core(tok)
    return tok.doc[tokens[0].i : tokens[-1].i + 1].text


def _span(tok, offset: int) -> Span:
    tokens = _core(tok)
    return Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))


def _status(head) -> str:
    lex = lexicon()
    chain = [head] + list(head.ancestors)[:3]
    negated = [head] + ([head.head] if head.dep_ == "xcomp" else [])  # "did not want to meet"
    if any(c.dep_ == "neg" for tok in negated for c in tok.children):
        return "denied"
    for tok in chain[1:3]:
        if tok.lemma_.lower() in lex.denial and head.dep_ == "xcomp":
            return "denied"
    for tok in chain[:3]:
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "mark")}
        if aux & {"if", "unless", "whether"} or tok.dep_ == "advcl" and any(
                c.lower_ in ("if", "unless") for c in tok.children):
            return "hypothetical"
        if aux & {"will", "shall", "'ll"} or (tok is not head and tok.lemma_.lower() in lex.planned):
            return "planned"
        if aux & {"would", "could", "might", "may", "should", "can"}:
            return "hypothetical"
    governor = head.head if head.tag_ in ("NN", "NNS") else head
    if re.search(r"\b(?:next|upcoming)\b", head.sent.text, re.I) and head.tag_ in ("NN", "NNS") \
            and governor.tag_ not in ("VBD", "VBN"):  # "the next visit took place in May": past
        return "planned"
    return "reported"
