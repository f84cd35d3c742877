"""Who said each quote of a page: the sentence's own attribution first, then the page around it.

:class:`_Resolver` reads a page's paragraphs in order. For each quote it asks ``speakers``
for an attribution in the quote's own sentence; failing that it looks at the frames a quote
sits in (a dash and a name, a possessive, "as", a colon, a transcript's label), the quotes
before it, the paragraph that introduces a block quote, and the sentence before. Names,
titles, descriptions and pronouns are then resolved against the people the page names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from medialit.quotes.frames import (
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_SPEAKER_LABELS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    SAYING_NOUNS,
    TITLES,
)
from medialit.quotes.marks import _WORDY, _Span
from medialit.quotes.records import Quote
from medialit.quotes.speakers import (
    _FILLER,
    _NOBODY,
    _SPACE_AND_PUNCTUATION,
    _SPACES,
    _SUBORDINATORS,
    _VERB,
    _WINDOW,
    _base_form_context,
    _bare_of_punctuation,
    _capitalised_run_at_start,
    _clause_subject,
    _head_noun,
    _is_as_attribution,
    _looks_like_verb,
    _longest_by_surname,
    _name_from_words,
    _names_after,
    _Paragraph,
    _sentence_end,
    _sentence_start,
    _skip_aside,
    _subject,
    _Who,
)
from medialit.text import BASE_ONLY_VERBS, REPORTING_VERBS, STOPWORDS

# The frames a quote sits in when no speaking verb names its speaker: a dash and a name after
# it ('"..." ― Jane Smith'), a possessive before it ("Smith's 'plan'", "Smith's claim that
# '...'") and "as" ("X described the plan as 'a disgrace'", "X admires him as a 'strong leader'").
_DASH_NAME = re.compile(r"[\s,.]*[―—–-]{1,2}\s*(?=[A-Z])")
_POSSESSIVE = re.compile(
    r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:(?:[a-z-]+\s+){0,2}(?:"
    + "|".join(sorted(SAYING_NOUNS))
    + r")\b[^\x00]{0,160}|(?P<bare>(?:[a-z-]+\s+){0,1}))$"
)
_AS_FRAME = re.compile(r"\bas\s+(?:an?\s+|the\s+)?$|\b(?:likened|compared)\b[^\x00]{0,80}\bto\s+(?:an?\s+|the\s+)?$")
_LABEL_AT_START = re.compile(r"[\s\"“']*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
# Words of a quote that is put in marks by nobody in particular: a scare quote, a title, a term.
_SCARE_WORDS = 5


_POSSESSIVE_WORD = re.compile(r"\w['’]s?\s")


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
        # A name written family name first ("Liu Xiaming", later "Liu said"): one word is the
        # first word of a full name named earlier. Kept only when one full name starts with it.
        self.first_words: dict[str, tuple[int, str] | None] = {}
        for pos, who, _, _ in sorted(all_mentions, key=lambda m: m[0]):
            if who.kind == "person" and " " in who.name:
                first, full = who.name.split()[0], self.full_names.get(who.name.split()[-1], who.name)
                seen = self.first_words.setdefault(first, (pos, full))
                if seen is not None and seen[1] != full:
                    self.first_words[first] = None
        persons = sorted(
            [
                (pos, self.canonical(who.name, pos), statement, who.titles)
                for pos, who, statement, _ in all_mentions
                if who.kind == "person" or (who.kind == "name" and self.canonical(who.name, pos) != who.name)
            ]
            # The person a sentence is about ("Jo Lee then took the stage."): who a later
            # "she" most likely means, though no speaking verb or title named her.
            + [(pos, self.canonical(who.name), False, ()) for pos, who in _sentence_subjects(paragraphs)]
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

    def canonical(self, name: str, pos: int = -1) -> str:
        """The full name for a one-word name: the surname's (anywhere on the page), else, from
        ``pos`` on, the one full name named earlier that starts with it."""
        if " " in name:
            return name
        if name in self.full_names:
            return self.full_names[name]
        first = self.first_words.get(name)
        return first[1] if first is not None and 0 <= first[0] < pos else name

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
            return self.canonical(who.name, pos), ""
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
                # Not for "the mayor's spokeswoman": someone other than the person last named.
                if not name and who.name.lower().startswith("the ") and noun in TITLES and not _POSSESSIVE_WORD.search(who.name):
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
                if lead_words and lead_words[-1].lower() in ("who", "which") and lead.rstrip().endswith(lead_words[-1]):
                    continue  # '"...," an aide, who asked not to be named, said': the verb of an aside
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
        if possessive and possessive.group("bare") is not None and _modifies_next_word(p.masked, span.close + 1):
            # "Lee's 'work-related' emails": the possessive owns the emails; the words in marks
            # only describe them, so they are not Lee's term on that ground.
            possessive = None
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
            if who.kind in ("person", "pronoun") or (who.kind == "name" and (whole or who.name in self.full_names)):
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
                elif p.alone and any(q.speaker for q in previous):
                    # Skip a show's title or a scare quote that ended the paragraph before.
                    speaker, continues = [q.speaker for q in previous if q.speaker][-1], True
                elif p.alone and before is not None and before.said_at:
                    # 'Lee told the crowd the plan was dead.' then a paragraph of quote only: Lee's.
                    speaker, described = self.speaker(before.said_who[-1], before.said_at[-1])
                elif before is not None and _opens_paragraph(p, span) and _last_subject(before).kind:
                    # 'Lee turned to the economy.' then a paragraph opening with a quote: Lee's.
                    speaker, described = self.speaker(_last_subject(before), before.start + len(before.masked))
                elif _opens_sentence(p, span) and self.last_saying(p, span.open)[0].kind:
                    who, verb_at = self.last_saying(p, span.open)
                    speaker, described = self.speaker(who, p.start + verb_at)
                elif _opens_sentence(p, span) and _previous_subject(p, span).kind:
                    # 'Lee pointed to the budget. "We cannot afford it."': the person the
                    # sentence before is about.
                    speaker, described = self.speaker(_previous_subject(p, span), p.start + span.open)
                else:
                    speaker = ""
                    sentence = _sentence_start(p.boundaries, span.open)
                    # Only a subject that opens the sentence: after an earlier quote the
                    # first name is more likely an object ('sent its "reporter" Jo Lee into "...").
                    subject = _clause_subject(p.masked, sentence, span.open) if "\x00" not in p.masked[sentence : span.open] else _NOBODY
                    if subject.kind == "person" or (subject.kind == "name" and subject.name in self.full_names):
                        # 'Jo Lee wants "a fresh start"': a term of the person the sentence is
                        # about, in marks because it is theirs (news annotators read it so). A
                        # lone capitalised word counts only as the surname of a person named on
                        # the page, never a word capitalised to open the sentence ("Le maire").
                        speaker, described = self.speaker(subject, p.start + span.open)
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
            label = _LABEL_AT_START.match(p.chunk)
            if label and current and label.group(1).split()[0].lower().replace("’", "'") not in NOT_SPEAKER_LABELS:
                # A transcript's 'SMITH: ...' paragraph is Smith speaking; what Smith quotes is
                # said by Smith in this article ('SMITH: She calls it "a show."').
                current = [replace(q, speaker=label.group(1), kind="quote", described_as="") for q in current]
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


_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")


def _modifies_next_word(masked: str, after: int) -> bool:
    """True when the quote's closing mark is followed by a plain noun-like word, as in
    "'work-related' emails" (not "'plan' was", "'plan' to", "'plan' called")."""
    word = _NEXT_WORD.match(masked, after)
    if not word:
        return False
    word = word.group(1)
    return word not in STOPWORDS and word not in REPORTING_VERBS and not _looks_like_verb(word) and not word.endswith("ing")


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


def _last_subject(p: _Paragraph) -> _Who:
    """The person (or "he"/"she") that opens a paragraph's last sentence, else nobody."""
    text = p.masked.rstrip()
    if not text or "\x00" in text:
        return _NOBODY  # a paragraph with quotes of its own hands on its speaker by other rules
    start = _sentence_start(p.boundaries, len(text) - 1)
    who = _clause_subject(p.masked, start, min(len(text), start + 120))
    if who.kind == "person" or (who.kind == "pronoun" and who.name.lower() in ("he", "she")):
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


def _sentence_subjects(paragraphs: list[_Paragraph]) -> list[tuple[int, _Who]]:
    """Each sentence's subject where it is a person's full name, with its place in the page."""
    found = []
    for p in paragraphs:
        for start in [0, *p.boundaries]:
            # A subject is in a sentence's first words, before any quote: a few dozen characters.
            end = min(_sentence_end(p.boundaries, start, len(p.masked)), start + 120)
            quote = p.masked.find("\x00", start, end)
            who = _clause_subject(p.masked, start, end if quote == -1 else quote)
            if who.kind == "person" and " " in who.name:
                found.append((p.start + start, who))
    return found


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



def _shift(verb: re.Match[str], offset: int, masked: str) -> re.Match[str]:
    """The same verb match, re-found in the whole paragraph (so positions are paragraph-wide)."""
    match = _VERB.match(masked, offset + verb.start())
    assert match is not None  # the same characters are there
    return match
