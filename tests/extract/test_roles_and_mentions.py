"""Mentions, roles and references on sentences written for the tests, with the real spaCy model."""

import pytest

from sitroom.clean.document import clean
from sitroom.extract.analysis import analyse
from sitroom.model.document import SourceText
from sitroom.nlp.model import load_model

from .written import analysed

TEXT = """\
Border Talks In The Capital

Russian Foreign Ministry spokeswoman Maria Petrova said on Monday that the talks had gone well.

John Harrington, director of the regional department of the Norwegian Foreign Ministry, met \
the delegation. He said the meeting was useful.

From 2004 to 2009, Harrington was the ambassador of Norway to Sweden.

The Taliban fighters withdrew from the valley, and the United States welcomed the move.
"""


@pytest.fixture(scope="module")
def analysis():
    doc = clean(SourceText(id="r", source="r.txt", origin="r.txt", format="text", text=TEXT,
                           content_hash="h", encoding="utf-8"))
    return analyse(doc, load_model())


def _cluster_texts(analysis, text):
    (index,) = [i for i, m in enumerate(analysis.mentions) if m.text == text][:1]
    cluster = analysis.clusters[index]
    return {m.text for m, c in zip(analysis.mentions, analysis.clusters, strict=True) if c == cluster}


def test_mentions_have_exact_offsets(analysis):
    for mention in analysis.mentions:
        assert TEXT[mention.span.start : mention.span.end] == mention.text


def test_roles_before_after_and_with_dates(analysis):
    roles = {(analysis.mentions[r.mention].text, r.title, r.of, r.when) for r in analysis.roles}
    spokeswoman = ("Russian Foreign Ministry spokeswoman", "Russian Foreign Ministry", None)
    assert ("Maria Petrova", *spokeswoman) in roles
    titles = {title: (of, when) for _, title, of, when in roles}
    director = "director of the regional department of the Norwegian Foreign Ministry"
    assert titles[director][0] == "Norwegian Foreign Ministry"
    assert any(when == ("2004", "2009") for of, when in titles.values())
    for r in analysis.roles:
        assert TEXT[r.span.start : r.span.end].count(analysis.mentions[r.mention].text) == 1


def test_surname_and_pronoun_join_the_full_name(analysis):
    assert _cluster_texts(analysis, "John Harrington") >= {"John Harrington", "Harrington", "He"}


def test_kinds(analysis):
    kinds = {m.text: m.kind for m in analysis.mentions}
    assert kinds["United States"] == "state"
    assert kinds["Maria Petrova"] == "person"
    assert any(m.armed for m in analysis.mentions if m.text == "Taliban")


def test_a_headline_verb_ends_a_name():
    from sitroom.extract.name_spans import trimmed_person

    nlp = load_model()
    for headline, names in [("Maria Lopez Urges Calm In Texas", ["Maria Lopez"]),
                            ("Maria Lopez Slams John Smith", ["Maria Lopez", "John Smith"]),
                            ("John Paul Jones arrived.", ["John Paul Jones"])]:
        found = [s.text for e in nlp(headline).ents if e.label_ == "PERSON" for s in trimmed_person(e)]
        assert found == names, headline


def test_case_names_buildings_and_a_described_head_are_no_named_actors():
    text = ("Court Rulings Revisited\n\nBy Lena Hart\n\nIn Ostrom Stores v. Lund, the Supreme Court denied "
            "class status to the workers. Karl Ostrom received the delegation at Ostrom Tower on Monday. "
            "Many diehard Halvorsen supporters who came to the capital to protest the convention stayed "
            "home.\n\nMore text follows here.\n")
    found = analysed(text)
    kinds = {m.text: m.kind for m in found.mentions}
    assert not [t for t in kinds if "v. Lund" in t or t == "Ostrom Stores"]  # a court case's name
    assert kinds.get("Ostrom Tower") == "location"  # a building named after someone
    protest = [e for e in found.events if e.type == "PROTEST"]
    assert protest and [found.mentions[i].text for i in protest[0].sources] == [
        "diehard Halvorsen supporters"]  # the supporters, not the person they support


def test_a_hashtag_is_no_one():
    text = ("Tweets\n\nBy Lena Hart\n\nKarl Ostrom spoke on Monday. “The plan is a disgrace and everyone "
            "knows it. #Justdoit,” he wrote.\n\nMore text follows here.\n")
    found = analysed(text)
    assert "Justdoit" not in {m.text for m in found.mentions}
