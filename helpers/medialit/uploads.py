"""Files a teacher uploads in the story builder, written safely into a folder.

JupyterLab's upload control hands the kernel each file's name and bytes. Names come from
the teacher's computer, so they are reduced to a plain file name (no folders, no leading dots),
files of the wrong kind or too large are refused with a reason, and two files with the same
name never overwrite each other.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> saved = save_uploads([("../Report one.html", b"<h1>Hi</h1>"), ("notes.docx", b"x")], folder)
    >>> [path.name for path in saved.files], saved.refused
    (['Report one.html'], ('notes.docx: not one of the kinds of file the kit reads (.txt, .html, .htm, .xhtml, .mhtml, .mht); left out.',))
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from .newstory import SOURCE_SUFFIXES
from .story import MAX_REPORT_BYTES

#: What the story builder accepts: what ``new-story`` reads (saved web pages and plain-text copies).
PAGE_SUFFIXES = SOURCE_SUFFIXES
#: A saved web page is bigger than its text; the converter caps the text it keeps.
MAX_UPLOAD_BYTES = 8 * MAX_REPORT_BYTES
#: More reports than the lessons can show side by side is a mistake, not a story.
MAX_UPLOADS = 60
_UNSAFE = re.compile(r"[\x00-\x1f<>:\"|?*\\/]")


@dataclass(frozen=True)
class SavedUploads:
    """The files written, and one sentence per file that was not.

    Example:
        >>> SavedUploads((), ("x: empty; left out.",)).refused
        ('x: empty; left out.',)
    """

    files: tuple[Path, ...]
    refused: tuple[str, ...]


def safe_name(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no control characters, no leading dots.

    Example:
        >>> safe_name("C:\\\\Users\\\\me\\\\..\\\\.hidden page.html")
        'hidden page.html'
    """
    base = PureWindowsPath(PurePosixPath(str(name)).name).name
    base = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    return base[:120] or "page"


def save_uploads(uploads: list[tuple[str, bytes]], folder: str | os.PathLike,
                 suffixes: tuple[str, ...] = PAGE_SUFFIXES) -> SavedUploads:
    """Write uploaded ``(name, bytes)`` pairs into ``folder``; refuse the ones that cannot be pages.

    Example:
        >>> import tempfile
        >>> save_uploads([("a.txt", b"")], tempfile.mkdtemp()).refused
        ('a.txt: the file is empty; left out.',)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    refused: list[str] = []
    for index, (name, data) in enumerate(uploads):
        clean = safe_name(name)
        if index >= MAX_UPLOADS:
            refused.append(f"{clean}: more than {MAX_UPLOADS} files at once; left out.")
            continue
        if Path(clean).suffix.lower() not in suffixes:
            refused.append(f"{clean}: not one of the kinds of file the kit reads ({', '.join(suffixes)}); left out.")
            continue
        if not data:
            refused.append(f"{clean}: the file is empty; left out.")
            continue
        if len(data) > MAX_UPLOAD_BYTES:
            refused.append(f"{clean}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB, so not one news page; left out.")
            continue
        target = _unused(folder / clean)
        target.write_bytes(bytes(data))
        written.append(target)
    return SavedUploads(tuple(written), tuple(refused))


def _unused(path: Path) -> Path:
    """``path``, or ``name (2).ext``, ``name (3).ext``... when it is taken."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate
