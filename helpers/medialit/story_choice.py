"""Which story this computer's lessons use, when a teacher picks one in the story builder.

``load_story()`` with no folder uses, in order: ``$MEDIALIT_STORY``, the story chosen here,
then the bundled story. The choice is one line (the story folder) in ``chosen-story.txt`` in
the work folder (``~/medialit-work`` or ``$MEDIALIT_WORK``), so it applies to this user on this
computer: on a JupyterHub each student has their own, and a teacher points the whole class at a
story with ``MEDIALIT_STORY`` in the hub's settings instead (``docs/jupyterhub.md``).

Example:
    >>> import tempfile, pathlib
    >>> work = pathlib.Path(tempfile.mkdtemp())
    >>> story = work / "my-story"; story.mkdir()
    >>> choose_story(story, work) == story, chosen_story(work) == story
    (True, True)
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StoryError
from .progress import default_work_folder, write_atomically

CHOICE_FILE = "chosen-story.txt"


def _choice_path(work_folder: str | os.PathLike | None) -> Path:
    return Path(work_folder).expanduser() if work_folder is not None else default_work_folder()


def choose_story(folder: str | os.PathLike, work_folder: str | os.PathLike | None = None) -> Path:
    """Make every lesson on this computer use the story in ``folder``; return it as an absolute path.

    Example:
        >>> import tempfile
        >>> choose_story("/no/such/story", tempfile.mkdtemp())
        Traceback (most recent call last):
        ...
        medialit.errors.StoryError: The story folder /no/such/story does not exist: build the story first, then choose it.
    """
    story = Path(folder).expanduser().resolve()
    if not story.is_dir():
        raise StoryError([f"The story folder {story} does not exist: build the story first, then choose it."])
    target = _choice_path(work_folder) / CHOICE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, str(story) + "\n")
    return story


def chosen_story(work_folder: str | os.PathLike | None = None) -> Path | None:
    """The story folder chosen with :func:`choose_story`, or None (none chosen, or it has gone).

    Example:
        >>> import tempfile
        >>> chosen_story(tempfile.mkdtemp()) is None
        True
    """
    path = _choice_path(work_folder) / CHOICE_FILE
    try:
        text = path.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError):
        return None
    story = Path(text) if text else None
    return story if story is not None and story.is_dir() else None


def forget_story_choice(work_folder: str | os.PathLike | None = None) -> None:
    """Go back to the bundled story (or ``$MEDIALIT_STORY``).

    Example:
        >>> import tempfile
        >>> forget_story_choice(tempfile.mkdtemp())
    """
    try:
        (_choice_path(work_folder) / CHOICE_FILE).unlink()
    except FileNotFoundError:
        pass
