from sitroom.extract.claims import APPROXIMATE_SHARE
from sitroom.resolve.disagreements import ClaimRow, find, subject_key


def claim(ident, subject, value, tolerance=0.5, approximate=False, part=False, unit="km", dimension="length",
          share=None, control=False, country=None):
    if approximate:  # as the claim extractor sets it
        tolerance = abs(value) * APPROXIMATE_SHARE
    return ClaimRow(ident, subject, value, unit, dimension, value, tolerance, approximate, part, share,
                    control, country, f"{value} {unit}")


def test_word_order_of_a_border_does_not_matter():
    assert subject_key("the Norwegian-Swedish border") == subject_key("Swedish-Norwegian border")


def test_values_apart_beyond_rounding_disagree():
    (d,) = find([claim("a", "Norwegian-Swedish border", 1619.45, 0.005),
                 claim("b", "Swedish-Norwegian border", 1630)])
    assert d["claims"] == ["a", "b"] and "beyond rounding" in d["note"]


def test_rounded_and_approximate_values_agree_and_parts_are_apart():
    assert find([claim("a", "border", 1630), claim("b", "border", 1630.3, 0.05)]) == []
    assert find([claim("a", "border", 1630), claim("b", "border", 1680, approximate=True)]) == []
    assert find([claim("a", "border", 1630), claim("b", "border", 700, approximate=True, part=True)]) == []


def test_a_share_against_a_count_with_its_total():
    share = claim("p", "territory", 85, unit="%", dimension="share", control=True, country="AFG")
    count = claim("n", "districts", 215, unit="districts", dimension="count:districts", share=(215, 421),
                  control=True, country="AFG")
    (d,) = find([share, count])
    assert set(d["claims"]) == {"p", "n"} and "51%" in d["note"]


def test_one_source_stating_two_figures_is_not_a_disagreement():
    a, b = claim("doc1:c0", "voter turnout", 61.5, 0.05), claim("doc1:c1", "voter turnout", 66.2, 0.05)
    assert find([a, b]) == []
    assert len(find([a, claim("doc2:c0", "voter turnout", 66.2, 0.05)])) == 1  # another source


def test_the_same_measure_of_two_countries_is_not_a_disagreement():
    a = claim("doc1:c0", "defence budget", 40, country="RUR")
    b = claim("doc2:c0", "defence budget", 45, country="FRE")
    assert find([a, b]) == []


def test_poll_shares_are_compared_only_when_both_are_dated():
    def poll(ident, value, when=None):
        return ClaimRow(ident, "support for Halvorsen", value, "%", "share", value, 0.5, False, False, None,
                        False, None, f"{value} percent", when)
    assert find([poll("doc1:c0", 46), poll("doc2:c0", 40)]) == []  # two polls, dates unknown
    assert find([poll("doc1:c0", 46, "2024-03"), poll("doc2:c0", 40, "2024-05")]) == []
    assert len(find([poll("doc1:c0", 46, "2024-03"), poll("doc2:c0", 40, "2024-03")])) == 1


def test_a_one_word_subject_of_no_country_names_nothing_comparable():
    assert find([claim("doc1:c0", "revenue", 557), claim("doc2:c0", "revenue", 191)]) == []


def test_vague_sums_counts_of_no_entity_and_an_articles_own_comparisons_are_no_disagreements():
    def row(ident, subject, value, dimension, source=None, country=None, when="2024-03"):
        return ClaimRow(ident, subject, value, "x", dimension, value, 0.5, False, False, None, False, country,
                        f"{value}", when, source)
    # "amount raised" with its doer unknown names nothing comparable
    assert find([row("d1:c0", "amount raised", 21e6, "money_USD"), row("d2:c0", "amount raised", 15e6,
                                                                        "money_USD")]) == []
    # two counts of harbours with no country or actor named: maybe two sets
    assert find([row("d1:c0", "harbours holding votes", 11, "count:harbours"),
                 row("d2:c0", "harbours holding votes", 16, "count:harbours")]) == []
    assert len(find([row("d1:c0", "harbours holding votes", 11, "count:harbours", country="MAR"),
                     row("d2:c0", "harbours holding votes", 16, "count:harbours", country="MAR")])) == 1
    # the article's own "70 percent, up from 60 percent" beside a quote: a comparison
    assert find([row("d1:c0", "share of farmers selling", 70, "share"),
                 row("d1:c1", "share of farmers selling", 60, "share", source=2)]) == []
