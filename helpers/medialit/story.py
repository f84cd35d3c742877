"""Load a story: several news reports of one event, each a plain-text scrape.

A story is a folder of ``.txt`` files, one report each, named with a
three-digit id prefix (``000_anything.txt``), plus, all optional:

- ``story.json``: the title, the date, what each page reveals about its publisher, notes for
  the teacher, and ``"answer_key": {"status": "proposed", "disagree": {"000": [3, 7]}}`` while
  the answer key is the one ``medialit new-story`` proposed from saved web pages;
- ``answer_key.json``: the role of every paragraph. **The answer key decides**: where it covers
  a report, it sets the roles of :attr:`Report.blocks`, and so ``body_text`` and every analysis
  in lessons 2-5; the kit's own guess stays in :attr:`Report.helper_blocks` for lesson 1;
- ``references/``: reference versions (the original statement, a wire story), one ``.txt`` each,
  first line naming the source and the date (:attr:`Story.references`).

Every file is read through :mod:`medialit.files` (a byte-order mark is fine; errors name the file,
line and column); links that lead out of the folder are skipped and listed in :attr:`Story.notes`.

Example:
    >>> story = load_story()
    >>> [r.id for r in story.reports]
    ['000', '001', '002', '003', '004']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from .answer_key import load_answer_key
from .errors import StoryError
from .files import by_id, read_json, read_text, slug
from .segmentation import Block, segment
from .text import MONTH
from .story_choice import chosen_story

#: Reports larger than this are refused: a scrape of one article is a few kB.
MAX_REPORT_BYTES = 2 * 1024 * 1024
METADATA_FILE = "story.json"
#: A story's optional folder of reference versions (the original statement, a wire story...).
REFERENCES_FOLDER = "references"
#: A reference is one statement or wire story, a few kB; this is far more.
MAX_REFERENCE_BYTES = 256 * 1024
STORY_ENV = "MEDIALIT_STORY"

_ID = re.compile(r"^(\d{3})(?:[_\-. ]|$)")
# A date as a reference's first line may give it: 2017-09-21, 21 September 2017, Sept. 21, 2017, 21.09.2017, May 2024.
_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.?\s+{MONTH}\.?,?\s+\d{{4}}|{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|{MONTH}\s+\d{{4}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Report:
    """One news report: the exact scraped text and its paragraphs with their roles.

    Example:
        >>> report = load_story().report("001")
        >>> report.headline
        'Russia threatens to retaliate against US forces in Syria'
    """

    id: str
    filename: str
    raw_text: str
    #: What the page itself says about who published it (from ``story.json``).
    publisher_clues: tuple[str, ...] = ()
    label: str = ""

    #: The answer key's entries for this report (line, role, why), from ``answer_key.json``; empty if none.
    key: tuple = field(default=(), compare=False, repr=False)

    @cached_property
    def helper_blocks(self) -> list[Block]:
        """The kit's own guess: every non-blank paragraph with the role its rules give (lesson 1 compares it)."""
        return segment(self.raw_text)

    @cached_property
    def blocks(self) -> list[Block]:
        """Every non-blank paragraph in order, with its role and reason: **the answer key decides**.

        Where the story's answer key covers this report (one entry for every paragraph), its roles
        and reasons are used, so ``body_text`` and every analysis in lessons 2-5 follow the teacher's
        key. A key *proposed* by ``medialit new-story`` from a saved web page counts too, until the
        teacher confirms or changes it. Without a key (or with one that no longer fits the text)
        the kit's own guess, :attr:`helper_blocks`, is used.
        """
        helper = self.helper_blocks
        entries = {entry.line: entry for entry in self.key}
        if not entries or set(entries) != {block.line for block in helper}:
            return helper
        # replace() keeps each block's character offsets, which the quote finder relies on.
        return [replace(block, role=entries[block.line].role, reason=entries[block.line].why) for block in helper]

    @property
    def headline(self) -> str:
        """The report's headline (the first block marked as one, else the first line)."""
        for block in self.blocks:
            if block.role == "headline":
                return block.text
        return self.blocks[0].text if self.blocks else ""

    @property
    def body_text(self) -> str:
        """The article's body paragraphs only, separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks if block.role == "body")

    @property
    def name(self) -> str:
        """A short name for menus: the label from the metadata, else 'Report 000'."""
        return self.label or f"Report {self.id}"


@dataclass(frozen=True)
class Reference:
    """A reference version of the story's statement, from ``references/NAME.txt``: whose words, when, and the text.

    The file's first line names the source and the date ("TASS, 21 September 2017"); the rest is the text.

    Example:
        >>> ref = Reference("tass.txt", "TASS, 21 September 2017", "Moscow warned...")
        >>> ref.source, ref.date
        ('TASS, 21 September 2017', '21 September 2017')
    """

    filename: str
    source: str
    text: str

    @property
    def date(self) -> str:
        """The date the first line gives, as written; empty if it gives none."""
        found = _DATE.search(self.source)
        return found.group(0) if found else ""


@dataclass(frozen=True)
class Story:
    """Several reports of one event, in id order.

    Example:
        >>> load_story().title
        'Russia warns US forces near Deir Ezzor, Syria'
    """

    id: str
    title: str
    date: str
    folder: Path
    reports: tuple[Report, ...]
    bundled: bool = False
    metadata: dict = field(default_factory=dict, compare=False, repr=False)
    #: Files in the folder that were skipped, and why (a link leading outside the folder...).
    notes: tuple[str, ...] = ()
    #: Reference versions from the ``references/`` folder, in file-name order (lesson 3 offers them).
    references: tuple[Reference, ...] = ()

    def report(self, report_id: str) -> Report:
        """The report with this id; :class:`StoryError` if there is none."""
        return by_id(self.reports, report_id, "report")

    @property
    def key_proposed(self) -> bool:
        """True while the answer key is the one ``new-story`` proposed and no teacher has confirmed it."""
        return self.metadata.get("answer_key", {}).get("status") == "proposed"

    @property
    def disagreements(self) -> dict[str, list[int]]:
        """For a proposed key: per report id, the lines where trafilatura and the kit's rules disagree."""
        return dict(self.metadata.get("answer_key", {}).get("disagree", {})) if self.key_proposed else {}

    @property
    def ids(self) -> list[str]:
        """The report ids in order."""
        return [report.id for report in self.reports]


def bundled_story_folder() -> Path:
    """The folder of the story shipped with the kit."""
    return Path(str(resources.files("medialit") / "data" / "story"))


def load_story(path: str | os.PathLike | None = None) -> Story:
    """Load a story folder: ``path``, else ``$MEDIALIT_STORY``, else the one chosen in the story builder
    (:mod:`medialit.story_choice`), else the bundled story.

    Raises :class:`StoryError` listing every problem (with the file and the fix).

    Example:
        >>> len(load_story().reports)
        5
    """
    if path is None:
        # An empty MEDIALIT_STORY counts as unset; the story builder's choice comes next, then the bundled one.
        path = os.environ.get(STORY_ENV) or chosen_story()
    bundled = path is None
    folder = bundled_story_folder() if bundled else Path(path).expanduser()
    problems, texts, notes = _read_reports(folder)
    metadata: dict = {}
    if not problems:
        metadata, meta_problems = _read_metadata(folder, [report_id for report_id, _, _ in texts])
        problems.extend(meta_problems)
    references: list[Reference] = []
    if not problems:
        references, reference_problems, reference_notes = read_references(folder)
        problems.extend(reference_problems)
        notes.extend(reference_notes)
    key: dict = {}
    if not problems:
        try:
            key = load_answer_key(folder)
        except StoryError as error:
            # A typo in the teacher's key must not stop every student's lesson: the kit's own guess
            # stands in, the note says why, and check-story and lesson 1's teacher mode name the problem.
            notes.extend(f"{problem} Until it is fixed, the lessons use the kit's own reading of the pages."
                         for problem in error.problems)
    if problems:
        raise StoryError(problems)
    report_meta = metadata.get("reports", {})
    reports = tuple(
        Report(
            id=report_id,
            filename=filename,
            raw_text=text,
            publisher_clues=tuple(report_meta.get(report_id, {}).get("publisher_clues", ())),
            label=str(report_meta.get(report_id, {}).get("label", "")),
            key=tuple(key.get(report_id, ())),
        )
        for report_id, filename, text in texts
    )
    return Story(
        id=str(metadata.get("id") or slug(folder.name)),
        title=str(metadata.get("title") or folder.name),
        date=str(metadata.get("date") or ""),
        folder=folder,
        reports=reports,
        bundled=bundled,
        metadata=metadata,
        notes=tuple(notes) + tuple(metadata.get("notes", ())),
        references=tuple(references),
    )


def report_id(filename: str) -> str:
    """The id of a report file: its three-digit prefix, else its name without ``.txt``.

    Example:
        >>> report_id("004_3c495f7519e354be.txt")
        '004'
    """
    match = _ID.match(filename)
    return match.group(1) if match else Path(filename).stem


def _read_reports(folder: Path) -> tuple[list[str], list[tuple[str, str, str]], list[str]]:
    """The reports' (id, file name, text), the problems, and notes on files skipped."""
    try:
        if not folder.exists():
            return [
                f"The story folder {folder} does not exist: check the path "
                f"(or unset {STORY_ENV} to use the bundled story)."
            ], [], []
        if not folder.is_dir():
            return [f"{folder} is a file, not a folder: give the folder that holds the report .txt files."], [], []
        names = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt")
    except OSError as error:  # a folder inside one we may not open: exists() itself fails
        return [f"The story folder {folder} cannot be read ({error.strerror or error}): "
                "check that you may open it, or copy it somewhere you can."], [], []
    files, notes = inside_files(folder, names)
    if not files:
        empty = f"The story folder {folder} has no .txt files: put one plain-text report per .txt file in it."
        return [empty], [], notes
    problems: list[str] = []
    texts: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for file in files:
        rid = report_id(file.name)
        if rid in seen:
            problems.append(
                f"{file.name} and {seen[rid]} both have the id {rid}: rename one so each report "
                "starts with its own three-digit number."
            )
            continue
        seen[rid] = file.name
        try:
            size = file.stat().st_size
            if size > MAX_REPORT_BYTES:
                problems.append(
                    f"{file.name} is {size / 1024 / 1024:.1f} MB, over the 2 MB limit: "
                    "keep only the page's text (one article per file)."
                )
                continue
            text = read_text(file, file.name, limit=MAX_REPORT_BYTES)
        except (StoryError, OSError) as error:
            problems.extend(error.problems if isinstance(error, StoryError) else [f"{file.name} cannot be read."])
            continue
        if not text.strip():
            problems.append(f"{file.name} is empty: paste the report's text into it, or delete the file.")
            continue
        texts.append((rid, file.name, text))
    return problems, sorted(texts), notes


def read_references(folder: Path) -> tuple[list[Reference], list[str], list[str]]:
    """The story's reference versions, the problems with them (each naming the file and the fix), and notes.

    Example:
        >>> import tempfile
        >>> story = Path(tempfile.mkdtemp())
        >>> (story / "references").mkdir()
        >>> _ = (story / "references" / "tass.txt").write_text("TASS, 21 September 2017\\nMoscow warned...")
        >>> [r.source for r in read_references(story)[0]]
        ['TASS, 21 September 2017']
    """
    home = folder / REFERENCES_FOLDER
    if not home.is_dir():
        return [], [], []
    try:
        names = sorted(p for p in home.iterdir() if p.suffix.lower() == ".txt")
    except OSError as error:
        return [], [f"The folder {home} cannot be read ({error.strerror or error}): check that you may open it."], []
    files, notes = inside_files(home, names)
    references: list[Reference] = []
    problems: list[str] = []
    for file in files:
        where = f"{REFERENCES_FOLDER}/{file.name}"
        try:
            text = read_text(file, where, limit=MAX_REFERENCE_BYTES)
        except StoryError as error:
            problems.extend(error.problems)
            continue
        try:
            reference = parse_reference(text, file.name, where)
        except StoryError as error:
            problems.extend(error.problems)
            continue
        if not reference.date:
            notes.append(f"{where}: its first line gives no date (e.g. '21 September 2017'): add one so students "
                         "know when these words were published.")
        references.append(reference)
    return references, problems, notes


def parse_reference(text: str, filename: str, where: str = "") -> Reference:
    """A reference file's text as a :class:`Reference`; :class:`StoryError` if it lacks its first line or text.

    Example:
        >>> parse_reference("Reuters, 21 September 2017\\n\\nRussia warned the United States...", "reuters.txt").date
        '21 September 2017'
    """
    where = where or filename
    first, _, rest = text.strip().partition("\n")
    if not first.strip() or not rest.strip():
        raise StoryError([f"{where} needs two parts: a first line naming the source and the date "
                          "(e.g. 'TASS, 21 September 2017'), then the text itself."])
    if len(first) > 200:
        raise StoryError([f"{where}: the first line should only name the source and the date (it is "
                          f"{len(first)} characters long): put the text on the lines below it."])
    return Reference(filename, " ".join(first.split()), rest.strip() + "\n")


def inside_files(folder: Path, paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The regular files among ``paths``, without links that lead out of ``folder``; and a note per link skipped.

    A link inside a story or source folder that points elsewhere (``passwd.txt -> /etc/passwd``)
    would copy a file the teacher never chose into the lessons, so it is skipped and said.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("x")
        >>> (folder / "b.txt").symlink_to("/etc/hostname")
        >>> files, notes = inside_files(folder, sorted(folder.iterdir()))
        >>> [f.name for f in files], notes[0].split(":")[0]
        (['a.txt'], 'b.txt links to a file outside the folder')
    """
    home = folder.resolve()
    files: list[Path] = []
    notes: list[str] = []
    for path in paths:
        try:
            if path.is_symlink() and not path.resolve().is_relative_to(home):
                notes.append(f"{path.name} links to a file outside the folder: skipped. Copy the file itself "
                             "into the folder if it belongs to the story.")
                continue
            if path.is_file():
                files.append(path)
        except (OSError, RuntimeError):  # a link loop, or a file that vanished
            notes.append(f"{path.name} cannot be opened (a broken or looping link?): skipped.")
    return files, notes


def _read_metadata(folder: Path, ids: list[str]) -> tuple[dict, list[str]]:
    file = folder / METADATA_FILE
    if not file.exists():
        return {}, []
    try:
        metadata = read_json(file, METADATA_FILE, "Fix that spot, or delete the file: it is optional.")
    except StoryError as error:
        return {}, error.problems
    if not isinstance(metadata, dict):
        return {}, [f"{METADATA_FILE} must hold one JSON object {{...}} with 'title', 'date' and 'reports'."]
    problems = []
    for key in ("id", "title", "date"):
        if key in metadata and not isinstance(metadata[key], str):
            problems.append(f"{METADATA_FILE}: '{key}' must be text in quotes.")
    reports = metadata.get("reports", {})
    if not isinstance(reports, dict):
        problems.append(f"{METADATA_FILE}: 'reports' must be an object keyed by report id, like {{\"000\": {{...}}}}.")
        reports = {}
    for rid, entry in reports.items():
        if rid not in ids:
            problems.append(
                f"{METADATA_FILE} describes report {rid!r}, but there is no {rid}_*.txt file: "
                f"fix the id or remove the entry (reports found: {', '.join(ids)})."
            )
        elif not isinstance(entry, dict):
            problems.append(f"{METADATA_FILE}: the entry for report {rid} must be an object {{...}}.")
        elif not isinstance(entry.get("publisher_clues", []), list) or not all(
            isinstance(clue, str) for clue in entry.get("publisher_clues", [])
        ):
            problems.append(f"{METADATA_FILE}: 'publisher_clues' of report {rid} must be a list of texts.")
        elif not isinstance(entry.get("label", ""), str):
            problems.append(f"{METADATA_FILE}: 'label' of report {rid} must be text in quotes.")
    section = metadata.get("answer_key", {})
    if not isinstance(section, dict) or section.get("status", "proposed") not in ("proposed", "confirmed") or not (
        isinstance(section.get("disagree", {}), dict)
        and all(isinstance(lines, list) and all(isinstance(n, int) for n in lines)
                for lines in section.get("disagree", {}).values())
    ):
        problems.append(f"{METADATA_FILE}: 'answer_key' must be like {{\"status\": \"proposed\", \"disagree\": "
                        "{\"000\": [3, 7]}} (or delete it once the key is confirmed).")
    notes = metadata.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        problems.append(f"{METADATA_FILE}: 'notes' must be a list of texts.")
    return (metadata if not problems else {}), problems
