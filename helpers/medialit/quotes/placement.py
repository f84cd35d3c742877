"""Where a quote sits: at the top of a page (headline, standfirst) beside the same report's
body version, and among the report's own words around it.

A headline often quotes a remark more sharply than the body does: trimmed, reworded, or
with no body version at all. :func:`top_quotes` pairs each top quote with the body's
version of the same remark and what the helper notices between them.

Example:
    >>> from medialit.quotes import align_quotes
    >>> from medialit.story import load_story
    >>> [(t.report_id, t.quote.role, t.body is not None) for t in top_quotes(align_quotes(load_story()))][:1]
    [('001', 'standfirst', True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from medialit.quotes.comparison import helper_flags
from medialit.quotes.records import Quote, QuoteFlag, QuoteGroup
from medialit.text import paragraphs, sentences

#: The roles of a page's top: where a quote is read before the article is.
TOP_ROLES: tuple[str, ...] = ("headline", "standfirst")


@dataclass(frozen=True)
class TopQuote:
    """A quote in a headline or standfirst and the same report's body version of its remark.

    ``body`` is ``None`` when the report never quotes that remark in its body; ``flags``
    are :func:`medialit.quotes.helper_flags` of the top quote against the body version
    (empty when there is none, or when the words are the same).

    Example:
        >>> TopQuote("001", Quote("We will win", "Jo Lee", 0, 11, role="headline"), None, ()).has_body
        False
    """

    report_id: str
    quote: Quote
    body: Optional[Quote]
    flags: tuple[QuoteFlag, ...]

    @property
    def has_body(self) -> bool:
        """True when the report quotes the same remark in its body too."""
        return self.body is not None


def top_quotes(groups: Iterable[QuoteGroup]) -> list[TopQuote]:
    """Every headline or standfirst quote of the groups, in group order, with its body version.

    The body version is the same report's first body quote in the same group (one remark).

    Example:
        >>> a = Quote("We will win", "Jo Lee", 0, 11, role="headline")
        >>> b = Quote("We will win this fight", "Jo Lee", 40, 62, role="body")
        >>> g = QuoteGroup((("1", a), ("1", b)), b, "1", "We will win this fight", "Jo Lee")
        >>> [f.kind for f in top_quotes([g])[0].flags]
        ['partial']
    """
    found: list[TopQuote] = []
    for group in groups:
        for report_id, quote in group.members:
            if quote.role not in TOP_ROLES:
                continue
            body = next((q for r, q in group.members if r == report_id and q.role == "body"), None)
            flags = helper_flags(body, quote) if body is not None else ()
            found.append(TopQuote(report_id, quote, body, tuple(flags)))
    return found


@dataclass(frozen=True)
class QuoteSetting:
    """A quote among the report's own words: the sentence it sits in, split around the quote.

    ``before`` and ``after`` are the reporter's words (the quote marks included); spaces and
    line breaks are made single spaces.

    Example:
        >>> QuoteSetting("Lee said “", "We will win", "” on Friday.").quote
        'We will win'
    """

    before: str
    quote: str
    after: str


def quote_setting(page: str, quote: Quote) -> QuoteSetting:
    """The sentence (or sentences) of ``page`` that hold ``quote``, split around it.

    With one version of a remark there is nothing to line it up with; what the report says
    around the quote (who it names, how it sums the remark up) is what a reader can check.

    Example:
        >>> page = 'Headline\\n\\nThe bridge shut. Jo Lee said "We will reopen it" on Friday. Then rain.'
        >>> quote = Quote("We will reopen it", "Jo Lee", page.index("We"), page.index(" on Friday") - 1)
        >>> quote_setting(page, quote)
        QuoteSetting(before='Jo Lee said "', quote='We will reopen it', after='" on Friday.')
    """
    start, end = quote.start, quote.end
    if not (0 <= start <= end <= len(page)):
        return QuoteSetting("", quote.text, "")
    home = next((p for p in paragraphs(page) if p.start <= start < p.end + 1), None)
    first, last = (home.start, home.end) if home else (max(0, start - 200), min(len(page), end + 200))
    chunk = page[first:last]
    spans = sentences(chunk)
    opening = max((s.start for s in spans if s.start <= start - first), default=0)
    closing = min((s.end for s in spans if s.end >= end - first), default=len(chunk))
    return QuoteSetting(
        _tidy(chunk[opening : start - first]),
        _tidy(page[start:end]) or quote.text,
        _tidy(chunk[end - first : closing]),
    )


def _tidy(text: str) -> str:
    return " ".join(text.split())
