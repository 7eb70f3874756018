"""Bytes to Unicode: byte-order marks, declared charsets, detection, and refusing binaries.

The order follows the HTML Standard, "Determining the character encoding"
(https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding):
a byte-order mark wins; then, for HTML, the encoding a ``<meta>`` declares, found as its
"prescan a byte stream to determine its encoding" finds it; then detection, where sitroom
(which has the whole file, not a network stream) tries UTF-8, UTF-8 with Windows-1252 pasted
in, Windows-1252, and last charset-normalizer.

Charset labels are resolved with the WHATWG Encoding Standard's table of labels
(https://encoding.spec.whatwg.org/#names-and-labels, as the webencodings library carries it),
so a page can only ever be decoded with a codec that stands for a web encoding: a label the
table does not know ("utf-7", "idna", "rot13", "hex", Python's names for its own codecs) is
ignored, as a browser ignores it. Python's codecs are stricter than the standard's decoders
in one way: bytes a code page leaves undefined (five in windows-1252) fail instead of becoming
C1 controls, and the file is then detected instead.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import webencodings

from sitroom.errors import BinaryInput, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# How far the prescan looks. The HTML Standard suggests 1024 bytes for a network stream; sitroom
# has the whole file and keeps its earlier reach, as the standard lets a user agent choose.
_PRESCAN_BYTES = 4096
_WS = rb"\t\n\x0c\r "
# "get an attribute": a name (its first byte may be "="), then maybe "=" and a quoted or bare value
_ATTRIBUTE = re.compile(rb"[%s/]*((?:=|[^%s/>=])[^%s/>=]*)(?:[%s]*=[%s]*(\"[^\"]*\"|'[^']*'|[^%s>]*))?"
                        % (_WS, _WS, _WS, _WS, _WS, _WS))
_SKIP = re.compile(rb"[%s/]*" % _WS)
_TAG = re.compile(rb"<(/?)([A-Za-z][^%s/>]*)" % _WS)
# "extracting a character encoding from a meta element"
_CONTENT_CHARSET = re.compile(rb"charset[%s]*=[%s]*(?:\"([^\"]*)\"|'([^']*)'|[\"']|([^%s;]*))"
                              % (_WS, _WS, _WS), re.I)
_UTF16 = ("utf-16be", "utf-16le")
# WHATWG encodings whose decoder is another Python codec than the one webencodings names:
# the Encoding Standard's GBK decoder is its gb18030 decoder.
_CODECS = {"gbk": "gb18030"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
"""Controls that JSON forbids raw (RFC 8259 section 7; DEL may stand raw inside a JSON string)."""
_MAX_CONTROL_SHARE = 0.01
_WESTERN_EXTRA = set("€‘’“”–—…«»°£§©®·•")
_ESCAPED = re.compile(r"[\udc80-\udcff]+")
MIXED = "utf-8+windows-1252"


def decode(data: bytes, *, html: bool = False, json_lines: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)``; the BOM is dropped, line endings are kept as they are.

    ``encoding`` names what was used: a WHATWG encoding name ("utf-8", "windows-1252",
    "windows-1251"...) when sitroom decided it, the BOM's encoding, a detector's name, or
    ``MIXED`` ("utf-8+windows-1252") for UTF-8 with Windows-1252 bytes pasted in.
    Raises EmptyInput for nothing but whitespace and BinaryInput for bytes that are not text
    (for ``json_lines``, raw DEL characters, legal inside JSON strings, do not count).
    """
    if not data.strip():
        raise EmptyInput("empty file (nothing but whitespace)")
    text, encoding = _decode(data, html)
    if not text.strip():
        raise EmptyInput("empty file (nothing but whitespace)")
    controls = len((_C0 if json_lines else _CONTROL).findall(text))
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
        declared = prescan(data[:_PRESCAN_BYTES])
        # "replacement" stands for labels (iso-2022-kr, hz-gb-2312...) the web refuses to decode
        if declared is not None and declared.name != "replacement":
            codec = codecs.lookup(_CODECS[declared.name]) if declared.name in _CODECS else declared.codec_info
            try:
                return codec.decode(data)[0], declared.name
            except ValueError:  # UnicodeDecodeError and the other errors of a codec's decoding
                pass  # the bytes are not what the page says: detect instead
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        mixed = _utf8_with_western(data)
        if mixed is not None:
            return mixed, MIXED
    western = _western(data)
    if western is not None:
        return western, "windows-1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BinaryInput("binary content: no text encoding fits these bytes")
    return str(best), best.encoding


def prescan(data: bytes) -> webencodings.Encoding | None:
    """The encoding the first usable ``<meta>`` declares, or None.

    The HTML Standard's "prescan a byte stream to determine its encoding": comments and the
    attributes of other tags are skipped (a ``<meta>`` inside them declares nothing); a
    ``<meta>`` counts through its ``charset`` attribute, or through ``content`` when it also has
    ``http-equiv="content-type"``; a label the Encoding Standard does not know makes that
    ``<meta>`` count for nothing. A declared UTF-16 is taken as UTF-8 (the page was read as
    ASCII to find the declaration, so it cannot be UTF-16) and x-user-defined as windows-1252.
    Departures: the XML declaration is not read, and an unclosed quoted attribute value ends
    at a space or ">" instead of running to the end of the bytes.
    """
    position = 0
    while (start := data.find(b"<", position)) >= 0:
        if data.startswith(b"<!--", start):
            end = data.find(b"-->", start + 2)  # "<!-->" is a whole comment
            if end < 0:
                return None
            position = end + 3
            continue
        tag = _TAG.match(data, start)
        if tag is None:
            if data[start + 1:start + 2] in (b"!", b"/", b"?"):
                end = data.find(b">", start)
                if end < 0:
                    return None
                position = end + 1
            else:
                position = start + 1
            continue
        attributes: dict[bytes, bytes] = {}
        position = tag.end()
        while (attribute := _ATTRIBUTE.match(data, position)) and attribute.group(1):
            value = attribute.group(2) or b""
            if len(value) > 1 and value[:1] in (b'"', b"'") and value[-1:] == value[:1]:
                value = value[1:-1]
            attributes.setdefault(attribute.group(1).lower(), value)
            position = attribute.end()
        position = _SKIP.match(data, position).end()
        if position >= len(data):
            return None  # the bytes end inside the tag
        if not tag.group(1) and tag.group(2).lower() == b"meta":
            encoding = _meta(attributes)
            if encoding is not None:
                return encoding
    return None


def _meta(attributes: dict[bytes, bytes]) -> webencodings.Encoding | None:
    """The encoding one ``<meta>`` element's attributes declare (the prescan's meta steps)."""
    got_pragma, need_pragma, charset = False, None, None
    for name, value in attributes.items():
        if name == b"http-equiv":
            got_pragma = got_pragma or value.lower() == b"content-type"
        elif name == b"content" and charset is None:
            found = _content_charset(value)
            if found is not None:
                charset, need_pragma = found, True
        elif name == b"charset":
            charset, need_pragma = _lookup(value) or False, False
    if need_pragma is None or (need_pragma and not got_pragma) or not charset:
        return None
    if charset.name in _UTF16:
        return webencodings.lookup("utf-8")
    if charset.name == "x-user-defined":
        return webencodings.lookup("windows-1252")
    return charset


def _content_charset(value: bytes) -> webencodings.Encoding | None:
    """"Extracting a character encoding from a meta element" from a ``content`` value."""
    match = _CONTENT_CHARSET.search(value)
    if match is None:
        return None
    label = match.group(1) or match.group(2) or match.group(3)
    return _lookup(label) if label else None


def _lookup(label: bytes) -> webencodings.Encoding | None:
    """The Encoding Standard's "get an encoding": the WHATWG encoding a label names, or None."""
    try:
        return webencodings.lookup(label.decode("ascii"))
    except UnicodeDecodeError:
        return None


def _utf8_with_western(data: bytes) -> str | None:
    """UTF-8 with Windows-1252 pasted in: each run read in its own encoding.

    Accepted when the bytes that are not UTF-8 read as Windows-1252 text (printable characters,
    none of its five undefined bytes) and the valid multi-byte UTF-8 shows the file is UTF-8:
    a character of three or more bytes (curly quotes, dashes; Windows-1252 text almost never
    forms one), or at least as many two-byte characters as stray bytes. A file with no UTF-8
    beyond ASCII is left to ``_western``.
    """
    text = data.decode("utf-8", "surrogateescape")
    runs = _ESCAPED.findall(text)
    wide = [c for c in text if ord(c) > 127 and not "\udc80" <= c <= "\udcff"]
    if not wide or (all(ord(c) < 0x800 for c in wide) and len(wide) < sum(map(len, runs))):
        return None
    try:
        pasted = [bytes(ord(c) - 0xDC00 for c in run).decode("cp1252") for run in runs]
    except UnicodeDecodeError:
        return None
    if not all(c.isprintable() or c in "\xa0\xad" for c in "".join(pasted)):
        return None
    pieces = iter(pasted)
    return _ESCAPED.sub(lambda _: next(pieces), text)


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
