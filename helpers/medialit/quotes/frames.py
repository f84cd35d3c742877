"""Rule tables for finding who said a quote: titles, descriptions of people, verbs of documents.

Kept apart from the algorithm in ``speakers`` (trafilatura keeps its rule tables apart in the
same way), so a newcomer can add a title or a description without reading the resolver. Every
entry is general English news usage; nothing here names a story, a site or a person. The
reporting verbs themselves ("said", "likened", "tweeting") are the kit's one table in
:mod:`medialit.text` (``REPORTING_VERBS``, ``BASE_ONLY_VERBS``), shared with lessons 2 and 4.

Example:
    >>> "memo" in DOCUMENT_NOUNS and "shows" in FINDING_VERBS
    True
"""

from __future__ import annotations

from medialit.text import ABBREVIATIONS  # noqa: F401  (the kit's one list; names keep "Gen." inside)

#: Verbs by which a document or a body reports ("a report found that", "the poll shows"): a
#: speaker only when the subject is one of DOCUMENT_NOUNS or an organisation, never a person.
FINDING_VERBS: frozenset[str] = frozenset("found finds show shows showed".split())
#: Nouns for documents that speak in the news ("a memo", "the complaint", "a report released on Monday").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """report reports study survey poll memo memorandum letter complaint lawsuit suit filing brief analysis
    review audit investigation inquiry document documents statement ruling order indictment affidavit
    motion email emails cable transcript assessment estimate forecast paper papers research""".split()
)

#: Reporting verbs of two words ("pointed out", "shot back"; "as the memo put it"), matched as phrases.
REPORTING_PHRASES: frozenset[str] = frozenset(
    line.strip()
    for line in """pointed out, points out, went on, goes on, shot back, fired back, hit back, hits back,
    lashed out, summed up, weighed in, put it, puts it""".split(",")
)

#: Words of a title before a name: dropped from the speaker ("Gov. Jane Smith" -> "Jane Smith").
TITLES: frozenset[str] = frozenset(
    """maj major gen general lt lieutenant col colonel capt captain sgt sergeant adm admiral brig brigadier
    cmdr commander army navy air force spokesman spokeswoman spokesperson minister president prime
    secretary mr mrs ms dr prof sen senator rep representative gov governor chief director ambassador
    official officer deputy foreign defence defense mayor colonel-general lieutenant-general
    major-general marine corps councillor councilor cllr alderman chairman chairwoman chair speaker
    leader nominee candidate judge justice attorney activist journalist reporter columnist host
    anchor widow professor economist analyst strategist adviser advisor aide manager executive ceo
    founder pastor rev reverend bishop rabbi imam sheriff detective inspector superintendent
    commissioner chancellor premier king queen prince princess lord lady sir dame envoy""".split()
)

#: Last words that make a capitalised run an organisation rather than a person.
ORG_WORDS: frozenset[str] = frozenset(
    """ministry forces department coalition pentagon kremlin command government agency office
    observatory army military council embassy press committee party campaign association union
    university institute foundation center centre bureau commission court police board company
    corporation network newspaper post times journal news tribune herald guardian telegraph
    reuters afp tass""".split()
)

#: Title words that say a person is a man or a woman, so "she said" skips "Mr. Lee" (and "he" skips "Mrs. Lee").
MALE_TITLES: frozenset[str] = frozenset("mr sir king prince lord spokesman chairman congressman father son husband brother".split())
FEMALE_TITLES: frozenset[str] = frozenset(
    """mrs ms miss madam queen princess lady dame spokeswoman chairwoman congresswoman actress widow mother
    wife sister daughter""".split()
)

#: Last words of a news outlet's name ("The Daily Courier", "City Post"): what "the paper" can point to.
OUTLET_WORDS: frozenset[str] = frozenset(
    """post times journal news tribune herald guardian telegraph courier gazette chronicle observer
    independent mail mirror express star sun examiner inquirer dispatch review register record today
    reuters afp tass ap bbc cnn press agency network radio television tv channel magazine""".split()
)
#: Head nouns of a description of a news outlet ("the influential daily", "the paper").
OUTLET_NOUNS: frozenset[str] = frozenset(
    """daily newspaper paper outlet network broadcaster agency magazine site website tabloid publication
    channel station weekly""".split()
)

#: Capitalised words that start sentences rather than names.
NOT_NAMES: frozenset[str] = frozenset(
    """the a an but and however meanwhile later also then earlier in on at as if when while this that
    these those both he she they it we i his her their its our so yet still even only after before
    during following since until despite asked speaking according another other some many several
    most all few one instead moreover furthermore indeed thus now today yesterday here there finally
    first second third lastly overall would could should will can may might must did does do is are
    was were has have had said says added asked wrote although though because unless whether whereas monday tuesday wednesday thursday friday saturday
    sunday""".split()
)

#: Words that open an introductory phrase before a sentence's subject ("At a rally, Trump ...").
INTRODUCTIONS: frozenset[str] = frozenset(
    """in on at during after before following since until despite when while as with without from
    for by speaking asked earlier later meanwhile however but and yet still even also then""".split()
)

#: Head nouns of a description of a person ("the former senator", "a spokesman for the city"):
#: such a speaker is resolved to the nearest person the text names before it.
PERSON_NOUNS: frozenset[str] = TITLES | frozenset(
    """man woman boy girl person people source sources aide adviser lawyer father mother son daughter
    wife husband brother sister friend official officials critic critics supporter supporters voter
    voters resident residents witness witnesses expert experts historian author singer actor
    actress star player coach owner partner member colleague allies aides surrogates delegates loyalists""".split()
)

#: Nouns that a possessive names as someone's words: "Smith's claim that ...", "the mayor's 'plan'".
SAYING_NOUNS: frozenset[str] = frozenset(
    """claim claims statement statements words remark remarks comment comments assertion assertions
    description promise pledge warning tweet tweets phrase slogan message speech response argument
    accusation accusations charge vow line joke call calls insistence suggestion prediction""".split()
)

#: Capitals before a colon that head a paragraph without naming a speaker ("UPDATE: ...",
#: and a page's pointers to other articles: "SEE MORE: ...", "READ MORE: ...", "LISTEN: ...").
NOT_SPEAKER_LABELS: frozenset[str] = frozenset(
    """update updated correction clarification note editor's editors breaking watch read related video
    photos photo warning alert exclusive analysis opinion see more also listen click recommended trending
    latest live sponsored advertisement""".split()
)

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "i", "we", "it"})
PARTICLES: frozenset[str] = frozenset({"al", "bin", "de", "van", "von", "der", "la", "le", "da", "el", "ibn"})
