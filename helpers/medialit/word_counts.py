"""Lesson 4's word counts: how often each report uses each word of a group.

:func:`count_terms` counts one report (with every match, its sentence and line);
:func:`count_table` and :func:`comment_table` give every report's counts, in the article body
or in the reader comments only, ready for a chart; :func:`comment_difference` says what the
comments add. The groups come from :mod:`medialit.terms`.

Example:
    >>> counts = count_terms("The regime army met regime-held towns.", ["sides_government"])
    >>> counts.counts
    {'regime': 2, 'government': 0, 'army': 1}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

# Absolute, not relative, so `python -m doctest helpers/medialit/word_counts.py` runs the examples.
from medialit.passages import LETTER, Locator, ReportLike, alternation, has_comments, report_id, report_passages
from medialit.story import Story
from medialit.terms import TermGroup, Terms, load_terms

__all__ = ["TermCounts", "TermMatch", "comment_difference", "comment_table", "count_table", "count_terms", "times"]


def times(n: int) -> str:
    """'1 time', '3 times'.

    Example:
        >>> times(1), times(2)
        ('1 time', '2 times')
    """
    return f"{n} time" if n == 1 else f"{n} times"


@dataclass(frozen=True)
class TermMatch:
    """One place a term was found: the words as written, where, and their sentence.

    Example:
        >>> count_terms("Isis fighters held the town.", ["sides_isis"]).matches[0].text
        'Isis'
    """

    group: str
    term: str
    text: str
    part: str
    line: int
    sentence: str


@dataclass(frozen=True)
class TermCounts:
    """How often each term occurs in one report, in the body and in the comments.

    ``counts`` is what was asked for: the body, plus comments when
    ``include_comments`` is true. ``body`` and ``comments`` are always both there,
    so a widget can show the difference.

    Example:
        >>> tc = count_terms("Daesh and ISIS and Islamic State.", ["sides_isis"])
        >>> tc.counts["Islamic State"], tc.comments["Daesh"]
        (1, 0)
    """

    report_id: str
    include_comments: bool
    body: dict[str, int]
    comments: dict[str, int]
    matches: tuple[TermMatch, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Body counts, plus comment counts when comments were included."""
        if not self.include_comments:
            return dict(self.body)
        return {term: self.body[term] + self.comments[term] for term in self.body}


def _resolve_groups(groups: Sequence[str | TermGroup] | None, terms: Terms | None) -> list[TermGroup]:
    if groups is not None and all(isinstance(g, TermGroup) for g in groups):
        return list(groups)  # type: ignore[arg-type]
    terms = terms or load_terms()
    if groups is None:
        return list(terms.groups)
    if isinstance(groups, str):
        groups = [groups]
    return [g if isinstance(g, TermGroup) else terms.group(g) for g in groups]


def _group_regex(group: TermGroup) -> tuple[re.Pattern[str], dict[str, str]]:
    term_of = {form.casefold(): term for term, forms in group.terms.items() for form in forms}
    forms = [form for forms in group.terms.values() for form in forms]
    pattern = re.compile(rf"(?<!{LETTER})(?:{alternation(forms)})(?!{LETTER})", re.IGNORECASE)
    return pattern, term_of


def count_terms(
    report: ReportLike,
    groups: Sequence[str | TermGroup] | None = None,
    include_comments: bool = False,
    terms: Terms | None = None,
) -> TermCounts:
    """Count each term of the chosen groups (ids or :class:`TermGroup`; all when ``None``).

    Whole words, any capitals; a hyphen ends a word, so 'regime-held' counts 'regime'
    and 'ISIS-held' counts 'ISIS'. Each group is counted on its own, and inside a group
    overlapping forms go to the longest one: 'Islamic State' is one 'Islamic State',
    never also a 'State'. A string is read as article body.

    Example:
        >>> count_terms("ISIS-held and anti-ISIS areas; Isis.", ["sides_isis"]).counts["ISIS"]
        3
    """
    chosen = _resolve_groups(groups, terms)
    units = report_passages(report, include_comments=True)
    body = {term: 0 for group in chosen for term in group.terms}
    comments = dict(body)
    matches: list[TermMatch] = []
    locators: dict[int, Locator] = {}
    for group in chosen:
        pattern, term_of = _group_regex(group)
        for index, unit in enumerate(units):
            for match in pattern.finditer(unit.text):
                term = term_of.get(re.sub(r"\s+", " ", match.group()).casefold())
                if term is None:  # pragma: no cover - every alternative comes from term_of
                    continue
                (body if unit.part == "body" else comments)[term] += 1
                if index not in locators:  # built on first use, once per paragraph for all groups
                    locators[index] = Locator(unit)
                where = locators[index]
                matches.append(
                    TermMatch(group.id, term, match.group(), unit.part, where.line(match.start()),
                              where.sentence(match.start()))
                )
    if not include_comments:
        matches = [m for m in matches if m.part == "body"]
    matches.sort(key=lambda m: m.line)
    return TermCounts(report_id(report), include_comments, body, comments, tuple(matches))


def count_table(
    story: Story,
    groups: Sequence[str | TermGroup] | None = None,
    include_comments: bool = False,
    terms: Terms | None = None,
) -> dict[str, dict[str, int]]:
    """Term counts for every report: ``{report id: {term: count}}``, ready for a table or chart.

    Example:
        >>> from medialit.story import load_story
        >>> count_table(load_story(), ["sides_isis"])["000"]["Daesh"]
        3
    """
    chosen = _resolve_groups(groups, terms)
    return {r.id: count_terms(r, chosen, include_comments).counts for r in story.reports}


def comment_table(
    story: Story,
    groups: Sequence[str | TermGroup] | None = None,
    terms: Terms | None = None,
) -> dict[str, dict[str, int]]:
    """Term counts in the reader comments only, for every report (zeros where there are none).

    Example:
        >>> from medialit.story import load_story
        >>> comment_table(load_story(), ["sides_government"])["004"]["regime"]
        2
    """
    chosen = _resolve_groups(groups, terms)
    return {r.id: count_terms(r, chosen, True).comments for r in story.reports}


def comment_difference(story: Story, group: TermGroup) -> dict[str, dict[str, int]]:
    """For each report with reader comments: how many of each term the comments add (zeros left out).

    Example:
        >>> from medialit.story import load_story
        >>> comment_difference(load_story(), load_terms().group("sides_government"))
        {'004': {'regime': 2, 'government': 3}}
    """
    table = comment_table(story, [group])
    return {
        report.id: {term: n for term, n in table[report.id].items() if n}
        for report in story.reports if has_comments(report)
    }
