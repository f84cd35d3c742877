"""Lesson 4: how each report names the sides, whom it cites and which numbers it gives.

Three analyses over a report's article body (reader comments only when asked):

* :func:`count_terms` / :func:`count_table` count the words of the teacher-editable
  groups in ``data/terms.json`` (``regime`` or ``government``? ``Daesh`` or ``ISIS``?);
* :func:`find_sources` lists who is cited: news agencies, named officials, anonymous
  officials, institutions and other outlets, each with the sentence that shows it;
* :func:`find_numbers` reads distances, percentages, counts, dates and money, and
  :func:`compare_numbers` lines up where the reports give different numbers for one thing.

Every function also takes a plain string instead of a report; the string is read as
article body, which is how the small hand-made examples below work.

Example:
    >>> counts = count_terms("The regime army met regime-held towns.", ["sides_government"])
    >>> counts.counts
    {'regime': 2, 'government': 0, 'army': 1}
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Sequence, Union

# Absolute, not relative, so `python -m doctest helpers/medialit/wording.py` runs the examples.
from medialit.story import Report, Story, StoryError, read_json

__all__ = [
    "NumberComparison",
    "NumberMention",
    "NumberTopic",
    "Source",
    "TermCounts",
    "TermGroup",
    "TermMatch",
    "Terms",
    "comment_table",
    "compare_numbers",
    "count_table",
    "count_terms",
    "find_numbers",
    "find_sources",
    "load_terms",
]

TERMS_FILE = "terms.json"
SOURCE_KINDS: tuple[str, ...] = ("news_agency", "named_official", "anonymous", "institution", "other_outlet")
MEASURES: tuple[str, ...] = ("distance", "percentage", "count", "date", "time", "money", "duration", "number")

ReportLike = Union[Report, str]


# --------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class TermGroup:
    """A group of words to compare, e.g. how the Syrian government is named.

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
    """The ``terms.json`` shipped with the kit."""
    return Path(str(resources.files("medialit") / "data" / TERMS_FILE))


def load_terms(path: str | os.PathLike | None = None) -> Terms:
    """Read the word lists: the bundled ``terms.json`` or the file at ``path``.

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
        problems.append(f"{where} must be a list of words in quotes, like [\"regime\", \"regimes\"].")
        return ()
    return tuple(v.strip() for v in value)


def _forms_map(value: object, where: str, problems: list[str]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        problems.append(f"{where} must be an object like {{\"regime\": [\"regime\", \"regimes\"]}}.")
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


# --------------------------------------------------------------------------- text units

#: A letter or digit: a term matches only where neither neighbour is one, so hyphens,
#: apostrophes and punctuation all end a word ('regime-held', "SDF's").
_WORD = r"[^\W_]"
# Between the words of a phrase: spaces and at most one line break, so a phrase never
# runs across a blank line (a paragraph break).
_GAP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"
_ABBREVIATIONS = {
    "maj", "gen", "col", "lt", "sgt", "capt", "cpt", "mr", "mrs", "ms", "dr", "st", "vs",
    "jr", "sr", "prof", "rev", "gov", "sen", "rep", "adm", "brig", "u.s", "u.k", "u.n", "e.g", "i.e",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
# The word before a full stop; the window is longer than any abbreviation, so a longer
# word cut short by it is never mistaken for one, and the look-back stays constant-time.
_LAST_WORD = re.compile(r"(\S+)$")
_LOOK_BACK = 12


@dataclass(frozen=True)
class _Unit:
    text: str
    part: str  # "body" or "comment"
    line: int


def _units(report: ReportLike, include_comments: bool) -> list[_Unit]:
    if isinstance(report, str):
        return [_Unit(report, "body", 1)]
    wanted = {"body", "comment"} if include_comments else {"body"}
    return [_Unit(b.text, "body" if b.role == "body" else "comment", b.line) for b in report.blocks if b.role in wanted]


def _report_id(report: ReportLike) -> str:
    return "" if isinstance(report, str) else report.id


def _normalise(text: str) -> str:
    # Same length as the input, so match positions stay valid in the original text.
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence, not splitting after 'Maj.', 'U.S.', 'No. 5' or initials.

    A full stop after a capital letter on its own is an initial ('John F. Kennedy'); after a
    digit or a lower-case letter it ends the sentence ('scored 5. Then'). 'no.' is an
    abbreviation only before a number ('No. 10'), so 'said no. Lt. Col. ...' is split.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        found = _LAST_WORD.search(text, max(start, match.start() - _LOOK_BACK), match.start())
        last = found.group(1).lstrip("\"'(\u201c\u2018[") if found else ""
        lower = last.lower()
        initial = len(last) == 1 and last.isupper()
        numbered = lower == "no" and text[match.end() : match.end() + 1].isdigit()
        if lower in _ABBREVIATIONS or initial or numbered or (lower.count(".") >= 1 and len(lower) <= 4):
            continue
        end = match.start(1)
        spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


class _Locator:
    """Sentence and line of any position in one paragraph, each found by bisection."""

    def __init__(self, unit: _Unit, text: str | None = None):
        self.text = unit.text if text is None else text
        self.first_line = unit.line
        self.spans = _sentence_spans(self.text)
        self.starts = [start for start, _ in self.spans]
        self.newlines = [i for i, char in enumerate(self.text) if char == "\n"]

    def sentence(self, position: int) -> str:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            start, end = self.spans[index]
            return self.text[start:end].strip()
        return self.text.strip()

    def line(self, position: int) -> int:
        return self.first_line + bisect_left(self.newlines, position)


def _phrase_pattern(form: str) -> str:
    return _GAP.join(re.escape(word) for word in form.split())


def _alternation(forms: Sequence[str]) -> str:
    # Longest first, so at one starting point 'Islamic State' wins over 'Islamic'.
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(_phrase_pattern(f) for f in ordered)


# --------------------------------------------------------------------------- term counts


@dataclass(frozen=True)
class TermMatch:
    """One place a term was found: the words as written, where, and their sentence.

    Example:
        >>> count_terms("Isis fighters held the town.", ["sides_isis"]).matches[0].text
        'Isis'
    """

    group: str
    term: str
    text: str
    part: str
    line: int
    sentence: str


@dataclass(frozen=True)
class TermCounts:
    """How often each term occurs in one report, in the body and in the comments.

    ``counts`` is what was asked for: the body, plus comments when
    ``include_comments`` is true. ``body`` and ``comments`` are always both there,
    so a widget can show the difference.

    Example:
        >>> tc = count_terms("Daesh and ISIS and Islamic State.", ["sides_isis"])
        >>> tc.counts["Islamic State"], tc.comments["Daesh"]
        (1, 0)
    """

    report_id: str
    include_comments: bool
    body: dict[str, int]
    comments: dict[str, int]
    matches: tuple[TermMatch, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Body counts, plus comment counts when comments were included."""
        if not self.include_comments:
            return dict(self.body)
        return {term: self.body[term] + self.comments[term] for term in self.body}


def _resolve_groups(groups: Sequence[str | TermGroup] | None, terms: Terms | None) -> list[TermGroup]:
    if groups is not None and all(isinstance(g, TermGroup) for g in groups):
        return list(groups)  # type: ignore[arg-type]
    terms = terms or load_terms()
    if groups is None:
        return list(terms.groups)
    if isinstance(groups, str):
        groups = [groups]
    return [g if isinstance(g, TermGroup) else terms.group(g) for g in groups]


def _group_regex(group: TermGroup) -> tuple[re.Pattern[str], dict[str, str]]:
    term_of = {form.casefold(): term for term, forms in group.terms.items() for form in forms}
    forms = [form for forms in group.terms.values() for form in forms]
    pattern = re.compile(rf"(?<!{_WORD})(?:{_alternation(forms)})(?!{_WORD})", re.IGNORECASE)
    return pattern, term_of


def count_terms(
    report: ReportLike,
    groups: Sequence[str | TermGroup] | None = None,
    include_comments: bool = False,
    terms: Terms | None = None,
) -> TermCounts:
    """Count each term of the chosen groups (ids or :class:`TermGroup`; all when ``None``).

    Whole words, any capitals; a hyphen ends a word, so 'regime-held' counts 'regime'
    and 'ISIS-held' counts 'ISIS'. Each group is counted on its own, and inside a group
    overlapping forms go to the longest one: 'Islamic State' is one 'Islamic State',
    never also a 'State'. A string is read as article body.

    Example:
        >>> count_terms("ISIS-held and anti-ISIS areas; Isis.", ["sides_isis"]).counts["ISIS"]
        3
    """
    chosen = _resolve_groups(groups, terms)
    units = _units(report, include_comments=True)
    body = {term: 0 for group in chosen for term in group.terms}
    comments = dict(body)
    matches: list[TermMatch] = []
    locators: dict[int, _Locator] = {}
    for group in chosen:
        pattern, term_of = _group_regex(group)
        for index, unit in enumerate(units):
            for match in pattern.finditer(unit.text):
                term = term_of.get(re.sub(r"\s+", " ", match.group()).casefold())
                if term is None:  # pragma: no cover - every alternative comes from term_of
                    continue
                (body if unit.part == "body" else comments)[term] += 1
                if index not in locators:  # built on first use, once per paragraph for all groups
                    locators[index] = _Locator(unit)
                where = locators[index]
                matches.append(
                    TermMatch(group.id, term, match.group(), unit.part, where.line(match.start()),
                              where.sentence(match.start()))
                )
    if not include_comments:
        matches = [m for m in matches if m.part == "body"]
    matches.sort(key=lambda m: m.line)
    return TermCounts(_report_id(report), include_comments, body, comments, tuple(matches))


def count_table(
    story: Story,
    groups: Sequence[str | TermGroup] | None = None,
    include_comments: bool = False,
    terms: Terms | None = None,
) -> dict[str, dict[str, int]]:
    """Term counts for every report: ``{report id: {term: count}}``, ready for a table or chart.

    Example:
        >>> from medialit.story import load_story
        >>> count_table(load_story(), ["sides_isis"])["000"]["Daesh"]
        3
    """
    chosen = _resolve_groups(groups, terms)
    return {r.id: count_terms(r, chosen, include_comments).counts for r in story.reports}


def comment_table(
    story: Story,
    groups: Sequence[str | TermGroup] | None = None,
    terms: Terms | None = None,
) -> dict[str, dict[str, int]]:
    """Term counts in the reader comments only, for every report (zeros where there are none).

    Example:
        >>> from medialit.story import load_story
        >>> comment_table(load_story(), ["sides_government"])["004"]["regime"]
        2
    """
    chosen = _resolve_groups(groups, terms)
    return {r.id: count_terms(r, chosen, True).comments for r in story.reports}


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Source:
    """Someone a report cites, how often it names them, and the sentences that show it.

    ``evidence`` is the first sentence that gives the source words (or, for agencies
    and outlets, names them); ``sentences`` has every sentence that names them.

    Example:
        >>> find_sources("Officials told Reuters the town fell.")[0].kind
        'news_agency'
    """

    name: str
    kind: str
    mentions: int
    evidence: str
    sentences: tuple[str, ...]


def _variants(form: str) -> list[str]:
    # British and American spellings of the same ministry.
    out = [form]
    for a, b in (("Defence", "Defense"), ("defence", "defense")):
        if a in form:
            out.append(form.replace(a, b))
        elif b in form:
            out.append(form.replace(b, a))
    return out


def _is_acronym(form: str) -> bool:
    return form.isalpha() and form.isupper() and len(form) <= 4


@dataclass
class _Found:
    name: str
    kind: str
    mentions: int = 0
    cited: bool = False
    evidence: str = ""
    sentences: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # the same sentences, for a constant-time check

    def add(self, sentence: str, cited: bool) -> None:
        self.mentions += 1
        if sentence not in self.seen:
            self.seen.add(sentence)
            self.sentences.append(sentence)
        if cited and not self.cited:
            self.cited, self.evidence = True, sentence


def _verb_pattern(verbs: Sequence[str]) -> str:
    return "|".join(re.escape(v) for v in sorted(set(verbs), key=len, reverse=True))


class _SourceFinder:
    """The patterns built from ``terms.json`` for finding sources (built once per call)."""

    def __init__(self, terms: Terms):
        self.terms = terms
        verbs = _verb_pattern(terms.reporting_verbs or ("said",))
        # Verbs match in lower case only: 'State' in 'Islamic State' is a name, not a verb.
        # Name, then up to five words of the same sentence, then a reporting verb.
        self.verb_after = re.compile(rf"^(?:[\s,]+[\w'.\-]+){{0,5}}?[\s,]+(?:{verbs})(?!{_WORD})")
        # '..., said Name' / 'according to Name' / 'quoted by Name' with up to three words between.
        self.verb_before = re.compile(
            rf"(?:[,\"'\u201d]\s*(?:{verbs})|(?i:according to|quoted by|reported by))(?:\s+[\w'.\-]+){{0,3}}?\s+$"
        )
        self.named: list[tuple[re.Pattern[str], str, str]] = []
        for kind in ("news_agency", "other_outlet", "institution"):
            for name, forms in terms.sources.get(kind, {}).items():
                all_forms = [v for form in forms for v in _variants(form)]
                sensitive = [f for f in all_forms if _is_acronym(f)]
                insensitive = [f for f in all_forms if not _is_acronym(f)]
                for group, flags in ((sensitive, 0), (insensitive, re.IGNORECASE)):
                    if group:
                        pattern = re.compile(rf"(?<!{_WORD})(?:{_alternation(group)})(?!{_WORD})", flags)
                        self.named.append((pattern, name, kind))
        titles = _alternation(terms.titles) if terms.titles else r"(?!x)x"
        name_word = r"(?:(?:al|el|bin|ibn|van|von|de)-?\s?)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
        # The title in any capitals ('Spokesman', 'spokesman'), the name in capitals.
        self.titled = re.compile(rf"(?<!{_WORD})(?i:{titles})\s+({name_word}(?:\s+{name_word}){{0,2}})(?!{_WORD})")
        # Runs of capitalised words; a person's name is the last two or three after any title.
        self.capitalised = re.compile(rf"(?<!{_WORD})({name_word}(?:\s+{name_word})+)(?!{_WORD})")
        self.title_words = {w.casefold().rstrip(".") for t in terms.titles for w in re.split(r"[\s\-]+", t)}
        roles = _alternation(terms.anonymous_roles) if terms.anonymous_roles else r"(?!x)x"
        modifiers = _alternation(terms.anonymous_modifiers) if terms.anonymous_modifiers else r"(?!x)x"
        self.anonymous = re.compile(
            rf"(?<!{_WORD})(?:(an?|one|two|three|several|some)\s+)?((?:(?:{modifiers})\s+){{0,3}})({roles})(?!{_WORD})",
            re.IGNORECASE,
        )
        self.verbs_anywhere = re.compile(rf"(?<!{_WORD})(?:{verbs}|(?i:according to))(?!{_WORD})")
        # Words that are never part of a person's name in this story: the teacher's list, the
        # capitalised speaker words ('Russian', 'Kurdish') and one-word names of listed sources
        # ('Russia', 'Moscow', 'Reuters').
        one_word_sources = {
            v for kind in ("news_agency", "other_outlet", "institution")
            for forms in terms.sources.get(kind, {}).values() for form in forms for v in _variants(form)
            if " " not in v
        }
        self.not_people = (
            set(terms.not_people) | {m for m in terms.anonymous_modifiers if m[:1].isupper()} | one_word_sources
        )

    def place_before(self, sentence: str, start: int) -> bool:
        """True when the words at ``start`` follow 'in', 'near', 'at'...: 'in Little Portbury' is a place."""
        return bool(_PLACE_PREPOSITION.search(sentence, max(0, start - 12), start))

    def cited(self, sentence: str, start: int, end: int) -> bool:
        return bool(self.verb_after.match(sentence[end:]) or self.verb_before.search(sentence[:start]))


def find_sources(report: ReportLike, include_comments: bool = False, terms: Terms | None = None) -> list[Source]:
    """Who the report cites, in order of first mention, each listed once with its count.

    Kinds: ``news_agency`` and ``other_outlet`` whenever named; ``institution`` and
    ``named_official`` (a name after a title such as 'Maj. Gen.', or a two-word name
    next to a reporting verb) only when some sentence gives them words, counting every
    later mention of the surname; ``anonymous`` for unnamed speakers such as 'a US
    military official' in a sentence with a reporting verb. A string is read as body.

    A country or capital speaking ('Moscow said') is the government it is listed under
    in ``terms.json`` (an ``institution``); an unlisted one is not counted, and never as
    a person. Places are never people: general words ('Kyiv Oblast', 'Gaza Strip',
    'North Portbury'), names straight after 'in' or 'near', and the story's own places in
    the ``not_people`` list of ``terms.json``.

    Example:
        >>> [(s.name, s.kind) for s in find_sources("Army Colonel Ryan Dillon said it. Dillon smiled.")]
        [('Ryan Dillon', 'named_official')]
    """
    finder = _SourceFinder(terms or load_terms())
    found: dict[tuple[str, str], _Found] = {}
    order: list[tuple[str, str]] = []

    def record(name: str, kind: str, sentence: str, cited: bool) -> None:
        key = (kind, name.casefold() if kind == "anonymous" else name)
        if key not in found:
            found[key] = _Found(name, kind)
            order.append(key)
        found[key].add(sentence, cited)

    sentences: list[str] = []
    for unit in _units(report, include_comments):
        text = _normalise(unit.text)
        sentences.extend(text[a:b].strip() for a, b in _sentence_spans(text))

    # First pass: names from the lists, and the people named after a title.
    people: dict[str, str] = {}  # surname -> full name
    for sentence in sentences:
        for match in finder.titled.finditer(sentence):
            name = match.group(1)
            if _looks_like_person(name, finder):
                surname = name.split()[-1]
                if len(name) > len(people.get(surname, "")):
                    people[surname] = name
        for match in finder.capitalised.finditer(sentence):
            words = re.split(r"\s+", match.group(1))
            dropped = []
            # 'On Monday Anna Kovalenko said': the name is what is left after the leading words.
            while words and (words[0] in _LEADING or words[0].casefold() in finder.title_words or
                             any(w.casefold() in finder.title_words for w in words[0].split("-"))):
                dropped.append(words.pop(0))
            name = " ".join(words[-3:])
            # 'in Little Portbury' or 'In Little Portbury' at a sentence start: a place.
            place = finder.place_before(sentence, match.start()) or bool(
                dropped and _PLACE_PREPOSITION.fullmatch(dropped[-1].lower() + " ")
            )
            if (2 <= len(words) <= 3 and not place and _looks_like_person(name, finder)
                    and finder.cited(sentence, match.start(), match.end())):
                people.setdefault(words[-1], name)

    for sentence in sentences:
        hits = [(m.start(), m.end(), name, kind) for pattern, name, kind in finder.named for m in pattern.finditer(sentence)]
        kept: list[tuple[int, int, str, str]] = []
        # Longest first, so "Russia's Defence Ministry" is not also a mention of 'Russia'.
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if not any(a < hit[1] and hit[0] < b for a, b, _, _ in kept):
                kept.append(hit)
        for start, end, name, kind in sorted(kept):
            cited = kind in ("news_agency", "other_outlet") or finder.cited(sentence, start, end)
            record(name, kind, sentence, cited)
        for surname, full in people.items():
            for match in re.finditer(rf"(?<!{_WORD}){re.escape(surname)}(?!{_WORD})", sentence):
                # Mentions are counted on the surname; the sentence gives them words when the
                # verb follows the surname or comes before the full name.
                full_start = sentence.rfind(full, 0, match.end())
                start = full_start if full_start >= 0 and full_start + len(full) == match.end() else match.start()
                record(full, "named_official", sentence, finder.cited(sentence, start, match.end()))
        for match in finder.anonymous.finditer(sentence):
            article, modifiers, role = match.group(1), match.group(2), match.group(3)
            plural = role.lower().endswith("s")
            if not (article or (plural and modifiers.strip())):
                continue  # 'the spokesman' points back to someone already named
            if re.match(r"\s*,?\s*[A-Z][a-z]+\s+[A-Z][a-z]+", sentence[match.end():]):
                continue  # 'a spokesman, Ryan Dillon, said': he is named
            if not finder.verbs_anywhere.search(sentence):
                continue
            phrase = " ".join(match.group(0).split())
            if article:  # 'A US military official' at a sentence start is still 'a US military official'
                phrase = article.lower() + phrase[len(article):]
            record(phrase, "anonymous", sentence, True)

    sources = []
    for key in order:
        item = found[key]
        if not item.cited:
            continue
        sources.append(Source(item.name, item.kind, item.mentions, item.evidence, tuple(item.sentences)))
    return sources


# General rules for telling a person's name from other capitalised words, for any story;
# the words of one story (its places and peoples) are in terms.json under 'not_people'.
_NOT_NAME_WORDS = {
    # Words that start sentences or phrases.
    "The", "A", "An", "In", "On", "At", "Of", "For", "From", "By", "To", "And", "But", "Or", "As", "If", "When",
    "While", "After", "Before", "Since", "During", "Under", "Over", "With", "Without", "Near", "Across", "This",
    "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "His", "Her", "Their", "Our", "However",
    "Meanwhile", "Also", "Earlier", "Later", "Last", "Next", "Some", "Many", "Both", "All", "According",
    # Days and months.
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
    # Institutions.
    "Army", "Navy", "Air", "Force", "Forces", "Ministry", "Department", "Defence", "Defense", "Office",
    "Council", "Committee", "Commission", "Agency", "Authority", "Board", "Bureau", "Service", "Services",
    "Police", "Court", "Parliament", "Congress", "Senate", "Government", "Administration", "Party", "Union",
    "Coalition", "Alliance", "Federation", "Republic", "Kingdom", "Nations", "States", "United", "Observatory",
    "Institute", "University", "College", "School", "Hospital", "Church", "Company", "Corporation", "Group",
    "Foundation", "Organisation", "Organization", "Association", "Society", "Centre", "Center", "Embassy",
    "Command", "Headquarters", "Pentagon", "Kremlin", "Rights", "Human", "Watch", "Democratic", "Special",
    "International", "National", "Federal", "Central", "Red", "Cross", "Crescent", "News", "Times", "Post",
    # Places.
    "City", "Town", "Village", "Province", "Region", "District", "County", "Oblast", "Governorate", "Strip",
    "Bank", "Street", "Road", "Square", "River", "Valley", "Mountains", "Mount", "Lake", "Sea", "Gulf", "Bay",
    "Island", "Islands", "Coast", "Harbour", "Harbor", "Port", "Docks", "Airport", "Base", "Border",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Middle", "Upper", "Lower",
}
#: A capitalised name straight after one of these is a place ('fighting in Little Portbury').
_PLACE_PREPOSITION = re.compile(r"(?<![^\W_])(?:in|at|near|outside|inside|across|into|towards?|around|throughout)\s+$")
#: Leading words dropped from a run of capitalised words before looking for a name in it.
_LEADING = {"The", "A", "An", "In", "On", "At", "Of", "For", "From", "By", "And", "But", "As", "When", "While",
            "After", "Before", "Since", "During", "However", "Meanwhile", "Also", "Earlier", "Later", "Last",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"}


def _looks_like_person(name: str, finder: _SourceFinder) -> bool:
    """False for capitalised words that are plainly not a person: 'Kyiv Oblast', 'Defence Ministry'."""
    words = name.split()
    if any(word in _NOT_NAME_WORDS or word in finder.not_people for word in words):
        return False
    return not any(pattern.fullmatch(name) for pattern, _, _ in finder.named)


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class NumberMention:
    """A number in a report: its value, unit, what it measures and its sentence.

    ``high`` is the top of a range ('700 to 1,000'), else ``None``; ``qualifier`` is a
    word that bends it ('at least', 'about', 'within'); ``restates`` is true for a
    conversion in brackets ('4 miles (6 kilometers)': the 6 km restates the 4 miles).
    Dates have the year as value (the day when no year is written).

    Example:
        >>> find_numbers("Troops were at least 7 km away.")[0].standard
        (7.0, 'km')
    """

    value: float
    unit: str
    measure: str
    text: str
    sentence: str
    qualifier: str = ""
    high: float | None = None
    restates: bool = False
    part: str = "body"
    line: int = 1

    @property
    def standard(self) -> tuple[float, str]:
        """The value in a unit shared by all reports: kilometres for distances, else as written."""
        factor = _KM_PER.get(self.unit.lower())
        if self.measure == "distance" and factor is not None:
            return (round(self.value * factor, 2), "km")
        return (self.value, self.unit)


_KM_PER = {
    "km": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
    "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
    "m": 0.001, "meter": 0.001, "meters": 0.001, "metre": 0.001, "metres": 0.001,
}
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12,
}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y2>\d{{4}}))?(?!\d)"
    rf"|(?P<m3>{_MONTHS})\s+(?P<y3>\d{{4}})"
    rf"|(?P<y4>(?:19|20)\d{{2}}))\b(?!\s*(?:km|kilomet|miles?\b|percent|per cent|%))"
)
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?:\s*(?:am|pm|a\.m\.|p\.m\.|BST|GMT|UTC|EST|EDT))?\b", re.IGNORECASE)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIERS = (
    "at least|at most|about|around|approximately|roughly|nearly|almost|some|more than|over|"
    "less than|fewer than|under|up to|within|between|only|just"
)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER = re.compile(
    rf"(?:(?P<qual>\b(?i:{_QUALIFIERS}))\s+)?"  # any capitals: 'More than 50,000' starts a sentence
    rf"(?P<cur>US\$|\$|£|€)?\s?"
    rf"(?<![\w\-.,])(?P<num>{_NUM}|(?i:{'|'.join(_WORD_NUMBERS)}))(?![\w]|[.,]\d)"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<high>{_NUM})(?![\w]|[.,]\d))?"
    rf"(?:\s+(?P<mult>thousand|million|billion)\b)?"
)
_UNITS = [
    ("distance", r"km|kilomet(?:er|re)s?|miles?|mi|met(?:er|re)s?"),
    ("percentage", r"%|percent|per\s+cent|percentage\s+points"),
    ("money", r"dollars|pounds|euros|roubles|rubles"),
    ("duration", r"seconds?|minutes?|hours?|days?|weeks?|months?|years?"),
    ("count", r"times"),
]
_UNIT_PATTERNS = [
    (measure, re.compile(rf"\s*({pattern})(?![A-Za-z])", re.IGNORECASE)) for measure, pattern in _UNITS
]
#: Words that end a counted noun phrase: '50,000 took part in protests' counts nothing,
#: because the search for a plural noun stops at 'in'.
_NOT_NOUNS = {
    "them", "us", "you", "those", "these", "that", "which", "who", "whom", "and", "or", "but", "of", "to",
    "in", "on", "at", "by", "for", "with", "from", "into", "as", "than", "is", "are", "was", "were", "has",
    "have", "had", "be", "been", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do", "a", "an", "the", "this", "its", "his", "her", "their", "our", "it", "he", "she", "they",
}
#: Words ending in 's' that are not plural nouns ('5 across', 'two has').
_NOT_PLURAL = {"across", "always", "perhaps", "unless", "besides", "whereas", "thus", "plus", "yes", "less", "news"}
_PLURAL_OK = {"children", "people", "men", "women", "police", "personnel", "troops", "times", "sheep"}
_AFTER_WORDS = re.compile(r"((?:\s+[A-Za-z][\w\-]*){0,4})")
_PUNCTUATION_NEXT = re.compile(r"\s*[,.;:)\]]")


def _to_float(text: str) -> float:
    word = _WORD_NUMBERS.get(text.lower())
    return float(word) if word is not None else float(text.replace(",", ""))


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in _PLURAL_OK:
        return True
    return (lower.endswith("s") and not lower.endswith(("ss", "ous", "'s")) and lower not in _NOT_PLURAL
            and not word.isupper() and len(word) > 2)


def _count_unit(text: str, position: int = 0) -> str:
    """The plural noun a bare number counts, read from ``position``: '59 cruise missiles' -> 'cruise missiles'.

    Up to three words are read, stopping at a word like 'in' or 'was'; without a plural
    noun there is no unit ('more than 50,000 took part' -> ''), because the next word
    may be a verb.
    """
    words = _AFTER_WORDS.match(text, position).group(1).split()  # type: ignore[union-attr]
    if words[:1] == ["of"]:
        words = words[2:] if len(words) > 1 and words[1].lower() in {"its", "the", "their", "his", "her", "our"} else words[1:]
    for index, word in enumerate(words[:3]):
        if word.lower() in _NOT_NOUNS:
            return ""  # 'the two of them', 'two that', '50,000 took part in': no thing is being counted
        if _is_plural(word):
            return " ".join(words[: index + 1])
    return ""


def find_numbers(report: ReportLike, include_comments: bool = False) -> list[NumberMention]:
    """Every number in the report body with what it measures, in reading order.

    Measures: distance, percentage, count, date, time, money, duration, or plain number.
    Years and dates are dates, never counts. 'twice' is a count of 2 'times' and
    'three times' a count of 3, because they count events ('shelled twice'); 'one' and
    'once' are left out, being mostly idioms ('on one side'). Word numbers from two to
    twelve count only before a noun ('five of its fighters'). A list marker like '1.'
    at the start of a paragraph is not a number.

    Example:
        >>> [(n.value, n.unit, n.measure) for n in find_numbers("It fell 4 miles (6 kilometers) away in 2017.")]
        [(4.0, 'miles', 'distance'), (6.0, 'kilometers', 'distance'), (2017.0, '', 'date')]
    """
    mentions: list[NumberMention] = []
    for unit in _units(report, include_comments):
        where = _Locator(unit, _normalise(unit.text))
        for start, mention in _numbers_in(where.text):
            mentions.append(replace(mention, sentence=where.sentence(start), part=unit.part, line=where.line(start)))
    return mentions


def _numbers_in(text: str) -> list[tuple[int, NumberMention]]:
    """(start, mention) for each number in one paragraph; sentence and line are filled in later."""
    # Dates and times first, so '2017' or '20:57' are never read as counts.
    found: list[tuple[int, int, NumberMention]] = []
    # One byte per character, set where a number was already read: checking a new match
    # costs its own length, not the count of earlier matches.
    taken = bytearray(len(text))
    distance_ends: set[int] = set()

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) == -1

    def keep(start: int, end: int, mention: NumberMention) -> None:
        found.append((start, end, mention))
        taken[start:end] = b"\x01" * (end - start)
        if mention.measure == "distance":
            distance_ends.add(end)

    def after_bracket(start: int) -> bool:
        before = start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        return before > 0 and text[before - 1] == "("

    marker = re.match(r"\s*\d{1,2}[.)]\s", text)
    blocked = [marker.span()] if marker else []
    for match in _TIME.finditer(text):
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60 and free(*match.span()):
            keep(*match.span(), NumberMention(hours + minutes / 60, "", "time", match.group(), ""))
    for match in _DATE.finditer(text):
        year = next((match.group(k) for k in ("y1", "y2", "y3", "y4") if match.group(k)), None)
        day = match.group("d1") or match.group("d2")
        if not free(*match.span()) or (year is None and day is not None and int(day) > 31):
            continue
        keep(*match.span(), NumberMention(float(year or day or 0), "", "date", match.group(), ""))
    for match in re.finditer(r"(?<!\w)(twice|(?:two|three|four|five|\d+)\s+times)(?!\w)", text, re.IGNORECASE):
        if free(*match.span()):
            word = match.group(1).split()[0]
            value = 2.0 if word.lower() == "twice" else _to_float(word)
            keep(*match.span(), NumberMention(value, "times", "count", match.group(), ""))
    for match in _NUMBER.finditer(text):
        start = match.start("cur") if match.group("cur") else match.start("num")
        if not free(start, match.end("num")) or any(a <= start < b for a, b in blocked):
            continue
        classified = _classify_number(text, match)
        if classified is None:
            continue
        measure, unit_text, end, value, high = classified
        qualifier = (match.group("qual") or "").lower()
        # '4 miles (6 kilometers)': the bracketed distance restates the one just before it.
        restates = measure == "distance" and after_bracket(start) and any(
            e in distance_ends for e in range(start - 3, start + 1)
        )
        shown = text[match.start("qual") if qualifier else start : end].strip()
        keep(start, end, NumberMention(value, unit_text, measure, shown, "", qualifier, high, restates))
    return [(start, mention) for start, _, mention in sorted(found, key=lambda item: item[0])]


def _classify_number(text: str, match: re.Match[str]) -> tuple[str, str, int, float, float | None] | None:
    """(measure, unit, end, value, high) of a number match; ``None`` to skip a lone word number."""
    raw = match.group("num")
    is_word = raw.lower() in _WORD_NUMBERS
    value = _to_float(raw)
    high = _to_float(match.group("high")) if match.group("high") else None
    end = match.end()
    if match.group("mult"):
        factor = _MULTIPLIERS[match.group("mult").lower()]
        value, high = value * factor, (high * factor if high is not None else None)
    if match.group("cur"):
        return "money", match.group("cur"), end, value, high
    # Matching from a position, never on text[end:], so each number costs the same in a long text.
    for measure, pattern in _UNIT_PATTERNS:
        unit_match = pattern.match(text, end)
        if unit_match:
            return measure, " ".join(unit_match.group(1).split()), unit_match.end(), value, high
    noun = "" if _PUNCTUATION_NEXT.match(text, end) else _count_unit(text, end)
    if noun:
        return "count", noun, end, value, high
    if is_word:
        return None  # 'the two' on its own is not a number a student would check
    return "number", "", end, value, high


@dataclass(frozen=True)
class NumberComparison:
    """What each report says about one number topic, and whether the reports can all be right.

    ``mentions`` maps every report id to its numbers for the topic (empty when the
    report gives none). ``agree`` is ``None`` when fewer than two reports give a number.

    Example:
        >>> from medialit.story import load_story
        >>> compare_numbers(load_story())[0].agree
        False
    """

    topic: str
    title: str
    measure: str
    unit: str
    mentions: dict[str, tuple[NumberMention, ...]]
    agree: bool | None
    summary: str


def _interval(mention: NumberMention) -> tuple[float, float]:
    """The values a mention allows, in the standard unit.

    Exact numbers allow 5% for rounding ('4 miles (6 kilometers)'), except counts;
    'about' allows 10%; 'at least' has no top; 'within' has no bottom.
    """
    value = mention.standard[0]
    factor = value / mention.value if mention.value else 1.0
    if mention.high is not None:
        return (value, mention.high * factor)
    slack = 0.0 if mention.measure == "count" else 0.05
    qualifier = mention.qualifier
    if qualifier in {"at least", "more than", "over"}:
        return (value, math.inf)
    if qualifier in {"within", "up to", "at most", "less than", "fewer than", "under"}:
        return (0.0, value * (1 + slack))
    if qualifier in {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}:
        return (value * 0.9, value * 1.1)
    return (value * (1 - slack), value * (1 + slack))


def _describe(mention: NumberMention) -> str:
    value, unit = mention.standard
    shown = f"{value:g} {unit}".strip()
    words = f"{mention.qualifier} {shown}".strip()
    return words if mention.text.lower() == words.lower() else f"{words} ('{mention.text}')"


def compare_numbers(
    story: Story,
    topics: Sequence[str | NumberTopic] | None = None,
    terms: Terms | None = None,
) -> list[NumberComparison]:
    """Line up the reports' numbers on each topic of ``terms.json`` (or the topics given).

    A number belongs to a topic when it measures the same kind of thing and its
    sentence holds one of the topic's cue words. Distances are compared in kilometres.
    Reports agree when one value fits every report's number, reading 'at least',
    'within' and 'about' for what they allow.

    Example:
        >>> from medialit.story import load_story
        >>> print(compare_numbers(load_story())[0].summary)
        000: at least 7 km; 002: within 6.44 km ('within 4 miles'). These cannot all be true.
    """
    known = terms or load_terms()
    chosen = list(known.number_topics) if topics is None else [
        t if isinstance(t, NumberTopic) else _topic(known, t) for t in topics
    ]
    numbers = {report.id: find_numbers(report) for report in story.reports}
    comparisons = []
    for topic in chosen:
        by_report: dict[str, tuple[NumberMention, ...]] = {}
        for report_id, found in numbers.items():
            by_report[report_id] = tuple(
                m for m in found
                if m.measure == topic.measure and not m.restates
                and (not topic.unit or m.unit.lower() == topic.unit.lower())
                and any(cue.lower() in m.sentence.lower() for cue in topic.cues)
            )
        giving = {rid: ms for rid, ms in by_report.items() if ms}
        agree: bool | None = None
        if len(giving) >= 2:
            intervals = [_interval(m) for ms in giving.values() for m in ms]
            agree = max(low for low, _ in intervals) <= min(high for _, high in intervals)
        parts = [f"{rid}: " + ", ".join(_describe(m) for m in ms) for rid, ms in giving.items()]
        if not giving:
            verdict = "No report gives a number for this."
        elif agree is None:
            verdict = "Only one report gives a number, so there is nothing to compare."
        else:
            verdict = "These fit together." if agree else "These cannot all be true."
        summary = "; ".join(parts) + (". " if parts else "") + verdict
        standard_unit = "km" if topic.measure == "distance" else topic.unit
        comparisons.append(NumberComparison(topic.id, topic.title, topic.measure, standard_unit, by_report, agree, summary))
    return comparisons


def _topic(terms: Terms, topic_id: str) -> NumberTopic:
    for topic in terms.number_topics:
        if topic.id == topic_id:
            return topic
    known = ", ".join(t.id for t in terms.number_topics)
    raise StoryError([f"There is no number topic {topic_id!r} in {terms.path or TERMS_FILE}. The topics are: {known}."])
