"""Report text can contain markup: every widget shows it as text, never as HTML."""

from __future__ import annotations

import pytest
from kit_testing import HOSTILE, all_html, assert_markup_is_escaped, assert_no_live_markup

import medialit.widgets as kit

# Every widget factory a notebook can call, with the arguments it needs.
FACTORIES = {
    "report_viewer": lambda: kit.report_viewer(),
    "question": lambda: kit.question("q", "Prompt <b>bold</b> <img src=x onerror=alert(1)>"),
    "name_box": lambda: kit.name_box(),
    "publisher_clues": lambda: kit.publisher_clues(),
    "story_intro": lambda: kit.story_intro(),
    "export_button": lambda: _named_export(),
}


def _named_export():
    kit.name_box().box.value = HOSTILE  # the name becomes the file name and shows in the message
    return kit.export_button()


@pytest.fixture
def hostile_session(hostile_story, work_folder):
    return kit.start("escaping", story_path=str(hostile_story))


@pytest.mark.parametrize("name", FACTORIES)
def test_widget_shows_hostile_markup_as_text(name, hostile_session):
    widget = FACTORIES[name]()
    for button in _buttons(widget):
        button.click()
    if name in ("question", "name_box"):
        widget.box.value = HOSTILE  # what a student types is shown back as text too
    if name == "export_button":  # shows no report text, only the (slugged) file name: no markup may get through
        assert "Exported" in widget.output.value
        assert_no_live_markup(all_html(widget))
        return
    assert_markup_is_escaped(all_html(widget))


def test_the_banner_escapes_the_story_title(hostile_story, work_folder):
    from medialit.widgets.common import banner

    current = kit.start("escaping", story_path=str(hostile_story))
    assert_markup_is_escaped(banner(current.story, current.work).value)


def test_the_report_menu_shows_hostile_headlines_as_plain_option_text(hostile_session):
    from medialit.widgets.common import report_menu

    menu = report_menu(hostile_session.story, help=HOSTILE)
    assert not menu.description_allow_html and any("<img" in label for label, _ in menu.options)


def test_kit_error_messages_are_escaped():
    from medialit.widgets.common import message_html

    assert_markup_is_escaped(message_html('Bad file <img src=x onerror="x()">'))


def _buttons(widget):
    import ipywidgets as widgets

    found = []

    def walk(node):
        if isinstance(node, widgets.Button):
            found.append(node)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return found
