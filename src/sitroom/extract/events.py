"""Events (who did what to whom, when, where) coded in PLOVER types from the dependency parse.

A trigger is a verb of the lexicon (data/plover.yaml: "met", "accused", "pulled out"), a light
verb with an event noun as its object ("held talks", "offered help", "imposed sanctions"), or an
event noun with an actor attached ("Norway's offer of flood relief", "the talks between X and Y").
Source and target come from the subject, object and prepositions of the governing verb, through
passives, relative clauses, conjunctions and "ordered to mobilize" chains.
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.extract.event_arguments import arguments
from sitroom.extract.event_candidates import definite, triggers, verb_type
from sitroom.extract.event_clauses import asides_of, clauses
from sitroom.extract.event_conventions import HOSTILE, pledge_beneficiaries, plover_convention, promised
from sitroom.extract.event_dates import SCENE_TYPES
from sitroom.extract.event_doers import doer_of
from sitroom.extract.event_happening import not_a_happening
from sitroom.extract.event_lexicon import JUDGING, lexicon
from sitroom.extract.event_modes import asked_mode, promise_of
from sitroom.extract.event_nouns import RECEIVING, undergoer
from sitroom.extract.event_statistics import a_share
from sitroom.extract.event_status import OCCURRING, demanded_by, reported_future, status_of
from sitroom.extract.event_tense import afterwards, current, perfect, simple_past
from sitroom.extract.event_words import (
    actor_like,
    argument_span,
    argument_text,
    expand,
    names_time,
    scene_name,
)
from sitroom.extract.participants import described
from sitroom.model.event import EventFinding
from sitroom.model.evidence import Span


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
        candidates = triggers(sent)
        heads = {head.i: kind for kind, head, _ in candidates}
        by_head = {}
        for kind, head, noun in candidates:
            finding = None if _purpose(head, heads, kind) else _finding(kind, head, noun, sent, offset)
            if finding is not None:
                by_head[head.i] = (head, finding)
        for i, (head, finding) in list(by_head.items()):
            parent = by_head.get(head.head.i) if _elaborating(head) or head.dep_ == "xcomp" else None
            if parent is not None and head.dep_ == "xcomp" and parent[1].type == "AGREE" \
                    and parent[0].lemma_.lower() in lexicon().commitment:
                # "promised to reject bad deals": one promise, what it promises its mode; a promise of a
                # hostile act ("promised to deport them") is a threat
                mode = parent[1].mode or finding.mode or finding.type.lower()
                kind = "THREATEN" if finding.type == "THREATEN" or mode.upper() in HOSTILE else "AGREE"
                mode = finding.mode if finding.type == "THREATEN" else mode
                parent = (parent[0], replace(parent[1], type=kind, mode=mode))
                finding = replace(finding, type=kind)
            if parent is not None and parent[1].type == finding.type:
                by_head[head.head.i] = (parent[0], _joined(parent[1], finding))
                del by_head[i]
        for head, finding in by_head.values():
            depth = sum(1 for _ in head.ancestors)
            findings.append((not (finding.source or finding.target), depth, head.i, finding))
        found.extend(f for *_, f in sorted(findings, key=lambda x: x[:3]))
    return found


def _elaborating(head) -> bool:
    """ "attacked the town, killing five soldiers", "withdrew from the town, abandoning its posts": a
    participle clause without a subject or a conjunction of its own tells more of its governing verb's
    act."""
    return head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN") and head.i > head.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children)


def _joined(event: EventFinding, more: EventFinding) -> EventFinding:
    """One happening told by a verb and a participle or complement of the same type, with the other's
    targets too ("killing five soldiers") and what it refuses ("refused to meet X": REJECT, consult)."""
    extra = [k for k, span in enumerate(more.target_spans) if span not in event.target_spans]
    return replace(event, mode=event.mode or more.mode,
                   target=event.target + tuple(more.target[k] for k in extra),
                   target_spans=event.target_spans + tuple(more.target_spans[k] for k in extra),
                   inner=tuple(c for c in event.inner if not c.start <= more.trigger.start < c.end),
                   described=event.described + tuple(s for s in more.described if s not in event.described),
                   owners=event.owners + tuple(s for s in more.owners if s not in event.owners))


def _purpose(finding_head, heads: dict[int, str], kind: str) -> bool:
    """ "met X to discuss Y": the purpose of an event of the same type is that event, not another;
    "threatened to boycott X": what is threatened is the threat's, no happening of its own."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in finding_head.children)
    governor = heads.get(finding_head.head.i)
    return to and ((finding_head.dep_ in ("xcomp", "advcl") and governor == kind) or (
        finding_head.dep_ == "xcomp" and governor == "THREATEN"))


def _state_of(noun) -> bool:
    """An event noun that is the subject of a verb in the present which says what it is or does now ("the
    visit reminds me of a trip in 1985", "his approval is at 41 percent"), not that it takes place ("the
    talks begin on Monday", "the meeting is on Friday"): that verb's clause does not date it."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.tag_ not in ("VBZ", "VBP") \
            or verb.lemma_.lower() in OCCURRING or any(c.dep_ == "aux" for c in verb.children):
        return False
    return verb.lemma_.lower() != "be" or not any(c.dep_ in ("prep", "npadvmod") and names_time(c)
                                                  for c in verb.children)


def _reacted_to(noun) -> bool:
    """An event noun that is what another act reacts to ("opposed the deal last summer", "criticized the
    attack on Monday"): the reaction's clause and date are not its own."""
    return noun.dep_ == "dobj" and verb_type(noun.head, lexicon()) in JUDGING


def _finding(kind: str, head, noun, sent, offset: int) -> EventFinding | None:
    standalone = noun is not None and noun.i == head.i
    verb = None if standalone else head
    sources, targets = arguments(head, noun, verb)
    if standalone and not sources and not targets and not definite(head):
        return None
    trigger_tokens = [head] + ([noun] if noun is not None and not standalone else [])
    first = min(t.idx for t in trigger_tokens)
    last = max(t.idx + len(t.text) for t in trigger_tokens)
    phrase = " ".join(t.text for t in sorted(trigger_tokens, key=lambda t: t.i))
    if noun is not None and not standalone:
        phrase = head.text + " " + " ".join(t.text for t in noun.subtree
                                             if (t.i <= noun.i and t.dep_ != "det") or t.i == noun.i)
    # a noun's time and place are its clause's: "the next visit ... will take place on September 29"
    owner = head.head if standalone and head.head.pos_ in ("VERB", "AUX") and not _state_of(head) \
        and not _reacted_to(head) else head
    clause = list(owner.subtree)
    if owner is head and standalone:
        clause += _date_after(head)  # "his trip to Vexley in 1985", the date hung on the verb
    dated = _dated_clause(owner)
    if dated is not None:  # "in 2009, when X joined Y to reject it": the clause tells of 2009
        clause += list(dated.subtree)
    scope = Span(offset + min(t.idx for t in clause), offset + max(t.idx + len(t.text) for t in clause))
    # (and a coordinated clause with a subject of its own: "X agreed ..., but when Y visited in 2010, ...")
    # (a noun's own relative clause is of it: "the deal reached by X last week")
    inner = clauses([owner], offset, ("advcl", "ccomp") if owner is head and standalone else (
        "advcl", "relcl", "ccomp", "acl")) + clauses([owner], offset, ("conj",), finite=True)
    asides = asides_of(owner, head, noun, clause, sent, {t.i for t in trigger_tokens}, standalone, offset)
    if not_a_happening(head, kind) is not None:
        return None
    if noun is not None and not standalone and (head.lemma_.lower() in RECEIVING or (
            head.lemma_.lower() == "have" and kind == "SUPPORT")):
        # "X received aid from Y": Y gave it to X; "X had the backing of Y": Y backs X
        givers = [g for t in (head, noun) for c in t.children if c.dep_ == "prep" and (
            c.lower_ == "from" or (c.lower_ == "of" and kind == "SUPPORT"))
            for g in c.children if g.dep_ == "pobj"] + [
            c for c in noun.children if c.dep_ == "poss"]  # "received Lund's endorsement": Lund gave it
        passive = any(c.dep_ == "nsubjpass" for c in head.children)  # ("was received by X": X, as before)
        doer = None if passive else doer_of(head)
        receivers = [doer] if doer is not None and doer.i != noun.i else sources
        sources, targets = expand(givers), expand([r for r in receivers if r not in givers])
    elif standalone and any(c.dep_ == "prep" and c.lower_ == "by" for c in head.children) and sources:
        # "a Trump endorsement by Le Pen": the one named by "by" did it, to the one before the noun
        givers = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
        named = [t for t in sources if t.dep_ in ("compound", "poss", "amod")]
        if givers and named:
            sources, targets = expand(givers), expand(named) + [t for t in targets if t not in named]
    status = clause_status = status_of(head)
    if standalone and status in ("planned", "hypothetical") and undergoer(head) is not None:
        return None  # "could gain concessions from X", "will face criticism from Y": a forecast, no act
    if status == "hypothetical" and reported_future(head):
        status = "planned"
    convention = plover_convention(kind, head, status)
    if convention is not None:
        kind, mode, status = convention
        if kind == "AGREE" and clause_status == "denied":  # "will not allow X to attack Y": a pledge to Y
            targets = expand(pledge_beneficiaries(head))
    else:
        kind, mode = promised(kind, head, status)
    if (kind == "AGREE" and mode is None and head.lemma_.lower() in lexicon().commitment) or (
            kind == "THREATEN" and mode is None):
        mode = promise_of(head)  # "promised to provide aid": aid; "threatened to boycott": protest
    if kind == "REQUEST" and mode is None and verb is not None:
        mode = asked_mode(verb)  # "called for a ban": sanction; "requested an investigation": accuse
    speaker = demanded_by(head)
    if speaker is not None and a_share(speaker):
        return None  # "six in 10 Republicans said delegates should vote ...": a poll, no one's demand
    if speaker is not None:  # "X said Y must release them": X's REQUEST to Y
        kind, mode, status = "REQUEST", kind.lower() if kind != "REQUEST" else None, "reported"
        sources, targets = expand([speaker]), sources or targets  # "... should be dissolved": of it
    targets = [t for t in targets if actor_like(t)]
    person = any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children) if verb is not None \
        else False
    own = verb is not None and noun is None and any(
        c.dep_ == "dobj" and any(g.dep_ == "poss" and (g.lower_ in ("its", "their") or (
            person and g.lower_ in ("his", "her"))) for g in c.children)
        for c in verb.children)
    if own and kind in ("SANCTION", "COERCE", "ASSAULT") and not targets:
        return None  # "suspended its night crossings", "expand its reach": its own business
    return EventFinding(
        type=kind, mode=mode, trigger=Span(offset + first, offset + last),
        source=tuple(argument_text(t) for t in sources), target=tuple(argument_text(t) for t in targets),
        status=status, span=Span(offset + sent.start_char, offset + sent.end_char), phrase=phrase,
        source_spans=tuple(argument_span(t, offset) for t in sources),
        target_spans=tuple(argument_span(t, offset) for t in targets), scope=scope, inner=inner,
        asides=asides,
        clause_status=clause_status, current=current(owner if standalone else head),
        past=not standalone and simple_past(head), perfect=not standalone and perfect(head),
        anterior=not standalone and any(  # (not the backshift of reported speech: "said it had signed")
            (c.dep_ == "aux" and c.lower_ in ("had", "'d") and head.dep_ != "ccomp")
            or (c.dep_ == "advmod" and c.lower_ == "already") for c in head.children),  # "already signed"
        afterwards=not standalone and afterwards(head),
        described=tuple(argument_span(t, offset) for t in sources + targets if described(t)),
        owners=tuple(argument_span(t, offset) for t in sources + targets if _governed(t, kind)),
        relative=dated is None and any(  # (and "the meeting, requested by X": a reduced one; not "in
            ((t.dep_ == "relcl" and not _scene(t, kind)) or (t.dep_ == "acl" and t.tag_ == "VBN"))  # where"
            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
            for t in [head] + list(head.ancestors)[:2]),  # ("the first official to meet Y": no)
        told_before=standalone and not sources and not targets and not any(  # (not "the Oklahoma
            c.dep_ == "compound" and scene_name(c, modifier=True) for c in head.children),  # City bombing")
        nominal=standalone)


def _date_after(noun) -> list:
    """A date phrase right after an event noun, hung on a word above that names no event ("likens it to his
    trip to Vexley in 1985"): the noun's date; an event's verb keeps it ("criticized the visit Monday")."""
    end = max(t.i for t in noun.subtree) + 1
    after = noun.doc[end] if end < len(noun.doc) else None
    if after is None or after.dep_ != "prep" or after.lower_ not in ("in", "on", "during") \
            or after.head not in list(noun.ancestors) or not names_time(after) \
            or verb_type(after.head, lexicon()) is not None:
        return []
    return list(after.subtree)


_DEALINGS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "SUPPORT", "AID", "COOPERATE",
                       "AGREE", "CONCEDE"})
"""Types whose object place is its government ("accused Washington of ...", "sanctioned Ruritania")."""


def _governed(tok, kind: str) -> bool:
    """A place's name that stands for its government: an owner ("approved Ohio's law"), or what a
    state deals with ("accused Washington", "called on Vexley to ...") but not where one goes."""
    if tok.ent_type_ != "GPE":
        return False
    return tok.dep_ == "poss" or (kind in _DEALINGS and (tok.dep_ in ("dobj", "dative") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "to", "with", "upon"))))


def _scene(relative, kind: str) -> bool:
    """ "as she said on Monday in Oslo, where she also promised ...": a relative clause of where, told in
    the simple past, of an act of word or meeting, tells more of that scene, whose date is its own (not
    "in Marlova, where troops massacred thousands": the place's past; not "the genocide, when ...": the
    time of its noun; nor "where X has promised": a past undated)."""
    return relative.tag_ == "VBD" and kind in SCENE_TYPES and any(
        c.dep_ == "advmod" and c.lower_ == "where" and c.i < relative.i for c in relative.subtree)


def _dated_clause(owner):
    """The date a relative clause tells of ("since 2009, when X joined Y"; "an attack in November, when
    ..."), or None."""
    for tok in [owner] + list(owner.ancestors)[:2]:
        if tok.dep_ == "relcl" and tok.head.ent_type_ in ("DATE", "TIME"):
            return tok.head
        when = tok.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" and c.i < tok.i
                                           for c in tok.subtree)
        dated = next((c for c in tok.head.children if when and c.dep_ == "prep" and names_time(c)), None)
        if dated is not None:
            return dated  # "an attack in November, when bombers killed 130": the attack's November
    return None
