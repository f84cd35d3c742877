"""Lesson 2 widgets: tag loaded words in headlines, compare with the helper and the class; rewrite neutrally.

Saved keys in this lesson's answers (``02-loaded-headlines``):

* ``"tags"``: ``{report_id: [{"start", "end", "word", "category"}]}`` with offsets into that
  report's headline; ``category`` is a key of :data:`medialit.headlines.CATEGORIES`, or
  ``"tagged"`` while the student has not chosen one. A report that is missing was not looked at;
  ``[]`` means "looked and found nothing" (pressing *Compare with the helper* records ``[]`` for
  every headline left untagged). This is the format :mod:`medialit.agreement` reads, so students'
  exports combine into the class view.
* ``"compared"``: ``True`` once the student has pressed *Compare with the helper*.
* ``"rewrites"``: ``{report_id: text}``, the student's neutral rewrites.
* ``"rewrite.report"``: the headline last chosen in the rewrite box.
* free-text questions: ``"q-most-loaded"``, ``"q-helper-disagree"``, ``"q-class-disagree"``
  (asked with :func:`medialit.widgets.question` in the notebook).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import tag_edits
from ..agreement import TAGGED, Tag, class_agreement, most_divided, tag_counts
from ..classwork import TAGS_LESSON, ClassWork, read_class
from ..headlines import CATEGORIES, check_rewrite, compare_tags, rank_headlines, suggest_loaded, word_spans
from ..progress import LessonWork
from ..story import Story
from ..tag_edits import join_with_next, next_joinable, saved_tags, set_category, toggle_word
from ..word_lists import category_title
from .aria import PressButton, label_above
from .common import ChartBox, KitBox, SavedBox, Status, esc, guarded, new_figure, report_menu, session, static_table

# `evidence` is not exported: every lesson module has one, and lesson 5 looks them up by module.
__all__ = ["loaded_word_kinds", "headline_tagger", "rewrite_headline", "class_tags"]

MARK = "⚑"
NO_CATEGORY = "— choose a kind —"
#: Okabe-Ito blue and orange: safe for the common kinds of colour blindness.
BAR_COLOUR = "#0072B2"
HELPER_COLOUR = "#E69F00"
WIDE = "min(100%, 760px)"
CAVEAT = (
    "Don't worry if this number is low. Even researchers trained to tag loaded words agree only "
    "moderately with each other, because what sounds loaded depends on who is reading. A word your "
    "class split on is not a mistake: it is the best place to start a discussion."
)


# --- what the old evidence() below still needs --------------------------------------------------


# --- lesson 2 widgets ---------------------------------------------------------------------------


class LoadedWordKinds(KitBox):
    """The kinds of loaded words the kit knows, with what each means and how many points it scores."""

    def __init__(self) -> None:
        self.table = widgets.HTML(self.static_html())
        super().__init__([self.table])

    def static_html(self) -> str:
        rows = [[f"{MARK} {c.title}", c.explanation, c.weight] for c in CATEGORIES.values()]
        return static_table(["Kind of loaded word", "What it means", "Points in the helper's score"], rows) + (
            "<p>A loaded word <b>inside quotation marks</b> is the speaker's choice, not the writer's: "
            "the helper says “in a quote: the speaker's word” and gives it 0 points.</p>"
        )


class HeadlineTagger(SavedBox):
    """Every headline as a row of word buttons: click to tag (⚑), pick a kind, compare with the helper.

    Saved state (``state``): ``"tags"`` and ``"compared"``; :attr:`tags` is the same as
    :class:`~medialit.agreement.Tag` objects, edited with :mod:`medialit.tag_edits`.
    """

    def __init__(self, story: Story, work: LessonWork, reveals: bool = True):
        self.story = story
        self.tags: dict[str, list[Tag]] = tag_edits.clean_saved_tags(work.get("tags", {}), story)
        self.compared = bool(work.get("compared"))
        status = Status()
        self.status = status
        self._syncing = False
        self.rows: dict[str, dict[str, Any]] = {}
        intro = widgets.HTML(
            f"<p>Click a word to tag it as loaded: it turns orange and gets a {MARK}. "
            "Click it again to remove the tag. Use <b>Tab</b> and <b>Space</b> if you prefer the keyboard. "
            "Then choose what kind of loaded word it is. Two tagged words side by side can be joined into one phrase.</p>"
        )
        parts: list[widgets.Widget] = [intro]
        for report in story.reports:
            parts.append(self._build_row(report.id))
        self.compare_button = widgets.Button(
            description="Compare with the helper",
            icon="balance-scale",
            tooltip="Show the helper's flags and reasons beside yours",
            layout=widgets.Layout(width="auto"),
        )
        self.compare_button.on_click(guarded(self.status)(self._compare_clicked))
        self.comparison = widgets.HTML()
        # In a pre-test the helper's flags stay hidden.
        parts += [self.compare_button, self.comparison, self.status] if reveals else [self.status]
        if self.compared and reveals:
            self._render_comparison()
        if any(self.tags.values()):
            self.status.info("Your saved tags were restored.")
        super().__init__(work, ("tags", "compared"), parts, status=status)
        self.add_class("medialit-tagger")

    # building -------------------------------------------------------------------------------

    def _build_row(self, report_id: str) -> widgets.VBox:
        report = self.story.report(report_id)
        buttons = []
        for start, end, word in word_spans(report.headline):
            # A PressButton, not a ToggleButton: its pressed state reaches screen readers (aria-pressed).
            button = PressButton(value=False, description=word, layout=widgets.Layout(width="auto"))
            button.observe(guarded(self.status)(self._make_toggle(report_id, start, end)), names="value")
            buttons.append((start, end, button))
        words = widgets.HBox(
            [button for _, _, button in buttons], layout=widgets.Layout(flex_flow="row wrap", width=WIDE)
        )
        tag_list = widgets.VBox()
        title = widgets.HTML(f"<b>{esc(report.name)}</b>")
        row = widgets.VBox([title, words, tag_list], layout=widgets.Layout(margin="6px 0 10px 0"))
        row.add_class("medialit-headline")
        self.rows[report_id] = {"buttons": buttons, "tag_list": tag_list, "headline": report.headline}
        self._render_row(report_id)
        return row

    def _make_toggle(self, report_id: str, start: int, end: int):
        def changed(change: dict) -> None:
            if self._syncing:
                return
            self.toggle(report_id, start, end)

        return changed

    def _render_row(self, report_id: str) -> None:
        row = self.rows[report_id]
        tags = self.tags.get(report_id, [])
        self._syncing = True
        try:
            for start, end, button in row["buttons"]:
                word = row["headline"][start:end]
                tagged = any(tag.start < end and start < tag.end for tag in tags)
                button.value = tagged
                # The state three ways: aria-pressed, the ⚑ in the name, and the pressed look (aria.css).
                button.description = f"{MARK} {word}" if tagged else word
                button.tooltip = f"Remove the tag from '{word}'" if tagged else f"Tag '{word}' as loaded"
        finally:
            self._syncing = False
        row["tag_list"].children = [self._tag_line(report_id, tag) for tag in tags] or [
            widgets.HTML('<span style="color:var(--jp-content-font-color2)">No words tagged in this headline.</span>')
        ]

    def _tag_line(self, report_id: str, tag: Tag) -> widgets.HBox:
        headline = self.rows[report_id]["headline"]
        options = [(NO_CATEGORY, TAGGED)] + [(c.title, key) for key, c in CATEGORIES.items()]
        # The visible label is the menu's description, so it is also the menu's accessible name.
        kind = widgets.Dropdown(
            options=options,
            value=tag.category if tag.category in CATEGORIES else TAGGED,
            description=f"{MARK} {tag.word} is",
            style={"description_width": "initial"},
        )
        kind.observe(
            guarded(self.status)(lambda change, start=tag.start: self.choose(report_id, start, change["new"])),
            names="value",
        )
        parts: list[widgets.Widget] = [kind]
        after = next_joinable(self.tags.get(report_id, []), headline, tag.start)
        if after is not None:
            join = widgets.Button(
                description=f"Join with '{after.word[:20]}'",
                icon="link",
                tooltip=f"Make '{headline[tag.start:after.end]}' one tagged phrase",
                layout=widgets.Layout(width="auto"),
            )
            join.on_click(guarded(self.status)(lambda button, start=tag.start: self.join(report_id, start)))
            parts.append(join)
        return widgets.HBox(parts, layout=widgets.Layout(align_items="center"))

    # actions (also called by tests) -----------------------------------------------------------

    def toggle(self, report_id: str, start: int, end: int) -> None:
        """Tag or untag one word, save, and redraw."""
        headline = self.rows[report_id]["headline"]
        self.tags[report_id] = toggle_word(self.tags.get(report_id, []), headline, start, end)
        self._changed(report_id)

    def choose(self, report_id: str, start: int, category: str) -> None:
        """Set the kind of one tag, save, and redraw."""
        self.tags[report_id] = set_category(self.tags.get(report_id, []), start, category)
        self._changed(report_id, rebuild=False)

    def join(self, report_id: str, start: int) -> None:
        """Join a tag with the one right after it, save, and redraw."""
        headline = self.rows[report_id]["headline"]
        self.tags[report_id] = join_with_next(self.tags.get(report_id, []), headline, start)
        self._changed(report_id)

    def _changed(self, report_id: str, rebuild: bool = True) -> None:
        self.remember({"tags": saved_tags(self.tags)})
        if rebuild:
            self._render_row(report_id)
        if self.compared:
            self._render_comparison()

    def _compare_clicked(self, button: widgets.Button) -> None:
        for report in self.story.reports:
            self.tags.setdefault(report.id, [])
        self.compared = True
        self._render_comparison()
        # Saved even when nothing changed: pressing the button is itself the answer "looked at all".
        self.remember({"tags": saved_tags(self.tags), "compared": True})
        self.save_now()

    # showing ----------------------------------------------------------------------------------

    def _render_comparison(self) -> None:
        self.comparison.value = self.comparison_html()

    def comparison_html(self) -> str:
        """Per headline: each word you or the helper marked, what each said, and the helper's reason."""
        parts = [
            "<p><b>You and the helper.</b> The helper only knows its word lists and one grammar rule for headlines; "
            "it does not understand the story and can be wrong. Where you disagree, decide who is right.</p>"
        ]
        for report in self.story.reports:
            rows = compare_tags(report.headline, self.tags.get(report.id, []))
            both = sum(row.agreement == "both" for row in rows)
            summary = (
                f"You and the helper agree on {both} of the {len(rows)} words either of you marked."
                if rows
                else "Neither of you marked anything in this headline."
            )
            table = static_table(
                ["Word", "You", "Helper", "Why the helper flags it"],
                [
                    [
                        row.word,
                        f"{MARK} {category_title(row.student)}" if row.student is not None else "— not tagged",
                        f"{MARK} {category_title(row.helper)}" if row.helper is not None else "— not flagged",
                        row.reason or "",
                    ]
                    for row in rows
                ],
            ) if rows else ""
            parts.append(f"<p><b>{esc(report.name)}</b>: {esc(report.headline)}<br>{esc(summary)}</p>{table}")
        return "".join(parts)

    def static_html(self) -> str:
        rows = []
        for report in self.story.reports:
            tags = self.tags.get(report.id)
            shown = (
                ", ".join(f"{MARK} {t.word} ({category_title(t.category)})" for t in tags)
                if tags
                else ("nothing tagged" if tags == [] else "not looked at yet")
            )
            rows.append([report.name, report.headline, shown])
        html = static_table(["Report", "Headline", "Your tags"], rows)
        return html + (self.comparison_html() if self.compared else "")


class RewriteBox(SavedBox):
    """Rewrite a headline in neutral words; the helper re-runs on it and shows what is still loaded.

    Saved state (``state``): ``"rewrites"`` ``{report_id: text}`` and ``"rewrite.report"``.
    """

    def __init__(self, story: Story, work: LessonWork, reveals: bool = True):
        self.story, self.reveals = story, reveals
        self.rewrites: dict[str, str] = {
            key: value for key, value in (work.get("rewrites") or {}).items()
            if isinstance(key, str) and isinstance(value, str) and key in story.ids
        } if isinstance(work.get("rewrites"), dict) else {}
        self.picker = report_menu(
            story,
            work.get("rewrite.report"),
            description="Headline:",
            help="Choose which headline to rewrite",
            default=rank_headlines(story)[-1].report_id,
            width=WIDE,
        )
        self.original = widgets.HTML()
        self.box = widgets.Textarea(
            placeholder="Write the same news in plain, neutral words",
            continuous_update=False,
            rows=2,
            layout=widgets.Layout(width=WIDE),
        )
        self.check_button = widgets.Button(
            description="Check my rewrite", icon="check", tooltip="Run the helper on your rewrite", layout=widgets.Layout(width="auto")
        )
        self.result = widgets.HTML()
        status = Status()
        self.status = status
        self._loading = False
        self.picker.observe(guarded(self.status)(self._picked), names="value")
        self.box.observe(guarded(self.status)(lambda change: self._save_and_check()), names="value")
        self.check_button.on_click(guarded(self.status)(lambda button: self._save_and_check()))
        self._load()
        super().__init__(
            work,
            ("rewrites", "rewrite.report"),
            [self.picker, self.original, self.box,
             widgets.HBox([self.check_button, status] if reveals else [status]), self.result],
            status=status,
        )
        self.add_class("medialit-rewrite")

    def _picked(self, change: dict) -> None:
        self.remember({"rewrite.report": change["new"]})
        self._load()

    def _load(self) -> None:
        report = self.story.report(self.picker.value)
        label_above(self.box, f"Your rewrite of the headline of {report.name}, in plain, neutral words:")
        flags = suggest_loaded(report.headline)
        flagged = ", ".join(f"{MARK} {flag.word}" for flag in flags) or "nothing"
        self.original.value = (
            f"<p><b>Original:</b> {esc(report.headline)}<br>"
            f"<span style='color:var(--jp-content-font-color2)'>The helper flags: {esc(flagged)}</span></p>"
        )
        self._loading = True
        try:
            self.box.value = self.rewrites.get(report.id, "")
        finally:
            self._loading = False
        self.result.value = self.result_html() if self.box.value.strip() else ""

    def _save_and_check(self) -> None:
        if self._loading:
            return
        self.rewrites = {**self.rewrites, self.picker.value: self.box.value}
        self.remember({"rewrites": self.rewrites})
        self.result.value = self.result_html() if self.reveals else ""

    def result_html(self) -> str:
        """What the helper finds in the rewrite, and the score before and after."""
        text = self.box.value
        if not text.strip():
            return "<p>Type your rewrite in the box first.</p>"
        report = self.story.report(self.picker.value)
        check = check_rewrite(report.headline, text)
        score = f"<p>Helper score: <b>{check.before:g}</b> before → <b>{check.after:g}</b> after (points per 10 words).</p>"
        if check.flags:
            items = "".join(
                f"<li>{MARK} <b>{esc(flag.word)}</b> ({esc(CATEGORIES[flag.category].title)}): {esc(flag.reason)}</li>"
                for flag in check.flags
            )
            found = f"<p>Still loaded, says the helper:</p><ul>{items}</ul>"
        else:
            found = (
                "<p>✓ The helper finds no loaded words in your rewrite. It only knows its word lists, so read it "
                "once more yourself: does it still take a side? Did you keep every fact of the original?</p>"
            )
        return score + found + f"<p style='color:var(--jp-content-font-color2)'>The sum: {esc(check.explanation)}</p>"

    def static_html(self) -> str:
        rows = [[self.story.report(rid).headline, text] for rid, text in self.rewrites.items() if text.strip()]
        return static_table(["Headline", "Your neutral rewrite"], rows) if rows else "<p><i>(no rewrite yet)</i></p>"


class ClassTags(KitBox):
    """The class's tags: per headline, how many students tagged each word, and how far the class agrees."""

    def __init__(self, story: Story, work: LessonWork, classwork: ClassWork, include_me: bool = True):
        self.story, self.work, self.classwork, self.include_me = story, work, classwork, include_me
        self.status = Status()
        self.picker = report_menu(story, description="Headline:", help="Choose which headline's chart to show", width=WIDE)
        self.chart_area = widgets.VBox()
        self.picker.observe(guarded(self.status)(lambda change: self._show_chart()), names="value")
        self.header = widgets.HTML()
        self.agreement = widgets.HTML()
        # The notebook usually runs this cell before the student has tagged anything.
        self.update_button = widgets.Button(
            description="Add my latest tags",
            icon="refresh",
            tooltip="Count the tags you made above (as 'You')",
            layout=widgets.Layout(width="auto"),
        )
        self.update_button.on_click(guarded(self.status)(lambda button: self.refresh(announce=True)))
        self.details = widgets.VBox([self.picker, self.chart_area, self.agreement])
        self.refresh()
        parts = [self.header, self.details]
        if include_me:
            parts.append(widgets.HBox([self.update_button, self.status]))
        else:
            parts.append(self.status)
        super().__init__(parts)
        self.add_class("medialit-class-tags")

    def refresh(self, announce: bool = False) -> None:
        """Count the class's tags again, with the student's own latest tags as "You"."""
        self.class_tags: dict[str, Any] = dict(self.classwork.tags(TAGS_LESSON))
        mine = saved_tags(tag_edits.clean_saved_tags(self.work.get("tags", {}), self.story))
        if self.include_me and any(mine.values()):
            self.class_tags["You"] = mine
        self.counts = tag_counts(self.class_tags, self.story)
        self.alpha = class_agreement(self.class_tags, self.story)
        self.alpha_kinds = class_agreement(self.class_tags, self.story, mode="category")
        self._charts: dict[str, ChartBox] = {}
        self.header.value = self.header_html()
        self.agreement.value = self.agreement_html()
        self.details.layout.display = None if self.counts.students else "none"
        if self.counts.students:
            self._show_chart()
        if announce:
            self.status.info("Updated with your latest tags." if "You" in self.class_tags else "You have not tagged any words yet.")

    def header_html(self) -> str:
        names = list(self.class_tags)
        if self.classwork.no_class_yet:
            # The sample students tagged the bundled story's headlines: on a teacher's own story every
            # one of their files would only be listed as "work on another story", which tells a
            # student nothing they can act on.
            source = (
                "Your class's tags are not here yet: your teacher can load them here once everyone has "
                "exported their work."
                + (" Until then the chart shows your own tags, as “You”." if self.include_me else "")
            )
        elif self.classwork.sample:
            source = (
                "These are sample files from three made-up students, shipped with the kit. Your teacher can show "
                "your own class's work instead."
            )
        else:
            source = f"Read from the folder {self.classwork.folder}."
        parts = [f"<p>{esc(source)}</p>"]
        if self.classwork.no_class_yet:
            parts.append("<p><i>Teachers: lesson 2's guide, “Before class”, says how to load the class's files.</i></p>")
        if names:
            parts.append(f"<p><b>Tags from {len(names)} {'student' if len(names) == 1 else 'students'}:</b> {esc(', '.join(names))}</p>")
        elif self.classwork.no_class_yet:
            parts.append("<p><b>No tags to show yet.</b> Tag some words above, then press <i>Add my latest tags</i>.</p>"
                         if self.include_me else "<p><b>No tags to show yet.</b></p>")
        else:
            parts.append("<p><b>No tags to show yet.</b> Tag some words above, or ask your teacher for the class's files.</p>")
        if self.classwork.problems and not self.classwork.no_class_yet:
            items = "".join(f"<li>{esc(p.file)}: {esc(p.reason)}</li>" for p in self.classwork.problems[:20])
            more = len(self.classwork.problems) - 20
            parts.append(
                f'<details><summary class="medialit-warning">⚠ {len(self.classwork.problems)} file(s) could not be used (click to see why)</summary>'
                f"<ul>{items}</ul>{f'<p>… and {more} more.</p>' if more > 0 else ''}</details>"
            )
        if self.counts.problems:
            items = "".join(f"<li>{esc(p)}</li>" for p in self.counts.problems)
            parts.append(f"<details><summary>⚠ Some tags were skipped</summary><ul>{items}</ul></details>")
        return "".join(parts)

    def chart(self, report_id: str) -> ChartBox:
        """The bar chart (and table) for one headline: students who tagged each word; * = the helper flags it too."""
        if report_id in self._charts:
            return self._charts[report_id]
        report = self.story.report(report_id)
        tallies = self.counts.words.get(report_id, ())
        flags = suggest_loaded(report.headline)
        flagged = [any(f.start < t.end and t.start < f.end for f in flags) for t in tallies]
        labels = [f"{t.word}*" if hit else t.word for t, hit in zip(tallies, flagged)]
        figure = new_figure(7.5, 3.2)
        axes = figure.add_subplot()
        axes.bar(range(len(tallies)), [t.students for t in tallies], color=BAR_COLOUR)
        axes.set_xticks(range(len(tallies)), labels, rotation=35, ha="right")
        axes.set_ylabel("Students who tagged it")
        axes.set_ylim(0, max(1, self.counts.students))
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_title(report.headline[:90], fontsize=10)
        axes.spines[["top", "right"]].set_visible(False)
        rows = [
            [
                t.word,
                f"{t.students} of {self.counts.students}",
                ", ".join(f"{category_title(c)} ({n})" for c, n in t.categories) or "—",
                f"{MARK} yes" if hit else "no",
            ]
            for t, hit in zip(tallies, flagged)
        ]
        chart = ChartBox(
            figure,
            f"{report.name}: how many students tagged each word (* = the helper flags it too)",
            ["Word", "Students who tagged it", "Kinds they chose", "Helper flags it"],
            rows,
        )
        self._charts[report_id] = chart
        return chart

    def _show_chart(self) -> None:
        self.chart_area.children = [self.chart(self.picker.value)]

    def agreement_html(self) -> str:
        """The agreement figure with a plain-language explanation and the caveat."""
        if self.alpha is None:
            figure = (
                "<p><b>Class agreement:</b> not enough tags to work it out yet. It needs at least two students "
                "who tagged the same headlines, and at least one word that someone tagged.</p>"
            )
        else:
            figure = (
                f"<p><b>Class agreement on which words are loaded: {self.alpha:.2f}</b> "
                "(a score called Krippendorff's alpha).</p>"
                "<ul><li><b>1</b> would mean everyone tagged exactly the same words.</li>"
                "<li><b>0</b> means you agreed no more than if everyone had clicked words at random "
                "(but just as often).</li>"
                "<li>Below 0 means you disagreed more than chance would.</li></ul>"
            )
            if self.alpha_kinds is not None:
                figure += (
                    f"<p>Agreement on the <i>kind</i> of each loaded word as well: <b>{self.alpha_kinds:.2f}</b>. "
                    "Choosing the kind is harder, so this is usually lower.</p>"
                )
        divided = most_divided(self.counts)
        if divided:
            words = "; ".join(
                f"'{tally.word}' in {self.story.report(rid).name} ({tally.students} of {self.counts.students})"
                for rid, tally in divided
            )
            figure += f"<p><b>Words you split on most:</b> {esc(words)}.</p>"
        return figure + f"<p><i>{esc(CAVEAT)}</i></p>"

    def static_html(self) -> str:
        charts = "".join(self.chart(r.id).static_html() for r in self.story.reports) if self.counts.students else ""
        return self.header_html() + charts + self.agreement_html()


# --- factories for the notebook -------------------------------------------------------------------


def loaded_word_kinds() -> LoadedWordKinds:
    """A table of the kinds of loaded words, what they mean and how the helper scores them."""
    return LoadedWordKinds()


def headline_tagger() -> HeadlineTagger:
    """Every headline as clickable words: tag the loaded ones, choose their kind, compare with the helper."""
    current = session()
    return HeadlineTagger(current.story, current.work, reveals=current.reveals)


def rewrite_headline() -> RewriteBox:
    """A box to rewrite a headline neutrally; the helper shows what is still loaded."""
    current = session()
    return RewriteBox(current.story, current.work, reveals=current.reveals)


def class_tags(folder: str | None = None, include_me: bool = True) -> ClassTags:
    """The class's tags per headline word, with the agreement figure.

    ``folder``: a folder of the students' exported files (default: the kit's three sample students, who
    did the bundled story; on another story the view says the teacher can load the class's tags here).
    ``include_me``: add your own tags as "You".
    """
    current = session()
    return ClassTags(current.story, current.work, read_class(folder, story_id=current.story.id), include_me=include_me)
