"""The widgets the notebooks show. They only display what the analysis modules return.

A notebook starts with::

    import medialit.widgets as kit
    kit.start("00-start-here")

and then shows one widget per cell, e.g. ``kit.report_viewer()``. Each lesson's
widgets live in their own module and list their notebook-facing names in ``__all__``.
"""

from .common import esc, session, start
from .start_here import background_card, export_button, name_box, publisher_clues, question, report_viewer, story_intro
from .article_parts import *  # noqa: F401,F403 - lesson 1
from .loaded_headlines import *  # noqa: F401,F403 - lesson 2
from .quote_fidelity import *  # noqa: F401,F403 - lesson 3
from .words_sources_numbers import *  # noqa: F401,F403 - lesson 4
from .verdict import *  # noqa: F401,F403 - lesson 5
from .class_work import *  # noqa: F401,F403 - the teacher's notebook
from .transfer import original, start_transfer, transfer_quote  # lesson 6, the transfer task
from .story_builder import story_builder  # the teacher's story builder
