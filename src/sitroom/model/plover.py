"""Facts of the PLOVER event ontology that extraction and resolution share."""

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
"""Types whose parties act together: a "with" object is a party, not a target."""
