"""Who said a quote within its sentence: speaking verbs, names, titles, pronouns and reporting frames."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from medialit.quotes.frames import (
    ABBREVIATIONS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INTRODUCTIONS,
    NOT_NAMES,
    NOT_SPEAKER_LABELS,
    ORG_WORDS,
    OUTLET_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    PRONOUNS,
    REPORTING_PHRASES,
    SAYING_NOUNS,
    TITLES,
)
from medialit.quotes.marks import _WORDY, _Span
from medialit.segmentation import Block
from medialit.text import BASE_ONLY_VERBS, REPORTING_VERBS, sentences

# --- who said it ------------------------------------------------------------------------------

# Case-sensitive on purpose: "States" in "the United States" is a name, not the verb "states".
# "(?<![\w-])": "so-called" is not the verb "called".
# "(?=[a-zAI])": the long alternation is tried only where a word starts with a letter it can
# start with, not at every masked-out character of a quote (which made it slow).
_VERB = re.compile(
    r"(?<![\w-])(?=[a-zAI])(?:"
    + "|".join(phrase.replace(" ", r"\s+") for phrase in sorted(REPORTING_PHRASES, key=len, reverse=True))
    + "|" + "|".join(sorted(REPORTING_VERBS | BASE_ONLY_VERBS | FINDING_VERBS, key=len, reverse=True)) + r"|[Aa]ccording to|[Ii]n the words of)\b"
)


def _names_after(verb: re.Match[str]) -> bool:
    """"according to Jo Lee", "in the words of Jo Lee": the speaker comes after the words."""
    return verb.group(0)[:1] in "aAiI" and verb.group(0).lower() in ("according to", "in the words of")


_BY_AGENT = re.compile(r"\bby\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
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
_SUBORDINATORS = {"when", "after", "before", "because", "as", "while", "if", "since", "although", "though", "until", "where"}


def _is_as_attribution(lead_words: list[str]) -> bool:
    """'"...," as Lee put it', '"...," as the memo says': "as", a short subject, then the verb."""
    return lead_words[0].lower() == "as" and 1 < len(lead_words) <= 6


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


_PARTY_ASIDE_AT_END = re.compile(r"(?<=\w),\s*[DRI]-[A-Z][\w.-]*,?\s*$")
_NAME_AND_GROUP = re.compile(r"(?:^|\s)([A-Z][\w'’-]+)\s+([a-z]+s)\s*$")
_PARTY_TAG = re.compile(r"[DRI](?:-[A-Z][\w.-]*)?[,;:)]*")


@lru_cache(maxsize=8192)
def _name_from_tuple(run: tuple[str, ...]) -> _Who:
    if _is_page_label(run):
        return _NOBODY
    raw = list(run)
    while len(raw) > 1 and (raw[-1].startswith("(") or _PARTY_TAG.fullmatch(raw[-1])):
        raw.pop()  # "Jo Lee (D-Ohio)", "Jo Lee (Vt.)", "Jo Lee D": the party and state are no name
    words = [w.strip(",;:()\"“”") for w in raw if w.strip(",;:()\"“”")]
    while words and _bare(words[0]).removesuffix("’s").removesuffix("'s") in NOT_NAMES:  # "Said Lee", "Here's"
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
        if _bare(word) in NOT_NAMES or len(name) == 4 or (name and _bare(word) in OUTLET_WORDS):
            break  # "Washington Post Trump": the name starts after the outlet
        name.insert(0, word.rstrip(".") if not re.fullmatch(r"[A-Z]\.", word) else word)
    if not name:
        return _NOBODY
    name[-1] = re.sub(r"['’]s$", "", name[-1])  # "China’s": the name, not its possessive
    if len(name) >= 2 or titles:
        return _Who("person", " ".join(name), tuple(titles))
    return _Who("name", name[0])


def _is_page_label(run: tuple[str, ...]) -> bool:
    """'SEE MORE:', 'READ MORE:', 'UPDATE:': capitals before a colon that point the reader
    elsewhere on the page; two capitalised words, yet nobody's name."""
    words = [w.strip("\"“”'‘’") for w in run]
    return (
        bool(words)
        and words[-1].endswith(":")
        and all(w.rstrip(":").isupper() for w in words)
        and _bare(words[0]) in NOT_SPEAKER_LABELS
    )


def _capitalised_run_at_end(text: str) -> list[str]:
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if word.endswith((",", ":", ";")) and run:
            break  # "Update: Jo Lee", "Lee, Diaz": the name starts after the mark
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
            run = _capitalised_run_at_start(" ".join(words[k:])) if k else []
            if len(run) == 1 and k + 1 < len(words) and words[k + 1][:1].islower() and not run[0].endswith((",", ".")):
                return []  # "one Democratic source on the panel": an adjective, not a name
            return run
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
        possessive = word[:1].isupper() and word.endswith(("'s", "’s", "s'", "s’")) and k < len(words) - 1
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
            if any(_looks_like_verb(a) and (_bare(b) in _DETERMINERS or b.endswith("ing")) for a, b in zip(rest, rest[1:])):
                continue  # "the council issued a statement", "Lee began taking": a clause, not a phrase
            phrase = " ".join(w.strip(",;:") for w in rest)
            return _Who("phrase", phrase if possessive else phrase[0].lower() + phrase[1:])
    return _NOBODY


def _subject(masked: str, sentence_start: int, verb: re.Match[str]) -> _Who:
    """Who does the speaking verb at ``verb`` belong to, within its sentence?"""
    # Each verb is asked about twice (for the paragraph's mentions and for its quote): cached.
    return _subject_at(masked, max(sentence_start, verb.start() - _WINDOW), verb.start(), verb.end())


@lru_cache(maxsize=65536)  # every verb of a long page fits: the second pass over them is all hits
def _subject_at(masked: str, sentence_start: int, verb_start: int, verb_end: int) -> _Who:
    who = _verb_subject(masked, sentence_start, verb_start, verb_end)
    if masked[verb_start:verb_end] in FINDING_VERBS and not _is_document(who):
        return _NOBODY  # "Lee found that ...": a person finding is not a report
    return who


def _is_document(who: _Who) -> bool:
    """An organisation, or a phrase about a document ("a Senate report released on Monday")."""
    return who.kind == "org" or (who.kind == "phrase" and any(_bare(w) in DOCUMENT_NOUNS for w in who.name.split()))


def _verb_subject(masked: str, sentence_start: int, verb_start: int, verb_end: int) -> _Who:
    verb = _VERB.match(masked, verb_start)
    assert verb is not None and verb.end() == verb_end  # the same characters are there
    if _names_after(verb):
        after = masked[verb.end() : verb.end() + _WINDOW]
        run = _capitalised_run_at_start(after) or _run_after_description(after)
        return _name_from_words(run) if run else _phrase_or_its_name(after)
    before = masked[sentence_start : verb.start()]
    if not verb.group(0).endswith("ing") and _PASSIVE.search(before):
        # "Lee was called 'a liar' by Diaz", "Lee was told": the subject is spoken of or to.
        # The speaker is the agent after "by", if the sentence names one.
        agent = _BY_AGENT.search(masked, verb.end(), min(len(masked), verb.end() + _WINDOW))
        if agent and _SENTENCE_END.search(masked, verb.end(), agent.start()) is None:
            who = _name_from_words(_capitalised_run_at_start(masked[agent.end() : agent.end() + 200]))
            if who.kind in ("person", "name", "org"):
                return who
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
    if participle and (last_word in SAYING_NOUNS or last_word in DOCUMENT_NOUNS):
        # "The council issued a statement calling it ...": the one who issued it speaks.
        return _clause_subject(masked, sentence_start, verb.start())
    if participle and last_word in ("for", "of"):
        # "Lee criticized Diaz for calling it ...", "accused Diaz of saying": the one blamed said it.
        head = own.rstrip()[: -len(own.split()[-1])]
        run = _capitalised_run_at_end(head)
        who = _name_from_words(run) if run else _NOBODY
        if who.kind in ("person", "name"):
            return who
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
    # "Jo Lee (R-Ohio) said": the party and state are no name (but "(a) said" keeps its words).
    own = _PARENTHESIS_AT_END.sub(" ", own) if _PARENTHESIS_AT_END.sub(" ", own).split() else own
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
    group = _NAME_AND_GROUP.search(own)
    if group and _is_group_noun(group.group(2)):
        return _Who("phrase", group.group(1) + " " + group.group(2))  # "Okafor supporters called"
    own = _PARTY_ASIDE_AT_END.sub(" ", own)  # "Jo Lee, D-Ohio, said"
    run = _capitalised_run_at_end(own)
    if run:
        return _person_before_of(own, run) or _name_from_words(_after_title_place(own, run))
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
_OF_AT_END = re.compile(r"\s(?:of|from|at)(?:\s+the)?\s*$")


_TITLE_TO_AT_END = re.compile(r"\b([a-z]+)\s+(?:to|for)\s*$")


def _after_title_place(own: str, run: list[str]) -> list[str]:
    """'ambassador to Britain Liu Xiaming': the first word after a title's "to" is the place, not the name."""
    if len(run) < 3:
        return run
    head = own.rstrip()[: len(own.rstrip()) - len(" ".join(run))]
    title = _TITLE_TO_AT_END.search(head)
    return run[1:] if title and _is_title(title.group(1)) else run


def _person_before_of(own: str, run: list[str]) -> _Who | None:
    """'Sen. Jo Lee of Ohio', 'Jo Lee from the Acme Institute': the person before "of", not the place."""
    head = own.rstrip()[: len(own.rstrip()) - len(" ".join(run))]
    of = _OF_AT_END.search(head)
    if not of:
        return None
    who = _name_from_words(_capitalised_run_at_end(head[: of.start()]))
    return who if who.kind == "person" else None


# Adverbs that may open a sentence right before its subject, with no comma ("Later Lee said").
_ADVERB_OPENERS = {"but", "and", "even", "still", "yet", "also", "then", "however", "later", "earlier", "meanwhile"}


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
        if first in INTRODUCTIONS and not (len(words) > 1 and words[1][:1].isupper() and first in _ADVERB_OPENERS):
            continue
        if first in _ADVERB_OPENERS and len(words) > 1:
            words, first = words[1:], _bare(words[1])  # "Later Lee said": the adverb is no part of the subject
        if first in PRONOUNS:
            return _Who("pronoun", words[0].strip(",;:"))
        if words[0][:1].isupper():
            run = _capitalised_run_at_start(" ".join(words))
            if len(run) == 1 and _is_group_noun(run[0]):
                return _Who("phrase", run[0].strip(",;:"))  # "Protesters chanted": people, not a name
            between = list(itertools.takewhile(lambda w: w[:1].islower(), words[1:5]))
            if len(run) == 1 and between and not any(
                w.endswith(("ly", "s", ",")) or _looks_like_verb(w) for w in between
            ):
                # "Democratic presidential nominee Jo Lee chimed in": the name after the description.
                later = _name_from_words(_run_after_description(" ".join(words[1:])))
                if later.kind == "person":
                    return later
            owner = _owners_person(words) if len(run) == 1 else _NOBODY
            if owner.kind:
                return owner
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
        if not who.kind and not any(_looks_like_verb(w) or w in REPORTING_VERBS for w in words):
            continue  # "Following a swiftly called, late-afternoon meeting, the council ...": still the opening
        return who
    return _NOBODY


def _owners_person(words: list[str]) -> _Who:
    """"China’s ambassador to Britain accused ...": the ambassador speaks, not China. A possessive
    name then a person noun in lower case is the subject as a phrase, up to its verb."""
    if len(words) < 2 or not words[0].endswith(("’s", "'s")) or _bare(words[1]) not in PERSON_NOUNS:
        return _NOBODY
    if not words[1][:1].islower():
        return _NOBODY
    phrase = _grow_phrase(words[:2], words[2:6])
    return _Who("phrase", " ".join(w.strip(",;:.") for w in phrase))


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


def _grow_phrase(phrase: list[str], following: list[str]) -> list[str]:
    """``phrase`` with the words after it added, up to a verb, a word like "said" or "who", or a comma."""
    for word in following:
        core = word.strip(",;:.")
        if not core or _PHRASE_STOP.match(core) or core in REPORTING_VERBS or _looks_like_verb(core):
            break
        phrase.append(core)
        if word.endswith((",", ";", ":", ".")):
            break
    return phrase


def _phrase_at_start(text: str) -> _Who:
    """'the mayor', 'a spokesman for the city', 'the Security Council': a phrase opening ``text``."""
    match = re.match(r"\s*(?:the|a|an|one|another)\s", text, re.IGNORECASE)
    if not match:
        return _NOBODY
    words = text.split()[:6]  # a speaker is named in a few words, not a clause
    phrase = _grow_phrase([words[0]], words[1:])
    if len(phrase) < 2:
        return _NOBODY
    # A phrase ends on its noun, not on "of" or "for": "a spokesman for" is cut to "a spokesman".
    while phrase[-1].lower() in {"of", "for", "at", "in", "on", "from", "with", "to"}:
        phrase.pop()
    return _Who("phrase", " ".join(phrase)) if len(phrase) >= 2 else _NOBODY


_MADE_BY = re.compile(
    r"\s+(?:(?:filed|issued|released|published|written|prepared|commissioned|sent)\s+)?(?:by|from)\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}(?=[A-Z])"
)
_PHRASE_THEN_NAME = re.compile(r"\s*,\s*(?=[A-Z])")


def _phrase_or_its_name(text: str) -> _Who:
    """The phrase opening ``text``, or the name right after it: 'the former governor, Jo Lee,' gives Jo Lee."""
    phrase = _phrase_at_start(text)
    if not phrase.kind:
        return phrase
    last = phrase.name.split()[-1]
    at = text.find(last, text.find(phrase.name.split()[0])) + len(last)
    source = _MADE_BY.match(text, at)
    if source and not any(w[:1].isupper() for w in phrase.name.split()):
        # "a complaint filed by the Acme Commission": the body behind the document names it.
        run = _capitalised_run_at_start(text[source.end() : source.end() + 200])
        if run:
            return _Who("phrase", phrase.name + text[at : source.end()] + " ".join(run).rstrip(",;:."))
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


_ORG_CONTINUES = re.compile(
    r"\b(?:" + "|".join(sorted(w.capitalize() for w in ORG_WORDS)) + r")\s+(?:on|of|for|and)\s+(?:the\s+)?$"
)


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
        for k, word in enumerate(words[:-1]):
            if word.endswith(".") and not _is_abbreviation(word) and not re.fullmatch(r"[A-Z]\.", word):
                words = words[: k + 1]  # "President Lee.  Diaz said": a full stop ends the name
                break
        if _ORG_CONTINUES.search(masked, max(0, run.start() - 40), run.start()):
            continue  # "Council on Foreign Relations", "Department of Homeland Security": one organisation
        # "ambassador to Britain Liu Xiaming": the place is not part of the name.
        words = _after_title_place(masked[max(0, run.start() - 40) : run.start()] + " ".join(words), words)
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


def _stands_alone(masked: str) -> bool:
    return not _WORDY.search(masked.replace("\x00", ""))


def _longest_by_surname(full_names: Iterable[str]) -> dict[str, str]:
    """Surname -> the longest full name ending in it (the first of equals)."""
    longest: dict[str, str] = {}
    for full in full_names:
        surname = full.split()[-1]
        if len(full) > len(longest.get(surname, "")):
            longest[surname] = full
    return longest
