"""Save and restore what a student did, and export it for the teacher.

Work is kept as small JSON files, one per lesson, in a work folder:
``$MEDIALIT_WORK`` if set, else ``~/medialit-work`` (inside the user's home, so
it survives on JupyterHub). Each story gets its own subfolder, so work on a
teacher's own story never mixes with work on the bundled one.

Every save writes a temporary file and renames it over the old one, so a save
that is interrupted leaves the previous file intact. A file that cannot be read
is moved aside (never overwritten) and the student is told where it went.

Example:
    >>> import tempfile
    >>> work = open_work("00-start-here", story_id="demo", folder=tempfile.mkdtemp())
    >>> work.set("q1", "The footer is not the article.")
    >>> open_work("00-start-here", story_id="demo", folder=work.folder.parent).get("q1")
    'The footer is not the article.'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

WORK_ENV = "MEDIALIT_WORK"
#: A folder the teacher sets for hand-ins (else exports go to the student's work folder).
HANDIN_ENV = "MEDIALIT_HANDIN"
WORK_FORMAT = "medialit-work"
EXPORT_FORMAT = "medialit-export"
FORMAT_VERSION = 1
#: The lesson file that holds the student's name.
PROFILE = "profile"


class WorkError(Exception):
    """Work cannot be saved or exported; the message names the file and the fix.

    Example:
        >>> str(WorkError("Cannot write /x: check the folder.")).startswith("Cannot")
        True
    """


def default_work_folder() -> Path:
    """Where work is kept: ``$MEDIALIT_WORK``, else ``medialit-work`` in the home folder.

    Example:
        >>> default_work_folder().name in ("medialit-work", os.environ.get(WORK_ENV, "").rstrip("/").split("/")[-1])
        True
    """
    configured = os.environ.get(WORK_ENV)
    return Path(configured).expanduser() if configured else Path.home() / "medialit-work"


@dataclass
class LessonWork:
    """One lesson's saved answers for one story; every :meth:`set` saves at once.

    ``problem`` is a sentence for the student when an old file could not be read
    (it was moved aside, and this lesson starts fresh).

    Example:
        >>> import tempfile
        >>> work = open_work("01", story_id="demo", folder=tempfile.mkdtemp())
        >>> work.get("labels", {})
        {}
    """

    lesson: str
    story_id: str
    folder: Path
    answers: dict[str, Any] = field(default_factory=dict)
    problem: str = ""

    @property
    def path(self) -> Path:
        """The JSON file this lesson is saved in."""
        return self.folder / f"{_safe_name(self.lesson)}.json"

    def get(self, key: str, default: Any = None) -> Any:
        """The saved value for ``key``, or ``default``."""
        return self.answers.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Remember ``value`` under ``key`` and save the lesson file at once."""
        self.update({key: value})

    def update(self, values: dict[str, Any], removed: list[str] | tuple[str, ...] = ()) -> None:
        """Save these answers (and drop ``removed`` keys), keeping every other answer on disk.

        The lesson may be open in a second tab that saved since this one loaded:
        the file is re-read first and only the answers given here replace what is
        there, so neither tab loses the other's answers (merge per answer).

        Example:
            >>> import tempfile
            >>> home = tempfile.mkdtemp()
            >>> tab_a, tab_b = open_work("03", "demo", home), open_work("03", "demo", home)
            >>> tab_a.set("q1", "from A"); tab_b.set("q2", "from B")
            >>> sorted(open_work("03", "demo", home).answers.items())
            [('q1', 'from A'), ('q2', 'from B')]
        """
        merged = dict(self.answers)
        merged.update(_saved_answers(self.path))
        merged.update(values)
        for key in removed:
            merged.pop(key, None)
        self.answers = merged
        save_lesson(self)


def open_work(lesson: str, story_id: str, folder: str | os.PathLike | None = None) -> LessonWork:
    """Open one lesson's saved work (empty when there is none yet).

    A corrupt file is renamed to ``<lesson>.json.unreadable-<time>`` and reported in
    ``LessonWork.problem``; nothing is deleted.

    Example:
        >>> import tempfile
        >>> open_work("02", story_id="demo", folder=tempfile.mkdtemp()).answers
        {}
    """
    base = Path(folder).expanduser() if folder is not None else default_work_folder()
    work = LessonWork(lesson=lesson, story_id=story_id, folder=base / _safe_name(story_id))
    try:
        if work.path.is_symlink() and work.folder.resolve() not in work.path.resolve().parents:
            raise ValueError("it is a link to a file outside your work folder, so it was not read")
        data = json.loads(work.path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, dict) or data.get("format") != WORK_FORMAT:
            raise ValueError("it is not a medialit work file")
        if not isinstance(data.get("answers"), dict):
            raise ValueError("it has no answers section")
    except FileNotFoundError:
        # No work yet, or another window moved a corrupt file aside a moment ago: start fresh.
        return work
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        work.problem = _set_aside(work.path, error)
        return work
    work.answers = data["answers"]
    return work


def _set_aside(path: Path, error: BaseException) -> str:
    # What the student is told about an unreadable lesson file; the file itself is never deleted.
    reason = _describe(error)
    try:
        moved = _move_aside(path)
    except FileNotFoundError:
        return ""  # another window moved it aside and told the student; this one starts fresh
    except OSError as move_error:
        return (
            f"Your saved work in {path} could not be read ({reason}), and it cannot be moved aside "
            f"({move_error.strerror or move_error}), so nothing will be saved over it. "
            f"Show this message to your teacher, or set {WORK_ENV} to a folder you can write to."
        )
    return (
        f"Your saved work in {path} could not be read ({reason}). "
        f"It was kept as {moved.name} so nothing is lost; this lesson starts fresh. "
        "Show this message to your teacher."
    )


def _saved_answers(path: Path) -> dict[str, Any]:
    # The answers in a lesson file as another tab last saved them; {} when there is none or it is unreadable.
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if isinstance(data, dict) and data.get("format") == WORK_FORMAT and isinstance(data.get("answers"), dict):
        return data["answers"]
    return {}


def save_lesson(work: LessonWork) -> Path:
    """Write a lesson's answers atomically: a temporary file, then a rename over the old one.

    Example:
        >>> import tempfile
        >>> work = LessonWork("03", "demo", Path(tempfile.mkdtemp()), {"verdict": "fragment"})
        >>> save_lesson(work).name
        '03.json'
    """
    payload = {
        "format": WORK_FORMAT,
        "version": FORMAT_VERSION,
        "lesson": work.lesson,
        "story": work.story_id,
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "answers": work.answers,
    }
    try:
        text = json.dumps(payload, ensure_ascii=False, indent=1)
    except (TypeError, ValueError) as error:
        raise WorkError(f"Cannot save {work.path}: an answer is not plain data ({error}).") from None
    try:
        write_atomically(work.path, text)
    except OSError as error:
        raise WorkError(
            f"Cannot save your work to {work.path} ({error.strerror or error}). "
            f"Check that the folder can be written, or set {WORK_ENV} to another folder."
        ) from None
    return work.path


def all_work(story_id: str, folder: str | os.PathLike | None = None) -> dict[str, dict[str, Any]]:
    """Every lesson's answers for one story, keyed by lesson (unreadable files are skipped).

    Example:
        >>> import tempfile
        >>> all_work("demo", folder=tempfile.mkdtemp())
        {}
    """
    base = Path(folder).expanduser() if folder is not None else default_work_folder()
    story_folder = base / _safe_name(story_id)
    result: dict[str, dict[str, Any]] = {}
    if not story_folder.is_dir():
        return result
    for path in sorted(story_folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict) and data.get("format") == WORK_FORMAT and isinstance(data.get("answers"), dict):
            result[str(data.get("lesson", path.stem))] = data["answers"]
    return result


def export_work(
    story_id: str,
    destination: str | os.PathLike,
    folder: str | os.PathLike | None = None,
) -> Path:
    """Write one file with all of a student's work on a story, for the teacher.

    The file is named after the student (from the ``profile`` lesson's ``name``). Students may
    export after any lesson: a later export replaces the lessons it holds and keeps any other
    lesson the earlier file had, so nothing handed in is lost.

    Example:
        >>> import tempfile
        >>> home = tempfile.mkdtemp()
        >>> open_work(PROFILE, story_id="demo", folder=home).set("name", "Sam Lee")
        >>> export_work("demo", tempfile.mkdtemp(), folder=home).name
        'sam-lee.medialit.json'
    """
    lessons = all_work(story_id, folder)
    name = str(lessons.get(PROFILE, {}).get("name") or "").strip()
    if not name:
        raise WorkError("Type your name in the name box first, so your teacher knows whose work this is.")
    target = Path(destination).expanduser() / f"{_safe_name(name)}.medialit.json"
    earlier: dict[str, Any] = {}
    if target.exists():
        if _student_of(target) not in (name, None):
            raise WorkError(
                f"{target} holds another student's work: ask your teacher for your own folder to export into."
            )
        earlier = _exported_lessons(target, story_id)
    # A later export replaces each lesson it has and keeps the lessons only the earlier one had
    # (work done on another computer, or a lesson file since lost).
    merged = {**earlier, **{lesson: answers for lesson, answers in lessons.items() if lesson != PROFILE}}
    payload = {
        "format": EXPORT_FORMAT,
        "version": FORMAT_VERSION,
        "student": name,
        "story": story_id,
        "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "lessons": merged,
    }
    try:
        write_atomically(target, json.dumps(payload, ensure_ascii=False, indent=1))
    except OSError as error:
        raise WorkError(f"Cannot write {target} ({error.strerror or error}): choose a folder you can write to.") from None
    return target


def _exported_lessons(path: Path, story_id: str) -> dict[str, Any]:
    # The lessons of an earlier export of this story by this student ({} if it cannot be read).
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("story") != story_id or not isinstance(data.get("lessons"), dict):
        return {}
    return {lesson: answers for lesson, answers in data["lessons"].items() if isinstance(answers, dict)}


def handin_folder(work: LessonWork) -> Path:
    """Where exports go: the folder the teacher set in ``$MEDIALIT_HANDIN``, else the student's work folder.

    Example:
        >>> import tempfile
        >>> work = open_work("01", "demo", folder=tempfile.mkdtemp())
        >>> handin_folder(work) == work.folder or HANDIN_ENV in os.environ
        True
    """
    chosen = os.environ.get(HANDIN_ENV)
    return Path(chosen).expanduser() if chosen else work.folder


def _student_of(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return ""  # unreadable: treat as someone else's, never overwrite it
    return data.get("student") if isinstance(data, dict) else ""


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    An interrupted write leaves the old file as it was. Example:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "a.json"
        >>> write_atomically(target, "{}"); target.read_text()
        '{}'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes 0600 files whatever the umask; a shared collection folder needs the usual mode.
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        # Never leave half-written temporaries behind; the old file is untouched.
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    # The only portable way to read the umask is to set it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _move_aside(path: Path) -> Path:
    # A hard link fails if the name is taken, so two windows moving the same file at once can never
    # overwrite one another's kept copy (a rename would replace it silently).
    while True:
        target = unused_sibling(path, "unreadable")
        try:
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except FileNotFoundError:
            raise
        except OSError:
            # A file system without hard links (a FAT USB stick says EPERM): rename instead. A folder
            # that cannot be written fails here too, and the caller explains that.
            os.replace(path, target)
            return target
        path.unlink(missing_ok=True)
        return target


def unused_sibling(path: Path, label: str) -> Path:
    """A free name beside ``path`` for keeping an old copy: ``<name>.<label>-<time>`` (numbered if taken).

    Example:
        >>> import tempfile
        >>> unused_sibling(Path(tempfile.mkdtemp()) / "key.json", "backup").name.startswith("key.json.backup-")
        True
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    return target


def _describe(error: BaseException) -> str:
    if isinstance(error, json.JSONDecodeError):
        if error.msg == "Extra data":
            return f"something follows the saved data at line {error.lineno}, column {error.colno}"
        return f"broken JSON at line {error.lineno}"
    if isinstance(error, RecursionError):
        return "it is nested too deeply to be saved work"
    if isinstance(error, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return str(error)


def _safe_name(name: str) -> str:
    # Names become file names: short and free of path separators, but letters of any script
    # (张伟, Сирия) are kept so different names stay different. Exports also refuse to replace
    # another student's file, so two names that still meet cannot overwrite each other's work.
    cleaned = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFKC", name).lower()).strip("-_")[:60]
    return cleaned or f"unnamed-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:6]}"
