"""Small widgets ipywidgets cannot draw accessibly: a live status line, a press button, a picture with alt text.

ipywidgets 8 gives no way to put an ARIA attribute on an element it draws, so:

* :class:`LiveHTML` is an HTML line inside one persistent ``role="status" aria-live="polite"``
  element; screen readers announce "Saved", "3 of 23 labelled" and check results when they
  change (a live region only speaks for changes inside an element that already existed).
* :class:`PressButton` is a toggle button with ``aria-pressed``: ipywidgets' ToggleButton and
  ToggleButtons show their state only as a CSS class (jupyter-widgets/ipywidgets#2650).
* :class:`Picture` is an image with alt text (a chart's one-sentence description): ipywidgets'
  Image has no ``alt``, and its ``tooltip`` is never set on the image.

Two helpers give ipywidgets' own controls a name that says what they are for (WCAG 1.3.1, 2.4.6):

* :func:`label_above` names a text box by its question. ipywidgets 8 draws a Text's or
  Textarea's ``description`` as a real ``<label for>`` of the box; aria.css moves that label
  above the box, in bold, wrapping, so the question a student reads *is* the box's name.
* :func:`name_group` names a group of radio buttons ("Line 64: which part of the page?").
  ipywidgets draws a RadioButtons' ``description`` as a ``<label>`` tied to nothing, and the
  radios' box as a plain ``<div>``: aria.js makes that box a ``role="radiogroup"`` labelled by
  the description (``aria-labelledby``), shown only to screen readers unless ``visible``.

Both rely on aria.js and aria.css, which anywidget loads with the first of the kit's own widgets
drawn in a notebook: every saved box has one (its status line is a :class:`LiveHTML`).

The widgets are drawn by anywidget (a small, well-kept library for custom widgets, with a JupyterLab
extension in its wheel) from ``aria.js``; ``aria.css`` adds a visible focus ring and the pressed
look. Nothing is fetched at run time. docs/accessibility.md says why this was chosen.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets

_HERE = Path(__file__).resolve().parent

__all__ = ["LiveHTML", "PressButton", "Picture", "label_above", "name_group"]

#: Classes aria.css and aria.js look for (a widget's ``add_class`` puts them on its element).
LABEL_ABOVE = "medialit-label-above"
NAMED_GROUP = "medialit-named-group"
UNSEEN_NAME = "medialit-unseen-name"


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


def label_above(box: widgets.Text | widgets.Textarea, text: str) -> widgets.Text | widgets.Textarea:
    """Make ``text`` (a question) the box's visible label, above it: the name a screen reader says.

    The label is ipywidgets' ``description``, drawn as a ``<label for>`` the box (so clicking
    the question puts the cursor in the box); aria.css shows it above the box, wrapping, in bold.
    Call it again to change the label (e.g. when the box is for another report). Size the box with
    ``rows``: a layout height would now hold the label too and the box would spill over what follows,
    so it is dropped.

    Example:
        >>> box = label_above(widgets.Textarea(), "Which headline is the most loaded?")
        >>> box.description, "medialit-label-above" in box._dom_classes
        ('Which headline is the most loaded?', True)
    """
    box.description = text
    box.description_allow_html = False
    if box.layout.height:
        box.layout.height = None
    if LABEL_ABOVE not in box._dom_classes:
        box.add_class(LABEL_ABOVE)
    return box


def name_group(group: widgets.RadioButtons, text: str, visible: bool = False) -> widgets.RadioButtons:
    """Give a group of radio buttons a name, e.g. "Line 64: which part of the page?".

    A screen reader says it on entering the group ("Line 64: which part of the page?, radio group,
    Body, radio button"); without it, 40 cards sound alike ("Body, radio button"). The name is
    ipywidgets' ``description``; aria.js ties it to the radios' box. ``visible=False`` shows it to
    screen readers only, for groups whose card already says where they are.

    Example:
        >>> group = name_group(widgets.RadioButtons(options=["Body", "Comment"]), "Line 64: which part of the page?")
        >>> group.description, "medialit-named-group" in group._dom_classes
        ('Line 64: which part of the page?', True)
    """
    group.description = text
    group.description_allow_html = False
    if group.tooltip is None:
        group.tooltip = ""  # ipywidgets would put title="null" on the label
    if NAMED_GROUP not in group._dom_classes:
        group.add_class(NAMED_GROUP)
    if visible:
        group.remove_class(UNSEEN_NAME)
    elif UNSEEN_NAME not in group._dom_classes:
        group.add_class(UNSEEN_NAME)
    return group
