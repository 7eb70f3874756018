"""The vocabularies in src/sitroom/data read as written: YAML 1.1 turns a bare on, off, yes or no into a
boolean, so a word list holding "on" silently loses it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import sitroom

DATA = Path(sitroom.__file__).parent / "data"


def _booleans(value, path: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _booleans(item, f"{path}/{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, bool):
                yield path
            yield from _booleans(item, path)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_no_word_list_holds_a_boolean(name):
    assert list(_booleans(yaml.safe_load((DATA / name).read_text(encoding="utf-8")), name)) == []
