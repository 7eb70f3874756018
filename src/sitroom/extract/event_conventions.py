"""How PLOVER codes announced acts: a promise of cooperation is an AGREE with what was promised as its
mode; an announced or conditional hostile act is a THREATEN; a refused cooperative act a REJECT; a
pledge not to let a hostile act happen an AGREE to those it protects."""

from __future__ import annotations

from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_status import PERMITTING


def promised(kind: str, head, status: str) -> tuple[str, str | None]:
    """A promise of future cooperation is an AGREE in PLOVER; what was promised becomes the mode."""
    lex = lexicon()
    if kind not in lex.promised:
        return kind, None
    if head.lemma_.lower() in lex.commitment:  # "Norway's offer of flood relief"
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


HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
"""Types whose announcement PLOVER codes as a threat ("will impose sanctions", "would boycott")."""


COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"})
"""Types whose refusal PLOVER codes as REJECT ("will not sign", "failed to agree")."""


def plover_convention(kind: str, head, status: str) -> tuple[str, str | None, str] | None:
    """``(type, mode, status)`` where PLOVER codes an announced act as another type, else None:
    a hostile act announced or made conditional ("will withdraw unless ...") is THREATEN; a refusal of
    a cooperative act ("will not sign", "failed to agree") is REJECT; both were reported."""
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") and m.dep_ == "mark"
                                                  for m in c.children) for c in head.children)
    if kind in HOSTILE | {"RETREAT"} and conditional and status == "planned":
        return "THREATEN", kind.lower(), "reported"
    ready = any(t.lemma_.lower() in lexicon().committed or t.lower_ in lexicon().committed
                for t in list(head.ancestors)[:2])  # "is ready to impose a curfew"
    if kind == "PROTEST" and status == "planned" and not conditional and not any(
            (c.dep_ == "dobj" and c.lemma_.lower() not in _OCCASIONS)
            or (c.dep_ == "prep" and c.lower_ == "against") for c in head.children):
        return None  # "plan to march in July", "to boycott his speech": a protest planned, no threat
    if kind in HOSTILE and (status == "planned" or ready) and not conditional:
        return "THREATEN", kind.lower(), "reported"
    if kind in COOPERATIVE and status == "denied" and _refused(head) and _pledged_against(head):
        return "AGREE", None, "reported"
    if kind in COOPERATIVE and status == "denied" and _refused(head):
        return "REJECT", kind.lower(), "reported"
    return None


def _pledged_against(head) -> bool:
    """ "will not let any group strike X from its soil": refusing to let a hostile act
    happen is a pledge (PLOVER AGREE), not the refusal of a concession."""
    return head.lemma_.lower() in PERMITTING and bool(pledge_beneficiaries(head, any_hostile=True))


def pledge_beneficiaries(head, any_hostile: bool = False) -> list:
    """Whom a pledge not to let a hostile act happen protects: what the act would be against or aimed
    at ("attacks against X", "to attack X"). With ``any_hostile``: every hostile word, a sign of one."""
    lex = lexicon()
    hostile = HOSTILE | {"THREATEN"}

    def hostile_verb(tok) -> bool:
        return tok.pos_ == "VERB" and any(k in hostile for k, _ in lex.verbs.get(tok.lemma_.lower(), ()))

    found = []
    for t in (t for c in head.children if c.dep_ in ("xcomp", "ccomp", "dobj") for t in c.subtree):
        sign = lex.nouns.get(t.lemma_.lower()) in hostile or hostile_verb(t) or t.lower_ in (
            "against", "threat", "threats", "harm")
        aimed = (t.dep_ == "pobj" and t.head.lower_ == "against") or (
            t.dep_ == "dobj" and hostile_verb(t.head))
        if (any_hostile and sign) or aimed:
            found.append(t)
    return found


_OCCASIONS = frozenset({"speech", "address", "convention", "debate", "election", "ceremony", "summit",
                        "meeting", "games", "olympics", "event", "rally", "vote", "inauguration", "hearing",
                        "conference", "parade", "festival", "session", "talks", "dinner", "funeral",
                        "celebration"})
"""What one boycotts or marches at that is an occasion, not someone threatened: "to boycott his speech"."""


def _refused(head) -> bool:
    """ "will not sign", "would not meet", "failed to agree": a refusal, not a denial that it happened."""
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if auxes & {"will", "would", "wo", "can", "could", "shall"}:
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in ("fail", "refuse", "decline")
