"""medialit: the analysis behind a media-literacy teaching kit.

Pure functions over plain data, one module per job: ``story`` (load reports),
``segment`` (body, comments, page furniture), ``headlines`` (loaded words),
``agreement`` (how far a class agrees), ``quotes`` (quote fidelity), ``terms``,
``word_counts``, ``sources`` and ``quantities`` (lesson 4's words, sources and
numbers), ``readability`` and ``progress`` (saved work). The
widgets in :mod:`medialit.widgets` only show what these return.

Example:
    >>> import medialit
    >>> story = medialit.load_story()
    >>> story.reports[0].headline
    'Russia threatens US in race to capture key Syria town'
"""

from .agreement import class_agreement, krippendorff_alpha, tag_counts
from .headlines import Flag, loadedness, rank_headlines, suggest_loaded
from .progress import export_work, open_work
from .quotes import Quote, QuoteGroup, align_quotes, compare_quotes, extract_quotes, reference_versions
from .reading_level import Readability, readability
from .segmentation import ROLES, Block, segment
from .answer_key import load_answer_key
from .checkup import check_story
from .story import Report, Story, StoryError, load_story
from .quantities import compare_numbers, find_numbers
from .sources import find_sources
from .word_counts import count_table, count_terms

__all__ = [
    "ROLES",
    "Block",
    "Flag",
    "Quote",
    "QuoteGroup",
    "Readability",
    "Report",
    "Story",
    "StoryError",
    "align_quotes",
    "check_story",
    "class_agreement",
    "compare_numbers",
    "compare_quotes",
    "count_table",
    "count_terms",
    "export_work",
    "extract_quotes",
    "find_numbers",
    "find_sources",
    "krippendorff_alpha",
    "load_answer_key",
    "load_story",
    "loadedness",
    "open_work",
    "rank_headlines",
    "readability",
    "reference_versions",
    "segment",
    "suggest_loaded",
    "tag_counts",
]
__version__ = "0.1.0"
