"""A story's background card for lesson 0: who is who, where it happened, and a content note.

The card is the story's optional ``background.json`` (every section optional, so a teacher who
brings a story can write as much as they know)::

    {"content_note": {"students": "...", "teachers": "...", "sources": ["..."]},
     "who_is_who": [{"name": "...", "called_in_the_reports": ["..."], "who": "...", "side": "...",
                     "sources": ["..."]}],
     "map": {"title": "...", "caption": "...", "note": "...",
             "places": [{"name": "...", "lat": 35.3, "lon": 40.1, "role": "...", "source": "..."}],
             "lines": [{"name": "...", "through": ["place", "place"], "source": "..."}]}}

:func:`load_background` reads it tolerantly: an entry of the wrong shape is left out and
listed in ``Background.skipped``; a file that is not JSON is a :class:`StoryError` naming it.

Example:
    >>> from medialit import load_story
    >>> card = load_background(load_story())
    >>> card.people[0].name, card.places[0].name
    ('The Russian Defence Ministry', 'Deir Ezzor')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .files import read_json
from .story import Story

BACKGROUND_FILE = "background.json"
#: A card is read at a glance: more than this many people or places is not a card.
MAX_ENTRIES = 20


@dataclass(frozen=True)
class Person:
    """One side or actor in the story: who they are, which side, and what the reports call them.

    Example:
        >>> Person("The SDF", "A militia.", "with the coalition").side
        'with the coalition'
    """

    name: str
    who: str
    side: str = ""
    called: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place on the map, with what it is in the story.

    Example:
        >>> Place("Raqqa", 35.95, 39.01).role
        ''
    """

    name: str
    lat: float
    lon: float
    role: str = ""
    source: str = ""


@dataclass(frozen=True)
class Line:
    """A line joining places in order (a river through towns on it), drawn as a sketch, not a course.

    Example:
        >>> Line("Euphrates", ("Raqqa", "Deir Ezzor")).through
        ('Raqqa', 'Deir Ezzor')
    """

    name: str
    through: tuple[str, ...]


@dataclass(frozen=True)
class Background:
    """The parts of a story's background card that were well formed, and what was left out.

    Example:
        >>> Background().empty
        True
    """

    note: str = ""
    note_sources: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    map_title: str = ""
    map_caption: str = ""
    map_note: str = ""
    places: tuple[Place, ...] = ()
    lines: tuple[Line, ...] = ()
    skipped: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """True when there is nothing to show."""
        return not (self.note or self.people or self.places)


def load_background(story: Story) -> Background:
    """The story's background card (an empty one when the story has no ``background.json``).

    Example:
        >>> import tempfile, pathlib
        >>> from types import SimpleNamespace
        >>> load_background(SimpleNamespace(folder=pathlib.Path(tempfile.mkdtemp()))).empty
        True
    """
    path = story.folder / BACKGROUND_FILE
    if not path.is_file():
        return Background()
    data = read_json(path, f"{path.name} (the background card)", "Fix that spot, or remove the file.")
    data = data if isinstance(data, dict) else {}
    skipped: list[str] = []
    note = _section(data, "content_note", skipped)
    people = [_person(entry, skipped) for entry in _entries(data, "who_is_who", skipped)]
    where = _section(data, "map", skipped)
    places = [_place(entry, skipped) for entry in _entries(where, "places", skipped)]
    known = {place.name for place in places if place}
    lines = [_line(entry, known, skipped) for entry in _entries(where, "lines", skipped)]
    return Background(
        note=_text(note.get("students")),
        note_sources=_texts(note.get("sources")),
        people=tuple(person for person in people if person),
        map_title=_text(where.get("title")),
        map_caption=_text(where.get("caption")),
        map_note=_text(where.get("note")),
        places=tuple(place for place in places if place),
        lines=tuple(line for line in lines if line),
        skipped=tuple(skipped),
    )


def _text(value: object, limit: int = 2_000) -> str:
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


def _texts(value: object) -> tuple[str, ...]:
    return tuple(text for text in (_text(item) for item in value) if text)[:MAX_ENTRIES] if isinstance(value, list) else ()


def _section(data: dict, key: str, skipped: list[str]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        skipped.append(f"'{key}' is not a section ({{...}}); left out.")
        return {}
    return value


def _entries(data: dict, key: str, skipped: list[str]) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        skipped.append(f"'{key}' is not a list; left out.")
        return []
    if len(value) > MAX_ENTRIES:
        skipped.append(f"'{key}' has {len(value)} entries; the first {MAX_ENTRIES} are shown.")
    return value[:MAX_ENTRIES]


def _person(entry: object, skipped: list[str]) -> Person | None:
    if not isinstance(entry, dict) or not _text(entry.get("name")) or not _text(entry.get("who")):
        skipped.append("an entry of 'who_is_who' has no name or no 'who'; left out.")
        return None
    return Person(_text(entry["name"], 120), _text(entry["who"]), _text(entry.get("side"), 200),
                  _texts(entry.get("called_in_the_reports")), _texts(entry.get("sources")))


def _place(entry: object, skipped: list[str]) -> Place | None:
    if isinstance(entry, dict) and _text(entry.get("name")):
        lat, lon = entry.get("lat"), entry.get("lon")
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)) and abs(lat) <= 90 and abs(lon) <= 180:
            return Place(_text(entry["name"], 80), float(lat), float(lon), _text(entry.get("role"), 200),
                         _text(entry.get("source"), 400))
    skipped.append("a place on the map has no name, or no latitude and longitude in degrees; left out.")
    return None


def _line(entry: object, known: set[str], skipped: list[str]) -> Line | None:
    through = tuple(_text(name) for name in entry.get("through", [])) if isinstance(entry, dict) and isinstance(entry.get("through"), list) else ()
    if len(through) >= 2 and all(name in known for name in through):
        return Line(_text(entry.get("name"), 80), through)
    skipped.append("a line on the map does not join two or more of the map's places; left out.")
    return None
