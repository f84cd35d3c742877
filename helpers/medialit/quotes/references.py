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


# --- a story's references/ folder ---------------------------------------------------------------

#: The language code of a reference whose script is not Latin: compared by meaning, never word by word.
OTHER_LANGUAGE = "other"


def _language(text: str) -> str:
    """'en' for text in Latin letters, else :data:`OTHER_LANGUAGE` (the file does not say)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    return "en" if letters and latin >= 0.9 * len(letters) else OTHER_LANGUAGE


def folder_versions(story: Any, group_text: str, synonyms: Synonyms | None = None) -> list[ReferenceVersion]:
    """The story's ``references/`` files as versions of one remark (the text ``group_text``).

    From an English file, the sentence (or two running sentences) that is the same remark
    by the rule of :func:`medialit.quotes.align_quotes`; a file with no such sentence gives
    nothing. A file in another script is given whole: it is shown as text, compared by
    meaning. ``source`` is the file's first line (who published it, and when).

    Example:
        >>> from types import SimpleNamespace
        >>> from medialit.story import Reference
        >>> story = SimpleNamespace(references=(Reference("wire.txt", "Wire, 2 May 2024",
        ...     "The mayor spoke. The old bridge will close on Monday for urgent repairs."),))
        >>> [v.text for v in folder_versions(story, "the old bridge will close on Monday")]
        ['The old bridge will close on Monday for urgent repairs.']
    """
    from medialit.quotes.vocabulary import _same_remark, _similarity  # noqa: PLC0415 - one rule, kept there
    from medialit.text import sentences  # noqa: PLC0415

    wanted = content_words(group_text, synonyms)
    found: list[ReferenceVersion] = []
    for reference in getattr(story, "references", ()) or ():
        text = str(getattr(reference, "text", "")).strip()
        source = str(getattr(reference, "source", "")) or str(getattr(reference, "filename", "reference"))
        if not text:
            continue
        language = _language(text)
        common = dict(source=source, remark="", language=language, name=source.split(",")[0].strip() or source,
                      citation=str(getattr(reference, "filename", "")))
        if language != "en":
            found.append(ReferenceVersion(text=text, **common))
            continue
        pieces = [s.text for s in sentences(text)]
        candidates = pieces + [f"{a} {b}" for a, b in zip(pieces, pieces[1:])]
        best, best_score = "", 0.0
        for candidate in candidates:
            words = content_words(candidate, synonyms)
            if _same_remark(words, wanted, "", ""):
                score = _similarity(words, wanted) - len(words) / 1000  # the shorter of equals
                if score > best_score:
                    best, best_score = candidate, score
        if best:
            found.append(ReferenceVersion(text=best, **common))
    return found
