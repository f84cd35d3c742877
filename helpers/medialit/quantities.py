"""Lesson 4's numbers: every number in a report with what it measures, and the reports lined up.

:func:`find_numbers` reads distances, percentages, counts, dates, times, money and durations;
:func:`compare_numbers` lines up where the reports give numbers for one thing (a number topic)
and says plainly whether they differ, and who gives each figure.

Example:
    >>> [(n.value, n.unit, n.measure) for n in find_numbers("It fell 4 miles (6 kilometers) away in 2017.")]
    [(4.0, 'miles', 'distance'), (6.0, 'kilometers', 'distance'), (2017.0, '', 'date')]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Sequence

# Absolute, not relative, so `python -m doctest helpers/medialit/quantities.py` runs the examples.
from medialit.errors import StoryError
from medialit.passages import Locator, ReportLike, normalise, report_passages
from medialit.story import Story
from medialit.terms import TERMS_FILE, NumberTopic, Terms, load_terms, story_terms
from medialit.text import MONTHS, SPEECH_VERB

__all__ = ["NumberComparison", "NumberMention", "compare_numbers", "find_numbers", "topics_from_text"]


@dataclass(frozen=True)
class NumberMention:
    """A number in a report: its value, unit, what it measures and its sentence.

    ``high`` is the top of a range ('700 to 1,000'), else ``None``; ``qualifier`` is a
    word that bends it ('at least', 'about', 'within'); ``restates`` is true for a
    conversion in brackets ('4 miles (6 kilometers)': the 6 km restates the 4 miles).
    Dates have the year as value (the day when no year is written).

    ``given_by`` says whose figure it is, as far as the text shows: ``"quote"`` inside
    quotation marks, ``"source"`` in a sentence that attributes it (``cue`` holds the words,
    like 'said' or 'according to'), else ``"report"``: the outlet states it itself.

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
    given_by: str = "report"
    cue: str = ""

    @property
    def as_written(self) -> str:
        """The number as the report writes it, with the qualifier that bends it.

        Example:
            >>> find_numbers("Troops were at least 7 km away.")[0].as_written
            'at least 7 km'
        """
        if self.qualifier and not self.text.lower().startswith(self.qualifier):
            return f"{self.qualifier} {self.text}"
        return self.text

    @property
    def given_by_words(self) -> str:
        """Whose figure this is, in words a student reads.

        Example:
            >>> find_numbers("Troops were 7 km away, officers said.")[0].given_by_words
            "given by someone the report cites ('said')"
        """
        if self.given_by == "quote":
            return "inside a quotation: someone else's words"
        if self.given_by == "source":
            return f"given by someone the report cites ('{self.cue}')"
        return "stated by the report itself"

    @property
    def standard(self) -> tuple[float, str]:
        """The value in a unit shared by all reports: kilometres for distances, km/h for speeds,
        one sign for a currency (pounds are '£'), else as written."""
        unit = " ".join(self.unit.lower().split())
        if self.measure == "distance" and unit in _KM_PER:
            return (round(self.value * _KM_PER[unit], 2), "km")
        if self.measure == "speed" and unit in _KMH_PER:
            return (round(self.value * _KMH_PER[unit], 1), "km/h")
        if self.measure == "money":
            return (self.value, _CURRENCY.get(unit, self.unit))
        return (self.value, self.unit)


_KM_PER = {
    "km": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
    "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
    "m": 0.001, "meter": 0.001, "meters": 0.001, "metre": 0.001, "metres": 0.001,
}
_KMH_PER = {
    "mph": 1.609344, "miles per hour": 1.609344, "miles an hour": 1.609344, "km/h": 1.0, "kph": 1.0,
    "kilometers per hour": 1.0, "kilometres per hour": 1.0, "kilometers an hour": 1.0, "kilometres an hour": 1.0,
    "knots": 1.852,
}
_CURRENCY = {"£": "£", "pounds": "£", "$": "$", "us$": "$", "dollars": "$", "€": "€", "euros": "€",
             "roubles": "roubles", "rubles": "roubles"}
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12,
}
_MONTHS = "|".join(MONTHS)
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
    # Speeds first, so that '80 miles per hour' is a speed and not a distance.
    ("speed", r"mph|km/h|kph|knots|(?:miles|kilomet(?:er|re)s)\s+(?:per|an)\s+hour"),
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


# Reporting verbs that give a figure to someone else, in lower case so that 'United States'
# is no verb; words that are more often nouns here ('state', 'report', 'note') are left out.
_ATTRIBUTING = re.compile(
    SPEECH_VERB.replace("according", "[Aa]ccording"),
)
_NOT_ATTRIBUTING = frozenset({"state", "states", "report", "note", "notes", "comment", "comments"})
_OPEN_MARKS = "“«„"
_CLOSE_MARKS = "”»"


class _Quotes:
    """Whether a position in a passage is inside quotation marks, by counting the marks before it."""

    def __init__(self, text: str):
        self.opens = [i for i, c in enumerate(text) if c in _OPEN_MARKS]
        self.closes = [i for i, c in enumerate(text) if c in _CLOSE_MARKS]
        self.straight = [i for i, c in enumerate(text) if c == '"']

    def inside(self, position: int) -> bool:
        opened = bisect_left(self.opens, position) - bisect_left(self.closes, position)
        return opened > 0 or bisect_left(self.straight, position) % 2 == 1


def _given_by(sentence: str, offset: int, quoted: bool) -> tuple[str, str]:
    """('quote' | 'source' | 'report', cue): the cue is the reporting verb nearest before the number, else after."""
    if quoted:
        return "quote", ""
    verbs = [m for m in _ATTRIBUTING.finditer(sentence) if m.group().lower() not in _NOT_ATTRIBUTING]
    if not verbs:
        return "report", ""
    before = [m for m in verbs if m.start() < offset]
    nearest = before[-1] if before else verbs[0]
    return "source", " ".join(nearest.group().split())


def find_numbers(report: ReportLike, include_comments: bool = False) -> list[NumberMention]:
    """Every number in the report body with what it measures, in reading order.

    Measures: distance, percentage, count, date, time, money, duration, or plain number.
    Years and dates are dates, never counts. 'twice' is a count of 2 'times' and
    'three times' a count of 3, because they count events ('shelled twice'); 'one' and
    'once' are left out, being mostly idioms ('on one side'). Word numbers from two to
    twelve count only before a noun ('five of its fighters'). A list marker like '1.'
    at the start of a paragraph is not a number. Each number says who gives it
    (:attr:`NumberMention.given_by`): a quotation, a cited source, or the report itself.

    Example:
        >>> [(n.value, n.unit, n.measure) for n in find_numbers("It fell 4 miles (6 kilometers) away in 2017.")]
        [(4.0, 'miles', 'distance'), (6.0, 'kilometers', 'distance'), (2017.0, '', 'date')]
    """
    mentions: list[NumberMention] = []
    for unit in report_passages(report, include_comments):
        where = Locator(unit, normalise(unit.text))
        quotes = _Quotes(where.text)
        for start, mention in _numbers_in(where.text):
            first, last = where.sentence_span(start)
            sentence = where.text[first:last]
            given_by, cue = _given_by(sentence, start - first, quotes.inside(start))
            mentions.append(replace(mention, sentence=sentence, part=unit.part, line=where.line(start),
                                    given_by=given_by, cue=cue))
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
    """What each report says about one number topic, whether the figures fit together, and what to ask.

    ``mentions`` maps every report id to its numbers for the topic (empty when the report
    gives none). ``agree`` is ``None`` when fewer than two reports give a number, else
    whether one value fits every figure. Figures that differ are not called wrong: they may
    describe different places or days, or come from different people. ``verdict`` says it
    in one sentence, ``questions`` are what a student checks next, and ``summary`` is all of
    it in plain text (each report's figures, who gives them, the verdict and the questions).

    Example:
        >>> from medialit.story import load_story
        >>> comparison = compare_numbers(load_story())[0]
        >>> comparison.agree, comparison.verdict
        (False, 'The figures differ.')
    """

    topic: str
    title: str
    measure: str
    unit: str
    mentions: dict[str, tuple[NumberMention, ...]]
    agree: bool | None
    summary: str
    verdict: str = ""
    questions: tuple[str, ...] = ()


def _interval(mention: NumberMention, converted: bool = True) -> tuple[float, float]:
    """The values a mention allows, in the standard unit.

    A number ``converted`` from another unit allows 5% for rounding ('4 miles (6 kilometers)'),
    except counts; 'about' allows 10%; 'at least' has no top; 'within' has no bottom.
    """
    value = mention.standard[0]
    factor = value / mention.value if mention.value else 1.0
    if mention.high is not None:
        return (value, mention.high * factor)
    slack = 0.05 if converted and mention.measure != "count" else 0.0
    qualifier = mention.qualifier
    if qualifier in {"at least", "more than", "over"}:
        return (value, math.inf)
    if qualifier in {"within", "up to", "at most", "less than", "fewer than", "under"}:
        return (0.0, value * (1 + slack))
    if qualifier in {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}:
        return (value * 0.9, value * 1.1)
    return (value * (1 - slack), value * (1 + slack))


def _fit(a: NumberMention, b: NumberMention) -> bool:
    """Whether one value fits both numbers; two numbers written in the same unit get no rounding slack."""
    converted = " ".join(a.unit.lower().split()) != " ".join(b.unit.lower().split())
    (low_a, high_a), (low_b, high_b) = _interval(a, converted), _interval(b, converted)
    return max(low_a, low_b) <= min(high_a, high_b)


def _describe(mention: NumberMention) -> str:
    value, unit = mention.standard
    amount = f"{value:,.0f}" if value >= 10_000 and value == int(value) else f"{value:g}"
    shown = f"{unit}{amount}" if mention.measure == "money" and unit in "£$€" else f"{amount} {unit}".strip()
    words = f"{mention.qualifier} {shown}".strip()
    return words if mention.text.lower() == words.lower() else f"{words} ('{mention.text}')"


def compare_numbers(
    story: Story,
    topics: Sequence[str | NumberTopic] | None = None,
    terms: Terms | None = None,
) -> list[NumberComparison]:
    """Line up the reports' numbers on each topic of the story's ``terms.json`` (or the topics given).

    A number belongs to a topic when it measures the same kind of thing (in the topic's
    unit, if it names one) and its sentence holds one of the topic's cue words, if it lists
    any. A story whose word lists name no topics gets :func:`topics_from_text`. Distances are compared in kilometres.
    Figures fit together when one value fits every report's number, reading 'at least',
    'within' and 'about' for what they allow; otherwise they differ, and the summary asks
    whether they describe the same place and time and who gives each one.

    Example:
        >>> from medialit.story import load_story
        >>> print(compare_numbers(load_story())[0].summary)  # doctest: +NORMALIZE_WHITESPACE
        000: at least 7 km, given by someone the report cites ('saying'); 002: within 6.44 km
        ('within 4 miles'), stated by the report itself. The figures differ. Do they describe
        the same place and the same time? Who gives each figure: the outlet itself, or a person
        it quotes or cites? Here 000 gives its figure as someone else's words.
    """
    known = terms or story_terms(story)
    numbers = {report.id: find_numbers(report) for report in story.reports}
    if topics is None:
        chosen = list(known.number_topics) or topics_from_text(numbers)
    else:
        chosen = [t if isinstance(t, NumberTopic) else _topic(known, t) for t in topics]
    comparisons = []
    for topic in chosen:
        by_report = {report_id: tuple(m for m in found if _belongs(m, topic)) for report_id, found in numbers.items()}
        giving = {rid: ms for rid, ms in by_report.items() if ms}
        agree: bool | None = None
        if len(giving) >= 2:
            # Pairs from different reports: intervals that meet pairwise share one value (Helly, in one dimension).
            found = [(rid, m) for rid, ms in giving.items() for m in ms]
            agree = all(_fit(a, b) for i, (ra, a) in enumerate(found) for rb, b in found[i + 1 :] if ra != rb)
        parts = [f"{rid}: " + "; ".join(f"{_describe(m)}, {m.given_by_words}" for m in ms) for rid, ms in giving.items()]
        verdict, questions = _verdict(giving, agree)
        summary = " ".join(["; ".join(parts) + "." if parts else "", verdict, *questions]).strip()
        standard_unit = {"distance": "km", "speed": "km/h"}.get(topic.measure, _unit_key(topic.measure, topic.unit))
        comparisons.append(NumberComparison(topic.id, topic.title, topic.measure, standard_unit, by_report, agree,
                                            summary, verdict, questions))
    return comparisons


def _unit_key(measure: str, unit: str) -> str:
    unit = " ".join(unit.lower().split())
    return _CURRENCY.get(unit, unit) if measure == "money" else unit


def _belongs(mention: NumberMention, topic: NumberTopic) -> bool:
    """Same measure, same unit when the topic names one, and a cue word in the sentence when it lists cues."""
    if mention.measure != topic.measure or mention.restates:
        return False
    if topic.unit and _unit_key(mention.measure, mention.unit) != _unit_key(topic.measure, topic.unit):
        return False
    return not topic.cues or any(cue.lower() in mention.sentence.lower() for cue in topic.cues)


#: Measures whose numbers are lined up across reports when a story lists no number topics. Dates,
#: times, durations and bare numbers are left out: in news they are mostly about different things.
_COMPARED = ("count", "distance", "speed", "money", "percentage")
_TOPIC_TITLES = {"distance": "Distances", "speed": "Speeds", "percentage": "Percentages"}


def topics_from_text(numbers: dict[str, list[NumberMention]]) -> list[NumberTopic]:
    """Number topics read from the reports themselves: one per kind of thing counted or measured
    ('homes', a distance, a sum in pounds) that at least two reports give a number for.

    Example:
        >>> found = {"001": find_numbers("More than 120 homes flooded."), "002": find_numbers("About 100 homes flooded.")}
        >>> [(t.title, t.unit) for t in topics_from_text(found)]
        [('How many homes (found in the text)', 'homes')]
    """
    reports_of: dict[tuple[str, str], set[str]] = {}
    for report_id, found in numbers.items():
        for m in found:
            if m.measure in _COMPARED and not m.restates and (m.measure != "count" or m.unit):
                key = (m.measure, _unit_key(m.measure, m.unit) if m.measure in ("count", "money") else "")
                reports_of.setdefault(key, set()).add(report_id)
    topics = []
    for (measure, unit), reports in reports_of.items():
        if len(reports) < 2:
            continue
        if measure == "count":
            title = f"How many {unit}"
        elif measure == "money":
            title = f"Sums of money ({unit})"
        else:
            title = _TOPIC_TITLES[measure]
        topics.append(NumberTopic(
            f"{measure}_{unit}".rstrip("_").replace(" ", "_"), title + " (found in the text)", measure, unit, (),
            "Found by the kit: numbers of the same kind in different reports. They may be about different "
            "things: read the sentences.",
        ))
    return topics


def _verdict(giving: dict[str, tuple[NumberMention, ...]], agree: bool | None) -> tuple[str, tuple[str, ...]]:
    """One plain sentence and the questions to ask next; figures that differ are never called false."""
    if not giving:
        return "No report gives a number for this.", ()
    if agree is None:
        return "Only one report gives a number, so there is nothing to compare.", ()
    others = [rid for rid, ms in giving.items() if all(m.given_by != "report" for m in ms)]
    if agree:
        if len(others) == len(giving):
            return "These fit together.", (
                "Every report gives this figure as someone else's words: agreeing reports may all repeat one source.",
            )
        return "These fit together.", ()
    questions = [
        "Do they describe the same place and the same time?",
        "Who gives each figure: the outlet itself, or a person it quotes or cites?",
    ]
    if others and len(others) < len(giving):
        whose = " and ".join(others)
        questions.append(f"Here {whose} {'gives its figure' if len(others) == 1 else 'give their figures'} "
                         "as someone else's words.")
    elif others:
        questions.append("Here every report gives its figure as someone else's words.")
    return "The figures differ.", tuple(questions)


def _topic(terms: Terms, topic_id: str) -> NumberTopic:
    for topic in terms.number_topics:
        if topic.id == topic_id:
            return topic
    known = ", ".join(t.id for t in terms.number_topics)
    raise StoryError([f"There is no number topic {topic_id!r} in {terms.path or TERMS_FILE}. The topics are: {known}."])
