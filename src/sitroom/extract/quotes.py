"""Quotes: direct speech in any quotation style, indirect speech, and who said it.

Direct quotes are found by their marks (“ ” « » „ “ ‘ ’ " "), across paragraphs when a quote runs
on, and attributed by the cue verb next to them ("..., he said", "X said: ..."), else by the last
speaker in the sentences before. Indirect speech is a cue verb with a clause ("X stressed that
..."), "according to X, ...", or an evaluation ("X called the article a 'blockbuster'", "X
dismissed the report as ..."). Speakers are resolved to actors by the mentions they overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.data import load as load_data
from sitroom.model.evidence import Span

_AUTHOR_VOICE = {"i", "we", "me", "us"}
MAX_QUOTE_CHARS = 4000
RUN_ON_PARAGRAPHS = 4


@dataclass(frozen=True)
class QuoteFinding:
    kind: str
    """``direct`` or ``indirect``."""
    content: Span
    """What was said, without quotation marks (offsets into the text)."""
    cue: Span | None
    """The verb or phrase that reports it: "said", "according to"."""
    speaker: Span | None
    """The words that name the speaker as written: "he", "the envoy", "Okafor"."""
    evidence: Span
    """Quote, cue and speaker together."""


@cache
def _lexicon() -> dict:
    return load_data("speech.yaml")


def quotes_in_text(text: str, nlp=None) -> list[QuoteFinding]:
    """Quotes in a piece of text (one article)."""
    if nlp is None:
        from sitroom.nlp.model import load_model

        nlp = load_model()
    return quotes_in(text, [(0, nlp(text))])


def quotes_in(text: str, passages: list[tuple[int, object]]) -> list[QuoteFinding]:
    """Quotes in the parsed ``passages`` (offset, spaCy Doc) of ``text``."""
    sentences = [(offset, sent) for offset, sdoc in passages for sent in sdoc.sents]
    regions = [Span(offset, offset + len(sdoc.text)) for offset, sdoc in passages]
    direct = _direct(text, regions)
    found: list[QuoteFinding] = []
    last_speaker: Span | None = None
    for marks, content in direct:
        cue, speaker = _attribution(text, marks, sentences)
        if speaker is None and cue is None:
            speaker = _previous_speaker(marks, sentences, found) or last_speaker
        if speaker is not None:
            last_speaker = speaker
        parts = [marks] + [s for s in (cue, speaker) if s is not None]
        found.append(QuoteFinding("direct", content, cue, speaker,
                                  Span(min(p.start for p in parts), max(p.end for p in parts))))
    taken = [q.evidence for q in found]
    for offset, sent in sentences:
        for finding in _indirect(offset, sent):
            if not any(finding.content.overlaps(t) for t in taken):
                found.append(finding)
                taken.append(finding.content)
    return sorted(found, key=lambda q: q.content.start)


def _direct(text: str, regions: list[Span]) -> list[tuple[Span, Span]]:
    """``(marks, content)`` of every quotation of at least a few words inside ``regions``."""
    marks = _lexicon()["marks"]
    out = []
    for region in regions:
        i = region.start
        while i < region.end:
            ch = text[i]
            if ch in marks and (ch != "”" or _opens(text, i)) and (ch not in "'\"" or _opens(text, i)):
                close = _closing(text, i, marks[ch], regions)
                if close is not None:
                    content = _strip(text, Span(i + 1, close))
                    words = len(text[content.start : content.end].split())
                    if words >= _lexicon()["MIN_DIRECT_WORDS"] or _evaluated(text, i):
                        out.append((Span(i, close + 1), content))
                    i = close + 1
                    continue
            i += 1
    return out


def _opens(text: str, i: int) -> bool:
    """A straight or doubled quote opens where a word starts after it and none ends before it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _closing(text: str, start: int, mark: str, regions: list[Span]) -> int | None:
    """Where a quotation closes; a quote left open runs on over the next paragraphs to its mark."""
    limit = min(len(text), start + MAX_QUOTE_CHARS)
    at = text.find(mark, start + 1, limit)
    paragraph_end = text.find("\n", start + 1, limit)
    if at >= 0 and (paragraph_end < 0 or at < paragraph_end):
        return at
    if at >= 0 and text.count("\n\n", start, at) <= RUN_ON_PARAGRAPHS and not any(
            m in text[start + 1 : at] for m in "“«„"):
        return at  # a quote that runs over paragraphs without reopening
    if paragraph_end < 0:
        return None
    region = next((r for r in regions if r.start <= start < r.end), None)
    end = min(paragraph_end, region.end) if region else paragraph_end
    return end if end - start > 20 else None


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(start, end)


def _evaluated(text: str, i: int) -> bool:
    """ "called the NYT article a 'blockbuster'": a short quote after an evaluation is a quote."""
    before = text[max(0, i - 80) : i].lower()
    if re.search(r"so-called\s*$", before):
        return False
    return bool(re.search(r"\b(?:call(?:ed|s)?|dismiss(?:ed|es)?|describ(?:ed|es)|brand(?:ed|s)?|"
                          r"label(?:l?ed|s)?|term(?:ed|s)?)\b[^.!?]*$", before))


def _attribution(text: str, marks: Span, sentences) -> tuple[Span | None, Span | None]:
    """Cue and speaker of a quote: the speech verb that governs it, else one right after or before
    it in its sentence, else a dash and a name after it ("” - X")."""
    for offset, sent in sentences:
        s_start, s_end = offset + sent.start_char, offset + sent.end_char
        if not (s_start <= marks.end <= s_end or s_start <= marks.start < s_end):
            continue
        inside = [t for t in sent if marks.start < offset + t.idx < marks.end]
        outside = [t for t in sent if not (marks.start <= offset + t.idx < marks.end)]
        governing = [a for t in inside[:1] for a in t.ancestors
                     if not (marks.start <= offset + a.idx < marks.end)]
        after = [t for t in outside if offset + t.idx >= marks.end][:8]
        before = list(reversed([t for t in outside if offset + t.idx < marks.start]))
        for tok in governing + after + before:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                source = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if source is not None:  # "According to X, “...”"
                    names = list(source.subtree)
                    return (Span(offset + tok.idx, offset + tok.doc[tok.i + 1].idx + 2),
                            Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text)))
            found = _cue(tok, offset, text, marks)
            if found is not None:
                return found
        line = text.find("\n", marks.end)  # (the dash may open a "sentence" of its own: to the line's end)
        dash = re.match(r"\s*[-—–―]\s*([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})",
                        text[marks.end : max(s_end, line if line >= 0 else len(text))])
        if dash and dash.group(1).split()[0].lower() not in _AUTHOR_VOICE:
            begin = marks.end + dash.start(1)
            return None, Span(begin, begin + len(dash.group(1)))
    for offset, sent in sentences:  # “... votes?” | Trump said, ...: the parser ended the sentence at the
        if 0 <= offset + sent.start_char - marks.end <= 3:  # quote; the cue opens the next one
            for tok in list(sent)[:4]:
                found = _cue(tok, offset, text, marks)
                if found is not None and found[1] is not None and found[1].end <= offset + tok.idx:
                    return found
    return None, None


def _cue(tok, offset: int, text: str, marks: Span | None = None) -> tuple[Span, Span | None] | None:
    """``(cue, speaker)`` if ``tok`` reports speech by someone who can speak."""
    if tok.lemma_.lower() not in _lexicon()["cues"] or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return None  # "the leader, called the Commander of the Faithful": a name, not speech
    if "so" in (t.lower_ for t in tok.doc[max(tok.i - 2, 0) : tok.i]):
        return None  # "so-called"
    if tok.lemma_.lower() in _lexicon()["evaluative"] and marks is not None and not any(
            c.dep_ == "dobj" and not marks.start <= offset + c.idx < marks.end for c in tok.children):
        return None  # "the leader, called the 'Commander of the Faithful'": naming, not an evaluation
    speaker = _speaker(tok, offset, marks)
    if speaker is not None:
        words = text[speaker.start : speaker.end]
        subject = _subject_of(tok, offset, marks)
        if words.lower() in _AUTHOR_VOICE or (subject is not None and not _can_speak(subject)):
            return None
    return Span(offset + tok.idx, offset + tok.idx + len(tok.text)), speaker


def _can_speak(tok) -> bool:
    from sitroom.extract.event_lexicon import lexicon as event_lexicon

    return bool(tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) or tok.pos_ in ("PRON", "PROPN") or \
        tok.lemma_.lower() in event_lexicon().actor_nouns or tok.lower_ in event_lexicon().actor_nouns


def _subject_of(cue, offset: int, marks: Span | None):
    """The speech verb's subject, never a word inside the quotation marks (the parser may make one its
    subject: "“... panic mode,” said X")."""
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")
                 and not (marks is not None and marks.start <= offset + c.idx < marks.end)), None)


def _speaker(cue, offset: int, marks: Span | None = None) -> Span | None:
    """The one the speech verb ``cue`` names as speaking; never words of the quote itself ("“... panic
    mode,” said X": X, not "mode")."""
    subject = _subject_of(cue, offset, marks)
    if subject is None and cue.dep_ in ("conj", "xcomp"):
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("that", "which", "who", "it", "there"):
        return None
    named = next((t for t in subject.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"), None)
    if named is not None:  # "Norway's envoy, Lars Holm, said": the person named
        names = [t for t in named.subtree if t.ent_type_ == "PERSON"] or [named]
        return Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text))
    tokens = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl", "punct")
              and not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a.i > subject.i)]
    tokens = [t for t in tokens if t.i <= subject.i or t.dep_ in ("compound", "flat")] or [subject]
    first, last = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return Span(offset + first, offset + last)


def _previous_speaker(marks: Span, sentences, found: list[QuoteFinding]) -> Span | None:
    """The speaker of a quote with no cue of its own: the speaker of a quote just before it
    (“...,” he said. “...”), else the one a speech verb just before it names."""
    recent = [q for q in found if q.speaker is not None and 0 <= marks.start - q.evidence.end < 300]
    if recent:
        return recent[-1].speaker
    quoted = [q.evidence for q in found]
    before = [(o, s) for o, s in sentences if o + s.end_char <= marks.start][-2:]
    for offset, sent in reversed(before):
        for tok in reversed(list(sent)):
            if any(q.start <= offset + tok.idx < q.end for q in quoted):
                continue
            cue = _cue(tok, offset, tok.doc.text)
            if cue is not None and cue[1] is not None:
                return Span(cue[1].start, cue[1].end)
    return None


def _indirect(offset: int, sent) -> list[QuoteFinding]:
    lex = _lexicon()
    cues, evaluative = set(lex["cues"]), set(lex["evaluative"])
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in cues and not (tok.tag_ == "VBN" and tok.dep_ == "acl"):
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if clause is None and lemma in evaluative:
                clause = _evaluation(tok)
            if clause is None:
                continue
            tokens = list(clause.subtree) if not isinstance(clause, list) else clause
            tokens = [t for t in tokens if t.lower_ != "that" or t.i != tokens[0].i]
            if len(tokens) < 3:
                continue
            content = Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))
            speaker = _speaker(tok, offset)
            cue = Span(offset + tok.idx, offset + tok.idx + len(tok.text))
            parts = [content, cue] + ([speaker] if speaker else [])
            out.append(QuoteFinding("indirect", content, cue, speaker,
                                    Span(min(p.start for p in parts), max(p.end for p in parts))))
        elif tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            out.extend(_according(offset, sent, tok))
    return out


def _evaluation(verb) -> list | None:
    """ "called the article a blockbuster", "dismissed the report as lies": object and verdict."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    verdict = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")
                    or (c.dep_ == "prep" and c.lower_ == "as")), None)
    if obj is None or verdict is None:
        return None
    tokens = sorted(list(obj.subtree) + list(verdict.subtree), key=lambda t: t.i)
    return tokens


def _according(offset: int, sent, tok) -> list[QuoteFinding]:
    """ "According to X, ...": X is the speaker, the rest of the sentence is what X says."""
    to = sent.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    phrase_end = max(t.i for t in source.subtree) + 1
    rest = [t for t in sent if (t.i < tok.i or t.i >= phrase_end) and not t.is_punct]
    if len(rest) < 3:
        return []
    content = Span(offset + rest[0].idx, offset + rest[-1].idx + len(rest[-1].text))
    names = list(source.subtree)
    speaker = Span(offset + names[0].idx, offset + names[-1].idx + len(names[-1].text))
    cue = Span(offset + tok.idx, offset + to.idx + len(to.text))
    return [QuoteFinding("indirect", content, cue, speaker,
                         Span(min(content.start, cue.start), max(content.end, speaker.end)))]
