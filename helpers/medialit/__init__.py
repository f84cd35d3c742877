"""medialit: the analysis behind a media-literacy teaching kit.

Pure functions over plain data; the widgets in :mod:`medialit.widgets` only show
what these return.

Example:
    >>> import medialit
    >>> story = medialit.load_story()
    >>> story.reports[0].headline
    'Russia threatens US in race to capture key Syria town'
"""

from .segment import ROLES, Block, segment
from .story import Report, Story, StoryError, check_story, load_story

__all__ = [
    "ROLES",
    "Block",
    "Report",
    "Story",
    "StoryError",
    "check_story",
    "load_story",
    "segment",
]
__version__ = "0.1.0"
