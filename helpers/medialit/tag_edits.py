"""Editing one student's loaded-word tags in lesson 2: tag or untag a word, choose its kind, join a phrase.

Pure functions over :class:`medialit.agreement.Tag` (a span of a headline and the kind the student
chose); the lesson-2 widget only calls them and saves the result. Tags are kept sorted by
``start`` and never overlap. Saved work holds them as plain dicts (see :func:`saved_tags`), the
format :mod:`medialit.agreement` and :mod:`medialit.answers` read back.

Example:
    >>> tags = toggle_word([], "Who Support ISIS", 0, 3)
    >>> tags = toggle_word(tags, "Who Support ISIS", 4, 11)
    >>> [tag.word for tag in join_with_next(tags, "Who Support ISIS", 0)]
    ['Who Support']
"""

from __future__ import annotations

from dataclasses import asdict, replace

# Absolute imports so `python -m doctest helpers/medialit/tag_edits.py` works too.
from medialit.agreement import TAGGED, Tag
from medialit.answers import read_tags
from medialit.story import Story
from medialit.word_lists import CATEGORIES

# Between two tags that may become one phrase: only spaces and hyphens ("Who Support", "US-Backed").
_JOINERS = " -–"


def toggle_word(tags: list[Tag], headline: str, start: int, end: int) -> list[Tag]:
    """Tag the word ``headline[start:end]``, or, if a tag already covers it, remove that whole tag.

    Example:
        >>> tags = toggle_word([], "Russia threatens US", 7, 16)
        >>> tags
        [Tag(start=7, end=16, word='threatens', category='tagged')]
        >>> toggle_word(tags, "Russia threatens US", 7, 16)
        []
    """
    if any(tag.start < end and start < tag.end for tag in tags):
        return [tag for tag in tags if not (tag.start < end and start < tag.end)]
    return sorted([*tags, Tag(start, end, headline[start:end], TAGGED)], key=lambda tag: tag.start)


def set_category(tags: list[Tag], start: int, category: str) -> list[Tag]:
    """The same tags with the one starting at ``start`` given ``category``; an unknown kind is a ValueError.

    Example:
        >>> set_category([Tag(7, 16, "threatens", "tagged")], 7, "emotive_verb")[0].category
        'emotive_verb'
    """
    if category not in CATEGORIES and category != TAGGED:
        raise ValueError(f"unknown category {category!r}")
    return [replace(tag, category=category) if tag.start == start else tag for tag in tags]


def next_joinable(tags: list[Tag], headline: str, start: int) -> Tag | None:
    """The tag right after the one starting at ``start``, if only spaces or hyphens lie between them.

    Example:
        >>> tags = [Tag(0, 3, "Who", "tagged"), Tag(4, 11, "Support", "tagged")]
        >>> next_joinable(tags, "Who Support ISIS", 0).word
        'Support'
    """
    ordered = sorted(tags, key=lambda tag: tag.start)
    for here, after in zip(ordered, ordered[1:]):
        if here.start == start:
            return after if headline[here.end : after.start].strip(_JOINERS) == "" else None
    return None


def join_with_next(tags: list[Tag], headline: str, start: int) -> list[Tag]:
    """Merge the tag starting at ``start`` with the next one into one phrase (a chosen kind is kept).

    Example:
        >>> tags = [Tag(0, 3, "Who", "tagged"), Tag(4, 11, "Support", "unattributed_claim")]
        >>> join_with_next(tags, "Who Support ISIS", 0)
        [Tag(start=0, end=11, word='Who Support', category='unattributed_claim')]
    """
    after = next_joinable(tags, headline, start)
    if after is None:
        return tags
    here = next(tag for tag in tags if tag.start == start)
    category = here.category if here.category != TAGGED else after.category
    merged = Tag(here.start, after.end, headline[here.start : after.end], category)
    rest = [tag for tag in tags if tag is not here and tag is not after]
    return sorted([*rest, merged], key=lambda tag: tag.start)


def clean_saved_tags(saved: object, story: Story) -> dict[str, list[Tag]]:
    """Saved tags that still fit this story's headlines (a changed story or a hand-edited file loses only the bad ones).

    Example:
        >>> from medialit import load_story
        >>> clean_saved_tags({"004": [{"start": 0, "end": 999}], "001": []}, load_story())
        {'004': [], '001': []}
    """
    return read_tags({"tags": saved}, story).tags


def saved_tags(tags: dict[str, list[Tag]]) -> dict[str, list[dict]]:
    """Tags as saved in the student's work file: ``{report_id: [{"start", "end", "word", "category"}]}``.

    Example:
        >>> saved_tags({"000": [Tag(7, 16, "threatens", "tagged")]})
        {'000': [{'start': 7, 'end': 16, 'word': 'threatens', 'category': 'tagged'}]}
    """
    return {report_id: [asdict(tag) for tag in report_tags] for report_id, report_tags in tags.items()}
