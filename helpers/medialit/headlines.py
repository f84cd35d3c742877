"""Loaded headlines: suggest words a reader might find loaded, and score how loaded a text is.

The suggestions come from four transparent sources, so a student can always ask *why* (the word
lists and their sources are in :mod:`medialit.word_lists`; this module is the algorithm):

1. **The lexicon** ``data/lexicon.csv``: one row per word or phrase, with its category and a
   reason a 14-year-old understands. Teachers edit it in a spreadsheet. Write the plain form
   (``threaten``, ``militant``): the ``-s``, ``-es``, ``-ed``, ``-ing`` forms are matched
   automatically, whole words only, ignoring capitals. Rows in the category ``ignore`` are
   *shields*: names and fixed phrases that must never be flagged (``Islamic State``,
   ``Special Forces``, ``low-key``). Where phrases overlap, the longest wins, so a shield stops
   the words inside it from being flagged.
2. **Published lists** ``data/published_lists.csv`` in the same format: amplifiers (Quirk et al.
   1985), boosters and hedges (Hyland 2005), factive verbs (Kiparsky and Kiparsky 1970, Hooper
   1975) and implicative verbs (Karttunen 1971).
3. **Feeling words** ``data/feelings.tsv``: words people rated strongly negative (-1 or below) or
   strongly positive (+3 or above) in the VADER lexicon; the reason quotes the rating. Left out:
   plain news words (``killed``, ``war``, ``support``: ``data/plain_news_words.txt``), nouns that
   name a topic (``racism``, ``poverty``), and capitalised words inside a sentence (names). An
   adverb made from a listed adjective (``deceitfully``) counts too.
4. **One grammar pattern** for claims stated as fact, in headlines only: a ``who``/``which``
   clause that describes a group (``... Forces In Syria Who Support ISIS``) in a sentence with no
   source for it (no ``says``/``said``/``told``, ``claims``, ``alleged``, ``according to``,
   ``reportedly``, no hedge like ``seemed``, no quotation marks). It is deliberately modest: it
   only looks at restrictive clauses (no comma before ``who``), so background like
   ``Konashenkov, who ...`` is left alone; it reads only headline-like texts (at most
   :data:`MAX_HEADLINE_WORDS` words, or Title Case), because in body prose such clauses are
   ordinary grammar; and it cannot tell a well-known fact from a smear. It makes the student look.

A flag inside quotation marks is the speaker's word, not the writer's: its reason starts "In a
quote: the speaker's word" and it scores no points. With a teacher's own lexicon, only that
lexicon and the grammar pattern are used.

These are *suggestions*: the lists are not context-aware and a flag is a prompt to discuss,
not a verdict.

The score (:func:`loadedness`) is points per 10 words, where each flag scores its category's
weight (see :data:`CATEGORIES`):

* 3 -- a claim with no source: it changes what the reader believes is *true*, not just how
  they feel about it (Recasens et al. 2013 call this epistemological bias);
* 2 -- fighting words, shock words, labels: framing by word choice, the classic loaded language;
* 1 -- loaded 'said' words, vague framing, intensifiers, feeling words: they shade rather than assert.

Left out of the lexicon on purpose (see :data:`LEFT_OUT`): plain war-reporting words such as
``fire`` ("open fire", "if Fired Upon" are literal), ``target``, ``warn``; ``may`` (the month,
Theresa May); ``major`` (Major-General); neutral attribution (``says``, ``said``, ``told``).

Example:
    >>> [flag.word for flag in suggest_loaded("Rebels slam regime in shocking row")]
    ['slam', 'regime', 'shocking']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Absolute imports so `python -m doctest helpers/medialit/headlines.py` works too.
from medialit.story import Story
from medialit.text import ABBREVIATIONS, SPEECH_VERBS, WORD, sentences, words
from medialit.word_lists import (  # noqa: F401 - re-exported: the lists' public names stay here too
    CATEGORIES,
    IGNORE,
    LEFT_OUT,
    LEXICON_COLUMNS,
    MAX_LEXICON_BYTES,
    NEGATIVE_FEELING,
    POSITIVE_FEELING,
    Category,
    LexiconEntry,
    default_lexicon_path,
    feeling_table,
    kit_lexicon,
    load_feelings,
    load_lexicon,
    plain_news_words,
)


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
    #: Inside quotation marks: the speaker's word, not the writer's; it scores no points.
    quoted: bool = False

    @property
    def points(self) -> int:
        """What this flag adds to :func:`loadedness`: its category's weight, or 0 in a quote."""
        return 0 if self.quoted else CATEGORIES[self.category].weight


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


def suggest_loaded(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> list[Flag]:
    """Words and phrases in ``text`` a reader might find loaded, in order, never overlapping.

    Example:
        >>> [(f.word, f.category) for f in suggest_loaded("Russia Says Will Target Fighters if Provoked")]
        [('if Provoked', 'vague')]
    """
    if not isinstance(text, str) or not text:
        return []
    entries = kit_lexicon() if lexicon is None else lexicon
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
    if lexicon is None:
        # Feeling words come last: a lexicon phrase or a shield around a word always wins, and
        # a teacher's own lexicon replaces the kit's lists, feeling words included.
        chosen += _feeling_flags(text, taken)
    return _mark_quoted(text, sorted(chosen, key=lambda flag: flag.start))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as ``(start, end, word)``; ``U.S.`` and ``US-Backed`` are one word each.

    Example:
        >>> [w for _, _, w in word_spans("U.S.-backed SDF's fighters")]
        ['U.S.-backed', "SDF's", 'fighters']
    """
    if not isinstance(text, str):
        return []
    return [(span.start, span.end, span.text) for span in words(text)]


def loadedness(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> float:
    """Points per 10 words: each flag scores its category's weight (see :data:`CATEGORIES`),
    except a flag inside a quotation, which is the speaker's word and scores 0.

    Example:
        >>> loadedness("Russia threatens US in race to capture key Syria town")
        3.0
    """
    count = len(word_spans(text))
    if count == 0:
        return 0.0
    points = sum(flag.points for flag in suggest_loaded(text, lexicon))
    return round(10 * points / count, 2)


def explain_score(text: str, lexicon: tuple[LexiconEntry, ...] | None = None) -> str:
    """The score's arithmetic in one sentence, for students to check by hand.

    Example:
        >>> explain_score("Russia threatens to retaliate against US forces in Syria")
        'threatens (Fighting words, 2) = 2 points in 9 words = 2.22 per 10 words'
    """
    flags = suggest_loaded(text, lexicon)
    count = len(word_spans(text))
    points = sum(flag.points for flag in flags)
    parts = " + ".join(
        f"{flag.word} ({CATEGORIES[flag.category].title}, {'in a quote, 0' if flag.quoted else flag.points})"
        for flag in flags
    )
    score = loadedness(text, lexicon)
    return f"{parts or 'nothing flagged'} = {points} points in {count} words = {score:g} per 10 words"


def rank_headlines(story: Story, lexicon: tuple[LexiconEntry, ...] | None = None) -> list[RankedHeadline]:
    """The story's headlines from most neutral to most loaded (ties keep report order).

    Example:
        >>> from medialit import load_story
        >>> [(r.report_id, r.score) for r in rank_headlines(load_story())][-1]
        ('004', 5.83)
    """
    ranked = [
        RankedHeadline(report.id, loadedness(report.headline, lexicon), suggest_loaded(report.headline, lexicon), report.headline)
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

    ``tags`` is a list of :class:`medialit.agreement.Tag` or of ``{"start", "end", "word", "category"}``
    dicts as saved, with offsets into ``text``;
    tags that are not like that (wrong types, outside the text) are left out, never raised on.

    Example:
        >>> rows = compare_tags("Russia threatens US in race", [{"start": 23, "end": 27, "category": "sensational"}])
        >>> [(r.word, r.agreement) for r in rows]
        [('threatens', 'only the helper'), ('race', 'only you')]
    """
    flags = suggest_loaded(text, lexicon)
    mine: list[tuple[int, int, str]] = []
    for tag in tags if isinstance(tags, list) else []:
        if hasattr(tag, "start") and hasattr(tag, "end"):  # a medialit.agreement.Tag
            tag = {"start": tag.start, "end": tag.end, "category": getattr(tag, "category", None)}
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
MAX_CLAUSE_WORDS = 12
#: Longer texts not in Title Case are body prose, not headlines (news headlines are rarely over 20 words).
MAX_HEADLINE_WORDS = 20
MAX_SENTENCE_CHARS = 400


def _is_abbreviation(text: str, dot: int) -> bool:
    before = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    return bool(before) and (len(before.group(1)) == 1 or before.group(1).lower() in ABBREVIATIONS)


def _sentence_ends(text: str) -> list[int]:
    # The kit's one sentence splitter, so lessons 2, 3 and 4 agree on where sentences end.
    return [span.end for span in sentences(text)]


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
    for count, word in enumerate(WORD.finditer(text, start, end), start=1):
        last = word.end()
        if count == MAX_CLAUSE_WORDS:
            break
    return last


def _headline_like(text: str) -> bool:
    """A headline, not body prose: a short text, or one written in Title Case."""
    spans = words(text[: MAX_SENTENCE_CHARS * 2])
    if len(spans) <= MAX_HEADLINE_WORDS:
        return True
    return sum(span.text[:1].isupper() for span in spans) > 0.6 * len(spans)


def _claim_candidates(text: str) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    # In a headline a who/which clause is a choice (headline grammar drops them); in body prose it
    # is ordinary grammar ("a man who was injured"), so the rule reads headlines only.
    if not _headline_like(text):
        return found
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


# --- feeling words and quotations ------------------------------------------------------------

# Words that name a topic or an issue ("racism", "poverty", "brutality"): naming what a report is
# about is not a judgement, so such nouns are not flagged as feeling words (the lexicon may still
# list one).
_TOPIC_NOUN = re.compile(r"(?:ism|ity|ities|tion|tions|sion|sions|ment|ments|ness|ance|ence|ship)$")
# Straight, curly and angle quotation marks; a quotation longer than this is a pairing mistake.
_QUOTATION = re.compile(r'"[^"\n]{1,600}"|“[^“”]{1,600}”|«[^«»]{1,600}»|„[^„“”]{1,600}[“”]')
QUOTED_NOTE = "In a quote: the speaker's word, not the writer's. "


def _feeling_of(word: str) -> tuple[float, str] | None:
    """A word's rating and the listed word it comes from, or None if it is not a feeling word."""
    key = word.casefold().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    # A reporting verb ("denied", "argued", "stressed") says who said what: attribution, not a
    # feeling. The loaded ones ("claims", "admits", "threatens") are in the lexicon, which wins.
    if key in plain_news_words() or key in SPEECH_VERBS or _TOPIC_NOUN.search(key):
        return None
    feelings = feeling_table()
    bases = [key]
    if key.endswith("ly"):
        # An adverb of judgement made from a listed adjective: "shamefully", "angrily", "horribly".
        bases += [key[:-2], key[:-3] + "y", key[:-1] + "e"]
    for base in bases:
        valence = feelings.get(base)
        if valence is not None and base not in plain_news_words():
            if valence <= NEGATIVE_FEELING or valence >= POSITIVE_FEELING:
                return valence, base
    return None


def _feeling_flags(text: str, taken: bytearray) -> list[Flag]:
    spans = words(text)
    # In a Title Case or ALL CAPS headline every word has a capital; elsewhere a capital in the
    # middle of a sentence starts a name ("Grim Street", "Marvel"), and names are never flagged.
    title_case = sum(span.text[:1].isupper() for span in spans) > 0.6 * len(spans)
    flags = []
    for span in spans:
        if taken.find(1, span.start, span.end) != -1:
            continue
        if not title_case and span.text[:1].isupper() and not _starts_sentence(text, span.start):
            continue
        found = _feeling_of(span.text)
        if found is None:
            continue
        valence, base = found
        source = f"'{span.text}' comes from '{base}', which" if base != span.text.casefold() else f"'{span.text}':"
        reason = (
            f"{source} people rated {valence:+.1f} on a scale from -4 to +4 (VADER word list). "
            "It tells you how to feel; would a plainer word say what happened?"
        )
        flags.append(Flag(span.text, span.start, span.end, "feeling", reason))
    return flags


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position].rstrip(" \t\"'“‘(«")
    return not before or before[-1] in ".!?:\n"


def _mark_quoted(text: str, flags: list[Flag]) -> list[Flag]:
    """Flags inside quotation marks say so: there, the word is the speaker's choice."""
    if not flags or not any(mark in text for mark in '"“«„'):
        return flags
    quotes = [(match.start(), match.end()) for match in _QUOTATION.finditer(text)]
    starts = [start for start, _ in quotes]
    marked = []
    for flag in flags:
        index = bisect.bisect_right(starts, flag.start) - 1
        if index >= 0 and flag.start > quotes[index][0] and flag.end < quotes[index][1]:
            flag = Flag(flag.word, flag.start, flag.end, flag.category, QUOTED_NOTE + flag.reason, True)
        marked.append(flag)
    return marked
