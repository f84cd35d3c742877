"""The teacher's notebook: read a folder of students' exported work and see the class, lesson by lesson.

Saved keys (lesson ``teacher-class-work``): ``class.folder`` — the folder last read ("" for the
kit's sample class).

Every file is read by :func:`medialit.classwork.read_class`, which only parses JSON and skips
(with a reason) anything malformed, oversized or of the wrong shape; the tallies and answer
tables come from :mod:`medialit.classwork`. Everything shown here is escaped, and text from a
file is drawn in charts as plain text (no mathtext), so nothing in a student's file can run,
inject markup or break a chart. Every view draws inside a guard: one bad file shows a message
in that view's status line and never stops the notebook.
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
from matplotlib.ticker import MaxNLocator

from ..answer_key import load_answer_key
from ..classwork import (
    ClassWork,
    hardest_paragraphs,
    justifications,
    label_agreement,
    label_tallies,
    question_answers,
    rank_summaries,
    read_class,
    verdict_tallies,
    version_labels,
)
from ..course import LESSONS
from ..progress import LessonWork
from ..quotes import VERDICTS
from ..story import Story, StoryError
from ..transfer import compare_attempts, load_transfer_story
from .common import ChartBox, KitBox, SavedBox, Status, esc, guarded, new_figure, session, static_table
from .loaded_headlines import ClassTags

__all__ = ["class_folder", "class_labels", "class_headline_tags", "class_quote_verdicts", "class_rankings",
           "class_answers", "class_transfer"]

FOLDER_KEY = "class.folder"
# Colour-blind-safe (Okabe-Ito) colours, one per verdict, and a hatch each so no verdict is told by colour alone.
VERDICT_COLOURS = ("#0072B2", "#56B4E9", "#D55E00", "#009E73", "#E69F00")
VERDICT_HATCHES = ("", "//", "..", "xx", "\\\\")
#: A chart of more bars than this is unreadable; the versions most students judged are drawn.
MAX_BARS = 24
#: The remark menu lists at most this many remarks (those judged by most students first).
MAX_REMARKS_SHOWN = 60


def plain(text: object) -> str:
    """Text for a matplotlib label, drawn as typed: a "$" would otherwise start mathtext.

    Example:
        >>> print(plain("$x$ costs $5"))
        \\$x\\$ costs \\$5
    """
    return str(text).replace("$", r"\$")


class ClassState:
    """The class's work as last read, shared by the views of one notebook so they refresh together."""

    def __init__(self) -> None:
        self.work: ClassWork | None = None
        self.views: list[Callable[[], None]] = []

    def load(self, story: Story, folder: str) -> ClassWork:
        self.work = read_class(folder or None, story_id=story.id)
        for refresh in list(self.views):
            refresh()
        return self.work

    def current(self, story: Story, folder: str) -> ClassWork:
        return self.work if self.work is not None else self.load(story, folder)


_state = ClassState()


def _saved_folder() -> str:
    folder = session().work.get(FOLDER_KEY, "")
    return folder if isinstance(folder, str) else ""


class ClassFolder(SavedBox):
    """Where the students' exported files are; reading lists who was read and which files were skipped."""

    def __init__(self, story: Story, state: ClassState, work: LessonWork):
        self.story, self.classes = story, state
        saved = work.get(FOLDER_KEY, "")
        self.path = widgets.Text(
            value=saved if isinstance(saved, str) else "",
            description="Folder:",
            placeholder="Leave empty for the kit's three sample students (bundled story only)",
            layout=widgets.Layout(width="min(100%, 720px)"),
        )
        self.read_button = widgets.Button(description="Read the class's files", icon="folder-open",
                                          layout=widgets.Layout(width="auto"))
        self.report = widgets.HTML()
        super().__init__(work, keys=(FOLDER_KEY,))
        self.read_button.on_click(guarded(self.status)(lambda button: self.read()))
        self.children = [widgets.HBox([self.path, self.read_button]), self.report, self.status]
        guarded(self.status)(self.read)()

    def read(self) -> None:
        folder = self.path.value.strip()
        work = self.classes.load(self.story, folder)
        self.report.value = self.summary_html(work)
        self.remember({FOLDER_KEY: folder})

    def summary_html(self, work: ClassWork) -> str:
        if work.no_class_yet:
            # The sample students did the bundled story: on a teacher's own story they are not a class
            # with problems to list, just not this story's.
            return (
                "<p>The kit's sample students did the bundled story, not this one: type the folder of your "
                "class's exported files above and press <b>Read the class's files</b>.</p>"
            )
        where = "the kit's sample class (invented students)" if work.sample else esc(work.folder)
        names = ", ".join(esc(name) for name in work.names()) or "nobody"
        parts = [f"<p><b>Read from</b> {where}: {len(work.students)} student(s): {names}.</p>"]
        if work.notes:
            items = "".join(f"<li>{esc(note)}</li>" for note in work.notes)
            parts.append(f"<p><b>⚠ Check these names:</b></p><ul>{items}</ul>")
        if work.problems:
            rows = [[problem.file, problem.reason] for problem in work.problems]
            parts.append(f"<p><b>{len(rows)} file(s) skipped</b>, with the reason:</p>")
            parts.append(static_table(["file", "why it was skipped"], rows))
        return "".join(parts)

    def static_html(self) -> str:
        return self.report.value


class ClassView(KitBox):
    """One lesson's summary of the class: redrawn whenever the class's folder is read again."""

    def __init__(self, story: Story, state: ClassState, folder: str, controls: list | None = None):
        self.story, self.state = story, state
        self.body = widgets.VBox()
        self.status = Status()
        super().__init__([*(controls or []), self.body, self.status])
        refresh = guarded(self.status)(self.refresh)
        state.views.append(refresh)
        state.current(story, folder)
        refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def static_html(self) -> str:
        return "".join(child.static_html() if hasattr(child, "static_html") else child.value
                       for child in self.body.children)


class ClassLabels(ClassView):
    """Lesson 1: how the class labelled each paragraph against the answer key."""

    def refresh(self) -> None:
        work = self.state.work
        try:
            key = load_answer_key(self.story.folder)
        except StoryError as error:
            self.body.children = [widgets.HTML(f"<p>{esc(error)}</p>")]
            return
        tallies = label_tallies(work, key) if work else []
        if not tallies:
            self.body.children = [widgets.HTML("<p>No student in this folder has labelled paragraphs (lesson 1) yet.</p>")]
            return
        if not any(t.key_group for t in tallies):
            self.body.children = [widgets.HTML(
                "<p>This story has no answer key, so labels cannot be marked right or wrong. "
                "Write one with <code>kit.labeller(teacher=True)</code> in lesson 1.</p>")]
            return
        names = {report.id: report.name for report in self.story.reports}
        agreement = label_agreement(tallies, self.story.ids)
        rows = [[names[a.report_id], a.labelled, a.agreeing, f"{a.share}%"] for a in agreement]
        figure = new_figure(7.5, 3.2)
        axes = figure.subplots()
        axes.bar([plain(names[a.report_id]) for a in agreement], [a.share for a in agreement], color="#0072B2")
        axes.set_ylim(0, 100)
        axes.set_ylabel("Labels that match the key (%)")
        chart = ChartBox(figure, "Lesson 1: how often the class's labels matched the answer key",
                         ["report", "labels given", "matching the key", "share"], rows)
        text_of = {(r.id, b.line): b.text for r in self.story.reports for b in r.blocks}
        hard_rows = [
            [t.report_id, t.line, text_of.get((t.report_id, t.line), "")[:90], t.key_group,
             ", ".join(f"{group} {count}" for group, count in sorted(t.counts.items()))]
            for t in hardest_paragraphs(tallies)
        ]
        table = widgets.HTML(
            "<p><b>Paragraphs the class found hardest</b> (worth discussing):</p>"
            + static_table(["report", "line", "paragraph", "key", "class chose"], hard_rows)
            if hard_rows else "<p>Every labelled paragraph matched the key.</p>"
        )
        self.body.children = [chart, table]


class ClassHeadlineTags(ClassView):
    """Lesson 2: the class's headline tags and their agreement (lesson 2's own class view, on this folder)."""

    def refresh(self) -> None:
        self.view = ClassTags(self.story, session().work, self.state.work, include_me=False)
        self.body.children = [self.view]


class ClassQuoteVerdicts(ClassView):
    """Lesson 3: the spread of the class's verdicts on each quoted version of a remark."""

    def __init__(self, story: Story, state: ClassState, folder: str):
        self.picker = widgets.Dropdown(description="Remark:", layout=widgets.Layout(width="min(100%, 620px)"))
        super().__init__(story, state, folder, controls=[self.picker])
        self.picker.observe(guarded(self.status)(lambda change: self.draw()), names="value")

    def refresh(self) -> None:
        self.tallies = verdict_tallies(self.state.work) if self.state.work else {}
        judged = sorted(self.tallies, key=lambda remark: (-self._students(remark), remark))[:MAX_REMARKS_SHOWN]
        options = [(remark.removeprefix("remark:").removeprefix("quote:")[:80], remark) for remark in sorted(judged)]
        self.picker.options = options or [("(no verdicts yet)", "")]
        if self.picker.value not in [value for _, value in self.picker.options]:
            self.picker.value = self.picker.options[0][1]  # ipywidgets leaves None after new options
        self.draw()

    def _students(self, remark: str) -> int:
        return max((sum(counts.values()) for counts in self.tallies[remark].values()), default=0)

    def draw(self) -> None:
        versions = self.tallies.get(self.picker.value or "", {})
        # Only versions in this story's reports can be labelled; the most judged are drawn.
        versions = {name: counts for name, counts in versions.items() if name.split("@")[0] in self.story.ids}
        if not versions:
            self.body.children = [widgets.HTML("<p>No student in this folder has given quote verdicts (lesson 3) yet.</p>")]
            return
        shown = sorted(sorted(versions, key=lambda name: -sum(versions[name].values()))[:MAX_BARS])
        labels = self.version_labels(shown)
        figure = new_figure(7.5, 3.4)
        axes = figure.subplots()
        bottoms = [0] * len(shown)
        positions = list(range(len(shown)))
        for verdict, colour, hatch in zip(VERDICTS, VERDICT_COLOURS, VERDICT_HATCHES):
            heights = [versions[name].get(verdict, 0) for name in shown]
            axes.bar(positions, heights, bottom=bottoms, label=plain(verdict), color=colour, hatch=hatch,
                     edgecolor="#222222", linewidth=0.5)
            bottoms = [b + h for b, h in zip(bottoms, heights)]
        axes.set_xticks(positions, [plain(label) for label in labels])
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("Students")
        axes.set_xlabel("Each report's version of the remark")
        axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        rows = [[label] + [versions[name].get(verdict, 0) for verdict in VERDICTS] for name, label in zip(shown, labels)]
        caption = f"Lesson 3: the class's verdicts on {self.picker.label}"
        if len(versions) > len(shown):
            caption += f" (the {len(shown)} versions judged most; {len(versions) - len(shown)} more not drawn)"
        self.body.children = [ChartBox(figure, caption, ["version"] + list(VERDICTS), rows)]

    def version_labels(self, names: list[str]) -> list[str]:
        """'Report 001', or 'Report 001 (quote 2)' when a report quotes the remark twice."""
        return version_labels(names, {report.id: report.name for report in self.story.reports})


class ClassRankings(ClassView):
    """Lesson 5: how the class ranked the reports, and why (the students' own justifications)."""

    def refresh(self) -> None:
        work = self.state.work
        summaries = [s for s in rank_summaries(work, self.story.ids) if s.places] if work else []
        if not summaries:
            self.body.children = [widgets.HTML("<p>No student in this folder has ranked the reports (lesson 5) yet.</p>")]
            return
        names = {report.id: report.name for report in self.story.reports}
        figure = new_figure(7.5, 0.5 * len(summaries) + 1.4)
        axes = figure.subplots()
        # Most trusted at the top; a shorter bar means a better (lower) average place.
        axes.barh([plain(names[s.report_id]) for s in summaries], [s.mean for s in summaries], color="#009E73")
        axes.invert_yaxis()
        axes.set_xlim(0, len(self.story.reports))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("Average place (1 = most trusted)")
        rows = [[names[s.report_id], f"{s.mean:.1f}", s.firsts, len(s.places)] for s in summaries]
        chart = ChartBox(figure, "Lesson 5: the class's trust ranking (most trusted at the top)",
                         ["report", "average place", "ranked first by", "students"], rows)
        reasons = [list(pair) for pair in justifications(work)]
        table = widgets.HTML("<p><b>Why they ranked them so</b>:</p>" + static_table(["student", "justification"], reasons))
        self.body.children = [chart, table]


class ClassAnswers(ClassView):
    """Any lesson's written answers, student by student, as soon as the students export.

    The lesson menu lists every lesson of the course; the questions are the keys the lesson
    declares in :mod:`medialit.course`, so a new question shows here without a change.
    """

    def __init__(self, story: Story, state: ClassState, folder: str, lesson_id: str | None = None):
        options = [(f"Lesson {item.number}: {item.title}", item.id) for item in LESSONS if item.questions]
        ids = [value for _, value in options]
        self.picker = widgets.Dropdown(options=options, value=lesson_id if lesson_id in ids else ids[0],
                                       description="Lesson:", tooltip="Choose the lesson whose answers to read",
                                       layout=widgets.Layout(width="min(100%, 520px)"))
        super().__init__(story, state, folder, controls=[self.picker])
        self.picker.observe(guarded(self.status)(lambda change: self.refresh()), names="value")

    def refresh(self) -> None:
        work = self.state.work
        keys, rows = question_answers(work, self.picker.value) if work else ((), [])
        if not rows:
            self.body.children = [widgets.HTML(
                f"<p>No student in this folder has exported written answers for {esc(self.picker.label)} yet.</p>")]
            return
        table = static_table(["student", *keys], [[row.student, *(answer[:600] for answer in row.answers)] for row in rows])
        self.body.children = [widgets.HTML(
            f"<p><b>{len(rows)} student(s)</b> answered {esc(self.picker.label)}'s questions:</p>{table}")]


def class_folder() -> ClassFolder:
    """The folder of students' exported files (empty: the kit's sample class), read at once."""
    current = session()
    return ClassFolder(current.story, _state, current.work)


def class_answers(lesson_id: str | None = None) -> ClassAnswers:
    """Any lesson's written answers (the exit tickets too), per student, as soon as they export."""
    return ClassAnswers(session().story, _state, _saved_folder(), lesson_id)


def class_labels() -> ClassLabels:
    """Lesson 1: the class's paragraph labels against the answer key."""
    return ClassLabels(session().story, _state, _saved_folder())


def class_headline_tags() -> ClassHeadlineTags:
    """Lesson 2: the most-tagged headline words and the class's agreement."""
    return ClassHeadlineTags(session().story, _state, _saved_folder())


def class_quote_verdicts() -> ClassQuoteVerdicts:
    """Lesson 3: the spread of quote verdicts."""
    return ClassQuoteVerdicts(session().story, _state, _saved_folder())


def class_rankings() -> ClassRankings:
    """Lesson 5: the class's trust rankings and justifications."""
    return ClassRankings(session().story, _state, _saved_folder())


class ClassTransfer(ClassView):
    """Lesson 6: each student's before and after attempts of the transfer task side by side."""

    def __init__(self, story: Story, state: ClassState, folder: str):
        self.page = load_transfer_story()  # the attempts are about the transfer page, not the unit's story
        super().__init__(story, state, folder)

    def refresh(self) -> None:
        rows = compare_attempts(self.state.work, self.page) if self.state.work else []
        if not rows:
            self.body.children = [widgets.HTML("<p>No student in this folder has exported a transfer-task attempt yet.</p>")]
            return

        def pair(row, value) -> str:
            return " → ".join("—" if score is None else value(score) for score in (row.before, row.after))

        table = static_table(
            ["student", "labels right (before → after)", "headline words the helper also flags", "quote verdict",
             "what moved"],
            [[row.student,
              pair(row, lambda s: f"{s.labels_right}/{s.labels_total}"),
              pair(row, lambda s: ", ".join(s.loaded_agreed) or "none"),
              pair(row, lambda s: s.quote_verdict or "none"),
              row.change()] for row in rows],
        )
        self.body.children = [widgets.HTML(
            f"<p><b>{len(rows)} student(s)</b> did the transfer task. Judge the written answers with the rubric in "
            f"<code>lessons/06-transfer.md</code>; the counts below are only what the kit can check.</p>{table}")]


def class_transfer() -> ClassTransfer:
    """Lesson 6: the transfer task's pre-test beside the post-test, per student."""
    return ClassTransfer(session().story, _state, _saved_folder())
