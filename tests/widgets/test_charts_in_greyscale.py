"""Every chart the kit draws is readable without colour (issue 14 item 4) and has alt text (item 2).

Each chart is drawn from the bundled story and the sample class, as the notebooks draw it. Where a
chart shows several bar series, each has its own hatching; where it shows several lines, each has
its own marker: told apart in greyscale and by colour-blind readers.
"""

from __future__ import annotations

import pytest
from matplotlib.container import BarContainer

import medialit.widgets as kit
from medialit.widgets import common
from medialit.widgets.aria import Picture

# (the lesson whose session draws it, the factory the notebook calls)
CHARTS = {
    "lesson 1: parts of each page": ("01-what-is-the-article", "page_parts_chart"),
    "lesson 2: the class's tags": ("02-loaded-headlines", "class_tags"),
    "lesson 4: word groups": ("04-words-sources-numbers", "term_counts"),
    "lesson 4: sources": ("04-words-sources-numbers", "source_chart"),
    "lesson 4: readability": ("04-words-sources-numbers", "readability_chart"),
    "teacher: lesson 1 labels": ("teacher-class-work", "class_labels"),
    "teacher: lesson 2 tags": ("teacher-class-work", "class_headline_tags"),
    "teacher: lesson 3 verdicts": ("teacher-class-work", "class_quote_verdicts"),
    "teacher: lesson 5 rankings": ("teacher-class-work", "class_rankings"),
}


@pytest.fixture
def drawn(monkeypatch, work_folder):
    """Every matplotlib Figure turned into a chart image while the test runs."""
    figures = []
    render = common.figure_png

    def record(figure):
        figures.append(figure)
        return render(figure)

    monkeypatch.setattr(common, "figure_png", record)
    monkeypatch.setattr("medialit.widgets.words_sources_numbers.figure_png", record)
    return figures


def draw(name: str):
    lesson, factory = CHARTS[name]
    kit.start(lesson)
    return getattr(kit, factory)()


def look_alike_series(figure) -> list[str]:
    """Series in one chart that only colour tells apart."""
    problems = []
    for axes in figure.axes:
        bars = [c for c in axes.containers if isinstance(c, BarContainer) and c.patches]
        hatches = [c.patches[0].get_hatch() or "" for c in bars]
        if len(set(hatches)) < len(hatches):
            problems.append(f"{len(bars)} bar series share hatches {hatches} in {axes.get_title()!r}")
        lines = [line for line in axes.get_lines() if not line.get_label().startswith("_")]
        markers = [str(line.get_marker()) for line in lines]
        if len(lines) > 1 and (len(set(markers)) < len(markers) or {"None", ""} & set(markers)):
            problems.append(f"{len(lines)} lines share markers {markers} in {axes.get_title()!r}")
    return problems


@pytest.mark.parametrize("name", CHARTS)
def test_each_series_of_a_chart_has_its_own_hatching_or_marker(name, drawn):
    draw(name)
    assert drawn, f"{name}: no chart was drawn"
    problems = [problem for figure in drawn for problem in look_alike_series(figure)]
    assert not problems, f"{name}: " + "; ".join(problems)


def test_the_check_finds_two_bar_series_told_apart_only_by_colour():
    figure = common.new_figure()
    axes = figure.add_subplot()
    axes.bar([0, 1], [1, 2], color="#0072B2", label="one")
    axes.bar([0, 1], [2, 1], bottom=[1, 2], color="#E69F00", label="two")
    assert look_alike_series(figure)
    axes.containers[1].patches[0].set_hatch("//")
    assert not look_alike_series(figure)


def chart_boxes(widget) -> list[common.ChartBox]:
    if isinstance(widget, common.ChartBox):
        return [widget]
    return [box for child in getattr(widget, "children", ()) for box in chart_boxes(child)]


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_image_has_alt_text_that_says_what_it_shows(name, drawn):
    boxes = chart_boxes(draw(name))
    assert boxes, f"{name}: no chart shown"
    for box in boxes:
        assert isinstance(box.image, Picture) and len(box.image.alt.split()) >= 4, box.image
