"""The quote records every step shares: a quote, a published version, a group, a comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


#: Roles whose text belongs to the article itself; quotes elsewhere (comments, captions,
#: menus) are left out unless ``include_all=True``.
ARTICLE_ROLES: tuple[str, ...] = ("headline", "standfirst", "body")

#: The file in a story folder that holds the published wordings of the statement.
REFERENCE_FILE = "reference_quotes.json"

# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """One quotation: the words inside the quote marks, who said them, and where they are.

    ``text[start:end]`` of the text given to :func:`extract_quotes` is exactly ``text``
    (marks left out, a trailing comma before "he said" left out). ``continues`` is True
    when the quote carries on the previous quote's remark with no new attribution: the
    second half of ``"...," he said. "..."``, or a quote paragraph right after another
    quote by the same speaker. ``role`` is the role of the paragraph it was found in.

    ``kind`` is ``"quote"``, or ``"scare"`` for a few words put in quote marks with nobody
    said to have said them (a scare quote, a title, a term): those never get a speaker.
    ``described_as`` keeps the description the text gave when the speaker was resolved
    from it ("the former senator" for ``speaker`` "Jane Smith"), else it is ``""``.

    Example:
        >>> Quote("We will respond", "Jane Okafor", 1, 16).speaker
        'Jane Okafor'
    """

    text: str
    speaker: str
    start: int
    end: int
    continues: bool = False
    role: str = ""
    kind: str = "quote"
    described_as: str = ""


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
        >>> from medialit.quotes import align_quotes
        >>> from medialit.story import load_story
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
        >>> from medialit.quotes import compare_quotes
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
        >>> from medialit.quotes import compare_quotes
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
