"""Every quotation of a page with its speaker: the engine behind :func:`extract_quotes`."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from medialit.quotes.marks import _blank_tags, _mask, _spans_around_tags
from medialit.quotes.records import ARTICLE_ROLES, Quote
from medialit.quotes.speakers import _boundaries, _mentions, _Paragraph, _Resolver
from medialit.segmentation import Block, segment

# --- paragraphs in the page ------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return starts


def _locate_blocks(text: str, blocks: list[Block]) -> list[tuple[Block, int, int]]:
    """Where each block's text sits in the page: ``(block, start, end)`` offsets.

    ``Block.text`` joins a paragraph's stripped lines with single spaces, so blocks are
    looked for in a copy of the page whose whitespace runs are squeezed to one space,
    from the block's start line on, and mapped back word by word.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    squeezed_at: list[int] = []  # where each token starts in the squeezed page
    size = 0
    for start, end in tokens:
        squeezed_at.append(size)
        size += end - start + 1
    squeezed = " ".join(text[start:end] for start, end in tokens)
    line_starts = _line_starts(text)
    found: list[tuple[Block, int, int]] = []
    cursor = 0
    for block in blocks:
        wanted = " ".join(block.text.split())
        if not wanted:
            continue
        line_at = line_starts[block.line - 1] if 1 <= block.line <= len(line_starts) else 0
        first = bisect.bisect_left(tokens, (line_at, -1))
        from_at = squeezed_at[first] if first < len(tokens) else size
        at = -1
        for origin in (from_at, cursor, 0):
            at = _find_words(squeezed, wanted, origin)
            if at != -1:
                break
        if at == -1:
            # The segmenter changed the words (it should not): fall back to the block's first line.
            if first < len(tokens):
                line_end = line_starts[block.line] if block.line < len(line_starts) else len(text)
                last = bisect.bisect_left(tokens, (line_end, -1)) - 1
                if last >= first:
                    found.append((block, tokens[first][0], tokens[last][1]))
            continue
        i = bisect.bisect_right(squeezed_at, at) - 1
        j = bisect.bisect_right(squeezed_at, at + len(wanted) - 1) - 1
        start = tokens[i][0] + (at - squeezed_at[i])
        end = tokens[j][0] + (at + len(wanted) - squeezed_at[j])
        found.append((block, start, end))
        cursor = at + len(wanted)
    return found


def _find_words(squeezed: str, wanted: str, origin: int) -> int:
    """``wanted`` in ``squeezed`` from ``origin``, starting and ending at word edges."""
    at = squeezed.find(wanted, origin)
    while at != -1:
        if (at == 0 or squeezed[at - 1] == " ") and squeezed[at + len(wanted) : at + len(wanted) + 1] in ("", " "):
            return at
        at = squeezed.find(wanted, at + 1)
    return -1


# --- extract_quotes ----------------------------------------------------------------------------

def extract_quotes(text: str, *, include_all: bool = False) -> list[Quote]:
    """Every quotation in a page's article text, with its speaker and its place in ``text``.

    The page is split by :func:`medialit.segmentation.segment`; only the headline, standfirst
    and body are searched (a text of one paragraph is searched whatever its role), unless
    ``include_all`` is True. Curly and straight double quotes are found everywhere;
    single quotes only in headlines, standfirsts and texts of one paragraph, where
    British papers use them, and never from apostrophes (Russia's, '90s, rock 'n' roll).
    « French » and ‹ single › guillemets count too; » and › always close.

    HTML tags are read as spaces: in ``<p>"We will respond," he said.</p>`` the quote is
    found, and the marks of ``<a href="...">`` are not quotes. A tag inside a quote stays in
    its ``text`` (offsets always slice the page). Entities such as ``&quot;`` are not
    decoded: convert a page to plain text first.

    Speakers, in this order:

    1. an attribution after the quote in the same sentence ("...," he said /
       said Army Colonel Ryan Dillon / Igor Konashenkov said in a statement);
    2. else one before it in the same sentence (He added: "..." / Konashenkov said
       the command "was told ...");
    3. else the speaker of the previous quote in the same paragraph (a quote split by
       its attribution) or, for a quote standing alone in its paragraph, of the last
       quote in the paragraph before; such quotes get ``continues=True``;
    4. else ``""`` (unknown).

    "he"/"she" is the last person named before the quote. "the statement" is the person
    last said to speak "in a statement", else stays "the statement". A surname alone
    ("Konashenkov") becomes the full name used elsewhere in the text, and titles are
    dropped, so "Maj. Gen. Igor Konashenkov" and "Konashenkov" are both
    "Igor Konashenkov". Any other noun phrase ("the mayor") is kept as written.

    Example:
        >>> page = 'Talks\\n\\n"It went well," said Col. Ryan Dillon. "We laid down maps."'
        >>> [(q.text, q.speaker, q.continues) for q in extract_quotes(page)]
        [('It went well', 'Ryan Dillon', False), ('We laid down maps.', 'Ryan Dillon', True)]
    """
    if not isinstance(text, str) or not text.strip():
        return []
    blocks = segment(text)
    keep_all = include_all or len(blocks) <= 1
    paragraphs: list[_Paragraph] = []
    for block, start, end in _locate_blocks(text, blocks):
        if not keep_all and block.role not in ARTICLE_ROLES:
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
