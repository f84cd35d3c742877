"""One tolerant reader per lesson's saved answers: what a widget, the class view and the verdict may rely on.

Saved answers come from a student's work file or from an export a teacher collected, so
they may be old, hand-edited or hostile. Each reader here takes one lesson's answers (the
``{key: value}`` dict of :func:`medialit.progress.open_work`) and returns plain dataclasses
holding only what is well formed, plus ``skipped``: one sentence per part it left out, with
the reason. A reader never raises on odd data.

The shapes (the keys are declared in :mod:`medialit.course`):

* lesson 1, ``labeller.labels``: ``{report_id: {line: {"group": "body"|"comment"|"other", "role": str}}}``
  and ``labeller.checked``: ``{report_id: {"right": int, "scored": int}}``;
* lesson 2, ``tags``: ``{report_id: [{"start", "end", "word", "category"}]}`` and ``rewrites``: ``{report_id: text}``;
* lesson 3, ``verdicts``: ``{remark: {version: {"verdict": str, "reason": str}}}``, ``reference``:
  ``{remark: token}`` and ``revealed``: ``[remark, ...]``;
* lesson 5, ``ranking``: ``[report_id | None, ...]``, most trusted first.

Example:
    >>> read_labels({"labeller.labels": {"004": {"34": {"group": "comment"}, "²": {"group": "body"}}}}).labels
    {'004': {34: Label(group='comment', role='')}}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .answer_key import Label  # one label type for the key, the widgets and the class's exports
from .quotes import VERDICTS

#: The three groups a lesson-1 label can have.
GROUPS = ("body", "comment", "other")
#: No real student judges this many remarks, or this many versions of one; more is junk or an attack.
MAX_REMARKS = 200
MAX_VERSIONS = 100
#: A reason longer than this is cut (the views show a line, not an essay).
MAX_REASON_CHARS = 2_000
#: Paragraph lines are small positive numbers written with ASCII digits ("²" and "١" are not lines).
_LINE = re.compile(r"[0-9]{1,6}")

LABELS_KEY = "labeller.labels"
CHECKED_KEY = "labeller.checked"
TAGS_KEY = "tags"
REWRITES_KEY = "rewrites"
VERDICTS_KEY = "verdicts"
REFERENCE_KEY = "reference"
REVEALED_KEY = "revealed"
RANKING_KEY = "ranking"


def _short(value: object, limit: int = 30) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- lesson 1 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """The last "Check my labels" result for one report.

    Example:
        >>> Score(3, 4).right
        3
    """

    right: int
    scored: int


@dataclass(frozen=True)
class LabelAnswers:
    """Lesson 1's usable labels ``{report_id: {line: Label}}``, checks, and what was skipped.

    Example:
        >>> LabelAnswers().labels
        {}
    """

    labels: dict[str, dict[int, Label]] = field(default_factory=dict)
    checked: dict[str, Score] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()


def read_labels(answers: object) -> LabelAnswers:
    """Lesson 1's labels and checks; odd report ids, line keys or labels are skipped with a reason.

    Example:
        >>> found = read_labels({"labeller.labels": {"001": {"1": {"group": "weird"}}}})
        >>> found.labels, found.skipped
        ({}, ("report '001', line '1': the group 'weird' is not body, comment or other; skipped.",))
    """
    answers = answers if isinstance(answers, dict) else {}
    skipped: list[str] = []
    labels: dict[str, dict[int, Label]] = {}
    saved = answers.get(LABELS_KEY, {})
    if not isinstance(saved, dict):
        skipped.append(f"the labels are not {{report: {{line: label}}}} but {type(saved).__name__}; skipped.")
        saved = {}
    for report_id, cards in saved.items():
        if not isinstance(report_id, str) or not isinstance(cards, dict):
            skipped.append(f"report {_short(report_id)}: not {{line: label}}; skipped.")
            continue
        for line, label in cards.items():
            where = f"report {_short(report_id)}, line {_short(line)}"
            if not isinstance(line, str) or not _LINE.fullmatch(line):
                skipped.append(f"{where}: not a line number; skipped.")
                continue
            group = label.get("group") if isinstance(label, dict) else None
            if group not in GROUPS:
                skipped.append(f"{where}: the group {_short(group)} is not body, comment or other; skipped.")
                continue
            role = label.get("role")
            labels.setdefault(report_id, {})[int(line)] = Label(group, role if isinstance(role, str) and len(role) <= 40 else "")
    checked: dict[str, Score] = {}
    scores = answers.get(CHECKED_KEY, {})
    for report_id, score in (scores.items() if isinstance(scores, dict) else ()):
        right = score.get("right") if isinstance(score, dict) else None
        scored = score.get("scored") if isinstance(score, dict) else None
        if isinstance(report_id, str) and _count(right) and _count(scored) and right <= scored:
            checked[report_id] = Score(right, scored)
        else:
            skipped.append(f"check of report {_short(report_id)}: not {{right, scored}}; skipped.")
    return LabelAnswers(labels, checked, tuple(skipped))


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


# --- lesson 2 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagAnswers:
    """Lesson 2's usable tags ``{report_id: [Tag]}`` (see :class:`medialit.agreement.Tag`), rewrites, skips.

    Example:
        >>> TagAnswers().tags
        {}
    """

    tags: dict[str, list[Any]] = field(default_factory=dict)
    rewrites: dict[str, str] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()


def read_tags(answers: object, story: Any) -> TagAnswers:
    """Lesson 2's tags that still fit the story's headlines, and its neutral rewrites.

    Example:
        >>> from medialit import load_story
        >>> found = read_tags({"tags": {"004": [{"start": 0, "end": 999}]}, "rewrites": {"004": "Calm"}}, load_story())
        >>> found.tags, found.rewrites, len(found.skipped)
        ({'004': []}, {'004': 'Calm'}, 1)
    """
    from .agreement import check_tags

    answers = answers if isinstance(answers, dict) else {}
    saved = answers.get(TAGS_KEY, {})
    clean, problems = check_tags({"you": saved if isinstance(saved, dict) else {}}, story)
    skipped = [problem.replace("student 'you', ", "") for problem in problems]
    if not isinstance(saved, dict):
        skipped.append(f"the tags are not {{report: [tags]}} but {type(saved).__name__}; skipped.")
    rewrites: dict[str, str] = {}
    saved_rewrites = answers.get(REWRITES_KEY, {})
    ids = set(story.ids)
    for report_id, text in (saved_rewrites.items() if isinstance(saved_rewrites, dict) else ()):
        if report_id in ids and isinstance(text, str) and len(text) <= MAX_REASON_CHARS:
            rewrites[report_id] = text
        else:
            skipped.append(f"rewrite of report {_short(report_id)}: not a headline of this story; skipped.")
    return TagAnswers(clean.get("you", {}), rewrites, tuple(skipped))


# --- lesson 3 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """A student's verdict on one version of a quote, and their reason.

    Example:
        >>> Verdict("fragment", "words cut").verdict
        'fragment'
    """

    verdict: str
    reason: str = ""


@dataclass(frozen=True)
class VerdictAnswers:
    """Lesson 3's verdicts ``{remark: {version: Verdict}}``, chosen references, revealed remarks, skips.

    Example:
        >>> VerdictAnswers().verdicts
        {}
    """

    verdicts: dict[str, dict[str, Verdict]] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    revealed: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


def read_verdicts(answers: object) -> VerdictAnswers:
    """Lesson 3's verdicts, capped at :data:`MAX_REMARKS` remarks and :data:`MAX_VERSIONS` versions each.

    The work is linear in the size of the answers, and what is kept is bounded, so one
    hostile export cannot slow the class view down.

    Example:
        >>> found = read_verdicts({"verdicts": {"remark:a": {"001@5": {"verdict": "fragment"}, "002@1": {"verdict": "?"}}}})
        >>> found.verdicts, len(found.skipped)
        ({'remark:a': {'001@5': Verdict(verdict='fragment', reason='')}}, 1)
    """
    answers = answers if isinstance(answers, dict) else {}
    skipped: list[str] = []
    verdicts: dict[str, dict[str, Verdict]] = {}
    saved = answers.get(VERDICTS_KEY, {})
    if not isinstance(saved, dict):
        skipped.append(f"the verdicts are not {{remark: {{version: verdict}}}} but {type(saved).__name__}; skipped.")
        saved = {}
    for index, (remark, versions) in enumerate(saved.items()):
        if index >= MAX_REMARKS:
            skipped.append(f"{len(saved) - MAX_REMARKS} more remarks than the {MAX_REMARKS} read; skipped.")
            break
        if not isinstance(remark, str) or not isinstance(versions, dict):
            skipped.append(f"remark {_short(remark)}: not {{version: verdict}}; skipped.")
            continue
        kept: dict[str, Verdict] = {}
        for number, (version, choice) in enumerate(versions.items()):
            if number >= MAX_VERSIONS:
                skipped.append(f"remark {_short(remark)}: {len(versions) - MAX_VERSIONS} more versions than the {MAX_VERSIONS} read; skipped.")
                break
            verdict = choice.get("verdict") if isinstance(choice, dict) else None
            if verdict in (None, ""):
                continue  # a version the student has not judged yet
            if verdict not in VERDICTS:
                skipped.append(f"remark {_short(remark)}, version {_short(version)}: {_short(verdict)} is not a verdict; skipped.")
                continue
            reason = choice.get("reason")
            kept[version] = Verdict(verdict, reason[:MAX_REASON_CHARS] if isinstance(reason, str) else "")
        if kept:
            verdicts[remark] = kept
    references = answers.get(REFERENCE_KEY, {})
    references = {k: v for k, v in references.items() if isinstance(v, str)} if isinstance(references, dict) else {}
    revealed = answers.get(REVEALED_KEY, [])
    revealed = tuple(dict.fromkeys(r for r in revealed if isinstance(r, str))) if isinstance(revealed, list) else ()
    return VerdictAnswers(verdicts, references, revealed, tuple(skipped))


# --- lesson 5 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankingAnswers:
    """Lesson 5's ranking: the report in each place (None for an empty place), and what was skipped.

    Example:
        >>> RankingAnswers().places
        ()
    """

    places: tuple[str | None, ...] = ()
    skipped: tuple[str, ...] = ()

    def place_of(self, report_id: str) -> int | None:
        """The first place (1 = most trusted) this report was put in, or None."""
        return self.places.index(report_id) + 1 if report_id in self.places else None


def read_ranking(answers: object, report_ids: list[str]) -> RankingAnswers:
    """Lesson 5's ranking, one entry per report of the story; unknown reports become empty places.

    Example:
        >>> read_ranking({"ranking": ["002", "999", "001"]}, ["001", "002", "003"]).places
        ('002', None, '001')
    """
    answers = answers if isinstance(answers, dict) else {}
    saved = answers.get(RANKING_KEY, [])
    if not isinstance(saved, list):
        return RankingAnswers((None,) * len(report_ids), (f"the ranking is not a list but {type(saved).__name__}; skipped.",))
    skipped = [f"place {place}: {_short(value)} is not a report of this story; left empty."
               for place, value in enumerate(saved[: len(report_ids)], start=1)
               if value is not None and value not in report_ids]
    places = [value if value in report_ids else None for value in saved[: len(report_ids)]]
    places += [None] * (len(report_ids) - len(places))
    return RankingAnswers(tuple(places), tuple(skipped))
