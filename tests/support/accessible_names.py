"""Test support: which of a widget's controls have no name a screen reader could say.

ipywidgets draws a Text, Textarea, Dropdown or Checkbox ``description`` as the control's label (a
``<label for>``, or the checkbox's own label); a RadioButtons' description names the group once
medialit.widgets.aria.name_group has marked it. A placeholder is not a name. What the browser makes of
them is checked with Playwright in tests/support/steps_00.py and steps_05.py.
"""

from __future__ import annotations

from typing import Iterator

import ipywidgets as widgets

NEEDS_A_NAME = (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.RadioButtons, widgets.Checkbox)


def controls(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """A widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from controls(child)


def unnamed(*drawn: widgets.Widget) -> list[str]:
    """The controls inside ``drawn`` with no name, e.g. "Textarea (placeholder: 'Type your answer here')".

    Example:
        >>> unnamed(widgets.VBox([widgets.Textarea(placeholder="Type here"), widgets.Text(description="Your name:")]))
        ["Textarea (placeholder: 'Type here')"]
    """
    missing = []
    for widget in drawn:
        for control in controls(widget):
            if not isinstance(control, NEEDS_A_NAME):
                continue
            named = bool(str(control.description or "").strip())
            if isinstance(control, widgets.RadioButtons):
                named = named and "medialit-named-group" in control._dom_classes
            if not named:
                hint = getattr(control, "placeholder", "")
                missing.append(type(control).__name__ + (f" (placeholder: {hint!r})" if hint else ""))
    return missing
