"""The story builder (notebooks/teacher/make-a-story.ipynb): a teacher's saved pages become a unit.

No command line and no JSON editing: upload the pages (or name their folder), check the
proposed answer key in the teacher-mode labeller, review the word groups, add reference
versions, run the story check, and switch this computer's lessons to the new story. Every
step only calls the analysis modules (:mod:`medialit.newstory`, :mod:`medialit.uploads`,
:mod:`medialit.term_edits`, :mod:`medialit.checkup`, :mod:`medialit.story_choice`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..answer_key import KeyEntry, lines_to_check, load_answer_key, with_roles, write_answer_key
from ..checkup import check_story_folder
from ..files import slug
from ..newstory import confirm_answer_key, new_story
from ..segmentation import ROLES, Block
from ..progress import open_work
from ..story import Story, load_story
from ..story_choice import choose_story, forget_story_choice
from ..term_edits import add_group, drop_group, merge_groups, rename_group
from ..distinctive_words import propose_terms
from ..terms import TERMS_FILE, story_terms, write_terms
from ..uploads import save_uploads
from .article_parts import GREY, Labeller
from .common import KitBox, Status, esc, guarded

WIDE = widgets.Layout(width="min(100%, 720px)")
LABELS = {"description_width": "initial"}
#: Where new stories go unless the teacher names another folder.
STORIES_HOME = Path("~/medialit-stories")
#: The work "lesson" that keeps the teacher's key-checking answers apart from students' lessons.
BUILDER_LESSON = "teacher-make-a-story"


def _step(title: str, text: str) -> widgets.HTML:
    return widgets.HTML(f"<h3 style='margin:14px 0 4px'>{esc(title)}</h3><p style='margin:0 0 6px'>{esc(text)}</p>")


class StoryBuilder(KitBox):
    """Six steps from saved pages to a running unit; each later step appears once the story exists."""

    def __init__(self) -> None:
        self.story: Story | None = None
        self.upload = widgets.FileUpload(accept=".html,.htm,.mhtml,.mht,.xhtml,.txt", multiple=True, description="Choose pages",
                                         tooltip="Choose the saved web pages (.html) or text copies (.txt) of the reports")
        self.source = widgets.Text(description="…or the folder they are in:", placeholder="for example ~/Downloads/pool-story",
                                   style=LABELS, layout=WIDE)
        self.title = widgets.Text(description="Title of the story:", placeholder="for example: Council votes on the pool",
                                  style=LABELS, layout=WIDE)
        self.date = widgets.Text(description="Date of the event (YYYY-MM-DD):", style=LABELS, layout=WIDE)
        self.target = widgets.Text(description="Save the story in the folder:", placeholder=str(STORIES_HOME / "<title>"),
                                   style=LABELS, layout=WIDE)
        self.build = widgets.Button(description="Build the story", icon="cogs", button_style="primary",
                                    tooltip="Turn the pages into a story folder", layout=widgets.Layout(width="fit-content"))
        self.status = Status()
        self.summary = widgets.HTML()
        self.later = widgets.VBox()
        self.build.on_click(guarded(self.status)(lambda button: self._build()))
        super().__init__([
            _step("1. Your saved pages", "Save each report of one event from your browser (File → Save page as… → "
                  "'Web page, HTML only' or 'Text'), then choose the files here, or type the folder they are in."),
            self.upload, self.source, self.title, self.date, self.target,
            widgets.HBox([self.build, self.status]), self.summary, self.later,
        ])
        self.add_class("medialit-story-builder")

    def _build(self) -> None:
        title = " ".join(self.title.value.split())
        target = Path(self.target.value.strip() or STORIES_HOME / slug(title or "my-story")).expanduser()
        # The story keeps its own copy of every page, so uploaded files only need a place while it is built.
        with tempfile.TemporaryDirectory(prefix="medialit-pages-") as scratch:
            if self.upload.value:
                source = Path(scratch) / "uploaded pages"
                uploads = [(item["name"], bytes(item["content"])) for item in self.upload.value]
                refused = save_uploads(uploads, source).refused
            elif self.source.value.strip():
                source, refused = Path(self.source.value.strip()).expanduser(), ()
            else:
                self.status.problem("Choose the pages first, or type the folder they are in.")
                return
            self.status.info("Building the story: reading every page…")
            self.story = new_story(source, target, title=title, date=self.date.value.strip())
        self.target.value = str(target)
        lines = [f"<li>{esc(report.name)}: {esc(report.headline)}</li>" for report in self.story.reports]
        notes = "".join(f"<li>{esc(note)}</li>" for note in refused)
        self.summary.value = (
            f"<p>✓ The story <b>{esc(self.story.title)}</b> is in <code>{esc(target)}</code> with "
            f"{len(self.story.reports)} reports:</p><ul>{''.join(lines)}</ul>"
            + (f"<p>Left out:</p><ul>{notes}</ul>" if notes else "")
        )
        self.status.info("Built. Now check the proposed answer key below.")
        self.later.children = [
            _step("2. Check the answer key", "The kit has proposed which paragraphs are the article, which are reader "
                  "comments and which are the rest of the page. Below are each report's proposed headline and "
                  "standfirst (students see them in every lesson) and the paragraphs where its two methods "
                  "disagree, each with a note on how it was decided: set each one's role, then save the key. "
                  "Students see a plain reason for each role, never these notes. To check every paragraph, open "
                  "the full labeller."),
            KeyReview(self.story),
            _step("3. Word groups for lesson 4", "Groups of words the reports choose differently, proposed from the "
                  "reports. Rename, merge, drop or add groups, then save them."),
            TermsEditor(self.story),
            _step("4. Reference versions for lesson 3", "Optional: the original statement, a wire version or a press "
                  "release, each as a .txt file whose first line names its source and date."),
            ReferenceAdder(self.story),
            _step("5. Check the story", "The same check as `medialit check-story`."),
            StoryCheck(self.story),
            _step("6. Use it in the lessons", "Every lesson reads the chosen story."),
            StoryChooser(self.story),
        ]


#: How a paragraph's role is named in the review menus.
ROLE_WORDS = {
    "headline": "headline", "standfirst": "standfirst (summary under the headline)", "byline": "byline",
    "caption": "caption", "body": "article body", "related": "link to another story", "comment": "reader's comment",
    "comment_ui": "comment box or buttons", "boilerplate": "other part of the page (menu, footer, advert)",
}
#: A review longer than this shows the first ones; the full labeller has the rest.
MAX_REVIEW_ROWS = 60


class KeyReview(KitBox):
    """The proposed key's headline and standfirst lines and its doubtful paragraphs (where trafilatura and the
    kit's rules disagree), one menu each, with the key's note for the teacher on how it was decided.

    Saving writes the key (the old one is backed up) and marks it confirmed. The full teacher-mode
    labeller, every paragraph of one report, opens on request: 40 cards at a time, however long the page.
    """

    def __init__(self, story: Story):
        self.story = story
        self.key = load_answer_key(story.folder)
        self.menus: dict[tuple[str, int], widgets.Dropdown] = {}
        rows: list[widgets.Widget] = []
        doubtful = 0
        for report in story.reports:
            entries = {entry.line: entry for entry in self.key.get(report.id, [])}
            blocks = {block.line: block for block in report.helper_blocks}
            if entries and "headline" not in {entry.role for entry in entries.values()}:
                rows.append(widgets.HTML(f"<p style='margin:8px 0 2px'>⚠ <b>{esc(report.name)}</b>: no paragraph is "
                                         "proposed as its headline. Open the full labeller and label it.</p>"))
            disagree = story.disagreements.get(report.id, [])
            for line in lines_to_check(entries.values(), disagree, limit=max(0, MAX_REVIEW_ROWS - doubtful)):
                if line not in blocks:
                    continue
                doubtful += line in disagree
                rows += self._row(report.name, report.id, entries[line], blocks[line])
        if not rows:
            rows.append(widgets.HTML("<p>No paragraph is in doubt: the two methods agree everywhere.</p>"))
        self.save = widgets.Button(description="Save the key", icon="save", button_style="primary",
                                   tooltip="Write the answer key with these roles and mark it checked",
                                   layout=widgets.Layout(width="fit-content"))
        self.full = widgets.Button(description="Open the full labeller", icon="list",
                                   tooltip="Every paragraph of one report, 40 cards at a time, in lesson 1's teacher mode",
                                   layout=widgets.Layout(width="fit-content"))
        self.status = Status()
        self.more = widgets.VBox()
        self.save.on_click(guarded(self.status)(lambda b: self._save()))
        self.full.on_click(guarded(self.status)(lambda b: self._open_labeller()))
        super().__init__([*rows, widgets.HBox([self.save, self.full, self.status]), self.more])
        self.add_class("medialit-key-review")

    def _row(self, name: str, report_id: str, entry: KeyEntry, block: Block) -> list[widgets.Widget]:
        """A paragraph's text, its proposed role, the note on how that was decided, and its menu."""
        text = block.text if len(block.text) <= 200 else block.text[:199] + "…"
        # A key written before notes existed has none: then the kit's own reading is the clue.
        note = entry.note or (f"The kit's rules read it as {ROLE_WORDS[block.role]}." if block.role != entry.role else "")
        menu = widgets.Dropdown(options=[(ROLE_WORDS[role], role) for role in ROLES], value=entry.role,
                                # The visible label is the menu's accessible name: one per paragraph, not "Role:" each time.
                                description=f"Role of {name}, line {entry.line}:", style=LABELS,
                                tooltip=f"{name}, line {entry.line}: its role",
                                layout=widgets.Layout(width="min(100%, 600px)"))
        self.menus[(report_id, entry.line)] = menu
        return [
            widgets.HTML(f"<p style='margin:8px 0 2px'><b>{esc(name)}, line {entry.line}</b> (proposed: "
                         f"{esc(ROLE_WORDS[entry.role])}): {esc(text)}</p>"
                         + (f"<p style='margin:0 0 2px;{GREY}'>Note: {esc(note)}</p>" if note else "")),
            menu,
        ]

    def _save(self) -> None:
        changes: dict[str, dict[int, str]] = {}
        for (report_id, line), menu in self.menus.items():
            changes.setdefault(report_id, {})[line] = menu.value
        self.key = with_roles(self.key, changes)
        write_answer_key(self.story.folder, self.key)
        confirm_answer_key(self.story.folder)
        self.status.info("✓ The key is saved and marked as checked.")

    def _open_labeller(self) -> None:
        self.more.children = [Labeller(self.story, open_work(BUILDER_LESSON, self.story.id), teacher=True)]


class TermsEditor(KitBox):
    """The story's word groups: rename, merge, drop, add, then save them to the story's ``terms.json``."""

    def __init__(self, story: Story):
        self.story = story
        # A new story starts from the words its reports choose differently; a saved list wins.
        own = (story.folder / TERMS_FILE).exists()
        self.groups = tuple(story_terms(story).groups if own else propose_terms(story))
        self.text = "\n".join(report.raw_text for report in story.reports)
        self.table = widgets.HTML()
        self.choice = widgets.Dropdown(description="Group:", layout=WIDE)
        self.new_title = widgets.Text(description="New title:", style=LABELS, layout=WIDE)
        self.rename = widgets.Button(description="Rename", tooltip="Give the chosen group the new title")
        self.merge_with = widgets.Dropdown(description="Merge into it:", style=LABELS, layout=WIDE)
        self.merge = widgets.Button(description="Merge", tooltip="Move the second group's words into the chosen group")
        self.drop = widgets.Button(description="Drop", tooltip="Remove the chosen group")
        self.add_title = widgets.Text(description="New group's title:", style=LABELS, layout=WIDE)
        self.add_words = widgets.Text(description="Its words, with commas:", style=LABELS, layout=WIDE)
        self.add = widgets.Button(description="Add group", tooltip="Add a group with these words")
        self.save = widgets.Button(description="Save the word groups", icon="save", button_style="primary",
                                   tooltip="Write the groups to the story's terms.json", layout=widgets.Layout(width="fit-content"))
        self.status = Status()
        act = guarded(self.status)
        self.rename.on_click(act(lambda b: self._change(rename_group(self.groups, self.choice.value, self.new_title.value))))
        self.merge.on_click(act(lambda b: self._change(merge_groups(self.groups, self.choice.value, self.merge_with.value))))
        self.drop.on_click(act(lambda b: self._change(drop_group(self.groups, self.choice.value))))
        self.add.on_click(act(lambda b: self._add()))
        self.save.on_click(act(lambda b: self._save()))
        super().__init__([self.table, self.choice, widgets.HBox([self.new_title, self.rename]),
                          widgets.HBox([self.merge_with, self.merge]), self.drop,
                          self.add_title, widgets.HBox([self.add_words, self.add]),
                          widgets.HBox([self.save, self.status])])
        self._show()

    def _change(self, groups: tuple[Any, ...]) -> None:
        self.groups = groups
        self._show()
        self.status.info("Changed. Save the word groups when they are right.")

    def _add(self) -> None:
        groups, warnings = add_group(self.groups, self.add_title.value, self.add_words.value, self.text)
        self._change(groups)
        if warnings:
            self.status.problem(" ".join(warnings) + " Kept anyway.")

    def _save(self) -> None:
        path = write_terms(self.story.folder, self.groups)
        self.status.info(f"Saved to {path}.")

    def _show(self) -> None:
        options = [(group.title, group.id) for group in self.groups]
        self.choice.options = options
        self.merge_with.options = options
        rows = "".join(
            f"<tr><td>{esc(group.title)}</td><td>{esc(', '.join(group.terms))}</td></tr>" for group in self.groups
        )
        self.table.value = (
            "<table class='medialit-table'><thead><tr><th scope='col'>group</th><th scope='col'>words</th></tr></thead>"
            f"<tbody>{rows or '<tr><td colspan=2>No groups yet: add one below.</td></tr>'}</tbody></table>"
        )


class ReferenceAdder(KitBox):
    """Upload reference versions (.txt) into the story's ``references/`` folder."""

    def __init__(self, story: Story):
        self.story = story
        self.upload = widgets.FileUpload(accept=".txt", multiple=True, description="Choose .txt files",
                                         tooltip="Reference versions: the first line names the source and the date")
        self.add = widgets.Button(description="Add them", tooltip="Copy the chosen files into the story")
        self.status = Status()
        self.listing = widgets.HTML()
        self.add.on_click(guarded(self.status)(lambda b: self._add()))
        super().__init__([widgets.HBox([self.upload, self.add, self.status]), self.listing])
        self._list()

    def _add(self) -> None:
        if not self.upload.value:
            self.status.problem("Choose the .txt files first.")
            return
        uploads = [(item["name"], bytes(item["content"])) for item in self.upload.value]
        saved = save_uploads(uploads, self.story.folder / "references", suffixes=(".txt",))
        self.status.info(f"Added {len(saved.files)}." + (" " + " ".join(saved.refused) if saved.refused else ""))
        self._list()

    def _list(self) -> None:
        folder = self.story.folder / "references"
        names = sorted(p.name for p in folder.glob("*.txt")) if folder.is_dir() else []
        self.listing.value = ("<p>References: " + esc(", ".join(names)) + "</p>") if names else "<p>No references yet.</p>"


class StoryCheck(KitBox):
    """Run the story check and list what it finds."""

    def __init__(self, story: Story):
        self.story = story
        self.button = widgets.Button(description="Check the story", icon="check", tooltip="List anything wrong with the story")
        self.result = widgets.HTML()
        self.status = Status()
        self.button.on_click(guarded(self.status)(lambda b: self._check()))
        super().__init__([widgets.HBox([self.button, self.status]), self.result])

    def _check(self) -> None:
        findings = check_story_folder(self.story.folder)
        problems = [f.text for f in findings if f.kind == "problem"]
        notes = [f.text for f in findings if f.kind == "note"]
        if problems:
            html = "<p>⚠ To fix:</p><ul>" + "".join(f"<li>{esc(p)}</li>" for p in problems) + "</ul>"
        else:
            html = "<p>✓ No problems found.</p>"
        if notes:  # what `medialit check-story` prints with "•": e.g. lesson 3 needs a remark with two versions
            html += "<p>ℹ Worth knowing before class:</p><ul>" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"
        self.result.value = html


class StoryChooser(KitBox):
    """The exact line that points every lesson at the story, and a button that does it on this computer."""

    def __init__(self, story: Story):
        self.story = story
        self.use = widgets.Button(description="Use this story for every lesson", icon="check-circle",
                                  button_style="success", tooltip="Every lesson on this computer opens this story",
                                  layout=widgets.Layout(width="fit-content"))
        self.back = widgets.Button(description="Go back to the bundled story", tooltip="Undo the choice",
                                   layout=widgets.Layout(width="fit-content"))
        self.status = Status()
        self.use.on_click(guarded(self.status)(lambda b: self._use()))
        self.back.on_click(guarded(self.status)(lambda b: self._back()))
        folder = esc(story.folder)
        super().__init__([
            widgets.HTML(
                "<p>On this computer: press the button (then reopen the lessons). From a terminal, the same is "
                f"<code>MEDIALIT_STORY={folder} make lab</code>. On a JupyterHub, set <code>MEDIALIT_STORY</code> "
                f"to <code>{folder}</code> in the hub's settings (see <code>docs/jupyterhub.md</code>).</p>"
            ),
            widgets.HBox([self.use, self.back, self.status]),
        ])

    def _use(self) -> None:
        choose_story(self.story.folder)
        self.status.info(f"✓ Every lesson now opens “{self.story.title}”. Restart any open lesson's kernel.")

    def _back(self) -> None:
        forget_story_choice()
        self.status.info(f"✓ The lessons open “{load_story().title}” again.")


def story_builder() -> StoryBuilder:
    """The teacher's story builder: from saved pages to a unit, step by step."""
    return StoryBuilder()


__all__ = ["story_builder"]
