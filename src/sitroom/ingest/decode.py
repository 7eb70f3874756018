"""Bytes to Unicode: byte-order marks, declared charsets, detection, and refusing binaries."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from sitroom.errors import BinaryInput, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_WESTERN_EXTRA = set("€‘’“”–—…«»°£§©®·•")


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)``; the BOM is dropped, line endings are kept as they are.

    Raises EmptyInput for nothing but whitespace and BinaryInput for bytes that are not text.
    """
    if not data.strip():
        raise EmptyInput("empty file (nothing but whitespace)")
    text, encoding = _decode(data, html)
    if not text.strip():
        raise EmptyInput("empty file (nothing but whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInput(f"binary content ({controls} control characters), not a text file")
    return text, encoding


def _decode(data: bytes, html: bool) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise BinaryInput(f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    if html:
        declared = _HTML_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                return data.decode(name), codecs.lookup(name).name
            except (LookupError, UnicodeDecodeError):
                pass
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BinaryInput("binary content: no text encoding fits these bytes")
    return str(best), best.encoding


def _western(data: bytes) -> str | None:
    """Windows-1252 / Latin-1 text, the commonest legacy encoding, which detectors often misname.

    Accepted when the bytes decode and read as Western text: the non-ASCII characters are
    accented Latin letters or typographic punctuation, and a minority of the letters (Cyrillic
    in windows-1251 would decode too, but as nothing but accented letters).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    letters = sum(c.isalpha() for c in text)
    if not high or not letters:
        return None
    accented = sum(1 for c in high if c.isalpha() and "\u00c0" <= c <= "\u00ff")
    plausible = accented + sum(1 for c in high if c in _WESTERN_EXTRA)
    return text if plausible == len(high) and accented < 0.3 * letters else None
