import pytest

from sitroom.data.names import (
    fold,
    initials,
    is_acronym,
    movement_names,
    name_tokens,
    org_key,
    same_name_word,
)


@pytest.mark.parametrize(("a", "b"), [
    ("Mohammad", "Mohamad"), ("Abbas", "Abbass"), ("Rahmon", "Rakhman"), ("Massoud", "Masud"),
    ("Sergei", "Sergey"), ("Aleksei", "Alexei"), ("Kabulov", "Kabulov"),
])
def test_spelling_variants_meet(a, b):
    assert same_name_word(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Mohammad", "Mahmoud"), ("Putin", "Peskov"), ("Baradar", "Birobar"), ("Vladimir", "Valentina"),
])
def test_different_names_stay_apart(a, b):
    assert not same_name_word(a, b)


def test_name_tokens_drop_honorifics_and_possessives():
    assert name_tokens("Mullah Abdul Ghani Baradar's") == ["Abdul", "Ghani", "Baradar"]
    assert name_tokens("Mr. John Smith") == ["John", "Smith"]


def test_fold_is_ascii_lower_without_doubles():
    assert fold("Émile Zöllner") == "emilezolner"


def test_acronyms():
    assert initials("Collective Security Treaty Organization") == "CSTO"
    assert initials("Foundation for Defense of Democracies") == "FDD"
    assert is_acronym("CSTO") and is_acronym("U.S.") and not is_acronym("Taliban")
    assert org_key("the Taliban's") == "taliban"


def test_a_movement_is_known_by_its_proper_name_not_by_its_cause():
    assert movement_names("islamist osterland front movement") == {"islamist osterland front",
                                                                   "osterland front"}
    for common in ("labor movement", "opposition movement", "armed group", "rebel group", "women movement"):
        assert movement_names(common) == set(), common
