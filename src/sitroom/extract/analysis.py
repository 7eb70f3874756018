"""One cleaned document through spaCy and the extractors: sentences, mentions, roles, local actors."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitroom.clean.header import dateline_places as places_in_dateline
from sitroom.clean.layout import Unit
from sitroom.coref.descriptions import unlinked_group_descriptions
from sitroom.coref.kinds import settle_kinds
from sitroom.coref.references import references_in
from sitroom.coref.within import cluster_document, namesakes_in_formal_style, surnames_as_people
from sitroom.extract.claims import ClaimFinding, claims_in
from sitroom.extract.event_records import EventRecord, records, said_now
from sitroom.extract.events import events_in
from sitroom.extract.mentions import (
    full_name_surnames,
    mentions_in,
    one_sense_per_discourse,
    surnames_missed,
)
from sitroom.extract.participants import described_participants
from sitroom.extract.quote_speakers import speakers_as_mentions
from sitroom.extract.quotes import quotes_in
from sitroom.extract.roles import roles_in
from sitroom.extract.statements import ClaimRecord, QuoteRecord, claim_records, quote_records
from sitroom.extract.timex import Timex, tag
from sitroom.model.document import Document
from sitroom.model.event import EventFinding
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention, RoleFinding
from sitroom.nlp.parsed import known_text
from sitroom.nlp.passages import passage_text, passages

BATCH_SIZE = 64
CONTEXT_EXPRESSIONS = 50
"""Time expressions of earlier paragraphs that relative ones may count from ("a year earlier")."""


@dataclass(frozen=True)
class Sentence:
    span: Span
    voice: str
    comment: int | None


@dataclass(frozen=True)
class Analysis:
    sentences: list[Sentence]
    mentions: list[Mention]
    clusters: list[int]
    """The document-local actor number of each mention."""
    roles: list[RoleFinding]
    timexes: list[Timex]
    events: list[EventRecord]
    quotes: list[QuoteRecord]
    claims: list[ClaimRecord]


def analyse(doc: Document, nlp) -> Analysis:
    parts = passages(doc)
    texts = [passage_text(doc, p) for p in parts]
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    roles: list[RoleFinding] = []
    timexes: list[Timex] = []
    findings: list[EventFinding] = []
    claims: list[ClaimFinding] = []
    spoken: list[tuple[int, object]] = []
    body = doc.body
    places = dateline_places(doc)
    surnames: set[str] = set()  # of the full person names met so far
    for part, text, sdoc in zip(parts, texts, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        known_text(sdoc, text)
        offset = part.span.start
        index: dict[int, int] = {}
        bounds = [(sent.start, sent.start_char, sent.end_char) for sent in sdoc.sents]
        for first, begin, end in bounds:
            said = text[begin:end]  # (sent.text, without spaCy joining its tokens again)
            if not said.strip():
                continue
            index[first] = len(sentences)
            lead = len(said) - len(said.lstrip())
            sentences.append(Sentence(Span(offset + begin + lead, offset + begin + len(said.rstrip())),
                                      part.voice, part.comment))
        for first, _, _ in bounds:  # whitespace-only sentences still own tokens
            index.setdefault(first, max(len(sentences) - 1, 0))
        found = mentions_in(sdoc, offset, index, places)
        surnames |= full_name_surnames(found)
        found += surnames_missed(sdoc, offset, index, surnames, found)
        found.sort(key=lambda m: m.span.start)
        first = len(mentions)
        mentions.extend(found)
        persons = [(first + k, m) for k, m in enumerate(found) if m.kind == "person"]
        roles.extend(roles_in(sdoc, offset, persons))
        scope = body if part.voice == "body" else part.span  # titles and comments stand alone
        mentions.extend(references_in(sdoc, offset, index, mentions, roles, scope))
        dct = doc.published if part.voice != "comment" else doc.comments[part.comment].posted or doc.published
        # the narrative's reference time is recent: a bounded tail keeps a long document linear
        context = timexes[-CONTEXT_EXPRESSIONS:] if part.voice != "comment" else ()
        timexes.extend(replace(t, span=Span(t.span.start + offset, t.span.end + offset))
                       for t in tag(text, dct, doc=sdoc, context=context, offset=offset))
        if part.voice != "comment":  # a headline says who said what too ("Poll: ...", "X says ...")
            spoken.append((offset, sdoc))
        if part.voice == "body":
            findings.extend(events_in(sdoc, offset))
            claims.extend(claims_in(sdoc, offset, [t.span for t in timexes]))
    mentions.extend(described_participants(findings, mentions, [s.span for s in sentences], doc.source.text))
    mentions, roles, _ = _reorder(mentions, roles)
    mentions = surnames_as_people(one_sense_per_discourse(mentions))
    mentions = namesakes_in_formal_style(mentions, doc.source.text)
    mentions = unlinked_group_descriptions(settle_kinds(mentions, roles))
    work = _work_text(doc.source.text, parts, texts)
    quotes = quotes_in(work, spoken)
    quote_rows = quote_records(quotes, mentions, timexes, work)
    mentions, quote_rows = speakers_as_mentions(mentions, quote_rows, work, [s.span for s in sentences])
    mentions, roles, moved = _reorder(mentions, roles)
    quote_rows = [replace(q, speaker=moved[q.speaker]) if q.speaker is not None else q for q in quote_rows]
    direct = [q for q in quote_rows if q.finding.kind == "direct"]
    voices = tuple((q.finding.content, q.speaker) for q in direct if q.speaker is not None)
    quoted = tuple((q.finding.content, said_now(work, q.finding.cue)) for q in direct)
    clusters = cluster_document(mentions, doc.source.text)
    events = records(findings, mentions, timexes, doc.published, doc.paragraphs, _dateline(doc, places),
                     tuple(s.span for s in sentences), voices, quoted, clusters)
    claim_rows = claim_records(claims, quotes, [s.span for s in sentences], timexes, work, mentions)
    return Analysis(sentences, mentions, clusters, roles, timexes, events, quote_rows, claim_rows)


def _dateline(doc: Document, places: list[Span]) -> Span | None:
    """The wire dateline opening the body, to its dash ("TELSA, January 16, 2024 —"): its date is the
    story's, never an event's own."""
    if not places:
        return None
    dash = re.compile(r"[-–—]").search(doc.source.text, places[-1].end, places[-1].end + 80)
    return Span(places[0].start, dash.end()) if dash else None


def dateline_places(doc: Document) -> list[Span]:
    """The place (and region) of the wire dateline opening the body, if it has one."""
    if not doc.paragraphs:
        return []
    first = doc.paragraphs[0]
    return places_in_dateline(Unit(first, doc.source.text[first.start : first.end]), doc.source.text)


def _work_text(source: str, parts, texts: list[str]) -> str:
    """The source text with each analysed passage as the analysis saw it (HTML markup blanked)."""
    if all(source[p.span.start : p.span.end] == t for p, t in zip(parts, texts, strict=True)):
        return source
    chars = list(source)
    for part, text in zip(parts, texts, strict=True):
        chars[part.span.start : part.span.end] = list(text)
    return "".join(chars)


def _reorder(mentions: list[Mention], roles: list[RoleFinding]
             ) -> tuple[list[Mention], list[RoleFinding], dict[int, int]]:
    """Mentions in text order, with antecedent and role indices following them; and the new index of
    each old one."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].span.start, mentions[i].span.end))
    new_index = {old: new for new, old in enumerate(order)}
    moved = []
    for old in order:
        m = mentions[old]
        if m.antecedent is not None:
            m = replace(m, antecedent=new_index[m.antecedent])
        moved.append(m)
    return moved, [RoleFinding(new_index[r.mention], r.title, r.of, r.when, r.span) for r in roles], new_index
