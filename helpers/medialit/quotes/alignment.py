"""One remark across a story's reports: quotes grouped by their content words."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, Iterable, Sequence, Union

from medialit.quotes.extraction import extract_quotes
from medialit.quotes.records import Quote, QuoteGroup, ReferenceVersion
from medialit.quotes.comparison import is_other_language
from medialit.quotes.references import folder_versions, reference_synonyms, reference_versions
from medialit.quotes.speakers import _longest_by_surname
from medialit.quotes.vocabulary import (
    MIN_SHARED_WORDS,
    Synonyms,
    _same_remark,
    _key,
    _similarity,
    _speaker_key,
    content_words,
)
from medialit.story import load_story  # noqa: F401  (docstring examples)

# --- a report's quotes -------------------------------------------------------------------------


def report_quotes(report: Any) -> list[Quote]:
    """The quotations of one report, found in the paragraphs its ``blocks`` give the article roles.

    A :class:`medialit.story.Report`'s blocks follow the story's answer key, so a paragraph the
    teacher marked as page furniture (a teaser the kit read as a standfirst) has no quotes for
    lesson 3, and one the teacher marked as body has. Without ``blocks`` (any object with a
    ``.raw_text``) the kit's own segmentation decides, as in :func:`extract_quotes`.

    Example:
        >>> [q.role for q in report_quotes(load_story().report("001"))][:2]
        ['standfirst', 'body']
    """
    return extract_quotes(report.raw_text, blocks=getattr(report, "blocks", None))


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
    Quotes come from :func:`report_quotes`: the article paragraphs of each report as its
    ``blocks`` give them (the teacher's answer key decides), so comments never count.
    Two quotes are one remark when most of the shorter one's content words are in the
    other (see :data:`SAME_REMARK_THRESHOLD`) and their speakers do not disagree. The
    story's own translation variants, from the ``"synonyms"`` section of its
    ``reference_quotes.json`` (see :func:`reference_synonyms`), count as the same word:
    for the bundled story "fire points"/"firing positions", "suppressed"/"destroyed".
    With ``references``, the published wordings from that file become each matching
    group's reference; the story's ``references/`` folder (:attr:`Story.references`: the
    original statement, a wire version, a press release) adds its matching sentence to
    each group's ``reference_versions``, and becomes the reference of a group that the
    reference file does not cover (see :func:`medialit.quotes.references.folder_versions`).

    Example:
        >>> groups = align_quotes(load_story())
        >>> [(g.remark or g.label, g.report_ids) for g in groups][1]
        ('warning', ['000', '001', '002', '003', '004'])
    """
    pairs = [(report.id, quote) for report in story.reports for quote in report_quotes(report)]
    versions = reference_versions(story) if references else []
    synonyms = reference_synonyms(story)
    groups = group_quotes(pairs, versions, synonyms)
    if not references or not getattr(story, "references", ()):
        return groups
    return [_with_folder_versions(group, story, synonyms) for group in groups]


def _with_folder_versions(group: QuoteGroup, story: Any, synonyms: Synonyms) -> QuoteGroup:
    """The group with the story's ``references/`` versions of its remark added."""
    found = folder_versions(story, group.reference.text, synonyms)
    if not found:
        return group
    taken = {v.source for v in group.reference_versions}
    added = tuple(v for v in found if v.source not in taken)
    if not added:
        return group
    english = [v for v in added if not is_other_language(v)]
    if isinstance(group.reference, ReferenceVersion) or not english:
        return replace(group, reference_versions=group.reference_versions + added)
    # No published version from the reference file: the first matching file is the reference.
    words = english[0].text.split()
    label = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    return replace(group, reference_versions=group.reference_versions + added,
                   reference=english[0], reference_source=english[0].source, label=label)
