"""Property-based tests: arbitrary text never raises, and every offset stays inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.clean.document import clean
from sitroom.extract.timex import tag
from sitroom.ingest.decode import decode
from sitroom.model.document import SourceText

NASTY = st.sampled_from([
    "\u200b", "\u200e", "\u202e", "\u2028", "\r\n", "\x00", "“", "”", "«", "\"", "$1,4", "1.2.3",
    "12,34,56", "<script>", "</p>", "<!--", "&amp;", "* ", "---", "July 8", "٣", "שלום", "مرحبا", "\t",
    "  1. x Offline x\n", "18 September 2023 07: 44", "\n\n", "(", ")", "Mr.", "U.S."])
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)


def _source(text: str, fmt: str = "text") -> SourceText:
    return SourceText(id="p", source="p", origin="p", format=fmt, text=text, content_hash="h",
                      encoding="utf-8")


def _spans(doc):
    yield doc.body
    yield from doc.paragraphs
    yield from (s.span for s in doc.boilerplate)
    for c in doc.comments:
        yield c.span
        yield c.content
    for s in (doc.title_span, doc.published_span):
        if s is not None:
            yield s


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["text", "markdown", "html"]))
def test_cleaning_never_raises_and_spans_stay_inside(text, fmt):
    doc = clean(_source(text, fmt))
    for span in _spans(doc):
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from([None, "2021", "2021-07", "2021-07-12", "1998-02-13T13:10"]))
def test_the_temporal_tagger_never_raises(text, dct):
    for timex in tag(text, dct):
        assert 0 <= timex.span.start <= timex.span.end <= len(text)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_either_works_or_says_which_input_it_refuses(data):
    from sitroom.errors import BinaryInput, EmptyInput

    try:
        text, encoding = decode(data)
    except (EmptyInput, BinaryInput) as exc:  # the only refusals decode() may give, each with a reason
        assert str(exc)
    else:
        assert isinstance(text, str) and text.strip() and encoding


PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=300)


@settings(max_examples=200, deadline=None)
@given(PRINTABLE.filter(lambda t: t.strip() and not t.startswith("\ufeff")),
       st.sampled_from(["", "\r\n", "\n"]))
def test_utf8_text_reads_back_exactly(text, ending):  # (a leading BOM is dropped, as documented)
    assert decode((text + ending).encode("utf-8")) == (text + ending, "utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_extractors_never_raise(text):
    from sitroom.extract.analysis import analyse
    from sitroom.nlp.model import load_model

    doc = clean(_source(text))
    analysis = analyse(doc, load_model())
    for item in [m.span for m in analysis.mentions] + [t.span for t in analysis.timexes] + \
            [q.finding.evidence for q in analysis.quotes] + [c.finding.span for c in analysis.claims]:
        assert 0 <= item.start <= item.end <= len(text)
