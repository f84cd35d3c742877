"""The makeup of a page: how many of its words are article, comments and other text, and what that does.

Lesson 1 shows why separating the article matters: a page's word count and reading level
change once the furniture and comments are left out, and a comment may use words the
article never does (a hint at claims only the comment makes).

Example:
    >>> from medialit.segmentation import segment
    >>> page_parts(segment("Big news today\\n\\nThe mayor said the bridge will open next spring.")).body_words
    9
"""

from __future__ import annotations

from dataclasses import dataclass

from .segmentation import Block
from .text import STOPWORDS, stem, words

@dataclass(frozen=True)
class PageParts:
    """A page's text split into the three groups, and what that does to its figures.

    ``*_words`` are word counts (textstat's); ``page_*`` are reading ease and grade of
    every paragraph of the page together, ``article_*`` of the body paragraphs alone.

    Example:
        >>> from medialit.segmentation import segment
        >>> parts = page_parts(segment("Big news today\\n\\nThe mayor said the bridge will open next spring.\\n\\nPrivacy Policy | Terms"))
        >>> parts.body_words, parts.other_words, parts.comment_words
        (9, 6, 0)
    """

    body_words: int
    comment_words: int
    other_words: int
    page_reading_ease: float
    article_reading_ease: float
    page_grade: float
    article_grade: float

    @property
    def total_words(self) -> int:
        """Every word on the page."""
        return self.body_words + self.comment_words + self.other_words

    @property
    def body_share(self) -> float:
        """The article's share of the page's words, 0 to 1 (0 for an empty page)."""
        return self.body_words / self.total_words if self.total_words else 0.0


def group_text(blocks: list[Block], group: str) -> str:
    """The text of the blocks in one coarse group, one paragraph per line pair.

    Example:
        >>> group_text([Block("Hi.", "body", 1, ""), Block("Menu", "boilerplate", 2, "")], "other")
        'Menu'
    """
    return "\n\n".join(block.text for block in blocks if block.group == group)


def page_parts(blocks: list[Block]) -> PageParts:
    """Word counts per group, and reading level of the whole page against the article alone.

    Reading level is measured on the paragraphs joined by blank lines, so a menu
    line with no full stop runs into the next paragraph the way a program reading
    the whole page would see it.

    Example:
        >>> page_parts([]).total_words
        0
    """
    from medialit.reading_level import readability, word_count  # textstat is slow to import; only lesson 1 needs it

    body = group_text(blocks, "body")
    whole = "\n\n".join(block.text for block in blocks)
    page, article = readability(whole), readability(body)
    return PageParts(
        body_words=word_count(body),
        comment_words=word_count(group_text(blocks, "comment")),
        other_words=word_count(group_text(blocks, "other")),
        page_reading_ease=page.reading_ease,
        article_reading_ease=article.reading_ease,
        page_grade=page.grade,
        article_grade=article.grade,
    )


def words_not_in(text: str, other: str, limit: int = 12) -> list[str]:
    """Content words of ``text`` (4+ letters, not small words) that ``other`` never uses, in order.

    Lesson 1 uses it as a hint: words a comment uses that the article never does
    point at claims only the comment makes. Simple endings are ignored, so
    "fighters" matches "fighter" and "supported" matches "support".

    Example:
        >>> words_not_in("The USA is lying about ISIS fighters.", "ISIS fighter numbers in the USA")
        ['lying']
    """
    known = {stem(span.text) for span in words(other)}
    found: list[str] = []
    seen: set[str] = set()
    for span in words(text):
        word = span.text
        key = stem(word)
        if len(word) < 4 or not word[0].isalpha() or word.lower() in STOPWORDS or key in known or key in seen:
            continue
        seen.add(key)
        found.append(word)
        if len(found) >= limit:
            break
    return found
