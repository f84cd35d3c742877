"""Lesson 0 widgets: read a report as scraped, answer questions in your own words, give your name.

Also here, because every lesson uses them: :func:`question` (a saved free-text answer) and
:func:`export_button` (one file with all the student's work, for the teacher, after any lesson).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import ipywidgets as widgets

from ..background import Background, load_background
from ..course import LESSONS
from ..progress import PROFILE, LessonWork, export_work, handin_folder, open_work
from ..story import Report, Story
from .aria import label_above
from .common import ChartBox, KitBox, SavedBox, Status, esc, guarded, new_figure, report_menu, session

PAGE_STYLE = (
    "white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;"
    "line-height:1.45;background:#fafafa;color:#111;border:1px solid #ccc;padding:8px 12px;"
    "max-height:420px;overflow:auto"
)


def page_html(report: Report) -> str:
    """The page exactly as scraped, escaped, with line numbers so students can point at lines.

    Example:
        >>> from medialit import load_story
        >>> "&lt;" in page_html(Report("x", "x.txt", "<b>hi</b>"))
        True
    """
    lines = report.raw_text.replace("\r\n", "\n").split("\n")
    width = len(str(len(lines)))
    numbered = "\n".join(
        f'<span style="color:#6b6b6b;user-select:none">{number:>{width}} </span>{esc(line)}'
        for number, line in enumerate(lines, start=1)
    )
    # A scrolling box must be reachable by keyboard (WCAG 2.1.1): focusable, and named as a region.
    label = esc(f"{report.name}: the page as scraped, with line numbers")
    return f'<div class="medialit-page" tabindex="0" role="region" aria-label="{label}" style="{PAGE_STYLE}">{numbered}</div>'


class ReportViewer(SavedBox):
    """Pick a report and read the whole page as it was scraped; the choice is saved."""

    def __init__(self, story: Story, work: LessonWork, key: str = "viewer.report"):
        self.story, self.key = story, key
        self.picker = report_menu(story, work.get(key), help="Choose which report's page to read")
        self.page = widgets.HTML()
        self._render()
        super().__init__(work, keys=(key,))
        self.children = [self.picker, self.page, self.status]
        self.picker.observe(guarded(self.status)(self._changed), names="value")
        self.add_class("medialit-viewer")

    def _changed(self, change: dict) -> None:
        self._render()
        self.remember({self.key: change["new"]})

    def _render(self) -> None:
        report = self.story.report(self.picker.value)
        self.page.value = page_html(report)

    def static_html(self) -> str:
        return "".join(f"<h4>{esc(r.name)}</h4>{page_html(r)}" for r in self.story.reports)


class Question(SavedBox):
    """A question with a free-text answer box; the answer is saved when the box loses focus.

    The question is the box's label (a ``<label for>`` above it), so a screen reader names the box
    by the question, not by its placeholder.
    """

    def __init__(self, work: LessonWork, key: str, prompt: str, placeholder: str = "Type your answer here"):
        self.key, self.prompt = key, prompt
        # rows, not a fixed height: the box's element holds the question too, which may wrap.
        self.box = label_above(widgets.Textarea(
            value=str(work.get(key, "")),
            placeholder=placeholder,
            rows=4,
            continuous_update=False,
            layout=widgets.Layout(width="min(100%, 720px)"),
        ), prompt)
        self.save_button = widgets.Button(
            description="Save answer", icon="save", tooltip="Save this answer", layout=widgets.Layout(width="auto")
        )
        super().__init__(work, keys=(key,))
        if work.get(key):
            self.status.info("Your saved answer was restored.")
        self.box.observe(guarded(self.status)(lambda change: self.remember({key: change["new"]})), names="value")
        self.save_button.on_click(guarded(self.status)(lambda button: self.remember({key: self.box.value}) or self.save_now()))
        self.children = [self.box, widgets.HBox([self.save_button, self.status])]
        self.add_class("medialit-question")

    def static_html(self) -> str:
        answer = esc(self.work.get(self.key, "")) or "<i>(no answer yet)</i>"
        return f"<p><b>{esc(self.prompt)}</b></p><blockquote>{answer}</blockquote>"


class NameBox(SavedBox):
    """The student's name, saved once per story so exported work says whose it is."""

    def __init__(self, story: Story, folder: str | None = None):
        self.profile = open_work(PROFILE, story_id=story.id, folder=folder)
        self.box = widgets.Text(
            value=str(self.profile.get("name", "")),
            description="Your name:",
            placeholder="First name and initial",
            continuous_update=False,
        )
        super().__init__(self.profile, keys=("name",))
        self.box.observe(guarded(self.status)(lambda change: self.remember({"name": change["new"].strip()})), names="value")
        self.children = [self.box, self.status]

    def static_html(self) -> str:
        return f"<p>Your name: {esc(self.profile.get('name', '')) or '<i>(not given)</i>'}</p>"


def report_viewer() -> ReportViewer:
    """A menu of the story's reports and the chosen page as scraped."""
    current = session()
    return ReportViewer(current.story, current.work)


def question(key: str, prompt: str) -> Question:
    """A saved free-text question for this lesson."""
    return Question(session().work, key, prompt)


def name_box() -> NameBox:
    """The box where the student types their name (saved for every lesson of this story)."""
    current = session()
    return NameBox(current.story, folder=str(current.work.folder.parent))


class ClueReveal(SavedBox):
    """A button that shows what each page reveals about its publisher (after students have looked)."""

    def __init__(self, story: Story, work: LessonWork, key: str = "viewer.clues_shown"):
        self.story, self.key = story, key
        self.button = widgets.Button(
            # fit-content: "auto" stretches a button across a VBox, a fixed width cuts its label off
            description="Show the clues we spotted", icon="search", layout=widgets.Layout(width="fit-content")
        )
        self.output = widgets.HTML()
        super().__init__(work, keys=(key,))
        self.button.on_click(guarded(self.status)(self._reveal))
        if work.get(key):
            self._render()
        self.children = [self.button, self.output, self.status]

    def _reveal(self, button: widgets.Button) -> None:
        self._render()
        self.remember({self.key: True})

    def _render(self) -> None:
        self.output.value = self.clues_html()

    def clues_html(self) -> str:
        parts = []
        for report in self.story.reports:
            clues = "".join(f"<li>{esc(clue)}</li>" for clue in report.publisher_clues)
            parts.append(
                f"<p><b>{esc(report.name)}</b>: {esc(report.headline)}</p>"
                + (f"<ul>{clues}</ul>" if clues else "<p><i>No clues recorded for this page.</i></p>")
            )
        return "".join(parts)

    def static_html(self) -> str:
        return self.clues_html()


def publisher_clues() -> ClueReveal:
    """A button revealing the clues to who published each page."""
    current = session()
    return ClueReveal(current.story, current.work)


class StoryIntro(KitBox):
    """The loaded story in a few lines: its title, date, how many reports, and its description."""

    def __init__(self, story: Story):
        self.story = story
        super().__init__([widgets.HTML(self.intro_html())])

    def intro_html(self) -> str:
        about = str(self.story.metadata.get("about", "")).strip()
        date = f" ({esc(self.story.date)})" if self.story.date else ""
        return (
            f"<p><b>{esc(self.story.title)}</b>{date}: {len(self.story.reports)} reports of the same event.</p>"
            + (f"<p>{esc(about)}</p>" if about else "")
        )

    def static_html(self) -> str:
        return self.intro_html()


def story_intro() -> StoryIntro:
    """What the loaded story is about (from its story.json), for the start of lesson 0."""
    return StoryIntro(session().story)


class ExportButton(KitBox):
    """One button that writes all the student's work on this story to one file for the teacher.

    It works after any lesson: exporting again replaces the lessons the file holds and keeps
    the others. The file goes to the teacher's hand-in folder (``$MEDIALIT_HANDIN``) if one is
    set, else to the student's work folder; a download link is offered too.
    """

    def __init__(self, story: Story, work: LessonWork):
        self.story, self.work = story, work
        self.button = widgets.Button(
            description="Export my work for my teacher", icon="upload", button_style="primary",
            tooltip="Write one file with all your work on this story, for your teacher",
            layout=widgets.Layout(width="fit-content"),
        )
        self.output = widgets.HTML()
        self.status = Status()
        self.button.on_click(guarded(self.status)(self._export))
        super().__init__([self.button, self.output, self.status])
        self.add_class("medialit-export")

    def _export(self, button: widgets.Button | None = None) -> None:
        target = export_work(self.story.id, handin_folder(self.work), folder=self.work.folder.parent)
        text = target.read_text(encoding="utf-8")
        done = json.loads(text).get("lessons", {})
        numbers = [str(lesson.number) for lesson in LESSONS if lesson.number is not None and done.get(lesson.id)]
        encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
        self.output.value = (
            f"<p><b class='medialit-ok'>✓ Exported</b> your work on lesson{'s' if len(numbers) != 1 else ''} "
            f"{esc(', '.join(numbers) or 'none yet')} to <code>{esc(target)}</code>.<br>"
            f'<a download="{esc(target.name)}" href="data:application/json;base64,{encoded}">'
            f"Download {esc(target.name)}</a> to hand it in another way. "
            "Export again after each lesson: the file is replaced and keeps every lesson.</p>"
        )
        self.status.saved()

    def static_html(self) -> str:
        return "<p><i>The export button works in JupyterLab: it writes your work to one file for your teacher.</i></p>"


def export_button() -> ExportButton:
    """The button that exports all your work on this story for your teacher (use it after any lesson)."""
    current = session()
    return ExportButton(current.story, current.work)


#: What students see when the story has no background card.
NO_BACKGROUND = (
    "Your teacher has not added background notes for this story, so there is no content note, "
    "list of who is who or map here. Ask your teacher who the people in these reports are."
)


def background_map(card: Background) -> Any:
    """A sketch map of the card's places (longitude across, latitude up, squeezed by cos(latitude))."""
    import math

    figure = new_figure(6.0, 4.2)
    axes = figure.subplots()
    by_name = {place.name: place for place in card.places}
    middle = sum(place.lat for place in card.places) / len(card.places)
    for line in card.lines:
        points = [by_name[name] for name in line.through]
        axes.plot([p.lon for p in points], [p.lat for p in points], color="#0072B2", linewidth=2,
                  label=_plain(line.name) + " (sketch)")
    for place in card.places:
        axes.plot(place.lon, place.lat, marker="o", color="#D55E00", markersize=7)
        axes.annotate(_plain(place.name), (place.lon, place.lat), xytext=(6, 4), textcoords="offset points", fontsize=10)
    axes.set_aspect(1 / max(math.cos(math.radians(middle)), 0.2))
    axes.margins(0.25)
    axes.set_xlabel("Longitude (degrees east)")
    axes.set_ylabel("Latitude (degrees north)")
    if card.lines:
        axes.legend(fontsize=8, loc="best")
    return figure


def _plain(text: str) -> str:
    # matplotlib reads "$...$" as maths; a name from the story's file must show as typed.
    return text.replace("$", r"\$")


class BackgroundCard(KitBox):
    """The story's background card: the content note, who is who, and a sketch map with its places."""

    def __init__(self, story: Story):
        self.card = load_background(story)
        parts: list[widgets.Widget] = [widgets.HTML(self.text_html())]
        if self.card.places:
            rows = [[p.name, p.role, f"{p.lat:.2f}", f"{p.lon:.2f}", p.source] for p in self.card.places]
            names = [p.name for p in self.card.places]
            alt = "A sketch map of " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])
            if self.card.lines:
                alt += ", with a line for " + ", ".join(line.name for line in self.card.lines)
            self.map = ChartBox(background_map(self.card), self.card.map_title or "Where it happened",
                                ["place", "what it is in the story", "latitude", "longitude", "source"], rows, alt=alt)
            parts += [self.map, widgets.HTML(self.map_notes_html())]
        super().__init__(parts)
        self.add_class("medialit-background")

    def text_html(self) -> str:
        card = self.card
        if card.empty:
            # For students: no file names. The teacher's guide (lessons/teacher-own-story.md) says how to add one.
            return f"<p><i>{esc(NO_BACKGROUND)}</i></p>"
        parts = []
        if card.note:
            sources = "".join(f"<li>{esc(source)}</li>" for source in card.note_sources)
            parts.append(
                '<div role="note" aria-label="Content note" style="border-left:4px solid #b35900;padding:4px 10px;'
                f'margin:6px 0;background:#fff4e5;color:#222"><b>Content note.</b> {esc(card.note)}'
                + (f"<details><summary>Sources</summary><ul>{sources}</ul></details>" if sources else "") + "</div>"
            )
        if card.people:
            rows = "".join(
                f"<tr><th scope='row'>{esc(p.name)}</th><td>{esc(p.who)}</td><td>{esc(p.side)}</td>"
                f"<td>{esc('; '.join(p.called))}</td></tr>"
                for p in card.people
            )
            parts.append(
                "<p><b>Who is who</b></p><table class='medialit-table'><thead><tr><th scope='col'>Who</th>"
                "<th scope='col'>What they are</th><th scope='col'>Side</th><th scope='col'>The reports call them</th>"
                f"</tr></thead><tbody>{rows}</tbody></table>"
            )
        return "".join(parts)

    def map_notes_html(self) -> str:
        notes = [text for text in (self.card.map_caption, self.card.map_note) if text]
        return "".join(f"<p>{esc(text)}</p>" for text in notes)

    def static_html(self) -> str:
        snapshot = self.map.static_html() + self.map_notes_html() if self.card.places else ""
        return self.text_html() + snapshot


def background_card() -> BackgroundCard:
    """The story's background: a content note, who is who, and where it happened (from its background.json)."""
    return BackgroundCard(session().story)
