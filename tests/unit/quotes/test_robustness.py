"""Property tests: any string, any pair of quotes, any list of quotes is handled."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.quotes import Quote, compare_quotes, extract_quotes, group_quotes
from quote_cases import UNICODE_SPACES, words_of


# --- robustness (property tests) ----------------------------------------------------------------

# Quote marks, apostrophes, line breaks, unicode spaces, markup and attribution words, mixed at random.
MESSY = st.lists(
    st.sampled_from(
        list("ab Zs.,:;!?-\n\t'\"“”‘’«»‹›[]()…0<>/")
        + UNICODE_SPACES
        + ["\u200b", "\r", "said", " he ", "Smith", "the statement", "\n\n", "<p>", "</p>", ", who ", "Mr "]
    ),
    max_size=80,
).map("".join)

# A quotation with its attribution, joined by any kind of space: the shape that "he said"
# parsing works on, so odd spaces and marks there are tried often.
MARKS = list("\"“”‘’«»‹›'")
GAPS = [" ", "", ",", ", ", "\n", "\r", "\u200b"] + UNICODE_SPACES
ATTRIBUTED = st.builds(
    lambda lead, opening, inner, closing, gap, tail: lead + opening + inner + closing + gap + tail,
    st.sampled_from(["", "Talks\n\n", "Jane Smith said:", "The mayor, who spoke,", "<p>"]),
    st.sampled_from(MARKS),
    st.text(alphabet=st.sampled_from(list("ab Z,.?\u200b") + UNICODE_SPACES), min_size=1, max_size=12),
    st.sampled_from(MARKS),
    st.lists(st.sampled_from(GAPS), max_size=3).map("".join),
    st.one_of(st.sampled_from(["said", "said Col. Ryan Dillon.", "he said.", "Smith, a spokesman, said"]), MESSY),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MESSY, ATTRIBUTED))
def test_offsets_always_slice_back_to_the_quote_text(text):
    for include_all in (False, True):
        for quote in extract_quotes(text, include_all=include_all):
            assert text[quote.start : quote.end] == quote.text
            assert quote.text.strip() == quote.text and quote.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(MESSY, ATTRIBUTED))
def test_a_scare_quote_never_has_a_speaker_and_a_description_always_has_one(text):
    for quote in extract_quotes(text, include_all=True):
        assert quote.kind in ("quote", "scare")
        assert not (quote.kind == "scare" and quote.speaker)
        assert not (quote.described_as and not quote.speaker)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), MESSY, ATTRIBUTED))
def test_extract_quotes_never_raises_on_any_string(text):
    extract_quotes(text)
    extract_quotes(text, include_all=True)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MESSY, st.text(max_size=120)), st.one_of(MESSY, st.text(max_size=120)))
def test_compare_quotes_never_raises_and_its_ops_rebuild_both_texts(a, b):
    comparison = compare_quotes(a, b)
    assert words_of(comparison.ops, "a") == a.split()
    assert words_of(comparison.ops, "b") == b.split()
    assert 0.0 <= comparison.similarity <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", "3"]), MESSY, st.sampled_from(["", "A B", "B"])), max_size=12))
def test_group_quotes_never_raises_and_keeps_every_quote_once(items):
    quotes = [(rid, Quote(text, speaker, 0, len(text))) for rid, text, speaker in items]
    groups = group_quotes(quotes)
    assert sorted(map(repr, (m for g in groups for m in g.members))) == sorted(map(repr, quotes))
