"""Finding quote marks in one paragraph: which marks open and close a quotation, and which are apostrophes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- finding quote marks ---------------------------------------------------------------------

_DOUBLE_OPEN = "“„«‟"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_SINGLE = _SINGLE_OPEN + _SINGLE_CLOSE + "'"
_ALL_MARKS = _DOUBLE + _SINGLE
# Marks that only ever close: French and Swiss quotes, « spaced like this », where the space
# before » would otherwise make it look like an opening mark.
_ALWAYS_CLOSE = "»›"
# A mark can open a quote after these (or a space): "(“", "—‘", ":\"".
_BEFORE_OPEN = "([{—–―-/:;," + _ALL_MARKS
# A mark can close a quote before these (or a space): "”,", "’)".
_AFTER_CLOSE = ".,;:!?)]}—–―-/…" + _ALL_MARKS
# HTML tags, blanked out before quotes are looked for: "<p>" is not a word, and the quotes
# of 'href="..."' are not quote marks. Bounded so a stray "<" cannot make a long match.
_TAG = re.compile(r"<(?:/?[A-Za-z][\w:-]*(?:\s[^<>]{0,500})?/?|!--[^<>]{0,500}--)>")
# An opening apostrophe that is not a quote: '90s, 'n' (rock 'n' roll), 'em, 'til, 'cause.
_ELISION = re.compile(r"(?:\d\d(?:s|’s|'s)?\b|n['’]\s|em\b|til\b|cause\b|tis\b|twas\b|bout\b)", re.IGNORECASE)
_WORDY = re.compile(r"\w")


def _left_flanking(s: str, i: int) -> bool:
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return not after.isspace() and (before.isspace() or before in _BEFORE_OPEN)


def _right_flanking(s: str, i: int) -> bool:
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)


@dataclass(frozen=True)
class _Span:
    """A quote inside one paragraph: marks at ``open``/``close`` (``close`` may be the end)."""

    open: int
    close: int
    start: int
    end: int


def _make_span(chunk: str, open_at: int, close_at: int) -> _Span | None:
    start, end = open_at + 1, close_at
    while start < end and chunk[start].isspace():
        start += 1
    # The comma before "he said" belongs to the sentence, not to the quote.
    while end > start and (chunk[end - 1].isspace() or chunk[end - 1] == ","):
        end -= 1
    if not _WORDY.search(chunk, start, end):
        return None
    return _Span(open_at, close_at, start, end)


def _double_spans(chunk: str) -> list[_Span]:
    spans: list[_Span] = []
    open_at: int | None = None
    # A paragraph quoted with curly marks that also holds one lone straight mark: the straight
    # one is a stray (a scrape of a block quote, a typo), not a quote running to the end.
    stray = chunk.count('"') == 1 and ("“" in chunk or "”" in chunk) and not _pairs_with_curly(chunk)
    nested = False  # inside a quote in the other style within the open one: '"We call it “the wall” here"'
    for i, ch in enumerate(chunk):
        if ch not in _DOUBLE or (stray and ch == '"'):
            continue
        can_open, can_close = _left_flanking(chunk, i), _right_flanking(chunk, i)
        if open_at is not None and (ch == '"') != (chunk[open_at] == '"') and ch not in _ALWAYS_CLOSE:
            # A mark of the other style (curly inside straight, straight inside curly) opens
            # and closes a quotation inside the open one; it does not end it.
            if not nested and can_open and not can_close:
                nested = True
                continue
            if nested and can_close:
                nested = False
                continue
        if open_at is None:
            # A straight or closing mark opens only where it clearly starts a word: scrapes
            # use " for both ends, and some use ” for both. » never opens.
            if ch in _DOUBLE_OPEN or (can_open and not can_close and ch not in _ALWAYS_CLOSE):
                open_at = i
            continue
        if ch in _ALWAYS_CLOSE or (can_close and not (ch in _DOUBLE_OPEN and can_open)):
            span = _make_span(chunk, open_at, i)
            if span:
                spans.append(span)
            open_at, nested = None, False
        elif can_open or ch in _DOUBLE_OPEN:
            # The previous quote was never closed: end it at its last full stop, if any,
            # so the words between it and this new quote are not swallowed.
            stop = max(chunk.rfind(p, open_at, i) for p in ".!?")
            span = _make_span(chunk, open_at, stop + 1 if stop > open_at else i)
            if span:
                spans.append(span)
            open_at, nested = i, False
    if open_at is not None:
        # Newspapers leave a quote open at the end of a paragraph when it goes on in the
        # next one; it runs to the end of this paragraph.
        span = _make_span(chunk, open_at, len(chunk))
        if span:
            spans.append(span)
    return spans


def _pairs_with_curly(chunk: str) -> bool:
    """True when the paragraph's one straight mark is one end of a quote whose other end is curly.

    Scraped text mixes styles: '"A great day,” Lee wrote' and '“A great day," Lee wrote'. The
    pair is safe only when the straight mark faces the curly one (it opens and the next double
    mark is a closing ”, or it closes and the one before is an opening “) and it does not sit
    inside another curly quote, so an inch mark or a stray in a quote stays a stray.
    """
    i = chunk.index('"')
    before = max(chunk.rfind(mark, 0, i) for mark in _DOUBLE)
    after = min((j for j in (chunk.find(mark, i + 1) for mark in _DOUBLE) if j >= 0), default=-1)
    opens = _left_flanking(chunk, i) and not _right_flanking(chunk, i)
    closes = _right_flanking(chunk, i) and not _left_flanking(chunk, i)
    if opens:
        return after >= 0 and chunk[after] == "”" and _right_flanking(chunk, after) and (
            before < 0 or chunk[before] != "“"
        )
    if closes:
        return before >= 0 and chunk[before] == "“" and _left_flanking(chunk, before) and (
            after < 0 or chunk[after] != "”"
        )
    return False


def _single_spans(chunk: str, taken: list[_Span]) -> list[_Span]:
    """Single-quoted quotes outside the double-quoted ones, telling them from apostrophes."""
    inside = set()
    for span in taken:
        inside.update(range(span.open, span.close + 1))
    candidates = [i for i, ch in enumerate(chunk) if ch in _SINGLE and i not in inside]
    spans: list[_Span] = []
    open_at: int | None = None
    for n, i in enumerate(candidates):
        ch = chunk[i]
        can_open, can_close = _left_flanking(chunk, i), _right_flanking(chunk, i)
        if open_at is None:
            if (
                (ch in _SINGLE_OPEN or can_open)
                and not can_close
                and ch not in _ALWAYS_CLOSE
                and not _ELISION.match(chunk, i + 1)
            ):
                open_at = i
            continue
        if ch not in _ALWAYS_CLOSE:
            if not can_close:
                continue
            if chunk[i - 1] in "sS" and _plural_possessive(chunk, candidates, n + 1):
                continue
        span = _make_span(chunk, open_at, i)
        if span:
            spans.append(span)
        open_at = None
    # An unclosed single quote is far more likely a stray apostrophe than a quote: drop it.
    return spans


def _plural_possessive(chunk: str, candidates: list[int], first: int) -> bool:
    """True when a closing-looking ``s'`` is followed by a real closing mark before any opener.

    ``candidates[first:]`` are the marks after it (an index, not a slice: slicing at every
    mark would make a page of apostrophes quadratic).
    """
    for k in range(first, len(candidates)):
        j = candidates[k]
        if _left_flanking(chunk, j) and not _right_flanking(chunk, j):
            return False
        if _right_flanking(chunk, j):
            return True
    return False


# Two single marks used as one double mark (’’ and ‘‘ in some house styles and scrapes): read
# as a double mark and a space (the mark next to the words), so offsets stay put.
def _as_doubles(chunk: str) -> str:
    if "’’" not in chunk and "‘‘" not in chunk:
        return chunk
    return chunk.replace("’’", "” ").replace("‘‘", " “")


def _quote_spans(chunk: str, allow_single: bool) -> list[_Span]:
    chunk = _as_doubles(chunk)
    spans = _double_spans(chunk)
    if allow_single:
        spans = sorted(spans + _single_spans(chunk, spans), key=lambda s: s.open)
    return spans


def _mask(chunk: str, spans: list[_Span]) -> str:
    chars = list(chunk)
    for span in spans:
        for i in range(span.open, min(span.close + 1, len(chunk))):
            chars[i] = "\x00"
    return "".join(chars)


def _blank_tags(chunk: str) -> str:
    """``chunk`` with HTML tags replaced by spaces of the same length (so offsets stay put)."""
    if "<" not in chunk:
        return chunk
    return _TAG.sub(lambda m: " " * len(m.group(0)), chunk)


def _spans_around_tags(raw: str, blanked: str, allow_single: bool) -> list[_Span]:
    """Quote spans of a paragraph, looked for as if its HTML tags were not there.

    Marks are judged by their neighbours, so they are found in the paragraph with its tags
    cut out (in '"<b>We</b>"' the mark is next to "We", not to a space), then mapped back.
    """
    if blanked == raw:
        return _quote_spans(raw, allow_single)
    in_tag = bytearray(len(raw))
    for tag in _TAG.finditer(raw):
        in_tag[tag.start() : tag.end()] = b"\x01" * (tag.end() - tag.start())
    kept = [i for i in range(len(raw)) if not in_tag[i]]
    cut = "".join(raw[i] for i in kept)
    spans = []
    for span in _quote_spans(cut, allow_single):
        close = kept[span.close] if span.close < len(kept) else len(raw)
        spans.append(_Span(kept[span.open], close, kept[span.start], kept[span.end - 1] + 1))
    return spans
