"""Answer keys: the story's ``answer_key.json``, lesson 1's labels checked against it, and writing a new key.

An answer key gives, for each report of a story, the role of every paragraph and *why*, as a
teacher would explain it to a student. Lesson 1 checks a student's labels against it
(:func:`mark_labels`) and shows the why; teacher mode builds a new key from the teacher's labels
(:func:`teacher_key`) and writes it beside the reports (:func:`write_answer_key`), keeping the old
file as a backup.

An entry may also carry a ``note`` for the teacher: how a proposed key (:mod:`medialit.page_key`)
came to its role and whether to check it. Notes are shown in the story builder's review and in
teacher mode, never in a student's marks; a key without notes (the bundled one, any key written
before notes existed) reads and marks as it always did. Where a key needs a why for a role it
did not get from a person, it uses :data:`ROLE_WHYS`, the plain reason for each role.

Example:
    >>> from medialit.story import bundled_story_folder
    >>> sorted(load_answer_key(bundled_story_folder()))
    ['000', '001', '002', '003', '004']
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import StoryError
from .files import read_json
from .progress import unused_sibling, write_atomically
from .segmentation import GROUP_OF_ROLE, ROLES, Block

if TYPE_CHECKING:  # story imports this module to read the key: no import cycle at run time
    from .story import Report

ANSWER_KEY_FILE = "answer_key.json"

#: The coarse groups in the order lesson 1 shows them.
GROUPS: tuple[str, ...] = ("body", "comment", "other")

#: The reason a student reads for each role, where no person wrote one (a proposed key, a role the
#: teacher changed in the story builder's review): what that part of a page is, in plain words.
ROLE_WHYS: dict[str, str] = {
    "headline": "The report's headline: its title, at the top of the article.",
    "standfirst": "A short summary of the report, under the headline and before the article starts.",
    "byline": "Says who wrote the report or when it was published.",
    "caption": "Describes a picture or says who took it.",
    "body": "Part of the article's own text.",
    "related": "A link to another story on the site, not part of this report.",
    "comment": "Written by a reader below the article.",
    "comment_ui": "Part of the comment section (its heading, form or buttons), not a reader's comment.",
    "boilerplate": "Part of the website around the report (a menu, a button, a notice or the footer), not the report.",
}
#: A proposed key's roles a teacher always checks, whatever its two methods say: a wrong headline or
#: standfirst is what students see first in every lesson.
ALWAYS_CHECKED: tuple[str, ...] = ("headline", "standfirst")


@dataclass(frozen=True)
class KeyEntry:
    """One paragraph of a report in the answer key: its role, the why a student reads, a note for the teacher.

    Example:
        >>> KeyEntry(1, "headline", "The title at the top of the page.").role
        'headline'
    """

    line: int
    role: str
    why: str
    #: For the teacher only (how a proposed key decided, what to check); "" when there is none.
    note: str = ""


_FIELDS = frozenset({"line", "role", "why", "note"})


def load_answer_key(folder: str | Path) -> dict[str, list[KeyEntry]]:
    """Read ``answer_key.json`` from a story folder: for each report id, the role of every paragraph.

    Each entry has ``line``, ``role`` and ``why``, and may have a ``note`` for the teacher. Returns
    ``{}`` when the folder has no answer key; raises :class:`medialit.story.StoryError` naming the
    file and the fix when it is malformed.

    Example:
        >>> from medialit.story import bundled_story_folder
        >>> load_answer_key(bundled_story_folder())["001"][0]
        KeyEntry(line=1, role='headline', why='The title of the report at the top of the page.', note='')
    """
    file = Path(folder) / ANSWER_KEY_FILE
    if not file.is_file():
        return {}
    name = f"{ANSWER_KEY_FILE} in {Path(folder)}"
    data = read_json(file, name, "Fix that spot.")
    shape = 'an object like {"000": [{"line": 1, "role": "headline", "why": "..."}]}'
    if not isinstance(data, dict):
        raise StoryError([f"{name} must hold {shape}."])
    key: dict[str, list[KeyEntry]] = {}
    problems: list[str] = []
    for report, entries in data.items():
        if not isinstance(entries, list):
            problems.append(f"{name}: report {report!r} must map to a list of entries, in {shape}.")
            continue
        key[str(report)] = []
        for number, entry in enumerate(entries, start=1):
            where = f"{name}: report {report}, entry {number}"
            if not isinstance(entry, dict) or not {"line", "role", "why"} <= set(entry) <= _FIELDS:
                problems.append(f"{where} must have the keys 'line', 'role' and 'why' (and, if you like, 'note'), "
                                "and no others.")
                continue
            line, role, why, note = entry["line"], entry["role"], entry["why"], entry.get("note", "")
            if not isinstance(line, int) or isinstance(line, bool) or line < 1:
                problems.append(f"{where}: 'line' must be a whole number from 1 up, not {line!r}.")
            elif role not in ROLES:
                problems.append(f"{where}: the role {role!r} is not one of: {', '.join(ROLES)}.")
            elif not isinstance(why, str):
                problems.append(f"{where}: 'why' must be text in quotes.")
            elif not isinstance(note, str):
                problems.append(f"{where}: 'note' must be text in quotes.")
            else:
                key[str(report)].append(KeyEntry(line, role, why, note))
    if problems:
        raise StoryError(problems)
    return key


@dataclass(frozen=True)
class Label:
    """What a person said one paragraph is: a coarse group and, optionally, a finer role.

    Example:
        >>> Label("other", "caption").role
        'caption'
    """

    group: str
    role: str = ""


@dataclass(frozen=True)
class Mark:
    """One paragraph checked: the person's label, the answer key's role and the helper's guess.

    ``key_role`` is ``""`` when the key does not cover the paragraph; ``label`` is
    ``None`` when the person has not labelled it.

    Example:
        >>> Mark(4, Label("body"), "body", "body", "Article prose.", "Prose.").right
        True
    """

    line: int
    label: Label | None
    key_role: str
    helper_role: str
    why: str
    reason: str

    @property
    def key_group(self) -> str:
        """The key's coarse group, or ``""`` when the key does not cover this paragraph."""
        return GROUP_OF_ROLE.get(self.key_role, "")

    @property
    def helper_group(self) -> str:
        """The helper's coarse group."""
        return GROUP_OF_ROLE[self.helper_role]

    @property
    def scored(self) -> bool:
        """True when the key covers this paragraph, so it counts in the score."""
        return bool(self.key_role)

    @property
    def right(self) -> bool:
        """The label's group matches the key's (the finer role is not scored)."""
        return self.scored and self.label is not None and self.label.group == self.key_group

    @property
    def role_right(self) -> bool:
        """The optional finer role was given and matches the key exactly (a bonus)."""
        return self.right and self.label is not None and self.label.role == self.key_role

    @property
    def disagreement(self) -> bool:
        """The person, the helper and the key do not all put this paragraph in the same group."""
        groups = {self.helper_group}
        if self.label is not None:
            groups.add(self.label.group)
        if self.key_group:
            groups.add(self.key_group)
        return len(groups) > 1


@dataclass(frozen=True)
class LabelScore:
    """Every paragraph of a report checked against the key, and the score.

    Example:
        >>> blocks = [Block("Hi there, reader.", "body", 1, "Prose.")]
        >>> mark_labels(blocks, {1: Label("body")}, [KeyEntry(1, "body", "Prose.")]).right
        1
    """

    marks: tuple[Mark, ...]

    @property
    def scored(self) -> int:
        """Paragraphs the key covers (the most a person can get right)."""
        return sum(mark.scored for mark in self.marks)

    @property
    def right(self) -> int:
        """Paragraphs whose group matches the key."""
        return sum(mark.right for mark in self.marks)

    @property
    def roles_right(self) -> int:
        """Paragraphs whose finer role also matches the key (a bonus, not part of the score)."""
        return sum(mark.role_right for mark in self.marks)

    @property
    def unlabelled(self) -> int:
        """Scored paragraphs the person has not labelled yet."""
        return sum(mark.scored and mark.label is None for mark in self.marks)


def mark_labels(blocks: list[Block], labels: dict[int, Label], key: list[KeyEntry]) -> LabelScore:
    """Check a person's labels (by line) against the answer key's entries for the same report.

    A paragraph the key does not cover is shown but not scored; labels for lines
    that are not paragraphs are ignored.

    Example:
        >>> from medialit.segmentation import segment
        >>> blocks = segment("Big news today\\n\\nThe mayor said the bridge will open next spring.")
        >>> score = mark_labels(blocks, {1: Label("body"), 3: Label("body", "body")}, [KeyEntry(1, "headline", "Title."), KeyEntry(3, "body", "Prose.")])
        >>> score.right, score.scored, score.roles_right
        (1, 2, 1)
    """
    by_line = {entry.line: entry for entry in key}
    marks = []
    for block in blocks:
        entry = by_line.get(block.line)
        marks.append(
            Mark(
                line=block.line,
                label=labels.get(block.line),
                key_role=entry.role if entry else "",
                helper_role=block.role,
                why=entry.why if entry else "",
                reason=block.reason,
            )
        )
    return LabelScore(tuple(marks))


def answer_key_text(key: dict[str, list[KeyEntry]]) -> str:
    """An answer key as JSON in the bundled file's layout: one entry per line, reports in id order.

    A ``note`` is written only when an entry has one, so a key without notes reads as it always did.

    Example:
        >>> print(answer_key_text({"001": [KeyEntry(1, "headline", "The title."),
        ...                                KeyEntry(3, "body", "Prose.", note="Check it.")]}), end="")
        {
          "001": [
            {"line": 1, "role": "headline", "why": "The title."},
            {"line": 3, "role": "body", "why": "Prose.", "note": "Check it."}
          ]
        }
    """
    reports = []
    for report_id in sorted(key):
        entries = ",\n".join(
            "    " + json.dumps({"line": e.line, "role": e.role, "why": e.why, **({"note": e.note} if e.note else {})},
                                ensure_ascii=False)
            for e in sorted(key[report_id], key=lambda entry: entry.line)
        )
        reports.append(f"  {json.dumps(report_id)}: [\n{entries}\n  ]" if entries else f"  {json.dumps(report_id)}: []")
    return "{\n" + ",\n".join(reports) + "\n}\n" if reports else "{}\n"


def teacher_key(
    key: dict[str, list[KeyEntry]],
    reports: Iterable[Report],
    labels: dict[str, dict[int, Label]],
    whys: dict[str, dict[int, str]],
) -> tuple[dict[str, list[KeyEntry]], list[str]]:
    """The key a teacher's labels make, and what is still missing.

    ``labels`` and ``whys`` are the teacher's, by report id and then by line. A report the
    teacher has not labelled keeps its entries from the old ``key``; a labelled report replaces
    them only once every paragraph has a role (a finer role for "other") and a why.

    Example:
        >>> from medialit.story import load_story
        >>> report = load_story().report("000")
        >>> lines = [block.line for block in report.blocks]
        >>> labels = {"000": {line: Label("body") for line in lines}}
        >>> whys = {"000": {line: "Prose." for line in lines[1:]}}
        >>> new, missing = teacher_key({}, [report], labels, whys)
        >>> new, missing[0].endswith("lines 1 need a role (a finer role for 'Other') and a why.")
        ({}, True)
    """
    new = {report_id: list(entries) for report_id, entries in key.items()}
    problems: list[str] = []
    for report in reports:
        given, reasons = labels.get(report.id, {}), whys.get(report.id, {})
        if not given:
            continue
        entries, missing = [], []
        for block in report.blocks:
            label = given.get(block.line)
            role = (label.role or (label.group if label.group in ("body", "comment") else "")) if label else ""
            why = reasons.get(block.line, "").strip()
            if not role or not why:
                missing.append(str(block.line))
            else:
                entries.append(KeyEntry(block.line, role, why))
        if missing:
            problems.append(f"{report.name}: lines {', '.join(missing)} need a role (a finer role for 'Other') and a why.")
        else:
            new[report.id] = entries
    return new, problems


def with_roles(key: dict[str, list[KeyEntry]], changes: dict[str, dict[int, str]]) -> dict[str, list[KeyEntry]]:
    """The key after a teacher checked some paragraphs' roles (``{report_id: {line: role}}``); others stay as they were.

    A checked paragraph's note for the teacher says so. A changed role gets the student's why for
    its new role (:data:`ROLE_WHYS`); an unchanged one keeps its why. Lines the key does not have
    are ignored (the key covers every paragraph of a proposed story).

    Example:
        >>> key = {"000": [KeyEntry(1, "headline", "Title."), KeyEntry(3, "body", "Prose.", "Check it.")]}
        >>> [(e.role, e.why, e.note) for e in with_roles(key, {"000": {3: "caption", 9: "body"}})["000"]]
        [('headline', 'Title.', ''), ('caption', 'Describes a picture or says who took it.', 'Checked by the teacher (proposed: body).')]
    """
    changed = {}
    for report_id, entries in key.items():
        wanted = changes.get(report_id, {})
        changed[report_id] = [_checked(entry, wanted[entry.line]) if entry.line in wanted else entry for entry in entries]
    return changed


def _checked(entry: KeyEntry, role: str) -> KeyEntry:
    if role == entry.role:
        return KeyEntry(entry.line, role, entry.why, "Checked by the teacher.")
    return KeyEntry(entry.line, role, ROLE_WHYS[role], f"Checked by the teacher (proposed: {entry.role}).")


def lines_to_check(entries: Iterable[KeyEntry], disagree: Iterable[int], limit: int | None = None) -> list[int]:
    """The lines of one report a teacher checks in a proposed key, in order: every headline and standfirst
    (:data:`ALWAYS_CHECKED`) and the lines where its two methods disagree (the first ``limit`` of these).

    Example:
        >>> entries = [KeyEntry(1, "boilerplate", "."), KeyEntry(3, "headline", "."), KeyEntry(5, "body", ".")]
        >>> lines_to_check(entries, [1, 5], limit=1)
        [1, 3]
    """
    entries = list(entries)
    known = {entry.line for entry in entries}
    always = {entry.line for entry in entries if entry.role in ALWAYS_CHECKED}
    doubtful = [line for line in dict.fromkeys(disagree) if line in known and line not in always]
    return sorted(always | set(doubtful[:limit] if limit is not None else doubtful))


def write_answer_key(folder: str | Path, key: dict[str, list[KeyEntry]]) -> Path | None:
    """Write ``key`` as the folder's ``answer_key.json``, atomically; return the backup of the old file, if any.

    The old key is copied to ``answer_key.json.backup-<time>`` first, so nothing a teacher
    wrote is lost. Raises :class:`OSError` when the folder cannot be written (the old key is then
    unchanged) and :class:`StoryError` when the written file does not read back.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> write_answer_key(folder, {"000": [KeyEntry(1, "headline", "The title.")]}) is None
        True
        >>> load_answer_key(folder)["000"]
        [KeyEntry(line=1, role='headline', why='The title.', note='')]
    """
    target = Path(folder) / ANSWER_KEY_FILE
    backup = None
    if target.exists():
        backup = unused_sibling(target, "backup")
        shutil.copy2(target, backup)
    write_atomically(target, answer_key_text(key))
    load_answer_key(folder)  # proves the file reads back
    return backup


def key_write_problem(folder: str | Path, bundled: bool) -> str:
    """Why a story's answer key cannot be written here, or ``""`` when it can.

    Example:
        >>> key_write_problem("/tmp", bundled=True).startswith("This is the story that comes with the kit")
        True
    """
    if bundled:
        return (
            "This is the story that comes with the kit; its answer key is part of the kit and is not changed "
            "here. Copy the story folder somewhere you can write, open it with kit.start(..., story_path=...) "
            "or MEDIALIT_STORY, and write the key there."
        )
    if not os.access(folder, os.W_OK):
        return (
            f"The story folder {folder} cannot be written to, so the answer key was not saved. "
            "Copy the story folder somewhere you can write and open that copy."
        )
    return ""
