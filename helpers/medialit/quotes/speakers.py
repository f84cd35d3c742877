"""Who said a quote: speaking verbs, names, titles, pronouns and reporting frames, resolved over a page."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from medialit.quotes.marks import _ALL_MARKS, _WORDY, _Span
from medialit.quotes.records import Quote
from medialit.segmentation import Block

# --- who said it ------------------------------------------------------------------------------

_VERB = re.compile(
    r"\b(?:said|says|say|saying|added|adds|adding|told|tells|stated|states|warned|warns|claimed|claims|"
    r"explained|explains|noted|notes|wrote|writes|insisted|insists|asked|asks|replied|replies|"
    r"declared|declares|announced|announces|disclosed|discloses|continued|continues|stressed|"
    r"stresses|urged|urges|argued|argues|concluded|concludes|according to)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s*$", re.IGNORECASE)
_FILLER = re.compile(
    r"(?:\s+(?:also|later|then|further|again|previously|earlier|subsequently|repeatedly|"
    r"has|had|have|was|is|would|reportedly))+\s*$",
    re.IGNORECASE,
)
_PRONOUNS = {"he", "she", "they", "i", "we", "it"}
_TITLES = {
    "maj", "major", "gen", "general", "lt", "lieutenant", "col", "colonel", "capt", "captain",
    "sgt", "sergeant", "adm", "admiral", "brig", "brigadier", "cmdr", "commander", "army", "navy",
    "air", "force", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "prime",
    "secretary", "mr", "mrs", "ms", "dr", "prof", "sen", "senator", "rep", "gov", "governor",
    "chief", "director", "ambassador", "official", "officer", "deputy", "foreign", "defence",
    "defense", "mayor", "colonel-general", "lieutenant-general", "major-general", "marine", "corps",
    "councillor", "councilor", "cllr", "alderman",
}
_ORG_WORDS = {
    "ministry", "forces", "department", "coalition", "pentagon", "kremlin", "command", "government",
    "agency", "office", "tass", "reuters", "afp", "observatory", "sdf", "army", "military", "council",
    "embassy", "moscow", "washington", "russia", "press",
}
# Capitalised words that start sentences rather than names.
_NOT_NAMES = {
    "the", "a", "an", "but", "and", "however", "meanwhile", "later", "also", "then", "earlier",
    "in", "on", "at", "as", "if", "when", "while", "this", "that", "these", "those", "both", "he",
    "she", "they", "it", "we", "i", "his", "her", "their", "its", "our", "so", "yet", "still",
}
_PARTICLES = {"al", "bin", "de", "van", "von", "der", "la", "le", "da", "el", "ibn"}
_ABBREVIATIONS = {
    "maj", "gen", "col", "lt", "capt", "sgt", "adm", "brig", "cmdr", "mr", "mrs", "ms", "dr",
    "prof", "st", "no", "sen", "rep", "gov", "jr", "sr", "vs", "etc", "inc", "co", "corp",
}


@dataclass(frozen=True)
class _Who:
    """A possible speaker: ``kind`` is person, name (a bare surname), org, pronoun, phrase or ''."""

    kind: str
    name: str


_NOBODY = _Who("", "")


def _bare(word: str) -> str:
    return word.strip(",;:()[]{}\"'“”‘’").rstrip(".").lower()


def _is_title(word: str) -> bool:
    bare = _bare(word)
    return bare in _TITLES or (("-" in bare) and all(part in _TITLES for part in bare.split("-")))


def _name_from_words(words: list[str]) -> _Who:
    """A speaker from a run of capitalised words, titles dropped: 'Maj. Gen. Igor Konashenkov'."""
    words = [w.strip(",;:()\"“”") for w in words if w.strip(",;:()\"“”")]
    while words and _bare(words[0]) in _NOT_NAMES:
        words = words[1:]
    if not words:
        return _NOBODY
    last = _bare(words[-1]).removesuffix("’s").removesuffix("'s")
    if last in _ORG_WORDS:
        return _Who("org", " ".join(words))
    name: list[str] = []
    titled = False
    for word in reversed(words):
        if _is_title(word):
            titled = True
            break
        if _bare(word) in _NOT_NAMES or len(name) == 4:
            break
        name.insert(0, word.rstrip(".") if not re.fullmatch(r"[A-Z]\.", word) else word)
    if not name:
        return _NOBODY
    if len(name) >= 2 or titled:
        return _Who("person", " ".join(name))
    return _Who("name", name[0])


def _capitalised_run_at_end(text: str) -> list[str]:
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if word.endswith(",") and run:
            break
        core = word.strip(",;:()\"“”")
        if core[:1].isupper() or (core.lower() in _PARTICLES and run):
            run.insert(0, word)
        else:
            break
    return run


def _capitalised_run_at_start(text: str) -> list[str]:
    run: list[str] = []
    for word in text.split():
        core = word.strip("()\"“”")
        if not (core[:1].isupper() or (core.lower() in _PARTICLES and run)):
            break
        run.append(word)
        if word.endswith((",", ";", ":")) or (word.endswith(".") and not _is_abbreviation(word)):
            break
    return run


def _is_abbreviation(word: str) -> bool:
    core = word.strip("()\"“”‘’'")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", core)) or _bare(core) in _ABBREVIATIONS


def _phrase_at_end(text: str) -> _Who:
    """'the statement', 'a Syrian commander': the last short noun phrase before a verb."""
    words = text.split()[-5:]
    for k in range(len(words)):
        if words[k].lower() in {"the", "a", "an", "this"}:
            phrase = " ".join(w.strip(",;:") for w in words[k:])
            return _Who("phrase", phrase[0].lower() + phrase[1:])
    return _NOBODY


def _subject(masked: str, sentence_start: int, verb: re.Match[str]) -> _Who:
    """Who does the speaking verb at ``verb`` belong to, within its sentence?"""
    if verb.group(0).lower() == "according to":
        after = masked[verb.end() :]
        run = _capitalised_run_at_start(after)
        return _name_from_words(run) if run else _phrase_at_start(after)
    before = masked[sentence_start : verb.start()]
    if verb.group(0).lower() == "told" and _PASSIVE.search(before):
        return _NOBODY
    before = _FILLER.sub("", before)
    own = before.split("\x00")[-1]  # the words after the last quote in this sentence
    if not verb.group(0).lower().endswith("ing"):
        # "Mark Evans, cabinet member for highways, said": the speaker is before the aside.
        # Not for "-ing" forms: "..., he told reporters, saying" has no aside to skip.
        own = _skip_aside(own)
    if not _bare_of_punctuation(own):
        # Inverted attribution: '"...," said Army Colonel Ryan Dillon, a spokesman'.
        after = masked[verb.end() :]
        if after.lstrip()[:3].lower() == "by ":
            after = after.lstrip()[3:]
        run = _capitalised_run_at_start(after)
        return _name_from_words(run) if run else _phrase_at_start(after)
    last = own.split()[-1]  # own has a word: _bare_of_punctuation said so
    if last.strip(",").lower() in _PRONOUNS:
        return _Who("pronoun", last.strip(","))
    if last.endswith(","):
        return _NOBODY
    run = _capitalised_run_at_end(own)
    if run:
        return _name_from_words(run)
    return _phrase_at_end(own)


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
    if not _bare_of_punctuation(head) or not _bare_of_punctuation(aside) or len(aside.split()) > 12:
        return words
    return head


def _phrase_at_start(text: str) -> _Who:
    match = re.match(r"\s*((?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)", text, re.IGNORECASE)
    return _Who("phrase", match.group(1)) if match else _NOBODY


# --- sentences ----------------------------------------------------------------------------------

_STOP_PUNCT = re.compile(r"[.!?…]+[\"'”’)\]]*(\s+)")


def _boundaries(masked: str, spans: list[_Span], chunk: str) -> list[int]:
    """Positions where a new sentence starts in a paragraph whose quotes are masked out."""
    starts = []
    for match in _STOP_PUNCT.finditer(masked):
        nxt = masked[match.end() : match.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt == "\x00" or nxt in _ALL_MARKS):
            continue
        if _is_abbreviation(_word_ending_at(masked, match.start() + 1)):
            continue
        starts.append(match.end())
    for span in spans:
        # A quote that ends its own sentence ('...means." The army...') ends the sentence too.
        if span.close < len(chunk) and chunk[span.start : span.end][-1:] in ".!?…":
            rest = masked[span.close + 1 :]
            stripped = rest.lstrip()
            if stripped[:1].isupper() or stripped[:1] == "\x00":
                starts.append(span.close + 1 + (len(rest) - len(stripped)))
    return sorted(set(starts))


#: Abbreviations are short: a word is looked for this far back from a full stop. Looking
#: back to the paragraph's start at every full stop made long paragraphs quadratic.
_WORD_WINDOW = 40


def _word_ending_at(masked: str, end: int) -> str:
    """The word that ends at ``end`` (within a bounded window; '' when it is longer than that)."""
    window = masked[max(0, end - _WORD_WINDOW) : end]
    words = window.split()
    if not words or window[-1:].isspace():
        return ""
    cut_short = end > _WORD_WINDOW and not masked[end - _WORD_WINDOW - 1].isspace()
    if len(words) == 1 and not window[0].isspace() and cut_short:
        return ""  # longer than the window: no abbreviation is that long
    return words[-1]


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
    mentions: list[tuple[int, _Who, bool]]  # (offset in page, who, said "in a statement")


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:al|bin|de|van|von|ibn)(?=\s+[A-Z])))*")
_APPOSITION_AFTER = re.compile(r",\s+(?:the|a|an)\s+[a-z]")
_APPOSITION_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s*$")
# "The mayor, Jane Smith," is a few words: _APPOSITION_BEFORE looks back this far, not to the
# paragraph's start (which made a paragraph of many names quadratic).
_APPOSITION_WINDOW = 80


def _mentions(masked: str, boundaries: list[int], offset: int) -> list[tuple[int, _Who, bool]]:
    """People named in a paragraph, for "he said": speakers of speaking verbs, people with
    a title ("Mayor Jane Smith") and people in apposition ("Jane Smith, the mayor,")."""
    found = []
    for verb in _VERB.finditer(masked):
        who = _subject(masked, _sentence_start(boundaries, verb.start()), verb)
        if who.kind:
            in_statement = "statement" in masked[verb.end() : verb.end() + 40].lower()
            found.append((offset + verb.start(), who, in_statement))
    for run in _CAPITALISED_RUN.finditer(masked):
        words = run.group(0).split()
        who = _name_from_words(words)
        if who.kind not in ("person", "name"):
            continue
        titled = any(_is_title(word) for word in words[: -len(who.name.split())])
        apposition = bool(_APPOSITION_AFTER.match(masked, run.end())) or (
            masked.startswith(",", run.end())
            and bool(_APPOSITION_BEFORE.search(masked, max(0, run.start() - _APPOSITION_WINDOW), run.start()))
        )
        if titled or (apposition and who.kind == "person"):
            found.append((offset + run.start(), _Who("person", who.name), False))
    return sorted(found, key=lambda m: m[0])


class _Resolver:
    """Speaker resolution over a page's paragraphs, in reading order."""

    def __init__(self, paragraphs: list[_Paragraph]):
        self.paragraphs = paragraphs
        all_mentions = [m for p in paragraphs for m in p.mentions]
        # Full names anywhere on the page, so a bare surname can be completed: the page
        # may say "Konashenkov said" before or after "Maj. Gen. Igor Konashenkov".
        self.full_names = _longest_by_surname(
            who.name for _, who, _ in all_mentions if who.kind == "person" and " " in who.name
        )
        persons = sorted(
            (pos, self.canonical(who.name), statement)
            for pos, who, statement in all_mentions
            if who.kind == "person" or (who.kind == "name" and who.name in self.full_names)
        )
        # Positions kept apart for bisect: "the last person before this quote" is a lookup,
        # not a scan of every mention on the page.
        self.person_at = [pos for pos, _, _ in persons]
        self.person_name = [name for _, name, _ in persons]
        self.statement_at = [pos for pos, _, statement in persons if statement]
        self.statement_name = [name for _, name, statement in persons if statement]

    def canonical(self, name: str) -> str:
        if " " not in name:
            return self.full_names.get(name, name)
        return name

    def last_person(self, pos: int) -> str:
        index = bisect.bisect_left(self.person_at, pos)
        return self.person_name[index - 1] if index else ""

    def statement_speaker(self, pos: int) -> str:
        index = bisect.bisect_left(self.statement_at, pos)
        return self.statement_name[index - 1] if index else ""

    def speaker(self, who: _Who, pos: int) -> str:
        if who.kind == "pronoun":
            # "they", "we", "it" name nobody in particular: unknown.
            return self.last_person(pos) if who.name.lower() in {"he", "she"} else ""
        if who.kind == "phrase" and who.name.lower() in {"the statement", "a statement"}:
            return self.statement_speaker(pos) or "the statement"
        if who.kind in ("person", "name"):
            return self.canonical(who.name)
        return who.name

    def attribution(self, p: _Paragraph, span: _Span) -> tuple[_Who, int]:
        """The speaker named for this quote in its own sentence, and the verb's position."""
        size = len(p.masked)
        inner = p.chunk[span.start : span.end]
        after = span.close + 1
        if after < size:
            end = _sentence_end(p.boundaries, after, size)
            nxt = p.masked.find("\x00", after)
            if nxt != -1:
                end = min(end, nxt)
            tail = p.masked[after:end]
            first_word = _SPACE_AND_PUNCTUATION.sub("", tail[:200])[:1]
            # After '...means."' a capital starts a new sentence, not an attribution.
            if inner[-1:] not in ".!?…" or first_word.islower():
                for verb in _VERB.finditer(tail):
                    lead = tail[: verb.start()]
                    if not verb.group(0).lower().endswith("ing"):
                        lead = _skip_aside(lead)
                    if len(lead.split()) > 10 or "," in re.sub(r"^[\s,]+", "", lead):
                        break
                    who = _subject(p.masked, _sentence_start(p.boundaries, after + verb.start()),
                                   _shift(verb, after, p.masked))
                    if who.kind:
                        return who, after + verb.start()
                    break
        start = _sentence_start(p.boundaries, span.open)
        head = p.masked[start : span.open]
        verbs = list(_VERB.finditer(head))
        for verb in reversed(verbs):
            who = _subject(p.masked, start, _shift(verb, start, p.masked))
            if who.kind:
                return who, start + verb.start()
        return _NOBODY, -1

    def quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        previous: list[Quote] = []
        for p in self.paragraphs:
            current: list[Quote] = []
            last_verb = -2
            for span in p.spans:
                who, verb_at = self.attribution(p, span)
                continues = False
                if who.kind:
                    speaker = self.speaker(who, p.start + span.open)
                    continues = bool(current) and verb_at == last_verb
                elif current:
                    speaker, continues = current[-1].speaker, True
                elif previous and _stands_alone(p.masked):
                    speaker, continues = previous[-1].speaker, True
                else:
                    speaker = ""
                last_verb = verb_at
                current.append(
                    Quote(
                        text=p.chunk[span.start : span.end],
                        speaker=speaker,
                        start=p.start + span.start,
                        end=p.start + span.end,
                        continues=continues,
                        role=p.block.role,
                    )
                )
            quotes.extend(current)
            previous = current
        return quotes


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
