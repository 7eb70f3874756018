"""Property-based tests: HTML decoding follows the WHATWG rules for a declared charset.

The HTML Standard, "determining the character encoding": a <meta> that declares UTF-16 is read
as UTF-8, a label the Encoding Standard does not know is ignored, and a page that declares the
single-byte encoding it is written in reads back as written.
"""

import webencodings
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitroom.errors import InputError
from sitroom.ingest.decode import decode

# text that is neither control characters (BinaryInput, rightly) nor surrogates (not encodable)
CHARS = st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t")
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
BODY = st.one_of(st.text(ASCII, max_size=200), st.text(CHARS, max_size=200))

WEB_UTF8 = ["utf-8", "UTF-8", "utf8", " unicode-1-1-utf-8 "]
WEB_UTF16 = ["utf-16", "UTF-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe", "csunicode"]
# Python codecs the web never uses, and labels no one uses at all
JUNK = ["idna", "utf-7", "utf7", "rot13", "rot_13", "hex", "hex_codec", "base64", "zlib", "bz2", "uu",
        "quopri", "punycode", "unicode_escape", "raw_unicode_escape", "utf-32", "utf-8-sig", "mbcs",
        "palmos", "cp037", "", "x", "utf-9", "charset"]
JUNK_LABEL = st.one_of(
    st.sampled_from(JUNK),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_"), max_size=12).filter(
        lambda label: webencodings.lookup(label) is None))
READS_AS_UTF8 = st.one_of(st.sampled_from(WEB_UTF8 + WEB_UTF16), JUNK_LABEL)
# any label: the page is UTF-8 but may say otherwise
ANY_LABEL = st.one_of(READS_AS_UTF8, st.sampled_from(["windows-1252", "latin1", "koi8-r", "shift_jis",
                                                      "gbk", "big5", "euc-kr", "x-user-defined",
                                                      "replacement", "iso-2022-kr", "iso-8859-8-i"]))

# (label, Python codec) of WHATWG single-byte encodings, through various labels of each
SINGLE_BYTE = ["windows-1252", "latin1", "ISO-8859-1", "ascii", "cp1252", "iso-8859-2", "l2", "latin2",
               "koi8-r", "koi", "windows-1251", "cp1251", "iso-8859-5", "cyrillic", "iso-8859-7", "greek",
               "windows-1250", "windows-1257", "iso-8859-15", "ibm866", "koi8-u", "windows-1254",
               "iso-8859-4", "iso-8859-13", "windows-874", "iso-8859-10"]


def _alphabet(label: str) -> list[str]:
    codec = webencodings.lookup(label).codec_info
    chars = []
    for byte in range(0x20, 0x100):
        try:
            char = codec.decode(bytes([byte]))[0]
        except UnicodeDecodeError:
            continue
        if char.isprintable() or char == " ":
            chars.append(char)
    return chars + ["\n"]


def _page(label: str, body: str, quote: str = '"') -> str:
    return (f"<!doctype html><html><head><meta charset={quote}{label}{quote}><title>Zorvel</title>"
            f"</head><body><p>{body}</p></body></html>\n")


@settings(max_examples=300, deadline=None)
@given(BODY, READS_AS_UTF8, st.sampled_from(['"', "'", ""]))
@example("", "utf-16", '"')
@example("Plim +AGE- drov", "utf-7", "")
def test_a_utf8_page_reads_back_whatever_utf16_or_unknown_label_it_declares(body, label, quote):
    if not quote and not label.strip():
        quote = '"'  # <meta charset=> would take the next attribute's bytes as its value
    page = _page(label.strip() if not quote else label, body, quote)
    assert decode(page.encode("utf-8"), html=True) == (page, "utf-8")


@settings(max_examples=300, deadline=None)
@given(BODY, ANY_LABEL, st.booleans())
@example("", "punycode", False)
@example("quorble." + "x" * 70, "idna", True)
def test_decoding_html_with_any_label_never_raises_but_input_error(body, label, http_equiv):
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if http_equiv
            else f'<meta charset="{label}">')
    data = f"<html><head>{meta}</head><body>{body}</body></html>".encode()
    try:
        text, encoding = decode(data, html=True)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and text.strip() and encoding


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=20), st.text(ASCII, max_size=40).map(str.encode)),
                max_size=20).map(b"".join), st.sampled_from(JUNK + WEB_UTF16 + SINGLE_BYTE))
@example(b" quorble", "punycode")
def test_decoding_arbitrary_bytes_under_any_meta_never_raises_but_input_error(data, label):
    try:
        decode(f'<meta charset="{label}">'.encode() + data, html=True)
    except InputError as exc:
        assert str(exc)


@st.composite
def _single_byte_page(draw):
    label = draw(st.sampled_from(SINGLE_BYTE))
    body = draw(st.text(st.sampled_from(_alphabet(label)), max_size=200))
    return label, _page(label, body)


@settings(max_examples=300, deadline=None)
@given(_single_byte_page())
@example(("latin1", _page("latin1", "\u0152uvre \u201cplim\u201d")))
def test_a_page_in_the_single_byte_encoding_it_declares_reads_back(labelled):
    label, page = labelled
    encoding = webencodings.lookup(label)
    text, name = decode(encoding.codec_info.encode(page)[0], html=True)
    assert text == page
    assert name == encoding.name
