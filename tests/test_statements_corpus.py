"""Quotes, claims and disagreements of the sample corpus, as a reader finds them."""

import pytest

from .conftest import by_name


def _speaker_name(export, quote):
    actors = {a["id"]: a["name"] for a in export["actors"]}
    return actors.get(quote["speaker"])


def _quote(export, words):
    found = [q for q in export["quotes"] if words in q["text"]]
    assert found, words
    return found[0]


@pytest.mark.parametrize(("words", "speaker"), [
    ("We perceive today's Taliban", "Zamir Kabulov"),
    ("We do not want the Afghan militants", "Vladimir Putin"),
    ("For this reason, the Taliban say what they want", "Andrei Serenko"),
    ("But I think you can’t trust these statements", "Andrei Serenko"),
    ("Everyone here is cursing the MID", "Oleg Kashin"),
    ("outright lies", "Zamir Kabulov"),
    ("hardly be appropriate", "Dmitry Peskov"),
    ("to strengthen their position for that moment", "Rustam Burnashev"),
    ("blockbuster", "Maria Zakharova"),
    ("The Russian side expressed concern", "Russian Foreign Ministry"),  # "...,” reads the communique of
    ("will deal with any future Afghan government", "Vladimir Dzhabarov"),  # a quote inside his clause
    ("It's hard and they are on duty around the clock", "Anatoly Sidorov"),  # the head of X, Name, noted
    ("brothel", "Hamdullah Mohib"),  # "Mohib knows ... after he ... called it a “brothel.”"
])
def test_quotes_have_the_right_speaker(corpus_export, words, speaker):
    assert _speaker_name(corpus_export, _quote(corpus_export, words)) == speaker


def test_names_and_terms_in_quotation_marks_are_not_quotes(corpus_export):
    said = {q["text"].strip(" .,") for q in corpus_export["quotes"]}
    for name in ("Katiba Imam al-Bukhari", "Commander of the Faithful", "forces of public uprising",
                 "100th anniversary of diplomatic relations between Russia and Afghanistan"):
        assert not [s for s in said if name in s and len(s) < len(name) + 10], name


def test_a_quotation_interrupted_by_its_cue_is_one_quote(corpus_export):
    quote = _quote(corpus_export, "We tell them frankly")  # over three paragraphs, then "- I am citing"
    assert quote["text"].startswith("It's another matter") and "I am citing" not in quote["text"]
    assert _speaker_name(corpus_export, quote) == "Zamir Kabulov"


def test_pronoun_introduced_quotes_resolve(corpus_export):
    quote = _quote(corpus_export, "hardly be appropriate")
    assert quote["speaker_text"] == "he"
    assert quote["text"].startswith("Commenting on any")  # his whole clause, partly in quotation marks


def _claim(export, text):
    found = [c for c in export["claims"] if c["evidence"]["text"] == text]
    assert found, text
    return found[0]


def test_figures_a_reader_would_note(corpus_export):
    assert (_claim(corpus_export, "$1,4 billion")["value"], _claim(corpus_export, "$1,4 billion")["unit"]) \
        == (1.4e9, "USD")
    reservists = _claim(corpus_export, "20 thousand")
    assert (reservists["value"], reservists["unit"]) == (20000, "reservists")
    border = _claim(corpus_export, "1344.15 km")
    assert border["unit"] == "km" and "border" in border["subject"]
    controlled = _claim(corpus_export, "about 910 km")
    assert controlled["approximate"] and controlled["value"] == 910


@pytest.mark.parametrize(("text", "subject"), [
    ("7,598", "Kazakhstan"),  # the length set beside the map of the country: the country's extent
    ("$1,4 billion", "turnover (Iran)"),
    ("$1,2 billion", "turnover (China and Pakistan)"),  # "($1,2 billion each)" in the same list
    ("$289 million", "turnover (Russia)"),  # "Russia with its $289 million", the next sentence
    ("4,053 km", "distance between Russia and Taliban"),  # "... as only 4,053 km separates them"
    ("11", "more militants killed in the neighboring province of Sari-Pul"),  # where, opening the sentence
    ("130", "different facilities built in Afghanistan"),
    ("2 km", "distance from border"),
])
def test_every_claim_names_what_it_measures(corpus_export, text, subject):
    assert _claim(corpus_export, text)["subject"] == subject


def test_no_claim_subject_is_empty_or_a_function_word(corpus_export):
    assert all(c["subject"] and c["subject"].lower() not in ("which", "only", "it", "map")
               for c in corpus_export["claims"])


def test_the_sources_differ_on_the_border(corpus_export):
    doc_a = by_name(corpus_export, "000_0a2e121bb2eab9c8.txt")["id"]
    doc_b = by_name(corpus_export, "001_abb946adf4301d00.txt")["id"]
    claims = {c["id"]: c for c in corpus_export["claims"]}
    border = [d for d in corpus_export["disagreements"] if "border" in d["topic"]]
    assert border
    sides = {claims[c]["evidence"]["document"] for c in border[0]["claims"]}
    assert sides == {doc_a, doc_b}
    values = sorted(claims[c]["value"] for c in border[0]["claims"])
    assert values == [1344.15, 1357]
