"""Word groups proposed from a story's own reports, for lesson 4 on any story.

Which words does one report use that the others do not? :func:`log_odds` answers with the
weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn
(2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content
of Political Conflict", *Political Analysis* 16(4), section 3.5, eqs. 16-22: for a word ``w``,
report ``i`` and the other reports ``j`` together,

    delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
    var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)          z_w = delta_w / sqrt(var_w)

where ``y`` are counts, ``n`` total words, and the prior ``a_w = a0 * (y_w / n)`` takes the
word's share of all the reports (the informative prior); ``a0`` defaults to all the reports'
words, so ``a_w`` is the word's count in the whole story.

:func:`propose_terms` turns the words with the highest ``z`` into lesson-4 groups: words that
different reports use in the same places (the same words before or after them: different
names for one thing) go in one group; the rest are grouped by the report that uses them more;
and the kit's general groups (reporting verbs, hedges) follow, cut to the words the story has.
A name of several capitalised words that the story uses at least twice, always capitalised
('Hong Kong', 'White House'), is one word throughout, so its parts are never counted apart; a
group of different words in the same place needs more than one chance match (see
``_same_places``). Every proposed word occurs in the story's article bodies. :func:`medialit.terms.write_terms`
saves them as the story's ``terms.json``.

Example:
    >>> from medialit.story import load_story
    >>> [g.id for g in propose_terms(load_story())][:2]
    ['names_1', 'names_2']
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

# Absolute, not relative, so `python -m doctest helpers/medialit/distinctive_words.py` runs the examples.
from medialit.passages import LETTER, alternation, report_passages
from medialit.story import Story
from medialit.terms import TermGroup, general_terms
from medialit.text import STOPWORDS, name_runs, stem, words

__all__ = ["WordScore", "log_odds", "propose_terms"]

#: A word is distinctive of a report when its z-score is at least this: a one-sided test at the
#: 5% level that the report uses it more than the others. News reports are short, so the
#: two-sided 1.96 leaves almost nothing.
Z_THRESHOLD = 1.645
#: Words this distinctive may join a distinctive word of another report that is used in the same
#: place ('Syrian regime troops', 'Syrian army troops'); at least one word of a group reaches Z_THRESHOLD.
Z_PARTNER = 1.0
#: A report's word must occur at least this often in it to be proposed (one use is chance).
MIN_COUNT = 2
#: At most this many distinctive words per report, most distinctive first.
PER_REPORT = 6
#: How much the prior weighs, in reports: its total ``a0`` is this many average reports. One report
#: keeps it weaker than the data, as the paper advises for a prior drawn from the same texts.
PRIOR_REPORTS = 1.0
#: Two words share a place by chance now and then: a pair needs this many shared places, or
#: each of its words used by REPORTS_EACH reports (so the place recurs across the story).
PLACES_ALONE = 2
REPORTS_EACH = 2
#: A neighbour is the nearest content word this many words away or closer ('regime' in 'the regime's troops').
REACH = 2


@dataclass(frozen=True)
class WordScore:
    """How distinctive one word is of one report against the others (Monroe et al. 2008).

    Example:
        >>> WordScore("regime", 5, 2.1, 0.6, 3.5).z
        3.5
    """

    word: str
    count: int
    delta: float
    variance: float
    z: float


def log_odds(
    counts: Mapping[str, int], others: Mapping[str, int], prior: Mapping[str, float] | None = None, prior_size: float | None = None
) -> dict[str, WordScore]:
    """Weighted log-odds with an informative Dirichlet prior, for every word of ``counts`` or ``others``.

    ``counts`` are one report's word counts, ``others`` the other reports' together. ``prior``
    gives the background counts (default: both added up) and ``prior_size`` the prior's total
    ``a0`` (default: the background's total, so each ``a_w`` is the word's background count).
    A word with no background count, or that is every word on one side (infinite odds), gets
    no score.

    Example:
        >>> scores = log_odds({"regime": 4, "army": 1}, {"government": 4, "army": 1})
        >>> round(scores["regime"].z, 2), round(scores["army"].z, 2)
        (1.87, 0.0)
    """
    background = dict(prior) if prior is not None else Counter(counts) + Counter(others)
    total_background = sum(background.values())
    a0 = float(prior_size) if prior_size is not None else float(total_background)
    n_i, n_j = sum(counts.values()), sum(others.values())
    scores = {}
    for word in set(counts) | set(others):
        if not background.get(word) or total_background == 0:
            continue  # a word outside the prior has no a_w > 0: the formula is undefined
        a_w = a0 * background[word] / total_background
        y_i, y_j = counts.get(word, 0), others.get(word, 0)
        rest_i, rest_j = n_i + a0 - y_i - a_w, n_j + a0 - y_j - a_w
        if rest_i <= 0 or rest_j <= 0:
            continue  # the word is all there is on one side: its odds are infinite, not a score
        delta = math.log((y_i + a_w) / rest_i) - math.log((y_j + a_w) / rest_j)
        variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
        scores[word] = WordScore(word, y_i, delta, variance, delta / math.sqrt(variance))
    return scores


# --------------------------------------------------------------------------- reading the reports


@dataclass
class _Words:
    """One report's content words: counts by stem, the surface forms seen, and the places each is used.

    A place is the pair (content word before, content word after): 'Syrian regime troops' puts
    'regime' in the place ('syrian', 'troop'). A multi-word name ('Hong Kong') is one word here.
    ``leading`` counts the uses of a word that open a longer run of capitalised words ('House'
    in 'House Select Committee'): such a word is part of a name, not a name of its own.
    """

    counts: Counter
    forms: dict[str, Counter]
    places: dict[str, set[tuple[str, str]]]
    leading: Counter = field(default_factory=Counter)


def _content(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word.lower() not in STOPWORDS


#: The longest multi-word name looked for, in words ('Chinese Ministry of State Security' is cut
#: at 'of' anyway: a name here is a run of capitalised words).
NAME_WORDS = 4


def _name_key(words_: Sequence[str]) -> str:
    """One key for the spellings of a name that differ only in capitals, spaces and hyphens
    ('Deir ez-Zor', 'Deir Ezzor')."""
    return "".join(char for word in words_ for char in word.lower() if char.isalpha())


def _pieces(text: str) -> list[tuple[list[str], str, bool]]:
    """The words of ``text`` as lesson 4 counts them, each with whether it continues a name
    started by the word before.

    Lesson 4 counts a hyphen or an apostrophe as the end of a word ('regime-held' counts
    'regime', "SDF's" counts 'SDF'), so a word is cut into its pieces; inside a name
    (:func:`medialit.text.name_runs`: "Hong Kong's" gives 'Hong Kong') a hyphenated word stays
    whole. Lesson 4 counts only the part of a name written the same way each time: a word in
    small letters ('bin', 'al-Zor') ends it, and a hyphenated first word ('Major-General Igor
    Konashenkov') stands apart, as a title or a description more often than a name.
    """
    out: list[tuple[list[str], str, bool]] = []
    names = iter(name_runs(text))
    name = next(names, None)
    open_name = None  # the name that the word before opened or continued, if the next word may continue it
    for span in words(text):
        head = span.text.replace("’", "'").split("'")[0]
        while name is not None and name.end <= span.start:
            name = next(names, None)
        inside = name is not None and name.start <= span.start
        joins = inside and open_name is name and head[:1].isupper()
        out.append(([piece for piece in head.split("-") if piece], head, joins))
        open_name = name if inside and head[:1].isupper() and (joins or "-" not in head) else None
    return out


def _runs(text: str) -> list[list[tuple[list[str], str]]]:
    """``text``'s words grouped into runs of capitalised words (most runs are one word): each
    word as its pieces and as a whole."""
    runs: list[list[tuple[list[str], str]]] = []
    for parts, head, joins in _pieces(text):
        if joins and runs:
            runs[-1].append((parts, head))
        else:
            runs.append([(parts, head)])
    return runs


def _story_names(texts: Iterable[str]) -> set[str]:
    """Multi-word names: runs of two to NAME_WORDS capitalised words used at least MIN_COUNT
    times in the story ('Hong Kong', 'White House'), keyed by :func:`_name_key`.

    A name is written the same way each time: words the story also writes with a small letter
    after the first ('Syrian Army' and 'the Syrian army') are an ordinary phrase, so each word
    counts on its own.
    """
    seen: Counter = Counter()
    lower_pairs: set[str] = set()
    for text in texts:
        spans = words(text)
        for first, second in zip(spans, spans[1:]):
            if second.text[:1].islower() and text[first.end : second.start] == " ":
                lower_pairs.add(_name_key([first.text, second.text]))
        for run in _runs(text):
            heads = [head for _, head in run]
            for size in range(2, min(NAME_WORDS, len(heads)) + 1):
                for start in range(len(heads) - size + 1):
                    seen[tuple(heads[start : start + size])] += 1
    names: Counter = Counter()
    for heads, n in seen.items():
        if not any(_name_key(pair) in lower_pairs for pair in zip(heads, heads[1:])):
            names[_name_key(heads)] += n
    return {key for key, n in names.items() if n >= MIN_COUNT}


def _tokens(text: str, names: set[str]) -> list[tuple[str, bool]]:
    """The pieces of ``text`` with each multi-word name as one piece (the longest name first),
    and whether the piece opens a longer run of capitalised words."""
    tokens: list[tuple[str, bool]] = []
    for run in _runs(text):
        if len(run) == 1:
            tokens.extend((piece, False) for piece in run[0][0])
            continue
        heads = [head for _, head in run]
        at = 0
        while at < len(heads):
            size = next((n for n in range(min(NAME_WORDS, len(heads) - at), 1, -1)
                         if _name_key(heads[at : at + n]) in names), 1)
            if size > 1:
                tokens.append((" ".join(heads[at : at + size]), at + size < len(heads)))
            else:
                pieces = run[at][0]
                tokens.extend((piece, at + 1 < len(heads)) for piece in pieces)
            at += size
    return tokens


def _key(token: str) -> str:
    if " " in token:
        return _name_key(token.split())
    return stem(token) if _content(token) else ""


def _report_words(story_text: Iterable[str], names: set[str] = frozenset()) -> _Words:
    counts: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    places: dict[str, set[tuple[str, str]]] = defaultdict(set)
    leading: Counter = Counter()
    for text in story_text:
        tokens = _tokens(text, names)
        keys = [_key(token) for token, _ in tokens]
        for index, ((token, opens), key) in enumerate(zip(tokens, keys)):
            if not key:
                continue
            counts[key] += 1
            forms[key][token] += 1
            leading[key] += opens
            before = next((keys[j] for j in range(index - 1, max(-1, index - 1 - REACH), -1) if keys[j]), "")
            after = next((keys[j] for j in range(index + 1, min(len(keys), index + 1 + REACH)) if keys[j]), "")
            if before and after:
                places[key].add((before, after))
    return _Words(counts, forms, places, leading)


def _forms(key: str, by_report: Mapping[str, _Words]) -> tuple[str, tuple[str, ...]]:
    """The term's name (its commonest spelling) and every spelling seen, lower-cased and deduplicated."""
    seen: Counter = Counter()
    for found in by_report.values():
        seen.update(found.forms.get(key, {}))
    name = seen.most_common(1)[0][0]
    spellings = tuple(dict.fromkeys(form.lower() for form, _ in seen.most_common()))
    return name, spellings


# --------------------------------------------------------------------------- proposing groups


def _scores(by_report: Mapping[str, _Words]) -> dict[str, list[WordScore]]:
    """For each report, its words used at least MIN_COUNT times with z >= Z_PARTNER, most distinctive first."""
    total: Counter = Counter()
    for found in by_report.values():
        total.update(found.counts)
    a0 = PRIOR_REPORTS * sum(total.values()) / max(1, len(by_report))
    chosen = {}
    for report_id, found in by_report.items():
        scores = log_odds(found.counts, total - found.counts, prior=total, prior_size=a0)
        chosen[report_id] = sorted(
            (s for word, s in scores.items() if word in found.counts and s.count >= MIN_COUNT and s.z >= Z_PARTNER),
            key=lambda s: (-s.z, s.word),
        )
    return chosen


def _same_places(scores: Mapping[str, list[WordScore]], by_report: Mapping[str, _Words]) -> list[list[str]]:
    """Words of different reports used in the same place: each pair of a group shares one, and
    each group holds a word that reaches Z_THRESHOLD. Most shared places are joined first.

    One shared place between two words that one report each uses is chance as often as not
    ('the powerful House Committee', 'the powerful Standing Committee'), so a pair needs more:
    at least PLACES_ALONE shared places, or each word used by at least REPORTS_EACH reports.
    A word mostly used as the first words of a longer name ('House' in 'House Select
    Committee') is part of that name, not a name of its own, and joins no group."""
    owner: dict[str, str] = {}
    strong: set[str] = set()
    for report_id, found in scores.items():
        for score in found:
            owner.setdefault(score.word, report_id)
            if score.z >= Z_THRESHOLD:
                strong.add(score.word)
    places: dict[str, set[tuple[str, str]]] = defaultdict(set)
    used_by: Counter = Counter()
    uses: Counter = Counter()
    leading: Counter = Counter()
    for found in by_report.values():
        for word in owner:
            places[word] |= found.places.get(word, set())
            used_by[word] += bool(found.counts.get(word))
            uses[word] += found.counts.get(word, 0)
            leading[word] += found.leading.get(word, 0)
    words_ = sorted(word for word in owner if 2 * leading[word] <= uses[word])

    def evidenced(a: str, b: str) -> bool:
        common = places[a] & places[b]
        return bool(common) and (len(common) >= PLACES_ALONE or min(used_by[a], used_by[b]) >= REPORTS_EACH)

    shared = sorted(
        ((len(places[a] & places[b]), a, b) for i, a in enumerate(words_) for b in words_[i + 1 :]
         if owner[a] != owner[b] and evidenced(a, b)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    group_of: dict[str, list[str]] = {}
    for _, a, b in shared:
        ga, gb = group_of.get(a, [a]), group_of.get(b, [b])
        if ga is gb:
            continue
        reports = [owner[w] for w in ga + gb]
        # Complete linkage: every pair shares a place, and one report gives one word at most.
        if len(set(reports)) == len(reports) and all(evidenced(x, y) for x in ga for y in gb):
            merged = ga + gb
            for word in merged:
                group_of[word] = merged
    groups = {id(g): sorted(g) for g in group_of.values()}
    return sorted((g for g in groups.values() if strong & set(g)), key=lambda g: g[0])


def _general_groups(bodies: list[str], taken: set[str]) -> list[TermGroup]:
    """The kit's general groups, keeping only the spellings the story's article bodies use."""
    kept = []
    for group in general_terms().groups:
        terms = {}
        for term, forms in group.terms.items():
            # Matched as lesson 4 counts them: whole words, any capitals, a phrase across one line break.
            present = tuple(f for f in forms if any(
                re.search(rf"(?<!{LETTER})(?:{alternation([f])})(?!{LETTER})", body, re.IGNORECASE) for body in bodies
            ))
            if present and term not in taken:
                terms[term] = present
        if terms:
            kept.append(TermGroup(group.id, group.title, terms, group.note))
    return kept


def propose_terms(story: Story) -> list[TermGroup]:
    """Word groups for lesson 4 proposed from the story's article bodies (see the module docstring).

    Groups come in this order: ``names_N`` (words different reports use in the same places),
    ``distinct_<report id>`` (each report's other distinctive words), then the general groups
    that hold for any story, cut to the words the story uses. Every word proposed occurs in the
    article bodies; a story with too little text gets only the general groups.

    Example:
        >>> from medialit.story import load_story
        >>> names = propose_terms(load_story())[0]
        >>> sorted(names.terms)
        ['army', 'regime']
    """
    bodies = {report.id: [p.text for p in report_passages(report)] for report in story.reports}
    # A name of several words ('Hong Kong') is one word: found over the whole story, so each
    # report counts it the same way.
    names = _story_names(text for texts in bodies.values() for text in texts)
    by_report = {report_id: _report_words(texts, names) for report_id, texts in bodies.items()}
    scores = _scores(by_report) if len(by_report) >= 2 else {}
    groups: list[TermGroup] = []
    placed: set[str] = set()
    places = {word: set().union(*(found.places.get(word, set()) for found in by_report.values()))
              for group in _same_places(scores, by_report) for word in group}
    for number, words_of_group in enumerate(_same_places(scores, by_report), start=1):
        terms = dict(_forms(word, by_report) for word in words_of_group)
        before, after = sorted(set.intersection(*(places[word] for word in words_of_group)))[0]
        uses = "; ".join(
            f"{name}: {', '.join(rid for rid, found in by_report.items() if found.counts.get(word))}"
            for word, name in zip(words_of_group, terms)
        )
        groups.append(TermGroup(
            f"names_{number}", "Different words in the same place: " + ", ".join(terms),
            terms,
            "Proposed by the kit: different reports use these words in the same place (between words like "
            f"'{before}' and '{after}'), so they may name one thing differently. Reports using each: {uses}. "
            "Read the sentences before you rely on it.",
        ))
        placed.update(words_of_group)
    for report_id, found in scores.items():
        left = [s for s in found if s.word not in placed and s.z >= Z_THRESHOLD][:PER_REPORT]
        if not left:
            continue
        name = story.report(report_id).name
        terms = dict(_forms(s.word, by_report) for s in left)
        terms = {term: forms for term, forms in terms.items() if term not in {t for g in groups for t in g.terms}}
        if not terms:
            continue
        groups.append(TermGroup(
            f"distinct_{report_id}", f"Words {name} uses more than the others",
            terms,
            f"Proposed by the kit: the words most distinctive of {name} against the other reports "
            "(weighted log-odds, Monroe, Colaresi & Quinn 2008). Check whether the others name the same things "
            "in other words, or leave them out.",
        ))
        placed.update(s.word for s in left)
    taken = {term for group in groups for term in group.terms}
    return groups + _general_groups([text for texts in bodies.values() for text in texts], taken)
