"""Actors of the sample corpus, as a reader checking `sitroom actors` expects them."""

from .conftest import by_name


def _actor(export, name):
    found = [a for a in export["actors"] if name in a["aliases"]]
    assert len(found) == 1, f"{name}: {[a['id'] for a in found]}"
    return found[0]


def test_each_person_once_with_the_outlets_spellings(corpus_export):
    assert {"Emomali Rahmon", "Emoman Rakhman"} <= set(_actor(corpus_export, "Emomali Rahmon")["aliases"])
    baradar = _actor(corpus_export, "Mullah Abdul Ghani Baradar")
    assert "Mullah Abdul Ghani Birobar" in baradar["aliases"]
    kabulov = _actor(corpus_export, "Zamir Kabulov")
    assert len(kabulov["documents"]) == 3 and "Kabulov" in kabulov["aliases"]
    lavrov = _actor(corpus_export, "Sergei Lavrov")
    assert "Lavrov" in lavrov["aliases"] and len(lavrov["documents"]) == 3
    putin = _actor(corpus_export, "Vladimir Putin")
    assert "Vladimir Vladimirovich Putin" in putin["aliases"]
    stanikzai = _actor(corpus_export, "Sher Mohamad Abbass Stanikzai")
    assert stanikzai["kind"] == "person"


def test_distinct_people_are_never_merged(corpus_export):
    people = [a for a in corpus_export["actors"] if a["kind"] == "person"]
    for name in ("Vladimir Putin", "Vladimir Dzhabarov", "Abdul Salam Hanafi", "Dmitry Peskov",
                 "Nikolai Patrushev", "Hamdullah Mohib", "Maria Zakharova", "Rex Tillerson"):
        holders = [a for a in people if name in a["aliases"]]
        assert len(holders) == 1
        others = set(holders[0]["aliases"]) - {name}
        assert not any(o.split()[-1] != name.split()[-1] and len(o.split()) > 1 for o in others), others


def test_roles_as_the_texts_state_them(corpus_export):
    roles = {r["title"]: r for r in _actor(corpus_export, "Zamir Kabulov")["roles"]}
    assert "director of the second department of Asia of the Russian Foreign Ministry" in roles
    ambassador = next(r for t, r in roles.items() if t.startswith("Ambassador Extraordinary"))
    assert ambassador["when"] == {"start": "2004", "end": "2009", "basis": "explicit"}
    zakharova = _actor(corpus_export, "Maria Zakharova")["roles"][0]
    assert zakharova["title"] == "Russian Foreign Ministry spokeswoman"
    assert zakharova["of"] == "Russian Foreign Ministry"
    assert _actor(corpus_export, "Emomali Rahmon")["country"] == "TJK"


def test_states_organisations_and_the_taliban(corpus_export):
    assert _actor(corpus_export, "Russia")["kind"] == "state"
    assert _actor(corpus_export, "Russia")["country"] == "RUS"
    assert _actor(corpus_export, "Tajikistan")["kind"] == "state"
    assert _actor(corpus_export, "Taliban")["kind"] == "armed_group"
    assert _actor(corpus_export, "NATO")["kind"] == "organization"
    csto = _actor(corpus_export, "Collective Security Treaty Organization")
    assert "CSTO" in csto["aliases"] and csto["kind"] == "organization"


def test_mentions_carry_evidence_in_their_documents(corpus_export):
    doc = by_name(corpus_export, "003_bfe7fb752f71b55f.txt")
    kabulov = _actor(corpus_export, "Zamir Kabulov")
    assert doc["id"] in kabulov["documents"]
    assert any(m["document"] == doc["id"] and m["text"] == "Zamir Kabulov" for m in kabulov["mentions"])


def test_peoples_are_not_states_and_one_group_has_one_record(corpus_export):
    for people in ("Tajiks", "Uzbeks", "Afghans"):
        (actor,) = [a for a in corpus_export["actors"] if people in a["aliases"]]
        assert actor["kind"] == "other"
    (group,) = [a for a in corpus_export["actors"] if "ISIS" in a["aliases"]]
    assert group["kind"] == "armed_group" and "Islamic State" in group["aliases"]
    assert "Mohib" in _actor(corpus_export, "Hamdullah Mohib")["aliases"]


def test_no_language_ism_or_title_is_an_actor(corpus_export):
    names = {n for a in corpus_export["actors"] for n in a["aliases"]}
    assert not {n for n in names if " " not in n and n.lower().endswith(("ism", "isms", "ization"))}
    assert not names & {"Pashto", "Dari", "Russian", "English", "National Security Advisor", "Islamist"}
    assert not [n for n in names if n.endswith("*")]  # footnote marks are not part of a name


def test_places_the_text_places_are_locations(corpus_export):
    for place in ("Herat", "Jowzjan"):  # "on the streets of Herat", "Jowzjan province"
        (actor,) = [a for a in corpus_export["actors"] if place in a["aliases"]]
        assert actor["kind"] == "location"
