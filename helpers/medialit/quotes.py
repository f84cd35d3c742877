"""Quote fidelity: find the quotations in a report, match one remark across reports, compare wordings.

Three steps, each a pure function over plain data:

* :func:`extract_quotes` finds every quotation in the article's own text (headline,
  standfirst, body) with who said it and where it sits in the page;
* :func:`align_quotes` groups the same remark across the reports of a story, even when
  it was trimmed, reworded or translated differently;
* :func:`compare_quotes` lines two versions up word by word and flags what a careful
  reader should notice (brackets, dots, changed words, partial quotes, other speaker).

:func:`reference_versions` reads the published wordings of the statement
(``reference_quotes.json`` in the story folder) so a lesson can compare each report
with what the news agencies printed.

Example:
    >>> text = '"We will respond," the mayor said.'
    >>> [(q.text, q.speaker) for q in extract_quotes(text)]
    [('We will respond', 'the mayor')]
"""

from __future__ import annotations

import bisect
import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence, Union

# Absolute imports, so that `python -m doctest helpers/medialit/quotes.py` works too.
from medialit.segmentation import Block, segment
from medialit.story import Report, Story, StoryError, bundled_story_folder, load_story, read_json

__all__ = [
    "ARTICLE_ROLES",
    "VERDICTS",
    "REFERENCE_FILE",
    "SAME_REMARK_THRESHOLD",
    "Quote",
    "QuoteComparison",
    "QuoteFlag",
    "QuoteGroup",
    "ReferenceVersion",
    "WordOp",
    "align_quotes",
    "check_verdict",
    "compare_quotes",
    "content_words",
    "extract_quotes",
    "group_quotes",
    "helper_flags",
    "is_other_language",
    "reference_notes",
    "reference_synonyms",
    "reference_versions",
    "Synonyms",
    "word_changes",
]
# synthetic_story is not listed: it is a fixture for `make bench`, not analysis.

#: Roles whose text belongs to the article itself; quotes elsewhere (comments, captions,
#: menus) are left out unless ``include_all=True``.
ARTICLE_ROLES: tuple[str, ...] = ("headline", "standfirst", "body")

#: The file in a story folder that holds the published wordings of the statement.
REFERENCE_FILE = "reference_quotes.json"

#: Two quotes are the same remark when at least this share of the shorter one's content
#: words (after light stemming, general spelling equivalences and the story's own translation
#: variants) is in the other one.
#: How it was chosen, honestly: by hand, from one story. On the five bundled reports and the
#: published versions, scored with that story's variants from its reference file, versions of
#: one remark score 0.83-1.00 (one exception: AFP's published warning against report 000's,
#: 0.71; harmless, as the other published versions match 000) and different remarks 0.625 at
#: most (the warning and the fire-points sentence share "areas", "immediately", "suppressed");
#: 0.75 was put in that gap. It was not fitted on any other data; the only other check is the
#: hand-made flood story in tests/test_quotes.py, which groups correctly with no story
#: variants. A story whose remarks are close paraphrases of each other may need another value.
SAME_REMARK_THRESHOLD = 0.75
#: When two quotes name different speakers they must agree much more closely to be grouped:
#: the same words put in another mouth is a fidelity problem worth showing, two people
#: saying similar things is not one remark.
OTHER_SPEAKER_THRESHOLD = 0.9
#: Fewer shared content words than this is too little evidence, whatever the share.
MIN_SHARED_WORDS = 3


# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """One quotation: the words inside the quote marks, who said them, and where they are.

    ``text[start:end]`` of the text given to :func:`extract_quotes` is exactly ``text``
    (marks left out, a trailing comma before "he said" left out). ``continues`` is True
    when the quote carries on the previous quote's remark with no new attribution: the
    second half of ``"...," he said. "..."``, or a quote paragraph right after another
    quote by the same speaker. ``role`` is the role of the paragraph it was found in.

    Example:
        >>> Quote("We will respond", "Igor Konashenkov", 1, 16).speaker
        'Igor Konashenkov'
    """

    text: str
    speaker: str
    start: int
    end: int
    continues: bool = False
    role: str = ""


@dataclass(frozen=True)
class ReferenceVersion:
    """A published wording of a remark, from ``reference_quotes.json``.

    ``source`` is the source exactly as the reference table gives it; ``name`` is short
    ("Reuters"); ``remark`` says which remark it is ("warning", "fire-points");
    ``speech`` is ``"direct"`` or ``"indirect"`` (reported speech in the original).

    Example:
        >>> v = ReferenceVersion("Reuters (as republished)", "fire-points", "Fire points ...", "en")
        >>> v.name or v.source
        'Reuters (as republished)'
    """

    source: str
    remark: str
    text: str
    language: str
    citation: str = ""
    name: str = ""
    speaker: str = ""
    speech: str = "direct"
    as_given: str = ""
    note: str = ""


@dataclass(frozen=True)
class QuoteGroup:
    """One remark as quoted by several reports.

    ``members`` are ``(report_id, Quote)`` pairs in report order. ``reference`` is the
    version the others are compared with: a published :class:`ReferenceVersion` when the
    story ships one for this remark (the one that the most members quote word for word),
    else the member that contains the most other members word for word (ties: the
    longest, then the earliest report). ``reference_source`` names it: a report id or
    the source of the reference version. ``remark`` is the reference file's key for the
    remark ("warning"), ``reference_versions`` every published wording of it.

    Example:
        >>> groups = align_quotes(load_story())
        >>> groups[0].label
        'Syrian forces have twice come under…'
    """

    members: tuple[tuple[str, Quote], ...]
    reference: Union[Quote, ReferenceVersion]
    reference_source: str
    label: str
    speaker: str
    remark: str = ""
    reference_versions: tuple[ReferenceVersion, ...] = ()

    @property
    def report_ids(self) -> list[str]:
        """The ids of the reports that quote this remark, each once, in order."""
        return list(dict.fromkeys(report_id for report_id, _ in self.members))


@dataclass(frozen=True)
class WordOp:
    """One step of a word-by-word alignment of two quotes.

    ``kind`` is ``"same"``, ``"changed"``, ``"inserted"`` (words only in b) or
    ``"deleted"`` (words only in a).

    Example:
        >>> WordOp("changed", ("destroyed",), ("suppressed",)).kind
        'changed'
    """

    kind: str
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]


@dataclass(frozen=True)
class QuoteFlag:
    """Something a careful reader should notice when comparing two quotes.

    ``kind`` is one of ``"brackets"``, ``"parentheses"``, ``"ellipsis"``,
    ``"changed_words"``, ``"partial"``, ``"speaker"``, ``"indirect_speech"``;
    ``explanation`` is one plain sentence for a 14-year-old; ``detail`` says where.

    Example:
        >>> compare_quotes("We [the army] will win", "We will win").flags[0].explanation
        'Square brackets mark words the editor added; they were not said.'
    """

    kind: str
    explanation: str
    detail: str = ""


@dataclass(frozen=True)
class QuoteComparison:
    """Two versions of a quote lined up word by word, with what to notice.

    Joining the ``a_words`` of all ``ops`` gives a's words (``a.split()``), and the same
    for b. ``similarity`` is the share of the shorter quote's content words found in the
    other (0 to 1; the story's translation variants count as the same word when
    :func:`compare_quotes` is given them); ``same_remark`` uses the
    same rule as :func:`align_quotes`.

    Example:
        >>> c = compare_quotes("They will be destroyed", "They will be suppressed")
        >>> [op.kind for op in c.ops], c.flags[0].kind
        (['same', 'changed'], 'changed_words')
    """

    a: str
    b: str
    ops: tuple[WordOp, ...]
    flags: tuple[QuoteFlag, ...]
    similarity: float
    same_remark: bool

    def has(self, kind: str) -> bool:
        """True when a flag of this kind was raised."""
        return any(flag.kind == kind for flag in self.flags)


# --- finding quote marks ---------------------------------------------------------------------

_DOUBLE_OPEN = "“„«‟"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_SINGLE = _SINGLE_OPEN + _SINGLE_CLOSE + "'"
_ALL_MARKS = _DOUBLE + _SINGLE
# Marks that only ever close: French and Swiss quotes, « spaced like this », where the space
# before » would otherwise make it look like an opening mark.
_ALWAYS_CLOSE = "»›"
# A mark can open a quote after these (or a space): "(“", "—‘", ":\"".
_BEFORE_OPEN = "([{—–-/:;," + _ALL_MARKS
# A mark can close a quote before these (or a space): "”,", "’)".
_AFTER_CLOSE = ".,;:!?)]}—–-/…" + _ALL_MARKS
# HTML tags, blanked out before quotes are looked for: "<p>" is not a word, and the quotes
# of 'href="..."' are not quote marks. Bounded so a stray "<" cannot make a long match.
_TAG = re.compile(r"<(?:/?[A-Za-z][\w:-]*(?:\s[^<>]{0,500})?/?|!--[^<>]{0,500}--)>")
# An opening apostrophe that is not a quote: '90s, 'n' (rock 'n' roll), 'em, 'til, 'cause.
_ELISION = re.compile(r"(?:\d\d(?:s|’s|'s)?\b|n['’]\s|em\b|til\b|cause\b|tis\b|twas\b|bout\b)", re.IGNORECASE)
_WORDY = re.compile(r"\w")


def _left_flanking(s: str, i: int) -> bool:
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return not after.isspace() and (before.isspace() or before in _BEFORE_OPEN)


def _right_flanking(s: str, i: int) -> bool:
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)


@dataclass(frozen=True)
class _Span:
    """A quote inside one paragraph: marks at ``open``/``close`` (``close`` may be the end)."""

    open: int
    close: int
    start: int
    end: int


def _make_span(chunk: str, open_at: int, close_at: int) -> _Span | None:
    start, end = open_at + 1, close_at
    while start < end and chunk[start].isspace():
        start += 1
    # The comma before "he said" belongs to the sentence, not to the quote.
    while end > start and (chunk[end - 1].isspace() or chunk[end - 1] == ","):
        end -= 1
    if not _WORDY.search(chunk, start, end):
        return None
    return _Span(open_at, close_at, start, end)


def _double_spans(chunk: str) -> list[_Span]:
    spans: list[_Span] = []
    open_at: int | None = None
    for i, ch in enumerate(chunk):
        if ch not in _DOUBLE:
            continue
        can_open, can_close = _left_flanking(chunk, i), _right_flanking(chunk, i)
        if open_at is None:
            # A straight or closing mark opens only where it clearly starts a word: scrapes
            # use " for both ends, and some use ” for both. » never opens.
            if ch in _DOUBLE_OPEN or (can_open and not can_close and ch not in _ALWAYS_CLOSE):
                open_at = i
            continue
        if ch in _ALWAYS_CLOSE or (can_close and not (ch in _DOUBLE_OPEN and can_open)):
            span = _make_span(chunk, open_at, i)
            if span:
                spans.append(span)
            open_at = None
        elif can_open or ch in _DOUBLE_OPEN:
            # The previous quote was never closed: end it at its last full stop, if any,
            # so the words between it and this new quote are not swallowed.
            stop = max(chunk.rfind(p, open_at, i) for p in ".!?")
            span = _make_span(chunk, open_at, stop + 1 if stop > open_at else i)
            if span:
                spans.append(span)
            open_at = i
    if open_at is not None:
        # Newspapers leave a quote open at the end of a paragraph when it goes on in the
        # next one; it runs to the end of this paragraph.
        span = _make_span(chunk, open_at, len(chunk))
        if span:
            spans.append(span)
    return spans


def _single_spans(chunk: str, taken: list[_Span]) -> list[_Span]:
    """Single-quoted quotes outside the double-quoted ones, telling them from apostrophes."""
    inside = set()
    for span in taken:
        inside.update(range(span.open, span.close + 1))
    candidates = [i for i, ch in enumerate(chunk) if ch in _SINGLE and i not in inside]
    spans: list[_Span] = []
    open_at: int | None = None
    for n, i in enumerate(candidates):
        ch = chunk[i]
        can_open, can_close = _left_flanking(chunk, i), _right_flanking(chunk, i)
        if open_at is None:
            if (
                (ch in _SINGLE_OPEN or can_open)
                and not can_close
                and ch not in _ALWAYS_CLOSE
                and not _ELISION.match(chunk, i + 1)
            ):
                open_at = i
            continue
        if ch not in _ALWAYS_CLOSE:
            if not can_close:
                continue
            if chunk[i - 1] in "sS" and _plural_possessive(chunk, candidates, n + 1):
                continue
        span = _make_span(chunk, open_at, i)
        if span:
            spans.append(span)
        open_at = None
    # An unclosed single quote is far more likely a stray apostrophe than a quote: drop it.
    return spans


def _plural_possessive(chunk: str, candidates: list[int], first: int) -> bool:
    """True when a closing-looking ``s'`` is followed by a real closing mark before any opener.

    ``candidates[first:]`` are the marks after it (an index, not a slice: slicing at every
    mark would make a page of apostrophes quadratic).
    """
    for k in range(first, len(candidates)):
        j = candidates[k]
        if _left_flanking(chunk, j) and not _right_flanking(chunk, j):
            return False
        if _right_flanking(chunk, j):
            return True
    return False


def _quote_spans(chunk: str, allow_single: bool) -> list[_Span]:
    spans = _double_spans(chunk)
    if allow_single:
        spans = sorted(spans + _single_spans(chunk, spans), key=lambda s: s.open)
    return spans


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


# --- paragraphs in the page ------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return starts


def _locate_blocks(text: str, blocks: list[Block]) -> list[tuple[Block, int, int]]:
    """Where each block's text sits in the page: ``(block, start, end)`` offsets.

    ``Block.text`` joins a paragraph's stripped lines with single spaces, so blocks are
    looked for in a copy of the page whose whitespace runs are squeezed to one space,
    from the block's start line on, and mapped back word by word.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    squeezed_at: list[int] = []  # where each token starts in the squeezed page
    size = 0
    for start, end in tokens:
        squeezed_at.append(size)
        size += end - start + 1
    squeezed = " ".join(text[start:end] for start, end in tokens)
    line_starts = _line_starts(text)
    found: list[tuple[Block, int, int]] = []
    cursor = 0
    for block in blocks:
        wanted = " ".join(block.text.split())
        if not wanted:
            continue
        line_at = line_starts[block.line - 1] if 1 <= block.line <= len(line_starts) else 0
        first = bisect.bisect_left(tokens, (line_at, -1))
        from_at = squeezed_at[first] if first < len(tokens) else size
        at = -1
        for origin in (from_at, cursor, 0):
            at = _find_words(squeezed, wanted, origin)
            if at != -1:
                break
        if at == -1:
            # The segmenter changed the words (it should not): fall back to the block's first line.
            if first < len(tokens):
                line_end = line_starts[block.line] if block.line < len(line_starts) else len(text)
                last = bisect.bisect_left(tokens, (line_end, -1)) - 1
                if last >= first:
                    found.append((block, tokens[first][0], tokens[last][1]))
            continue
        i = bisect.bisect_right(squeezed_at, at) - 1
        j = bisect.bisect_right(squeezed_at, at + len(wanted) - 1) - 1
        start = tokens[i][0] + (at - squeezed_at[i])
        end = tokens[j][0] + (at + len(wanted) - squeezed_at[j])
        found.append((block, start, end))
        cursor = at + len(wanted)
    return found


def _find_words(squeezed: str, wanted: str, origin: int) -> int:
    """``wanted`` in ``squeezed`` from ``origin``, starting and ending at word edges."""
    at = squeezed.find(wanted, origin)
    while at != -1:
        if (at == 0 or squeezed[at - 1] == " ") and squeezed[at + len(wanted) : at + len(wanted) + 1] in ("", " "):
            return at
        at = squeezed.find(wanted, at + 1)
    return -1


# --- extract_quotes ----------------------------------------------------------------------------


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


def _mask(chunk: str, spans: list[_Span]) -> str:
    chars = list(chunk)
    for span in spans:
        for i in range(span.open, min(span.close + 1, len(chunk))):
            chars[i] = "\x00"
    return "".join(chars)


def extract_quotes(text: str, *, include_all: bool = False) -> list[Quote]:
    """Every quotation in a page's article text, with its speaker and its place in ``text``.

    The page is split by :func:`medialit.segmentation.segment`; only the headline, standfirst
    and body are searched (a text of one paragraph is searched whatever its role), unless
    ``include_all`` is True. Curly and straight double quotes are found everywhere;
    single quotes only in headlines, standfirsts and texts of one paragraph, where
    British papers use them, and never from apostrophes (Russia's, '90s, rock 'n' roll).
    « French » and ‹ single › guillemets count too; » and › always close.

    HTML tags are read as spaces: in ``<p>"We will respond," he said.</p>`` the quote is
    found, and the marks of ``<a href="...">`` are not quotes. A tag inside a quote stays in
    its ``text`` (offsets always slice the page). Entities such as ``&quot;`` are not
    decoded: convert a page to plain text first.

    Speakers, in this order:

    1. an attribution after the quote in the same sentence ("...," he said /
       said Army Colonel Ryan Dillon / Igor Konashenkov said in a statement);
    2. else one before it in the same sentence (He added: "..." / Konashenkov said
       the command "was told ...");
    3. else the speaker of the previous quote in the same paragraph (a quote split by
       its attribution) or, for a quote standing alone in its paragraph, of the last
       quote in the paragraph before; such quotes get ``continues=True``;
    4. else ``""`` (unknown).

    "he"/"she" is the last person named before the quote. "the statement" is the person
    last said to speak "in a statement", else stays "the statement". A surname alone
    ("Konashenkov") becomes the full name used elsewhere in the text, and titles are
    dropped, so "Maj. Gen. Igor Konashenkov" and "Konashenkov" are both
    "Igor Konashenkov". Any other noun phrase ("the mayor") is kept as written.

    Example:
        >>> page = 'Talks\\n\\n"It went well," said Col. Ryan Dillon. "We laid down maps."'
        >>> [(q.text, q.speaker, q.continues) for q in extract_quotes(page)]
        [('It went well', 'Ryan Dillon', False), ('We laid down maps.', 'Ryan Dillon', True)]
    """
    if not isinstance(text, str) or not text.strip():
        return []
    blocks = segment(text)
    keep_all = include_all or len(blocks) <= 1
    paragraphs: list[_Paragraph] = []
    for block, start, end in _locate_blocks(text, blocks):
        if not keep_all and block.role not in ARTICLE_ROLES:
            continue
        chunk = _blank_tags(text[start:end])
        # A lone paragraph is most likely a headline handed over on its own.
        single = block.role in ("headline", "standfirst") or len(blocks) == 1
        spans = _spans_around_tags(text[start:end], chunk, allow_single=single)
        masked = _mask(chunk, spans)
        boundaries = _boundaries(masked, spans, chunk)
        mentions = _mentions(masked, boundaries, start)
        paragraphs.append(_Paragraph(block, start, chunk, masked, spans, boundaries, mentions))
    return [
        # Tags inside a quote were blanked for the search; its text is the page's own.
        quote if text[quote.start : quote.end] == quote.text else replace(quote, text=text[quote.start : quote.end])
        for quote in _Resolver(paragraphs).quotes()
    ]


def _blank_tags(chunk: str) -> str:
    """``chunk`` with HTML tags replaced by spaces of the same length (so offsets stay put)."""
    if "<" not in chunk:
        return chunk
    return _TAG.sub(lambda m: " " * len(m.group(0)), chunk)


def _spans_around_tags(raw: str, blanked: str, allow_single: bool) -> list[_Span]:
    """Quote spans of a paragraph, looked for as if its HTML tags were not there.

    Marks are judged by their neighbours, so they are found in the paragraph with its tags
    cut out (in '"<b>We</b>"' the mark is next to "We", not to a space), then mapped back.
    """
    if blanked == raw:
        return _quote_spans(raw, allow_single)
    in_tag = bytearray(len(raw))
    for tag in _TAG.finditer(raw):
        in_tag[tag.start() : tag.end()] = b"\x01" * (tag.end() - tag.start())
    kept = [i for i in range(len(raw)) if not in_tag[i]]
    cut = "".join(raw[i] for i in kept)
    spans = []
    for span in _quote_spans(cut, allow_single):
        close = kept[span.close] if span.close < len(kept) else len(raw)
        spans.append(_Span(kept[span.open], close, kept[span.start], kept[span.end - 1] + 1))
    return spans


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


# --- similarity -------------------------------------------------------------------------------

_STOPWORDS = set(
    """a an the and or but nor of to in on at by for with from as into onto about over than then
    that this these those there here their theirs they them it its is are was were be been being
    will would shall should can could may might must have has had having do does did done not no
    any all some each every our ours we us you your he she his her him i me my mine so if where
    which who whom whose what when while also just only very more most such own same too other
    again further once up down out off available disposal""".split()
)
_KEEP_S = {"means", "us", "news", "series", "species", "this", "his", "was", "has", "is", "its", "as"}
_WORD = re.compile(r"\w+(?:[.'’]\w+)*\.?")
_US = {"us", "u.s", "u.s.", "usa", "u.s.a", "u.s.a."}

# General spelling equivalences, true of English news whatever the story: British and
# American spellings of one word get one key. Story-specific wordings (a translator's
# "destroyed" for another's "suppressed") belong in the story's reference file instead:
# see :class:`Synonyms`.
_SPELLINGS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "program", "grey": "gray", "aluminium": "aluminum",
    "judgement": "judgment", "ageing": "aging", "travelled": "traveled", "travelling": "traveling",
    "cancelled": "canceled", "cancelling": "canceling", "labelled": "labeled", "modelled": "modeled",
    "fuelled": "fueled", "signalled": "signaled", "counselled": "counseled",
}
_SPELLING_RULES = (
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations)$"), r"\1iz\2"),  # organise -> organize
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),  # colour -> color (not hour, four)
    (re.compile(r"^(\w{2,})tre(s|d)?$"), r"\1ter\2"),  # centre -> center
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing)$"), r"\1yz\2"),  # analyse -> analyze
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),  # catalogue -> catalog
)


def _plain_words(text: str) -> list[str]:
    words = []
    for raw in _WORD.findall(text):
        if raw.lower() in _US and raw[:1] == "U":
            words.append("usa")
            continue
        raw = raw.rstrip(".")
        raw = re.sub(r"['’]s$", "", raw)
        for part in raw.split("-"):
            word = part.lower().replace("’", "'")
            if len(word) > 3 and word.endswith("ies"):
                word = word[:-3] + "y"
            elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _KEEP_S:
                word = word[:-1]
            if word:
                words.append(word)
    return words


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One key for a plain word: American spelling, then "-ing"/"-ed" cut from long words."""
    word = _SPELLINGS.get(word, word)
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Synonyms:
    """Wordings that count as the same word when a story's quotes are matched.

    A story told in translation quotes one statement in several wordings ("fire points
    ... suppressed", "firing positions ... destroyed"). Which wordings are variants of
    each other is a fact about that story, so it lives in the story's data: the
    ``"synonyms"`` section of ``reference_quotes.json``, read by
    :func:`reference_synonyms`. Each group is a list of wordings that count as one; a
    wording of several words ("shut down") is matched as a whole. Groups that share a
    wording are joined. The empty ``Synonyms()`` adds nothing to the kit's general
    spelling equivalences (centre/center, US/U.S.).

    Example:
        >>> syn = Synonyms((("suppressed", "destroyed", "shut down"),))
        >>> content_words("will be destroyed", syn) == content_words("would be shut down", syn)
        True
    """

    groups: tuple[tuple[str, ...], ...] = ()
    words: dict = field(init=False, repr=False, compare=False)
    phrases: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = [[_variant_form(wording) for wording in group] for group in self.groups]
        entries = [[form for form in group if form] for group in entries]
        # Join groups that share a wording: the first group's first wording names the result.
        parent = list(range(len(entries)))

        def root(n: int) -> int:
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        owner: dict[tuple[str, ...], int] = {}
        for n, group in enumerate(entries):
            for form in group:
                if form in owner:
                    a, b = root(owner[form]), root(n)
                    parent[max(a, b)] = min(a, b)
                else:
                    owner[form] = n
        keys = {}
        for n, group in enumerate(entries):
            if group and root(n) not in keys:
                keys[root(n)] = " ".join(group[0])
        words: dict[str, str] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for form, n in owner.items():
            key = keys.get(root(n))
            if key is None:
                continue
            if len(form) == 1:
                words[form[0]] = key
            else:
                phrases.setdefault(form[0], []).append((form, key))
        for options in phrases.values():
            options.sort(key=lambda option: -len(option[0]))  # the longest wording wins
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "phrases", {first: tuple(options) for first, options in phrases.items()})


def _variant_form(wording: str) -> tuple[str, ...]:
    """A wording as content_words sees it: one stemmed word, or a phrase of plain words."""
    plain = _plain_words(wording)
    if len(plain) == 1:
        return (_stem(plain[0]),)
    return tuple(plain)


_NO_SYNONYMS = Synonyms()


def content_words(text: str, synonyms: Synonyms | None = None) -> frozenset[str]:
    """The words that carry a quote's meaning, in a form that survives rewording.

    Stopwords go; plurals, "-ing"/"-ed" and British spellings are evened out; with
    ``synonyms`` (a story's translation variants, see :class:`Synonyms`) each variant
    becomes its group's first wording.

    Example:
        >>> sorted(content_words("Firing positions in those areas will be destroyed"))
        ['area', 'destroy', 'firing', 'position']
        >>> syn = Synonyms((("fire points", "firing positions"), ("suppressed", "destroyed")))
        >>> sorted(content_words("Firing positions in those areas will be destroyed", syn))
        ['area', 'fire point', 'suppress']
    """
    table = synonyms or _NO_SYNONYMS
    words = _plain_words(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        for phrase, key in table.phrases.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.append(key)
                i += len(phrase)
                break
        else:
            if (word not in _STOPWORDS and not word.isdigit()) or word == "usa":
                stem = _stem(word)
                out.append(table.words.get(stem, stem))
            i += 1
    return frozenset(out)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _speakers_differ(a: str, b: str) -> bool:
    a, b = _speaker_key(a), _speaker_key(b)
    return bool(a and b and a != b)


def _speaker_key(name: str) -> str:
    """People compare by surname; "the statement" and unknown speakers match anyone."""
    name = name.strip()
    if not name or name.lower().startswith(("the statement", "a statement")):
        return ""
    return name.split()[-1].lower()


def _same_remark(a: frozenset[str], b: frozenset[str], speaker_a: str, speaker_b: str) -> bool:
    if a and a == b:
        return not _speakers_differ(speaker_a, speaker_b) or len(a) >= MIN_SHARED_WORDS + 1
    shared = len(a & b)
    if _speakers_differ(speaker_a, speaker_b):
        return shared >= MIN_SHARED_WORDS + 1 and _similarity(a, b) >= OTHER_SPEAKER_THRESHOLD
    return shared >= MIN_SHARED_WORDS and _similarity(a, b) >= SAME_REMARK_THRESHOLD


# --- grouping ---------------------------------------------------------------------------------

#: A group keeps at most this many distinct wordings to compare newcomers with; more adds
#: time and hardly ever changes a decision.
_REPRESENTATIVES = 8


class _Grouping:
    def __init__(self) -> None:
        self.members: list[list[int]] = []
        self.reps: list[list[tuple[frozenset[str], str]]] = []
        self.index: dict[str, set[int]] = {}
        self.exact: dict[tuple[frozenset[str], str], int] = {}

    def place(self, item: int, words: frozenset[str], speaker: str) -> None:
        key = (words, _speaker_key(speaker))
        group = self.exact.get(key)
        if group is None:
            group = self.best_group(words, speaker)
        if group is None:
            group = len(self.members)
            self.members.append([])
            self.reps.append([])
        self.members[group].append(item)
        self.exact.setdefault(key, group)
        reps = self.reps[group]
        if len(reps) < _REPRESENTATIVES and all(words != w for w, _ in reps):
            reps.append((words, speaker))
            for word in words:
                self.index.setdefault(word, set()).add(group)

    def best_group(self, words: frozenset[str], speaker: str) -> int | None:
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self.index.get(word, ()))
        best, best_score = None, 0.0
        for group, count in shared.items():
            if count < MIN_SHARED_WORDS and not (count == len(words) and count > 0):
                continue
            for rep_words, rep_speaker in self.reps[group]:
                if _same_remark(words, rep_words, speaker, rep_speaker):
                    score = _similarity(words, rep_words)
                    if score > best_score or (score == best_score and best is not None and group < best):
                        best, best_score = group, score
        return best


def group_quotes(
    quotes: Iterable[tuple[str, Quote]],
    references: Sequence[ReferenceVersion] = (),
    synonyms: Synonyms | None = None,
) -> list[QuoteGroup]:
    """Group ``(report_id, Quote)`` pairs into remarks; the engine behind :func:`align_quotes`.

    Each quote is compared with a few wordings of every group that shares at least
    three content words with it, never with everything, so thousands of quotes take
    well under a second. Longer quotes are placed first, so a fragment joins the full
    remark rather than starting a group of its own. Groups come out in order of first
    appearance; ``references`` are attached as described in :class:`QuoteGroup`.
    ``synonyms`` are the story's translation variants (see :class:`Synonyms`).

    Example:
        >>> a = Quote("Fire points in those areas will be immediately suppressed", "Igor Konashenkov", 0, 58)
        >>> b = Quote("Firing positions in these areas will be immediately destroyed", "Konashenkov", 0, 61)
        >>> [len(g.members) for g in group_quotes([("1", a), ("2", b)])]
        [1, 1]
        >>> variants = Synonyms((("fire points", "firing positions"), ("suppressed", "destroyed")))
        >>> [len(g.members) for g in group_quotes([("1", a), ("2", b)], synonyms=variants)]
        [2]
    """
    items = list(quotes)
    words = [content_words(q.text, synonyms) for _, q in items]
    speakers = _canonical_speakers([q.speaker for _, q in items])
    grouping = _Grouping()
    for i in sorted(range(len(items)), key=lambda i: -len(words[i])):
        grouping.place(i, words[i], speakers[i])
    groups = sorted((sorted(m) for m in grouping.members), key=lambda m: m[0])
    english = [(r, content_words(r.text, synonyms)) for r in references if r.language.lower().startswith("en")]
    return [_make_group([items[i] for i in m], [words[i] for i in m], references, english) for m in groups]


def _canonical_speakers(speakers: list[str]) -> list[str]:
    full = _longest_by_surname(s for s in speakers if " " in s.strip() and not s.lower().startswith(("the ", "a ")))
    return [full.get(s, s) if s and " " not in s else s for s in speakers]


def _covers(version: frozenset[str], member: frozenset[str]) -> bool:
    """The version holds (nearly) all of the member's content words."""
    return bool(member) and len(member & version) / len(member) >= 0.9


def _keyed(text: str) -> str:
    return " " + " ".join(_key(w) for w in text.split()) + " "


def _reference_rank(
    keyed: str, words: frozenset[str], others: Counter[tuple[str, frozenset[str]]]
) -> tuple[int, int, int]:
    """How well a candidate serves as reference for ``others`` (keyed texts with counts).

    Copied word for word (the member's words in a row, ignoring capitals and punctuation)
    beats "has all the content words", which beats "is the longest".
    """
    return (
        sum(n for (text, _), n in others.items() if text.strip() and text in keyed),
        sum(n for (_, w), n in others.items() if _covers(words, w)),
        len(words),
    )


def _make_group(
    members: list[tuple[str, Quote]],
    words: list[frozenset[str]],
    references: Sequence[ReferenceVersion],
    english: list[tuple[ReferenceVersion, frozenset[str]]],
) -> QuoteGroup:
    speakers = Counter(q.speaker for _, q in members if q.speaker and not q.speaker.startswith("the "))
    speaker = speakers.most_common(1)[0][0] if speakers else members[0][1].speaker
    # Which published remark is this? The one whose English versions match the most members.
    remark, best = "", 0
    for key in dict.fromkeys(v.remark for v, _ in english):
        matched = sum(
            any(_same_remark(vw, w, v.speaker, q.speaker) for v, vw in english if v.remark == key)
            for w, (_, q) in zip(words, members)
        )
        if matched > best:
            remark, best = key, matched
    versions = tuple(v for v in references if remark and v.remark == remark)
    reference: Union[Quote, ReferenceVersion]
    # Identical wordings are ranked once: a remark copied by 1,000 reports costs no more.
    copies = Counter((_keyed(q.text), w) for (_, q), w in zip(members, words))
    if remark:
        candidates = [(v, vw) for v, vw in english if v.remark == remark]
        # max() keeps the first of equals, so ties go to the order of the reference file.
        reference = max(candidates, key=lambda c: _reference_rank(_keyed(c[0].text), c[1], copies))[0]
        source = reference.source
    else:
        # Without a published version, the member that the others copy best is the reference;
        # among equals the first (earliest report) wins.
        best_rank: tuple[int, int, int] | None = None
        chosen = 0
        seen: set[tuple[str, frozenset[str]]] = set()
        for i, ((_, q), w) in enumerate(zip(members, words)):
            own = (_keyed(q.text), w)
            if own in seen:
                continue
            seen.add(own)
            others = copies.copy()
            others[own] -= 1
            rank = _reference_rank(own[0], w, others)
            if best_rank is None or rank > best_rank:
                best_rank, chosen = rank, i
        source, reference = members[chosen]
    label_words = reference.text.split()
    label = " ".join(label_words[:6]) + ("…" if len(label_words) > 6 else "")
    return QuoteGroup(
        members=tuple(members),
        reference=reference,
        reference_source=source,
        label=label,
        speaker=speaker,
        remark=remark,
        reference_versions=versions,
    )


def align_quotes(story: Any, *, references: bool = True) -> list[QuoteGroup]:
    """Group the same remark across a story's reports.

    ``story`` is a :class:`medialit.story.Story` or anything with ``.reports`` whose
    items have ``.id`` and ``.raw_text`` (and, for reference versions, ``.folder``).
    Quotes come from :func:`extract_quotes` on each whole page, so comments never count.
    Two quotes are one remark when most of the shorter one's content words are in the
    other (see :data:`SAME_REMARK_THRESHOLD`) and their speakers do not disagree. The
    story's own translation variants, from the ``"synonyms"`` section of its
    ``reference_quotes.json`` (see :func:`reference_synonyms`), count as the same word:
    for the bundled story "fire points"/"firing positions", "suppressed"/"destroyed".
    With ``references``, the published wordings from that file become each matching
    group's reference.

    Example:
        >>> groups = align_quotes(load_story())
        >>> [(g.remark or g.label, g.report_ids) for g in groups][1]
        ('warning', ['000', '001', '002', '003', '004'])
    """
    pairs = [(report.id, quote) for report in story.reports for quote in extract_quotes(report.raw_text)]
    versions = reference_versions(story) if references else []
    return group_quotes(pairs, versions, reference_synonyms(story))


# --- compare_quotes ---------------------------------------------------------------------------

_EXPLAIN = {
    "brackets": "Square brackets mark words the editor added; they were not said.",
    "parentheses": (
        "Round brackets inside a quote usually hold an explanation added by the writer or "
        "translator, not words the speaker said."
    ),
    "ellipsis": "The dots (... or …) show that words were cut out of the quote. Ask what was left out.",
    "changed_words": (
        "Some words are different: the quote was reworded or translated differently, "
        "so it is not word for word the same."
    ),
    "partial": (
        "Only part of the sentence is inside the quote marks; the rest was left out or put "
        "in the reporter's own words."
    ),
    "speaker": "The two versions name different people as the speaker. Check who really said it.",
    "indirect_speech": (
        "In the original this was reported speech (what he was said to have said), not his "
        "exact words, yet here it is printed in quote marks."
    ),
}


_NOT_KEY = re.compile(r"[^\w'’-]")


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A word as compared: no capitals or punctuation, and "US"/"U.S." the same."""
    if word.strip("[](),.;:“”\"'‘’").upper() in {"US", "U.S.", "U.S"} and word.strip("[](),.;:“”\"'‘’")[:1] == "U":
        return "usa"
    core = _NOT_KEY.sub("", word).lower().replace("’", "'").strip("'-")
    return core or word


def _text_and_speaker(item: Union[str, Quote, ReferenceVersion]) -> tuple[str, str | None, str]:
    if isinstance(item, (Quote, ReferenceVersion)):
        speech = item.speech if isinstance(item, ReferenceVersion) else "direct"
        return item.text, item.speaker, speech
    return (item if isinstance(item, str) else str(item)), None, "direct"


def compare_quotes(
    a: Union[str, Quote, ReferenceVersion],
    b: Union[str, Quote, ReferenceVersion],
    *,
    synonyms: Synonyms | None = None,
) -> QuoteComparison:
    """Line up two versions of a quote word by word and flag what a reader should notice.

    Words are compared ignoring capitals and punctuation ("US" and "U.S." match).
    Flags: square brackets, round brackets and dots in either version; changed words;
    a partial quote (one is a trimmed piece of the other); a different speaker (when
    both sides say who spoke); reported speech printed as a quote (reference versions).
    ``synonyms`` (a story's translation variants, :func:`reference_synonyms`) only
    affect ``similarity`` and ``same_remark``: the word-by-word line-up shows every change.

    Example:
        >>> c = compare_quotes("Fire points in those areas will be immediately suppressed",
        ...                    "Firing positions in those areas will be immediately suppressed")
        >>> [(op.kind, " ".join(op.a_words), " ".join(op.b_words)) for op in c.ops][0]
        ('changed', 'Fire points', 'Firing positions')
    """
    a_text, a_speaker, a_speech = _text_and_speaker(a)
    b_text, b_speaker, b_speech = _text_and_speaker(b)
    a_words, b_words = a_text.split(), b_text.split()
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in a_words], [_key(w) for w in b_words], autojunk=False)
    kinds = {"equal": "same", "replace": "changed", "insert": "inserted", "delete": "deleted"}
    ops = tuple(
        WordOp(kinds[tag], tuple(a_words[i1:i2]), tuple(b_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    flags: list[QuoteFlag] = []
    for kind, pattern in (("brackets", r"\[[^\]]*\]"), ("parentheses", r"\([^)]*\)"), ("ellipsis", r"\.\.\.|…")):
        found = [(side, m.group(0)) for side, text in (("a", a_text), ("b", b_text)) for m in re.finditer(pattern, text)]
        if found:
            detail = "; ".join(f"{side} has {text!r}" for side, text in found[:4])
            flags.append(QuoteFlag(kind, _EXPLAIN[kind], detail))
    inner = ops[1:-1] if len(ops) > 2 else ()
    edge_only = all(op.kind == "same" for op in inner)
    changed = [op for op in ops if op.kind == "changed"] + [op for op in inner if op.kind in ("inserted", "deleted")]
    if changed and not (edge_only and not any(op.kind == "changed" for op in ops)):
        detail = "; ".join(
            f"{' '.join(op.a_words) or '(nothing)'} → {' '.join(op.b_words) or '(nothing)'}" for op in changed[:4]
        )
        flags.append(QuoteFlag("changed_words", _EXPLAIN["changed_words"], detail))
    partial = _partial(ops, len(a_words), len(b_words))
    if partial:
        flags.append(QuoteFlag("partial", _EXPLAIN["partial"], partial))
    if a_speaker and b_speaker and _speakers_differ(a_speaker, b_speaker):
        flags.append(QuoteFlag("speaker", _EXPLAIN["speaker"], f"a: {a_speaker}; b: {b_speaker}"))
    for side, speech in (("a", a_speech), ("b", b_speech)):
        if speech == "indirect":
            flags.append(QuoteFlag("indirect_speech", _EXPLAIN["indirect_speech"], f"{side} is reported speech"))
    a_content, b_content = content_words(a_text, synonyms), content_words(b_text, synonyms)
    return QuoteComparison(
        a=a_text,
        b=b_text,
        ops=ops,
        flags=tuple(flags),
        similarity=round(_similarity(a_content, b_content), 3),
        same_remark=_same_remark(a_content, b_content, a_speaker or "", b_speaker or ""),
    )


def _partial(ops: tuple[WordOp, ...], n_a: int, n_b: int) -> str:
    """Why one version is a piece of the other, or '' when it is not."""
    if not n_a or not n_b or n_a == n_b:
        return ""
    shorter, longer = ("a", "b") if n_a < n_b else ("b", "a")
    same = sum(len(op.a_words) for op in ops if op.kind == "same")
    extra_side = "inserted" if shorter == "a" else "deleted"
    edges = [op for op in (ops[0], ops[-1]) if op.kind == extra_side]
    edge_words = sum(max(len(op.a_words), len(op.b_words)) for op in edges)
    if same >= 0.6 * min(n_a, n_b) and edge_words >= 2 and min(n_a, n_b) <= 0.85 * max(n_a, n_b):
        return f"{shorter} quotes only part of what {longer} quotes ({edge_words} words fewer at the edges)"
    return ""


# --- reference versions -----------------------------------------------------------------------


def _reference_file(story: Any) -> Path | None:
    folder = getattr(story, "folder", None)
    if folder is None:
        return None
    path = Path(folder) / REFERENCE_FILE
    return path if path.is_file() else None


def _read_reference(path: Path) -> dict:
    data = read_json(path, REFERENCE_FILE, "Fix that spot, or delete the file: it is optional.")
    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        raise StoryError(
            [f"{REFERENCE_FILE} must hold one JSON object with a list 'versions': [{{\"source\": ..., \"remark\": ..., "
             "\"text\": ..., \"language\": ...}}, ...]. Fix it, or delete the file: it is optional."]
        )
    return data


def reference_versions(story: Any) -> list[ReferenceVersion]:
    """The published wordings of the story's statement, from ``reference_quotes.json``.

    Returns ``[]`` when the story folder has no such file; raises
    :class:`medialit.story.StoryError` naming the file, the entry and the fix when it
    is malformed.

    Example:
        >>> sorted({v.name for v in reference_versions(load_story())})
        ['AFP', 'Reuters', 'Russian original', 'TASS', 'Washington Post']
    """
    path = _reference_file(story)
    if path is None:
        return []
    data = _read_reference(path)
    problems: list[str] = []
    versions: list[ReferenceVersion] = []
    for n, entry in enumerate(data["versions"], start=1):
        if not isinstance(entry, dict):
            problems.append(f"{REFERENCE_FILE}: version {n} must be an object {{...}}.")
            continue
        missing = [key for key in ("source", "remark", "text", "language") if not isinstance(entry.get(key), str) or not entry.get(key)]
        wrong = [key for key in ("citation", "name", "speaker", "speech", "as_given", "note") if key in entry and not isinstance(entry[key], str)]
        if missing or wrong:
            problems.append(
                f"{REFERENCE_FILE}: version {n} needs text in quotes for "
                f"{', '.join(repr(k) for k in missing + wrong)}."
            )
            continue
        versions.append(
            ReferenceVersion(
                source=entry["source"],
                remark=entry["remark"],
                text=entry["text"],
                language=entry["language"],
                citation=entry.get("citation", ""),
                name=entry.get("name", ""),
                speaker=entry.get("speaker", data.get("speaker", "") if isinstance(data.get("speaker"), str) else ""),
                speech=entry.get("speech", "direct"),
                as_given=entry.get("as_given", ""),
                note=entry.get("note", ""),
            )
        )
    if problems:
        raise StoryError(problems)
    return versions


def reference_synonyms(story: Any) -> Synonyms:
    """The story's translation variants: the ``"synonyms"`` section of ``reference_quotes.json``.

    The section holds a ``"note"`` for teachers and lists of wordings that count as one
    word when this story's quotes are matched: ``"words"`` and ``"phrases"`` (wordings of
    several words), both lists of lists. Returns an empty :class:`Synonyms` when the
    story has no reference file or the file has no such section; raises
    :class:`medialit.story.StoryError` naming the file and the fix when it is malformed.

    Example:
        >>> syn = reference_synonyms(load_story())
        >>> sorted(content_words("would be quickly shut down", syn))
        ['immediately', 'suppress']
    """
    path = _reference_file(story)
    if path is None:
        return Synonyms()
    section = _read_reference(path).get("synonyms")
    if section is None:
        return Synonyms()
    shape = (
        f"{REFERENCE_FILE}: 'synonyms' must be an object with a \"note\" and lists of wordings that count as one "
        "word, like \"words\": [[\"suppressed\", \"destroyed\"]] and \"phrases\": [[\"fire points\", \"firing positions\"]]."
    )
    if not isinstance(section, dict):
        raise StoryError([shape])
    groups: list[tuple[str, ...]] = []
    problems: list[str] = []
    for part in ("words", "phrases"):
        lists = section.get(part, [])
        if not isinstance(lists, list):
            problems.append(shape)
            continue
        for n, group in enumerate(lists, start=1):
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
                problems.append(
                    f"{REFERENCE_FILE}: synonyms {part} list {n} must hold two or more wordings in quotes, "
                    f"like [\"suppressed\", \"destroyed\"]."
                )
                continue
            groups.append(tuple(group))
    if problems:
        raise StoryError(list(dict.fromkeys(problems)))
    return Synonyms(tuple(groups))


def reference_notes(story: Any) -> list[str]:
    """The teaching notes that come with the reference versions ([] when there are none).

    Example:
        >>> reference_notes(load_story())[0][:30]
        '"средствами поражения" is lite'
    """
    path = _reference_file(story)
    if path is None:
        return []
    notes = _read_reference(path).get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        raise StoryError([f"{REFERENCE_FILE}: 'notes' must be a list of texts in quotes."])
    return list(notes)


# --- synthetic input for the benchmark --------------------------------------------------------

_SYNTHETIC_SPEAKERS = ["Igor Konashenkov", "Ryan Dillon", "Maria Zakharova", "Ahmed Abu Khawla", "Dana White"]
_SYNTHETIC_SWAPS = {"Fire": "Firing", "points": "positions", "suppressed": "destroyed", "those": "these",
                    "immediately": "quickly", "areas": "districts", "means": "weapons", "with": "by"}


def synthetic_story(reports: int = 200, quotes_per_report: int = 10, seed: int = 0) -> Story:
    """A made-up story for timing :func:`align_quotes`; it exists for ``make bench`` only.

    Not analysis: nothing in a lesson should use it, and it is left out of ``__all__``.
    Many reports quote varied remarks.

    Each report quotes ``quotes_per_report`` remarks drawn from a pool: the real ones of
    the bundled story, reworded (synonym swaps), trimmed and bracketed, plus invented
    remarks by several speakers. Its folder has no reference file.

    Example:
        >>> story = synthetic_story(reports=3, quotes_per_report=2)
        >>> sum(len(extract_quotes(r.raw_text)) for r in story.reports)
        6
    """
    rng = random.Random(seed)
    real = [
        ("Fire points in those areas will be immediately suppressed with all military means", 0),
        ("Any attempts to open fire from areas where SDF fighters are located would be quickly shut down", 0),
        ("Syrian forces have twice come under massive mortar and rocket artillery fire", 0),
        ("They had a face-to-face discussion, laid down maps and graphics", 1),
    ]
    # Invented remarks use words of the real reports, so they look like news but differ.
    vocabulary = sorted(
        {w.lower() for r in load_story(bundled_story_folder()).reports for w in re.findall(r"[A-Za-z]{5,}", r.body_text)}
        - _STOPWORDS
    )
    pool = list(real)
    for _ in range(60):
        words = rng.sample(vocabulary, 9)
        pool.append((f"The {' '.join(words)} is what we expect", rng.randrange(len(_SYNTHETIC_SPEAKERS))))
    built = []
    for r in range(reports):
        lines = [f"Report {r} on the situation near the river town", ""]
        for _ in range(quotes_per_report):
            text, who = rng.choice(pool)
            words = [(_SYNTHETIC_SWAPS.get(w, w) if rng.random() < 0.3 else w) for w in text.split()]
            if rng.random() < 0.3:
                words = words[rng.randrange(2) :][: max(5, len(words) - rng.randrange(3))]
            quote = " ".join(words)
            speaker = _SYNTHETIC_SPEAKERS[who]
            style = rng.randrange(3)
            if style == 0:
                lines.append(f"“{quote},” {speaker} said in a statement on Thursday evening.")
            elif style == 1:
                lines.append(f"{speaker} told reporters at the briefing that “{quote}.”")
            else:
                lines.append(f"Speaking later, the official {speaker} said: “{quote}.”")
            lines.append("")
        built.append(Report(id=f"{r:03d}", filename=f"{r:03d}_synthetic.txt", raw_text="\n".join(lines)))
    return Story(
        id="synthetic",
        title="Synthetic story for timing",
        date="",
        folder=Path("synthetic-story-has-no-folder"),
        reports=tuple(built),
    )


# --- judging a version against a reference (lesson 3) ----------------------------------------

#: The verdicts a student can give a version of a quote, compared with the reference.
VERDICTS: tuple[str, ...] = ("verbatim", "minor wording", "meaning changed", "different translation", "fragment")

_OTHER_LANGUAGE = (
    "The reference is in another language, so the English words cannot be lined up with it: every "
    "English version is a translator's choice. Compare the meaning, not the words."
)
# Flags that still mean something when the reference is in another language: they are about
# marks in the quote or about what kind of speech the original was, not about matching words.
_CROSS_LANGUAGE_KINDS = ("brackets", "parentheses", "ellipsis", "indirect_speech")


def is_other_language(version: Union[Quote, ReferenceVersion]) -> bool:
    """True for a published version that is not in English (it cannot be aligned word by word).

    Example:
        >>> is_other_language(ReferenceVersion("Izvestia", "warning", "…будут пресекаться", "ru"))
        True
    """
    return isinstance(version, ReferenceVersion) and version.language.lower() not in ("en", "")


def helper_flags(
    reference: Union[str, Quote, ReferenceVersion], version: Union[str, Quote, ReferenceVersion]
) -> tuple[QuoteFlag, ...]:
    """What the helper notices about ``version`` against ``reference``.

    For an English reference these are :func:`compare_quotes` flags. For a reference in
    another language only the flags that do not depend on matching words are kept, plus a
    ``"translation"`` flag saying that words cannot be compared across languages.

    Example:
        >>> ru = ReferenceVersion("Izvestia", "fire-points", "Огневые точки … будут подавлены", "ru", speech="indirect")
        >>> [f.kind for f in helper_flags(ru, "Fire points will be suppressed")]
        ['translation', 'ellipsis', 'indirect_speech']
    """
    comparison = compare_quotes(reference, version)
    if isinstance(reference, ReferenceVersion) and is_other_language(reference):
        kept = tuple(f for f in comparison.flags if f.kind in _CROSS_LANGUAGE_KINDS)
        return (QuoteFlag("translation", _OTHER_LANGUAGE, f"the reference is in {reference.language}"),) + kept
    return comparison.flags


def word_changes(comparison: QuoteComparison) -> dict[str, int]:
    """How many words of b were changed or inserted, and how many of a's were left out.

    Example:
        >>> word_changes(compare_quotes("they will all be destroyed", "they will be suppressed"))
        {'changed': 1, 'inserted': 0, 'deleted': 1}
    """
    counts = {"changed": 0, "inserted": 0, "deleted": 0}
    for op in comparison.ops:
        if op.kind == "changed":
            counts["changed"] += len(op.b_words)
        elif op.kind == "inserted":
            counts["inserted"] += len(op.b_words)
        elif op.kind == "deleted":
            counts["deleted"] += len(op.a_words)
    return counts


def check_verdict(verdict: str, comparison: QuoteComparison) -> tuple[bool, str]:
    """Does a student's verdict fit what the helper found? ``(fits, one plain sentence)``.

    The helper can count changed words and spot a trimmed quote; it cannot tell whether
    the meaning changed or whether a change is a fair translation. So it only objects
    when the words contradict the verdict ("verbatim" with changed words, "fragment" of
    a complete quote, a change of wording where no word differs).

    Example:
        >>> check_verdict("verbatim", compare_quotes("they will be destroyed", "they will be suppressed"))
        (False, 'The helper found words that differ: 1 changed, 0 added, 0 left out.')
    """
    counts = word_changes(comparison)
    differs = any(counts.values())
    if verdict == "verbatim" and differs:
        return False, (
            f"The helper found words that differ: {counts['changed']} changed, {counts['inserted']} added, "
            f"{counts['deleted']} left out."
        )
    if verdict == "fragment" and not (comparison.has("partial") or counts["deleted"]):
        return False, "The helper found nothing left out of the reference: this is not just a piece of it."
    if verdict in ("minor wording", "meaning changed", "different translation") and not (
        counts["changed"] or counts["inserted"] or comparison.has("speaker")
    ):
        if counts["deleted"]:
            return False, "The helper found no changed words, only words left out: that makes it a fragment."
        return False, "The helper found no word that differs from the reference."
    if verdict == "verbatim":
        return True, "The helper agrees: the same words as the reference (capitals and punctuation aside)."
    if verdict == "fragment":
        return True, "The helper agrees that words of the reference are missing here."
    return True, "This fits what the helper found; whether the meaning changed is for you to judge."
