"""Split a scraped news page into paragraphs and say what each one is.

A scraped page is the article plus everything around it: menus, captions,
related links, sign-up boxes and reader comments. :func:`segment` gives every
paragraph a *role* and a *reason* a student can read.

Example:
    >>> blocks = segment("Big news today\\n\\nThe mayor said the bridge will open.\\n\\nPrivacy Policy | Terms")
    >>> [b.role for b in blocks]
    ['headline', 'body', 'boilerplate']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Every role a block can have, in the order the lessons introduce them.
ROLES: tuple[str, ...] = (
    "headline",
    "standfirst",
    "byline",
    "caption",
    "body",
    "related",
    "comment",
    "comment_ui",
    "boilerplate",
)

#: The three coarse groups students label with in lesson 1.
GROUP_OF_ROLE: dict[str, str] = {
    "body": "body",
    "comment": "comment",
    "comment_ui": "other",
    "headline": "other",
    "standfirst": "other",
    "byline": "other",
    "caption": "other",
    "related": "other",
    "boilerplate": "other",
}


@dataclass(frozen=True)
class Block:
    """One paragraph of a page and what it is.

    ``line`` is the 1-based line of the page where the paragraph starts;
    ``reason`` is one sentence a student can read.

    Example:
        >>> Block("Leave a Reply", "comment_ui", 40, "A comment form heading.").role
        'comment_ui'
    """

    text: str
    role: str
    line: int
    reason: str

    @property
    def group(self) -> str:
        """The coarse group: ``"body"``, ``"comment"`` or ``"other"``."""
        return GROUP_OF_ROLE[self.role]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph before it has a role: its text and the line it starts on."""

    text: str
    line: int


_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]$")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split plain text into paragraphs.

    Scrapes put one paragraph on a line, so each non-blank line is a paragraph,
    except that a line hard-wrapped by the scraper (long, no closing punctuation,
    followed by a line starting in lower case) is joined to the next.

    Example:
        >>> [p.line for p in split_paragraphs("Title\\n\\nFirst line.\\nSecond line.")]
        [1, 3, 4]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(Paragraph(" ".join(current), start))
                current = []
            continue
        if current and _continues(current[-1], line):
            current.append(line)
            continue
        if current:
            paragraphs.append(Paragraph(" ".join(current), start))
        current, start = [line], number
    if current:
        paragraphs.append(Paragraph(" ".join(current), start))
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` looks like the wrapped rest of ``previous``."""
    return len(previous) >= 50 and not _SENTENCE_END.search(previous) and line[:1].islower()


_FURNITURE = re.compile(
    r"privacy policy|terms of (use|service)|all rights reserved|cookie|subscribe|sign up|log ?in|"
    r"newsletter|powered by|bloggers like this|contact us",
    re.IGNORECASE,
)
_COMMENT_HEADER = re.compile(
    r"^(\d+\s+comments?|add (a |new )?comment|leave a (reply|comment)|comments?)$", re.IGNORECASE
)


def segment(text: str) -> list[Block]:
    """Give each paragraph of a scraped page a role and a reason.

    This first version uses simple line rules; it never raises on any string.

    Example:
        >>> [b.role for b in segment("Headline\\n\\nA long enough sentence of article prose goes here.")]
        ['headline', 'body']
    """
    blocks: list[Block] = []
    in_comments = False
    for index, para in enumerate(split_paragraphs(text)):
        words = para.text.split()
        if index == 0:
            role, reason = "headline", "The first line of the page is usually the headline."
        elif _COMMENT_HEADER.match(para.text):
            in_comments = True
            role, reason = "comment_ui", "A heading that opens the reader-comment section."
        elif _FURNITURE.search(para.text):
            role, reason = "boilerplate", "Site text such as links, legal lines or sign-up offers."
        elif in_comments:
            role, reason = "comment", "A paragraph after the comment heading."
        elif len(words) >= 12 and para.text[-1:] in ".\"”’":
            role, reason = "body", "A full sentence of prose between the headline and the page furniture."
        else:
            role, reason = "boilerplate", "A short line that is not a sentence: probably page furniture."
        blocks.append(Block(para.text, role, para.line, reason))
    return blocks
