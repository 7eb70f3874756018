"""Pronouns and descriptions that stand for an actor named before: "he said", "the envoy said",
"the brigade attacked".

No offline coreference model exists, so these are rules, and they only link when the text leaves
one reading: a pronoun takes the one person named in its sentence, else the one named as a subject
in the one before, else two before; where the nearest such window names several people, the one
that was the subject; a subject pronoun inside a direct quotation is left alone (the speaker speaks
of someone else), an object or owner there is the one person the quote named before it;
descriptions ("the envoy", "the agency") as coref/descriptions.py says.
Pronouns agree in gender (coref/gender.py) and never stand for a lone word that is no name.
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.coref.antecedents import WINDOW, antecedent, lone_candidates
from sitroom.coref.descriptions import described, description, group_described, group_description
from sitroom.coref.gender import NOUN_GENDER, PRONOUN_GENDER
from sitroom.coref.identity import Identity, identities
from sitroom.coref.kinds import settle_kinds
from sitroom.coref.quotes import quote_opening, quoted_at
from sitroom.coref.within import surnames_as_people
from sitroom.data.names import (
    fold,
    has_role_word,
    name_tokens,
    speech_cues,
    title_words,
)
from sitroom.data.places import is_place
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention, RoleFinding
from sitroom.nlp.clauses import subject_holder
from sitroom.nlp.parsed import sentence_starts, text_of

PRONOUNS = frozenset(PRONOUN_GENDER)


def references_in(sdoc, offset: int, sentence_index: dict[int, int], mentions: list[Mention],
                  roles: list[RoleFinding], scope: Span) -> list[Mention]:
    """New mentions (pronouns, descriptions) in one passage, each linked to an earlier mention.

    ``mentions`` are the document's named mentions so far; only those inside ``scope`` (the body,
    or this one comment) may be antecedents.
    """
    candidates = [t for t in sdoc if group_description(t) or _pronoun(t) or description(t) is not None]
    if not candidates:  # (no need to settle the document's mentions so far)
        return []
    settled = _settled_in(mentions, roles, scope)  # "Okafor" the tagger called a firm is a person
    persons = [(i, m) for i, m in settled.items() if m.kind == "person" and not m.pronoun]
    groups = [(i, m) for i, m in settled.items() if m.kind == "organization" and not m.pronoun]
    if not persons and not groups:
        return []
    who = identities(persons)
    learned: dict[str, str] = {}  # genders the document's own pronouns gave people of unknown gender
    persons = _personal(persons)
    chain = [(m.antecedent, m) for m in settled.values() if m.pronoun and m.antecedent in who]
    found = []
    lone = lone_candidates(sdoc, offset, persons)  # (once per passage)
    starts = sentence_starts(sdoc)
    for tok in candidates:
        start = offset + tok.idx
        sentence = sentence_index[starts[tok.i]]
        if group_description(tok):
            index = group_described(groups, tok.lower_, start, sentence)
        elif not persons:
            continue
        elif _pronoun(tok) and quoted_at(text_of(sdoc), tok.idx):
            # (a quoted "he" stays open: what a speaker says someone did is more often talk than an act)
            index = None if tok.dep_ in ("nsubj", "nsubjpass") else _named_in_quote(
                tok, persons, who, learned, offset, start)
        elif _pronoun(tok):
            wanted = PRONOUN_GENDER[tok.lower_]
            clause = _own_clause_subjects(tok, offset)
            # (nor for whom a pronoun subject of it stands: "He criticized him")
            barred = {who[m.antecedent].key for m in found
                      if m.subject and m.span.start in clause and m.antecedent in who}
            agreeing = [(i, m) for i, m in persons if m.span.start not in clause and who[i].key not in barred
                        and _gender(i, who, learned, wanted) == wanted]
            index = _framed(tok, agreeing, offset)
            index = _told(tok, agreeing, offset) if index is None else index
            if index is None:
                # (a pronoun of the other gender near stands for someone else, not against this one:
                # "X met Y. She criticized him")
                same = [(i, m) for i, m in chain if PRONOUN_GENDER.get(m.text.lower(), wanted) == wanted]
                index = antecedent(agreeing, start, sentence, who, _speaks(tok), same, lone)
                if index is None and not any(m.span.end <= start and sentence - WINDOW <= m.sentence
                                             for _, m in persons):  # no name near: the pronouns before
                    index = antecedent(_agreeing(chain, who, learned, wanted), start, sentence, who)
                if index is not None and who[index].gender is None and who[index].key not in learned:
                    if _described_between(tok, settled[index].span.end - offset, wanted):
                        index = None  # "X yanked the arm of a reporter as she tried to ask": the reporter
                    elif (going_on := _continued(chain, who, learned, wanted, settled[index].sentence,
                                                 start)) is not None:
                        index = going_on
            elif index == UNNAMED:
                index = None
            if index is not None and who[index].gender is None:
                learned.setdefault(who[index].key, wanted)
        elif (qualifiers := description(tok)) is not None:
            index = described(persons, roles, tok.lower_, start, sentence, qualifiers,
                              {i: who[i].key for i, _ in persons}, tok.dep_ in ("nsubj", "nsubjpass"))
        else:
            continue
        if index is None:
            continue
        first = tok if tok.lower_ in PRONOUNS else _description_start(tok)
        span = Span(offset + first.idx, start + len(tok.text))
        found.append(Mention(span, text_of(sdoc)[span.start - offset : span.end - offset], "PRON",
                             settled[index].kind, None, sentence, tok.dep_ in ("nsubj", "nsubjpass"),
                             pronoun=True, antecedent=index))
        if index in who and tok.lower_ in PRONOUNS:
            chain.append((index, found[-1]))
    return found


def _description_start(tok):
    """The first word of a description after its "the" ("former" in "the former three-term governor")."""
    first = tok.doc[tok.i - 1]
    while first.lower_ != "the" and first.i > max(tok.i - 5, 0) and tok.doc[first.i - 1].lower_ != "the":
        first = tok.doc[first.i - 1]
    return first


def _gender(i: int, who: dict[int, Identity], learned: dict[str, str], unknown: str | None = None
            ) -> str | None:
    """The gender of person mention ``i``: its name's, else the one its pronouns gave it, else ``unknown``."""
    return who[i].gender or learned.get(who[i].key, unknown)


def _named_in_quote(tok, persons: list[tuple[int, Mention]], who: dict[int, Identity],
                    learned: dict[str, str], offset: int, start: int) -> int | None:
    """The one person of the pronoun's gender the quote it is in has named before it ('"I met Mr. X
    twice. I talked to him," Y said': X), else None: a quote's "he" is no one outside it, least of all
    its speaker."""
    opening = quote_opening(text_of(tok.doc), tok.idx)
    if opening is None:
        return None
    wanted = PRONOUN_GENDER[tok.lower_]
    named = [i for i, m in persons if offset + opening <= m.span.start and m.span.end <= start
             and _gender(i, who, learned) == wanted]
    return named[-1] if named and len({who[i].key for i in named}) == 1 else None


def _agreeing(chain: list[tuple[int, Mention]], who: dict[int, Identity], learned: dict[str, str],
              wanted: str) -> list[tuple[int, Mention]]:
    """Pronouns already resolved, as stand-ins for the person they stand for, when no name is near ("He
    said ... He claimed ... He said that ...": each "He" continues the one before, as far back as the
    name), those of the ``wanted`` gender."""
    return [(i, m) for i, m in chain if _gender(i, who, learned, wanted) == wanted]


def _continued(chain: list[tuple[int, Mention]], who: dict[int, Identity], learned: dict[str, str],
               wanted: str, since: int, start: int) -> int | None:
    """The person a pronoun of the ``wanted`` gender stood for since sentence ``since`` (that of a
    candidate whose gender the document does not tell), if that person's gender is known: "she issued a
    plan: President X later adopted it. She has called for ...": she goes on, X is no "she"."""
    known = [i for i, m in chain if since <= m.sentence and m.span.end <= start
             and _gender(i, who, learned) == wanted]
    return known[-1] if known else None


def _pronoun(tok) -> bool:
    return tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$")


def _settled_in(mentions: list[Mention], roles: list[RoleFinding], scope: Span) -> dict[int, Mention]:
    """``{index: mention}`` for the mentions inside ``scope``, with the kinds their names settle on
    there (coref/kinds.py): only the passage's own, so a page of comments costs no more than its text."""
    inside = [i for i, m in enumerate(mentions) if scope.contains(m.span)]
    position = {i: k for k, i in enumerate(inside)}
    local_roles = [replace(r, mention=position[r.mention]) for r in roles if r.mention in position]
    settled = settle_kinds(surnames_as_people([mentions[i] for i in inside]), local_roles)
    return dict(zip(inside, settled, strict=True))


def _personal(persons: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """Names a pronoun can stand for: any person's name but a lone word that is a known place or a
    platform ("Twitter", a town the tagger took for a person), unless it is the surname of a full
    name of the document."""
    surnames = {fold(name_tokens(m.text)[-1]) for _, m in persons if len(name_tokens(m.text)) >= 2}
    kept = []
    for i, m in persons:
        tokens = name_tokens(m.text)
        if len(tokens) != 1 or fold(tokens[0]) in surnames or not (
                is_place(tokens[0], towns=False) or tokens[0].lower() in title_words("platforms")):
            kept.append((i, m))
    return kept


def _own_clause_subjects(tok, offset: int) -> set[int]:
    """Where the subject of the pronoun's own verb starts, for an object pronoun ("Romney said Trump
    let him down": not Trump): a plain object pronoun never stands for its clause's subject (binding
    principle B); possessives and reflexives may ("Romney thanked his staff")."""
    if tok.lower_ not in ("him", "her") or tok.dep_ not in ("dobj", "dative", "iobj", "pobj"):
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = subject_holder(verb)  # "X met Y and thanked her": X is thanked's subject too
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    starts = {offset + t.idx for c in subjects for t in c.subtree}
    relative = next((c for c in subjects if c.lower_ in ("who", "that", "which")), None)
    if relative is not None and verb.dep_ == "relcl":
        # "Y, a commissioner who accused him": the one the relative pronoun stands for is no "him"
        nouns = [verb.head] + ([verb.head.head] if verb.head.dep_ == "appos" else [])
        starts |= {offset + t.idx for n in nouns for t in n.subtree if t.i < relative.i}
    return starts


def _framed(tok, persons: list[tuple[int, Mention]], offset: int) -> int | None:
    """The subject of a clause that frames the pronoun's own ("X said if Y wins, he would ...": Y; "When
    Y arrived, he spoke"): the person of the condition or time the pronoun's clause depends on."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in ("he", "she"):
        return None
    for clause in (c for c in tok.head.children if c.dep_ == "advcl" and c.i < tok.i):
        # (the small model may read "if Trump wins" as a noun phrase: its "compound" is the subject)
        subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass", "compound")]
        found = _person_at(subjects, persons, offset)
        if found is not None:
            return found
    return None


_TELLING = frozenset({"remind", "warn", "advise", "caution", "inform", "ask", "urge"})
"""Verbs after which "he" in what was told is most often the one told ("X reminded Y he had to ...").
Not "tell": "X told Y he would run" is, in news, most often the teller's own plan."""
UNNAMED = -1
"""What ``_told`` returns when the one told is no named person ("asked the conservative who he
thought would win"): the pronoun stands for them, so for no one named."""


def _told(tok, persons: list[tuple[int, Mention]], offset: int) -> int | None:
    """ "X reminded Y he'd have to earn 15 percent", "asked the senator whether he would run", "asked
    Y who he thought would win": the one told, for the subject pronoun of what was told."""
    if tok.dep_ != "nsubj" or tok.lower_ not in ("he", "she"):
        return None
    clause = tok.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _TELLING:
        told = [c for c in clause.head.children if c.dep_ in ("dobj", "dative")]
    elif clause.dep_ == "relcl" and clause.head.dep_ in ("dobj", "dative") \
            and clause.head.head.lemma_.lower() in _TELLING:
        told = [clause.head]  # "asked Y who he thought would win": a question put to Y
    else:
        return None
    if not told:
        return None
    found = _person_at(told, persons, offset)
    return UNNAMED if found is None and told[0].pos_ != "PRON" else found


def _described_between(tok, after: int, wanted: str) -> bool:
    """A person described, not named ("a reporter", "the woman"), stands between the pronoun and the
    name found for it, in the pronoun's sentence: the nearer one may be meant (asked only for a name
    whose gender nothing tells)."""
    for t in tok.sent:
        if t.i >= tok.i:
            break
        told = t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in speech_cues()
        if t.idx < after or t.tag_ != "NN" or not any(c.dep_ == "det" for c in t.children) or \
                t.dep_ == "appos" or told:
            continue  # ("X, the campaign manager, said he", "X told the reporter he": X)
        lemma = t.lemma_.lower()
        if NOUN_GENDER.get(lemma, wanted) == wanted and (lemma in NOUN_GENDER or has_role_word(lemma)):
            return True
    return False


def _speaks(tok) -> bool:
    """The pronoun is the subject of a verb reporting speech ("..., he added.")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in speech_cues()


def _person_at(tokens, persons: list[tuple[int, Mention]], offset: int) -> int | None:
    """The person mention that the first of ``tokens`` to stand in one stands in."""
    for tok in tokens:
        at = offset + tok.idx
        found = [i for i, m in persons if m.span.start <= at < m.span.end]
        if found:
            return found[-1]
    return None
