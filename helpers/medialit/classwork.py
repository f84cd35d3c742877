"""Read a class's exported work: one file per student, as written by :func:`medialit.progress.export_work`.

An export file is JSON::

    {"format": "medialit-export", "version": 1, "student": "Sam L.", "story": "deir-ezzor-2017",
     "exported": "2024-03-01T10:00:00+00:00", "lessons": {"02-loaded-headlines": {"tags": {...}, ...}}}

:func:`read_class` reads every ``*.json`` file in a folder and returns a :class:`ClassWork`: the
students whose files could be read (with *all* their lessons' answers, so any lesson or the
teacher's notebook can use them) and, for every other file, a :class:`FileProblem` with a reason
in plain words. It never raises on a bad file and nothing in a file is ever run: files are parsed
as JSON only, and everything shown from them must still be escaped where it is displayed.

A file is skipped, with its reason, when it is: not a ``.json`` file; larger than
:data:`MAX_FILE_BYTES`; not UTF-8; not JSON (or cut off half-way); not a medialit export, or of
another version; for another story; missing the student's name, or with a name longer than
:data:`MAX_NAME_CHARS`; a second file for a name already read; of the wrong shape (``lessons``
not ``{lesson: {answers}}``); nested deeper than :data:`MAX_DEPTH`; or holding any text longer
than :data:`MAX_TEXT_CHARS`. Hidden files (``.name``, e.g. macOS's ``._`` copies) are ignored.
More than :data:`MAX_FILES` files: the rest are listed as not read.

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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.progress import EXPORT_FORMAT, FORMAT_VERSION

#: A real export is a few kB; anything bigger is the wrong file or garbage.
MAX_FILE_BYTES = 1_000_000
#: A class is at most a few dozen students; more files than this are not read.
MAX_FILES = 300
#: No answer a student types is this long; a longer string is garbage or an attack.
MAX_TEXT_CHARS = 20_000
MAX_NAME_CHARS = 80
#: Saved answers are at most a few levels deep ({lesson: {"tags": {report: [{...}]}}}).
MAX_DEPTH = 10
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
    try:
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
    try:
        payload = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        # An export is one JSON object, so a complete file ends with "}": otherwise it was cut short.
        cut = error.pos >= len(text.rstrip()) or not text.rstrip().endswith("}")
        where = "it ends too early: it was probably cut off while copying" if cut else (
            f"it is not valid JSON (line {error.lineno})"
        )
        raise ClassFileError(f"{where}. Ask the student to export again.") from None
    except (ValueError, RecursionError):
        # ValueError: NaN/Infinity, or an integer with thousands of digits.
        raise ClassFileError("it holds values that are not plain data. Ask the student to export again.") from None
    return _student_work(payload, file.name, story_id)


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
    candidates = [entry for entry in entries if entry.is_file()]
    for entry in candidates[:MAX_FILES]:
        if entry.suffix.lower() != ".json":
            problems.append(FileProblem(entry.name, "not a .json file, so not a student's export; skipped."))
            continue
        try:
            work = read_export(entry, story_id)
        except ClassFileError as error:
            problems.append(FileProblem(entry.name, f"{error} Skipped."))
            continue
        key = work.student.casefold()
        if key in seen:
            problems.append(
                FileProblem(entry.name, f"{seen[key]} already has work by {work.student!r}; skipped this second file.")
            )
            continue
        seen[key] = entry.name
        students.append(work)
    if len(candidates) > MAX_FILES:
        problems.append(FileProblem(str(base), f"Only the first {MAX_FILES} files were read; the other {len(candidates) - MAX_FILES} were not."))
    if not any(entry.suffix.lower() == ".json" for entry in candidates):
        problems.append(FileProblem(str(base), "There are no .json files here. Put the students' exported files in this folder."))
    return ClassWork(str(base), story_id, tuple(students), tuple(problems), sample)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _student_work(payload: object, name: str, story_id: str | None) -> StudentWork:
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise ClassFileError("it is not a medialit export (no \"format\": \"medialit-export\"). Is it the right file?")
    if payload.get("version") != FORMAT_VERSION:
        raise ClassFileError(f"it is export version {_short(payload.get('version'))}; this kit reads version {FORMAT_VERSION}.")
    student = payload.get("student")
    if not isinstance(student, str) or not student.strip():
        raise ClassFileError("it has no student name.")
    student = " ".join(student.split())
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
    _check_plain(lessons, depth=0)
    exported = payload.get("exported")
    return StudentWork(student, name, exported if isinstance(exported, str) and len(exported) <= 40 else "", lessons)


def _check_plain(value: object, depth: int) -> None:
    """Bounded depth and string length: what json.loads built is plain data, but may be huge."""
    if depth > MAX_DEPTH:
        raise ClassFileError(f"its answers are nested more than {MAX_DEPTH} levels deep.")
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise ClassFileError(f"it holds a text of {len(value):,} characters (the limit is {MAX_TEXT_CHARS:,}).")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_plain(key, depth + 1)
            _check_plain(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_plain(item, depth + 1)


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

    ``key`` is :func:`medialit.answer_key.load_answer_key`'s result. Labels of the wrong shape
    are skipped, so one odd file cannot stop the summary.

    Example:
        >>> from medialit.answer_key import KeyEntry
        >>> student = StudentWork("A", "a.json", "", {LABELS_LESSON: {"labeller.labels": {"001": {"1": {"group": "other"}}}}})
        >>> label_tallies(ClassWork("", None, (student,), ()), {"001": [KeyEntry(1, "headline", "")]})[0].agreeing
        1
    """
    from medialit.segmentation import GROUP_OF_ROLE

    groups = ("body", "comment", "other")
    tallies: dict[tuple[str, int], dict[str, int]] = {}
    for student in work.students:
        labels = student.answers(LABELS_LESSON).get("labeller.labels")
        if not isinstance(labels, dict):
            continue
        for report_id, cards in labels.items():
            if not isinstance(cards, dict):
                continue
            for line, label in cards.items():
                group = label.get("group") if isinstance(label, dict) else None
                if group in groups and str(line).isdigit():
                    counts = tallies.setdefault((str(report_id), int(line)), {})
                    counts[group] = counts.get(group, 0) + 1
    key_group = {
        (report_id, entry.line): GROUP_OF_ROLE.get(entry.role, "")
        for report_id, entries in key.items()
        for entry in entries
    }
    return [
        ParagraphTally(report_id, line, key_group.get((report_id, line), ""), counts)
        for (report_id, line), counts in sorted(tallies.items())
    ]


def verdict_tallies(work: ClassWork) -> dict[str, dict[str, dict[str, int]]]:
    """``{remark: {version: {verdict: students}}}`` from lesson 3's saved verdicts.

    Example:
        >>> answers = {QUOTES_LESSON: {"verdicts": {"remark:x": {"001@5": {"verdict": "fragment"}}}}}
        >>> verdict_tallies(ClassWork("", None, (StudentWork("A", "a", "", answers),), ()))
        {'remark:x': {'001@5': {'fragment': 1}}}
    """
    from medialit.quotes import VERDICTS

    result: dict[str, dict[str, dict[str, int]]] = {}
    for student in work.students:
        verdicts = student.answers(QUOTES_LESSON).get("verdicts")
        if not isinstance(verdicts, dict):
            continue
        for remark, versions in verdicts.items():
            if not isinstance(versions, dict):
                continue
            for version, choice in versions.items():
                verdict = choice.get("verdict") if isinstance(choice, dict) else None
                if verdict in VERDICTS:
                    counts = result.setdefault(str(remark), {}).setdefault(str(version), {})
                    counts[verdict] = counts.get(verdict, 0) + 1
    return result


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
        ranking = student.answers(VERDICT_LESSON).get("ranking")
        if not isinstance(ranking, list):
            continue
        seen: set[str] = set()
        for place, report_id in enumerate(ranking, start=1):
            if isinstance(report_id, str) and report_id in places and report_id not in seen:
                places[report_id].append(place)
                seen.add(report_id)
    summaries = [RankSummary(report_id, tuple(found)) for report_id, found in places.items()]
    return sorted(summaries, key=lambda s: (s.mean is None, s.mean or 0, s.report_id))
