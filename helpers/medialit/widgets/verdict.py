"""Lesson 5 widgets: gather the evidence, rank the reports, export a summary to hand in.

The evidence comes from the student's saved work in lessons 0-4 (read with
:func:`medialit.progress.all_work`). Each lesson's evidence function is declared in
:mod:`medialit.course` (the functions are in :mod:`medialit.evidence`); a lesson
whose function is missing, fails, or returns nothing is shown as "not done yet",
never as an error (tests use ``gather_evidence(..., strict=True)`` to see errors).

Saved keys (lesson ``05-verdict``):

``notes``
    ``{report_id: text}``: the student's own evidence notes; each non-blank line is one piece.
``ranking``
    ``[report_id | None, ...]``: the report in each place, most trusted first (one entry per report).
``chosen``
    ``[{"report": id, "source": lesson stem or "notes", "text": line}, ...]``: evidence picked
    for the justification. ``report`` is ``"*"`` for evidence about all the reports.
``justification``
    The student's written reasons (text).
``summary``
    Path of the last one-page summary made.
``exported``
    Path of the last full work file exported for the teacher.
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable

import ipywidgets as widgets

from ..course import EVIDENCE_LESSONS, Lesson
from ..evidence import start_here_evidence as lesson0_evidence
from ..progress import PROFILE, LessonWork, WorkError, all_work, export_work, open_work
from ..story import Story
from .common import KitBox, Status, esc, guarded, session, static_table
from .start_here import Question

__all__ = [
    "evidence_table",
    "evidence_notes",
    "ranking",
    "evidence_chooser",
    "justification",
    "verdict_check",
    "summary_maker",
]

LESSON = "05-verdict"
#: Evidence that is about the whole story, not one report.
ALL_REPORTS = "*"
NOTES = "notes"
MIN_EVIDENCE = 3
#: A folder the teacher sets for hand-ins (else the student's work folder).
HANDIN_ENV = "MEDIALIT_HANDIN"
#: Long free-text answers are shortened in evidence lines so the table stays readable.
MAX_QUOTE = 220


#: The earlier lessons whose evidence is gathered, from the course registry (``stem`` is the lesson id).
LessonInfo = Lesson
LESSONS: tuple[Lesson, ...] = EVIDENCE_LESSONS


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


@dataclass
class LessonEvidence:
    """What one earlier lesson contributes: ``done`` is False when there is nothing to show yet.

    Example:
        >>> LessonEvidence(LESSONS[2], False).todo()
        'not done yet — open lesson 2 (02-loaded-headlines.ipynb)'
    """

    lesson: LessonInfo
    done: bool
    lines: dict[str, list[str]] = field(default_factory=dict)

    def todo(self) -> str:
        """The plain message shown where this lesson has no saved work."""
        return f"not done yet — open lesson {self.lesson.number} ({self.lesson.stem}.ipynb)"


# --- pure functions -------------------------------------------------------------------------


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis.

    Example:
        >>> shorten("one two three four", 9)
        'one two…'
    """
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def evidence_functions() -> dict[str, Callable[[dict, Story], Any] | None]:
    """Each earlier lesson's evidence function by lesson id, as declared in :mod:`medialit.course`.

    Example:
        >>> evidence_functions()["00-start-here"] is lesson0_evidence
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


def note_lines(notes: dict[str, str], story: Story) -> dict[str, list[str]]:
    """The student's notes split into pieces of evidence: one per non-blank line.

    Example:
        >>> from medialit import load_story
        >>> note_lines({"001": "Named author\\n\\n British time stamp "}, load_story())
        {'001': ['Named author', 'British time stamp']}
    """
    result: dict[str, list[str]] = {}
    for report_id in [*story.ids, ALL_REPORTS]:
        text = str((notes or {}).get(report_id) or "")
        lines = [shorten(line) for line in text.splitlines() if line.strip()]
        if lines:
            result[report_id] = lines
    return result


def evidence_items(gathered: list[LessonEvidence], notes: dict[str, str], story: Story) -> list[Evidence]:
    """Every piece of evidence a student can choose, report by report (notes last in each report).

    Example:
        >>> from medialit import load_story
        >>> story = load_story()
        >>> [e.text for e in evidence_items([], {"002": "Tags above"}, story)]
        ['Tags above']
    """
    own = note_lines(notes, story)
    items: list[Evidence] = []
    for report_id in [*story.ids, ALL_REPORTS]:
        for lesson in gathered:
            items.extend(Evidence(report_id, lesson.lesson.stem, line) for line in lesson.lines.get(report_id, []))
        items.extend(Evidence(report_id, NOTES, line) for line in own.get(report_id, []))
    return items


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


def source_title(source: str) -> str:
    """Where a piece of evidence came from, in words.

    Example:
        >>> source_title("03-quote-fidelity"), source_title("notes")
        ('Lesson 3: Quote fidelity', 'Your note')
    """
    if source == NOTES:
        return "Your note"
    for lesson in LESSONS:
        if lesson.stem == source:
            return f"Lesson {lesson.number}: {lesson.title}"
    return source


def ranking_problems(ranking: list, ids: list[str]) -> list[str]:
    """What is wrong with a ranking, in plain words (empty when every report has exactly one place).

    Example:
        >>> ranking_problems(["001", "001", None], ["001", "002", "003"])
        ['Report 001 is in more than one place (1st, 2nd): each report gets one place.', 'Place 3 is still empty.']
    """
    slots = list(ranking or [])[: len(ids)] + [None] * max(0, len(ids) - len(ranking or []))
    problems = []
    for report_id in ids:
        places = [index for index, value in enumerate(slots, start=1) if value == report_id]
        if len(places) > 1:
            problems.append(
                f"Report {report_id} is in more than one place ({', '.join(_ordinal(p) for p in places)}): "
                "each report gets one place."
            )
    empty = [str(index) for index, value in enumerate(slots, start=1) if value not in ids]
    if empty:
        problems.append(f"Place{'s' if len(empty) > 1 else ''} {_join(empty)} {'are' if len(empty) > 1 else 'is'} still empty.")
    return problems


def verdict_problems(ranking: list, chosen: list, justification: str, ids: list[str]) -> list[str]:
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


def verdict_tips(chosen: list, justification: str) -> list[str]:
    """Suggestions (not requirements) drawn from the rubric.

    Example:
        >>> verdict_tips([{"source": "notes"}] * 3, "Short.")[0]
        'All your evidence comes from your own notes. Strong verdicts use evidence from several lessons.'
    """
    tips = []
    sources = {str(item.get("source", "")) for item in chosen or [] if isinstance(item, dict)}
    if len(chosen or []) >= MIN_EVIDENCE and len(sources) == 1:
        only = sources.pop()
        place = "your own notes" if only == NOTES else source_title(only)
        tips.append(f"All your evidence comes from {place}. Strong verdicts use evidence from several lessons.")
    words = len(str(justification or "").split())
    if 0 < words < 40:
        tips.append(f"Your justification has {words} words. Say how each piece of evidence supports your ranking.")
    if words and not re.search(r"\b(but|however|although|not sure|uncertain|cannot tell|can't tell|might|may)\b",
                               str(justification).lower()):
        tips.append("Say what you are not sure about, or what the kit's tools cannot tell you.")
    return tips


SUMMARY_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:46rem;margin:1.5rem auto;
padding:0 1rem;color:#111;line-height:1.45;font-size:11pt}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.1rem 0 .3rem;border-bottom:1px solid #999}h3{font-size:1rem;margin:.5rem 0 .1rem}
.meta{color:#333;margin:0}ol,ul{margin:.2rem 0 .2rem 1.4rem;padding:0}li{margin:.15rem 0}
.src{color:#444;font-size:.9em}.just{white-space:pre-wrap;border-left:4px solid #0072b2;padding:.3rem .7rem;background:#f4f8fb}
.missing{border:2px solid #b35900;background:#fff4e5;padding:.3rem .7rem}
@media print{body{margin:0;font-size:10pt}}
""".strip()


def summary_html(
    student: str,
    story_title: str,
    ranking: list[str],
    evidence: list[tuple[str, str, str]],
    justification: str,
    made: str = "",
    story_date: str = "",
    missing: list[str] | None = None,
) -> str:
    """A one-page HTML summary to hand in; every string is escaped, no scripts, CSS inside the page.

    ``ranking`` is the report titles, most trusted first; ``evidence`` is
    ``(report title, source title, text)`` for each chosen piece.

    Example:
        >>> page = summary_html("Sam <b>", "A story", ["Report 1"], [("Report 1", "Your note", "x")], "Because")
        >>> "Sam &lt;b&gt;" in page and "<script" not in page
        True
    """
    ranks = "".join(f"<li>{esc(title)}</li>" for title in ranking) or "<li><i>No ranking yet.</i></li>"
    groups: list[tuple[str, list[str]]] = []
    for report, source, text in evidence:
        if not groups or groups[-1][0] != report:
            groups.append((report, []))
        groups[-1][1].append(f'<li>{esc(text)} <span class="src">({esc(source)})</span></li>')
    pieces = "".join(f"<h3>{esc(report)}</h3><ul>{''.join(items)}</ul>" for report, items in groups)
    pieces = pieces or "<ul><li><i>No evidence chosen yet.</i></li></ul>"
    reasons = esc(str(justification or "").strip()) or "<i>No justification written yet.</i>"
    story = esc(story_title) + (f" ({esc(story_date)})" if story_date else "")
    warning = ""
    if missing:
        items = "".join(f"<li>{esc(problem)}</li>" for problem in missing)
        warning = f'<div class="missing"><b>⚠ Not finished yet:</b><ul>{items}</ul></div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        f"<title>My verdict — {esc(student or 'no name')}</title><style>{SUMMARY_CSS}</style></head><body>\n"
        f"<h1>My verdict: which report would I trust?</h1>\n"
        f'<p class="meta"><b>Name:</b> {esc(student) or "<i>(no name given)</i>"}</p>\n'
        f'<p class="meta"><b>Date:</b> {esc(made)}</p>\n'
        f'<p class="meta"><b>Story:</b> {story}</p>\n'
        f"{warning}"
        f"<h2>My ranking (most trusted first)</h2><ol>{ranks}</ol>\n"
        f"<h2>My evidence</h2>{pieces}\n"
        f'<h2>Why I ranked them this way</h2><div class="just">{reasons}</div>\n'
        "</body></html>\n"
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "student"


# --- the shared state of one notebook's verdict widgets -------------------------------------


class Board:
    """The story, this lesson's work and the gathered evidence, shared by the lesson's widgets.

    Widgets that show the evidence register a refresh callback, so a new note or a
    re-gathering shows up everywhere at once.
    """

    def __init__(self, story: Story, work: LessonWork, functions: dict | None = None):
        self.story, self.work, self.functions = story, work, functions
        self.listeners: list[Callable[[], None]] = []
        self.gathered: list[LessonEvidence] = []
        self.regather()

    @property
    def base_folder(self) -> Path:
        return self.work.folder.parent

    def regather(self) -> None:
        """Read every earlier lesson's saved work again and tell the widgets."""
        saved = all_work(self.story.id, self.base_folder)
        self.gathered = gather_evidence(self.story, saved, self.functions)
        self.changed()

    def changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    @property
    def notes(self) -> dict[str, str]:
        value = self.work.get("notes", {})
        return value if isinstance(value, dict) else {}

    @property
    def ranking(self) -> list:
        value = self.work.get("ranking", [])
        return value if isinstance(value, list) else []

    @property
    def chosen(self) -> list[dict]:
        value = self.work.get("chosen", [])
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    @property
    def justification(self) -> str:
        return str(self.work.get("justification") or "")

    def items(self) -> list[Evidence]:
        return evidence_items(self.gathered, self.notes, self.story)

    def student(self) -> str:
        return str(open_work(PROFILE, self.story.id, folder=self.base_folder).get("name") or "").strip()

    def problems(self) -> list[str]:
        return verdict_problems(self.ranking, self.chosen, self.justification, self.story.ids)

    def summary(self) -> str:
        ranking = [report_title(self.story, value) for value in self.ranking if value in self.story.ids]
        chosen = [
            (report_title(self.story, str(item.get("report", ""))), source_title(str(item.get("source", ""))),
             str(item.get("text", "")))
            for item in self.chosen
        ]
        return summary_html(
            student=self.student(),
            story_title=self.story.title,
            story_date=self.story.date,
            ranking=ranking,
            evidence=chosen,
            justification=self.justification,
            made=datetime.now().strftime("%d %B %Y"),
            missing=self.problems(),
        )


_board: tuple[Any, Board] | None = None


def board() -> Board:
    """The verdict board for the current session (a new one after every ``start``)."""
    global _board
    current = session()
    if _board is None or _board[0] is not current:
        _board = (current, Board(current.story, current.work))
    return _board[1]


# --- widgets ---------------------------------------------------------------------------------

TABLE_STYLE = "border-collapse:collapse;width:100%;max-width:900px;margin:4px 0 14px"
CELL_STYLE = "border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left;line-height:1.35"
TODO_STYLE = "color:#8a4500"
CHOOSER_CSS = (
    ".medialit-chooser .medialit-piece{height:auto;min-height:28px}"
    ".medialit-chooser .medialit-piece .widget-label-basic{white-space:normal;overflow:visible;line-height:1.35;"
    "display:flex;align-items:flex-start;padding:4px 0}"
    ".medialit-chooser .medialit-piece input[type='checkbox']{flex-grow:0;align-self:flex-start;margin-top:1px}"
)


def evidence_table_html(story: Story, gathered: list[LessonEvidence], notes: dict[str, str]) -> str:
    """The evidence table: one row per report (with its headline), lines grouped by lesson, escaped.

    Lessons with no saved work are listed once above the table, with the notebook to open.

    Example:
        >>> from medialit import load_story
        >>> story = load_story()
        >>> "not done yet — open lesson 1" in evidence_table_html(story, gather_evidence(story, {}), {})
        True
    """
    own = note_lines(notes, story)
    done = [item for item in gathered if item.done]
    todo = [item for item in gathered if not item.done]
    if done:
        found = [str(item.lesson.number) for item in done]
        head = f"✓ Evidence found from lesson{'s' if len(found) > 1 else ''} {_join(found)}."
    else:
        head = "No saved work from lessons 0–4 was found yet."
    parts = [f"<p style='margin:0 0 6px'><b>{esc(head)}</b>"]
    parts += [
        f'<br><span style="{TODO_STYLE}">✗ Lesson {item.lesson.number} ({esc(item.lesson.title)}): {esc(item.todo())}</span>'
        for item in todo
    ]
    parts.append("</p>")
    sections = [*story.ids]
    if any(ALL_REPORTS in item.lines for item in done) or ALL_REPORTS in own:
        sections.append(ALL_REPORTS)
    numbers = [str(item.lesson.number) for item in todo]
    missing = f"✗ Not done yet: lesson{'s' if len(numbers) > 1 else ''} {_join(numbers)}" if todo else ""
    rows = []
    for report_id in sections:
        groups = [(f"Lesson {item.lesson.number}: {item.lesson.title}", item.lines.get(report_id, [])) for item in done]
        groups.append(("Your notes", own.get(report_id, [])))
        cell = "".join(
            f"<div style='margin-bottom:4px'><b>{esc(title)}</b>{_bullets(lines)}</div>" for title, lines in groups if lines
        ) or "<i>No evidence about this report yet.</i>"
        if missing:
            cell += f'<div style="{TODO_STYLE};font-size:90%">{esc(missing)}</div>'
        rows.append(
            f'<tr><th scope="row" style="{CELL_STYLE};width:30%">{esc(report_title(story, report_id))}</th>'
            f'<td style="{CELL_STYLE}">{cell}</td></tr>'
        )
    parts.append(
        f'<table class="medialit-evidence" style="{TABLE_STYLE}"><thead><tr>'
        f'<th scope="col" style="{CELL_STYLE}">Report</th><th scope="col" style="{CELL_STYLE}">What you found</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return "".join(parts)


def _bullets(lines: list[str]) -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return f"<ul style='margin:0;padding-left:1.3em;line-height:1.35'>{items}</ul>"


class EvidenceTable(KitBox):
    """Everything the student found in lessons 0-4, report by report, with a button to gather it again."""

    def __init__(self, board: Board):
        self.board = board
        self.status = Status()
        self.button = widgets.Button(
            description="Gather my work again", icon="refresh", tooltip="Read your saved work from lessons 0-4 again",
            layout=widgets.Layout(width="auto"),
        )
        self.button.on_click(guarded(self.status)(self._regather))
        self.table = widgets.HTML()
        board.listeners.append(self._render)
        self._render()
        super().__init__([self.table, widgets.HBox([self.button, self.status])])
        self.add_class("medialit-evidence-table")

    def _regather(self, button: widgets.Button) -> None:
        self.board.regather()
        self.status.info(f"Gathered again at {datetime.now():%H:%M:%S}.")

    def _render(self) -> None:
        self.table.value = self.static_html()

    def static_html(self) -> str:
        return evidence_table_html(self.board.story, self.board.gathered, self.board.notes)


class NotesBox(KitBox):
    """The student's own evidence notes, one box per report (picked from a menu), saved at once."""

    def __init__(self, board: Board):
        self.board = board
        options = [(shorten(report_title(board.story, r), 90), r) for r in board.story.ids]
        options.append(("All the reports (the whole story)", ALL_REPORTS))
        self.picker = widgets.Dropdown(
            options=options, description="Report:", layout=widgets.Layout(width="min(100%, 720px)")
        )
        self.box = widgets.Textarea(
            placeholder="One piece of evidence per line, e.g. 'No author or date on the page.'",
            continuous_update=False,
            layout=widgets.Layout(width="min(100%, 720px)", height="100px"),
        )
        self.save_button = widgets.Button(description="Save my notes", icon="save", layout=widgets.Layout(width="auto"))
        self.status = Status()
        save = guarded(self.status)(self._save)
        self.picker.observe(guarded(self.status)(self._picked), names="value")
        self.box.observe(lambda change: save(), names="value")
        self.save_button.on_click(lambda button: save())
        self._loading = False
        self._picked()
        super().__init__([self.picker, self.box, widgets.HBox([self.save_button, self.status])])
        self.add_class("medialit-notes")

    def _picked(self, change: dict | None = None) -> None:
        self._loading = True  # filling the box for another report is not a student edit
        try:
            self.box.value = str(self.board.notes.get(self.picker.value, ""))
        finally:
            self._loading = False
        self.status.value = ""

    def _save(self) -> None:
        if self._loading:
            return
        notes = dict(self.board.notes)
        text = self.box.value
        if text.strip():
            notes[self.picker.value] = text
        else:
            notes.pop(self.picker.value, None)
        self.board.work.set("notes", notes)
        self.status.saved()
        self.board.changed()

    def static_html(self) -> str:
        own = note_lines(self.board.notes, self.board.story)
        if not own:
            return "<p><i>(no notes yet)</i></p>"
        return "".join(
            f"<p><b>{esc(report_title(self.board.story, r))}</b></p><ul>"
            + "".join(f"<li>{esc(line)}</li>" for line in lines)
            + "</ul>"
            for r, lines in own.items()
        )


class RankingBox(KitBox):
    """One menu per place, most trusted first; a report may take only one place."""

    def __init__(self, board: Board):
        self.board = board
        ids = board.story.ids
        saved = list(board.ranking)[: len(ids)]
        saved += [None] * (len(ids) - len(saved))
        # "" not None: a Dropdown whose value is None shows a blank box instead of this label.
        options = [("— choose a report —", "")] + [(shorten(report_title(board.story, r), 90), r) for r in ids]
        self.places = [
            widgets.Dropdown(
                options=options,
                value=value if value in ids else "",
                description=f"{_ordinal(index)} place:",
                style={"description_width": "5.5em"},
                layout=widgets.Layout(width="min(100%, 760px)"),
            )
            for index, value in enumerate(saved, start=1)
        ]
        self.status = Status()
        changed = guarded(self.status)(self._changed)
        for place in self.places:
            place.observe(changed, names="value")
        heading = widgets.HTML("<b>1st place = the report you would trust most for what happened in this event.</b>")
        self._explain()
        super().__init__([heading, *self.places, self.status])
        self.add_class("medialit-ranking")

    @property
    def value(self) -> list:
        return [place.value or None for place in self.places]

    def _changed(self, change: dict) -> None:
        self.board.work.set("ranking", self.value)
        self._explain(saved=True)

    def _explain(self, saved: bool = False) -> None:
        problems = ranking_problems(self.value, self.board.story.ids)
        if not any(self.value):
            self.status.info("Choose a report for each place.")
        elif problems:
            self.status.value = "<br>".join(f'<span class="medialit-warning">⚠ {esc(p)}</span>' for p in problems)
        else:
            self.status.value = f'<span class="medialit-ok">✓ Every report has one place.{" Saved." if saved else ""}</span>'

    def static_html(self) -> str:
        rows = [[_ordinal(i), report_title(self.board.story, v) if v else "(empty)"] for i, v in enumerate(self.value, 1)]
        return static_table(["Place", "Report"], rows)


class EvidenceChooser(KitBox):
    """A tick box for each piece of evidence (gathered and the student's own); the ticks are saved."""

    def __init__(self, board: Board):
        self.board = board
        self.status = Status()
        self.count = widgets.HTML()
        self.list = widgets.VBox(layout=widgets.Layout(max_height="460px", overflow="auto"))
        self.boxes: list[tuple[widgets.Checkbox, Evidence]] = []
        board.listeners.append(self._render)
        self._render()
        # ipywidgets cuts long checkbox labels to one line with "…": let evidence lines wrap instead.
        wrap = widgets.HTML(f"<style>{CHOOSER_CSS}</style>")
        super().__init__([wrap, self.count, self.list, self.status])
        self.add_class("medialit-chooser")

    def _pieces(self) -> list[Evidence]:
        items = self.board.items()
        present = {(e.report, e.source, e.text) for e in items}
        # Evidence chosen earlier that is no longer gathered (an earlier lesson changed) stays, so no work is lost.
        for saved in self.board.chosen:
            piece = Evidence(str(saved.get("report", "")), str(saved.get("source", "")), str(saved.get("text", "")))
            if (piece.report, piece.source, piece.text) not in present:
                items.append(piece)
                present.add((piece.report, piece.source, piece.text))
        return items

    def _render(self) -> None:
        chosen = {(str(c.get("report")), str(c.get("source")), str(c.get("text"))) for c in self.board.chosen}
        children: list[widgets.Widget] = []
        self.boxes = []
        current = None
        for piece in self._pieces():
            if piece.report != current:
                current = piece.report
                children.append(widgets.HTML(f'<b style="display:block;margin-top:8px">{esc(report_title(self.board.story, current))}</b>'))
            box = widgets.Checkbox(
                value=(piece.report, piece.source, piece.text) in chosen,
                description=f"{piece.text}  ({source_title(piece.source)})",
                indent=False,
                layout=widgets.Layout(width="auto", height="auto"),
            )
            box.add_class("medialit-piece")
            box.observe(guarded(self.status)(self._ticked), names="value")
            self.boxes.append((box, piece))
            children.append(box)
        if not self.boxes:
            children.append(
                widgets.HTML("<i>No evidence yet. Do lessons 0–4, or write your own notes above, then come back.</i>")
            )
        self.list.children = children
        self._count()

    def _ticked(self, change: dict) -> None:
        self.board.work.set("chosen", [piece.key() for box, piece in self.boxes if box.value])
        self._count()
        self.status.saved()

    def _count(self) -> None:
        number = sum(box.value for box, _ in self.boxes)
        mark = "✓" if number >= MIN_EVIDENCE else "✗"
        self.count.value = (
            f"<b>{mark} You have chosen {number} piece{'' if number == 1 else 's'} of evidence</b> "
            f"(choose at least {MIN_EVIDENCE})."
        )

    def static_html(self) -> str:
        rows = [[report_title(self.board.story, str(c.get("report"))), source_title(str(c.get("source"))), c.get("text", "")]
                for c in self.board.chosen]
        return "<p><b>Chosen evidence</b></p>" + static_table(["Report", "From", "Evidence"], rows)


class VerdictCheck(KitBox):
    """'Check my verdict': says plainly what is missing, then gives tips from the rubric."""

    def __init__(self, board: Board):
        self.board = board
        self.button = widgets.Button(
            description="Check my verdict", icon="check", button_style="info", layout=widgets.Layout(width="auto", align_self="flex-start")
        )
        self.output = widgets.HTML()
        self.status = Status()
        self.button.on_click(guarded(self.status)(self._check))
        super().__init__([self.button, self.output, self.status])
        self.add_class("medialit-check")

    def _check(self, button: widgets.Button | None = None) -> None:
        self.output.value = self.report_html()

    def report_html(self) -> str:
        problems = self.board.problems()
        tips = verdict_tips(self.board.chosen, self.board.justification)
        if problems:
            parts = ["<p style='margin-bottom:0'><b>✗ Not finished yet. Still missing:</b></p><ul style='margin-top:2px'>"]
            parts += [f"<li>⚠ {esc(p)}</li>" for p in problems]
            parts.append("</ul>")
        else:
            parts = ["<p><b class='medialit-ok'>✓ Your verdict is complete: a ranking, "
                     f"{len(self.board.chosen)} pieces of evidence and a justification.</b></p>"]
        if tips:
            parts.append("<p style='margin-bottom:0'><b>Tips to make it stronger:</b></p><ul style='margin-top:2px'>"
                         + "".join(f"<li>{esc(t)}</li>" for t in tips) + "</ul>")
        return "".join(parts)

    def static_html(self) -> str:
        return self.report_html()


class SummaryMaker(KitBox):
    """'Make my summary': writes the one-page HTML summary and the full work file for the teacher."""

    def __init__(self, board: Board, folder: str | None = None):
        self.board = board
        self.folder = folder
        self.button = widgets.Button(
            description="Make my summary", icon="file", button_style="success", layout=widgets.Layout(width="auto", align_self="flex-start")
        )
        self.output = widgets.HTML()
        self.status = Status()
        self.button.on_click(guarded(self.status)(self._make))
        if board.work.get("summary"):
            self.status.info(f"Your last summary: {board.work.get('summary')}")
        super().__init__([self.button, self.output, self.status])
        self.add_class("medialit-summary")

    def destination(self) -> Path:
        """The teacher's hand-in folder if one is set, else the student's work folder for this story."""
        chosen = self.folder or os.environ.get(HANDIN_ENV)
        return Path(chosen).expanduser() if chosen else self.board.work.folder

    def _make(self, button: widgets.Button | None = None) -> None:
        student = self.board.student()
        if not student:
            raise WorkError("Type your name in the name box above first, so your teacher knows whose work this is.")
        page = self.board.summary()
        folder = self.destination()
        target = folder / f"{_slug(student)}-verdict.html"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        except OSError as error:
            raise WorkError(f"Cannot write {target} ({error.strerror or error}). Ask your teacher which folder to use.") from None
        self.board.work.set("summary", str(target))
        exported = export_work(self.board.story.id, folder, folder=self.board.base_folder)
        self.board.work.set("exported", str(exported))
        problems = self.board.problems()
        encoded = base64.b64encode(page.encode("utf-8")).decode("ascii")
        parts = [
            "<b class='medialit-ok'>✓ Your summary is ready.</b><br>",
            f"Summary page: <code>{esc(target)}</code><br>",
            f"All your work, for your teacher: <code>{esc(exported)}</code><br>",
            f'<a download="{esc(target.name)}" href="data:text/html;base64,{encoded}" '
            'style="display:inline-block;margin-top:6px;font-weight:600">⬇ Download my summary</a>'
            " (keep a copy: on Binder your work is lost when the session ends).",
        ]
        if problems:
            parts.append(
                "<br><span class='medialit-warning'>⚠ Your summary says it is not finished yet: "
                + esc(" ".join(problems))
                + "</span>"
            )
        self.output.value = "".join(parts)
        self.status.saved()

    def static_html(self) -> str:
        last = self.board.work.get("summary")
        return f"<p>Your last summary: <code>{esc(last)}</code></p>" if last else "<p><i>(no summary made yet)</i></p>"


# --- notebook-facing factories --------------------------------------------------------------


def evidence_table() -> EvidenceTable:
    """The evidence from your saved work in lessons 0-4, report by report."""
    return EvidenceTable(board())


def evidence_notes() -> NotesBox:
    """Boxes for your own evidence notes, one per report."""
    return NotesBox(board())


def ranking() -> RankingBox:
    """Rank the reports: one menu per place, most trusted first."""
    return RankingBox(board())


def evidence_chooser() -> EvidenceChooser:
    """Tick the pieces of evidence your verdict rests on (at least three)."""
    return EvidenceChooser(board())


def justification() -> Question:
    """The box where you explain your ranking."""
    return Question(
        board().work,
        "justification",
        "Why did you rank the reports this way? Use your evidence, and say what you are not sure about.",
        placeholder="I trust ... most because ... . I trust ... least because ... . I am not sure about ...",
    )


def verdict_check() -> VerdictCheck:
    """The 'Check my verdict' button."""
    return VerdictCheck(board())


def summary_maker(folder: str | None = None) -> SummaryMaker:
    """The 'Make my summary' button; ``folder`` (or $MEDIALIT_HANDIN) is where the summary goes."""
    return SummaryMaker(board(), folder)
