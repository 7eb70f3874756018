"""Facts of the PLOVER event ontology that extraction and resolution share."""

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
"""PLOVER's sixteen event types, the ones sitroom codes events with."""

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
"""Types whose parties act together: a "with" object is a party, not a target."""
