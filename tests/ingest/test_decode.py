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


# HTML: the WHATWG rules for a declared charset ("determining the character encoding")

PAGE = ('<html><head><meta charset="{}"><title>Plimvar</title></head>'
        '<body><p>The quorble of Drensk met at dawn.</p></body></html>')


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "unicodefffe"])
@pytest.mark.parametrize("pad", ["", " "])  # odd and even lengths: either may decode as UTF-16
def test_a_declared_utf16_is_read_as_utf8(label, pad):
    page = PAGE.format(label) + pad
    assert decode(page.encode("ascii"), html=True) == (page, "utf-8")
    page = page.replace("dawn", "dawn — “früh”")
    assert decode(page.encode("utf-8"), html=True) == (page, "utf-8")


def test_a_declared_x_user_defined_is_read_as_windows_1252():
    page = PAGE.format("x-user-defined").replace("dawn", "the “caf\u00e9”")
    assert decode(page.encode("cp1252"), html=True) == (page, "windows-1252")


@pytest.mark.parametrize("label", ["idna", "utf-7", "rot13", "hex", "base64", "zlib", "unicode_escape",
                                   "punycode", "utf-32", "no-such-thing", "iso-2022-kr", "hz-gb-2312"])
@pytest.mark.parametrize("words", ["dawn +AGE- by the " + "x" * 70 + " gate", "dawn at a caf\u00e9"])
def test_a_label_that_is_no_web_encoding_is_ignored(label, words):
    page = PAGE.format(label).replace("dawn", words)
    assert decode(page.encode("utf-8"), html=True) == (page, "utf-8")


def test_labels_are_read_with_the_whatwg_table():
    # "latin1" names windows-1252 on the web: 0x93 and 0x94 are curly quotes, not C1 controls
    page = PAGE.format("latin1").replace("dawn", "the \u201cFerlund\u201d bridge")
    assert decode(page.encode("cp1252"), html=True) == (page, "windows-1252")


def test_http_equiv_content_type_is_read_and_comments_are_not():
    page = ('<html><head><!-- <meta charset="koi8-r"> --><meta http-equiv="Content-Type" '
            'content="text/html; charset=windows-1251"><title>Вострань</title></head>'
            '<body><p>Плимвар и Дренск встретились на рассвете у моста.</p></body></html>')
    assert decode(page.encode("cp1251"), html=True) == (page, "windows-1251")


def test_a_charset_in_another_meta_content_declares_nothing():
    page = ('<html><head><meta name="keywords" content="quorble; charset=koi8-r">'
            '<title>Зорвик</title></head><body><p>Плимвар и Дренск встретились на рассвете у моста, '
            'а потом долго говорили о погоде.</p></body></html>')
    assert decode(page.encode("utf-8"), html=True) == (page, "utf-8")


def test_a_byte_order_mark_wins_over_the_meta():
    page = PAGE.format("windows-1251").replace("dawn", "рассвет")
    assert decode(codecs.BOM_UTF8 + page.encode("utf-8"), html=True)[0] == page
    assert decode(PAGE.format("koi8-r").encode("utf-16"), html=True)[0] == PAGE.format("koi8-r")


def test_a_declared_charset_the_bytes_do_not_fit_falls_back():
    page = PAGE.format("shift_jis").replace("dawn", "dawn \u201cquoted\u201d")
    assert decode(page.encode("utf-8") + b"\x80\xff", html=True)[0].startswith(page)


# UTF-8 with Windows-1252 pasted in

def test_utf8_with_pasted_windows_1252_is_read_run_by_run_and_flagged():
    data = ("Tralo said “yes” — then ".encode() + b"\x93quoted\x94 the caf\xe9 menu.\n"
            + "Zweite Zeile über Brücken.\n".encode())
    text, encoding = decode(data)
    assert text == "Tralo said “yes” — then “quoted” the café menu.\nZweite Zeile über Brücken.\n"
    assert encoding == "utf-8+windows-1252"


def test_utf8_with_pasted_windows_1252_in_html():
    page = PAGE.format("utf-8").replace("dawn", "dawn — nach Brücke")
    data = page.encode("utf-8").replace(b"Drensk", b"Dr\xe9nsk")
    assert decode(data, html=True) == (page.replace("Drensk", "Drénsk"), "utf-8+windows-1252")


def test_pure_windows_1252_is_still_windows_1252():
    text = "Le \x93quorble\x94 de Mirval est arriv\xe9 \xe0 la gare, tr\xe8s t\xf4t.\n"
    decoded, encoding = decode(text.encode("latin-1"))
    assert decoded == text.encode("latin-1").decode("cp1252")
    assert "+" not in encoding


def test_bytes_undefined_in_windows_1252_are_not_called_mixed():
    data = "Plonk “zarvo” — ".encode() + b"\x81\x8d\x8f"
    try:
        _, encoding = decode(data)
    except BinaryInput:
        return
    assert encoding != "utf-8+windows-1252"
