"""TimeML (.tml) text with its inline tags removed, and where each tagged element sits in it."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def flatten(body: ET.Element) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The text of ``body`` (e.g. <TEXT>) without tags, entities unescaped by the parser, and
    ``(start, end, element)`` for every element inside it, by character offsets into that text."""
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    pos = 0

    def walk(elem: ET.Element) -> None:
        nonlocal pos
        if elem.text:
            parts.append(elem.text)
            pos += len(elem.text)
        for child in elem:
            start = pos
            walk(child)
            spans.append((start, pos, child))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(body)
    return "".join(parts), spans
