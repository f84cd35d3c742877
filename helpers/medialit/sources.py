"""Lesson 4's sources: who each report cites, of which kind, and the sentence that shows it.

Kinds: news agencies, named officials, anonymous sources, institutions and other outlets
(:data:`medialit.terms.SOURCE_KINDS`). Agencies, outlets and institutions come from the
word lists (:mod:`medialit.terms`); people are found in the text itself: a name after a title,
a name next to a reporting verb, or the speaker of a quote as lesson 3's quote finder
(:func:`medialit.quotes.extract_quotes`) names it.

Example:
    >>> [(s.name, s.kind) for s in find_sources("Officials told Reuters the town fell.")]
    [('Reuters', 'news_agency')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Sequence

# Absolute, not relative, so `python -m doctest helpers/medialit/sources.py` runs the examples.
from medialit.passages import LETTER, ReportLike, alternation, normalise, report_passages
from medialit.quotes import extract_quotes
from medialit.terms import Terms, load_terms
from medialit.text import sentences as split_sentences
from medialit.text import STOPWORDS, name_runs
from medialit.text import words as words_of

__all__ = ["KIND_NAMES", "Source", "find_sources", "kind_words"]

#: How each kind of source is named for students: (one, many).
KIND_NAMES: dict[str, tuple[str, str]] = {
    "news_agency": ("news agency", "news agencies"),
    "named_official": ("named official", "named officials"),
    "anonymous": ("anonymous source", "anonymous sources"),
    "institution": ("government or organisation", "governments or organisations"),
    "other_outlet": ("other news outlet", "other news outlets"),
}


def kind_words(kind: str, n: int) -> str:
    """'1 named official', '2 anonymous sources': a source kind with its count.

    Example:
        >>> kind_words("anonymous", 2)
        '2 anonymous sources'
    """
    one, many = KIND_NAMES.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return f"{n} {one if n == 1 else many}"


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
        self.verb_after = re.compile(rf"^(?:[\s,]+[\w'.\-]+){{0,5}}?[\s,]+(?:{verbs})(?!{LETTER})")
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
                        pattern = re.compile(rf"(?<!{LETTER})(?:{alternation(group)})(?!{LETTER})", flags)
                        self.named.append((pattern, name, kind))
        titles = alternation(terms.titles) if terms.titles else r"(?!x)x"
        # A title in any capitals ('Spokesman', 'spokesman'); the name after it is found by name_runs.
        self.title = re.compile(rf"(?<!{LETTER})(?i:{titles})\s+")
        self.title_words = {w.casefold().rstrip(".") for t in terms.titles for w in re.split(r"[\s\-]+", t)}
        roles = alternation(terms.anonymous_roles) if terms.anonymous_roles else r"(?!x)x"
        modifiers = alternation(terms.anonymous_modifiers) if terms.anonymous_modifiers else r"(?!x)x"
        self.anonymous = re.compile(
            rf"(?<!{LETTER})(?:(an?|one|two|three|several|some)\s+)?((?:(?:{modifiers})\s+){{0,3}})({roles})(?!{LETTER})",
            re.IGNORECASE,
        )
        self.verbs_anywhere = re.compile(rf"(?<!{LETTER})(?:{verbs}|(?i:according to))(?!{LETTER})")
        # Organisations named in the text itself, for any story: 'The Environment Agency said',
        # 'a spokesperson for the Department for Environment', 'according to the fire service'.
        self.organisations = _ORGANISATION
        # An organisation found in the text speaks only with the verb close by ('the council has said'),
        # so that 'retired from the service as a rear admiral, said' is not the service speaking.
        self.verb_close_after = re.compile(rf"^(?:\s+[\w'.\-]+){{0,2}}?[\s,]+(?:{verbs})(?!{LETTER})")
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

    def titled(self, sentence: str) -> list[str]:
        """The names right after a title ('Army Colonel Ryan Dillon', 'spokesman Dillon'): the
        first three words at most of the name (:func:`medialit.text.name_runs`) that follows."""
        names, at = [], 0
        while match := self.title.search(sentence, at):
            after = name_runs(sentence[match.end() :], stopwords=True, shortest=1)
            if after and after[0].start == 0:
                names.append(" ".join(after[0].text.split(" ")[:3]))
                at = match.end() + len(names[-1])
            else:
                at = match.start() + 1
        return names

    def place_before(self, sentence: str, start: int) -> bool:
        """True when the words at ``start`` follow 'in', 'near', 'at'...: 'in Little Portbury' is a place."""
        return bool(_PLACE_PREPOSITION.search(sentence, max(0, start - 12), start))

    def cited(self, sentence: str, start: int, end: int) -> bool:
        after = self.verb_after.match(sentence[end:])
        if after and _PASSIVE.search(after.group()):
            after = None  # 'X and Y are said to be suppliers': others say it about them
        # '... granting Hong Kong autonomy, while the city's police deny ...': a new clause
        # after a comma has its own subject, so the verb is not the name's.
        if after and _NEW_CLAUSE.search(after.group()):
            after = None
        return bool(after or self.verb_before.search(sentence[:start]))


def find_sources(report: ReportLike, include_comments: bool = False, terms: Terms | None = None) -> list[Source]:
    """Who the report cites, in order of first mention, each listed once with its count.

    Kinds: ``news_agency`` and ``other_outlet`` whenever named; ``institution`` and
    ``named_official`` (a name after a title such as 'Maj. Gen.', a two-word name next to
    a reporting verb, or a quote's speaker the report names in full) only when some
    sentence gives them words (a reporting verb next to the name or surname, or a quote
    of theirs), counting every mention of the surname under the longest name given; ``anonymous`` for unnamed speakers such as 'a US
    military official' in a sentence with a reporting verb. A string is read as body.

    A country or capital speaking ('Moscow said') is the government it is listed under
    in ``terms.json`` (an ``institution``); an unlisted one is not counted, and never as
    a person. Places are never people: general words ('Kyiv Oblast', 'Gaza Strip',
    'North Portbury'), names the report puts straight after 'in' or 'near' anywhere, the
    country after 'ambassador to', and the story's own places in the ``not_people`` list of
    ``terms.json``. A verb after a comma and a new clause (', while the police deny') is
    not the name's; nor is a verb after 'is' or 'are' ('X is said to be', 'Y was accused'):
    those are others' words about the name. A name ending like a company's ('... Technologies',
    '... Ltd') is an organisation; 'the agency' alone names none.

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

    texts = [normalise(unit.text) for unit in report_passages(report, include_comments)]
    sentences: list[str] = []
    spans: list[tuple[int, int]] = []  # each sentence's place in the passages joined by blank lines
    offset = 0
    for text in texts:
        for span in split_sentences(text):
            sentences.append(span.text)
            spans.append((offset + span.start, offset + span.end))
        offset += len(text) + 2
    # Lesson 3's quote finder says who speaks each quote: 'Jo Lee, the commander of the
    # northern district, said: "..."' gives Jo Lee words though the verb is far from the name.
    speakers = _quote_speakers("\n\n".join(texts), spans)

    # Names the report puts straight after 'in', 'near', 'at'... ('in Hong Kong') are places
    # wherever else they stand ('granting Hong Kong autonomy').
    places = {run.text for sentence in sentences
              for run in name_runs(sentence, stopwords=True) if finder.place_before(sentence, run.start)}

    lower_words = {span.text for sentence in sentences for span in words_of(sentence) if span.text[:1].islower()}

    def longest(table: dict[str, str], name: str) -> None:
        surname = name.split()[-1]
        if len(name) > len(table.get(surname, "")):
            table[surname] = name

    # First pass: the people named after a title, or by a name next to a reporting verb.
    people: dict[str, str] = {}  # surname -> full name
    named: dict[str, str] = {}  # surname -> full name, for every name that looks like a person's
    for sentence in sentences:
        for name in finder.titled(sentence):
            if _looks_like_person(name, finder) and name not in places:
                longest(people, name)
        # Runs of capitalised words; a person's name is the last two or three after any title.
        for run in name_runs(sentence, stopwords=True):
            words = run.text.split(" ")
            dropped = []
            # 'China's ambassador to Britain Jo Lee': the first word names the office's country.
            office = _OFFICE_OF.search(sentence, max(0, run.start - 40), run.start)
            if office and office.group(1).casefold() in finder.title_words and len(words) >= 3:
                dropped.append(words.pop(0))
            # 'On Monday Anna Kovalenko said': the name is what is left after the leading words;
            # so is it after a sentence's first word that the report also writes in small
            # letters ('Because Jo Lee said', 'Following Lee's remarks').
            opening = not sentence[: run.start].strip(_OPENING_MARKS)
            while words and (words[0] in _LEADING or words[0].casefold() in finder.title_words or
                             any(w.casefold() in finder.title_words for w in words[0].split("-")) or
                             (opening and not dropped and (words[0].lower() in lower_words or
                                                           words[0].lower() in STOPWORDS))):
                dropped.append(words.pop(0))
            name = " ".join(words[-3:])
            # 'in Little Portbury' or 'In Little Portbury' at a sentence start: a place.
            place = finder.place_before(sentence, run.start) or bool(
                dropped and _PLACE_PREPOSITION.fullmatch(dropped[-1].lower() + " ")
            ) or name in places or (office is not None and not dropped)
            if 2 <= len(words) <= 3 and not place and _looks_like_person(name, finder):
                longest(named, name)
                if finder.cited(sentence, run.start, run.end):
                    longest(people, name)
    # A quote's speaker the report names in full is a person ('Britain Jo Lee' is cut as above).
    for speaker in set().union(*speakers) if speakers else ():
        name = named.get(speaker.split()[-1], "")
        if name and speaker.endswith(name):
            longest(people, name)

    for index, sentence in enumerate(sentences):
        hits = [(m.start(), m.end(), name, kind) for pattern, name, kind in finder.named for m in pattern.finditer(sentence)]
        kept: list[tuple[int, int, str, str]] = []
        # Longest first, so "Russia's Defence Ministry" is not also a mention of 'Russia'.
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if not any(a < hit[1] and hit[0] < b for a, b, _, _ in kept):
                kept.append(hit)
        for match in finder.organisations.finditer(sentence):
            start, end = match.start("name"), match.end("name")
            close = finder.verb_close_after.match(sentence[end:])
            speaks = (close and not _PASSIVE.search(close.group())) or finder.verb_before.search(sentence[: match.start()])
            if not any(a < end and start < b for a, b, _, _ in kept) and speaks:
                kept.append((start, end, _organisation_name(match.group("name")), "institution"))
        for start, end, name, kind in sorted(kept):
            cited = kind in ("news_agency", "other_outlet") or finder.cited(sentence, start, end)
            record(name, kind, sentence, cited)
        for surname, full in {**named, **people}.items():
            for match in re.finditer(rf"(?<!{LETTER}){re.escape(surname)}(?!{LETTER})", sentence):
                # Mentions are counted on the surname; the sentence gives them words when the
                # verb follows the surname or comes before the full name.
                full_start = sentence.rfind(full, 0, match.end())
                start = full_start if full_start >= 0 and full_start + len(full) == match.end() else match.start()
                quoted = any(speaker.split()[-1] == surname for speaker in speakers[index])
                record(full, "named_official", sentence, quoted or finder.cited(sentence, start, match.end()))
        for match in finder.anonymous.finditer(sentence):
            article, modifiers, role = match.group(1), match.group(2), match.group(3)
            plural = role.lower().endswith("s")
            if not (article or (plural and modifiers.strip())):
                continue  # 'the spokesman' points back to someone already named
            if re.match(r"\s*,?\s*[A-Z][a-z]+\s+[A-Z][a-z]+", sentence[match.end():]):
                continue  # 'a spokesman, Ryan Dillon, said': he is named
            named_before = _NAME_THEN_COMMA.search(sentence, max(0, match.start() - 40), match.start())
            if named_before and named_before.group(1) in {**named, **people}:
                continue  # 'Ryan Dillon, a spokesman, said': the same, named first
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


#: Words that end a company's name ('Global Lighting Technologies', 'Apple Inc.'): an organisation.
_COMPANY_ENDINGS = (
    "Technologies", "Technology", "Systems", "Industries", "Holdings", "Enterprises", "Solutions", "Networks",
    "Laboratories", "Labs", "Partners", "Ventures", "Group", "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "LLC",
    "PLC", "Plc", "GmbH",
)

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
    "Records", "Studios", "Entertainment", "Media", "Journal", "Herald", "Tribune", "Gazette",
    "Command", "Headquarters", "Pentagon", "Kremlin", "House", "Palace", "Rights", "Human", "Watch", "Democratic", "Special",
    "International", "National", "Federal", "Central", "Red", "Cross", "Crescent", "News", "Times", "Post",
    "Academy", "League", "Infirmary",
    # The last word of a company's name: 'Global Lighting Technologies' is a company, not a person.
    *(ending.rstrip(".") for ending in _COMPANY_ENDINGS),
    # Places.
    "City", "Town", "Village", "Province", "Region", "District", "County", "Oblast", "Governorate", "Strip",
    "Bank", "Street", "Road", "Square", "River", "Valley", "Mountains", "Mount", "Lake", "Sea", "Gulf", "Bay",
    "Island", "Islands", "Coast", "Harbour", "Harbor", "Port", "Docks", "Airport", "Base", "Border",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Middle", "Upper", "Lower",
}
#: An office and its preposition before a name: 'ambassador to', 'minister of', 'envoy for'.
_OFFICE_OF = re.compile(r"(?<![^\W_])([A-Za-z]+)\s+(?:to|of|for)\s+$")
#: Quote marks and brackets that may open a sentence before its first word.
_OPENING_MARKS = " \"'“‘«(["
#: A word and a comma right before a description: 'Jo Lee, a spokesman'.
_NAME_THEN_COMMA = re.compile(r"([A-Z][\w'-]+),\s*$")
#: A comma and a word that opens a new clause, with its own subject.
_NEW_CLAUSE = re.compile(r",\s*(?:while|whereas|although|though|but|because|and|so|as|when|if|after|before|since)\s")
#: A reporting verb after a form of 'be' ('are said to be', 'was told'): the words are someone
#: else's about the name, so the name is not the source.
_PASSIVE = re.compile(r"(?<![^\W_])(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+$")
#: A capitalised name straight after one of these is a place ('fighting in Little Portbury').
_PLACE_PREPOSITION = re.compile(r"(?<![^\W_])(?:in|at|near|outside|inside|across|into|towards?|around|throughout)\s+$")
#: Leading words dropped from a run of capitalised words before looking for a name in it.
_LEADING = {"The", "A", "An", "In", "On", "At", "Of", "For", "From", "By", "And", "But", "As", "When", "While",
            "After", "Before", "Since", "During", "However", "Meanwhile", "Also", "Earlier", "Later", "Last",
            "Within", "Following", "Despite", "Because", "Unlike", "Although", "Though", "Whatever", "Until",
            "Amid", "Among", "Against", "Without", "Throughout", "Upon", "Once", "Whether", "With", "If", "Or",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"}


# Nouns that end (or start) the name of an organisation, in any story.
_ORGANISATION_HEADS = (
    "agency|council|ministry|department|office|service|police|army|navy|government|commission|committee|court|"
    "authority|board|bureau|company|corporation|coalition|command|embassy|observatory|institute|university|"
    "hospital|union|party|foundation|organi[sz]ation|association|society|parliament|congress|senate|administration"
)
# Not 'the agency': it does not say which agency, nor even what kind (a news, a government or an
# advertising agency), so it is no organisation a student could look up.
_SPEAKING_BODIES = "council|government|police|army|ministry|coalition|committee|commission|court"
_CAPITALISED = r"[A-Z][\w'’.-]*"
# 'Apple Inc.' ends at 'Inc': the full stop may end the sentence.
_COMPANIES = "|".join(sorted({re.escape(e.rstrip(".")) for e in _COMPANY_ENDINGS}, key=len, reverse=True))
_ORGANISATION = re.compile(
    rf"(?<!{LETTER})(?:[Tt]he\s+)?(?P<name>"
    # 'Environment Agency', 'Portbury Town Council': capitalised words, then a capitalised head.
    rf"(?:{_CAPITALISED}\s+){{1,4}}(?:(?=[A-Z])(?i:{_ORGANISATION_HEADS})|(?:{_COMPANIES})(?!\s+[A-Z]))"
    # 'Department for Environment', 'Ministry of Defence': a capitalised head, 'for'/'of', capitalised words.
    rf"|(?=[A-Z])(?i:{_ORGANISATION_HEADS})\s+(?:for|of)\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:and\s+)?{_CAPITALISED}){{0,3}}"
    # 'the town council', 'the fire service', 'the Syrian army': 'the', one or two words, a head;
    # or a body that speaks for itself: 'the council', 'the government', 'the police'.
    rf"|(?<=[Tt]he\s)(?:(?:[A-Za-z][\w-]*\s+){{1,2}}(?:{_ORGANISATION_HEADS})|{_SPEAKING_BODIES})"
    rf")(?!{LETTER})"
)


def _quote_speakers(text: str, spans: Sequence[tuple[int, int]]) -> list[set[str]]:
    """For each sentence (``spans``, offsets into ``text``), the speakers of the quotes in it,
    as :func:`medialit.quotes.extract_quotes` finds them: a quote that runs over several
    sentences is its speaker's in each."""
    found: list[set[str]] = [set() for _ in spans]
    starts = [start for start, _ in spans]
    for quote in extract_quotes(text, include_all=True):
        if quote.kind != "quote" or not quote.speaker:
            continue
        first = max(0, bisect_right(starts, quote.start) - 1)
        last = max(first, bisect_right(starts, quote.end) - 1)
        for index in range(first, last + 1):
            found[index].add(quote.speaker)
    return found


def _organisation_name(text: str) -> str:
    return " ".join(text.split())


def _looks_like_person(name: str, finder: _SourceFinder) -> bool:
    """False for capitalised words that are plainly not a person: 'Kyiv Oblast', 'Defence Ministry'."""
    words = name.split()
    if any(word in _NOT_NAME_WORDS or word in finder.not_people for word in words):
        return False
    return not any(pattern.fullmatch(name) for pattern, _, _ in finder.named)
