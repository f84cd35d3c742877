"""The kit's one text layer: paragraphs, sentences, words, stems, normalisation and word sets.

Every lesson reads text through these few functions, so that lessons 1 to 5 see the same
paragraphs, the same sentences and the same words:

* :func:`paragraphs` splits a page into paragraphs with their lines and character offsets;
* :func:`sentences` and :func:`words` give :class:`Span` objects, offsets into the text given;
* :func:`stem` is one light English stemmer ("rains", "raining" -> "rain");
* :func:`name_runs` finds names of several capitalised words ("Hong Kong", "Deir al-Zor");
* :func:`clean` makes odd spaces ordinary without moving any offset; :func:`fold` makes two
  spellings of the same text compare equal (case, curly quotes, dashes);
* :data:`ABBREVIATIONS`, :data:`TITLES`, :data:`STOPWORDS`, :data:`SPEECH_VERBS`, :data:`MONTHS`
  and the :data:`MONTH` pattern are the shared word sets (general English, never one story's);
  :data:`REPORTING_VERBS` and :data:`BASE_ONLY_VERBS` are the one table of reporting verbs, of
  which :data:`SPEECH_VERBS` are the plain verbs of saying.

Example:
    >>> [s.text for s in sentences("Rev. Al Smith said the plan failed. Then Gov. Lee spoke.")]
    ['Rev. Al Smith said the plan failed.', 'Then Gov. Lee spoke.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

__all__ = [
    "ABBREVIATIONS",
    "BASE_ONLY_VERBS",
    "MONTH",
    "MONTHS",
    "REPORTING_VERBS",
    "SPEECH_VERB",
    "SPEECH_VERBS",
    "STOPWORDS",
    "TITLES",
    "WORD",
    "Paragraph",
    "Span",
    "clean",
    "fold",
    "line_at",
    "name_runs",
    "paragraphs",
    "sentences",
    "stem",
    "words",
]


@dataclass(frozen=True)
class Span:
    """A piece of a text: ``text == whole[start:end]``.

    Example:
        >>> Span(4, 9, "quick").end
        9
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a page: its text, where it is (characters) and its lines (1-based).

    ``start`` and ``end`` are offsets into the original text: ``original[start:end]`` is the
    paragraph as written, line breaks included; ``text`` has a hard-wrapped paragraph's lines
    joined with one space.

    Example:
        >>> paragraphs("Title\\n\\nBody.")[1]
        Paragraph(text='Body.', start=7, end=12, first_line=3, last_line=3)
    """

    text: str
    start: int
    end: int
    first_line: int
    last_line: int


# --------------------------------------------------------------------------- word sets

#: Titles written before a name ("Rev. Al Smith", "Gov. Lee"): a full stop after one never
#: ends a sentence.
TITLES: frozenset[str] = frozenset(
    """mr mrs ms messrs dr prof rev fr gov sen rep gen maj col lt capt cpt sgt cpl pvt adm brig cmdr
    cdr insp supt det st mt hon pres""".split()
)
#: Every abbreviation the sentence splitter knows (in lower case, without the final dot).
#: Those that are not titles, like "Inc." and "Jr.", end a sentence only when the next word
#: usually starts one ("... Acme Inc. The firm ..."); "no." is one only before a number.
ABBREVIATIONS: frozenset[str] = TITLES | frozenset(
    """jr sr no nos vs etc inc co corp ltd plc bros approx est dept govt univ fig vol ch pp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
#: Common English function words (and "said"/"says"), left out when words are compared or counted.
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each either every few for
    from further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me might more most must my myself neither no nor not now of off on once one only
    onto or other our ours ourselves out over own said same says shall she should so some such than
    that the their theirs them themselves then there these they this those through to too under until
    up upon us very was we were what when where which while who whom whose why will with would yet
    you your yours yourself""".split()
)

# ------------------------------------------------------------------ reporting verbs (one table)
# Verbs that report what someone said or how they judged something ("X called it '...'").
# Regular verbs are listed by their base form; _inflect() derives their -s, -ed and -ing forms.
_REGULAR_REPORTING = """
    acknowledge add announce applaud argue ask assert assure boast bemoan blast brand call caution charge
    chant chide cite claim comment compare complain concede conclude condemn confirm contend continue
    counter criticize criticise cry declare decry deny denounce describe deride dismiss disclose echo
    emphasize explain hail insist joke label lament laud liken maintain mock mutter note object
    observe order plead pledge post praise predict proclaim promise question recall recount reiterate
    remark repeat reply report respond retort reveal scoff shout stress suggest term testify thunder
    tout tweet urge vow warn wonder yell
    agree allege answer brag chuckle clarify confess demand exclaim fume gripe gush interject marvel mention
    muse opine reason reassure recommend reflect remind scream sigh snipe speculate summarize summarise
    tease thank threaten underscore whisper believe accuse
"""
# Verbs whose forms _inflect() would get wrong (or that keep only some forms: "reading" and
# "thinking" are mostly nouns and adjectives), base form first, then its forms.
_IRREGULAR_REPORTING = {
    line.split(":")[0].strip(): tuple(line.split(":")[1].split())
    for line in """say: says said saying | tell: tells told telling | write: writes wrote writing
    | sing: sings sang singing | read: reads | speak: speaks spoke speaking | rip: rips ripped ripping
    | admit: admits admitted admitting | state: states stated stating | slam: slams slammed slamming
    | quip: quips quipped quipping | dub: dubs dubbed dubbing | snap: snaps snapped snapping
    | marvel: marvelled marvelling | think: thinks thought""".split("|")
}
# Past participles unlike the past tense: reporting verbs after "has" or "was" ("has written"),
# never the plain "X wrote" of SPEECH_VERBS.
_PARTICIPLES = {"write": "written"}
# Base forms that report on their own ("sources say", "they insist"). Any other base form is
# often a noun ("the call", "a claim", "the state") and is left out of REPORTING_VERBS.
_BARE_BASES = "say tell ask add warn insist argue write sing speak rip accuse read"
# The plain verbs of saying (a documented core of the table above): in all their forms, base
# form included, they make SPEECH_VERBS.
_SPEECH_BASES = """say tell state add warn claim explain note write insist ask reply declare announce
    disclose continue stress urge argue conclude deny confirm admit accuse suggest report threaten
    allege comment shout exclaim"""
# Forms of those left out of SPEECH_VERBS (as the kit always had it): "continuing" is mostly an
# adjective ("the continuing fighting"), not a verb of saying.
_NOT_SPEECH = {"continuing"}
_REGULAR_BASES = frozenset(_REGULAR_REPORTING.split())


def _inflect(base: str) -> set[str]:
    """The inflections of a regular verb: 'liken' -> likens, likened, likening."""
    if base.endswith("ee"):
        return {base + "s", base + "d", base + "ing"}  # agree: agreeing, not "agreing"
    if base.endswith("e"):
        return {base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x")):
        return {base + "es", base + "ed", base + "ing"}
    return {base + "s", base + "ed", base + "ing"}


def _forms(base: str) -> set[str]:
    """A reporting verb's -s, past and -ing forms (not its base form): 'say' -> says, said, saying."""
    found = set(_IRREGULAR_REPORTING.get(base, ()))
    if base in _REGULAR_BASES:
        found |= _inflect(base)
    return found


#: Every form of a reporting verb, lower case ("said", "calling", "likened", "tweets"): used by
#: lesson 3 to find who said a quote. A base form is in only when it reports on its own ("say").
REPORTING_VERBS: frozenset[str] = frozenset(
    {form for base in _REGULAR_BASES | set(_IRREGULAR_REPORTING) for form in _forms(base)}
    | set(_PARTICIPLES.values())
    | set(_BARE_BASES.split())
)
#: The base forms left out of REPORTING_VERBS ("call", "claim", "report"): often nouns, so a
#: speaker is taken from one only after a modal or "to" ("would call", "took to Twitter to
#: blast") or a plural subject ("Lee and Diaz call it", "Democrats claim").
BASE_ONLY_VERBS: frozenset[str] = _REGULAR_BASES - REPORTING_VERBS
#: The plain verbs of saying in all their forms, base form included ("say", "said", "warned",
#: "admits"): a core of the same table, so every inflected form is in REPORTING_VERBS. Some are
#: also nouns ("report", "claim", "comment"): a caller that needs a verb checks the words around it.
SPEECH_VERBS: frozenset[str] = frozenset(
    {form for base in _SPEECH_BASES.split() for form in _forms(base) | {base}} - _NOT_SPEECH
)
#: A regular expression (a string, to embed in larger patterns) for a reporting verb or
#: "according to", as whole words; use it with re.IGNORECASE for text in capitals.
SPEECH_VERB: str = r"(?<![^\W_])(?:according\s+to|" + "|".join(sorted(SPEECH_VERBS, key=lambda w: (-len(w), w))) + r")(?![^\W_])"
#: The months, in order.
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
#: A regular expression (a string, without groups that capture) for a month's name, full or
#: short ("Sept", "Dec"); as written it matches capitalised names; add re.IGNORECASE for others.
MONTH: str = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![^\W_])"
)

# Words that usually start a sentence and rarely follow an abbreviation or an initial. After
# "U.S." or "Inc." a sentence ends only when one of these comes next ("in the U.S. The
# trip ..."), while "U.S. Army" or "John F. Kennedy" stay one sentence.
_STARTERS = frozenset(
    """a after all an and as at before both but by during each for from he her here his how however
    i if in it its many meanwhile most my no now on one our she so some still that the their then
    there these they this those though thus we what when where which while who why yet you""".split()
)


# --------------------------------------------------------------------------- normalisation

# No-break and other odd spaces, and zero-width characters, each become one space. The
# zero-width joiners (U+200C, U+200D) are left alone: they belong inside words in several
# scripts and in emoji. Line and paragraph separators are left alone too: they are breaks.
_ODD_SPACES = "\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff\t\v\f"
_CLEAN = str.maketrans({char: " " for char in _ODD_SPACES})
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
    }
)


def clean(text: str) -> str:
    """The same text with every no-break, odd or zero-width space made one ordinary space.

    The result has the same length, so offsets found in it are offsets in ``text`` too. Tabs
    become spaces as well; line breaks stay.

    Example:
        >>> clean("7\\u00a0km\\u200bnorth")
        '7 km north'
    """
    return text.translate(_CLEAN)


def fold(text: str) -> str:
    """A form for comparing two texts: lower case, curly quotes, dashes and "…" made plain.

    Not length-preserving ("…" becomes three dots): use it to compare, never for offsets.

    Example:
        >>> fold("The \\u2018Regime\\u2019 \\u2014 again\\u2026") == fold("the 'regime' - again...")
        True
    """
    return clean(text).translate(_FOLD).lower()


# --------------------------------------------------------------------------- paragraphs

# A line ending in one of these is finished, so the next line is a new paragraph.
_CLOSERS = frozenset(".!?:;\"'”’)]")
# A hard wrap usually falls after one of these small words, so a line ending in one of them
# is unfinished even when the next line starts with a capital.
_OPEN_WORDS = frozenset(
    "a an the of in on at to for and or but by with from that as is was were are his her their its".split()
)
_LAST_WORD = re.compile(r"\w+$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# paragraphs() makes a Paragraph without the frozen dataclass's five guarded assignments (it
# gives the new object its attributes at once): the same object in half the time, which counts
# on pages of 100,000+ lines.
_new, _set = object.__new__, object.__setattr__


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` looks like the hard-wrapped rest of ``previous``."""
    if len(previous) < 50 or previous[-1] in _CLOSERS:
        return False
    if line[:1].islower() or previous.endswith(","):
        return True
    last = _LAST_WORD.search(previous[-12:])
    return last is not None and last.group().lower() in _OPEN_WORDS


def line_at(text: str, offset: int) -> int:
    """The line (from 1) on which character ``offset`` of ``text`` stands, counting "\\n" breaks.

    Example:
        >>> line_at("Title\\n\\nThe mayor said so.", 8)
        3
    """
    return text.count("\n", 0, offset) + 1


def paragraphs(text: str) -> list[Paragraph]:
    """Split plain text into paragraphs, with their character offsets and lines.

    Scrapes put one paragraph on a line, so each non-blank line is a paragraph, except that
    a line hard-wrapped by the scraper is joined to the next: a long line (50+ characters)
    without closing punctuation, followed by a line that starts in lower case, or ending in
    a comma or a small word like "the". Lines are counted after "\\r\\n", "\\r" and "\\n"
    breaks; the text of each line is stripped of spaces at both ends.

    Example:
        >>> [(p.text, p.first_line, p.last_line) for p in paragraphs("Title\\n\\nFirst line.\\nSecond.")]
        [('Title', 1, 1), ('First line.', 3, 3), ('Second.', 4, 4)]
    """
    # Speed matters on pages of 100,000+ lines: all lines are split at once, their offsets are
    # counted up front, and only a long line can start a hard wrap.
    if "\r" in text:
        lines = _LINE_BREAK.split(text)
        starts = [0, *(found.end() for found in _LINE_BREAK.finditer(text))]
    else:
        lines = text.split("\n")
        starts = [0, *accumulate(map((1).__add__, map(len, lines)))]  # each line and its "\n"
    found: list[Paragraph] = []
    add = found.append
    pieces: list[str] | None = None  # the stripped lines of a hard-wrapped paragraph being built
    current = ""  # the paragraph being built (its first line)
    first = last = start = end = 0
    previous = ""  # the line before, if it was not blank
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            previous = ""
            continue
        begin = starts[index]
        if line is not raw:  # str.strip gives the same object back when there is nothing to strip
            begin += len(raw) - len(raw.lstrip())
        if current and len(previous) >= 50 and _continues(previous, line):
            if pieces is None:
                pieces = [current]
            pieces.append(line)
            last, end = index + 1, begin + len(line)
        else:
            if current:
                made = _new(Paragraph)
                _set(made, "__dict__", {
                    "text": " ".join(pieces) if pieces else current,
                    "start": start, "end": end, "first_line": first, "last_line": last,
                })
                add(made)
            current, pieces = line, None
            first = last = index + 1
            start, end = begin, begin + len(line)
        previous = line
    if current:
        add(Paragraph(" ".join(pieces) if pieces else current, start, end, first, last))
    return found



# --------------------------------------------------------------------------- sentences

_OPENERS = "\"'“‘«‹([¿¡"
# A run of end punctuation, any closing quotes or brackets, then a space: a possible end.
_END = re.compile(r"[.!?…]+[\"'”’»›)\]]*(?=\s)")
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")
_NEXT_WORD = re.compile(r"[^\W_]+")
# '"Stop!" Smith shouted.': a capitalised name (up to four words) and a reporting verb after a
# closing quote continue the sentence.
_SPEAKER_AFTER = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,4}" + SPEECH_VERB)
# Abbreviations are short: the word before a full stop is looked for this far back, so a
# long paragraph stays linear.
_LOOK_BACK = 24


def _word_before(text: str, dot: int) -> str:
    """The word that ends at ``dot`` (without opening quotes), or '' when it is long."""
    window = text[max(0, dot - _LOOK_BACK) : dot]
    parts = window.split()
    if not parts or window[-1:].isspace():
        return ""
    if len(parts) == 1 and dot > _LOOK_BACK and not text[dot - _LOOK_BACK - 1].isspace():
        return ""
    return parts[-1].lstrip(_OPENERS)


def _next_word(text: str, at: int) -> str:
    match = _NEXT_WORD.match(text, at)
    return match.group() if match else ""


def _starts_sentence(text: str, at: int) -> bool:
    """True when ``text[at:]`` can start a sentence: a capital or a digit, maybe after a quote."""
    char = text[at : at + 1]
    if char in _OPENERS and char:
        char = text[at + 1 : at + 2]
    return char.isupper() or char.isdigit()


def _ends_here(text: str, end: re.Match[str], following: int) -> bool:
    """Whether the punctuation ``end`` ends a sentence; ``following`` is where the next text starts."""
    if following >= len(text) or not _starts_sentence(text, following):
        return False
    marks = end.group()
    if marks.rstrip("\"'”’»›)]") in ("…", "...") and marks[-1] in "….":
        return False  # news uses "…" for words left out of a quote, rarely to end a sentence
    if marks[-1] in "\"'”’»›" and marks[0] in "!?" and _SPEAKER_AFTER.match(text, following):
        return False  # '"Stop!" Smith shouted.'
    if marks.startswith(".") and not marks.startswith(".."):
        word = _word_before(text, end.start())
        lower = word.lower()
        if lower in TITLES:
            return False
        if lower in ("no", "nos"):
            return not text[following : following + 1].isdigit()  # "No. 10", but "said no. Then"
        if lower in ABBREVIATIONS or _INITIALS.fullmatch(word):
            at = following + 1 if text[following] in _OPENERS else following
            return _next_word(text, at).lower() in _STARTERS
    return True


def sentences(text: str) -> list[Span]:
    """The sentences of ``text``, as spans with their end punctuation and closing quotes.

    A sentence ends at ".", "!", "?" or "…" (with any closing quotes and brackets) followed
    by a space and a capital, a digit or an opening quote, and at the end of every paragraph
    (as :func:`paragraphs` finds them: a line of its own, unless hard-wrapped). A full
    stop after a title never ends one ("Rev. Al Smith", "Gov. Lee"); after other abbreviations
    and initials ("U.S.", "Inc.", "John F. Kennedy") it does only before a word that usually
    starts a sentence ("in the U.S. The trip"); "No." before a number never does. A quote
    ending in "!" or "?" and followed by a named speaker and a reporting verb continues the
    sentence, and so does an ellipsis that is not closed by a quote (words left out). No-break and zero-width spaces count as spaces.

    Example:
        >>> [s.text for s in sentences('He said: "We will win." The U.S. Army left No. 10.')]
        ['He said: "We will win."', 'The U.S. Army left No. 10.']
    """
    plain = clean(text)
    spans: list[Span] = []

    def add(start: int, end: int) -> None:
        piece = plain[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if start < end:
            spans.append(Span(start, end, text[start:end]))

    # A sentence never crosses a paragraph: scrapes put one paragraph on a line, so a headline
    # without a full stop is a sentence of its own, while a hard-wrapped line is joined first.
    for paragraph in paragraphs(plain):
        start, chunk_end = paragraph.start, paragraph.end
        for end in _END.finditer(plain, start, chunk_end):
            following = end.end()
            while following < chunk_end and plain[following].isspace():
                following += 1
            if following < chunk_end and _ends_here(plain, end, following):
                add(start, end.end())
                start = following
        add(start, chunk_end)
    return spans


# --------------------------------------------------------------------------- words

#: One word: letters and digits, with inner hyphens, apostrophes and dots ("regime-held",
#: "SDF's", "3.5", "U.S."); a final dot is kept only after a single letter ("U.S.").
WORD = re.compile(r"[^\W_]+(?:[-'’‐‑.]{1,2}[^\W_]+)*(?:(?<![^\W_][^\W_])(?<=[^\W\d_])\.)?")


def words(text: str) -> list[Span]:
    """The words of ``text`` (see :data:`WORD`), as spans.

    Example:
        >>> [w.text for w in words("U.S.-backed SDF's 3.5 km, regime-held.")]
        ['U.S.-backed', "SDF's", '3.5', 'km', 'regime-held']
    """
    return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


# --------------------------------------------------------------------------- names

# Small words inside a name, written in small letters before a capitalised word ("Osama bin
# Laden", "Charles de Gaulle"); with a hyphen ("al-Assad") the word is one word anyway.
_PARTICLES = frozenset("al el bin ibn van von de".split())
# How a word can stand in a run of capitalised words (see _name_part).
_NONE, _FULL, _TAIL, _INITIAL, _PARTICLE = range(5)


def _capitalised(part: str) -> bool:
    """'Kong', 'McKinley', 'Zor': letters, a capital first, not all capitals ('US', 'SDF', 'K')."""
    return part[:1].isupper() and part.isalpha() and not part.isupper()


@lru_cache(maxsize=65536)
def _name_part(word: str, stopwords: bool) -> tuple[int, int]:
    """How ``word`` can stand in a name, and how long its name part is (a possessive is left out).

    _FULL: starts or continues a name ('Kong', 'Al-Assad', 'al-Zor': a hyphenated word whose last
    part is capitalised); _TAIL: only continues one ('Hau-yip' in 'Cheuk Hau-yip'); _INITIAL: a
    middle initial ('S.' in 'Silvia S. Martins'); _PARTICLE: 'bin' in 'Osama bin Laden'.
    """
    size = len(word) - (len(word) > 2 and word[-1] == ".")  # "Trump's." (the word pattern keeps that dot)
    if word[size - 2 : size] in ("'s", "’s"):
        size -= 2  # "Hong Kong's": the name is "Hong Kong"
    base = word[:size]
    if "'" in base or "’" in base:
        return _NONE, size  # "O'Brien", "don't": not a name word here
    if base in _PARTICLES:
        return _PARTICLE, size
    if len(base) == 2 and base[1] == "." and base[0].isupper():
        return _INITIAL, size
    if not stopwords and base.lower() in STOPWORDS:
        return _NONE, size  # "The", "Of": a function word capitalised at a sentence start or in a headline
    parts = base.split("-")
    if _capitalised(parts[-1]) and all(part.isalpha() for part in parts):
        return _FULL, size
    if len(parts) > 1 and _capitalised(parts[0]) and all(part.isalpha() and part.islower() for part in parts[1:]):
        return _TAIL, size
    return _NONE, size


def name_runs(text: str, *, stopwords: bool = False, shortest: int = 2) -> list[Span]:
    """Names of two or more capitalised words in ``text``: "Hong Kong", "Deir al-Zor", "Silvia S. Martins".

    The words are :func:`words`, joined when one single space separates them. A word in all
    capitals ("US", "SDF", "A") is never part of a name, nor is a word with an apostrophe other
    than a possessive ("O'Brien"). A possessive ends a name and is left out of it ("Hong Kong's"
    gives "Hong Kong"). A hyphenated word counts when its last part is capitalised ("al-Zor",
    "Al-Assad"), and after a name's first word also when only its first part is ("Cheuk
    Hau-yip"); a middle initial ("S.") and a small particle before a capitalised word ("bin
    Laden", "de Gaulle") belong to the name around them. A function word in capitals ("The",
    "Of", "In") ends a name, unless ``stopwords`` is true: then it is kept, for a caller that
    reads the words before a name itself ("In Little Portbury" is a place). With ``shortest=1``
    a single capitalised word is a name too (a particle and its word are one: "de Gaulle").

    Example:
        >>> [s.text for s in name_runs("The White House said Hong Kong's US envoy met Cheuk Hau-yip in Deir al-Zor.")]
        ['White House', 'Hong Kong', 'Cheuk Hau-yip', 'Deir al-Zor']
        >>> [s.text for s in name_runs("The White House said.", stopwords=True)]
        ['The White House']
    """
    spans = words(text)
    found: list[Span] = []
    run: list[tuple[int, int, int]] = []  # the name being built: (kind, start, end) of each word

    def close() -> None:
        while run and run[-1][0] in (_INITIAL, _PARTICLE):
            run.pop()  # "Jo S." at a sentence's end: an initial needs a name after it
        if run and sum(kind != _PARTICLE for kind, _, _ in run) >= shortest:
            start, end = run[0][1], run[-1][2]
            found.append(Span(start, end, text[start:end]))
        run.clear()

    for span in spans:
        kind, size = _name_part(span.text, stopwords)
        end = span.start + size
        joined = bool(run) and text[run[-1][2] : span.start] == " "
        if joined and run[-1][0] == _PARTICLE and kind not in (_FULL, _TAIL):
            joined = False  # "bin" before a small word: not a particle of a name
        if joined and run[-1][0] == _INITIAL and kind not in (_FULL, _TAIL, _INITIAL):
            joined = False  # an initial needs a name after it
        if joined and kind != _NONE:
            run.append((kind, span.start, end))
        else:
            close()
            if kind in (_FULL, _PARTICLE):
                run.append((kind, span.start, end))
        if size < len(span.text):
            close()  # a possessive ends the name
    close()
    return found


# --------------------------------------------------------------------------- stems

# British and American spellings of one word get one stem.
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
# Words ending in "s" that are not plurals.
_KEEP_S = frozenset("means news series species this his was has is its as us yes thus plus gas bus always perhaps whereas".split())
_US = frozenset({"us", "u.s", "usa", "u.s.a"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """One key for the forms of a word: lower case, no possessive, American spelling, no
    plural "s" and no "-ing"/"-ed" on long words. Light on purpose: it merges plurals and
    tenses, never two different words of one story ("army"/"armed" stay apart).

    Example:
        >>> [stem(w) for w in ["Warnings", "warned", "colours", "Cities", "SDF's", "news", "U.S."]]
        ['warn', 'warn', 'color', 'city', 'sdf', 'news', 'usa']
        >>> stem("us")
        'us'
    """
    if word[:2] in ("US", "U.") and word.casefold().rstrip(".") in _US:
        return "usa"  # "US" and "U.S." are the country; "us" in lower case is the pronoun
    word = word.casefold().replace("’", "'").rstrip(".")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) > 3 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _KEEP_S:
        word = word[:-1]
    word = _SPELLINGS.get(word, word)
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


#: How long one quoted line of a student's or a report's words may be where the kit lists evidence.
SHORT_LINE = 220


def shorten(text: str, limit: int = SHORT_LINE) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis.

    Example:
        >>> shorten("one two three four", 9)
        'one two…'
    """
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"
