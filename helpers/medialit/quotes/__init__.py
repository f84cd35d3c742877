"""Quote fidelity: find the quotations in a report, match one remark across reports, compare wordings.

Three steps, each a pure function over plain data:

* :func:`extract_quotes` finds every quotation in the article's own text (headline,
  standfirst, body) with who said it and where it sits in the page; :func:`report_quotes`
  does it for a story's report, whose paragraphs' roles follow the teacher's answer key;
* :func:`align_quotes` groups the same remark across the reports of a story, even when
  it was trimmed, reworded or translated differently;
* :func:`compare_quotes` lines two versions up word by word and flags what a careful
  reader should notice (brackets, dots, changed words, partial quotes, other speaker).

:func:`reference_versions` reads the published wordings of the statement
(``reference_quotes.json`` in the story folder) so a lesson can compare each report
with what the news agencies printed.

The private modules, one job each: ``records`` (the dataclasses), ``marks`` (which quote
marks open and close), ``speakers`` (who said it, within a sentence), ``resolution`` (who
said it, over the page), ``extraction`` (a page's quotes),
``vocabulary`` (content words and a story's variants), ``alignment`` (one remark across
reports), ``comparison`` (word by word, flags, verdicts), ``references`` (the story's
published versions) and ``placement`` (headline quotes against the body).

Example:
    >>> text = '"We will respond," the mayor said.'
    >>> [(q.text, q.speaker) for q in extract_quotes(text)]
    [('We will respond', 'the mayor')]
"""

from __future__ import annotations

from medialit.quotes.alignment import align_quotes, group_quotes, report_quotes
from medialit.quotes.comparison import (
    VERDICTS,
    check_verdict,
    compare_quotes,
    helper_flags,
    is_other_language,
    word_changes,
)
from medialit.quotes.extraction import extract_quotes
from medialit.quotes.records import (
    ARTICLE_ROLES,
    REFERENCE_FILE,
    Quote,
    QuoteComparison,
    QuoteFlag,
    QuoteGroup,
    ReferenceVersion,
    WordOp,
)
from medialit.quotes.placement import TopQuote, top_quotes
from medialit.quotes.references import reference_notes, reference_synonyms, reference_versions
from medialit.quotes.vocabulary import SAME_REMARK_THRESHOLD, Synonyms, content_words

__all__ = [
    "ARTICLE_ROLES",
    "VERDICTS",
    "REFERENCE_FILE",
    "SAME_REMARK_THRESHOLD",
    "Quote",
    "QuoteComparison",
    "QuoteFlag",
    "QuoteGroup",
    "ReferenceVersion",
    "WordOp",
    "align_quotes",
    "check_verdict",
    "compare_quotes",
    "content_words",
    "extract_quotes",
    "group_quotes",
    "helper_flags",
    "is_other_language",
    "reference_notes",
    "reference_synonyms",
    "reference_versions",
    "report_quotes",
    "Synonyms",
    "TopQuote",
    "top_quotes",
    "word_changes",
]
