"""Read a class's exported work: one file per student, as written by :func:`medialit.progress.export_work`.

An export file is JSON::

    {"format": "medialit-export", "version": 1, "student": "Sam L.", "story": "deir-ezzor-2017",
     "exported": "2024-03-01T10:00:00+00:00", "lessons": {"02-loaded-headlines": {"tags": {...}, ...}}}

:func:`read_class` reads every ``*.json`` file in a folder and returns a :class:`ClassWork`: the
students whose files could be read (with *all* their lessons' answers, so any lesson or the
teacher's notebook can use them) and, for every other file, a :class:`FileProblem` with a reason
in plain words. It never raises on a bad file and nothing in a file is ever run: files are parsed
as JSON only, and everything shown from them must still be escaped where it is displayed.

A file is skipped, with its reason, when it is: not a ``.json`` file; a link to a file outside
the folder; larger than :data:`MAX_FILE_BYTES`; not UTF-8; not JSON (cut off half-way, or with
something after the data); not a medialit export, or of another version; for another story;
missing the student's name, or with a name longer than :data:`MAX_NAME_CHARS`; a second file for
a name already read (names are compared after Unicode normalisation, with zero-width characters
and spaces ignored); of the wrong shape (``lessons`` not ``{lesson: {answers}}``); nested deeper
than :data:`MAX_DEPTH`; holding any text longer than :data:`MAX_TEXT_CHARS` or more than
:data:`MAX_NODES` values; or over the class's total budget, :data:`MAX_CLASS_NODES`. Hidden files
(``.name``, e.g. macOS's ``._`` copies) are ignored. More than :data:`MAX_FILES` files: the rest are
listed as not read. A file keeps only the lessons and answer keys declared in
:mod:`medialit.course`: what the views show. Names that look alike but are written with letters of
another alphabet (a Cyrillic "Ѕ" in "Ѕam") are read, and flagged in ``ClassWork.notes``.

With no folder the kit's sample class is read: three made-up students' work on the bundled story
(``data/sample_class/``), so the class view works before any real files are collected.

Example:
    >>> work = read_class(story_id="deir-ezzor-2017")
    >>> work.names(), work.problems
    (['Amira K.', 'Ben O.', 'Chloé D.'], ())
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .answers import read_labels, read_ranking, read_verdicts
from .course import LESSONS
from .errors import StoryError
from .files import parse_json
from .handin import HandinError, work_file_in_zip
from .progress import EXPORT_FORMAT, FORMAT_VERSION

#: A real export is a few kB; anything bigger is the wrong file or garbage.
MAX_FILE_BYTES = 1_000_000
#: A class is at most a few dozen students; more files than this are not read.
MAX_FILES = 300
#: No answer a student types is this long; a longer string is garbage or an attack.
MAX_TEXT_CHARS = 20_000
MAX_NAME_CHARS = 80
#: Saved answers are at most a few levels deep ({lesson: {"tags": {report: [{...}]}}}).
MAX_DEPTH = 10
#: A real export holds a few thousand values (lists, dicts, strings, numbers); more is junk.
MAX_NODES = 50_000
#: All the files of one class together (a class of 40 with full work is under 200,000), so the
#: memory a folder can take is bounded however many files it has.
MAX_CLASS_NODES = 2_000_000
#: What a student hands in: the export file, or the hand-in .zip that carries it (Binder, a laptop).
EXPORT_SUFFIXES = (".json", ".zip")
#: The lesson whose answers hold the headline tags.
TAGS_LESSON = "02-loaded-headlines"


@dataclass(frozen=True)
class StudentWork:
    """One student's exported work: their name, the file it came from, and every lesson's answers.

    Example:
        >>> sam = StudentWork("Sam L.", "sam.medialit.json", "", {"02-loaded-headlines": {"tags": {}}})
        >>> sam.answers("02-loaded-headlines"), sam.answers("03-quotes")
        ({'tags': {}}, {})
    """

    student: str
    file: str
    exported: str
    lessons: dict[str, dict[str, Any]]

    def answers(self, lesson: str) -> dict[str, Any]:
        """This student's answers for ``lesson`` (empty if they did not do it)."""
        return self.lessons.get(lesson, {})


@dataclass(frozen=True)
class FileProblem:
    """A file that was not read, and why, in words a teacher can act on.

    Example:
        >>> FileProblem("x.json", "not JSON").file
        'x.json'
    """

    file: str
    reason: str


@dataclass(frozen=True)
class ClassWork:
    """The students whose work could be read, and the files that could not.

    Example:
        >>> ClassWork("/tmp", "demo", (), (), sample=False).tags()
        {}
    """

    folder: str
    story_id: str | None
    students: tuple[StudentWork, ...]
    problems: tuple[FileProblem, ...]
    sample: bool = False
    #: Things the teacher should check that did not stop a file being read (look-alike names).
    notes: tuple[str, ...] = ()

    @property
    def no_class_yet(self) -> bool:
        """True when this is the kit's sample class and none of it did this story (a teacher's own story):
        there is no class to show yet, rather than sample files to list as "work on another story".

        Example:
            >>> ClassWork("", "my-story", (), (), sample=True).no_class_yet
            True
        """
        return self.sample and not self.students

    def names(self) -> list[str]:
        """The students' names, in file order."""
        return [student.student for student in self.students]

    def answers(self, lesson: str) -> dict[str, dict[str, Any]]:
        """``{student: answers}`` for every student who saved anything for ``lesson``."""
        return {s.student: s.answers(lesson) for s in self.students if s.answers(lesson)}

    def tags(self, lesson: str = TAGS_LESSON) -> dict[str, Any]:
        """``{student: {report_id: [tags]}}`` for every student who tagged headlines.

        The tags are passed on as saved; :func:`medialit.agreement.check_tags` checks each one.
        """
        found = {}
        for student in self.students:
            tags = student.answers(lesson).get("tags")
            if isinstance(tags, dict) and tags:
                found[student.student] = tags
        return found


class ClassFileError(Exception):
    """One export file cannot be used; the message is the reason (see :func:`read_export`).

    Example:
        >>> str(ClassFileError("not JSON"))
        'not JSON'
    """


def sample_class_folder() -> Path:
    """The kit's three sample student files for the bundled story.

    Example:
        >>> sorted(p.name for p in sample_class_folder().glob("*.json"))[0]
        'amira-k.medialit.json'
    """
    return Path(str(resources.files("medialit") / "data" / "sample_class"))


def read_export(path: str | os.PathLike, story_id: str | None = None) -> StudentWork:
    """Read one student's export file; :class:`ClassFileError` says why it cannot be used.

    ``story_id``: the story the class worked on (``None`` accepts any story).

    Example:
        >>> read_export(sample_class_folder() / "ben-o.medialit.json", "deir-ezzor-2017").student
        'Ben O.'
    """
    file = Path(path)
    if file.suffix.lower() == ".zip" and not file.is_symlink():
        # A hand-in downloaded from Binder or a laptop: the work file inside, read without unzipping.
        try:
            _, text = work_file_in_zip(file, MAX_FILE_BYTES)
        except HandinError as error:
            raise ClassFileError(str(error)) from None
        return _work_from_text(text, file.name, story_id)
    try:
        if file.is_symlink() and not _inside(file.resolve(), file.parent.resolve()):
            raise ClassFileError("it is a link to a file outside this folder, not a student's export; not read.")
        if not file.is_file():
            raise ClassFileError("it is not a file.")
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ClassFileError(f"it is {size / 1e6:.1f} MB; a student's export is a few kB. Is it the right file?")
        with open(file, "rb") as stream:
            # Read one byte past the limit: a file that grew after stat() is still caught.
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ClassFileError(f"it cannot be read ({error.strerror or error}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise ClassFileError("it is over 1 MB; a student's export is a few kB. Is it the right file?")
    if not data.strip():
        raise ClassFileError("it is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassFileError("it is not text (not UTF-8). Was it saved by the kit's Export button?") from None
    return _work_from_text(text, file.name, story_id)


def _work_from_text(text: str, name: str, story_id: str | None) -> StudentWork:
    # Every value but the first follows a comma, a "[" or a "{": counting them (fast, in C) refuses a
    # file of a million tiny values before building them all. Commas inside texts only make it stricter.
    if text.count(",") + text.count("[") + text.count("{") > 2 * MAX_NODES:
        raise ClassFileError(f"it holds more than {MAX_NODES:,} values; a student's export holds a few thousand.")
    payload = _parse(text)
    return _student_work(payload, name, story_id)


def read_class(folder: str | os.PathLike | None = None, story_id: str | None = None) -> ClassWork:
    """Every readable student export in ``folder`` (default: the kit's sample class), and the problems.

    Files are read in name order. Never raises on a bad file or a missing folder: see ``problems``.

    Example:
        >>> import tempfile
        >>> empty = read_class(tempfile.mkdtemp(), story_id="deir-ezzor-2017")
        >>> empty.students, [p.reason[:30] for p in empty.problems]
        ((), ['There are no .json files here.'])
    """
    sample = folder is None
    base = sample_class_folder() if sample else Path(folder).expanduser()
    if not base.is_dir():
        reason = "This folder does not exist." if not base.exists() else "This is a file, not a folder."
        return ClassWork(str(base), story_id, (), (FileProblem(str(base), reason + " Check the path."),), sample)
    try:
        entries = sorted(entry for entry in base.iterdir() if not entry.name.startswith("."))
    except OSError as error:
        problem = FileProblem(str(base), f"The folder cannot be read ({error.strerror or error}).")
        return ClassWork(str(base), story_id, (), (problem,), sample)
    students: list[StudentWork] = []
    problems: list[FileProblem] = []
    seen: dict[str, str] = {}
    budget = MAX_CLASS_NODES
    candidates = [entry for entry in entries if entry.is_file() or entry.is_symlink()]
    for entry in candidates[:MAX_FILES]:
        if entry.suffix.lower() not in EXPORT_SUFFIXES:
            problems.append(FileProblem(entry.name, "not a .json file or a hand-in .zip, so not a student's export; skipped."))
            continue
        try:
            work = read_export(entry, story_id)
            size = count_values(work.lessons)
            if size > budget:
                raise ClassFileError(f"the class's files together are over the reading budget "
                                     f"({MAX_CLASS_NODES:,} values); read the rest in another folder.")
        except ClassFileError as error:
            problems.append(FileProblem(entry.name, f"{error} Skipped."))
            continue
        key = name_key(work.student)
        if key in seen:
            problems.append(
                FileProblem(entry.name, f"{seen[key]} already has work by {work.student!r}; skipped this second file.")
            )
            continue
        budget -= size
        seen[key] = entry.name
        students.append(work)
    if len(candidates) > MAX_FILES:
        problems.append(FileProblem(str(base), f"Only the first {MAX_FILES} files were read; the other {len(candidates) - MAX_FILES} were not."))
    if not any(entry.suffix.lower() in EXPORT_SUFFIXES for entry in candidates):
        problems.append(FileProblem(str(base), "There are no .json files here. Put the students' exported files in this folder."))
    return ClassWork(str(base), story_id, tuple(students), tuple(problems), sample, lookalike_notes(students))


def lookalike_notes(students: list[StudentWork] | tuple[StudentWork, ...]) -> tuple[str, ...]:
    """Names to check: two students whose names look the same, or one name mixing alphabets.

    Example:
        >>> two = [StudentWork("Sam Lee", "a.json", "", {}), StudentWork("\u0405am Lee", "b.json", "", {})]
        >>> print(lookalike_notes(two)[0])
        'Ѕam Lee' (b.json) looks like 'Sam Lee' (a.json) but is written with other letters (CYRILLIC and LATIN): check whether they are the same student.
    """
    notes: list[str] = []
    first: dict[str, StudentWork] = {}
    for student in students:
        key = lookalike_key(student.student)
        alphabets = _alphabets(student.student)
        mixed = " and ".join(sorted(alphabets))
        if key in first:
            other = first[key]
            notes.append(f"{student.student!r} ({student.file}) looks like {other.student!r} ({other.file}) but is "
                         f"written with other letters ({mixed}): check whether they are the same student.")
        elif len(alphabets) > 1 and key != name_key(student.student):
            notes.append(f"{student.student!r} ({student.file}) mixes letters of {mixed} that look alike: "
                         "check the name with the student.")
        first.setdefault(key, student)
    return tuple(notes)


def _inside(target: Path, folder: Path) -> bool:
    return target == folder or folder in target.parents


def _parse(text: str) -> object:
    """The export's JSON, or a ClassFileError with the real reason it cannot be used."""
    try:
        return parse_json(text, "it", "Ask the student to export again.")
    except StoryError as error:
        problem = str(error)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            return _refuse(f"something follows the export's data (line {error.lineno}, column {error.colno}): "
                           "two files pasted together, or text added by hand. Ask the student to export again.")
        # An export is one JSON object: one that starts like it but does not end with "}" was cut short.
        stripped = text.strip()
        if error.pos >= len(stripped) or (stripped.startswith("{") and not stripped.endswith("}")):
            return _refuse("it ends too early: it was probably cut off while copying. Ask the student to export again.")
    except (ValueError, RecursionError):
        pass
    return _refuse(problem)


def _refuse(reason: str) -> Any:
    raise ClassFileError(reason)


def _student_work(payload: object, name: str, story_id: str | None) -> StudentWork:
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise ClassFileError("it is not a medialit export (no \"format\": \"medialit-export\"). Is it the right file?")
    if payload.get("version") != FORMAT_VERSION:
        raise ClassFileError(f"it is export version {_short(payload.get('version'))}; this kit reads version {FORMAT_VERSION}.")
    student = payload.get("student")
    student = display_name(student) if isinstance(student, str) else ""
    if not student:
        raise ClassFileError("it has no student name.")
    if len(student) > MAX_NAME_CHARS:
        raise ClassFileError(f"the student name is longer than {MAX_NAME_CHARS} characters.")
    story = payload.get("story")
    if story_id is not None and story != story_id:
        raise ClassFileError(f"it is work on another story ({_short(story)}), not this one ({story_id!r}).")
    lessons = payload.get("lessons")
    if not isinstance(lessons, dict):
        raise ClassFileError("its \"lessons\" part is missing or not {lesson: answers}.")
    for lesson, answers in lessons.items():
        if len(lesson) > MAX_NAME_CHARS:
            raise ClassFileError(f"a lesson name is longer than {MAX_NAME_CHARS} characters.")
        if not isinstance(answers, dict):
            raise ClassFileError(f"the answers for lesson {_short(lesson)} are not {{question: answer}}.")
    _check_plain(lessons)
    kept = _declared_only(lessons)
    exported = payload.get("exported")
    return StudentWork(student, name, exported if isinstance(exported, str) and len(exported) <= 40 else "", kept)


#: Each lesson's declared answer keys: the only parts of an export any view reads.
_DECLARED = {lesson.id: frozenset(lesson.keys) for lesson in LESSONS}


def _declared_only(lessons: dict[str, Any]) -> dict[str, dict[str, Any]]:
    # Undeclared lessons and keys are dropped at once, so a file full of junk under odd keys holds no memory.
    return {
        lesson: {key: value for key, value in answers.items() if key in _DECLARED[lesson]}
        for lesson, answers in lessons.items()
        if lesson in _DECLARED
    }


def _check_plain(value: object) -> int:
    """Bounded depth, string length and number of values; the count of values. Iterative: no recursion."""
    nodes = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise ClassFileError(f"its answers hold more than {MAX_NODES:,} values; a student's export holds a few thousand.")
        if depth > MAX_DEPTH:
            raise ClassFileError(f"its answers are nested more than {MAX_DEPTH} levels deep.")
        if isinstance(item, str):
            if len(item) > MAX_TEXT_CHARS:
                raise ClassFileError(f"it holds a text of {len(item):,} characters (the limit is {MAX_TEXT_CHARS:,}).")
        elif isinstance(item, dict):
            stack.extend((key, depth + 1) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return nodes


def count_values(value: object) -> int:
    """How many values (containers, strings, numbers) plain data holds: the unit of the class's budget.

    Example:
        >>> count_values({"a": [1, 2], "b": "x"})  # the dict, two keys, the list, 1, 2 and "x"
        7
    """
    return _check_plain(value)


# ---------------------------------------------------------------------------
# Students' names: one student, one name, however it was typed
# ---------------------------------------------------------------------------

# Letters of other alphabets that look like Latin ones (after Unicode's confusables list, TR39),
# enough to catch a name typed or pasted with them. Not complete: a name that matches nobody is never flagged.
_LOOKALIKE = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеіјорсхуԁһӏԛԝѕ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ",
    "ABESIJKMHOPCTXYaeijopcxydhlqws" "ABEZHIKMNOPTYXaikvoptux",
)


def display_name(name: str) -> str:
    """A student's name as shown: Unicode-normalised (NFKC), invisible characters dropped, spaces collapsed.

    Example:
        >>> display_name("  Sam\u200b  Lee ")
        'Sam Lee'
    """
    visible = "".join(ch for ch in unicodedata.normalize("NFKC", name) if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split())


def name_key(name: str) -> str:
    """What makes two names the same student: the display name, case-folded, without spaces.

    Example:
        >>> name_key("Sam\u200bLee") == name_key("sam lee")
        True
    """
    return "".join(display_name(name).casefold().split())


def lookalike_key(name: str) -> str:
    """The name with letters of other alphabets that look Latin replaced by the Latin letter.

    Example:
        >>> lookalike_key("\u0405am Lee") == lookalike_key("Sam Lee")
        True
    """
    return name_key(name.translate(_LOOKALIKE))


def _alphabets(name: str) -> set[str]:
    return {unicodedata.name(ch, "?").split()[0] for ch in name if ch.isalpha()}


def _short(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# What the class did, lesson by lesson (for the teacher's notebook)
# ---------------------------------------------------------------------------

LABELS_LESSON = "01-what-is-the-article"
QUOTES_LESSON = "03-quote-fidelity"
VERDICT_LESSON = "05-verdict"


@dataclass(frozen=True)
class ParagraphTally:
    """How the class labelled one paragraph, next to the answer key's group ('' when there is no key).

    Example:
        >>> t = ParagraphTally("004", 34, "comment", {"comment": 2, "body": 1})
        >>> t.labelled, t.agreeing
        (3, 2)
    """

    report_id: str
    line: int
    key_group: str
    counts: dict[str, int]

    @property
    def labelled(self) -> int:
        """How many students labelled this paragraph."""
        return sum(self.counts.values())

    @property
    def agreeing(self) -> int:
        """How many of them agree with the key."""
        return self.counts.get(self.key_group, 0)


def label_tallies(work: ClassWork, key: dict[str, list]) -> list[ParagraphTally]:
    """Per paragraph, how many students chose body / comment / other, beside the key's group.

    ``key`` is :func:`medialit.answer_key.load_answer_key`'s result. Labels are read with
    :func:`medialit.answers.read_labels`: those of the wrong shape (a line "²") are skipped,
    so one odd file cannot stop the summary.

    Example:
        >>> from medialit.answer_key import KeyEntry
        >>> student = StudentWork("A", "a.json", "", {LABELS_LESSON: {"labeller.labels": {"001": {"1": {"group": "other"}}}}})
        >>> label_tallies(ClassWork("", None, (student,), ()), {"001": [KeyEntry(1, "headline", "")]})[0].agreeing
        1
    """
    from .segmentation import GROUP_OF_ROLE

    tallies: dict[tuple[str, int], dict[str, int]] = {}
    for student in work.students:
        for report_id, cards in read_labels(student.answers(LABELS_LESSON)).labels.items():
            for line, label in cards.items():
                counts = tallies.setdefault((report_id, line), {})
                counts[label.group] = counts.get(label.group, 0) + 1
    key_group = {
        (report_id, entry.line): GROUP_OF_ROLE.get(entry.role, "")
        for report_id, entries in key.items()
        for entry in entries
    }
    return [
        ParagraphTally(report_id, line, key_group.get((report_id, line), ""), counts)
        for (report_id, line), counts in sorted(tallies.items())
    ]


@dataclass(frozen=True)
class ReportAgreement:
    """How many of the class's labels on one report's paragraphs matched the answer key.

    Example:
        >>> ReportAgreement("004", 8, 6).share
        75
    """

    report_id: str
    labelled: int
    agreeing: int

    @property
    def share(self) -> int:
        """The matching labels in per cent (0 when nobody labelled the report)."""
        return round(100 * self.agreeing / self.labelled) if self.labelled else 0


def label_agreement(tallies: list[ParagraphTally], report_ids: list[str]) -> list[ReportAgreement]:
    """Per report, in the story's order, the labels given on paragraphs the key covers and those matching it.

    Example:
        >>> label_agreement([ParagraphTally("004", 34, "comment", {"comment": 2, "body": 1})], ["001", "004"])[1].share
        67
    """
    totals = {report_id: [0, 0] for report_id in report_ids}
    for tally in tallies:
        if tally.key_group and tally.report_id in totals:
            totals[tally.report_id][0] += tally.labelled
            totals[tally.report_id][1] += tally.agreeing
    return [ReportAgreement(report_id, labelled, agreeing) for report_id, (labelled, agreeing) in totals.items()]


def hardest_paragraphs(tallies: list[ParagraphTally], limit: int = 8) -> list[ParagraphTally]:
    """The keyed paragraphs the class disagreed with the key on most (lowest share first, then most labelled).

    Example:
        >>> easy, hard = ParagraphTally("001", 1, "body", {"body": 3}), ParagraphTally("001", 2, "body", {"other": 2})
        >>> [t.line for t in hardest_paragraphs([easy, hard])]
        [2]
    """
    keyed = [t for t in tallies if t.key_group and t.labelled and t.agreeing < t.labelled]
    return sorted(keyed, key=lambda t: (t.agreeing / t.labelled, -t.labelled, t.report_id, t.line))[:limit]


def justifications(work: ClassWork, limit: int = 400) -> list[tuple[str, str]]:
    """Each student's written reasons for their lesson-5 ranking, shortened to ``limit`` characters.

    Example:
        >>> justifications(ClassWork("", None, (StudentWork("A", "a", "", {VERDICT_LESSON: {"justification": "Named sources."}}),), ()))
        [('A', 'Named sources.')]
    """
    return [
        (student.student, student.answers(VERDICT_LESSON)["justification"][:limit])
        for student in work.students
        if isinstance(student.answers(VERDICT_LESSON).get("justification"), str)
    ]


def verdict_tallies(work: ClassWork) -> dict[str, dict[str, dict[str, int]]]:
    """``{remark: {version: {verdict: students}}}`` from lesson 3's saved verdicts.

    Example:
        >>> answers = {QUOTES_LESSON: {"verdicts": {"remark:x": {"001@5": {"verdict": "fragment"}}}}}
        >>> verdict_tallies(ClassWork("", None, (StudentWork("A", "a", "", answers),), ()))
        {'remark:x': {'001@5': {'fragment': 1}}}
    """
    result: dict[str, dict[str, dict[str, int]]] = {}
    for student in work.students:
        for remark, versions in read_verdicts(student.answers(QUOTES_LESSON)).verdicts.items():
            for version, choice in versions.items():
                counts = result.setdefault(remark, {}).setdefault(version, {})
                counts[choice.verdict] = counts.get(choice.verdict, 0) + 1
    return result


def version_labels(versions: list[str], names: dict[str, str]) -> list[str]:
    """'Report 001', or 'Report 001 (quote 2)' when a report quotes the remark twice; linear time.

    ``versions`` are saved version keys (``"001@59"``); ``names`` maps report ids to names.

    Example:
        >>> version_labels(["001@5", "001@90", "002@3"], {"001": "Report 001", "002": "Report 002"})
        ['Report 001 (quote 1)', 'Report 001 (quote 2)', 'Report 002']
    """
    report_ids = [version.split("@")[0] for version in versions]
    totals = Counter(report_ids)
    seen: Counter[str] = Counter()
    labels = []
    for report_id in report_ids:
        seen[report_id] += 1
        label = names.get(report_id, f"Report {report_id}")
        labels.append(f"{label} (quote {seen[report_id]})" if totals[report_id] > 1 else label)
    return labels


@dataclass(frozen=True)
class RankSummary:
    """How the class ranked one report in lesson 5 (1 = most trusted).

    Example:
        >>> RankSummary("001", (1, 3)).mean
        2.0
    """

    report_id: str
    places: tuple[int, ...]

    @property
    def mean(self) -> float | None:
        """The average place, or None when nobody ranked this report."""
        return sum(self.places) / len(self.places) if self.places else None

    @property
    def firsts(self) -> int:
        """How many students put this report first."""
        return self.places.count(1)


def rank_summaries(work: ClassWork, report_ids: list[str]) -> list[RankSummary]:
    """Each report's places in the students' lesson-5 rankings, most trusted (lowest mean) first.

    Example:
        >>> answers = {VERDICT_LESSON: {"ranking": ["002", "001"]}}
        >>> [r.report_id for r in rank_summaries(ClassWork("", None, (StudentWork("A", "a", "", answers),), ()), ["001", "002"])]
        ['002', '001']
    """
    places: dict[str, list[int]] = {report_id: [] for report_id in report_ids}
    for student in work.students:
        ranking = read_ranking(student.answers(VERDICT_LESSON), report_ids)
        for report_id in report_ids:
            place = ranking.place_of(report_id)
            if place is not None:
                places[report_id].append(place)
    summaries = [RankSummary(report_id, tuple(found)) for report_id, found in places.items()]
    return sorted(summaries, key=lambda s: (s.mean is None, s.mean or 0, s.report_id))


@dataclass(frozen=True)
class AnswerRow:
    """One student's answers to one lesson's questions, in the order the lesson declares them.

    Example:
        >>> AnswerRow("Sam", ("yes", "")).answered
        1
    """

    student: str
    answers: tuple[str, ...]

    @property
    def answered(self) -> int:
        """How many of the questions this student answered."""
        return sum(1 for answer in self.answers if answer.strip())


def question_answers(work: ClassWork, lesson_id: str) -> tuple[tuple[str, ...], list[AnswerRow]]:
    """Any lesson's free-text questions and each student's answers, as soon as they exported.

    Returns the question keys that anybody answered (declared order) and one row per student
    who answered at least one. Non-text answers are left out.

    Example:
        >>> keys, rows = question_answers(read_class(story_id="deir-ezzor-2017"), "00-start-here")
        >>> keys[0], rows[0].student
        ('not-article', 'Amira K.')
    """
    from .course import lesson

    declared = lesson(lesson_id).questions
    texts = {
        student.student: {key: value for key, value in student.answers(lesson_id).items()
                          if key in declared and isinstance(value, str) and value.strip()}
        for student in work.students
    }
    keys = tuple(key for key in declared if any(key in answers for answers in texts.values()))
    rows = [AnswerRow(name, tuple(answers.get(key, "") for key in keys)) for name, answers in texts.items() if answers]
    return keys, rows
