"""A story's published wordings of its statement (``reference_quotes.json``): versions, variants, notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medialit.errors import StoryError
from medialit.files import read_json
from medialit.quotes.records import REFERENCE_FILE, ReferenceVersion
from medialit.quotes.vocabulary import Synonyms, content_words  # noqa: F401  (content_words: examples)
from medialit.story import load_story  # noqa: F401  (examples)

# --- reference versions -----------------------------------------------------------------------


def _reference_file(story: Any) -> Path | None:
    folder = getattr(story, "folder", None)
    if folder is None:
        return None
    path = Path(folder) / REFERENCE_FILE
    return path if path.is_file() else None


def _read_reference(path: Path) -> dict:
    data = read_json(path, REFERENCE_FILE, "Fix that spot, or delete the file: it is optional.")
    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        raise StoryError(
            [f"{REFERENCE_FILE} must hold one JSON object with a list 'versions': [{{\"source\": ..., \"remark\": ..., "
             "\"text\": ..., \"language\": ...}}, ...]. Fix it, or delete the file: it is optional."]
        )
    return data


def reference_versions(story: Any) -> list[ReferenceVersion]:
    """The published wordings of the story's statement, from ``reference_quotes.json``.

    Returns ``[]`` when the story folder has no such file; raises
    :class:`medialit.story.StoryError` naming the file, the entry and the fix when it
    is malformed.

    Example:
        >>> sorted({v.name for v in reference_versions(load_story())})
        ['AFP', 'Reuters', 'Russian original', 'TASS', 'Washington Post']
    """
    path = _reference_file(story)
    if path is None:
        return []
    data = _read_reference(path)
    problems: list[str] = []
    versions: list[ReferenceVersion] = []
    for n, entry in enumerate(data["versions"], start=1):
        if not isinstance(entry, dict):
            problems.append(f"{REFERENCE_FILE}: version {n} must be an object {{...}}.")
            continue
        missing = [key for key in ("source", "remark", "text", "language") if not isinstance(entry.get(key), str) or not entry.get(key)]
        wrong = [key for key in ("citation", "name", "speaker", "speech", "as_given", "note") if key in entry and not isinstance(entry[key], str)]
        if missing or wrong:
            problems.append(
                f"{REFERENCE_FILE}: version {n} needs text in quotes for "
                f"{', '.join(repr(k) for k in missing + wrong)}."
            )
            continue
        versions.append(
            ReferenceVersion(
                source=entry["source"],
                remark=entry["remark"],
                text=entry["text"],
                language=entry["language"],
                citation=entry.get("citation", ""),
                name=entry.get("name", ""),
                speaker=entry.get("speaker", data.get("speaker", "") if isinstance(data.get("speaker"), str) else ""),
                speech=entry.get("speech", "direct"),
                as_given=entry.get("as_given", ""),
                note=entry.get("note", ""),
            )
        )
    if problems:
        raise StoryError(problems)
    return versions


def reference_synonyms(story: Any) -> Synonyms:
    """The story's translation variants: the ``"synonyms"`` section of ``reference_quotes.json``.

    The section holds a ``"note"`` for teachers and lists of wordings that count as one
    word when this story's quotes are matched: ``"words"`` and ``"phrases"`` (wordings of
    several words), both lists of lists. Returns an empty :class:`Synonyms` when the
    story has no reference file or the file has no such section; raises
    :class:`medialit.story.StoryError` naming the file and the fix when it is malformed.

    Example:
        >>> syn = reference_synonyms(load_story())
        >>> sorted(content_words("would be quickly shut down", syn))
        ['immediately', 'suppress']
    """
    path = _reference_file(story)
    if path is None:
        return Synonyms()
    section = _read_reference(path).get("synonyms")
    if section is None:
        return Synonyms()
    shape = (
        f"{REFERENCE_FILE}: 'synonyms' must be an object with a \"note\" and lists of wordings that count as one "
        "word, like \"words\": [[\"suppressed\", \"destroyed\"]] and \"phrases\": [[\"fire points\", \"firing positions\"]]."
    )
    if not isinstance(section, dict):
        raise StoryError([shape])
    groups: list[tuple[str, ...]] = []
    problems: list[str] = []
    for part in ("words", "phrases"):
        lists = section.get(part, [])
        if not isinstance(lists, list):
            problems.append(shape)
            continue
        for n, group in enumerate(lists, start=1):
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
                problems.append(
                    f"{REFERENCE_FILE}: synonyms {part} list {n} must hold two or more wordings in quotes, "
                    f"like [\"suppressed\", \"destroyed\"]."
                )
                continue
            groups.append(tuple(group))
    if problems:
        raise StoryError(list(dict.fromkeys(problems)))
    return Synonyms(tuple(groups))


def reference_notes(story: Any) -> list[str]:
    """The teaching notes that come with the reference versions ([] when there are none).

    Example:
        >>> reference_notes(load_story())[0][:30]
        '"средствами поражения" is lite'
    """
    path = _reference_file(story)
    if path is None:
        return []
    notes = _read_reference(path).get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        raise StoryError([f"{REFERENCE_FILE}: 'notes' must be a list of texts in quotes."])
    return list(notes)
