"""Lesson 4's word lists: the groups of words to count, the source lists and the number topics.

A story's own ``terms.json`` (in its folder) comes first; every part it leaves out comes from
the kit's general lists, which hold for any story (reporting verbs, news agencies, titles):
see :func:`story_terms`. The bundled story keeps its hand-made list.

Example:
    >>> [g.id for g in load_terms().groups]
    ['sides_government', 'sides_isis', 'sides_sdf', 'attribution']
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

# Absolute, not relative, so `python -m doctest helpers/medialit/terms.py` runs the examples.
from medialit.errors import StoryError
from medialit.files import parse_json, read_json
from medialit.progress import write_atomically
from medialit.story import Story

__all__ = [
    "MEASURES",
    "SOURCE_KINDS",
    "TERMS_FILE",
    "NumberTopic",
    "TermGroup",
    "Terms",
    "bundled_terms_file",
    "general_terms",
    "general_terms_file",
    "load_terms",
    "parse_terms",
    "story_terms",
    "terms_problems",
    "write_terms",
]

TERMS_FILE = "terms.json"
SOURCE_KINDS: tuple[str, ...] = ("news_agency", "named_official", "anonymous", "institution", "other_outlet")
MEASURES: tuple[str, ...] = ("distance", "speed", "percentage", "count", "date", "time", "money", "duration", "number")


@dataclass(frozen=True)
class TermGroup:
    """A group of words the reports may choose differently, e.g. the names of one side.

    ``terms`` maps each term's name to every form counted for it.

    Example:
        >>> group = TermGroup("g", "Colours", {"red": ("red", "reds")})
        >>> group.terms["red"]
        ('red', 'reds')
    """

    id: str
    title: str
    terms: dict[str, tuple[str, ...]]
    note: str = ""


@dataclass(frozen=True)
class NumberTopic:
    """One thing several reports give a number for, found by cue words in the sentence.

    Example:
        >>> NumberTopic("gap", "Distance", "distance", "", ("apart",)).measure
        'distance'
    """

    id: str
    title: str
    measure: str
    unit: str
    cues: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Terms:
    """Everything in ``terms.json``: word groups, source lists and number topics.

    Example:
        >>> load_terms().group("sides_isis").title
        'Naming Islamic State'
    """

    groups: tuple[TermGroup, ...]
    #: kind -> source name -> forms, for the kinds found by name.
    sources: dict[str, dict[str, tuple[str, ...]]]
    reporting_verbs: tuple[str, ...]
    titles: tuple[str, ...]
    anonymous_roles: tuple[str, ...]
    anonymous_modifiers: tuple[str, ...]
    number_topics: tuple[NumberTopic, ...]
    path: str = ""
    #: Capitalised words of the story that are never part of a person's name (its places).
    not_people: tuple[str, ...] = ()

    def group(self, group_id: str) -> TermGroup:
        """The group with this id; :class:`StoryError` naming the known ids if there is none."""
        for group in self.groups:
            if group.id == group_id:
                return group
        known = ", ".join(g.id for g in self.groups)
        raise StoryError([f"There is no word group {group_id!r} in {self.path or TERMS_FILE}. The groups are: {known}."])


def bundled_terms_file() -> Path:
    """The bundled story's own ``terms.json`` (hand-made for its five reports)."""
    return Path(str(resources.files("medialit") / "data" / "story" / TERMS_FILE))


def general_terms_file() -> Path:
    """The kit's general ``terms.json``: groups, sources and titles that hold for any story."""
    return Path(str(resources.files("medialit") / "data" / TERMS_FILE))


def general_terms() -> Terms:
    """The general word lists, used for any part a story does not list itself.

    Example:
        >>> "attribution" in [g.id for g in general_terms().groups]
        True
    """
    return load_terms(general_terms_file())


def story_terms(story: Story) -> Terms:
    """The word lists for ``story``: its own ``terms.json`` first, the general lists for the rest.

    Each part the story's file leaves out (its ``groups``, ``sources`` lists or
    ``number_topics``) comes from :func:`general_terms`; a story without the file gets the
    general lists whole. A broken file is a :class:`StoryError` naming it.

    Example:
        >>> from medialit.story import load_story
        >>> story_terms(load_story()).group("sides_isis").title
        'Naming Islamic State'
    """
    general = general_terms()
    own = Path(story.folder) / TERMS_FILE
    if not own.is_file():
        return general
    data = read_json(own, str(own), "Look for a missing comma or quote just before that spot.",
                     resave="re-save it as UTF-8 in your text editor.")
    if isinstance(data, dict) and "groups" not in data:
        data = {**data, "groups": [_group_json(g) for g in general.groups]}
    problems: list[str] = []
    terms = _parse_terms(data, str(own), problems)
    if problems:
        raise StoryError(problems)
    sources = dict(terms.sources)
    for kind, names in general.sources.items():
        sources.setdefault(kind, names)
    return replace(
        terms,
        sources=sources,
        reporting_verbs=terms.reporting_verbs or general.reporting_verbs,
        titles=terms.titles or general.titles,
        anonymous_roles=terms.anonymous_roles or general.anonymous_roles,
        anonymous_modifiers=terms.anonymous_modifiers or general.anonymous_modifiers,
        number_topics=terms.number_topics if isinstance(data, dict) and "number_topics" in data else general.number_topics,
    )


def parse_terms(data: object, name: str) -> Terms:
    """Word lists from JSON data already read; :class:`StoryError` lists every problem, naming ``name``.

    Example:
        >>> parse_terms({"groups": [{"id": "g", "title": "G", "terms": {"storm": ["storm"]}}]}, "t.json").groups[0].id
        'g'
    """
    problems: list[str] = []
    terms = _parse_terms(data, name, problems)
    if problems:
        raise StoryError(problems)
    return terms


def terms_problems(story_folder: str | os.PathLike) -> list[str]:
    """What is wrong with a story folder's ``terms.json``, for the story check ([] when fine or absent).

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "terms.json").write_text('{"groups": "storm"}')
        >>> "'groups' must be a list" in terms_problems(folder)[0]
        True
    """
    path = Path(story_folder) / TERMS_FILE
    if not path.is_file():
        return []
    try:
        data = read_json(path, str(path), "Look for a missing comma or quote just before that spot.",
                         resave="re-save it as UTF-8 in your text editor.")
        if isinstance(data, dict) and "groups" not in data:
            data = {**data, "groups": [_group_json(g) for g in general_terms().groups]}
        parse_terms(data, str(path))
    except StoryError as error:
        return list(error.problems)
    return []


def _group_json(group: TermGroup) -> dict:
    return {"id": group.id, "title": group.title, "note": group.note, "terms": {t: list(f) for t, f in group.terms.items()}}


def load_terms(path: str | os.PathLike | None = None) -> Terms:
    """Read the word lists in one file: the bundled story's ``terms.json``, or the file at ``path``.

    Raises :class:`~medialit.story.StoryError` naming the file, each problem and its fix.

    Example:
        >>> [g.id for g in load_terms().groups]
        ['sides_government', 'sides_isis', 'sides_sdf', 'attribution']
    """
    file = bundled_terms_file() if path is None else Path(path).expanduser()
    name = str(file)
    if not file.is_file():
        raise StoryError([f"The word-list file {name} does not exist: check the path, or leave it out to use the kit's own."])
    data = read_json(file, name, "Look for a missing comma or quote just before that spot.",
                     resave="re-save it as UTF-8 in your text editor.")
    problems: list[str] = []
    terms = _parse_terms(data, name, problems)
    if problems:
        raise StoryError(problems)
    return terms


def _text_list(value: object, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where} must be a list of words in quotes, like [\"storm\", \"storms\"].")
        return ()
    return tuple(v.strip() for v in value)


def _forms_map(value: object, where: str, problems: list[str]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        problems.append(f"{where} must be an object like {{\"storm\": [\"storm\", \"storms\"]}}.")
        return {}
    return {str(key): _text_list(forms, f"{where}: '{key}'", problems) for key, forms in value.items()}


def _parse_terms(data: object, name: str, problems: list[str]) -> Terms:
    if not isinstance(data, dict):
        problems.append(f"{name} must hold one JSON object {{...}} with a 'groups' list.")
        return Terms((), {}, (), (), (), (), (), name)
    groups: list[TermGroup] = []
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        problems.append(f"{name}: 'groups' must be a list [...] with at least one group {{\"id\": ..., \"title\": ..., \"terms\": {{...}}}}.")
        raw_groups = []
    owner: dict[str, str] = {}
    for number, raw in enumerate(raw_groups, start=1):
        where = f"{name}: group {number}"
        if not isinstance(raw, dict):
            problems.append(f"{where} must be an object {{...}} with 'id', 'title' and 'terms'.")
            continue
        group_id, title, note = raw.get("id"), raw.get("title"), raw.get("note", "")
        if not isinstance(group_id, str) or not re.fullmatch(r"[A-Za-z0-9_\-]+", group_id):
            problems.append(f"{where} needs an 'id' in quotes made of letters, digits and _ (no spaces).")
            continue
        where = f"{name}: group '{group_id}'"
        if any(g.id == group_id for g in groups):
            problems.append(f"{where} appears twice: give each group its own id.")
            continue
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where} needs a 'title' in quotes that students will see.")
        if not isinstance(note, str):
            problems.append(f"{where}: 'note' must be text in quotes.")
        forms = _forms_map(raw.get("terms"), f"{where}: 'terms'", problems)
        seen_forms: dict[str, str] = {}
        for term, variants in forms.items():
            # One name per term across the file, so a table column is never ambiguous.
            if term in owner:
                problems.append(f"{where}: the term '{term}' is also in group '{owner[term]}': rename one of them.")
            owner[term] = group_id
            for variant in variants:
                key = variant.casefold()
                if key in seen_forms and seen_forms[key] != term:
                    problems.append(
                        f"{where}: '{variant}' is listed under both '{seen_forms[key]}' and '{term}': keep it under one."
                    )
                seen_forms[key] = term
        groups.append(TermGroup(group_id, str(title or ""), forms, str(note or "")))

    raw_sources = data.get("sources", {})
    sources: dict[str, dict[str, tuple[str, ...]]] = {}
    verbs: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    not_people: tuple[str, ...] = ()
    if not isinstance(raw_sources, dict):
        problems.append(f"{name}: 'sources' must be an object {{...}}.")
    else:
        for kind in ("news_agency", "other_outlet", "institution"):
            if kind in raw_sources:
                sources[kind] = _forms_map(raw_sources[kind], f"{name}: sources '{kind}'", problems)
        lists = {}
        for key in ("reporting_verbs", "titles", "anonymous_roles", "anonymous_modifiers", "not_people"):
            lists[key] = _text_list(raw_sources[key], f"{name}: sources '{key}'", problems) if key in raw_sources else ()
        verbs, titles = lists["reporting_verbs"], lists["titles"]
        roles, modifiers = lists["anonymous_roles"], lists["anonymous_modifiers"]
        not_people = lists["not_people"]

    topics: list[NumberTopic] = []
    raw_topics = data.get("number_topics", [])
    if not isinstance(raw_topics, list):
        problems.append(f"{name}: 'number_topics' must be a list [...].")
        raw_topics = []
    for number, raw in enumerate(raw_topics, start=1):
        where = f"{name}: number topic {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("title"), str):
            problems.append(f"{where} must be an object with an 'id' and a 'title' in quotes.")
            continue
        measure = raw.get("measure")
        if measure not in MEASURES:
            problems.append(f"{where}: 'measure' must be one of {', '.join(MEASURES)}.")
            continue
        unit = raw.get("unit", "")
        if not isinstance(unit, str):
            problems.append(f"{where}: 'unit' must be text in quotes (or \"\" for any unit).")
            continue
        cues = _text_list(raw.get("cues"), f"{where}: 'cues'", problems)
        topics.append(NumberTopic(raw["id"], raw["title"], measure, unit, cues, str(raw.get("note", ""))))
    return Terms(tuple(groups), sources, verbs, titles, roles, modifiers, tuple(topics), name, not_people)


def write_terms(story_folder: str | os.PathLike, groups: Iterable[TermGroup]) -> Path:
    """Save ``groups`` as the story's ``terms.json`` and return its path.

    The other parts of an existing file (its ``sources`` lists, ``number_topics``) are kept.
    The file is checked by reading it back the way lesson 4 does, and written in one step,
    so a broken list never replaces a good one: a :class:`StoryError` says what is wrong.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> path = write_terms(folder, [TermGroup("g", "Storm words", {"storm": ("storm", "storms")})])
        >>> import json
        >>> json.loads(path.read_text())["groups"][0]["terms"]
        {'storm': ['storm', 'storms']}
    """
    folder = Path(story_folder)
    if not folder.is_dir():
        raise StoryError([f"{folder} is not a folder: give the story's folder, where its pages are."])
    path = folder / TERMS_FILE
    data: dict = {}
    if path.is_file():
        old = read_json(path, str(path), "Fix that spot, or delete the file to start again.")
        data = dict(old) if isinstance(old, dict) else {}
    data.setdefault("note", "Word lists for lesson 4, proposed by the kit from this story's reports: rename, merge, "
                            "drop or add groups in any text editor. Parts left out come from the kit's general lists.")
    data["groups"] = [
        {"id": g.id, "title": g.title, "note": g.note, "terms": {term: list(forms) for term, forms in g.terms.items()}}
        for g in groups
    ]
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    parse_terms(parse_json(text, str(path)), str(path))  # raises before anything is written
    write_atomically(path, text)
    return path
