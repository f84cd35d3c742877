"""The word lists behind loaded-word flags: categories, the lexicon, published lists and feeling words.

These are the tables; :mod:`medialit.headlines` holds the algorithm that uses them (the way
trafilatura keeps its rules apart from its extractor). Four data files, each with its source and
licence in its header:

* ``data/lexicon.csv``: the kit's own lexicon, one row per word or phrase with a category and a
  reason; teachers edit it in a spreadsheet (see :func:`load_lexicon`);
* ``data/published_lists.csv``: amplifiers, boosters, hedges, factive and implicative verbs written
  out from Quirk et al. (1985), Hyland (2005), Kiparsky and Kiparsky (1970), Hooper (1975) and
  Karttunen (1971), in the lexicon's format;
* ``data/feelings.tsv``: words people rated strongly negative or positive, from the VADER lexicon
  (MIT licence; see :func:`load_feelings`);
* ``data/plain_news_words.txt``: words that carry a feeling but that news uses as the plain name of
  what happened (``killed``, ``war``, ``support``), never flagged as feeling words.

Example:
    >>> CATEGORIES["feeling"].title, load_feelings()["disgrace"]
    ('Feeling words', -2.2)
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

# Absolute import so `python -m doctest helpers/medialit/word_lists.py` works too.
from medialit.errors import StoryError

@dataclass(frozen=True)
class Category:
    """A kind of loaded language: a title and explanation for students, and its score weight.

    Example:
        >>> CATEGORIES["label"].title
        'Labels for people and groups'
    """

    title: str
    explanation: str
    weight: int


CATEGORIES: dict[str, Category] = {
    "emotive_verb": Category(
        "Fighting words",
        "Verbs that make an action sound more aggressive or dramatic than a plain word would "
        "(threatens, slams, vows).",
        2,
    ),
    "sensational": Category(
        "Shock words",
        "Words chosen to shock or scare, often graphic (bloodbath, carnage, shocking).",
        2,
    ),
    "label": Category(
        "Labels for people and groups",
        "Names that judge a group or government instead of describing it "
        "(regime, terrorists, thugs, puppet).",
        2,
    ),
    "unattributed_claim": Category(
        "Claims with no source",
        "Something stated as a fact although nobody is named as saying it, or a word that "
        "treats a claim as proven (reveals, exposes).",
        3,
    ),
    "loaded_attribution": Category(
        "Loaded 'said' words",
        "Words for saying that hint the speaker is lying or giving in (claims, admits, insists). "
        "'Says', 'said' and 'told' are neutral.",
        1,
    ),
    "vague": Category(
        "Vague or iffy framing",
        "Hedges and unnamed sources that make something sound likely without showing it "
        "(could, reportedly, sources say, if provoked).",
        1,
    ),
    "intensifier": Category(
        "Turned-up volume",
        "Words that make something sound bigger or more important without adding facts "
        "(very, massive, stern, key).",
        1,
    ),
    "feeling": Category(
        "Feeling words",
        "Words that carry a strong feeling, so the reader feels before they know "
        "(disgrace, pathetic, glorious). People rated each one from -4 to +4 (the VADER word list).",
        1,
    ),
}

#: The lexicon category for names and fixed phrases that shield their words from being flagged.
IGNORE = "ignore"

#: Words a teacher might expect in the lexicon, left out on purpose, with the reason.
LEFT_OUT: dict[str, str] = {
    "fire": "Literal in war reports ('open fire', 'came under fire', 'if Fired Upon').",
    "target": "The plain military word; the loaded alternatives are 'shoot', 'crush', 'wipe out'.",
    "warn": "The plain word for announcing a threat; 'threaten' is the loaded one.",
    "retaliate": "The speaker's own word for hitting back; students may still discuss it.",
    "race": "Plain headline English for a competition; a good one for class discussion.",
    "may": "Too often the month (in May) or a name (Theresa May).",
    "major": "Usually a rank (Major-General) or plain 'important'.",
    "fighters": "The neutral alternative to 'militants' or 'terrorists'.",
    "says": "Neutral attribution, like 'said' and 'told'.",
}

LEXICON_COLUMNS = ("phrase", "category", "reason", "forms")
MAX_LEXICON_BYTES = 1024 * 1024

#: Feeling words are flagged when rated at or below this (negative) ...
NEGATIVE_FEELING = -1.0
#: ... or at or above this (positive). News rarely loads a sentence by praise, and mild praise
#: ("good", "better") is ordinary description, so only strong praise counts.
POSITIVE_FEELING = 3.0


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the lexicon: a phrase, its category, the reason shown, and extra forms.

    Example:
        >>> entry = LexiconEntry("vow", "emotive_verb", "Sounds like an oath.")
        >>> entry.phrase, entry.forms
        ('vow', ())
    """

    phrase: str
    category: str
    reason: str
    forms: tuple[str, ...] = ()


def category_title(category: str | None) -> str:
    """A category's title for students; ``"tagged"`` (no kind chosen yet) and unknown ones say so.

    Example:
        >>> category_title("label"), category_title("tagged")
        ('Labels for people and groups', 'no kind chosen')
    """
    if category in CATEGORIES:
        return CATEGORIES[category].title
    # "tagged" is medialit.agreement.TAGGED: a student's tag with no kind chosen yet.
    return "no kind chosen" if category in (None, "tagged") else "unknown kind"


def data_path(name: str) -> Path:
    """A data file shipped with the kit.

    Example:
        >>> data_path("feelings.tsv").name
        'feelings.tsv'
    """
    return Path(str(resources.files("medialit") / "data" / name))


def default_lexicon_path() -> Path:
    """The lexicon shipped with the kit.

    Example:
        >>> default_lexicon_path().name
        'lexicon.csv'
    """
    return data_path("lexicon.csv")


def kit_lexicon() -> tuple[LexiconEntry, ...]:
    """The kit's lexicon followed by the published lists: what flags words when no lexicon is given.

    Example:
        >>> [e.category for e in kit_lexicon() if e.phrase in ("regime", "supposedly")]
        ['label', 'vague']
    """
    return _default_lexicon() + _cached_lexicon(str(data_path("published_lists.csv")), 0, 0)


def load_feelings() -> dict[str, float]:
    """Feeling words and their rating from -4 to +4, as kept in ``data/feelings.tsv``.

    Example:
        >>> load_feelings()["glorious"]
        3.2
    """
    return dict(feeling_table())


@lru_cache(maxsize=1)
def feeling_table() -> MappingProxyType[str, float]:
    """The same ratings as :func:`load_feelings`, read once and shared (read-only).

    Example:
        >>> feeling_table()["pathetic"]
        -2.7
    """
    return MappingProxyType(dict(_feelings()))


def plain_news_words() -> frozenset[str]:
    """Words never flagged as feeling words, from ``data/plain_news_words.txt``.

    Example:
        >>> "killed" in plain_news_words()
        True
    """
    return _plain_words()


@lru_cache(maxsize=1)
def _feelings() -> tuple[tuple[str, float], ...]:
    rows = []
    for line in data_path("feelings.tsv").read_text(encoding="utf-8").splitlines():
        word, _, valence = line.partition("\t")
        if line.startswith("#") or word == "word" or not valence:
            continue
        rows.append((word, float(valence)))
    return tuple(rows)


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    words: set[str] = set()
    for line in data_path("plain_news_words.txt").read_text(encoding="utf-8").splitlines():
        words.update(line.partition("#")[0].lower().split())
    return frozenset(words)


def load_lexicon(path: str | os.PathLike | None = None) -> tuple[LexiconEntry, ...]:
    """Read a lexicon CSV (default: the kit's own); :class:`StoryError` lists every bad row.

    Columns: ``phrase``, ``category`` (an id from :data:`CATEGORIES`, or ``ignore``),
    ``reason``, and optional ``forms`` (extra spellings or irregular forms, separated by ``;``).
    A spreadsheet's UTF-8 byte-order mark and ``;``-separated files are accepted.

    Example:
        >>> lexicon = load_lexicon()
        >>> [entry.category for entry in lexicon if entry.phrase == "regime"]
        ['label']
    """
    file = Path(path).expanduser() if path is not None else default_lexicon_path()
    name = file.name
    if not file.is_file():
        raise StoryError([f"The lexicon file {file} does not exist: check the path, or leave it out to use the kit's own."])
    if file.stat().st_size > MAX_LEXICON_BYTES:
        raise StoryError([f"{name} is over 1 MB: a lexicon is a short list of words. Is it the right file?"])
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StoryError(
            [f"{name} line {line} is not UTF-8 text. In your spreadsheet, save as 'CSV UTF-8'."]
        ) from None
    return _parse_lexicon(text, name)


def _default_lexicon() -> tuple[LexiconEntry, ...]:
    path = default_lexicon_path()
    try:
        stat = path.stat()
    except OSError:
        return load_lexicon(path)  # raises a StoryError that names the file
    # Keyed on the file's size and time, so a teacher's edit is picked up without a restart.
    return _cached_lexicon(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _cached_lexicon(path: str, mtime_ns: int, size: int) -> tuple[LexiconEntry, ...]:
    return load_lexicon(path)


def _parse_lexicon(text: str, name: str) -> tuple[LexiconEntry, ...]:
    # Notes at the top (lines starting with '#': sources and licences) are skipped; line numbers
    # in messages still count them, so they match what a spreadsheet shows.
    all_lines = text.splitlines()
    notes = next((i for i, line in enumerate(all_lines) if not line.startswith("#")), len(all_lines))
    lines = all_lines[notes:]
    text = "\n".join(lines)
    if not lines or not lines[0].strip():
        raise StoryError([f"{name} is empty: its first line must be the headings {','.join(LEXICON_COLUMNS)}."])
    # Spreadsheets in many European locales save CSV with ';' between columns.
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in LEXICON_COLUMNS[:3] if column not in header]
    if missing:
        raise StoryError(
            [
                f"{name} line {notes + 1} must be the headings {','.join(LEXICON_COLUMNS)} "
                f"(found {','.join(header)!s:.80}); missing: {', '.join(missing)}."
            ]
        )
    column = {heading: header.index(heading) for heading in LEXICON_COLUMNS if heading in header}
    known = ", ".join([*CATEGORIES, IGNORE])
    problems: list[str] = []
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=notes + 2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(heading: str) -> str:
            index = column.get(heading)
            return row[index].strip() if index is not None and index < len(row) else ""

        phrase = " ".join(cell("phrase").split())
        category = cell("category").lower()
        reason = cell("reason")
        where = f"{name} line {number}"
        if not phrase:
            problems.append(f"{where}: the phrase is empty. Type the word or phrase in the first column, or delete the row.")
            continue
        if not re.search(r"\w", phrase):
            problems.append(f"{where}: the phrase {phrase[:40]!r} has no letters. Type a word or phrase.")
            continue
        if category not in CATEGORIES and category != IGNORE:
            problems.append(
                f"{where}: the category {category[:40]!r} of {phrase[:40]!r} is not one the kit knows. "
                f"Use one of: {known}."
            )
            continue
        if not reason:
            problems.append(f"{where}: {phrase[:40]!r} has no reason. Write one sentence a student can read when it is flagged.")
            continue
        key = phrase.lower()
        if key in seen:
            problems.append(f"{where}: {phrase[:40]!r} is already on line {seen[key]}. Delete one of the two rows.")
            continue
        seen[key] = number
        forms = tuple(" ".join(form.split()) for form in cell("forms").split(";") if form.strip())
        entries.append(LexiconEntry(phrase, category, reason, forms))
    if problems:
        raise StoryError(problems)
    return tuple(entries)
