"""Readability scores from textstat, offline.

textstat 0.7.13 looks every word up in NLTK's CMU Pronouncing Dictionary and
downloads it on first use, which fails (with a traceback) on a machine with no
network. When a word is missing from that dictionary textstat already counts its
syllables with Pyphen's hyphenation patterns, which ship inside the Pyphen wheel.
This module makes textstat use that fallback for every word, so the scores need
no download; they can differ by a point or two from textstat's online numbers.

Example:
    >>> r = readability("The cat sat on the mat. It was happy.")
    >>> r.words, r.sentences
    (9, 2)
"""

from __future__ import annotations

from dataclasses import dataclass

import textstat
from textstat.backend.counts import _count_syllables

# Absolute, not relative, so `python -m doctest helpers/medialit/reading_level.py` runs the examples.
from medialit.passages import has_comments
from medialit.story import Report


def _no_cmudict(lang: str) -> None:
    # textstat treats a missing dictionary like a missing word: it falls back to Pyphen.
    return None


if not hasattr(_count_syllables, "get_cmudict"):  # pragma: no cover - guards a textstat upgrade
    raise ImportError(
        "medialit needs textstat 0.7.13 (it routes syllable counting to Pyphen so nothing is "
        "downloaded). Reinstall the kit with `make lab` to get the right version."
    )
_count_syllables.get_cmudict = _no_cmudict


@dataclass(frozen=True)
class Readability:
    """Reading-difficulty figures for one text.

    ``reading_ease`` is Flesch Reading Ease (higher is easier, 60-70 is plain English);
    ``grade`` is the Flesch-Kincaid US school grade; ``sentence_length`` is words per sentence.

    Example:
        >>> readability("Short words help. Long sentences do not.").grade < 5
        True
    """

    words: int
    sentences: int
    reading_ease: float
    grade: float
    sentence_length: float


def readability(text: str) -> Readability:
    """Word and sentence counts, Flesch Reading Ease and Flesch-Kincaid grade of ``text``.

    An empty text gives zeros rather than an error.

    Example:
        >>> readability("").words
        0
    """
    words = textstat.lexicon_count(text)
    if words == 0:
        return Readability(0, 0, 0.0, 0.0, 0.0)
    sentences = max(1, textstat.sentence_count(text))
    return Readability(
        words=words,
        sentences=sentences,
        reading_ease=round(textstat.flesch_reading_ease(text), 1),
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        sentence_length=round(words / sentences, 1),
    )


def word_count(text: str) -> int:
    """The number of words in ``text``, counted the way textstat counts them.

    Example:
        >>> word_count("Russia's warning, in full.")
        4
    """
    return textstat.lexicon_count(text)


# The usual bands for Flesch Reading Ease, as listed in textstat's documentation.
EASE_BANDS: tuple[tuple[float, str], ...] = (
    (90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
    (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"),
)


def ease_words(score: float) -> str:
    """Flesch's plain-words band for a Reading Ease score.

    Example:
        >>> ease_words(54.2)
        'fairly difficult'
    """
    for floor, words in EASE_BANDS:
        if score >= floor:
            return words
    return EASE_BANDS[-1][1]  # pragma: no cover - the last floor is -inf


def report_readability(report: Report) -> dict[str, Readability]:
    """Readability of the article body, and of body plus reader comments when the page has comments.

    Example:
        >>> from medialit.story import load_story
        >>> sorted(report_readability(load_story().report("004")))
        ['body', 'with comments']
    """
    scores = {"body": readability(report.body_text)}
    comments = "\n\n".join(block.text for block in report.blocks if block.role == "comment")
    if has_comments(report):
        scores["with comments"] = readability(report.body_text + "\n\n" + comments)
    return scores
