"""Who said a quote: speaking verbs, names, titles, pronouns and reporting frames, resolved over a page."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from medialit.quotes.frames import (
    ABBREVIATIONS,
    BASE_ONLY_VERBS,
    FEMALE_TITLES,
    INTRODUCTIONS,
    MALE_TITLES,
    NOT_NAMES,
    ORG_WORDS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    SAYING_NOUNS,
    TITLES,
)
from medialit.quotes.marks import _WORDY, _Span
from medialit.quotes.records import Quote
from medialit.segmentation import Block
from medialit.text import sentences

# --- who said it ------------------------------------------------------------------------------

# Case-sensitive on purpose: "States" in "the United States" is a name, not the verb "states".
# "(?<![\w-])": "so-called" is not the verb "called".
# "(?=[a-zAI])": the long alternation is tried only where a word starts with a letter it can
# start with, not at every masked-out character of a quote (which made it slow).
_VERB = re.compile(
    r"(?<![\w-])(?=[a-zAI])(?:"
    + "|".join(phrase.replace(" ", r"\s+") for phrase in sorted(REPORTING_PHRASES, key=len, reverse=True))
    + "|" + "|".join(sorted(REPORTING_VERBS | BASE_ONLY_VERBS, key=len, reverse=True)) + r"|[Aa]ccording to|[Ii]n the words of)\b"
)


def _names_after(verb: re.Match[str]) -> bool:
    """"according to Jo Lee", "in the words of Jo Lee": the speaker comes after the words."""
    return verb.group(0)[:1] in "aAiI" and verb.group(0).lower() in ("according to", "in the words of")


_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s*$", re.IGNORECASE)
_FILLER = re.compile(
    r"(?:\s+(?:also|later|then|further|again|previously|earlier|subsequently|repeatedly|"
    r"has|had|have|was|is|would|reportedly|once|often|even|just|long|"
    # When, between the subject and its verb: "Lee on Monday called", "Lee last week said".
    r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|afternoon|evening))?|"
    r"(?:last|this|next|earlier\s+this|later\s+that)\s+(?:week|weekend|month|year|night|morning|spring|summer|fall|autumn|winter)|"
    r"yesterday|today|tonight|"
    r"(?!(?:family|rally|ally|assembly|supply|reply|anomaly|monopoly|bully|daily|weekly|monthly|quarterly|yearly)\b)[a-z]{2,}ly))+\s*$",
)
# Words after which a "verb" is really a noun: "the reports", "his claims", "two calls".
_DETERMINERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "that",
    "many", "some", "several", "two", "three", "few", "no", "any", "such", "of", "to", "for", "with", "and",
    "by", "in", "on", "at", "from", "into", "about", "over", "all", "as", "than", "what",
}
_AFTER_PREPOSITION = re.compile(
    r"\b(?:through|in|on|at|of|from|to|with|by|into|across|around|near|outside|inside|over|under)\s*$"
)
# "began by saying", "and vowed": the verb belongs to the subject of the sentence.
_BEFORE_PARTICIPLE = {"by", "after", "before", "while", "when", "without", "in", "on", "also", "despite", "since"}
_AND = {"and", "but", "then"}
# Words that open a subordinate clause after a quote ('"...," when Lee blasted him').
# ... but '"...," as Lee put it' and '"...," as the memo says' are attributions: "as", a short subject, the verb.
def _is_as_attribution(lead_words: list[str]) -> bool:
    return lead_words[0].lower() == "as" and 1 < len(lead_words) <= 6


_SUBORDINATORS = {"when", "after", "before", "because", "as", "while", "if", "since", "although", "though", "until", "where"}
# Words that end a noun phrase: a phrase holding one is a clause, not a speaker.
_NOT_IN_PHRASE = {
    "and", "or", "but", "that", "which", "who", "while", "when", "where", "because", "after", "before",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "than", "what", "if",
}
# How far back from a quote its sentence's attribution is looked for. Attributions sit next
# to their quote; looking back to the start of a sentence of any length made long paragraphs
# quadratic (issue 15 row 4).
_WINDOW = 400
# A description's head noun is the word before "of"/"for"/"at"/"in": "a spokesman for the city".
_HEAD_CUT = re.compile(r"\s+(?:of|for|at|in|on|from|with|to)\s+.*$")


@dataclass(frozen=True)
class _Who:
    """A possible speaker: ``kind`` is person, name (a bare surname), org, pronoun, phrase or ''.

    ``titles`` are the title words the text gave with the name ("nominee" for "GOP nominee
    Jane Smith"), so a later "the nominee" can be matched to her.
    """

    kind: str
    name: str
    titles: tuple[str, ...] = ()


_NOBODY = _Who("", "")
# Courtesy titles, and the offices they are used to address ("Mr. President", "Madam Speaker").
_COURTESY = {"mr", "mrs", "ms", "miss", "dr", "madam"}
_ADDRESSED = {"president", "speaker", "chairman", "chairwoman", "chair", "secretary", "mayor", "governor",
              "senator", "minister", "ambassador", "justice", "prime", "vice"}


def _bare(word: str) -> str:
    return word.strip(",;:()[]{}\"'“”‘’").rstrip(".").lower()


def _is_title(word: str) -> bool:
    bare = _bare(word)
    return bare in TITLES or (("-" in bare) and all(part in TITLES for part in bare.split("-")))


def _name_from_words(words: list[str]) -> _Who:
    """A speaker from a run of capitalised words, titles dropped: 'Maj. Gen. Jane Okafor' gives 'Jane Okafor'."""
    return _name_from_tuple(tuple(words))


@lru_cache(maxsize=8192)
def _name_from_tuple(run: tuple[str, ...]) -> _Who:
    words = [w.strip(",;:()\"“”") for w in run if w.strip(",;:()\"“”")]
    while words and _bare(words[0]) in NOT_NAMES:
        words = words[1:]
    if not words:
        return _NOBODY
    last = _bare(words[-1]).removesuffix("’s").removesuffix("'s")
    if last in ORG_WORDS or (last in OUTLET_WORDS and len(words) > 1):
        return _Who("org", " ".join(words).rstrip("."))
    name: list[str] = []
    titles: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        # A title word that ends a run after a first name is a surname: "Charlie King", "Jo Judge"
        # (but "Prime Minister" is all title).
        # So is one after a courtesy title: "Mr. King", "Dr. Judge" (but "Mr. President" is an address).
        surname = k == len(words) - 1 and k > 0 and word[1:2].islower() and (
            not _is_title(words[k - 1]) or (_bare(words[k - 1]) in _COURTESY and _bare(word) not in _ADDRESSED)
        )
        if _is_title(word) and not surname:
            titles = [_bare(w) for w in words[: k + 1] if _is_title(w)]
            break
        if _bare(word) in NOT_NAMES or len(name) == 4:
            break
        name.insert(0, word.rstrip(".") if not re.fullmatch(r"[A-Z]\.", word) else word)
    if not name:
        return _NOBODY
    name[-1] = re.sub(r"['’]s$", "", name[-1])  # "China’s": the name, not its possessive
    if len(name) >= 2 or titles:
        return _Who("person", " ".join(name), tuple(titles))
    return _Who("name", name[0])


def _capitalised_run_at_end(text: str) -> list[str]:
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if word.endswith(",") and run:
            break
        core = word.strip(",;:()\"“”")
        if core[:1].isupper() or (core.lower() in PARTICLES and run) or (run and _is_title(core)):
            run.insert(0, word)
        else:
            break
    return run


def _run_after_description(text: str) -> list[str]:
    """A name after up to four lower-case words of description: 'talk radio host Rush Limbaugh'."""
    words = text.split()[:16]
    for k, word in enumerate(words[:5]):
        if word[:1].isupper():
            return _capitalised_run_at_start(" ".join(words[k:])) if k else []
        if _bare(word) in _DETERMINERS or word.endswith((",", ".", ";", ":")) or word.lower() in REPORTING_VERBS:
            return []
    return []


def _capitalised_run_at_start(text: str) -> list[str]:
    run: list[str] = []
    for word in text.split()[:12]:  # a name is a few words: never split the rest of a page
        core = word.strip("()\"“”")
        if not (core[:1].isupper() or (core.lower() in PARTICLES and run)):
            break
        run.append(word)
        if word.endswith((",", ";", ":")) or (word.endswith(".") and not _is_abbreviation(word)):
            break
    return run


def _is_abbreviation(word: str) -> bool:
    core = word.strip("()\"“”‘’'")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", core)) or _bare(core) in ABBREVIATIONS


def _phrase_at_end(text: str) -> _Who:
    """'the statement', 'a local commander', "the mayor's former aide": the last short noun phrase."""
    all_words = text.split()
    words = all_words[-12:]
    opens_clause = len(all_words) <= 12
    for k in range(len(words)):
        word = words[k]
        possessive = word[:1].isupper() and word.endswith(("'s", "’s")) and k < len(words) - 1
        if word.lower() in {"the", "a", "an", "this"} or possessive:
            rest = words[k:]
            opening = opens_clause and not any(_WORDY.search(w) for w in words[:k])
            joins = _NOT_IN_PHRASE - ({"and"} if opening else set())
            if len(rest) > 7 and not opening:
                continue  # a long stretch in mid-sentence is a clause, not someone's description
            if any(_bare(w) in joins or not _WORDY.search(w) for w in rest) or any(
                w.endswith(",") for w in rest[:-1]
            ):
                continue
            if _bare(rest[-1]) in _DETERMINERS:
                continue  # a phrase ends on its noun: "the debate by" is not one
            phrase = " ".join(w.strip(",;:") for w in rest)
            return _Who("phrase", phrase if possessive else phrase[0].lower() + phrase[1:])
    return _NOBODY


def _subject(masked: str, sentence_start: int, verb: re.Match[str]) -> _Who:
    """Who does the speaking verb at ``verb`` belong to, within its sentence?"""
    # Each verb is asked about twice (for the paragraph's mentions and for its quote): cached.
    return _subject_at(masked, max(sentence_start, verb.start() - _WINDOW), verb.start(), verb.end())


@lru_cache(maxsize=4096)
def _subject_at(masked: str, sentence_start: int, verb_start: int, verb_end: int) -> _Who:
    verb = _VERB.match(masked, verb_start)
    assert verb is not None and verb.end() == verb_end  # the same characters are there
    if _names_after(verb):
        after = masked[verb.end() : verb.end() + _WINDOW]
        run = _capitalised_run_at_start(after) or _run_after_description(after)
        return _name_from_words(run) if run else _phrase_or_its_name(after)
    before = masked[sentence_start : verb.start()]
    if verb.group(0).lower() == "told" and _PASSIVE.search(before):
        return _NOBODY
    if verb.group(0) in BASE_ONLY_VERBS:
        context = _base_form_context(before)
        if context == "to":
            return _clause_subject(masked, sentence_start, verb.start())
        if not context:
            return _NOBODY  # "the call", "a claim", "Smith report": a noun, not a verb
    before = _FILLER.sub("", before)
    own = before.split("\x00")[-1]  # the words after the last quote in this sentence
    participle = verb.group(0).endswith("ing")
    quoted = _QUOTED_AS.search(own) if participle else None
    if quoted:
        # "The Courier quoted Jo Lee as saying", "Lee was quoted as saying": who is quoted speaks.
        run = _capitalised_run_at_end(quoted.group(1) + " ")
        if run:
            return _name_from_words(run)
        return _clause_subject(masked, sentence_start, verb_start - len(own) + quoted.start())
    last_word = _bare(own.split()[-1]) if own.split() else ""
    if (participle and (own.rstrip().endswith(",") or last_word in _BEFORE_PARTICIPLE)) or last_word in _AND:
        # "Trump walked on stage, chanting ..." / "..., he told reporters, saying": the
        # participle belongs to the subject of the sentence.
        return _clause_subject(masked, sentence_start, verb.start())
    if not participle:
        # "Mark Evans, cabinet member for highways, said": the speaker is before the aside.
        # Not for "-ing" forms: "..., he told reporters, saying" has no aside to skip.
        # "Another critic, Jo Lee, said": when the aside is the name, it is the speaker.
        skipped = _skip_aside(own)
        named = _apposed_name(own, skipped)
        if named.kind:
            return named
        own = skipped
    if not _bare_of_punctuation(own):
        # Inverted attribution: '"...," said Army Colonel Jo Lee, a spokesman'.
        after = masked[verb.end() : verb.end() + _WINDOW]
        if after.lstrip()[:3].lower() == "by ":
            after = after.lstrip()[3:]
        run = _capitalised_run_at_start(after) or _run_after_description(after)
        return _name_from_words(run) if run else _phrase_or_its_name(after)
    own = _PARENTHESIS_AT_END.sub(" ", own)  # "Jo Lee (R-Ohio) said": the party and state are no name
    last = own.split()[-1]  # own has a word: _bare_of_punctuation said so
    if last.strip(",").lower() in PRONOUNS:
        return _Who("pronoun", last.strip(","))
    if last.lower() == "who" and own.rstrip()[: -len(last)].rstrip().endswith(","):
        # "Jo Lee, who called the plan ...": the person the relative clause is about.
        antecedent = own.rstrip()[: -len(last)].rstrip()[:-1] + " "
        run = _capitalised_run_at_end(antecedent)
        return _name_from_words(run) if run else _phrase_at_end(antecedent)
    if last.endswith((",", "'s", "’s")) or last.lower() in _DETERMINERS:
        return _NOBODY  # "Obama's remarks", "the reports": the "verb" is a noun
    run = _capitalised_run_at_end(own)
    if run:
        return _person_before_of(own, run) or _name_from_words(run)
    phrase = _phrase_at_end(own)
    if phrase.kind and _AFTER_PREPOSITION.search(own[: len(own.rstrip()) - len(phrase.name)]):
        # "Protesters marching through the streets chanted": a phrase after a preposition is
        # an object, not the subject; the subject opens the clause.
        return _clause_subject(masked, sentence_start, verb.start())
    return phrase


_MODAL_AT_END = re.compile(r"\b(?:will|would|could|can|may|might|must|should|did|does|do|to)\s*$")
_PLURAL_SUBJECT_AT_END = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+and\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*|"
    r"\b[A-Za-z][a-z]+(?:ers|ors|ans|ats|ists|ics|ants|ents|ives|ies|als))\s*$"
)


def _base_form_context(before: str) -> str:
    """Why a base form ("call") before this point is a verb: "modal", "to", "plural", else ""."""
    own = before.split("\x00")[-1]
    modal = _MODAL_AT_END.search(own)
    if modal:
        return "to" if modal.group(0).strip() == "to" else "modal"
    return "plural" if _PLURAL_SUBJECT_AT_END.search(own) else ""


_QUOTED_AS = re.compile(r"\bquoted\s+((?:[^\s\x00]+\s+){0,5}?)as\s*$")
_PARENTHESIS_AT_END = re.compile(r"\s*\([^()\x00]{1,40}\)\s*$")
_OF_AT_END = re.compile(r"\s(?:of|from)(?:\s+the)?\s*$")


def _person_before_of(own: str, run: list[str]) -> _Who | None:
    """'Sen. Jo Lee of Ohio', 'Jo Lee from the Acme Institute': the person before "of", not the place."""
    head = own.rstrip()[: len(own.rstrip()) - len(" ".join(run))]
    of = _OF_AT_END.search(head)
    if not of:
        return None
    who = _name_from_words(_capitalised_run_at_end(head[: of.start()]))
    return who if who.kind == "person" else None


def _clause_subject(masked: str, start: int, end: int) -> _Who:
    """The subject of the sentence in ``masked[start:end]``: its first name, pronoun or phrase.

    Introductory phrases are skipped ("At a rally, Trump likened ..." gives Trump), and so
    is anything said before a quote earlier in the sentence.
    """
    head = masked[max(start, end - _WINDOW) : end].split("\x00")[-1]
    for segment in head.split(","):
        # Marks the paragraph opened with and never closed ('"Lee walked on') are not words.
        words = [w for w in (w.lstrip("\"'“‘«‹") for w in segment.split()) if w]
        if not words:
            continue
        first = _bare(words[0])
        if first in INTRODUCTIONS and not (len(words) > 1 and words[1][:1].isupper() and first in {"but", "and", "even", "still", "yet", "also", "then", "however"}):
            continue
        if first in {"but", "and", "even", "still", "yet", "also", "then", "however"}:
            words, first = words[1:], _bare(words[1])
        if first in PRONOUNS:
            return _Who("pronoun", words[0].strip(",;:"))
        if words[0][:1].isupper():
            run = _capitalised_run_at_start(" ".join(words))
            if len(run) == 1 and _is_group_noun(run[0]):
                return _Who("phrase", run[0].strip(",;:"))  # "Protesters chanted": people, not a name
            who = _name_from_words(run)
            if who.kind:
                return who
        who = _phrase_at_start(" ".join(words))
        if who.kind and len(words) == len(who.name.split()):
            # "Another critic, Jo Lee, likened ...": a description alone before a comma may
            # be followed by the name it describes.
            rest = head.split(",")
            index = rest.index(segment)
            nxt = rest[index + 1].split() if index + 1 < len(rest) else []
            named = _name_from_words(nxt) if nxt and all(w[:1].isupper() for w in nxt) else _NOBODY
            if named.kind in ("person", "name"):
                return named
        return who
    return _NOBODY


def _apposed_name(words: str, head: str) -> _Who:
    """The name in a ", Jo Lee," aside after a description ("Another critic, Jo Lee,"), else nobody."""
    run = _capitalised_run_at_end(head)
    place = run and _OF_AT_END.search(head.rstrip()[: len(head.rstrip()) - len(" ".join(run))])
    if head is words or (run and not place):  # "the senator from Ohio, Jo Lee,": Ohio is a place
        return _NOBODY
    aside = words.rstrip().rstrip(",")[len(head) :].strip(" ,")
    run = aside.split()
    if not run or not all(w[:1].isupper() or _bare(w) in PARTICLES for w in run):
        return _NOBODY
    who = _name_from_words(run)
    return who if who.kind in ("person", "name") else _NOBODY


_SPACE_AND_PUNCTUATION = re.compile(r"[\s,;:—–\-]+")


def _bare_of_punctuation(text: str) -> str:
    """``text`` without any kind of space (no-break and thin ones too) or ``,;:—–-``."""
    return _SPACE_AND_PUNCTUATION.sub("", text)


def _skip_aside(words: str) -> str:
    """The words before a balanced ", ... ," aside at the end of ``words``, else ``words``.

    'Councillor Mark Evans, cabinet member for highways, ' gives 'Councillor Mark Evans';
    'The government, which has refused to cut fuel taxes, ' gives 'The government'.
    """
    body = words.rstrip()
    if not body.endswith(","):
        return words
    body = body[:-1]
    comma = body.rfind(",")
    if comma == -1:
        return words
    head, aside = body[:comma], body[comma + 1 :]
    # An aside is a short phrase; a long run between commas is more likely a list or a clause.
    # A relative clause ("who has campaigned for ... since February") may be longer.
    limit = 30 if _bare(aside.split()[0] if aside.split() else "") in {"who", "which", "whose", "the", "a", "an"} else 12
    if not _bare_of_punctuation(head) or not _bare_of_punctuation(aside) or len(aside.split()) > limit:
        return words
    return head


_PHRASE_STOP = re.compile(r"^(?:is|was|has|had|have|will|would|also|and|or|who|which|that|said|says)$")


def _phrase_at_start(text: str) -> _Who:
    """'the mayor', 'a spokesman for the city', 'the Security Council': a phrase opening ``text``."""
    match = re.match(r"\s*(?:the|a|an|one|another)\s", text, re.IGNORECASE)
    if not match:
        return _NOBODY
    words = text.split()[:6]  # a speaker is named in a few words, not a clause
    phrase = [words[0]]
    for word in words[1:]:
        core = word.strip(",;:.")
        if not core or _PHRASE_STOP.match(core) or core in REPORTING_VERBS or _looks_like_verb(core):
            break
        phrase.append(core)
        if word.endswith((",", ";", ":", ".")):
            break
    if len(phrase) < 2:
        return _NOBODY
    # A phrase ends on its noun, not on "of" or "for": "a spokesman for" is cut to "a spokesman".
    while phrase[-1].lower() in {"of", "for", "at", "in", "on", "from", "with", "to"}:
        phrase.pop()
    return _Who("phrase", " ".join(phrase)) if len(phrase) >= 2 else _NOBODY


_PHRASE_THEN_NAME = re.compile(r"\s*,\s*(?=[A-Z])")


def _phrase_or_its_name(text: str) -> _Who:
    """The phrase opening ``text``, or the name right after it: 'the former governor, Jo Lee,' gives Jo Lee."""
    phrase = _phrase_at_start(text)
    if not phrase.kind:
        return phrase
    last = phrase.name.split()[-1]
    at = text.find(last, text.find(phrase.name.split()[0])) + len(last)
    comma = _PHRASE_THEN_NAME.match(text, at)
    if comma:
        run = _capitalised_run_at_start(text[comma.end() : comma.end() + 200])
        who = _name_from_words(run)
        if who.kind in ("person", "name") and len(run) >= 2:
            return who
    return phrase


# Common irregular past forms: where a subject phrase ends ("The mayor met reporters").
_IRREGULAR_PAST = set(
    """met made took gave went came got saw found left put ran set won lost held kept began brought bought
    felt heard led meant paid sent spent stood thought knew grew threw drew sold built caught fought
    taught did does is are was were has had have will would can could may might must""".split()
)


def _looks_like_verb(word: str) -> bool:
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word.islower())


def _is_group_noun(word: str) -> bool:
    """'Protesters', 'Voters', 'Critics': a capitalised plural of people at a sentence's start."""
    bare = _bare(word)
    return bare in PERSON_NOUNS or bare.endswith(("ers", "ors", "ists", "ians", "ants", "ents"))


def _head_noun(phrase: str) -> str:
    """The noun a description is about: 'the former secretary of state' -> 'secretary'."""
    words = _HEAD_CUT.sub("", phrase).split()
    return _bare(words[-1]) if words else ""


# --- sentences ----------------------------------------------------------------------------------

_SPACES = re.compile(r"\s*")


def _boundaries(masked: str, spans: list[_Span], chunk: str) -> list[int]:
    """Positions where a new sentence starts in a paragraph: the kit's one sentence splitter
    (:func:`medialit.text.sentences`), less the starts inside a quote (a quote of two
    sentences is one remark, and its attribution is looked for around it as a whole)."""
    inside = [(span.open, span.close) for span in spans]
    opens = [o for o, _ in inside]
    starts = []
    for sentence in sentences(chunk):
        at = sentence.start
        k = bisect.bisect_right(opens, at) - 1
        if at and not (k >= 0 and inside[k][0] < at <= inside[k][1]):
            starts.append(at)
    return starts


def _sentence_start(boundaries: list[int], pos: int) -> int:
    index = bisect.bisect_right(boundaries, pos)
    return boundaries[index - 1] if index else 0


def _sentence_end(boundaries: list[int], pos: int, size: int) -> int:
    index = bisect.bisect_right(boundaries, pos)
    return boundaries[index] if index < len(boundaries) else size


@dataclass
class _Paragraph:
    block: Block
    start: int
    chunk: str
    masked: str
    spans: list[_Span]
    boundaries: list[int]
    mentions: list[tuple[int, _Who, bool, bool]]  # (offset in page, who, "in a statement", by a speaking verb)
    alone: bool = field(init=False)  # only quotes in it: worked out once, not once per quote

    said_at: list[int] = field(init=False)  # where speaking verbs with a speaker are, for bisect
    said_who: list[_Who] = field(init=False)

    def __post_init__(self) -> None:
        self.alone = _stands_alone(self.masked)
        said = [(at, who) for at, who, _, by_verb in self.mentions
                if by_verb and who.kind in ("person", "name", "pronoun")]
        self.said_at = [at for at, _ in said]
        self.said_who = [who for _, who in said]


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:al|bin|de|van|von|ibn)(?=\s+[A-Z])))*")
_APPOSITION_AFTER = re.compile(r",\s+(?:the|a|an)\s+([a-z][\w-]*(?:\s+[\w-]+){0,4})")
_APPOSITION_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?),\s*$")
# "The mayor, Jane Smith," is a few words: _APPOSITION_BEFORE looks back this far, not to the
# paragraph's start (which made a paragraph of many names quadratic).
_APPOSITION_WINDOW = 80
_SUBJECT_OF = re.compile(r"\s+(?:was|is|has|had|would|will|did|does|could|should)\b")


def _mentions(masked: str, boundaries: list[int], offset: int) -> list[tuple[int, _Who, bool, bool]]:
    """People named in a paragraph, for "he said" and "the senator said": speakers of speaking
    verbs, people with a title ("Mayor Jane Smith") and people in apposition ("Jane Smith,
    the mayor,"), each with the title words the text gave them."""
    found = []
    for verb in _VERB.finditer(masked):
        who = _subject(masked, _sentence_start(boundaries, verb.start()), verb)
        if who.kind:
            in_statement = "statement" in masked[verb.end() : verb.end() + 40].lower()
            found.append((offset + verb.start(), who, in_statement, True))
    for run in _CAPITALISED_RUN.finditer(masked):
        words = run.group(0).split()
        who = _name_from_words(words)
        if who.kind == "org" and _bare(words[-1]) in OUTLET_WORDS:
            found.append((offset + run.start(), who, False, False))  # for "the paper said"
            continue
        if who.kind not in ("person", "name"):
            continue
        titles = list(who.titles)
        # A title written lower case right before the name: "Republican nominee Jo Lee".
        before_words = masked[max(0, run.start() - 30) : run.start()].split()
        previous = before_words[-1] if before_words and masked[run.start() - 1 : run.start()].isspace() else ""
        lower_title = previous[:1].islower() and _bare(previous) in TITLES
        if lower_title:
            titles.append(_bare(previous))
        comma = masked.startswith(",", run.end())
        if who.kind == "name" and not (titles or comma):
            continue  # a lone capitalised word with nothing saying it is a person: the common case, kept cheap
        after = _APPOSITION_AFTER.match(masked, run.end())
        before = comma and _APPOSITION_BEFORE.search(
            masked, max(0, run.start() - _APPOSITION_WINDOW), run.start()
        )
        for described in (after, before):
            if described:
                titles.append(_head_noun(described.group(1)))
        if titles and (who.kind == "person" or who.titles or lower_title or after or before):
            found.append((offset + run.start(), _Who("person", who.name, tuple(titles)), False, False))
        elif who.kind == "person" and _SUBJECT_OF.match(masked, run.end()):
            # "Ana Silva said Tom Reyes was wrong when he said": a full name as the subject of
            # a clause is someone a later "he" or "she" may point back to.
            found.append((offset + run.start(), who, False, False))
    return sorted(found, key=lambda m: m[0])


# The frames a quote sits in when no speaking verb names its speaker: a dash and a name after
# it ('"..." ― Jane Smith'), a possessive before it ("Smith's 'plan'", "Smith's claim that
# '...'") and "as" ("X described the plan as 'a disgrace'", "X admires him as a 'strong leader'").
_DASH_NAME = re.compile(r"[\s,.]*[―—–-]{1,2}\s*(?=[A-Z])")
_POSSESSIVE = re.compile(
    r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:(?:[a-z-]+\s+){0,2}(?:"
    + "|".join(sorted(SAYING_NOUNS))
    + r")\b[^\x00]{0,160}|(?:[a-z-]+\s+){0,1})$"
)
_AS_FRAME = re.compile(r"\bas\s+(?:an?\s+|the\s+)?$|\b(?:likened|compared)\b[^\x00]{0,80}\bto\s+(?:an?\s+|the\s+)?$")
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
# Words of a quote that is put in marks by nobody in particular: a scare quote, a title, a term.
_SCARE_WORDS = 5


class _Resolver:
    """Speaker resolution over a page's paragraphs, in reading order."""

    def __init__(self, paragraphs: list[_Paragraph]):
        self.paragraphs = paragraphs
        all_mentions = [m for p in paragraphs for m in p.mentions]
        # Full names anywhere on the page, so a bare surname can be completed: the page
        # may say "Okafor said" before or after "Maj. Gen. Jane Okafor".
        self.full_names = _longest_by_surname(
            who.name for _, who, _, _ in all_mentions if who.kind == "person" and " " in who.name
        )
        persons = sorted(
            (pos, self.canonical(who.name), statement, who.titles)
            for pos, who, statement, _ in all_mentions
            if who.kind == "person" or (who.kind == "name" and who.name in self.full_names)
        )
        # Positions kept apart for bisect: "the last person before this quote" is a lookup,
        # not a scan of every mention on the page.
        self.person_at = [pos for pos, _, _, _ in persons]
        self.person_name = [name for _, name, _, _ in persons]
        # "m" or "f" where a title says so ("Mrs.", "spokesman"), else "": "she" skips "Mr. Lee".
        gender: dict[str, str] = {}
        for _, name, _, titles in persons:
            said = {"m" for t in titles if t in MALE_TITLES} | {"f" for t in titles if t in FEMALE_TITLES}
            if len(said) == 1:
                gender.setdefault(name, said.pop())
        self.person_gender = [gender.get(name, "") for name in self.person_name]
        self.statement_at = [pos for pos, _, statement, _ in persons if statement]
        self.statement_name = [name for _, name, statement, _ in persons if statement]
        outlets = sorted((pos, who.name) for pos, who, _, said in all_mentions if who.kind == "org" and not said)
        self.outlet_at = [pos for pos, _ in outlets]
        self.outlet_name = [name for _, name in outlets]
        self.titled: dict[str, tuple[list[int], list[str]]] = {}
        for pos, name, _, titles in persons:
            for title in dict.fromkeys(titles):
                at, names = self.titled.setdefault(title, ([], []))
                at.append(pos)
                names.append(name)

    def canonical(self, name: str) -> str:
        if " " not in name:
            return self.full_names.get(name, name)
        return name

    def last_person(self, pos: int, pronoun: str = "") -> str:
        """The last person named before ``pos``; for "he"/"she", not one a title says is the other."""
        index = bisect.bisect_left(self.person_at, pos)
        other = {"he": "f", "she": "m"}.get(pronoun.lower(), "")
        for k in range(index - 1, max(index - 6, -1), -1):  # a few names back at most
            if not other or self.person_gender[k] != other:
                return self.person_name[k]
        return self.person_name[index - 1] if index else ""

    def statement_speaker(self, pos: int) -> str:
        index = bisect.bisect_left(self.statement_at, pos)
        return self.statement_name[index - 1] if index else ""

    def fitting_person(self, noun: str, pos: int) -> str:
        """The person nearest before ``pos`` the text gave this title (else the first after)."""
        at, names = self.titled.get(noun, ([], []))
        index = bisect.bisect_left(at, pos)
        if index:
            return names[index - 1]
        return names[0] if names else ""

    def speaker(self, who: _Who, pos: int, subject: _Who = _NOBODY) -> tuple[str, str]:
        """``(speaker, described_as)`` for a possible speaker found at ``pos``."""
        if who.kind == "pronoun":
            # "he"/"she": the last person named. "it"/"they": the organisation the sentence is
            # about, when it opens with one ("The council on Friday ... what it called").
            # Otherwise "they", "we", "it" name nobody in particular: unknown.
            if who.name.lower() in {"he", "she"}:
                return self.last_person(pos, who.name), ""
            return (subject.name if subject.kind == "org" else ""), ""
        if who.kind == "phrase" and who.name.lower() in {"the statement", "a statement"}:
            return self.statement_speaker(pos) or "the statement", ""
        if who.kind in ("person", "name"):
            return self.canonical(who.name), ""
        if who.kind == "phrase" and who.name.split()[0].lower() in {"the", "a", "an", "this"}:
            # "the former senator", "a spokesman for the city": the person the text gave that
            # title, else (for "the ...", which points back) the last person named.
            noun = _head_noun(who.name)
            if noun in OUTLET_NOUNS:
                # "the influential daily": the news outlet the text named last.
                index = bisect.bisect_left(self.outlet_at, pos)
                if index:
                    return self.outlet_name[index - 1], who.name
            if noun in PERSON_NOUNS:
                name = self.fitting_person(noun, pos)
                if not name and who.name.lower().startswith("the ") and noun in TITLES:
                    name = self.last_person(pos)
                if name:
                    return name, who.name
        return who.name, ""

    def attribution(self, p: _Paragraph, span: _Span) -> tuple[_Who, int]:
        """The speaker named for this quote in its own sentence, and the verb's position."""
        size = len(p.masked)
        inner = p.chunk[span.start : span.end]
        closing = p.chunk[span.end : span.close]  # what the marks hold after the words: ",", "?"
        after = span.close + 1
        if after < size:
            # '"...?" Smith asked.': the capital after "?" starts a sentence boundary, yet the
            # words up to the next boundary are this quote's attribution.
            lead_at = _SPACES.match(p.masked, after).end()
            # The quote's last sign, looking through nested closing marks ('... predator,’”').
            last_sign = (inner + closing).rstrip().rstrip("’'\"”‘›»").rstrip()[-1:]
            asked = last_sign in ("?", "!")
            end = min(_sentence_end(p.boundaries, lead_at if asked else after, size), after + _WINDOW)
            nxt = p.masked.find("\x00", after, end)
            if nxt != -1:
                end = nxt
            tail = p.masked[after:end]
            dash = _DASH_NAME.match(tail)
            if dash:
                who = _name_from_words(_capitalised_run_at_start(tail[dash.end() :]))
                if who.kind in ("person", "name"):
                    return who, after + dash.end()
            comma = "," in closing or tail.lstrip()[:1] == "," or last_sign == ","
            stopped = last_sign in (".", "…")
            first_word = _SPACE_AND_PUNCTUATION.sub("", tail[:200])[:1]
            for verb in _VERB.finditer(tail):
                if verb.group(0) in BASE_ONLY_VERBS and not _base_form_context(tail[: verb.start()]):
                    continue  # '"...," the report said': "report" is a noun here
                if _names_after(verb):
                    who = _subject(p.masked, after, _shift(verb, after, p.masked))
                    if who.kind:
                        return who, after + verb.start()
                    continue
                lead = _FILLER.sub("", tail[: verb.start()])  # '..., has written': "has" is no word of the lead
                if not verb.group(0).endswith("ing"):
                    lead = _skip_aside(lead)
                lead_words = lead.replace(",", " ").split()
                # "and" in a lead is a clause ("to the test and warned"), unless a comma closed
                # the quote: '"...," scientist and co-author Jo Lee said'.
                if len(lead_words) > 10 or "," in re.sub(r"^[\s,]+", "", lead) or (
                    {"and", "or"} & set(lead_words) and not comma
                ) or (lead_words and lead_words[0].lower() in _SUBORDINATORS and not _is_as_attribution(lead_words)):
                    break  # '"...," when Lee said': a new clause, not this quote's attribution
                # '"...," he said' and '"...?" Smith asked' are attributions; after '...means."'
                # a capital starts a new sentence, and after a quote in mid-sentence ('called
                # it "a plan" and warned') the words are the sentence's own.
                if not (comma or (asked and len(lead_words) <= 8) or (not stopped and len(lead_words) <= 1)
                        or (stopped and first_word.islower())):
                    break
                who = _subject(p.masked, _sentence_start(p.boundaries, after + verb.start()),
                               _shift(verb, after, p.masked))
                if who.kind:
                    return who, after + verb.start()
                break
        start = max(_sentence_start(p.boundaries, span.open), span.open - _WINDOW)
        head = p.masked[start : span.open]
        verbs = list(_VERB.finditer(head))
        for verb in reversed(verbs):
            who = _subject(p.masked, start, _shift(verb, start, p.masked))
            if who.kind:
                return who, start + verb.start()
        # The frames below never reach across an earlier quote: look only at the words after it.
        own_head = head[head.rfind("\x00") + 1 :]
        possessive = _POSSESSIVE.search(own_head)
        if possessive:
            who = _name_from_words(possessive.group(1).split())
            if who.kind:
                return who, span.open - len(own_head) + possessive.start()
        if _AS_FRAME.search(own_head):
            # "X described it as '...'", "X admires him as a 'strong leader'".
            who = _clause_subject(p.masked, start, span.open)
            if who.kind:
                return who, start
        if own_head.rstrip().endswith(":"):
            # "President Jo Lee is rolling out a new message: '...'", "Lee: '...'". A bare
            # capitalised word with more words after it ("Le maire :") is not taken for a name.
            who = _clause_subject(p.masked, start, span.open)
            whole = _bare_of_punctuation(own_head) == _bare_of_punctuation(who.name)
            if who.kind in ("person", "pronoun") or (who.kind == "name" and whole):
                return who, start
        label = _LABEL.match(p.chunk, span.start)
        if label:
            # A transcript: '"SMITH: Well, ...' names its speaker in capitals.
            return _Who("name", label.group(1)), span.start
        return _NOBODY, -1

    def last_saying(self, p: _Paragraph, pos: int) -> tuple[_Who, int]:
        """The speaker of the last speaking verb before ``pos`` in the paragraph: for a quote
        that follows its attribution sentence ('Smith called it a failure. "It was," ...')."""
        # A lookup, not a scan: a paragraph of many quotes stays linear.
        index = bisect.bisect_left(p.said_at, p.start + pos)
        if index:
            return p.said_who[index - 1], p.said_at[index - 1] - p.start
        return _NOBODY, -1

    def quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        previous: list[Quote] = []
        before: _Paragraph | None = None  # the paragraph before, quotes or not
        for p in self.paragraphs:
            current: list[Quote] = []
            spoken: list[Quote] = []  # the paragraph's quotes less titles and scare quotes, which speak for nobody
            last_verb = -2
            unnamed: list[tuple[int, int]] = []  # (index in current, sentence start) of quotes with no speaker yet
            for span in p.spans:
                if _is_show_title(p, span):
                    # 'told "Morning Report"', 'on ABC's "The Week"': the name of a show, a book
                    # or a film, in quote marks by custom; nobody is quoted.
                    current.append(Quote(p.chunk[span.start : span.end], "", p.start + span.start,
                                         p.start + span.end, role=p.block.role, kind="scare"))
                    continue
                who, verb_at = self.attribution(p, span)
                continues = False
                described = ""
                if who.kind:
                    # "he" is the last person named before the pronoun, not before the quote.
                    at = verb_at if 0 <= verb_at < span.open else span.open
                    subject = _NOBODY
                    if who.kind == "pronoun" and who.name.lower() in {"it", "they"}:
                        subject = _clause_subject(p.masked, _sentence_start(p.boundaries, span.open), max(at, 0))
                    speaker, described = self.speaker(who, p.start + at, subject)
                    continues = bool(spoken) and verb_at == last_verb
                    if verb_at > span.open and speaker:
                        # 'It is "slow" and "costly," Lee said': the attribution after the
                        # last quote of a sentence names the speaker of the earlier ones too.
                        sentence = _sentence_start(p.boundaries, span.open)
                        for index, _ in [u for u in unnamed if u[1] == sentence]:
                            current[index] = replace(current[index], speaker=speaker, kind="quote")
                        unnamed = [u for u in unnamed if u[1] != sentence]
                elif spoken and not _is_scare(p, span):
                    speaker, continues = spoken[-1].speaker, True
                elif before is not None and _opens_paragraph(p, span) and _introduces(before)[0].kind:
                    # 'Lee wrote:' then a paragraph that opens with a quote: a block quote, Lee's.
                    who, at = _introduces(before)
                    speaker, described = self.speaker(who, before.start + at)
                elif previous and p.alone:
                    speaker, continues = previous[-1].speaker, True
                elif _opens_sentence(p, span) and self.last_saying(p, span.open)[0].kind:
                    who, verb_at = self.last_saying(p, span.open)
                    speaker, described = self.speaker(who, p.start + verb_at)
                elif _opens_sentence(p, span) and _previous_subject(p, span).kind:
                    # 'Lee pointed to the budget. "We cannot afford it."': the person the
                    # sentence before is about.
                    speaker, described = self.speaker(_previous_subject(p, span), p.start + span.open)
                else:
                    speaker = ""
                last_verb = verb_at
                text = p.chunk[span.start : span.end]
                kind = "scare" if not speaker and _is_scare(p, span) else "quote"
                current.append(
                    Quote(
                        text=text,
                        speaker=speaker,
                        start=p.start + span.start,
                        end=p.start + span.end,
                        continues=continues,
                        role=p.block.role,
                        kind=kind,
                        described_as=described,
                    )
                )
                if kind == "quote":
                    spoken.append(current[-1])
                if not speaker:
                    unnamed.append((len(current) - 1, _sentence_start(p.boundaries, span.open)))
            signer = _signed_by(p)
            if signer.kind:
                # '“...” ― Jo Lee' closing the paragraph signs every quote in it, nested ones too.
                name, _ = self.speaker(signer, p.start + len(p.masked))
                current = [q if q.speaker else replace(q, speaker=name, kind="quote") for q in current]
            quotes.extend(current)
            previous, before = current, p
        return quotes


# Small words a title keeps in lower case ("Face the Nation", "Meet the Press").
_TITLE_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "or", "it"}
# Words right before a title in quote marks: 'told "Morning Report"', 'appeared on "The Week"'.
_BEFORE_TITLE = re.compile(r"(?:\b(?:on|to|told|in|at|from|titled|entitled)|['’]s)\s*$")


def _is_show_title(p: _Paragraph, span: _Span) -> bool:
    """A few capitalised words in marks after "on", "told", "in" or a possessive: a show or a book."""
    words = p.chunk[span.start : span.end].rstrip(".,").split()
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    return bool(_BEFORE_TITLE.search(p.masked, max(0, span.open - 40), span.open))


def _previous_subject(p: _Paragraph, span: _Span) -> _Who:
    """The person (or "he"/"she") that opens the sentence before the quote's, else nobody."""
    start = _sentence_start(p.boundaries, span.open)
    if not start:
        return _NOBODY
    who = _clause_subject(p.masked, _sentence_start(p.boundaries, start - 1), start)
    if who.kind in ("person", "name") or (who.kind == "pronoun" and who.name.lower() in ("he", "she")):
        return who
    return _NOBODY


def _signed_by(p: _Paragraph) -> _Who:
    """The name after a dash that ends a paragraph of quotes ('“...” ― Jo Lee.'), else nobody."""
    if not p.spans:
        return _NOBODY
    # After the paragraph's last mark, which may close a quote the marks could not pair.
    last_mark = max(p.spans[-1].close, *(p.chunk.rfind(mark) for mark in "”\"»"))
    tail = p.masked[last_mark + 1 :]
    dash = _DASH_NAME.match(tail)
    if not dash:
        return _NOBODY
    run = _capitalised_run_at_start(tail[dash.end() :])
    if not run or len(" ".join(run)) < len(tail[dash.end() :].strip().rstrip(".")):
        return _NOBODY  # more words after the name: a sentence, not a signature
    who = _name_from_words(run)
    return who if who.kind in ("person", "name") else _NOBODY


def _opens_paragraph(p: _Paragraph, span: _Span) -> bool:
    """The quote is the first thing in its paragraph."""
    return not _WORDY.search(p.masked, 0, span.open)


def _introduces(p: _Paragraph) -> tuple[_Who, int]:
    """Who a paragraph ending in a colon introduces ('The Daily Courier reports:', 'Lee went on:'),
    with where: the speaker of its last speaking verb, else the subject of its last sentence."""
    text = p.masked.rstrip()
    if not text.endswith(":"):
        return _NOBODY, -1
    start = _sentence_start(p.boundaries, len(text) - 1)
    index = bisect.bisect_left(p.said_at, p.start + len(text))
    if index and p.said_at[index - 1] >= p.start + start:
        return p.said_who[index - 1], p.said_at[index - 1] - p.start
    who = _clause_subject(p.masked, start, len(text) - 1)
    return (who, start) if who.kind in ("person", "name", "org") else (_NOBODY, -1)


def _opens_sentence(p: _Paragraph, span: _Span) -> bool:
    """The quote starts its sentence: no words of the writer's own come before it."""
    start = max(_sentence_start(p.boundaries, span.open), span.open - _WINDOW)
    return not _WORDY.search(p.masked, start, span.open)


def _is_scare(p: _Paragraph, span: _Span) -> bool:
    """A few words in marks inside a sentence of the writer's own: a scare quote, a title, a term.

    A short quote that is a sentence of its own ('"I would," she said. "I would."') is not one.
    """
    text = p.chunk[span.start : span.end]
    if len(text.split()) > _SCARE_WORDS or p.alone:
        return False
    whole = text[:1].isupper() and (text + p.chunk[span.end : span.close]).rstrip()[-1:] in ".!?,"
    return not (whole and _opens_sentence(p, span))


def _longest_by_surname(full_names: Iterable[str]) -> dict[str, str]:
    """Surname -> the longest full name ending in it (the first of equals)."""
    longest: dict[str, str] = {}
    for full in full_names:
        surname = full.split()[-1]
        if len(full) > len(longest.get(surname, "")):
            longest[surname] = full
    return longest


def _shift(verb: re.Match[str], offset: int, masked: str) -> re.Match[str]:
    """The same verb match, re-found in the whole paragraph (so positions are paragraph-wide)."""
    match = _VERB.match(masked, offset + verb.start())
    assert match is not None  # the same characters are there
    return match


def _stands_alone(masked: str) -> bool:
    return not _WORDY.search(masked.replace("\x00", ""))
