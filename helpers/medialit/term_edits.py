"""A teacher's edits to a story's word groups (lesson 4), as pure functions over :class:`TermGroup` tuples.

The story builder proposes groups from the reports; the teacher renames, merges, drops and
adds groups before they are written to the story's ``terms.json``. Each function returns a
new tuple and never changes the one it was given.

Example:
    >>> from medialit.terms import TermGroup
    >>> groups = (TermGroup("a", "Names for the council", {"council": ("council",)}),)
    >>> [g.title for g in rename_group(groups, "a", "Who decides")]
    ['Who decides']
"""

from __future__ import annotations

import re

from .errors import StoryError
from .files import slug
from .terms import TermGroup
from .text import fold

#: More groups than a chart can show side by side.
MAX_GROUPS = 12
MAX_TERMS = 12


def _find(groups: tuple[TermGroup, ...], group_id: str) -> TermGroup:
    for group in groups:
        if group.id == group_id:
            return group
    raise StoryError([f"There is no word group {group_id!r}: choose one of {', '.join(g.id for g in groups) or 'none'}."])


def rename_group(groups: tuple[TermGroup, ...], group_id: str, title: str) -> tuple[TermGroup, ...]:
    """The groups with one group's title changed (its id stays, so saved charts still find it).

    Example:
        >>> rename_group((), "x", "New")
        Traceback (most recent call last):
        ...
        medialit.errors.StoryError: There is no word group 'x': choose one of none.
    """
    _find(groups, group_id)
    title = " ".join(title.split())
    if not title:
        raise StoryError(["A word group needs a title: type one, for example 'Names for the council'."])
    return tuple(TermGroup(g.id, title, g.terms, g.note) if g.id == group_id else g for g in groups)


def merge_groups(groups: tuple[TermGroup, ...], keep_id: str, other_id: str) -> tuple[TermGroup, ...]:
    """The groups with ``other_id``'s terms moved into ``keep_id`` (which keeps its place and title).

    Example:
        >>> a = TermGroup("a", "A", {"x": ("x",)}); b = TermGroup("b", "B", {"y": ("y",)})
        >>> [(g.id, sorted(g.terms)) for g in merge_groups((a, b), "a", "b")]
        [('a', ['x', 'y'])]
    """
    keep, other = _find(groups, keep_id), _find(groups, other_id)
    if keep_id == other_id:
        return groups
    terms = {**keep.terms, **{name: forms for name, forms in other.terms.items() if name not in keep.terms}}
    merged = TermGroup(keep.id, keep.title, dict(list(terms.items())[:MAX_TERMS]), keep.note)
    return tuple(merged if g.id == keep_id else g for g in groups if g.id != other_id)


def drop_group(groups: tuple[TermGroup, ...], group_id: str) -> tuple[TermGroup, ...]:
    """The groups without one.

    Example:
        >>> drop_group((TermGroup("a", "A", {}),), "a")
        ()
    """
    _find(groups, group_id)
    return tuple(g for g in groups if g.id != group_id)


def add_group(groups: tuple[TermGroup, ...], title: str, words: str, story_text: str = "") -> tuple[tuple[TermGroup, ...], list[str]]:
    """The groups with a new one from a comma-separated list of words, and warnings for words not in the pages.

    Each word or phrase is one term, counted as typed (type 'threat, threats' to count both).
    A word that no report uses is kept (the teacher may want to show it is missing) but named
    in a warning.

    Example:
        >>> groups, warnings = add_group((), "Verbs", "warned, threatened", "Russia warned the US.")
        >>> groups[0].terms["threatened"], warnings
        (('threatened',), ["No report uses 'threatened'."])
    """
    title = " ".join(title.split())
    names = [" ".join(word.split()) for word in words.split(",")]
    names = list(dict.fromkeys(name for name in names if name))
    problems = []
    if not title:
        problems.append("A word group needs a title: type one, for example 'Names for the council'.")
    if not names:
        problems.append("A word group needs words: type them with commas between, for example 'warned, threatened'.")
    if len(groups) >= MAX_GROUPS:
        problems.append(f"There are already {MAX_GROUPS} word groups: drop or merge one first.")
    if problems:
        raise StoryError(problems)
    base, number = slug(title, fallback="group"), 2
    group_id, taken = base, {g.id for g in groups}
    while group_id in taken:
        group_id, number = f"{base}-{number}", number + 1
    terms = {name: (name,) for name in names[:MAX_TERMS]}
    folded = fold(story_text)
    warnings = [f"No report uses {name!r}." for name in terms
                if story_text and not re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded)]
    return groups + (TermGroup(group_id, title, terms),), warnings
