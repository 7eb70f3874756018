"""Vocabulary as data: the YAML files beside this module, each loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def load(name: str):
    """The parsed contents of ``data/NAME`` (read once per process)."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text("utf-8"))
