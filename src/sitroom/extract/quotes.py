"""Quotes: direct speech in any quotation style, indirect speech, and who said it.

Direct quotes are found by their marks (extract/quote_marks.py), across paragraphs when a quote runs
on, and attributed by the cue verb next to them ("..., he said", "X said: ..."), by a saying noun's
owner ("X's claim that “...”"), by a speaker label ("NOLAN: ...", extract/labelled.py), else by the
speaker of the quotation just before while the discourse stays with them; one an attribution
interrupts (“A,” he said. “B.”) is one quote. Quoted terms with no one's clause around them are no
quotes. Indirect speech and other attributions are in
extract/attributions.py: a cue with a clause ("X stressed that ..."), "according to X, ...", an
evaluation ("X called the report a 'fabrication'"), and the cues learned from PolNeAR train ("a poll
shows that ...", "X called for ..."); extract/quote_clauses.py puts them beside the quotations (a clause
holding a few quoted words is one quote). Speakers are resolved to actors by the mentions they overlap.
"""

from __future__ import annotations

import re

from sitroom.extract.labelled import labelled_in, line_starts
from sitroom.extract.quote_clauses import Spans, with_reported_clauses
from sitroom.extract.quote_marks import quotations
from sitroom.extract.speakers import (
    AUTHOR_VOICE,
    can_speak,
    cue_at,
    sayings,
    speaker_of,
    speech_lexicon,
    subject_of,
)
from sitroom.model.evidence import Span
from sitroom.model.quote import QuoteFinding
from sitroom.nlp.parsed import text_of

__all__ = ["QuoteFinding", "quotes_in", "quotes_in_text"]


def quotes_in_text(text: str, nlp=None) -> list[QuoteFinding]:
    """Quotes in a piece of text (one article)."""
    if nlp is None:
        from sitroom.nlp.model import load_model

        nlp = load_model()
    return quotes_in(text, [(0, nlp(text))])


def quotes_in(text: str, passages: list[tuple[int, object]]) -> list[QuoteFinding]:
    """Quotes in the parsed ``passages`` (offset, spaCy Doc) of ``text``."""
    sentences = [(offset, sent) for offset, sdoc in passages for sent in sdoc.sents]
    regions = [Span(offset, offset + len(text_of(sdoc))) for offset, sdoc in passages]
    direct = quotations(text, regions)
    labels = {label.start: (label, content, kind) for label, content, kind in labelled_in(
        text, line_starts(text, regions) + [c.start for _, c in direct], sentences)}
    found: list[QuoteFinding] = []
    last_speaker: Span | None = None
    marked = Spans()
    for k, (marks, _) in enumerate(direct):
        marked.add(marks, k)
    for marks, content in direct:
        label, said, _ = labels.pop(content.start, None) or (None, None, None)
        if label is not None:  # “NOLAN: ...”: a transcript's turn in quotation marks
            found.append(QuoteFinding("direct", Span(said.start, min(said.end, content.end)), None, label,
                                      marks))
            last_speaker = label
            continue
        cue, speaker = _attribution(text, marks, sentences, marked)
        if found and (cue is None and speaker is None or (cue is not None and cue == found[-1].cue)) \
                and _resumes(text, found[-1], marks):  # (“A,” said X, “B.”: the cue between is both's)
            first = found.pop()  # “A,” he said. “B.”: one quotation the attribution interrupts
            found.append(QuoteFinding("direct", Span(first.content.start, content.end), first.cue,
                                      first.speaker, Span(first.evidence.start, marks.end)))
            continue
        if speaker is None and cue is not None and _term(marks, sentences):
            continue  # "When asked ..., those who picked “keeps the port open”": an option, not words
        if speaker is None and cue is None:
            speaker = _embedding_subject(marks, sentences)
            if speaker is None and _term(marks, sentences):
                continue  # "who joined the “harbour guardians”": words quoted, no one's speech
            speaker = speaker or _previous_speaker(text, marks, sentences, found) or (
                last_speaker if found and _goes_on(text, found[-1], marks) else None)
        if speaker is not None:
            last_speaker = speaker
        parts = [marks] + [s for s in (cue, speaker) if s is not None]
        found.append(QuoteFinding("direct", content, cue, speaker,
                                  Span(min(p.start for p in parts), max(p.end for p in parts))))
    taken = [q.evidence for q in found]
    for label, content, kind in labels.values():  # "NOLAN: ..." outside quotation marks; "Poll: ..."
        if not any(content.overlaps(t) or label.overlaps(t) for t in taken):
            found.append(QuoteFinding(kind, content, None, label, Span(label.start, content.end)))
            taken.append(found[-1].evidence)
    return with_reported_clauses(text, found, sentences)


def _resumes(text: str, before: QuoteFinding, marks: Span) -> bool:
    """A quotation takes up the one ``before`` it when only that one's attribution and punctuation stand
    between them, in one paragraph: “A,” he said. “B.” (PolNeAR and PARC annotate one attribution)."""
    if before.kind != "direct" or before.cue is None or before.cue.start < before.content.end:
        return False
    gap = text[before.evidence.end : marks.start].rstrip(" ,.;:")  # (", a senator.": the speaker's words)
    return len(gap) <= 200 and not re.search(r"[.!?]\s|[\"“”«»\n]", gap) \
        and "\n" not in text[before.content.end : marks.start]


def _goes_on(text: str, before: QuoteFinding, marks: Span) -> bool:
    """An unattributed quotation is the last speaker's only while the discourse stays with them: the
    same or the next paragraph, a few sentences at most (a quote with no cue never reaches back 2,000
    characters for a speaker)."""
    between = text[before.evidence.end : marks.start]
    return len(re.findall(r"\n\s*", between)) <= 1 and len(between) <= 300


def _attribution(text: str, marks: Span, sentences, others: Spans | None = None
                 ) -> tuple[Span | None, Span | None]:
    """Cue and speaker of a quote: the speech verb that governs it, else one right after or before
    it in its sentence, else a dash and a name after it ("” - X"); never a verb inside another quotation
    (``others``: “If he thinks so,” the narrator says, “what does he think of you?”: the narrator)."""
    for offset, sent in sentences:
        s_start, s_end = offset + sent.start_char, offset + sent.end_char
        if not (s_start <= marks.end <= s_end or s_start <= marks.start < s_end):
            continue
        inside = [t for t in sent if marks.start < offset + t.idx < marks.end]
        if not any(not t.is_punct for t in inside) and marks.start >= offset + sent.start_char:
            continue  # (the parser ended the sentence on the opening mark: the quote is the next one's)
        quoted = [marks] + [m for m, _ in (others.overlapping(Span(s_start, s_end)) if others else ())
                            if not (m.start <= marks.start and marks.end <= m.end)]
        outside = [t for t in sent if not any(m.start <= offset + t.idx < m.end for m in quoted)]
        governing = [a for t in inside[:1] for a in t.ancestors
                     if not any(m.start <= offset + a.idx < m.end for m in quoted)]
        after = [t for t in outside if offset + t.idx >= marks.end][:8]
        after = [t for t in after if _follows(t, after, text[marks.start : marks.end])]
        before = list(reversed([t for t in outside if offset + t.idx < marks.start]))
        owned = _owned_saying(governing, offset)
        if owned is not None:
            return owned
        for tok in governing + after + before:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                source = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if source is not None:  # "According to X, “...”"
                    names = list(source.subtree)
                    return (Span(offset + tok.idx, offset + tok.doc[tok.i + 1].idx + 2),
                            Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text)))
            found = cue_at(tok, offset, text, marks)
            if found is not None:
                return found
        line = text.find("\n", marks.end)  # (the dash may open a "sentence" of its own: to the line's end)
        dash = re.match(r"\s*[-—–―]\s*([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})",
                        text[marks.end : max(s_end, line if line >= 0 else len(text))])
        if dash and dash.group(1).split()[0].lower() not in AUTHOR_VOICE:
            begin = marks.end + dash.start(1)
            return None, Span(begin, begin + len(dash.group(1)))
    for offset, sent in sentences:  # “... votes?” | Trump said, ...: the parser ended the sentence at the
        if 0 <= offset + sent.start_char - marks.end <= 3:  # quote; the cue opens the next one
            for tok in list(sent)[:4]:
                found = cue_at(tok, offset, text, marks)
                if found is not None and found[1] is not None and found[1].end <= offset + tok.idx \
                        and not _tells_its_own(tok, sent):
                    return found
    return None, None


def _follows(cue, after: list, quoted: str) -> bool:
    """A cue after a quotation reports it when only its own words stand between ("...,” he said", "...,”
    said X", "...,” the envoy often says"), and, after a quotation that ends a sentence, when it reports
    no clause of its own ("... stay.” Officials have said they have no plans": another statement)."""
    own = {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "advmod", "neg")
           for t in c.subtree}
    if any(t.i < cue.i and t.i not in own and not t.is_punct for t in after):
        return False
    ended = quoted.rstrip("\"”’'»").rstrip()[-1:] in (".", "!", "?")
    return not (ended and any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children))


def _owned_saying(governing: list, offset: int) -> tuple[Span, Span] | None:
    """ "X's claim that there have been “hundreds of floods”": the saying noun that governs the
    quotation, and its owner, who said it."""
    for noun in governing:
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in sayings():
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                words = [t for t in owner.subtree if t.dep_ != "case"]
                return (Span(offset + noun.idx, offset + noun.idx + len(noun.text)),
                        Span(offset + words[0].idx, offset + words[-1].idx + len(words[-1].text)))
        if noun.pos_ in ("VERB", "AUX") and noun.lemma_.lower() in speech_lexicon()["cues"]:
            return None  # (a verb of saying between: its cue and subject decide)
    return None


def _tells_its_own(cue, sent) -> bool:
    """ "Trump replied: “...”", "Politico reported that ...": a cue with words of its own after it (a
    clause, an object, a colon or a quotation) reports those, not the quote before it."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > cue.i for c in cue.children):
        return True
    after = [t for t in sent if t.i > cue.i][:3]
    return any(t.text in (":",) or t.text in speech_lexicon()["marks"] for t in after)


def _term(marks: Span, sentences) -> bool:
    """A quotation inside a sentence of the writer's, with no verb of its own: a term or a name the text
    quotes ("the stated reason was “the 50th jubilee of the treaty”"), not a statement."""
    for offset, sent in sentences:
        if offset + sent.start_char <= marks.start < offset + sent.end_char:
            inside = [t for t in sent if marks.start < offset + t.idx < marks.end - 1]
            before = [t for t in sent if offset + t.idx < marks.start and not t.is_punct]
            return bool(before) and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in inside)
    return False


def _embedding_subject(marks: Span, sentences) -> Span | None:
    """The speaker of a few quoted words inside someone's clause with no verb of saying ("X has gone
    after Y as a “human leech”", "X introduced the “war on drugs”"): the subject of the nearest verb
    that governs the quote, if it can speak."""
    for offset, sent in sentences:
        if not offset + sent.start_char < marks.start < offset + sent.end_char:
            continue
        inside = [t for t in sent if marks.start < offset + t.idx < marks.end]
        for verb in (a for t in inside[:1] for a in t.ancestors if a.pos_ in ("VERB", "AUX")
                     and not marks.start <= offset + a.idx < marks.end):
            subject = subject_of(verb, offset, marks)
            if subject is not None and subject.dep_ == "nsubj" and can_speak(subject) \
                    and subject.lower_ not in AUTHOR_VOICE | {"it", "there", "that", "which", "who"}:
                return speaker_of(verb, offset, marks)
            if subject is not None:
                return None
        return None
    return None


def _previous_speaker(text: str, marks: Span, sentences, found: list[QuoteFinding]) -> Span | None:
    """The speaker of a quote with no cue of its own: the speaker of a quote just before it
    (“...,” he said. “...”), else the one a speech verb just before it names."""
    recent = [q for q in found if q.speaker is not None and q.evidence.end <= marks.start
              and _goes_on(text, q, marks)]
    if recent:
        return recent[-1].speaker
    quoted = [q.evidence for q in found]
    before = [(o, s) for o, s in sentences if o + s.end_char <= marks.start][-2:]
    for offset, sent in reversed(before):
        for tok in reversed(list(sent)):
            if any(q.start <= offset + tok.idx < q.end for q in quoted):
                continue
            cue = cue_at(tok, offset, text_of(tok.doc))
            if cue is not None and cue[1] is not None:
                return Span(cue[1].start, cue[1].end)
    return None
