"""Loaded headlines: suggest words a reader might find loaded, and score how loaded a text is.

The suggestions come from two transparent sources, so a student can always ask *why*:

1. **The lexicon** ``data/lexicon.csv``: one row per word or phrase, with its category and a
   reason a 14-year-old understands. Teachers edit it in a spreadsheet. Write the plain form
   (``threaten``, ``militant``): the ``-s``, ``-es``, ``-ed``, ``-ing`` forms are matched
   automatically, whole words only, ignoring capitals. Rows in the category ``ignore`` are
   *shields*: names and fixed phrases that must never be flagged (``Islamic State``,
   ``Special Forces``, ``low-key``). Where phrases overlap, the longest wins, so a shield stops
   the words inside it from being flagged.
2. **One grammar pattern** for claims stated as fact: a ``who``/``which`` clause that describes a
   group (``... Forces In Syria Who Support ISIS``) in a sentence with no source for it (no
   ``says``/``said``/``told``, ``claims``, ``alleged``, ``according to``, ``reportedly``,
   no hedge like ``seemed``, no quotation marks). It is deliberately modest: it only looks at
   restrictive clauses (no comma before ``who``), so background like ``Konashenkov, who ...``
   is left alone, and it cannot tell a well-known fact from a smear. It makes the student look.

These are *suggestions*: the lexicon is not context-aware and a flag is a prompt to discuss,
not a verdict.

The score (:func:`loadedness`) is points per 10 words, where each flag scores its category's
weight (see :data:`CATEGORIES`):

* 3 -- a claim with no source: it changes what the reader believes is *true*, not just how
  they feel about it (Recasens et al. 2013 call this epistemological bias);
* 2 -- fighting words, shock words, labels: framing by word choice, the classic loaded language;
* 1 -- loaded 'said' words, vague framing, intensifiers: they shade rather than assert.

Left out of the lexicon on purpose (see :data:`LEFT_OUT`): plain war-reporting words such as
``fire`` ("open fire", "if Fired Upon" are literal), ``target``, ``warn``; ``may`` (the month,
Theresa May); ``major`` (Major-General); neutral attribution (``says``, ``said``, ``told``).

Example:
    >>> [flag.word for flag in suggest_loaded("Rebels slam regime in shocking row")]
    ['slam', 'regime', 'shocking']
"""

from __future__ import annotations

import bisect
import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

# Absolute import so `python -m doctest helpers/medialit/headlines.py` works too.
from medialit.story import Story, StoryError


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

# Short function words are never inflected: "ofs" or "thes" would only add noise to patterns.
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from if in into is it of on or out so the to up with".split()
)


@dataclass(frozen=True)
class Flag:
    """One suggested loaded word or phrase: ``text[start:end] == word``.

    Example:
        >>> flag = suggest_loaded("Russia threatens US")[0]
        >>> (flag.word, flag.start, flag.end, flag.category)
        ('threatens', 7, 16, 'emotive_verb')
    """

    word: str
    start: int
    end: int
    category: str
    reason: str


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


class RankedHeadline(NamedTuple):
    """A report's headline with its loadedness score and the flags behind it.

    Example:
        >>> from medialit import load_story
        >>> rank_headlines(load_story())[0].report_id
        '002'
    """

    report_id: str
    score: float
    flags: list[Flag]
    headline: str


def default_lexicon_path() -> Path:
    """The lexicon shipped with the kit.

    Example:
        >>> default_lexicon_path().name
        'lexicon.csv'
    """
    return Path(str(resources.files("medialit") / "data" / "lexicon.csv"))


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


def suggest_loaded(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> list[Flag]:
    """Words and phrases in ``text`` a reader might find loaded, in order, never overlapping.

    Example:
        >>> [(f.word, f.category) for f in suggest_loaded("Russia Says Will Target Fighters if Provoked")]
        [('if Provoked', 'vague')]
    """
    if not isinstance(text, str) or not text:
        return []
    entries = _default_lexicon() if lexicon is None else lexicon
    candidates = _lexicon_candidates(text, entries) + _claim_candidates(text)
    # Longest first, so a shield ("Islamic State") or a phrase ("stern warning") beats the words
    # inside it; on a tie the shield wins, then the earlier category in the lexicon.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2] != IGNORE))
    # One byte per character of text, set where a kept span lies: checking and marking a span
    # costs its own length, not the number of spans kept so far (list.insert made that quadratic).
    taken = bytearray(len(text))
    chosen: list[Flag] = []
    for start, end, category, reason in candidates:
        if end <= start or taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        if category != IGNORE:
            chosen.append(Flag(text[start:end], start, end, category, reason))
    return sorted(chosen, key=lambda flag: flag.start)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, word)``; ``U.S.`` and ``US-Backed`` are one word each.

    Example:
        >>> [w for _, _, w in word_spans("U.S.-backed SDF's fighters")]
        ['U.S.-backed', "SDF's", 'fighters']
    """
    if not isinstance(text, str):
        return []
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def loadedness(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> float:
    """Points per 10 words: each flag scores its category's weight (see :data:`CATEGORIES`).

    Example:
        >>> loadedness("Russia threatens US in race to capture key Syria town")
        3.0
    """
    words = len(word_spans(text))
    if words == 0:
        return 0.0
    points = sum(CATEGORIES[flag.category].weight for flag in suggest_loaded(text, lexicon))
    return round(10 * points / words, 2)


def explain_score(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> str:
    """The score's arithmetic in one sentence, for students to check by hand.

    Example:
        >>> explain_score("Russia threatens to retaliate against US forces in Syria")
        'threatens (Fighting words, 2) = 2 points in 9 words = 2.22 per 10 words'
    """
    flags = suggest_loaded(text, lexicon)
    words = len(word_spans(text))
    points = sum(CATEGORIES[flag.category].weight for flag in flags)
    parts = " + ".join(
        f"{flag.word} ({CATEGORIES[flag.category].title}, {CATEGORIES[flag.category].weight})" for flag in flags
    )
    score = loadedness(text, lexicon)
    return f"{parts or 'nothing flagged'} = {points} points in {words} words = {score:g} per 10 words"


def rank_headlines(story: Story, lexicon: tuple[LexiconEntry, ...] | None = None) -> list[RankedHeadline]:
    """The story's headlines from most neutral to most loaded (ties keep report order).

    Example:
        >>> from medialit import load_story
        >>> [(r.report_id, r.score) for r in rank_headlines(load_story())][-1]
        ('004', 5.83)
    """
    entries = _default_lexicon() if lexicon is None else lexicon
    ranked = [
        RankedHeadline(report.id, loadedness(report.headline, entries), suggest_loaded(report.headline, entries), report.headline)
        for report in story.reports
    ]
    return sorted(ranked, key=lambda r: r.score)


@dataclass(frozen=True)
class TagComparison:
    """One row of "you and the helper": a span either of you marked, and what each said about it.

    ``student`` is the student's category (``"tagged"`` if none was chosen) or ``None`` if the
    student did not tag it; ``helper`` is the helper's category or ``None``; ``reason`` is the
    helper's reason (empty when the helper did not flag it).

    Example:
        >>> TagComparison("threatens", 7, 16, "emotive_verb", "emotive_verb", "...").agreement
        'both'
    """

    word: str
    start: int
    end: int
    student: str | None
    helper: str | None
    reason: str

    @property
    def agreement(self) -> str:
        """``"both"``, ``"only you"`` or ``"only the helper"``."""
        if self.student is not None and self.helper is not None:
            return "both"
        return "only you" if self.student is not None else "only the helper"


@dataclass(frozen=True)
class RewriteCheck:
    """The helper re-run on a student's neutral rewrite of a headline.

    Example:
        >>> check = check_rewrite("Russia threatens US", "Russia warns US")
        >>> check.before, check.after, check.flags
        (6.67, 0.0, [])
    """

    original: str
    rewrite: str
    before: float
    after: float
    flags: list[Flag]
    explanation: str


#: A rewrite longer than this is not a headline; only this much is checked.
MAX_REWRITE_CHARS = 500


def compare_tags(text: str, tags: object, lexicon: tuple[LexiconEntry, ...] | None = None) -> list[TagComparison]:
    """The student's tags beside the helper's flags, in headline order; overlapping spans are one row.

    ``tags`` is a list of ``{"start", "end", "word", "category"}`` with offsets into ``text``;
    tags that are not like that (wrong types, outside the text) are left out, never raised on.

    Example:
        >>> rows = compare_tags("Russia threatens US in race", [{"start": 23, "end": 27, "category": "sensational"}])
        >>> [(r.word, r.agreement) for r in rows]
        [('threatens', 'only the helper'), ('race', 'only you')]
    """
    flags = suggest_loaded(text, lexicon)
    mine: list[tuple[int, int, str]] = []
    for tag in tags if isinstance(tags, list) else []:
        if not isinstance(tag, dict):
            continue
        start, end = tag.get("start"), tag.get("end")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            continue
        if not 0 <= start < end <= len(text):
            continue
        category = tag.get("category")
        mine.append((start, end, category if isinstance(category, str) and category in CATEGORIES else "tagged"))
    rows: list[TagComparison] = []
    matched: set[int] = set()
    for start, end, category in sorted(mine):
        flag_index = next(
            (i for i, flag in enumerate(flags) if i not in matched and flag.start < end and start < flag.end), None
        )
        if flag_index is None:
            rows.append(TagComparison(text[start:end], start, end, category, None, ""))
            continue
        matched.add(flag_index)
        flag = flags[flag_index]
        low, high = min(start, flag.start), max(end, flag.end)
        rows.append(TagComparison(text[low:high], low, high, category, flag.category, flag.reason))
    for i, flag in enumerate(flags):
        if i not in matched:
            rows.append(TagComparison(flag.word, flag.start, flag.end, None, flag.category, flag.reason))
    return sorted(rows, key=lambda row: row.start)


def check_rewrite(original: str, rewrite: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> RewriteCheck:
    """Re-run the helper on a rewrite: its score before and after, and what it still flags.

    Only the first :data:`MAX_REWRITE_CHARS` characters of the rewrite are checked.

    Example:
        >>> check = check_rewrite("Russia threatens US", "Russia threatens to fire on US troops")
        >>> [flag.word for flag in check.flags], check.after
        (['threatens'], 2.86)
    """
    text = rewrite[:MAX_REWRITE_CHARS] if isinstance(rewrite, str) else ""
    return RewriteCheck(
        original=original,
        rewrite=text,
        before=loadedness(original, lexicon),
        after=loadedness(text, lexicon),
        flags=suggest_loaded(text, lexicon),
        explanation=explain_score(text, lexicon),
    )


# --- the lexicon -----------------------------------------------------------------------------

# Inner apostrophes, hyphens and dots keep "SDF's", "US-Backed" and "U.S.-backed" whole; a
# final dot after a single letter keeps "U.S." whole.
_WORD = re.compile(r"\w+(?:[-'’.]{1,2}\w+)*(?:(?<=\b\w)\.)?")


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
    lines = text.splitlines()
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
                f"{name} line 1 must be the headings {','.join(LEXICON_COLUMNS)} "
                f"(found {','.join(header)!s:.80}); missing: {', '.join(missing)}."
            ]
        )
    column = {heading: header.index(heading) for heading in LEXICON_COLUMNS if heading in header}
    known = ", ".join([*CATEGORIES, IGNORE])
    problems: list[str] = []
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
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


def _inflections(word: str) -> set[str]:
    """Forms of one word: generous on purpose (a non-word like 'vowwed' never occurs in text)."""
    w = word.lower()
    if w in _FUNCTION_WORDS or not w[-1:].isalpha():
        return {w}
    forms = {w, w + "s", w + "es", w + "ed", w + "ing"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _phrase_pattern(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        forms = sorted(_inflections(word), key=len, reverse=True)
        parts.append("(?:" + "|".join(re.escape(form) for form in forms) + ")")
    return r"\s+".join(parts)


def _stem(phrase: str) -> str:
    """A piece every form of the phrase contains: its first word without a final e or y."""
    first = phrase.split()[0].casefold()
    return first[:-1] if len(first) > 3 and first[-1] in "ey" else first


@lru_cache(maxsize=8)
def _compiled(entries: tuple[LexiconEntry, ...]) -> tuple[tuple[tuple[str, ...], re.Pattern[str], str, str], ...]:
    compiled = []
    for entry in entries:
        alternatives = [_phrase_pattern(entry.phrase)] + [_phrase_pattern(form) for form in entry.forms]
        pattern = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
        stems = tuple({_stem(entry.phrase), *(_stem(form) for form in entry.forms)})
        compiled.append((stems, re.compile(pattern, re.IGNORECASE), entry.category, entry.reason))
    return tuple(compiled)


def _lexicon_candidates(text: str, entries: tuple[LexiconEntry, ...]) -> list[tuple[int, int, str, str]]:
    # A substring test is far cheaper than a regex pass, and most entries are absent from a text.
    folded = text.casefold()
    found = []
    for stems, pattern, category, reason in _compiled(entries):
        if not any(stem in folded for stem in stems):
            continue
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), category, reason))
    return found


# --- claims stated as fact -------------------------------------------------------------------

_RELATIVE = re.compile(r"(?<!\w)(?:who|which)(?!\w)", re.IGNORECASE)
# A source or a hedge anywhere in the sentence means the clause is not stated as plain fact.
_SOURCED = re.compile(
    r"(?<!\w)(?:say|says|said|saying|told|tell|tells|claim\w*|alleg\w*|accus\w*|according\s+to|"
    r"reportedly|report|reports|reported|insist\w*|suggest\w*|believ\w*|suspect\w*|seem\w*|"
    r"appear\w*|apparently|deni\w*|deny\w*|quot\w*)(?!\w)"
    r"|[\"“”«»]",
    re.IGNORECASE,
)
# After these words "who"/"which" asks a question or starts a reported question, not a clause
# describing the word before it.
_NOT_A_NOUN = frozenset(
    "a an and as but or so nor yet if then than that this these those about of on to for from with by "
    "at in into over under is was are were be been being do does did ask asks asked asking know knows "
    "knew wonder wonders decide decides decided see sees saw show shows showed explain explains "
    "matter matters regardless guess find found out tell tells told say says said reveal reveals "
    "revealed including whether exactly discuss discussed disclose disclosed confirm confirmed "
    "identify identified unclear unknown clear sure".split()
)
_CLAUSE_END = re.compile(r"[,;:!?()\[\]\"“”«»—–\n]|\s-\s|\.(?=\s|$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen maj col lt capt sgt st jr sr vs no prof gov sen rep inc co corp ltd etc approx".split()
)
MAX_CLAUSE_WORDS = 12
MAX_SENTENCE_CHARS = 400


def _is_abbreviation(text: str, dot: int) -> bool:
    before = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    return bool(before) and (len(before.group(1)) == 1 or before.group(1).lower() in _ABBREVIATIONS)


def _sentence_ends(text: str) -> list[int]:
    ends = []
    for match in re.finditer(r"[.!?]+[\"”’')\]]*(?=\s)|\n", text):
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    return ends


def _sentence_bounds(ends: list[int], length: int, position: int) -> tuple[int, int]:
    index = bisect.bisect_right(ends, position)
    start = ends[index - 1] if index > 0 else 0
    end = ends[index] if index < len(ends) else length
    return start, end


def _clause_end(text: str, start: int) -> int:
    """Where a who/which clause ends: at punctuation or a sentence end, after at most 12 words."""
    limit = min(len(text), start + MAX_SENTENCE_CHARS)
    position = start
    end = limit
    while True:
        match = _CLAUSE_END.search(text, position, limit)
        if match is None:
            break
        if match.group() == "." and _is_abbreviation(text, match.start()):
            position = match.end()
            continue
        end = match.start()
        break
    last = start
    for count, word in enumerate(_WORD.finditer(text, start, end), start=1):
        last = word.end()
        if count == MAX_CLAUSE_WORDS:
            break
    return last


def _claim_candidates(text: str) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    ends: list[int] | None = None
    sources: list[int] | None = None
    all_caps: bool | None = None
    for match in _RELATIVE.finditer(text):
        if match.group() == "WHO":
            # All-caps WHO next to ordinary words is the World Health Organization.
            if all_caps is None:
                all_caps = text.isupper()
            if not all_caps:
                continue
        # Only a short window before the pronoun is read, so long texts stay linear.
        before = text[max(0, match.start() - 60) : match.start()].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in ".)"):
            continue
        previous = re.search(r"(\w+)\W*$", before)
        if previous is None or previous.group(1).lower() in _NOT_A_NOUN:
            continue
        end = _clause_end(text, match.end())
        if end <= match.end():
            continue
        if ends is None or sources is None:
            # Found once per text and looked up by position, so many clauses stay linear.
            ends = _sentence_ends(text)
            sources = [source.start() for source in _SOURCED.finditer(text)]
        sentence_start, sentence_end = _sentence_bounds(ends, len(text), match.start())
        # A run-on "sentence" (a scrape with no full stops) is read only near the clause.
        sentence_start = max(sentence_start, match.start() - MAX_SENTENCE_CHARS)
        sentence_end = min(max(sentence_end, end), end + MAX_SENTENCE_CHARS)
        first_source = bisect.bisect_left(sources, sentence_start)
        if first_source < len(sources) and sources[first_source] < sentence_end:
            continue
        if text[end:sentence_end].lstrip().startswith("?") or text[match.start() : sentence_end].rstrip().endswith("?"):
            continue
        clause = text[match.start() : end]
        reason = (
            f"'{clause[:60]}' describes them as a fact, but nobody in this sentence is named as "
            "saying so (no 'says', 'claims', 'alleged' or quote marks). Does the report show evidence?"
        )
        found.append((match.start(), end, "unattributed_claim", reason))
    return found
