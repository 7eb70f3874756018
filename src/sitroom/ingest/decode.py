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
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BinaryInput("binary content: no text encoding fits these bytes")
    return str(best), best.encoding
