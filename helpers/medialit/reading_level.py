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
