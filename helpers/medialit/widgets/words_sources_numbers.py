"""Lesson 4 widgets: word choice, sources, numbers and readability across the reports.

The widgets only show what the analysis modules return: :mod:`medialit.word_counts`,
:mod:`medialit.sources`, :mod:`medialit.quantities` and :mod:`medialit.reading_level`, over
the story's own word lists (:func:`medialit.terms.story_terms`). Each widget is a
:class:`~medialit.widgets.common.SavedBox`: its saved answers live in ``state``.

Saved keys (in ``04-words-sources-numbers.json``)::

    "terms":       {"group": "sides_government", "include_comments": false,
                    "report": "004", "seen": ["sides_government", "attribution"]}
    "sources":     {"report": "all"}          # "all" or a report id: whose table is shown
    "numbers":     {"report": "000"}          # the report whose numbers are listed
    "readability": {"seen": true}
    "stance", "trust-numbers", "readability-limits", "exit.1", "exit.2", "exit.3":
                   free-text answers (kit.question)

``terms.seen`` lists every word group the student has looked at; ``sources``,
``numbers`` and ``readability`` are written the first time their widget is shown,
so the lesson-5 evidence reports only the analysis the student has seen.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..progress import LessonWork
from ..quantities import compare_numbers, find_numbers
from ..reading_level import Readability, ease_words, report_readability
from ..sources import KIND_NAMES, Source, find_sources
from ..story import Story
from ..terms import TermGroup, Terms, story_terms
from ..word_counts import TermMatch, comment_difference, count_table, count_terms
from .common import ChartBox, SavedBox, esc, figure_png, guarded, new_figure, report_menu, session

__all__ = ["number_check", "readability_chart", "source_chart", "term_counts"]

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")

READABILITY_EXPLAINED = (
    "<p><b>What a readability formula measures.</b> Flesch Reading Ease and the Flesch-Kincaid grade "
    "use only two things: how many words a sentence has, and how many syllables a word has. Long "
    "sentences and long words give a lower reading ease (harder) and a higher grade (the US school "
    "year a reader would need).</p>"
    "<p><b>What it cannot say.</b> It cannot tell whether a report is true, fair or balanced, or whether "
    "its words are loaded: 'slammed' and 'said' have one syllable each. A short, easy sentence "
    "can still be false or one-sided.</p>"
    "<p><i>The kit runs offline, so textstat counts syllables with a hyphenation dictionary. Scores can "
    "differ by a point or two from online calculators.</i></p>"
)

# The lesson-5 evidence (medialit.evidence) still imports these from here; they now live in the
# analysis modules, and these names go when it imports them from there.
# --------------------------------------------------------------------------- display helpers


def _label(report: Any, width: int = 16) -> str:
    # matplotlib reads '$...$' as maths; a label from story.json must show as typed.
    name = report.name if len(report.name) <= width else report.name[: width - 1] + "…"
    return name.replace("$", r"\$")


def _marked(sentence: str, words: str) -> str:
    """The sentence escaped, with the matched words highlighted (both escaped)."""
    at = sentence.find(words)
    if at < 0:
        return esc(sentence)
    return esc(sentence[:at]) + f"<mark><b>{esc(words)}</b></mark>" + esc(sentence[at + len(words):])


TABLE_STYLE = "border-collapse:collapse;margin:4px 0 8px;font-size:13px;max-width:100%"
CELL_STYLE = "padding:4px 10px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left"


def _html_table(headers: list[str], rows: list[list[str]], nowrap: tuple[int, ...] = ()) -> str:
    """A padded table whose cells are already-escaped HTML; columns in ``nowrap`` never wrap."""
    head = "".join(f"<th style='{CELL_STYLE};border-bottom:2px solid #999'>{esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f"<td style='{CELL_STYLE}{';white-space:nowrap' if index in nowrap else ''}'>{cell}</td>"
            for index, cell in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f'<table class="medialit-table" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def table_html(headers: list[str], rows: list[list[object]], nowrap: tuple[int, ...] = ()) -> str:
    """A padded table of plain values, every cell escaped.

    Example:
        >>> "&lt;b&gt;" in table_html(["a"], [["<b>"]])
        True
    """
    return _html_table(headers, [[esc(cell) for cell in row] for row in rows], nowrap)


def _update_chart(chart: ChartBox, figure: Any, caption: str, headers: list[str], rows: list[list[object]]) -> None:
    """Redraw a ChartBox in place, so an opened 'Show the numbers' stays open."""
    chart.png = figure_png(figure)
    chart.caption, chart.headers, chart.rows = caption, headers, rows
    chart.image.value = chart.png
    chart.alt = chart.image.alt = caption  # the alt text says what the chart now shows
    chart.table.value = table_html(headers, rows, nowrap=(0,))
    chart.children[0].value = f"<b>{esc(caption)}</b>"


class _LessonBox(SavedBox):
    """A SavedBox that records, once and quietly, that the student opened it (for the lesson-5 evidence)."""

    def _record_opening(self, key: str, value: dict) -> None:
        if not isinstance(self.state.get(key), dict):
            self.remember({key: value})
            # Opening is not something the student did: no "Saved" line under an untouched chart.
            if "medialit-ok" in self.status.value:
                self.status.value = ""

    def _saved(self, key: str) -> dict:
        value = self.state.get(key)
        return value if isinstance(value, dict) else {}


# --------------------------------------------------------------------------- word choice


def term_figure(story: Story, group: TermGroup, table: dict[str, dict[str, int]], include_comments: bool) -> Any:
    """Grouped bars: one group of bars per report, one bar per term."""
    figure = new_figure(7.5, 3.6)
    axes = figure.add_subplot()
    names = list(group.terms)
    width = 0.8 / max(1, len(names))
    for index, term in enumerate(names):
        xs = [i + (index - (len(names) - 1) / 2) * width for i in range(len(story.reports))]
        values = [table[r.id][term] for r in story.reports]
        axes.bar(xs, values, width, label=term.replace("$", r"\$"), color=COLOURS[index % len(COLOURS)],
                 hatch=HATCHES[index % len(HATCHES)], edgecolor="white")
    axes.set_xticks(range(len(story.reports)), [_label(r) for r in story.reports])
    axes.set_ylabel("Times used")
    axes.set_xlabel("Article body + reader comments" if include_comments else "Article body only")
    axes.yaxis.get_major_locator().set_params(integer=True)
    if not any(v for row in table.values() for v in row.values()):
        axes.set_ylim(0, 1)
        axes.text(0.5, 0.5, "None of these words appear", transform=axes.transAxes, ha="center", va="center")
    axes.legend(title="Word", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return figure

class TermCounter(_LessonBox):
    """Pick a word group and whether to count reader comments; the chart and sentences follow."""

    def __init__(self, story: Story, work: LessonWork, terms: Terms | None = None, key: str = "terms"):
        self.story, self.key = story, key
        self.terms = terms or story_terms(story)
        super().__init__(work, keys=(key,))
        saved = self._saved(key)
        ids = [g.id for g in self.terms.groups]
        group = saved.get("group") if saved.get("group") in ids else ids[0]
        self.seen: list[str] = [g for g in saved.get("seen", []) if g in ids] if isinstance(saved.get("seen"), list) else []
        self.picker = widgets.Dropdown(
            options=[(g.title, g.id) for g in self.terms.groups], value=group, description="Word group:",
            tooltip="Choose which group of words to count in every report",
            style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 620px)"),
        )
        self.comments = widgets.Checkbox(value=bool(saved.get("include_comments", False)),
                                         description="Include reader comments", indent=False,
                                         layout=widgets.Layout(width="auto", margin="0 0 0 16px"))
        self.difference = widgets.HTML()
        self.empty = widgets.HTML()
        self.chart = ChartBox(new_figure(1, 1), "", [], [])
        self.report_picker = report_menu(story, saved.get("report"), description="Read the sentences in:",
                                         help="Choose the report whose sentences with these words are listed")
        self.matches = widgets.HTML()
        changed = guarded(self.status)(self._changed)
        self.picker.observe(changed, names="value")
        self.comments.observe(changed, names="value")
        self.report_picker.observe(changed, names="value")
        self._render()
        self._record_opening(key, self._choices())
        self.children = [
            widgets.HBox([self.picker, self.comments], layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            self.chart, self.empty, self.difference, self.report_picker, self.matches, self.status,
        ]
        self.add_class("medialit-terms")

    @property
    def group(self) -> TermGroup:
        return self.terms.group(self.picker.value)

    def table(self) -> dict[str, dict[str, int]]:
        """{report id: {term: count}} as currently chosen."""
        return count_table(self.story, [self.group], self.comments.value)

    def _changed(self, change: dict) -> None:
        self._render()
        self.remember({self.key: self._choices()})

    def _choices(self) -> dict:
        return {
            "group": self.picker.value,
            "include_comments": bool(self.comments.value),
            "report": self.report_picker.value,
            "seen": list(self.seen),
        }

    def _render(self) -> None:
        group, include = self.group, bool(self.comments.value)
        if group.id not in self.seen:
            self.seen.append(group.id)
        table = self.table()
        names = list(group.terms)
        where = "article body + reader comments" if include else "article body only"
        caption = f"{group.title}: times each word is used ({where})"
        rows = [[r.name, *[table[r.id][t] for t in names]] for r in self.story.reports]
        _update_chart(self.chart, term_figure(self.story, group, table, include), caption, ["Report", *names], rows)
        total = sum(v for row in table.values() for v in row.values())
        self.empty.value = (
            f"<p>⚑ None of these words appear in any report ({esc(where)}). The chart shows zeros.</p>" if total == 0 else ""
        )
        self.difference.value = self.difference_html()
        self.matches.value = self.matches_html()

    def difference_sentences(self) -> list[str]:
        """Plain sentences saying what the reader comments add to the counts."""
        added = comment_difference(self.story, self.group)
        if not added:
            return ["None of these pages has reader comments that the kit found, so the box changes nothing here."]
        verb = "add" if self.comments.value else "would add"
        sentences = []
        for report_id, terms in added.items():
            name = self.story.report(report_id).name
            if terms:
                parts = ", ".join(f"{n} × '{term}'" for term, n in terms.items())
                sentences.append(f"Comments {verb} {parts} in {name}.")
            else:
                sentences.append(f"The reader comments in {name} use none of these words.")
        if not self.comments.value and any(added.values()):
            sentences.append("Tick 'Include reader comments' to add them to the chart.")
        return sentences

    def difference_html(self) -> str:
        return "<p><b>What the reader comments change:</b><br>" + "<br>".join(esc(s) for s in self.difference_sentences()) + "</p>"

    def matches_html(self) -> str:
        report = self.story.report(self.report_picker.value)
        found: list[TermMatch] = list(count_terms(report, [self.group], self.comments.value).matches)
        if not found:
            return f"<p><i>No words from this group in {esc(report.name)}.</i></p>"
        rows = [[esc(m.term), esc(f"{'comment' if m.part == 'comment' else 'body'}, line {m.line}"),
                 _marked(m.sentence, m.text)] for m in found]
        return _html_table(["Word", "Where", "Sentence"], rows, nowrap=(0, 1))

    def static_html(self) -> str:
        return self.chart.static_html() + self.empty.value + self.difference_html()


def term_counts() -> TermCounter:
    """Choose a word group and whether to include reader comments; see the counts per report."""
    current = session()
    return TermCounter(current.story, current.work)


# --------------------------------------------------------------------------- sources


def source_figure(story: Story, found: dict[str, list[Source]]) -> Any:
    """Stacked bars: how many sources of each kind every report cites."""
    figure = new_figure(7.5, 3.6)
    axes = figure.add_subplot()
    bottoms = [0] * len(story.reports)
    for index, kind in enumerate(KIND_NAMES):
        values = [sum(1 for s in found[r.id] if s.kind == kind) for r in story.reports]
        axes.bar(range(len(story.reports)), values, 0.6, bottom=bottoms, label=KIND_NAMES[kind][1].capitalize(),
                 color=COLOURS[index], hatch=HATCHES[index], edgecolor="white")
        bottoms = [b + v for b, v in zip(bottoms, values)]
    axes.set_xticks(range(len(story.reports)), [_label(r) for r in story.reports])
    axes.set_ylabel("Sources cited")
    axes.yaxis.get_major_locator().set_params(integer=True)
    if not any(bottoms):
        axes.set_ylim(0, 1)
        axes.text(0.5, 0.5, "No sources found", transform=axes.transAxes, ha="center", va="center")
    axes.legend(title="Kind of source", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return figure

class SourceChart(_LessonBox):
    """Who each report cites, by kind, and the sentence that shows each source."""

    def __init__(self, story: Story, work: LessonWork, key: str = "sources", terms: Terms | None = None):
        self.story, self.key = story, key
        terms = terms or story_terms(story)
        super().__init__(work, keys=(key,))
        self.found = {r.id: find_sources(r, terms=terms) for r in story.reports}
        headers = ["Report", *[KIND_NAMES[k][1].capitalize() for k in KIND_NAMES]]
        rows = [[r.name, *[sum(1 for s in self.found[r.id] if s.kind == k) for k in KIND_NAMES]] for r in story.reports]
        self.chart = ChartBox(source_figure(story, self.found), "Sources each report cites, by kind", headers, rows)
        self.chart.table.value = table_html(headers, rows, nowrap=(0,))
        self.picker = report_menu(story, self._saved(key).get("report"), description="Show the sources of:",
                                  help="Choose whose sources the table lists: all reports or one",
                                  everything="All reports", default="all")
        self.list = widgets.HTML()
        self.picker.observe(guarded(self.status)(self._changed), names="value")
        self._render()
        self._record_opening(key, {"report": self.picker.value})
        self.children = [self.chart, self.picker, self.list, self.status]
        self.add_class("medialit-sources")

    def _changed(self, change: dict) -> None:
        self._render()
        self.remember({self.key: {"report": change["new"]}})

    def _render(self) -> None:
        self.list.value = self.list_html(self.picker.value)

    def list_html(self, choice: str) -> str:
        reports = self.story.reports if choice == "all" else (self.story.report(choice),)
        rows = [[r.name, KIND_NAMES.get(s.kind, (s.kind,))[0], s.name, s.mentions, s.evidence]
                for r in reports for s in self.found[r.id]]
        if not rows:
            return "<p><i>The kit found no cited sources here: no agency, official or outlet is given words.</i></p>"
        return table_html(["Report", "Kind", "Source", "Mentions", "Sentence that shows it"], rows, nowrap=(0,))

    def static_html(self) -> str:
        return self.chart.static_html() + self.list_html("all")


def source_chart() -> SourceChart:
    """A chart of the kinds of source each report cites, with the sentences."""
    current = session()
    return SourceChart(current.story, current.work)


# --------------------------------------------------------------------------- numbers


#: A symbol beside each verdict, so that it is never shown by colour alone.
VERDICT_SYMBOLS = {True: "✓", False: "≠", None: "–"}


class NumberCheck(_LessonBox):
    """Numbers lined up where reports talk about the same thing, and every number in one report."""

    def __init__(self, story: Story, work: LessonWork, key: str = "numbers", terms: Terms | None = None):
        self.story, self.key = story, key
        self.comparisons = compare_numbers(story, terms=terms or story_terms(story))
        super().__init__(work, keys=(key,))
        self.lined_up = widgets.HTML(self.comparison_html())
        self.picker = report_menu(story, self._saved(key).get("report"), description="Every number in:",
                                  help="Choose the report whose numbers are all listed")
        self.list = widgets.HTML()
        self.picker.observe(guarded(self.status)(self._changed), names="value")
        self._render()
        self._record_opening(key, {"report": self.picker.value})
        self.children = [self.lined_up, self.picker, self.list, self.status]
        self.add_class("medialit-numbers")

    def _changed(self, change: dict) -> None:
        self._render()
        self.remember({self.key: {"report": change["new"]}})

    def _render(self) -> None:
        self.list.value = self.numbers_html(self.picker.value)

    def comparison_html(self) -> str:
        if not self.comparisons:
            return ("<p><i>The kit found no two reports giving a number for the same kind of thing, so nothing is "
                    "lined up here. List every number of each report below and look for two that measure the same "
                    "thing.</i></p>")
        parts = []
        for comparison in self.comparisons:
            rows = [[report.name, mention.as_written, mention.given_by_words, mention.sentence]
                    for report in self.story.reports for mention in comparison.mentions.get(report.id, ())]
            parts.append(f"<h4 style='margin:12px 0 4px'>{esc(comparison.title)}</h4>"
                         f"<p><b>{VERDICT_SYMBOLS[comparison.agree]} {esc(comparison.verdict)}</b></p>")
            if rows:
                parts.append(table_html(["Report", "Number", "Whose figure", "Sentence"], rows, nowrap=(0, 1)))
            if comparison.questions:
                parts.append("<ul>" + "".join(f"<li>{esc(q)}</li>" for q in comparison.questions) + "</ul>")
        return "".join(parts)

    def numbers_html(self, report_id: str) -> str:
        report = self.story.report(report_id)
        found = find_numbers(report)
        if not found:
            return f"<p><i>The kit found no numbers in the body of {esc(report.name)}.</i></p>"
        rows = [[m.measure, m.text + (" (restates the number before)" if m.restates else ""), m.unit or "–",
                 m.given_by_words, m.sentence] for m in found]
        return table_html(["What it measures", "Number as written", "Unit", "Whose figure", "Sentence"], rows, nowrap=(0,))

    def static_html(self) -> str:
        return self.comparison_html()


def number_check() -> NumberCheck:
    """Where the reports give numbers for the same thing, who gives each, and every number in a report."""
    current = session()
    return NumberCheck(current.story, current.work)


# --------------------------------------------------------------------------- readability


def readability_figure(story: Story, scores: dict[str, dict[str, Readability]]) -> Any:
    """Two panels: Reading Ease (higher is easier) and grade (higher is harder), body and with comments."""
    figure = new_figure(8, 3.6)
    ease_axes, grade_axes = figure.subplots(1, 2)
    xs = list(range(len(story.reports)))
    with_comments = any("with comments" in scores[r.id] for r in story.reports)
    series = [("body", "Article body")] + ([("with comments", "Body + reader comments")] if with_comments else [])
    width = 0.8 / len(series)
    for axes, attribute, title in ((ease_axes, "reading_ease", "Reading ease (higher = easier)"),
                                   (grade_axes, "grade", "School grade (higher = harder)")):
        for index, (part, label) in enumerate(series):
            shown = [(x, getattr(scores[r.id][part], attribute)) for x, r in zip(xs, story.reports) if part in scores[r.id]]
            offset = (index - (len(series) - 1) / 2) * width
            axes.bar([x + offset for x, _ in shown], [v for _, v in shown], width, label=label,
                     color=COLOURS[index], hatch=HATCHES[index], edgecolor="white")
        axes.set_xticks(xs, [_label(r, 12) for r in story.reports], rotation=30 if len(xs) > 4 else 0,
                        ha="right" if len(xs) > 4 else "center")
        axes.set_title(title, fontsize=10)
        axes.spines[["top", "right"]].set_visible(False)
    ease_axes.set_ylim(0, 100)
    ease_axes.axhspan(60, 70, color="#dddddd", zorder=0)
    ease_axes.text(len(xs) - 0.5, 65, "plain English", ha="right", va="center", fontsize=8, color="#444444")
    ease_axes.set_ylabel("Score")
    grade_axes.set_ylabel("US school year")
    if with_comments:
        figure.legend(*grade_axes.get_legend_handles_labels(), loc="outside lower center", ncols=2, frameon=False)
    return figure

class ReadabilityChart(_LessonBox):
    """Reading ease, grade and sentence length of each report body, with what a formula can and cannot say."""

    def __init__(self, story: Story, work: LessonWork, key: str = "readability"):
        self.story, self.key = story, key
        super().__init__(work, keys=(key,))
        self.scores = {r.id: report_readability(r) for r in story.reports}
        headers = ["Report", "Text", "Words", "Sentences", "Words per sentence", "Reading ease", "Grade"]
        rows: list[list[object]] = []
        for report in story.reports:
            for part, score in self.scores[report.id].items():
                rows.append([report.name, "article body" if part == "body" else "body + reader comments", score.words,
                             score.sentences, score.sentence_length,
                             f"{score.reading_ease:g} ({ease_words(score.reading_ease)})", f"{score.grade:g}"])
        self.chart = ChartBox(readability_figure(story, self.scores),
                              "How hard each report is to read, by the Flesch formulas", headers, rows)
        self.chart.table.value = table_html(headers, rows, nowrap=(0,))
        self.explained = widgets.HTML(READABILITY_EXPLAINED)
        empty = [r.name for r in story.reports if self.scores[r.id]["body"].words == 0]
        self.note = widgets.HTML(
            f"<p>⚑ No article body found in: {esc(', '.join(empty))}, so its scores are 0.</p>" if empty else ""
        )
        self._record_opening(key, {"seen": True})
        self.children = [self.chart, self.note, self.explained]
        self.add_class("medialit-readability")

    def static_html(self) -> str:
        return self.chart.static_html() + self.note.value + READABILITY_EXPLAINED


def readability_chart() -> ReadabilityChart:
    """Reading ease and grade of every report body, charted, with what the numbers can and cannot tell."""
    current = session()
    return ReadabilityChart(current.story, current.work)


# --------------------------------------------------------------------------- evidence for lesson 5
