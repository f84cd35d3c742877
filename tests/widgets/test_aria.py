"""The kit's accessible widgets (medialit.widgets.aria) and the colours in aria.css.

What the browser does with them (aria-pressed, aria-live, alt) is checked in
tests/end_to_end/test_keyboard.py and by axe in tests/end_to_end/test_browser.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from medialit.widgets.aria import LiveHTML, Picture, PressButton, label_above, name_group

CSS = (Path(__file__).resolve().parents[2] / "helpers" / "medialit" / "widgets" / "aria.css").read_text()
THEMES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "themes" / "@jupyterlab"


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def page_colour(theme: str) -> str:
    """JupyterLab's page colour (--jp-layout-color0) in one of its installed themes."""
    css = (THEMES / f"theme-{theme}-extension" / "index.css").read_text()
    value = re.search(r"--jp-layout-color0:\s*([^;]+);", css).group(1).strip()
    return {"white": "#ffffff"}.get(value, value)


def text_colours(dark: bool) -> dict[str, str]:
    """The --medialit-* colours aria.css sets for the light (:root) or the dark theme."""
    block = re.search(r'body\[data-jp-theme-light="false"\] \{([^}]*)\}' if dark else r":root \{([^}]*)\}", CSS).group(1)
    return dict(re.findall(r"--(medialit-[a-z]+): (#[0-9a-fA-F]{3,6});", block))


def test_the_contrast_check_knows_black_on_white_and_grey_on_grey():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 and contrast("#777777", "#888888") < 1.5


@pytest.mark.parametrize("theme, dark", [("light", False), ("dark", True)])
def test_every_status_colour_keeps_4_5_to_1_on_the_themes_page(theme, dark):
    assert re.search(r"\.medialit-muted \{ color: var\(--medialit-muted\); \}", CSS)
    colours = text_colours(dark)
    assert set(colours) == {"medialit-right", "medialit-wrong", "medialit-flag", "medialit-muted"}
    page = page_colour(theme)
    low = {name: round(contrast(colour, page), 2) for name, colour in colours.items() if contrast(colour, page) < 4.5}
    assert not low, f"below 4.5:1 on {page}: {low}"


def test_a_pressed_word_button_sets_both_its_colours_with_enough_contrast():
    rule = re.search(r'\.medialit-press\.jupyter-button\[aria-pressed="true"\] \{([^}]*)\}', CSS).group(1)
    background = re.search(r"background-color: (#[0-9a-fA-F]{6})", rule).group(1)
    text = re.search(r"[^-]color: (#[0-9a-fA-F]{6})", rule).group(1)
    assert contrast(text, background) >= 4.5


@pytest.mark.parametrize("name, background", [("info", "#0097a7"), ("success", "#388e3c"), ("warning", "#f57c00")])
def test_coloured_buttons_in_the_light_theme_get_black_text_with_enough_contrast(name, background):
    rule = re.search(r'theme-light="true"\][^{]*:is\(([^)]*)\) \{\s*color: (#[0-9a-fA-F]{6});', CSS)
    assert f".mod-{name}" in rule.group(1) and contrast(rule.group(2), background) >= 4.5


def test_focus_is_drawn_as_a_visible_ring():
    assert re.search(r":focus-visible[^{]*\{\s*outline: 2px solid", CSS)


def test_a_press_button_keeps_its_state_and_label():
    button = PressButton(description="Shoot", tooltip="Tag 'Shoot' as loaded")
    seen = []
    button.observe(lambda change: seen.append(change["new"]), names="value")
    button.value = True
    assert seen == [True] and button.description == "Shoot"


def test_a_live_line_and_a_picture_carry_their_text():
    line = LiveHTML(value="<span>✓ Saved</span>")
    picture = Picture(value=b"\x89PNG", alt="Bars: how many students tagged each word.")
    assert line.value == "<span>✓ Saved</span>" and picture.alt.startswith("Bars") and picture.format == "png"


# --- names for ipywidgets' own controls (what a browser makes of them: tests/support/steps_00.py, steps_05.py) ---


def test_a_text_box_labelled_above_carries_its_question_as_a_plain_text_label():
    import ipywidgets as widgets

    box = label_above(widgets.Textarea(placeholder="Type your answer here"), "Which <b>headline</b> is loaded?")
    state = box.get_state()
    assert state["description"] == "Which <b>headline</b> is loaded?" and state["description_allow_html"] is False
    assert state["_dom_classes"] == ("medialit-label-above",)


def test_labelling_a_box_again_changes_its_name_and_keeps_one_class():
    import ipywidgets as widgets

    box = label_above(label_above(widgets.Textarea(), "Notes on Report 001"), "Notes on Report 002")
    assert box.description == "Notes on Report 002" and box._dom_classes == ("medialit-label-above",)


def test_a_named_radio_group_carries_its_name_for_screen_readers_only_unless_visible():
    import ipywidgets as widgets

    group = name_group(widgets.RadioButtons(options=["Body", "Comment"], value=None), "Line 64: which part of the page?")
    state = group.get_state()
    assert state["description"] == "Line 64: which part of the page?"
    assert set(state["_dom_classes"]) == {"medialit-named-group", "medialit-unseen-name"}
    shown = name_group(group, "Line 64: which part of the page?", visible=True)
    assert shown._dom_classes == ("medialit-named-group",) and shown.value is None


def test_the_stylesheet_puts_a_box_label_above_it_and_hides_an_unseen_group_name_only_visually():
    above = re.search(r"\.medialit-label-above > \.widget-label \{([^}]*)\}", CSS).group(1)
    assert "white-space: normal" in above and "width: auto" in above
    assert re.search(r"\.medialit-label-above \{[^}]*flex-direction: column", CSS)
    unseen = re.search(r"\.medialit-unseen-name > \.widget-label \{([^}]*)\}", CSS).group(1)
    assert "clip: rect(0 0 0 0)" in unseen and "width: 1px" in unseen


def test_a_box_labelled_above_drops_a_fixed_height_that_would_now_hold_its_label_too():
    import ipywidgets as widgets

    box = label_above(widgets.Textarea(rows=2, layout=widgets.Layout(width="300px", height="60px")), "Your rewrite:")
    assert box.layout.height is None and box.layout.width == "300px" and box.rows == 2
