"""Boilerplate rules from ``data/boilerplate.yaml``: which paragraphs are page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.clean.lines import bare, ends_sentence, words
from sitroom.data import load as load_data

# What a caption's subject never holds: a finite verb before ours, a clause opener, a past form.
_NOT_A_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|to|"
    r"not|if|when|why|how|what|which|who|that|and if|\w+ed|\w+n[’']t|(?!including)\w+ing)\b"
    r"|^(?:And|But|Or|So|As|While|After|Although|Though|Let's|Let’s|In|On|At|For|With|When|If|"
    r"Since|Because|Before|During|Despite|Once|Until)\b",
    re.I)
# Reported speech is article text, whatever it quotes ("'Follow us,' she said").
_REPORTED = re.compile(r"\b(?:said|says|told|asked|added|according to)\b")
_NEVER_REPORTED = frozenset({"prompt", "chrome", "widget", "caption"})
# Captions show, they do not report: no past tense of reporting, no statistics.
_NOT_A_CAPTION = re.compile(r"\b(?:said|says|told|was|were|had|percent|per cent)\b|%")
MAX_WORDS = 60
"""Longer paragraphs are running text whatever words they contain."""


@dataclass(frozen=True)
class Rules:
    kinds: tuple[tuple[str, re.Pattern], ...]
    end_markers: frozenset[str]
    caption: re.Pattern

    def kind_of(self, text: str) -> str | None:
        """The boilerplate kind of one paragraph, or None for article text."""
        text = bare(text)
        if not text or words(text) > MAX_WORDS:
            return None
        reported = bool(_REPORTED.search(text))
        for kind, pattern in self.kinds:
            if pattern.search(text) and not (reported and kind in _NEVER_REPORTED):
                return kind
        if not reported and self.is_caption(text):
            return "caption"
        return None

    def is_caption(self, text: str) -> bool:
        if words(text) > 30 or not ends_sentence(text) or any(q in text for q in "\"“”«»"):
            return False
        if _NOT_A_CAPTION.search(text):
            return False
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip())
        if len(sentences) != 1 or text.rstrip().endswith("?"):
            return False
        match = self.caption.search(text)
        if not match or _NOT_A_SUBJECT.search(match.group("subject")):
            return False
        subject, verb = match.group("subject"), text[match.end("subject"):].split()[0]
        if re.search(r"[’']s(?:\s+\w+)?$", subject):
            return False  # "Ostrom's surprise visit to ...": a noun after an owner, no verb
        return verb.lower().endswith("s") or _plural(subject)  # "Delegates visit", not "Ostrom visit"


@cache
def load() -> Rules:
    data = load_data("boilerplate.yaml")
    kinds = tuple(
        (kind, re.compile(pattern, re.I))
        for kind, patterns in data["kinds"].items()
        for pattern in patterns
    )
    verbs = "|".join(_present_tense(v.strip()) for v in data["caption_verbs"].split(","))
    followers = "|".join(re.escape(w) for w in data["caption_followers"].split())
    # Subject (a capitalised noun phrase, commas allowed), then a present-tense verb, then a
    # preposition or article: "Delegates attend a ...", "Veterans, including ..., march during ...".
    caption = re.compile(r"^(?P<subject>[A-Z][^.!?;:]{2,200}?)\s(?:" + verbs + r")\s(?:" + followers
                         + r")\b")
    return Rules(kinds, frozenset(data["end_markers"]), caption)


_PLURAL_WITHOUT_S = frozenset({"police", "people", "children", "men", "women", "troops", "staff", "youth",
                               "clergy", "crew", "military", "public"})


def _plural(subject: str) -> bool:
    """A subject a plural verb agrees with: "Delegates", "X and Y", "Police", "Men, including ..."."""
    head = re.split(r"[,(]", subject)[0].split() or subject.split()
    last = head[-1].lower()
    return " and " in subject or " & " in subject or last.endswith("s") or last in _PLURAL_WITHOUT_S


def _present_tense(phrase: str) -> str:
    """``take part`` -> a pattern for "take part" and "takes part"."""
    head, _, rest = phrase.partition(" ")
    ending = "(?:es)?" if head.endswith(("ch", "sh", "ss")) else "s?"
    return re.escape(head) + ending + (r"\s+" + re.escape(rest) if rest else "")
