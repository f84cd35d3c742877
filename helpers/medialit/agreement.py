"""How far a class agrees on which headline words are loaded.

Each student's tags are plain data, as saved by the tagging widget::

    {"003": [{"start": 52, "end": 63, "word": "if Provoked", "category": "vague"}], ...}

offsets into that report's headline. A class is ``{student_name: that dict}``.

Units and values. Every word of every headline (see :func:`medialit.headlines.word_spans`) is
one unit; a student's value for it is what they did with that word:

* ``mode="tagged"`` (what the lesson shows): ``"tagged"`` or ``"none"``. The lesson's question
  is "did we agree *which* words are loaded?", and categories are a second, harder step.
* ``mode="category"``: the category of the tag covering the word, or ``"none"``.

A report a student's file does not mention counts as *not done* (a missing value), not as "found
nothing"; an empty list ``[]`` means "looked and found nothing". Krippendorff's alpha handles the
missing values, so a student who skipped a report does not drag agreement down.

When alpha is undefined this module returns ``None`` (never NaN), namely when fewer than two
students' values can be compared on any word, or when everyone gave every word the same value
(say nobody tagged anything): then observed and expected disagreement are both zero and
alpha = 1 - 0/0 has no value.

Bad tags (wrong types, offsets outside the headline, a ``word`` that does not match the
headline, unknown reports) are skipped and described in ``problems``; nothing raises.

Example:
    >>> from medialit import load_story
    >>> story = load_story()
    >>> tags = {"003": [{"start": 52, "end": 63, "word": "if Provoked", "category": "vague"}]}
    >>> class_agreement({"ana": tags, "ben": tags}, story)
    1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction

# Absolute imports so `python -m doctest helpers/medialit/agreement.py` works too.
from medialit.headlines import CATEGORIES, word_spans
from medialit.story import Story

NONE = "none"
TAGGED = "tagged"
#: A category that is not one of :data:`medialit.headlines.CATEGORIES` is kept under this name.
OTHER = "other"
MODES = ("tagged", "category")
#: Beyond this many problems the list ends with a count, so garbage cannot flood the screen.
MAX_PROBLEMS = 50
#: A student file with more tags than this for one headline is not a real attempt.
MAX_TAGS_PER_REPORT = 500


@dataclass(frozen=True)
class Tag:
    """One cleaned tag: a span of a headline and the category a student gave it.

    Example:
        >>> Tag(7, 16, "threatens", "emotive_verb").word
        'threatens'
    """

    start: int
    end: int
    word: str
    category: str


@dataclass(frozen=True)
class WordTally:
    """One headline word: how many students tagged it, and with which categories (most first).

    Example:
        >>> WordTally(7, 16, "threatens", 2, (("emotive_verb", 2),)).students
        2
    """

    start: int
    end: int
    word: str
    students: int
    categories: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TagCounts:
    """Per report, every headline word with its tally; plus how many students, and the problems.

    Example:
        >>> from medialit import load_story
        >>> counts = tag_counts({}, load_story())
        >>> counts.students, counts.problems
        (0, ())
    """

    words: dict[str, tuple[WordTally, ...]]
    students: int
    problems: tuple[str, ...]


def check_tags(class_tags: object, story: Story) -> tuple[dict[str, dict[str, list[Tag]]], list[str]]:
    """The usable tags of every student, and a list of problems with the rest (never raises).

    Example:
        >>> from medialit import load_story
        >>> clean, problems = check_tags({"ana": {"004": [{"start": 0, "end": 999}]}}, load_story())
        >>> clean, problems[0].split(":")[0]
        ({'ana': {'004': []}}, "student 'ana', report 004, tag 1")
    """
    problems: list[str] = []
    clean: dict[str, dict[str, list[Tag]]] = {}
    if not isinstance(class_tags, dict):
        return {}, [
            f"The class tags must be {{student: {{report id: [tags]}}}}, not {type(class_tags).__name__}; nothing was read."
        ]
    headlines = {report.id: report.headline for report in story.reports}
    for student_key, reports in class_tags.items():
        student = _short(student_key if isinstance(student_key, str) else repr(student_key))
        if not isinstance(reports, dict):
            problems.append(
                f"student {student!r}: expected {{report id: [tags]}}, found {type(reports).__name__}; skipped this student."
            )
            continue
        mine: dict[str, list[Tag]] = {}
        for report_key, tags in reports.items():
            report_id = report_key if isinstance(report_key, str) else str(report_key)
            where = f"student {student!r}, report {_short(report_id)}"
            if report_id not in headlines:
                problems.append(f"{where}: this story has no such report ({', '.join(headlines)}); skipped.")
                continue
            if not isinstance(tags, list):
                problems.append(f"{where}: expected a list of tags, found {type(tags).__name__}; skipped this report.")
                continue
            if len(tags) > MAX_TAGS_PER_REPORT:
                problems.append(f"{where}: {len(tags)} tags is more than {MAX_TAGS_PER_REPORT}; skipped this report.")
                continue
            mine[report_id] = _clean_report_tags(tags, headlines[report_id], where, problems)
        clean[student_key if isinstance(student_key, str) else repr(student_key)] = mine
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [f"... and {len(problems) - MAX_PROBLEMS} more problems."]
    return clean, problems


def tag_counts(class_tags: object, story: Story) -> TagCounts:
    """For each report, each headline word and how many students tagged it (and how).

    Example:
        >>> from medialit import load_story
        >>> tags = {"004": [{"start": 7, "end": 16, "word": "Threatens", "category": "emotive_verb"}]}
        >>> counts = tag_counts({"ana": tags, "ben": tags, "cy": {"004": []}}, load_story())
        >>> [(w.word, w.students) for w in counts.words["004"] if w.students]
        [('Threatens', 2)]
    """
    clean, problems = check_tags(class_tags, story)
    words: dict[str, tuple[WordTally, ...]] = {}
    for report in story.reports:
        tallies = []
        for start, end, word in word_spans(report.headline):
            categories: Counter[str] = Counter()
            for tags in clean.values():
                category = _category_at(tags.get(report.id), start, end)
                if category not in (None, NONE):
                    categories[category] += 1
            tallies.append(
                WordTally(start, end, word, sum(categories.values()), tuple(categories.most_common()))
            )
        words[report.id] = tuple(tallies)
    return TagCounts(words, len(clean), tuple(problems))


def most_divided(counts: TagCounts, limit: int = 3) -> list[tuple[str, WordTally]]:
    """The words the class split on most: tagged by some students but not all, closest to half first.

    Returns ``(report_id, tally)`` pairs; ties keep headline order. These are the words worth a
    class discussion. (Students who skipped a report still count in the total, so "all" means all
    students.)

    Example:
        >>> from medialit import load_story
        >>> tag = {"start": 7, "end": 16, "word": "threatens", "category": "emotive_verb"}
        >>> counts = tag_counts({"ana": {"000": [tag]}, "ben": {"000": []}}, load_story())
        >>> [(report, tally.word) for report, tally in most_divided(counts)]
        [('000', 'threatens')]
    """
    if counts.students < 2:
        return []
    split = [
        (report_id, tally)
        for report_id, tallies in counts.words.items()
        for tally in tallies
        if 0 < tally.students < counts.students
    ]
    split.sort(key=lambda pair: abs(2 * pair[1].students - counts.students))
    return split[: max(limit, 0)]


def class_agreement(class_tags: object, story: Story, mode: str = "tagged") -> float | None:
    """Krippendorff's alpha for the class over every headline word; ``None`` when undefined.

    ``mode="tagged"`` compares tagged/untagged (what the lesson shows); ``mode="category"``
    compares the categories too. Bad tags are skipped (see :func:`check_tags` for the list).

    Example:
        >>> from medialit import load_story
        >>> print(class_agreement({"only one student": {"004": []}}, load_story()))
        None
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    return krippendorff_alpha(reliability_data(class_tags, story, mode))


def reliability_data(class_tags: object, story: Story, mode: str = "tagged") -> list[list[str | None]]:
    """One row per student, one column per headline word (all reports in order); None = not done.

    Example:
        >>> from medialit import load_story
        >>> row = reliability_data({"ana": {"000": [{"start": 7, "end": 16}]}}, load_story())[0]
        >>> row[:3], row[10]
        (['none', 'tagged', 'none'], None)
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    clean, _ = check_tags(class_tags, story)
    units = [(report.id, start, end) for report in story.reports for start, end, _ in word_spans(report.headline)]
    rows: list[list[str | None]] = []
    for tags in clean.values():
        row: list[str | None] = []
        for report_id, start, end in units:
            category = _category_at(tags.get(report_id), start, end)
            if mode == "tagged" and category not in (None, NONE):
                category = TAGGED
            row.append(category)
        rows.append(row)
    return rows


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal values; rows are observers, columns units, None missing.

    Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": build the
    coincidence matrix from every unit with at least two values, then
    alpha = 1 - (n - 1) * (sum of o_ck, c != k) / (sum of n_c * n_k, c != k).
    NaN counts as missing too. Returns ``None`` when alpha is undefined (see the module notes).

    Example:
        >>> round(krippendorff_alpha([["a", "b", "b", None], ["a", "b", "a", "a"]]), 3)
        0.444
    """
    rows = [list(row) for row in data]
    if not rows:
        return None
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every observer's row must have one value per unit (use None for missing)")
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in range(width):
        values = Counter(row[unit] for row in rows if not _missing(row[unit]))
        pairable = sum(values.values())
        if pairable < 2:
            continue
        for c, n_c in values.items():
            for k, n_k in values.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[(c, k)] += Fraction(pairs, pairable - 1)
    totals: Counter[Hashable] = Counter()
    for (c, _), count in coincidences.items():
        totals[c] += count
    n = sum(totals.values())
    observed = sum(count for (c, k), count in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n < 2 or expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean_report_tags(tags: list, headline: str, where: str, problems: list[str]) -> list[Tag]:
    kept: list[Tag] = []
    for number, tag in enumerate(tags, start=1):
        here = f"{where}, tag {number}"
        if not isinstance(tag, dict):
            problems.append(f"{here}: expected {{start, end, word, category}}, found {type(tag).__name__}; skipped.")
            continue
        start, end = tag.get("start"), tag.get("end")
        # bool is an int in Python, but True/False as an offset is always a mistake.
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            problems.append(f"{here}: 'start' and 'end' must be whole numbers; skipped.")
            continue
        if not 0 <= start < end <= len(headline):
            problems.append(
                f"{here}: characters {start}-{end} are outside the headline "
                f"(0-{len(headline)}) or empty; skipped."
            )
            continue
        word = tag.get("word")
        if word is not None and word != headline[start:end]:
            shown = _short(word) if isinstance(word, str) else type(word).__name__
            problems.append(
                f"{here}: the word {shown!r} is not what the headline has there "
                f"({headline[start:end]!r}); skipped, as the headline may have changed."
            )
            continue
        category = tag.get("category", TAGGED)
        # A list or object from a hand-edited file is unhashable: test the type before the lookup.
        if not isinstance(category, str) or (category not in CATEGORIES and category != TAGGED):
            shown = _short(category) if isinstance(category, str) else type(category).__name__
            problems.append(f"{here}: unknown category {shown!r}; kept the tag as {OTHER!r}.")
            category = OTHER
        new = Tag(start, end, headline[start:end], category)
        clash = next((old for old in kept if old.start < end and start < old.end), None)
        if clash is not None:
            if clash.category != category:
                problems.append(
                    f"{here}: {new.word!r} overlaps the tag {clash.word!r} with another category; "
                    "kept the first."
                )
            continue
        kept.append(new)
    return kept


def _category_at(tags: list[Tag] | None, start: int, end: int) -> str | None:
    """The value of one word for one student: None if the report was not done."""
    if tags is None:
        return None
    for tag in tags:
        if tag.start < end and start < tag.end:
            return tag.category
    return NONE
