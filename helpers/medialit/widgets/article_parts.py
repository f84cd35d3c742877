"""Lesson 1 widgets: label each paragraph of a page as body, comment or other; page-part charts.

``kit.labeller()`` shows one report at a time as paragraph cards. The student gives each card a
coarse group (Body / Comment / Other part of the page) and, if they like, a finer role; "Check my
labels" marks every card against the story's answer key and "Show the helper's guess" reveals the
segmenter's roles and reasons. ``kit.labeller(teacher=True)`` is the teacher's version: the same
cards plus a "why" box, and a button that writes the story's ``answer_key.json``. A report with
more than ``CARDS_PER_PAGE`` paragraphs (a teacher's own saved web page) shows its cards 40 at a
time, with "Paragraphs 41–80 of 412" and Previous / Next buttons; everything else sees every paragraph.

``kit.page_parts_chart()`` shows how many words of each page are article, comments and other
text, and how the reading level changes without the furniture; ``kit.comments_only()`` shows the
reader comments of every report that has them.

Keys saved in this lesson's work file (``session().work``):

* ``labeller.report``: the report id last shown.
* ``labeller.labels``: ``{report_id: {line: {"group": "body"|"comment"|"other", "role": ""|ROLE}}}``
  with ``line`` the paragraph's first line as a string (JSON keys are strings); ``role`` is ``""``
  when the student gave no finer role.
* ``labeller.checked``: ``{report_id: {"right": int, "scored": int, "roles_right": int,
  "unlabelled": int}}``, the score the last time "Check my labels" was pressed with a key.
* ``labeller.helper_shown``: list of report ids whose helper guess was revealed.
* ``labeller.teacher``: teacher mode's labels, ``{report_id: {line: {"group", "role", "why"}}}``.
* ``comments.hints_shown``: ``True`` once the "words only the comment uses" hint was revealed.
"""

from __future__ import annotations

from pathlib import Path
import ipywidgets as widgets

from ..answer_key import (
    ANSWER_KEY_FILE,
    GROUPS,
    KeyEntry,
    Label,
    LabelScore,
    Mark,
    key_write_problem,
    load_answer_key,
    mark_labels,
    teacher_key,
    write_answer_key,
)
from ..page_makeup import group_text, page_parts, words_not_in
from ..progress import LessonWork
from ..segmentation import GROUP_OF_ROLE, ROLES, Block
from ..story import Report, Story, StoryError
from .aria import name_group
from .common import ChartBox, SavedBox, esc, guarded, new_figure, report_menu, session

# `evidence` is not exported: every lesson module has one, and lesson 5 looks them up by module.
__all__ = ["labeller", "page_parts_chart", "comments_only"]

LABELS_KEY = "labeller.labels"
REPORT_KEY = "labeller.report"
CHECKED_KEY = "labeller.checked"
HELPER_KEY = "labeller.helper_shown"
TEACHER_KEY = "labeller.teacher"
HINTS_KEY = "comments.hints_shown"

GROUP_NAMES = {"body": "Body", "comment": "Comment", "other": "Other part of the page"}
ROLE_NAMES = {
    "headline": "Headline",
    "standfirst": "Standfirst (summary under the headline)",
    "byline": "Byline or date",
    "caption": "Photo caption",
    "body": "Article body",
    "related": "Link to another story",
    "comment": "Reader comment",
    "comment_ui": "Comment box text (heading, form, buttons)",
    "boilerplate": "Site furniture (menus, footer, ads, badges)",
}
#: Paragraphs longer than this show their start and a "show all" fold.
SHORT_TEXT = 320
#: Cards drawn at once. A teacher's own saved web page can have hundreds of paragraphs (menus,
#: comments, footers), and hundreds of cards are slow for the browser to draw and a wall for a
#: student; every bundled report has at most 24, so the bundled story never shows paging controls.
CARDS_PER_PAGE = 40

# Okabe-Ito colours (safe for colour-blind readers); comments are also hatched.
COLOURS = {"body": "#0072B2", "comment": "#E69F00", "other": "#999999"}
# Theme colours from widgets/aria.css (light and dark, each 4.5:1 or more), with the light one as fallback.
RIGHT_STYLE = "color:var(--medialit-right, #1a6e2e);font-weight:bold"
WRONG_STYLE = "color:var(--medialit-wrong, #b3261e);font-weight:bold"
FLAG_STYLE = "color:var(--medialit-flag, #7a4b00);font-weight:bold"
CARD_STYLE = "border:1px solid #bbb;border-radius:6px;padding:6px 10px;margin:4px 0"
TEXT_STYLE = "white-space:pre-wrap;line-height:1.45"
GREY = "color:var(--medialit-muted, #595959)"
# ipywidgets' HTML sets a tall inline line height; wrapped notes read better tighter.
LINE = "line-height:1.45;margin:2px 0"


def role_name(role: str) -> str:
    """A role in plain words for students.

    Example:
        >>> role_name("comment_ui")
        'Comment box text (heading, form, buttons)'
    """
    return ROLE_NAMES.get(role, role)


def label_name(group: str, role: str = "") -> str:
    """A coarse group, with the finer role when there is one.

    Example:
        >>> label_name("other", "caption")
        'Other part of the page: Photo caption'
    """
    name = GROUP_NAMES.get(group, group)
    return f"{name}: {role_name(role)}" if role and role != group else name


def paragraph_html(text: str, limit: int = SHORT_TEXT) -> str:
    """A paragraph, escaped; a long one shows its start and folds the rest behind "Show all".

    ``<details>`` opens with the keyboard (Tab, then Enter), so nothing is hidden from keyboard users.

    Example:
        >>> "&lt;b&gt;" in paragraph_html("<b>hi</b>")
        True
    """
    if len(text) <= limit:
        return f'<div style="{TEXT_STYLE}">{esc(text)}</div>'
    cut = text.rfind(" ", 0, limit)
    start = text[: cut if cut > limit // 2 else limit]
    return (
        f'<div style="{TEXT_STYLE}">{esc(start)} …'
        f'<details><summary style="cursor:pointer;{GREY}">Show the whole paragraph '
        f"({len(text.split())} words)</summary>{esc(text)}</details></div>"
    )


def mark_html(mark: Mark, checked: bool, helper: bool, has_key: bool) -> str:
    """What a card says after checking and/or revealing the helper: a symbol, words and colour.

    Example:
        >>> m = Mark(4, Label("comment"), "body", "body", "Article prose.", "Prose.")
        >>> "✗" in mark_html(m, checked=True, helper=False, has_key=True)
        True
    """
    parts: list[str] = []
    if checked and has_key and mark.scored:
        if mark.label is None:
            # No answer and no "why" for a card the student skipped: checking must not give the key away.
            parts.append(f'<span style="{FLAG_STYLE}">? Not labelled yet: pick a label, then check again.</span>')
        elif mark.right:
            bonus = " ★ Your finer role matches too." if mark.role_right else ""
            parts.append(f'<span style="{RIGHT_STYLE}">✓ Right: {esc(GROUP_NAMES[mark.key_group])}.</span>{esc(bonus)}')
        else:
            parts.append(
                f'<span style="{WRONG_STYLE}">✗ Not quite: the key says {esc(label_name(mark.key_group, mark.key_role))}.</span>'
            )
        if mark.why and mark.label is not None and not mark.role_right:
            parts.append(f'<span style="{GREY}">Why: {esc(mark.why)}</span>')
    elif checked and has_key:
        parts.append(f'<span style="{GREY}">The answer key does not cover this paragraph, so it is not scored.</span>')
    if helper:
        parts.append(
            f"<span>Helper's guess: <b>{esc(label_name(mark.helper_group, mark.helper_role))}</b>. "
            f'<span style="{GREY}">{esc(mark.reason)}</span></span>'
        )
    if helper and mark.disagreement and (checked or not has_key):
        # Groups only: the finer roles are in the lines above, and the score counts groups.
        you = GROUP_NAMES[mark.label.group] if mark.label else "not labelled"
        key = GROUP_NAMES[mark.key_group] if mark.key_role else "no key"
        parts.append(
            f'<span style="{FLAG_STYLE}">⚑ Not everyone agrees. You: {esc(you)} · '
            f"Helper: {esc(GROUP_NAMES[mark.helper_group])} · Key: {esc(key)}</span>"
        )
    return "".join(f'<div style="{LINE}">{part}</div>' for part in parts)


def score_text(score: LabelScore) -> str:
    """The score in one sentence (groups only; the finer role is a bonus).

    Example:
        >>> score_text(LabelScore(()))
        'The answer key does not cover any paragraph of this report.'
    """
    if not score.scored:
        return "The answer key does not cover any paragraph of this report."
    text = f"Score: {score.right} of {score.scored} paragraphs in the right group."
    if score.unlabelled:
        text += f" {score.unlabelled} not labelled yet."
    if score.roles_right:
        text += f" Bonus: {score.roles_right} finer roles exactly right."
    return text


def page_span(page: int, count: int, size: int = CARDS_PER_PAGE) -> str:
    """The paragraphs a page of cards holds, counted from 1, as "41–80".

    Example:
        >>> page_span(1, 95), page_span(2, 95)
        ('41–80', '81–95')
    """
    return f"{page * size + 1}–{min((page + 1) * size, count)}"


def other_pages_text(indexes: list[int], page: int, count: int, what: tuple[str, str]) -> str:
    """Where some cards are when they are not among the paragraphs shown, or "" when all of them are.

    ``indexes`` are the cards' positions in the report (from 0), ``page`` the set of cards shown
    (from 0), ``what`` names one card and several.

    Example:
        >>> other_pages_text([45, 50, 130], 0, 412, ("wrong card", "wrong cards"))
        '3 wrong cards are in paragraphs 41–80 and 121–160, not shown now.'
        >>> other_pages_text([3], 0, 412, ("wrong card", "wrong cards"))
        ''
    """
    away = [index for index in indexes if index // CARDS_PER_PAGE != page]
    if not away:
        return ""
    spans = [page_span(p, count) for p in sorted({index // CARDS_PER_PAGE for index in away})]
    where = spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + " and " + spans[-1]
    name, verb = (what[0], "is") if len(away) == 1 else (what[1], "are")
    return f"{len(away)} {name} {verb} in paragraphs {where}, not shown now."


class Pager(widgets.HBox):
    """"Paragraphs 41–80 of 412" in plain words, between buttons to the previous and next page of cards.

    The buttons say what they do in words (their text is their accessible name). They are never
    disabled: a browser moves keyboard focus off a button that becomes disabled, so a student who
    pressed "Next" on the second-last page would be sent back to the top. At the ends the words say
    so instead ("the last paragraphs"), and pressing the button there leaves the page as it is.
    """

    def __init__(self) -> None:
        self.previous = widgets.Button(description=f"◀ Previous {CARDS_PER_PAGE}", layout=widgets.Layout(width="auto"))
        self.next = widgets.Button(description=f"Next {CARDS_PER_PAGE} ▶", layout=widgets.Layout(width="auto"))
        self.where = widgets.HTML(layout=widgets.Layout(margin="0 12px"))
        super().__init__(
            [self.previous, self.where, self.next],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", margin="4px 0"),
        )
        self.add_class("medialit-pager")

    def show(self, page: int, count: int) -> None:
        """Say which paragraphs ``page`` (from 0) of ``count`` shows, and set the buttons for it."""
        after = count - min((page + 1) * CARDS_PER_PAGE, count)
        end = " (the first ones)" if page == 0 else " (the last ones)" if not after else ""
        self.where.value = f"<b>Paragraphs {page_span(page, count)} of {count}</b>{end}"
        self.previous.tooltip = (
            f"Show paragraphs {page_span(page - 1, count)}" if page else "These are the first paragraphs"
        )
        # The last step may be shorter: "Next 15" says exactly what comes.
        self.next.description = f"Next {min(after, CARDS_PER_PAGE) or CARDS_PER_PAGE} ▶"
        self.next.tooltip = f"Show paragraphs {page_span(page + 1, count)}" if after else "These are the last paragraphs"



class Card(widgets.VBox):
    """One paragraph: its line and text, the group buttons, the optional finer role, and its mark.

    In teacher mode, also the why students will read and the key's note for the teacher, if it has one
    (how a proposed key decided: students never see it).
    """

    def __init__(self, block: Block, label: Label | None, teacher: bool = False, why: str = "", note: str = ""):
        self.block = block
        header = widgets.HTML(
            f'<div><span style="{GREY}">Line {block.line}</span></div>{paragraph_html(block.text)}'
        )
        # Radio buttons in a row, not ToggleButtons: a screen reader hears which part is chosen
        # ("checked"); ToggleButtons only show it by a shade (jupyter-widgets/ipywidgets#2650).
        self.group = widgets.RadioButtons(
            options=[(GROUP_NAMES[g], g) for g in GROUPS],
            value=label.group if label and label.group in GROUPS else None,
            orientation="horizontal",
            layout=widgets.Layout(width="auto"),
        )
        # Heard on entering the group; without it 40 cards sound alike ("Body, radio button").
        name_group(self.group, f"Line {block.line}: which part of the page?")
        # The visible label is the menu's accessible name.
        self.role = widgets.Dropdown(
            options=[("(optional)", "")] + [(role_name(r), r) for r in ROLES],
            value=label.role if label and label.role in ROLES else "",
            description="Finer role:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 360px)"),
        )
        self.why = widgets.Text(
            value=why,
            placeholder="Why? One line for the students, e.g. 'Article prose.'",
            description="Why?",
            layout=widgets.Layout(width="min(100%, 640px)"),
        )
        self.mark = widgets.HTML()
        controls = widgets.HBox([self.group, self.role], layout=widgets.Layout(flex_flow="row wrap"))
        teaching: list[widgets.Widget] = [self.why] if teacher else []
        if teacher and note:  # a student's card draws no widget for the note
            teaching.append(widgets.HTML(f'<div style="{GREY}">Note for you (students do not see it): {esc(note)}</div>'))
        super().__init__([header, controls] + teaching + [self.mark])
        self.layout = widgets.Layout(border="1px solid #bbb", padding="4px 10px", margin="4px 0")
        self.add_class("medialit-card")

    @property
    def label(self) -> Label | None:
        return Label(self.group.value, self.role.value) if self.group.value else None


class Labeller(SavedBox):
    """Label every paragraph of a report, check against the answer key, compare with the helper.

    The saved answers (the report shown, the labels, the last checks, the reports whose helper
    guess was revealed) live in ``state``; :class:`SavedBox` saves every change. A report with more
    than :data:`CARDS_PER_PAGE` paragraphs shows its cards a page at a time: the labels (and
    teacher mode's whys) of every paragraph live in ``_labels_of`` / ``_whys_of`` by line, so the
    progress line, checking, the key and saving always see the whole report, not only the cards drawn.
    """

    def __init__(self, story: Story, work: LessonWork, teacher: bool = False, reveals: bool = True):
        self.story, self.teacher, self.reveals = story, teacher, reveals
        super().__init__(work, keys=(REPORT_KEY, TEACHER_KEY if teacher else LABELS_KEY, CHECKED_KEY, HELPER_KEY))
        self.key: dict[str, list[KeyEntry]] = {}
        self.key_problem = ""
        try:
            self.key = load_answer_key(story.folder)
        except StoryError as error:
            # A broken key must not stop students labelling; the problem shows when they check.
            self.key_problem = str(error)
        self.picker = report_menu(story, self.state.get(REPORT_KEY), help="Choose which report's paragraphs to label")
        self.progress = widgets.HTML()
        self.check_button = widgets.Button(
            description="Check my labels", icon="check", button_style="primary", tooltip="Mark every card right or wrong",
            layout=widgets.Layout(width="auto"),
        )
        self.helper_button = widgets.Button(
            description="Show the helper's guess", icon="lightbulb-o", tooltip="What the kit's helper program thinks",
            layout=widgets.Layout(width="auto"),
        )
        self.score = widgets.HTML()
        self.cards_box = widgets.VBox()
        self.cards: list[Card] = []
        # Cards are built a page at a time, when that page is first shown, and kept for going back.
        self._cards_of: dict[tuple[str, int], list[Card]] = {}
        self._labels_of: dict[str, dict[int, Label]] = {}
        self._whys_of: dict[str, dict[int, str]] = {}
        self._page_of: dict[str, int] = {}
        # One bar above the cards and one below, so a student who labelled a page need not scroll back up.
        self.pagers = (Pager(), Pager())
        self.page_box = widgets.VBox()
        self.checked: set[str] = set()
        shown = self.state.get(HELPER_KEY, [])
        self.helper_shown: set[str] = {x for x in shown if x in story.ids} if isinstance(shown, list) else set()
        guard = guarded(self.status)
        for pager in self.pagers:
            pager.previous.on_click(guard(lambda button: self.turn(-1)))
            pager.next.on_click(guard(lambda button: self.turn(1)))
        # A pre-test (the transfer task before lesson 1) neither checks labels nor shows the helper's guess.
        buttons = [self.check_button, self.helper_button] if reveals or teacher else []
        if teacher:
            self.write_button = widgets.Button(
                description="Write the answer key", icon="save", button_style="warning",
                tooltip=f"Save these labels as {ANSWER_KEY_FILE} in the story folder",
                layout=widgets.Layout(width="auto"),
            )
            self.write_button.on_click(guard(lambda button: self.write_key()))
            buttons.append(self.write_button)
        self.picker.observe(guard(self._picked), names="value")
        self.check_button.on_click(guard(lambda button: self.check()))
        self.helper_button.on_click(guard(lambda button: self.reveal()))
        heading = widgets.HTML(
            "<b>Teacher mode:</b> label every paragraph with a finer role and a one-line why, "
            f"then press <i>Write the answer key</i>." if teacher else ""
        )
        self.children = [
            heading, self.picker, self.progress, self.cards_box,
            widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap")), self.score, self.status,
        ]
        self.add_class("medialit-labeller")
        self._show_report()

    # --- what is saved ---------------------------------------------------------------------

    @property
    def saved_key(self) -> str:
        return TEACHER_KEY if self.teacher else LABELS_KEY

    def saved_labels(self, report_id: str) -> dict[int, Label]:
        """The labels saved for a report, by line (malformed entries are skipped, never fatal)."""
        stored = self.state.get(self.saved_key, {})
        labels: dict[int, Label] = {}
        for line, value in (stored.get(report_id, {}) if isinstance(stored, dict) else {}).items():
            if isinstance(value, dict) and value.get("group") in GROUPS and str(line).isdigit():
                role = value.get("role") if value.get("role") in ROLES else ""
                labels[int(line)] = Label(value["group"], role)
        return labels

    def _saved_whys(self, report_id: str) -> dict[int, str]:
        stored = self.state.get(TEACHER_KEY, {})
        report = stored.get(report_id, {}) if isinstance(stored, dict) else {}
        if not isinstance(report, dict):
            return {}
        return {int(line): str(v.get("why", "")) for line, v in report.items() if isinstance(v, dict) and str(line).isdigit()}

    def _labels_for(self, report_id: str) -> dict[int, Label]:
        """The report's labels by line (read from the saved answers the first time the report is shown)."""
        if report_id not in self._labels_of:
            labels = self.saved_labels(report_id)
            whys = self._saved_whys(report_id) if self.teacher else {}
            if self.teacher and not labels:
                # A teacher editing an existing key starts from it rather than from nothing.
                for entry in self.key.get(report_id, []):
                    labels[entry.line] = Label(GROUP_OF_ROLE[entry.role], entry.role)
                    whys[entry.line] = entry.why
            self._labels_of[report_id], self._whys_of[report_id] = labels, whys
        return self._labels_of[report_id]

    def _save_report(self, report_id: str) -> None:
        # The whole report is saved at once, from the labels by line rather than from the cards
        # drawn: labels on pages not shown are kept, and a teacher who starts from the old key and
        # changes one card saves the rest of that key with it.
        labels, whys = self._labels_for(report_id), self._whys_of[report_id]
        report: dict[str, dict[str, str]] = {}
        for block in self.story.report(report_id).helper_blocks:
            label = labels.get(block.line)
            if label is not None:
                entry = {"group": label.group, "role": label.role}
                if self.teacher:
                    entry["why"] = whys.get(block.line, "").strip()
                report[str(block.line)] = entry
        stored = self.state.get(self.saved_key, {})
        stored = dict(stored) if isinstance(stored, dict) else {}
        stored[report_id] = report
        self.remember({self.saved_key: stored})

    # --- building cards ----------------------------------------------------------------------

    @property
    def report(self) -> Report:
        return self.story.report(self.picker.value)

    @property
    def page(self) -> int:
        """The page of cards shown for the current report, from 0."""
        return self._page_of.get(self.picker.value, 0)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.report.helper_blocks) // CARDS_PER_PAGE))

    def _make_cards(self, report: Report, page: int) -> list[Card]:
        labels, whys = self._labels_for(report.id), self._whys_of[report.id]
        notes = {entry.line: entry.note for entry in self.key.get(report.id, [])} if self.teacher else {}
        cards = []
        # The cards carry the helper's own guess (the key may decide report.blocks; it is marked separately).
        for block in report.helper_blocks[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE]:
            card = Card(block, labels.get(block.line), teacher=self.teacher, why=whys.get(block.line, ""),
                        note=notes.get(block.line, ""))
            self._wire(card, report.id)
            cards.append(card)
        return cards

    def _wire(self, card: Card, report_id: str) -> None:
        guard = guarded(self.status)
        line = card.block.line

        def group_changed(change: dict) -> None:
            # A finer role from another group would contradict the new choice.
            if card.role.value and GROUP_OF_ROLE[card.role.value] != change["new"]:
                card.role.value = ""
            self._label_changed(card, report_id)

        def role_changed(change: dict) -> None:
            if change["new"] and card.group.value != GROUP_OF_ROLE[change["new"]]:
                card.group.value = GROUP_OF_ROLE[change["new"]]  # saves through group_changed
            else:
                self._label_changed(card, report_id)

        def why_changed(change: dict) -> None:
            self._whys_of[report_id][line] = change["new"]
            self._save_report(report_id)

        card.group.observe(guard(group_changed), names="value")
        card.role.observe(guard(role_changed), names="value")
        card.why.observe(guard(why_changed), names="value")

    def _label_changed(self, card: Card, report_id: str) -> None:
        labels = self._labels_for(report_id)
        if card.label is None:
            labels.pop(card.block.line, None)
        else:
            labels[card.block.line] = card.label
        self._save_report(report_id)
        # Marks are for the labels that were checked: a changed label waits for the next check.
        if report_id in self.checked:
            self.checked.discard(report_id)
            self.score.value = f'<span style="{GREY}">Labels changed: press <b>Check my labels</b> again.</span>'
        self._refresh()

    def _picked(self, change: dict) -> None:
        self.remember({REPORT_KEY: change["new"]})
        self._show_report()

    def _show_report(self) -> None:
        self.score.value = ""
        self._show_page()

    def turn(self, step: int) -> None:
        """Show the next (``step=1``) or previous (``step=-1``) page of the current report's cards."""
        if not 0 <= self.page + step < self.page_count:
            return  # at the first or last paragraphs: the pager's words already say so
        self._page_of[self.picker.value] = self.page + step
        self._show_page()
        if self.picker.value in self.checked:
            self._show_score()  # where the wrong cards are depends on the page shown

    def _show_page(self) -> None:
        report, page = self.report, self.page
        if (report.id, page) not in self._cards_of:
            self._cards_of[report.id, page] = self._make_cards(report, page)
        self.cards = self._cards_of[report.id, page]
        count = len(report.helper_blocks)
        if not self.cards:
            self.cards_box.children = [widgets.HTML("<i>This page has no text to label.</i>")]
        elif count <= CARDS_PER_PAGE:
            self.cards_box.children = self.cards
        else:
            for pager in self.pagers:
                pager.show(page, count)
            # Only the inner box changes from page to page, so the bars' buttons stay drawn and a
            # keyboard user who pressed "Next" is still on it (a changed children list redraws
            # every widget after the first change, which would drop the focus).
            self.page_box.children = self.cards
            self.cards_box.children = [self.pagers[0], self.page_box, self.pagers[1]]
        self._refresh()

    # --- checking and revealing --------------------------------------------------------------

    def labels(self) -> dict[int, Label]:
        """The current report's labels by line, on every page of cards."""
        return dict(self._labels_for(self.picker.value))

    def current_score(self) -> LabelScore:
        """Every paragraph of the current report checked against the key (empty key: nothing scored)."""
        report = self.report
        return mark_labels(report.helper_blocks, self._labels_for(report.id), self.key.get(report.id, []))

    @property
    def has_key(self) -> bool:
        return bool(self.key.get(self.picker.value))

    def check(self) -> None:
        """Mark every card and show the score; without a key, say so and point to the helper."""
        report_id = self.picker.value
        self.checked.add(report_id)
        if self.key_problem:
            self.score.value = (
                f'<span style="{WRONG_STYLE}">⚠ The answer key cannot be read, so labels cannot be marked.</span> '
                f"{esc(self.key_problem)}"
            )
        elif not self.has_key:
            self.score.value = (
                f'<span style="{FLAG_STYLE}">⚑ There is no answer key for this report, so your labels cannot be '
                "marked right or wrong.</span> Press <b>Show the helper's guess</b> to compare your labels with the "
                "helper's, and talk about the differences."
            )
        else:
            score = self._show_score()
            saved = self.state.get(CHECKED_KEY, {})
            checked = dict(saved) if isinstance(saved, dict) else {}
            checked[report_id] = {
                "right": score.right, "scored": score.scored, "roles_right": score.roles_right,
                "unlabelled": score.unlabelled,
            }
            self.remember({CHECKED_KEY: checked})
        self._refresh()

    def _show_score(self) -> LabelScore:
        score = self.current_score()
        if self.key_problem or not self.has_key:
            return score
        # Only the cards of one page are drawn: say where the others that need work are.
        count = len(score.marks)
        wrong = [i for i, mark in enumerate(score.marks) if mark.scored and mark.label is not None and not mark.right]
        unlabelled = [i for i, mark in enumerate(score.marks) if mark.scored and mark.label is None]
        where = [
            other_pages_text(wrong, self.page, count, ("wrong card", "wrong cards")),
            other_pages_text(unlabelled, self.page, count, ("card not labelled yet", "cards not labelled yet")),
        ]
        self.score.value = f"<b>{esc(score_text(score))}</b>" + "".join(
            f'<div style="{LINE}">{esc(text)}</div>' for text in where if text
        )
        return score

    def reveal(self) -> None:
        """Show the helper's role and reason on every card of this report (remembered)."""
        self.helper_shown.add(self.picker.value)
        self.remember({HELPER_KEY: sorted(self.helper_shown)})
        self._refresh()

    def _refresh(self) -> None:
        report_id = self.picker.value
        score = self.current_score()
        checked, helper = report_id in self.checked, report_id in self.helper_shown
        has_key = self.has_key and not self.key_problem
        marks = {mark.line: mark for mark in score.marks}
        for card in self.cards:
            card.mark.value = mark_html(marks[card.block.line], checked=checked, helper=helper, has_key=has_key)
        done = sum(mark.label is not None for mark in score.marks)
        self.progress.value = (
            f'<span style="{GREY}">You have labelled {done} of {len(score.marks)} paragraphs of this page.'
            + (" Press <b>Check my labels</b> when you are ready.</span>" if done else "</span>")
        )

    # --- teacher mode ----------------------------------------------------------------------

    def teacher_key(self) -> tuple[dict[str, list[KeyEntry]], list[str]]:
        """The key the teacher's labels make, and what is missing (reports not started are kept from the old key)."""
        stored = self.state.get(TEACHER_KEY, {})
        started = [report.id for report in self.story.reports if isinstance(stored, dict) and report.id in stored]
        labels = {report_id: self.saved_labels(report_id) for report_id in started}
        whys = {report_id: self._saved_whys(report_id) for report_id in started}
        return teacher_key(self.key, self.story.reports, labels, whys)

    def write_key(self) -> Path | None:
        """Write the teacher's labels to the story's answer key: atomically, keeping a backup of the old one."""
        folder = Path(self.story.folder)
        problem = key_write_problem(folder, self.story.bundled)
        if problem:
            self.status.problem(problem)
            return None
        key, problems = self.teacher_key()
        if problems:
            self.status.problem("The answer key was not written. " + " ".join(problems))
            return None
        if not any(key.values()):
            self.status.problem("The answer key was not written: label every paragraph of at least one report first.")
            return None
        target = folder / ANSWER_KEY_FILE
        try:
            backup = write_answer_key(folder, key)
        except OSError as error:
            self.status.problem(f"Could not write {target} ({error.strerror or error}); the old key is unchanged.")
            return None
        self.key = load_answer_key(folder)
        self.key_problem = ""
        kept = f" The old key was kept as {backup.name}." if backup else ""
        self.status.info(f"✓ Answer key written to {target} ({sum(map(len, key.values()))} paragraphs).{kept}")
        self._refresh()
        return target

    # --- static snapshot -------------------------------------------------------------------

    def static_html(self) -> str:
        parts = []
        for report in self.story.reports:
            labels = self.saved_labels(report.id)
            rows = "".join(
                f"<tr><td>{block.line}</td><td>{esc(block.text)}</td>"
                f"<td>{esc(label_name(labels[block.line].group, labels[block.line].role)) if block.line in labels else '—'}</td></tr>"
                for block in report.blocks
            )
            parts.append(
                f"<h4>{esc(report.name)}: {esc(report.headline)}</h4>"
                '<table class="medialit-table"><thead><tr><th>Line</th><th>Paragraph</th><th>Your label</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            )
        return "".join(parts)


def labeller(teacher: bool = False) -> Labeller:
    """Paragraph cards to label as body, comment or other; ``teacher=True`` writes the answer key."""
    current = session()
    return Labeller(current.story, current.work, teacher=teacher, reveals=current.reveals)


# ---------------------------------------------------------------------------
# Why it matters: the parts of each page
# ---------------------------------------------------------------------------


def parts_table(story: Story) -> tuple[list[str], list[list[object]]]:
    """Headers and one row per report: words per group, the article's share, reading level with and without."""
    headers = [
        "Report", "Article words", "Comment words", "Other words", "Article share of the page",
        "Reading ease, whole page", "Reading ease, article only", "School grade, whole page", "School grade, article only",
    ]
    rows: list[list[object]] = []
    for report in story.reports:
        parts = page_parts(report.blocks)
        rows.append([
            report.name, parts.body_words, parts.comment_words, parts.other_words, f"{parts.body_share:.0%}",
            parts.page_reading_ease, parts.article_reading_ease, parts.page_grade, parts.article_grade,
        ])
    return headers, rows


def page_parts_chart() -> ChartBox:
    """Bars of article / comment / other words per report, and reading ease with and without the rest."""
    story = session().story
    headers, rows = parts_table(story)
    # Long report names would squash the bars; the table below the chart has them in full.
    names = [_short(str(row[0]), 24) for row in rows][::-1]
    figure = new_figure(9.5, 0.6 * len(rows) + 1.9)
    words, ease = figure.subplots(1, 2, width_ratios=[3, 2])
    left = [0] * len(rows)
    for column, group, name, hatch in ((1, "body", "Article", ""), (2, "comment", "Comments", "//"), (3, "other", "Other page text", "..")):
        values = [int(row[column]) for row in rows][::-1]
        words.barh(names, values, left=left, color=COLOURS[group], hatch=hatch, edgecolor="white", label=name)
        left = [a + b for a, b in zip(left, values)]
    words.set_xlabel("Number of words on the page")
    words.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False)
    positions = range(len(rows))
    height = 0.38
    page_ease = [float(row[5]) for row in rows][::-1]
    article_ease = [float(row[6]) for row in rows][::-1]
    ease.barh([p + height / 2 for p in positions], page_ease, height, color="#999999", hatch="..", label="Whole page")
    ease.barh([p - height / 2 for p in positions], article_ease, height, color=COLOURS["body"], label="Article only")
    ease.set_yticks(list(positions), [""] * len(rows))
    ease.set_xlabel("Reading ease (higher = easier)")
    ease.set_xlim(0, 100)
    ease.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    caption = "How much of each page is the article? Words per part (left), reading ease with and without the rest (right)"
    return ChartBox(figure, caption, headers, rows)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# Comments only
# ---------------------------------------------------------------------------


def comment_blocks(report: Report) -> list[Block]:
    """The helper's reader comments of a report."""
    return [block for block in report.blocks if block.group == "comment"]


class CommentsView(SavedBox):
    """The reader comments of every report that has them, with a hint of words the article never uses."""

    def __init__(self, story: Story, work: LessonWork):
        self.story = story
        super().__init__(work, keys=(HINTS_KEY,))
        self.with_comments = [report for report in story.reports if comment_blocks(report)]
        self.output = widgets.HTML()
        children: list[widgets.Widget] = [self.output]
        self.hint_button = widgets.Button(
            description="Hint: words only the comments use", icon="search",
            tooltip="List words each comment uses that its article never does",
            layout=widgets.Layout(width="max-content"),
        )
        self.hint_button.on_click(guarded(self.status)(self._hint))
        if self.with_comments:
            children.append(self.hint_button)
        self.children = children + [self.status]
        self.add_class("medialit-comments")
        self._render(bool(self.state.get(HINTS_KEY)))

    def _hint(self, button: widgets.Button) -> None:
        self.remember({HINTS_KEY: True})
        self._render(True)

    def _render(self, hints: bool) -> None:
        self.output.value = self.comments_html(hints)

    def comments_html(self, hints: bool = False) -> str:
        if not self.with_comments:
            return (
                f'<p style="{LINE}"><b>None of the reports in this story has reader comments</b> (as far as the helper can tell). '
                "Look for other text on the pages that was not written by the reporter instead.</p>"
            )
        parts = []
        for report in self.with_comments:
            body = group_text(report.blocks, "body")
            cards = []
            for block in comment_blocks(report):
                hint = ""
                if hints:
                    words = words_not_in(block.text, body)
                    hint = (
                        f'<div style="{GREY};{LINE}">Words the article never uses: <b>{esc(", ".join(words))}</b></div>'
                        if words else f'<div style="{GREY};{LINE}">Every word of this comment is in the article too.</div>'
                    )
                cards.append(
                    f'<div style="{CARD_STYLE}"><span style="{GREY}">Line {block.line}</span>'
                    f"{paragraph_html(block.text, limit=2000)}{hint}</div>"
                )
            parts.append(f"<h4>{esc(report.name)}: {esc(report.headline)}</h4>" + "".join(cards))
        return "".join(parts)

    def static_html(self) -> str:
        return self.comments_html(bool(self.state.get(HINTS_KEY)))


def comments_only() -> CommentsView:
    """Only the reader comments of each report (a plain message when no report has any)."""
    current = session()
    return CommentsView(current.story, current.work)


# ---------------------------------------------------------------------------
# Evidence for the verdict lesson and the teacher notebook
# ---------------------------------------------------------------------------
