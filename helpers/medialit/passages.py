"""The paragraphs of a report that lesson 4's analyses read, and where a position in one falls.

:func:`report_passages` gives a report's article body (and its reader comments when asked) as
:class:`Passage` objects; a plain string is read as one passage of article body, which is how
the small hand-made examples in the docs work. A :class:`Locator` finds the sentence and the
line of any position in a passage, with the kit's one sentence splitter (:mod:`medialit.text`).
:func:`alternation` builds the pattern for a list of words or phrases.

Example:
    >>> where = Locator(report_passages("First one. Second one.\\nA new line.")[0])
    >>> where.sentence(12), where.line(25)
    ('Second one.', 2)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence, Union

from medialit.story import Report
from medialit.text import clean, sentences

__all__ = [
    "GAP", "LETTER", "Locator", "Passage", "ReportLike", "alternation", "has_comments", "normalise", "report_id",
    "report_passages",
]

ReportLike = Union[Report, str]

#: A letter or digit: a listed word matches only where neither neighbour is one, so hyphens,
#: apostrophes and punctuation all end it ('regime-held', "SDF's").
LETTER = r"[^\W_]"
#: Between the words of a phrase: spaces and at most one line break, so a phrase never runs
#: across a blank line (a paragraph break).
GAP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"


@dataclass(frozen=True)
class Passage:
    """One paragraph an analysis reads: its text, ``"body"`` or ``"comment"``, and its first line.

    Example:
        >>> report_passages("Text.")[0]
        Passage(text='Text.', part='body', line=1)
    """

    text: str
    part: str
    line: int


def report_passages(report: ReportLike, include_comments: bool = False) -> list[Passage]:
    """The article body's paragraphs, then the comments' too when ``include_comments``; a string is body.

    Example:
        >>> [p.part for p in report_passages("Just text.", include_comments=True)]
        ['body']
    """
    if isinstance(report, str):
        return [Passage(report, "body", 1)]
    wanted = {"body", "comment"} if include_comments else {"body"}
    return [Passage(b.text, "body" if b.role == "body" else "comment", b.line) for b in report.blocks if b.role in wanted]


def report_id(report: ReportLike) -> str:
    """The report's id; '' for a plain string."""
    return "" if isinstance(report, str) else report.id


def normalise(text: str) -> str:
    """Odd spaces made plain and curly apostrophes straight, at the same length (offsets stay valid).

    Example:
        >>> normalise("SDF\\u2019s\\u00a0men")
        "SDF's men"
    """
    return clean(text).replace("\u2019", "'").replace("\u2018", "'")


class Locator:
    """Sentence and line of any position in one passage, each found by bisection."""

    def __init__(self, passage: Passage, text: str | None = None):
        self.text = passage.text if text is None else text
        self.first_line = passage.line
        self.spans = [(s.start, s.end) for s in sentences(self.text)]
        self.starts = [start for start, _ in self.spans]
        self.newlines = [i for i, char in enumerate(self.text) if char == "\n"]

    def sentence(self, position: int) -> str:
        """The sentence around ``position`` (the whole passage if it falls between sentences)."""
        start, end = self.sentence_span(position)
        return self.text[start:end]

    def sentence_span(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence around ``position`` (of the whole passage, stripped, between sentences)."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            return self.spans[index]
        stripped = self.text.lstrip()
        start = len(self.text) - len(stripped)
        return start, start + len(stripped.rstrip())

    def line(self, position: int) -> int:
        """The page line ``position`` is on."""
        return self.first_line + bisect_left(self.newlines, position)


def _phrase_pattern(form: str) -> str:
    return GAP.join(re.escape(word) for word in form.split())


def alternation(forms: Sequence[str]) -> str:
    """A pattern for any of ``forms``, longest first, so 'Islamic State' wins over 'Islamic'.

    Example:
        >>> re.findall(alternation(["Islamic", "Islamic State"]), "Islamic State")
        ['Islamic State']
    """
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(_phrase_pattern(f) for f in ordered)


def has_comments(report: Report) -> bool:
    """Whether the kit found reader comments on this page.

    Example:
        >>> from medialit.story import load_story
        >>> [r.id for r in load_story().reports if has_comments(r)]
        ['004']
    """
    return any(block.role == "comment" for block in report.blocks)
