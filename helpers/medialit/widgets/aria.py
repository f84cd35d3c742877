"""Small widgets ipywidgets cannot draw accessibly: a live status line, a press button, a picture with alt text.

ipywidgets 8 gives no way to put an ARIA attribute on an element it draws, so:

* :class:`LiveHTML` is an HTML line inside one persistent ``role="status" aria-live="polite"``
  element; screen readers announce "Saved", "3 of 23 labelled" and check results when they
  change (a live region only speaks for changes inside an element that already existed).
* :class:`PressButton` is a toggle button with ``aria-pressed``: ipywidgets' ToggleButton and
  ToggleButtons show their state only as a CSS class (jupyter-widgets/ipywidgets#2650).
* :class:`Picture` is an image with alt text (a chart's one-sentence description): ipywidgets'
  Image has no ``alt``, and its ``tooltip`` is never set on the image.

Both are drawn by anywidget (a small, well-kept library for custom widgets, with a JupyterLab
extension in its wheel) from ``aria.js``; ``aria.css`` adds a visible focus ring and the pressed
look. Nothing is fetched at run time. docs/accessibility.md says why this was chosen.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).resolve().parent

__all__ = ["LiveHTML", "PressButton", "Picture"]


class _AriaWidget(anywidget.AnyWidget):
    # Read once at import: the assets ship inside the package, so nothing is watched or fetched.
    _esm = (_HERE / "aria.js").read_text(encoding="utf-8")
    _css = (_HERE / "aria.css").read_text(encoding="utf-8")
    _kind = traitlets.Unicode("live").tag(sync=True)


class LiveHTML(_AriaWidget):
    """A line of (already escaped) HTML that screen readers announce whenever it changes.

    Example:
        >>> line = LiveHTML()
        >>> line.value = "<span>✓ Saved</span>"
        >>> line.value
        '<span>✓ Saved</span>'
    """

    value = traitlets.Unicode("").tag(sync=True)


class PressButton(_AriaWidget):
    """A button that stays pressed or not (``value``), with ``aria-pressed`` so the state is heard.

    Used like ipywidgets' ToggleButton: ``description``, ``tooltip``, ``disabled`` and
    ``observe(..., names="value")``.

    Example:
        >>> button = PressButton(description="Shoot")
        >>> button.value = True
        >>> button.value, button.description
        (True, 'Shoot')
    """

    _kind = traitlets.Unicode("press").tag(sync=True)
    value = traitlets.Bool(False).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)


class Picture(_AriaWidget):
    """An image (PNG bytes) with alt text, e.g. one sentence on what a chart shows.

    Example:
        >>> Picture(value=b"\\x89PNG", alt="Bars: how many students tagged each word.").alt
        'Bars: how many students tagged each word.'
    """

    _kind = traitlets.Unicode("picture").tag(sync=True)
    value = traitlets.Bytes(b"").tag(sync=True)
    format = traitlets.Unicode("png").tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
