"""Whether an event happened and how PLOVER codes it: status from its own clause (negation, modals,
conditions, plans) and the promises PLOVER codes as AGREE."""

from __future__ import annotations

import re

from sitroom.extract.event_lexicon import lexicon


def status_of(head) -> str:
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


def promised(kind: str, head, status: str) -> tuple[str, str | None]:
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
