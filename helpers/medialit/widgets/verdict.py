"""Lesson 5 widgets: gather the evidence, rank the reports, hand in a summary and all the work.

The widgets only display and wire events: the evidence pieces, the ranking's problems, what a
verdict still lacks and the rubric's tips come from :mod:`medialit.verdict`; the summary page,
the one-zip hand-in and the hand-in folder from :mod:`medialit.handin`.

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
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable

import ipywidgets as widgets

from ..answers import read_ranking
from ..course import Lesson
from ..evidence import start_here_evidence as lesson0_evidence
from ..handin import file_stem, handin_zip, on_binder, summary_html, summary_page
from ..progress import HANDIN_ENV, PROFILE, LessonWork, WorkError, all_work, export_work, handin_folder, open_work
from ..story import Story, StoryError
from ..verdict import (
    ALL_REPORTS,
    LESSONS,
    LessonEvidence,
    evidence_functions,
    gather_evidence,
    MAX_QUOTE,
    MIN_EVIDENCE,
    NOTES,
    Evidence,
    chosen_pieces,
    evidence_items,
    join_words,
    note_lines,
    ordinal,
    ranking_problems,
    report_title,
    shorten,
    verdict_problems,
    verdict_tips,
)
from .aria import label_above
from .common import KitBox, SavedBox, Status, esc, guarded, report_menu, session, static_table
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
# Names the tests and older code import from here; the analysis lives in medialit.verdict / medialit.handin.
_REEXPORTED = (ALL_REPORTS, MAX_QUOTE, NOTES, HANDIN_ENV, summary_html, verdict_problems, ranking_problems, shorten)


# The gathering itself (LESSONS, LessonEvidence, evidence_functions, gather_evidence) is analysis: it
# lives in medialit.verdict and is imported above.
LessonInfo = Lesson


def source_title(source: str) -> str:
    """Where a piece of evidence came from, in words.

    Example:
        >>> source_title("03-quote-fidelity"), source_title("notes")
        ('Lesson 3: Quote fidelity', 'Your note')
    """
    if source == NOTES:
        return "Your note"
    for lesson in LESSONS:
        if lesson.id == source:
            return f"Lesson {lesson.number}: {lesson.title}"
    return source


# --- the shared state of one notebook's verdict widgets -------------------------------------


class Board:
    """The story, this lesson's work and the gathered evidence, shared by the lesson's widgets.

    Widgets that show the evidence register a refresh callback, so a new note or a
    re-gathering shows up everywhere at once. The saved answers are read from ``work``,
    which every widget of the lesson saves into.
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
        # Looked up here at call time, so a test can replace this module's evidence_functions.
        functions = self.functions if self.functions is not None else evidence_functions()
        self.gathered = gather_evidence(self.story, saved, functions)
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
        """The saved ranking through lesson 5's one reader: a place per report, unknown reports left empty."""
        return list(read_ranking(self.work.answers, self.story.ids).places)

    @property
    def chosen(self) -> list[dict]:
        return chosen_pieces(self.work.get("chosen", []))

    @property
    def justification(self) -> str:
        return str(self.work.get("justification") or "")

    def items(self) -> list[Evidence]:
        found = [(item.lesson.id, item.lines) for item in self.gathered]
        return evidence_items(found, self.notes, self.story.ids)

    def titles(self) -> dict[str, str]:
        """Each evidence source of the chosen pieces, in words."""
        return {str(item.get("source", "")): source_title(str(item.get("source", ""))) for item in self.chosen}

    def student(self) -> str:
        return str(open_work(PROFILE, self.story.id, folder=self.base_folder).get("name") or "").strip()

    def problems(self) -> list[str]:
        return verdict_problems(self.ranking, self.chosen, self.justification, self.story.ids)

    def tips(self) -> list[str]:
        return verdict_tips(self.chosen, self.justification, self.titles())

    def summary(self) -> str:
        return summary_page(self.story, self.student(), self.ranking, self.chosen, self.justification,
                            titles=self.titles())


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
TODO_STYLE = "color:var(--medialit-flag, #7a4b00)"  # widgets/aria.css: 4.5:1 or more in light and dark
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
    own = note_lines(notes, story.ids)
    done = [item for item in gathered if item.done]
    todo = [item for item in gathered if not item.done]
    if done:
        found = [str(item.lesson.number) for item in done]
        head = f"✓ Evidence found from lesson{'s' if len(found) > 1 else ''} {join_words(found)}."
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
    missing = f"✗ Not done yet: lesson{'s' if len(numbers) > 1 else ''} {join_words(numbers)}" if todo else ""
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


def notes_label(story: Story, report_id: str) -> str:
    """The label of the notes box, naming the report the notes are about.

    Example:
        >>> from medialit import load_story
        >>> notes_label(load_story(), "002"), notes_label(load_story(), ALL_REPORTS)
        ('Your evidence notes on Report 002, one per line:', 'Your evidence notes on all the reports, one per line:')
    """
    if report_id == ALL_REPORTS:
        return "Your evidence notes on all the reports, one per line:"
    try:
        name = story.report(report_id).name
    except StoryError:  # not a report of this story (the menu only offers its reports)
        name = f"report {report_id}"
    return f"Your evidence notes on {name}, one per line:"


class NotesBox(SavedBox):
    """The student's own evidence notes, one box per report (picked from a menu), saved at once."""

    def __init__(self, board: Board):
        self.board = board
        self.picker = report_menu(
            board.story, description="Report:", help="Choose the report your notes are about",
            everything="All the reports (the whole story)", everything_value=ALL_REPORTS,
            default=board.story.ids[0] if board.story.ids else None,
        )
        # Named by a label above it that follows the menu ("Your evidence notes on Report 002, one per
        # line:"), so a screen reader hears which report the box is for, not its placeholder.
        self.box = widgets.Textarea(
            placeholder="One piece of evidence per line, e.g. 'No author or date on the page.'",
            rows=4,
            continuous_update=False,
            layout=widgets.Layout(width="min(100%, 720px)"),
        )
        self.save_button = widgets.Button(description="Save my notes", icon="save", layout=widgets.Layout(width="auto"))
        status = Status()
        super().__init__(board.work, keys=("notes",), status=status,
                         children=[self.picker, self.box, widgets.HBox([self.save_button, status])])
        save = guarded(self.status)(self._save)
        self.picker.observe(guarded(self.status)(self._picked), names="value")
        self.box.observe(lambda change: save(), names="value")
        self.save_button.on_click(lambda button: save(force=True))
        self._loading = False
        self._picked()
        self.add_class("medialit-notes")

    def _picked(self, change: dict | None = None) -> None:
        self._loading = True  # filling the box for another report is not a student edit
        try:
            self.box.value = str(self.board.notes.get(self.picker.value, ""))
            label_above(self.box, notes_label(self.board.story, self.picker.value))
        finally:
            self._loading = False
        self.status.value = ""

    def _save(self, force: bool = False) -> None:
        if self._loading:
            return
        notes = dict(self.board.notes)
        if self.box.value.strip():
            notes[self.picker.value] = self.box.value
        else:
            notes.pop(self.picker.value, None)
        self.remember({"notes": notes})
        if force:
            self.save_now()
        self.board.changed()

    def static_html(self) -> str:
        own = note_lines(self.board.notes, self.board.story.ids)
        if not own:
            return "<p><i>(no notes yet)</i></p>"
        return "".join(
            f"<p><b>{esc(report_title(self.board.story, r))}</b></p><ul>"
            + "".join(f"<li>{esc(line)}</li>" for line in lines)
            + "</ul>"
            for r, lines in own.items()
        )


class RankingBox(SavedBox):
    """One menu per place, most trusted first; a report may take only one place."""

    def __init__(self, board: Board):
        self.board = board
        ids = board.story.ids
        saved = list(board.ranking)[: len(ids)]
        saved += [None] * (len(ids) - len(saved))
        # An empty first entry ("" not None: a Dropdown whose value is None shows a blank box, not this label).
        self.places = [
            report_menu(
                board.story, value if value in ids else "", description=f"{ordinal(index)} place:",
                help=f"Choose the report you put in {ordinal(index)} place", everything="— choose a report —",
                everything_value="", default="", width="min(100%, 760px)",
            )
            for index, value in enumerate(saved, start=1)
        ]
        heading = widgets.HTML("<b>1st place = the report you would trust most for what happened in this event.</b>")
        status = Status()
        super().__init__(board.work, keys=("ranking",), status=status, children=[heading, *self.places, status])
        changed = guarded(self.status)(self._changed)
        for place in self.places:
            place.observe(changed, names="value")
        self._explain()
        self.add_class("medialit-ranking")

    @property
    def value(self) -> list:
        return [place.value or None for place in self.places]

    def _changed(self, change: dict) -> None:
        self.remember({"ranking": self.value})
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
        rows = [[ordinal(i), report_title(self.board.story, v) if v else "(empty)"] for i, v in enumerate(self.value, 1)]
        return static_table(["Place", "Report"], rows)


class EvidenceChooser(SavedBox):
    """A tick box for each piece of evidence (gathered and the student's own); the ticks are saved."""

    def __init__(self, board: Board):
        self.board = board
        self.count = widgets.HTML()
        self.list = widgets.VBox(layout=widgets.Layout(max_height="460px", overflow="auto"))
        self.boxes: list[tuple[widgets.Checkbox, Evidence]] = []
        # ipywidgets cuts long checkbox labels to one line with "…": let evidence lines wrap instead.
        wrap = widgets.HTML(f"<style>{CHOOSER_CSS}</style>")
        status = Status()
        super().__init__(board.work, keys=("chosen",), status=status, children=[wrap, self.count, self.list, status])
        board.listeners.append(self._render)
        self._render()
        self.add_class("medialit-chooser")

    def _pieces(self) -> list[Evidence]:
        items = self.board.items()
        present = set(items)
        # Evidence chosen earlier that is no longer gathered (an earlier lesson changed) stays, so no work is lost.
        for saved in self.board.chosen:
            piece = Evidence.from_saved(saved)
            if piece not in present:
                items.append(piece)
                present.add(piece)
        return items

    def _render(self) -> None:
        chosen = {Evidence.from_saved(saved) for saved in self.board.chosen}
        children: list[widgets.Widget] = []
        self.boxes = []
        current = None
        for piece in self._pieces():
            if piece.report != current:
                current = piece.report
                children.append(widgets.HTML(f'<b style="display:block;margin-top:8px">{esc(report_title(self.board.story, current))}</b>'))
            box = widgets.Checkbox(
                value=piece in chosen,
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
        self.remember({"chosen": [piece.key() for box, piece in self.boxes if box.value]})
        self._count()

    def _count(self) -> None:
        number = sum(box.value for box, _ in self.boxes)
        mark = "✓" if number >= MIN_EVIDENCE else "✗"
        self.count.value = (
            f"<b>{mark} You have chosen {number} piece{'' if number == 1 else 's'} of evidence</b> "
            f"(choose at least {MIN_EVIDENCE})."
        )

    def static_html(self) -> str:
        rows = [[report_title(self.board.story, piece.report), source_title(piece.source), piece.text]
                for piece in map(Evidence.from_saved, self.board.chosen)]
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
        tips = self.board.tips()
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


BINDER_NOTE = (
    "<p class='medialit-warning' style='margin:0 0 6px'><b>⚠ You are working on Binder.</b> Everything here, "
    "your saved work too, is deleted when this session ends. After <b>Make my summary</b>, press "
    "<b>⬇ Download my hand-in</b> and send the downloaded <code>.zip</code> file to your teacher.</p>"
)


class SummaryMaker(SavedBox):
    """'Make my summary': writes the one-page summary and the full work file, and offers both as one download."""

    def __init__(self, board: Board, folder: str | None = None):
        self.board = board
        self.folder = folder
        self.button = widgets.Button(
            description="Make my summary", icon="file", button_style="success", layout=widgets.Layout(width="auto", align_self="flex-start")
        )
        self.output = widgets.HTML()
        self.note = widgets.HTML(BINDER_NOTE if on_binder() else "")
        status = Status()
        super().__init__(board.work, keys=("summary", "exported"), status=status,
                         children=[self.note, self.button, self.output, status])
        self.button.on_click(guarded(self.status)(self._make))
        if board.work.get("summary"):
            self.status.info(f"Your last summary: {board.work.get('summary')}")
        self.add_class("medialit-summary")

    def destination(self) -> Path:
        """The teacher's hand-in folder if one is set, else the student's work folder for this story."""
        return Path(self.folder).expanduser() if self.folder else handin_folder(self.board.work)

    def _make(self, button: widgets.Button | None = None) -> None:
        student = self.board.student()
        if not student:
            raise WorkError("Type your name in the name box above first, so your teacher knows whose work this is.")
        page = self.board.summary()
        folder = self.destination()
        target = folder / f"{file_stem(student)}-verdict.html"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        except OSError as error:
            raise WorkError(f"Cannot write {target} ({error.strerror or error}). Ask your teacher which folder to use.") from None
        # The summary path first: the export then carries it with the rest of lesson 5's work.
        self.remember({"summary": str(target)})
        exported = export_work(self.board.story.id, folder, folder=self.board.base_folder)
        self.remember({"exported": str(exported)})
        bundle = handin_zip({target.name: page.encode("utf-8"), exported.name: exported.read_bytes()})
        encoded = base64.b64encode(bundle).decode("ascii")
        problems = self.board.problems()
        parts = [
            "<b class='medialit-ok'>✓ Your summary is ready.</b><br>",
            f"Summary page: <code>{esc(target)}</code><br>",
            f"All your work, for your teacher: <code>{esc(exported)}</code><br>",
            f'<a download="{esc(file_stem(student))}-handin.zip" href="data:application/zip;base64,{encoded}" '
            'style="display:inline-block;margin-top:6px;font-weight:600">⬇ Download my hand-in</a>'
            " (one .zip file with your summary page and your work file: keep it, or send it to your teacher"
            + (", now: on Binder everything is deleted when the session ends" if on_binder() else "")
            + ").",
        ]
        if problems:
            parts.append(
                "<br><span class='medialit-warning'>⚠ Your summary says it is not finished yet: "
                + esc(" ".join(problems))
                + "</span>"
            )
        self.output.value = "".join(parts)

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
