"""Make a story folder from a teacher's own pages, and list what is wrong with a story folder.

A teacher saves several reports of one event as ``.txt`` files, or as web pages
(``.html``), in one folder; :func:`new_story` turns that folder into a story the
lessons can use: one numbered ``.txt`` file per report, a ``story.json`` with what
each page reveals about its publisher, an answer key for lesson 1: proposed for web
pages (:mod:`medialit.webpage` reads them, :mod:`medialit.page_key` proposes the roles),
blank for plain text, and a ``terms.json`` with lesson 4's word groups proposed from the
reports themselves (:func:`medialit.distinctive_words.propose_terms`).

Example:
    >>> import tempfile, pathlib
    >>> source = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (source / "a.txt").write_text("Mayor opens bridge\\n\\nThe mayor said the bridge opens today.")
    >>> story = new_story(source, source / "story")
    >>> [r.filename for r in story.reports]
    ['001_a.txt']
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .answer_key import ANSWER_KEY_FILE, KeyEntry, answer_key_text
from .distinctive_words import propose_terms
from .errors import StoryError
from .files import decode_utf8, read_bytes, read_json, read_text, slug
from .page_key import ProposedEntry, propose_key
from .progress import write_atomically
from .story import (
    MAX_REFERENCE_BYTES,
    MAX_REPORT_BYTES,
    METADATA_FILE,
    REFERENCES_FOLDER,
    Story,
    inside_files,
    load_story,
    parse_reference,
    report_id,
)
from .terms import write_terms
from .webpage import WebPage, html_to_text, read_page  # noqa: F401 - html_to_text: kept for existing callers

SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".mhtml", ".mht")
#: Report ids have three digits, 000 to 999.
MAX_REPORTS = 999


def new_story(source: str | os.PathLike, target: str | os.PathLike, title: str = "", date: str = "",
              references: Iterable[str | os.PathLike] = ()) -> Story:
    """Turn a folder of ``.txt``/``.html`` reports into a story folder; return the loaded story.

    Web pages get a *proposed* answer key (trafilatura and the kit's rules: :mod:`medialit.page_key`),
    recorded in ``story.json`` as ``"answer_key": {"status": "proposed", "disagree": {id: [lines]}}``
    so that teacher mode shows the paragraphs where the two disagree first. Notes for the teacher
    (a guessed encoding, a skipped link) are in ``story.json``'s ``"notes"``.

    The story is written to a temporary folder beside ``target`` and renamed when complete, so a
    failure (a full disk) leaves nothing behind. Refuses to write into a folder that already has
    files. ``references`` are ``.txt`` files copied into the story's ``references/`` folder: the first
    line names the source and the date, the rest is the text (lesson 3 offers them as references).
    Raises :class:`StoryError` naming each bad file and the fix.

    Example:
        >>> import tempfile, pathlib
        >>> source = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (source / "page.html").write_text("<title>Daily</title><h1>Bridge opens</h1><p>It opened today.</p>")
        >>> new_story(source, source / "out", title="The bridge").reports[0].headline
        'Bridge opens'
    """
    source, target = Path(source).expanduser(), Path(target).expanduser()
    try:
        files, notes = _source_files(source)
        if target.exists() and not target.is_dir():
            raise StoryError([f"{target} is a file: give a new folder name for the story."])
        if target.exists() and any(target.iterdir()):
            raise StoryError([f"{target} already has files in it: choose a new, empty folder for the story."])
    except OSError as error:  # a folder we may not open: even exists() fails
        raise StoryError([f"{error.filename or target} cannot be read ({error.strerror or error}): check that you "
                          "may open it, or choose another folder."]) from None
    reports, problems = _convert_all(files)
    extra, reference_problems = _references(references)
    problems += reference_problems
    if problems:
        raise StoryError(problems)
    notes += [note for report in reports for note in report.notes]
    metadata: dict = {
        "id": slug(title or target.name),
        "title": title or target.name,
        "date": date,
        "about": made_from([report.original for report in reports]),
        "reports": {},
    }
    key: dict[str, list[KeyEntry]] = {}
    disagree: dict[str, list[int]] = {}
    for report in reports:
        metadata["reports"][report.id] = {"label": "", "publisher_clues": report.clues, "source_file": report.original}
        key[report.id] = [KeyEntry(e.line, e.role, e.why, e.note) for e in report.proposed]
        if report.proposed:
            disagree[report.id] = [e.line for e in report.proposed if e.disagree]
    if disagree:
        metadata["answer_key"] = {"status": "proposed", "disagree": disagree}
    if notes:
        metadata["notes"] = notes
    _write_folder(target, {
        **{f"{r.id}_{slug(_stem(r.original), 'report')[:40]}.txt": r.text for r in reports},
        METADATA_FILE: json.dumps(metadata, indent=2, ensure_ascii=False) + "\n",
        ANSWER_KEY_FILE: answer_key_text(key),
        **extra,
    }, finish=_write_proposed_terms)
    return load_story(target)


def made_from(filenames: Iterable[str]) -> str:
    """The line lesson 0 shows students about where a new story came from, in plain words.

    Students see it (the command, the file types and the teacher's folder name mean nothing to
    them), so it only counts the saved web pages and the text files.

    Example:
        >>> made_from(["bbc.html", "rt.htm", "notes.txt"])
        'Made by your teacher from 2 saved web pages and 1 text file.'
    """
    names = list(filenames)
    pages = sum(Path(name).suffix.lower() != ".txt" for name in names)
    texts = len(names) - pages
    parts = [f"{count} {word if count == 1 else plural}"
             for count, word, plural in ((pages, "saved web page", "saved web pages"), (texts, "text file", "text files"))
             if count]
    return f"Made by your teacher from {' and '.join(parts)}." if parts else "Made by your teacher."


def _source_files(source: Path) -> tuple[list[Path], list[str]]:
    """The saved pages in ``source`` (links out of it skipped, with notes); :class:`StoryError` if none or too many."""
    if not source.is_dir():
        raise StoryError([f"The source folder {source} does not exist: give the folder that holds the saved pages."])
    names = sorted(p for p in source.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
    files, notes = inside_files(source, names)
    if not files:
        raise StoryError([f"{source} has no .txt, .html or .mhtml files: save each report there first."] + notes)
    if len(files) > MAX_REPORTS:
        raise StoryError([f"{source} has {len(files)} report files, more than the {MAX_REPORTS} reports a story "
                          "can number: keep the few reports of one event (five or so) in their own folder."])
    return files, notes


def _write_proposed_terms(folder: Path) -> None:
    """Lesson 4's word groups for this story, proposed from its own reports (``terms.json``).

    A story too small to propose any group gets no file: lesson 4 then uses the general groups."""
    groups = propose_terms(load_story(folder))
    if groups:
        write_terms(folder, groups)


def confirm_answer_key(folder: str | os.PathLike) -> None:
    """Record in ``story.json`` that a teacher has confirmed the story's answer key (it is no longer proposed).

    Teacher mode calls this when it writes the key; the disagreement list goes with the proposal.
    Raises :class:`StoryError` naming the file when ``story.json`` cannot be read or written.

    Example:
        >>> import tempfile, pathlib, json
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "story.json").write_text('{"answer_key": {"status": "proposed", "disagree": {"000": [3]}}}')
        >>> confirm_answer_key(folder)
        >>> json.loads((folder / "story.json").read_text())["answer_key"]
        {'status': 'confirmed'}
    """
    file = Path(folder) / METADATA_FILE
    metadata = read_json(file, METADATA_FILE, "Fix that spot, then save the key again.") if file.is_file() else {}
    if not isinstance(metadata, dict):
        raise StoryError([f"{METADATA_FILE} must hold one JSON object {{...}}: fix it, then save the key again."])
    metadata["answer_key"] = {"status": "confirmed"}
    try:
        write_atomically(file, json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        reason = error.strerror or error
        raise StoryError([f"Could not write {file} ({reason}): check that you may write there."]) from None


@dataclass(frozen=True)
class _Converted:
    id: str
    original: str
    text: str
    clues: list[str]
    proposed: tuple[ProposedEntry, ...] = ()
    notes: tuple[str, ...] = ()


def _convert_all(files: list[Path]) -> tuple[list[_Converted], list[str]]:
    problems: list[str] = []
    converted: list[_Converted] = []
    wanted = [report_id(f.name) for f in files]
    used = {rid for rid in wanted if re.fullmatch(r"\d{3}", rid)}
    taken: set[str] = set()
    counter = 1
    for file, rid in zip(files, wanted):
        if not re.fullmatch(r"\d{3}", rid) or rid in taken:
            while f"{counter:03d}" in used:
                counter += 1
            rid = f"{counter:03d}"
            used.add(rid)
        taken.add(rid)
        try:
            data = read_bytes(file, file.name, limit=MAX_REPORT_BYTES * 4)
            web = file.suffix.lower() != ".txt"
            page = read_page(data, file.name) if web else WebPage(decode_utf8(data, file.name))
        except StoryError as error:
            problems.extend(error.problems)
            continue
        if not page.text.strip():
            problems.append(f"{file.name} has no text in it: check that the page was saved completely.")
            continue
        if len(page.text.encode("utf-8")) > MAX_REPORT_BYTES:
            problems.append(f"{file.name} gives over 2 MB of text: save only the article's page.")
            continue
        proposed: tuple[ProposedEntry, ...] = tuple(propose_key(page)) if web else ()
        converted.append(_Converted(rid, file.name, page.text, list(page.clues), proposed, page.notes))
    return sorted(converted, key=lambda report: report.id), problems


def _references(paths: Iterable[str | os.PathLike]) -> tuple[dict[str, str], list[str]]:
    """The reference files to write (``references/NAME.txt`` -> text), checked first, and their problems."""
    files: dict[str, str] = {}
    problems: list[str] = []
    for path in map(Path, paths):
        name = f"{REFERENCES_FOLDER}/{slug(path.stem, 'reference')[:40]}.txt"
        try:
            if path.suffix.lower() != ".txt":
                raise StoryError([f"{path.name}: a reference must be a .txt file whose first line names the source "
                                  "and the date: copy the text into one."])
            text = read_text(path, path.name, limit=MAX_REFERENCE_BYTES)
            parse_reference(text, path.name)
        except StoryError as error:
            problems.extend(error.problems)
            continue
        if name in files:
            problems.append(f"{path.name}: two references would have the same name {name}: rename one.")
            continue
        files[name] = text
    return files, problems


def _stem(name: str) -> str:
    return re.sub(r"^\d{3}(?=[_\-. ]|$)", "", Path(name).stem)  # the id is already in front


def _write_folder(target: Path, files: dict[str, str], finish: Callable[[Path], None] | None = None) -> None:
    """Write every file into a temporary sibling folder, let ``finish`` add to it, then rename it to ``target``."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    except OSError as error:
        raise StoryError([f"Cannot write into {parent} ({error.strerror or error}): choose a folder you may "
                          "write to, with some free space."]) from None
    try:
        for name, text in files.items():
            (staging / name).parent.mkdir(exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8")
        if finish is not None:
            finish(staging)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; a story folder is shared like any other
        if target.exists():
            target.rmdir()  # checked empty above
        staging.rename(target)
    except StoryError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoryError([f"Could not write the story to {target} ({error.strerror or error}): check that the disk "
                          "has free space and that you may write there; nothing was left behind."]) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
