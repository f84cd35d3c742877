"""Every quotation of a page with its speaker: the engine behind :func:`extract_quotes`."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from medialit.quotes.marks import _blank_tags, _mask, _spans_around_tags
from medialit.quotes.records import ARTICLE_ROLES, Quote
from medialit.quotes.resolution import _Resolver
from medialit.quotes.speakers import _boundaries, _mentions, _Paragraph
from medialit.segmentation import Block, segment

# --- extract_quotes ----------------------------------------------------------------------------


def extract_quotes(
    text: str, *, include_all: bool = False, blocks: Optional[Sequence[Block]] = None
) -> list[Quote]:
    """Every quotation in a page's article text, with its speaker and its place in ``text``.

    The page is split by :func:`medialit.segmentation.segment`, or ``blocks`` gives its
    paragraphs and their roles (a report's :attr:`medialit.story.Report.blocks`, which
    follow the teacher's answer key; each block's ``start``/``end`` slice ``text``). Only
    the headline, standfirst and body are searched (a text of one paragraph is searched
    whatever its role), unless ``include_all`` is True. Curly and straight double quotes are found everywhere, also
    a quote a scrape opened in one style and closed in the other ('"We won,” Lee said');
    single quotes only in headlines, standfirsts and texts of one paragraph, where
    British papers use them, and never from apostrophes (Russia's, '90s, rock 'n' roll).
    « French » and ‹ single › guillemets count too; » and › always close.

    HTML tags are read as spaces: in ``<p>"We will respond," he said.</p>`` the quote is
    found, and the marks of ``<a href="...">`` are not quotes. A tag inside a quote stays in
    its ``text`` (offsets always slice the page). Entities such as ``&quot;`` are not
    decoded: convert a page to plain text first.

    Speakers, in this order:

    1. an attribution after the quote in the same sentence ("...," he said /
       said Army Colonel Jo Lee / "...?" Smith asked / "..." ― Jo Lee /
       ..., according to Jo Lee);
    2. else one before it in the same sentence, with any reporting verb (He added: "..." /
       Lee called it "a disgrace" / Lee described it as "..." / Lee walked on stage,
       chanting "...") or a reporting frame (Lee's claim that "..." / Lee admires him as
       a "strong leader" / Lee: "..." / a transcript's "LEE: ...");
    3. else the speaker of the previous quote in the same paragraph (a quote split by
       its attribution) or, for a quote standing alone in its paragraph, of the last
       quote in the paragraph before; such quotes get ``continues=True``; a paragraph
       opening with a quote after one ending "Lee wrote:" (a block quote), or made of
       quotes only after one naming a speaker ("Lee told the crowd ..."), is Lee's; a
       quote that opens its sentence after "Lee called it a failure." is Lee's;
    4. else the person the sentence is about, for a few words in marks ('Jo Lee wants
       "a fresh start"': her term);
    5. else ``""`` (unknown); a quote of a few words inside the writer's own sentence
       with no speaker is a scare quote, ``kind="scare"`` (a term, a title, irony).

    A dash and a name closing a paragraph ('"..." ― Jo Lee') sign all its quotes, and a
    transcript's "LEE:" paragraph is Lee's throughout; an attribution after a sentence's
    last quote names its earlier quotes too; a passive verb's speaker is its agent ("Lee
    was called 'a liar' by Diaz" is Diaz's); "quoted Lee as saying", "in the words of Lee",
    "Diaz criticized Lee for calling it" and "Lee, who called it" give Lee. A base form
    reports speech only after a modal, "to" or a plural subject ("Lee would call it",
    "Lee and Diaz call it"); a document or a body speaks too ("a report found that",
    "as a memo put it", "according to a complaint filed by the Acme Commission").

    "he"/"she" is the last person named (or a sentence is about) before the pronoun; "it"/"they" is the
    organisation the sentence opens with, else unknown. "the statement" is the person
    last said to speak "in a statement", else stays "the statement". A surname alone
    ("Okafor") becomes the full name used elsewhere in the text, a family name written
    first ("Liu" after "Liu Wen") the one full name named before that starts with it, and titles are
    dropped, so "Maj. Gen. Jane Okafor" and "Okafor" are both "Jane Okafor". A description of a person ("the council leader", "a
    spokesman for the city") becomes the person the text gave that title ("council
    leader Jane Okafor"), or for "the ..." the last person named, with the description
    kept in ``described_as``; any other noun phrase ("a resident") is kept as written.
    Verbs are matched in lower case, so "States" in "United States" is never a verb.

    Example:
        >>> page = 'Talks\\n\\n"It went well," said Col. Jo Lee. "We laid down maps."'
        >>> [(q.text, q.speaker, q.continues) for q in extract_quotes(page)]
        [('It went well', 'Jo Lee', False), ('We laid down maps.', 'Jo Lee', True)]
    """
    if not isinstance(text, str) or not text.strip():
        return []
    # A block whose offsets do not slice this text (a key made for another scrape) is not used:
    # then the kit's own segmentation of the text decides, as without blocks.
    if blocks is None or not all(0 <= b.start <= b.end <= len(text) for b in blocks):
        blocks = segment(text)
    keep_all = include_all or len(blocks) <= 1
    paragraphs: list[_Paragraph] = []
    for block in blocks:
        # The segmenter gives each paragraph's offsets in the page: text[start:end] is it.
        start, end = block.start, block.end
        if end <= start or (not keep_all and block.role not in ARTICLE_ROLES):
            continue
        chunk = _blank_tags(text[start:end])
        # A lone paragraph is most likely a headline handed over on its own.
        single = block.role in ("headline", "standfirst") or len(blocks) == 1
        spans = _spans_around_tags(text[start:end], chunk, allow_single=single)
        masked = _mask(chunk, spans)
        boundaries = _boundaries(masked, spans, chunk)
        mentions = _mentions(masked, boundaries, start)
        paragraphs.append(_Paragraph(block, start, chunk, masked, spans, boundaries, mentions))
    return [
        # Tags inside a quote were blanked for the search; its text is the page's own.
        quote if text[quote.start : quote.end] == quote.text else replace(quote, text=text[quote.start : quote.end])
        for quote in _Resolver(paragraphs).quotes()
    ]
