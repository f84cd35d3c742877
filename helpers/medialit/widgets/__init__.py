"""The widgets the notebooks show. They only display what the analysis modules return.

A notebook starts with::

    import medialit.widgets as kit
    kit.start("00-start-here")

and then shows one widget per cell, e.g. ``kit.report_viewer()``.
"""

from .common import esc, session, start
from .viewer import name_box, publisher_clues, question, report_viewer

__all__ = ["esc", "name_box", "publisher_clues", "question", "report_viewer", "session", "start"]
