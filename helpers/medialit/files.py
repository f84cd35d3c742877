"""Reading the kit's text and JSON files, the one way: byte-order marks accepted, errors that say where.

Every text or JSON file the kit reads (a story's reports, ``story.json``, ``answer_key.json``,
word lists, reference versions) goes through :func:`read_text` or :func:`read_json`:

- UTF-8 with or without the byte-order mark Windows Notepad writes;
- a :class:`StoryError` that names the file, the line and the column, and the fix;
- JSON that is too large, nested too deeply, or holds a number with thousands of digits is refused
  with a reason instead of a ``RecursionError`` or ``ValueError`` traceback.

It also holds the two small helpers every module that names things needs: :func:`slug` (ids that
stay distinct in any script) and :func:`by_id` (find one item by its id, or say which ids exist).

Example:
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "story.json"
    >>> _ = file.write_bytes('\\ufeff{"title": "Урожай"}'.encode("utf-8"))
    >>> read_json(file, "story.json", "Fix that spot.")
    {'title': 'Урожай'}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from .errors import StoryError

#: A story's JSON files are a few kB; anything this big is not one of them.
MAX_JSON_BYTES = 5 * 1024 * 1024
#: The kit's own files nest four levels deep; Python's parser recurses and fails near 1,000.
MAX_JSON_DEPTH = 40
#: Longer numbers are not ids, line numbers or counts (and Python refuses over 4,300 digits).
MAX_NUMBER_DIGITS = 30

_BOM = "\ufeff"
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)

T = TypeVar("T")


def decode_utf8(data: bytes, what: str, resave: str = "Re-save the file as UTF-8 in your text editor.") -> str:
    """Bytes as UTF-8 text without a byte-order mark; :class:`StoryError` says where a bad byte is.

    Example:
        >>> decode_utf8("\\ufeffhé".encode("utf-8"), "a.txt")
        'hé'
        >>> try:
        ...     decode_utf8(b"ok\\n\\xff", "a.txt")
        ... except StoryError as error:
        ...     print(error)
        a.txt is not UTF-8 text: byte 3 (line 2, column 1) cannot be read. Re-save the file as UTF-8 in your text editor.
    """
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        raise StoryError(
            [f"{what} is not UTF-8 text: byte {error.start} (line {line}, column {column}) cannot be read. {resave}"]
        ) from None


def read_bytes(path: str | os.PathLike, what: str = "", limit: int | None = None) -> bytes:
    """A file's bytes; a missing, unreadable or too large file is a :class:`StoryError` naming it.

    Example:
        >>> try:
        ...     read_bytes("/no/such/file.txt", "file.txt")
        ... except StoryError as error:
        ...     print(error)
        file.txt does not exist: check the name and the folder.
    """
    path = Path(path)
    what = what or path.name
    try:
        if limit is not None and path.stat().st_size > limit:
            raise StoryError([f"{what} is over {_size(limit)}, too large for this kind of file: {_SIZE_FIX}"])
        if path.is_dir():
            raise StoryError([f"{what} is a folder, not a file: give the file itself."])
        with path.open("rb") as handle:
            # Read one byte past the limit: a file may grow between stat() and read().
            data = handle.read() if limit is None else handle.read(limit + 1)
    except FileNotFoundError:
        raise StoryError([f"{what} does not exist: check the name and the folder."]) from None
    except PermissionError:
        raise StoryError([f"{what} cannot be read (no permission): ask whoever owns it to let you read it."]) from None
    except OSError as error:
        reason = error.strerror or error
        raise StoryError([f"{what} cannot be read ({reason}): copy it somewhere else and retry."]) from None
    if limit is not None and len(data) > limit:
        raise StoryError([f"{what} is over {_size(limit)}, too large for this kind of file: {_SIZE_FIX}"])
    return data


def read_text(path: str | os.PathLike, what: str = "", limit: int | None = None,
              resave: str = "Re-save the file as UTF-8 in your text editor.") -> str:
    """A UTF-8 text file (a byte-order mark is dropped); :class:`StoryError` names the file, line and column.

    ``what`` is how messages name the file (default: its name); ``limit`` caps its size in bytes.

    Example:
        >>> import tempfile, pathlib
        >>> file = pathlib.Path(tempfile.mkdtemp()) / "000_a.txt"
        >>> _ = file.write_bytes(b"\\xef\\xbb\\xbfHeadline\\n")
        >>> read_text(file)
        'Headline\\n'
    """
    path = Path(path)
    what = what or path.name
    return decode_utf8(read_bytes(path, what, limit), what, resave)


def read_json(path: str | os.PathLike, what: str = "", fix: str = "Fix that spot.",
              resave: str = "re-save it as UTF-8.", limit: int = MAX_JSON_BYTES) -> object:
    """Parse a JSON file; a :class:`StoryError` says which file, where it breaks and ``fix``.

    Accepts a byte-order mark. Refuses, naming the file, JSON over ``limit`` bytes, nested more than
    :data:`MAX_JSON_DEPTH` levels, with numbers over :data:`MAX_NUMBER_DIGITS` digits, or with
    ``NaN``/``Infinity`` (not JSON at all).

    Example:
        >>> import tempfile, pathlib
        >>> bad = pathlib.Path(tempfile.mkdtemp()) / "story.json"
        >>> _ = bad.write_text('{"title": }')
        >>> try:
        ...     read_json(bad, "story.json", "Fix that spot.")
        ... except StoryError as error:
        ...     print(error)
        story.json is not valid JSON (line 1, column 11: Expecting value). Fix that spot.
    """
    path = Path(path)
    what = what or path.name
    text = read_text(path, what, limit=limit, resave=resave[:1].upper() + resave[1:])
    return parse_json(text, what, fix)


def parse_json(text: str, what: str, fix: str = "Fix that spot.") -> object:
    """JSON text as Python data, with the same guards and messages as :func:`read_json`.

    Example:
        >>> try:
        ...     parse_json("[" * 3000, "story.json")
        ... except StoryError as error:
        ...     print(error)
        story.json is nested more than 40 levels deep (line 1, column 41): the kit's files never are. Fix that spot.
    """
    text = text.removeprefix(_BOM)
    depth = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                line, column = _line_column(text, match.start())
                raise StoryError(
                    [f"{what} is nested more than {MAX_JSON_DEPTH} levels deep (line {line}, column {column}): "
                     f"the kit's files never are. {fix}"]
                )
        elif token in "]}":
            depth -= 1
    try:
        return json.loads(text, parse_int=_whole_number, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise StoryError(
            [f"{what} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). {fix}"]
        ) from None
    except _Refused as refused:
        raise StoryError([f"{what} {refused}. {fix}"]) from None
    except RecursionError:  # the depth scan above should make this unreachable; never a traceback
        raise StoryError([f"{what} is nested too deeply to read. {fix}"]) from None


def slug(name: str, fallback: str = "story") -> str:
    """An id made from a title: lower case, words joined by hyphens, letters of every script kept.

    Two titles give the same id only when they have the same words; a title with no letters or
    digits at all gets ``fallback`` plus a short fingerprint of the title, so it is distinct too.

    Example:
        >>> slug("Выборы в Москве 2024"), slug("انتخابات القاهرة"), slug("Mayor's  bridge!")
        ('выборы-в-москве-2024', 'انتخابات-القاهرة', 'mayor-s-bridge')
        >>> slug("") == "story", slug("!!!") != slug("???")
        (True, True)
    """
    text = unicodedata.normalize("NFKC", name).lower()
    # Letters, marks (the vowel signs of Indic scripts) and digits make words; everything else splits them.
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    words = kept.split()
    if words:
        return "-".join(words)
    if not name.strip():
        return fallback
    return f"{fallback}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def by_id(items: Iterable[T], wanted: str, kind: str = "item") -> T:
    """The item whose ``id`` is ``wanted``; a :class:`StoryError` lists the ids there are.

    Example:
        >>> from types import SimpleNamespace as Item
        >>> by_id([Item(id="000"), Item(id="001")], "001").id
        '001'
        >>> try:
        ...     by_id([Item(id="000")], "007", "report")
        ... except StoryError as error:
        ...     print(error)
        There is no report '007' in this story. The reports are: 000.
    """
    items = list(items)
    for item in items:
        if getattr(item, "id") == wanted:
            return item
    known = ", ".join(str(getattr(item, "id")) for item in items) or "none"
    raise StoryError([f"There is no {kind} {wanted!r} in this story. The {kind}s are: {known}."])


class _Refused(ValueError):
    pass


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(f"holds a number with {len(digits.lstrip('-'))} digits, longer than any the kit uses")
    return int(digits)


def _no_constant(name: str) -> float:
    raise _Refused(f"holds {name}, which is not a JSON number")


def _line_column(data: bytes | str, offset: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    column = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, column


def _size(limit: int) -> str:
    return f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit // 1024} kB"


_SIZE_FIX = "check that it is the right file."
