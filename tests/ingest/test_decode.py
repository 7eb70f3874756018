import codecs

import pytest

from sitroom.errors import BinaryInput, EmptyInput
from sitroom.ingest.decode import decode

TEXT = "Café in Zürich: “quotes” — and a dash.\nSecond line.\n"


def test_utf8_is_read_as_is():
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_byte_order_marks_are_dropped():
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))[0] == TEXT
    assert decode(TEXT.encode("utf-16"))[0] == TEXT


def test_line_endings_are_kept_so_offsets_match_the_file():
    crlf = "One.\r\nTwo.\r\n"
    assert decode(crlf.encode("utf-8"))[0] == crlf


def test_latin1_is_detected():
    latin = "Le président a déclaré à la presse que la réunion était très importante pour "
    latin += "l'économie européenne et la sécurité régionale. Où est-il allé après ça ?\n"
    text, encoding = decode(latin.encode("latin-1"))
    assert text == latin
    assert encoding.replace("_", "-") in {"latin-1", "iso8859-1", "cp1252", "iso-8859-1", "windows-1252"}


def test_declared_html_charset_wins():
    page = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'
    assert decode(page.encode("cp1251"), html=True)[0] == page


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff  \n".encode()])
def test_empty_input(data):
    with pytest.raises(EmptyInput):
        decode(data)


def test_binary_input():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(BinaryInput):
        decode(png)
