"""Lesson 5's analysis: pieces of evidence, a ranking's problems, what a verdict still lacks, and tips.

Pure functions over plain data (the saved answers of lesson ``05-verdict``); the widgets in
:mod:`medialit.widgets.verdict` only show what these return, and :mod:`medialit.handin` turns a
finished verdict into the page and the file a student hands in.

* :class:`Evidence` is one piece of evidence: the report it is about, where it came from (a lesson
  id or ``"notes"``) and the line itself; :func:`evidence_items` lists every piece a student may
  choose, :func:`note_lines` splits the student's own notes into pieces;
* :func:`ranking_problems` says what is wrong with a ranking, :func:`verdict_problems` what is
  still missing before a verdict can be handed in, :func:`verdict_tips` how to make it stronger
  (the rubric's advice, never a requirement);
* :func:`gather_evidence` reads each earlier lesson's evidence from the student's saved work, with
  the evidence functions the course registry (:mod:`medialit.course`) declares.

Example:
    >>> verdict_problems(["001", "002"], [{"source": "notes"}] * 3, "Because ...", ["001", "002"])
    []
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from .course import EVIDENCE_LESSONS, Lesson
from .evidence import ALL_REPORTS
from .story import Story
from .text import SHORT_LINE, shorten

#: The source of a piece of evidence the student wrote themselves.
NOTES = "notes"
#: A verdict rests on at least this many pieces of evidence.
MIN_EVIDENCE = 3
#: Long free-text answers are shortened in evidence lines so that tables stay readable.
MAX_QUOTE = SHORT_LINE
#: A justification shorter than this (in words) gets a tip to say more.
SHORT_JUSTIFICATION = 40
#: Words that show a student weighing their evidence or naming what they cannot tell (the rubric's top level).
HEDGES = re.compile(r"\b(but|however|although|not sure|uncertain|cannot tell|can't tell|might|may)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: which report it is about, where it came from, and the line itself.

    Example:
        >>> Evidence("001", "notes", "Named author").key()
        {'report': '001', 'source': 'notes', 'text': 'Named author'}
    """

    report: str
    source: str
    text: str

    def key(self) -> dict[str, str]:
        """The plain-data form saved under ``chosen``."""
        return {"report": self.report, "source": self.source, "text": self.text}

    @classmethod
    def from_saved(cls, saved: Mapping) -> "Evidence":
        """A piece saved under ``chosen``, whatever was stored in its fields.

        Example:
            >>> Evidence.from_saved({"report": 1, "text": "x"})
            Evidence(report='1', source='', text='x')
        """
        return cls(str(saved.get("report", "")), str(saved.get("source", "")), str(saved.get("text", "")))


def note_lines(notes: Mapping[str, str], ids: Sequence[str]) -> dict[str, list[str]]:
    """The student's notes split into pieces of evidence: one per non-blank line, reports in story order.

    Notes about reports not in ``ids`` (a report removed from the story) are left out.

    Example:
        >>> note_lines({"001": "Named author\\n\\n British time stamp ", "999": "gone"}, ["001"])
        {'001': ['Named author', 'British time stamp']}
    """
    result: dict[str, list[str]] = {}
    for report_id in [*ids, ALL_REPORTS]:
        text = str((notes or {}).get(report_id) or "")
        lines = [shorten(line) for line in text.splitlines() if line.strip()]
        if lines:
            result[report_id] = lines
    return result


def evidence_items(
    found: Iterable[tuple[str, Mapping[str, Sequence[str]]]],
    notes: Mapping[str, str],
    ids: Sequence[str],
) -> list[Evidence]:
    """Every piece of evidence a student can choose, report by report (their notes last in each report).

    ``found`` is ``(source, {report id: lines})`` for each earlier lesson with evidence, in lesson order.

    Example:
        >>> [e.source for e in evidence_items([("02-loaded-headlines", {"002": ["Calm"]})], {"002": "Mine"}, ["001", "002"])]
        ['02-loaded-headlines', 'notes']
    """
    found = list(found)
    own = note_lines(notes, ids)
    items: list[Evidence] = []
    for report_id in [*ids, ALL_REPORTS]:
        for source, lines in found:
            items.extend(Evidence(report_id, source, line) for line in lines.get(report_id, []))
        items.extend(Evidence(report_id, NOTES, line) for line in own.get(report_id, []))
    return items


def chosen_pieces(saved: object) -> list[dict]:
    """The saved ``chosen`` answer as a list of pieces, whatever shape it was saved in.

    Example:
        >>> chosen_pieces([{"report": "001"}, "junk", 3]), chosen_pieces("junk")
        ([{'report': '001'}], [])
    """
    return [item for item in saved if isinstance(item, dict)] if isinstance(saved, list) else []


def report_title(story: Story, report_id: str) -> str:
    """How a report is named in tables and the summary: its name and headline.

    Example:
        >>> from medialit import load_story
        >>> report_title(load_story(), "001")
        'Report 001: Russia threatens to retaliate against US forces in Syria'
    """
    if report_id == ALL_REPORTS:
        return "All the reports"
    try:
        report = story.report(report_id)
    except Exception:  # noqa: BLE001 - a report removed from the story since it was saved
        return f"Report {report_id} (no longer in this story)"
    return f"{report.name}: {shorten(report.headline, 110)}"


def ranking_problems(ranking: Sequence | None, ids: Sequence[str]) -> list[str]:
    """What is wrong with a ranking, in plain words (empty when every report has exactly one place).

    Example:
        >>> ranking_problems(["001", "001", None], ["001", "002", "003"])
        ['Report 001 is in more than one place (1st, 2nd): each report gets one place.', 'Place 3 is still empty.']
    """
    ranking = list(ranking or [])
    slots = ranking[: len(ids)] + [None] * max(0, len(ids) - len(ranking))
    problems = []
    for report_id in ids:
        places = [index for index, value in enumerate(slots, start=1) if value == report_id]
        if len(places) > 1:
            problems.append(
                f"Report {report_id} is in more than one place ({', '.join(ordinal(p) for p in places)}): "
                "each report gets one place."
            )
    empty = [str(index) for index, value in enumerate(slots, start=1) if value not in ids]
    if empty:
        plural = len(empty) > 1
        problems.append(f"Place{'s' if plural else ''} {join_words(empty)} {'are' if plural else 'is'} still empty.")
    return problems


def verdict_problems(ranking: Sequence | None, chosen: Sequence | None, justification: str,
                     ids: Sequence[str]) -> list[str]:
    """Everything still missing before the verdict can be handed in (empty when it is complete).

    Example:
        >>> verdict_problems([], [], "", ["001", "002"])  # doctest: +NORMALIZE_WHITESPACE
        ['You have not ranked the reports yet.', 'You chose 0 pieces of evidence: choose at least 3.',
         'Your justification is empty: write why you ranked the reports this way.']
    """
    problems = []
    if not any(value in ids for value in ranking or []):
        problems.append("You have not ranked the reports yet.")
    else:
        problems.extend(ranking_problems(ranking, ids))
    count = len(chosen or [])
    if count < MIN_EVIDENCE:
        problems.append(
            f"You chose {count} piece{'' if count == 1 else 's'} of evidence: choose at least {MIN_EVIDENCE}."
        )
    if not str(justification or "").strip():
        problems.append("Your justification is empty: write why you ranked the reports this way.")
    return problems


def verdict_tips(chosen: Sequence | None, justification: str, titles: Mapping[str, str] | None = None) -> list[str]:
    """Suggestions (not requirements) drawn from the rubric; ``titles`` names each evidence source.

    Example:
        >>> verdict_tips([{"source": "notes"}] * 3, "Short.")[0]
        'All your evidence comes from your own notes. Strong verdicts use evidence from several lessons.'
    """
    tips = []
    chosen = list(chosen or [])
    sources = {str(item.get("source", "")) for item in chosen if isinstance(item, dict)}
    if len(chosen) >= MIN_EVIDENCE and len(sources) == 1:
        only = sources.pop()
        place = "your own notes" if only == NOTES else (titles or {}).get(only, only)
        tips.append(f"All your evidence comes from {place}. Strong verdicts use evidence from several lessons.")
    text = str(justification or "")
    count = len(text.split())
    if 0 < count < SHORT_JUSTIFICATION:
        tips.append(f"Your justification has {count} words. Say how each piece of evidence supports your ranking.")
    if count and not HEDGES.search(text):
        tips.append("Say what you are not sure about, or what the kit's tools cannot tell you.")
    return tips


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st.

    Example:
        >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 112)]
        ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '112th']
    """
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def join_words(items: Sequence[str]) -> str:
    """Items joined as in a sentence: ``a``, ``a and b``, ``a, b and c``.

    Example:
        >>> join_words(["1"]), join_words(["1", "2", "3"])
        ('1', '1, 2 and 3')
    """
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- gathering the earlier lessons' evidence ---------------------------------------------


#: The earlier lessons whose evidence is gathered, from the course registry (``stem`` is the lesson id).
LESSONS: tuple[Lesson, ...] = EVIDENCE_LESSONS


@dataclass
class LessonEvidence:
    """What one earlier lesson contributes: ``done`` is False when there is nothing to show yet.

    Example:
        >>> LessonEvidence(LESSONS[2], False).todo()
        'not done yet — open lesson 2 (02-loaded-headlines.ipynb)'
    """

    lesson: Lesson
    done: bool
    lines: dict[str, list[str]] = field(default_factory=dict)

    def todo(self) -> str:
        """The plain message shown where this lesson has no saved work."""
        return f"not done yet — open lesson {self.lesson.number} ({self.lesson.stem}.ipynb)"




def evidence_functions() -> dict[str, Callable[[dict, Story], Any] | None]:
    """Each earlier lesson's evidence function by lesson id, as declared in :mod:`medialit.course`.

    Example:
        >>> from medialit.evidence import start_here_evidence
        >>> evidence_functions()["00-start-here"] is start_here_evidence
        True
    """
    return {lesson.id: lesson.evidence for lesson in LESSONS}


def gather_evidence(
    story: Story,
    work: dict[str, dict],
    functions: dict[str, Callable[[dict, Story], Any] | None] | None = None,
    strict: bool = False,
) -> list[LessonEvidence]:
    """Each earlier lesson's evidence from the student's saved work (``work`` as from ``all_work``).

    A lesson with no saved answers, no evidence function, or one returning nothing usable is
    "not done"; lines about unknown reports are dropped. A function that fails is "not done"
    too, so one lesson's bug cannot stop the verdict, unless ``strict`` (the tests' mode), which
    re-raises the error so the bug is seen.

    Example:
        >>> from medialit import load_story
        >>> story = load_story()
        >>> found = gather_evidence(story, {"02-loaded-headlines": {"tags": {}}}, {"02-loaded-headlines": lambda a, s: {"001": ["Calm headline"]}})
        >>> [(item.lesson.number, item.done) for item in found]
        [(0, False), (1, False), (2, True), (3, False), (4, False)]
    """
    functions = evidence_functions() if functions is None else functions
    known = set(story.ids) | {ALL_REPORTS}
    gathered = []
    for lesson in LESSONS:
        answers = work.get(lesson.id) or {}
        function = functions.get(lesson.id)
        lines: dict[str, list[str]] = {}
        if answers and callable(function):
            try:
                result = function(dict(answers) if isinstance(answers, dict) else {}, story)
            except Exception:  # noqa: BLE001 - an unfinished lesson's helper must not break this one
                if strict:
                    raise
                result = None
            if isinstance(result, dict):
                for report_id, items in result.items():
                    if str(report_id) not in known or isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
                        continue
                    clean = [shorten(item) for item in items if str(item).strip()]
                    if clean:
                        lines[str(report_id)] = clean
        gathered.append(LessonEvidence(lesson, bool(lines), lines))
    return gathered
