"""Vocabulary as data: the YAML files beside this module, each loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (a tenth of the pure-Python one's time: each
worker process reads every file), else the pure-Python one; both give the same data."""


@cache
def load(name: str):
    """The parsed contents of ``data/NAME`` (read once per process)."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text("utf-8"), Loader=_LOADER)
