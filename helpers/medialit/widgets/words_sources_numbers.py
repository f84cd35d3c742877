"""Lesson 4 widgets: word choice, sources, numbers and readability across the reports.

The widgets only show what :mod:`medialit.wording` and :mod:`medialit.reading_level`
return; the small helpers here turn those results into chart rows and plain sentences.

Saved keys (in ``04-words-sources-numbers.json``)::

    "terms":       {"group": "sides_government", "include_comments": false,
                    "report": "004", "seen": ["sides_government", "attribution"]}
    "sources":     {"report": "all"}          # "all" or a report id: whose table is shown
    "numbers":     {"report": "000"}          # the report whose numbers are listed
    "readability": {"seen": true}
    "stance", "trust-numbers", "readability-limits": free-text answers (kit.question)

``terms.seen`` lists every word group the student has looked at; ``sources``,
``numbers`` and ``readability`` are written the first time their widget is shown,
so :func:`evidence` reports only the analysis the student has seen.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..progress import LessonWork
from ..reading_level import Readability, readability
from ..story import Report, Story
from ..quantities import NumberComparison, NumberMention, compare_numbers, find_numbers
from ..sources import Source, find_sources
from ..terms import Terms, TermGroup, load_terms
from ..word_counts import TermMatch, count_terms
from .common import ChartBox, KitBox, Status, esc, figure_png, guarded, new_figure, session

__all__ = ["number_check", "readability_chart", "source_chart", "term_counts"]

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")

KIND_NAMES: dict[str, tuple[str, str]] = {
    "news_agency": ("news agency", "news agencies"),
    "named_official": ("named official", "named officials"),
    "anonymous": ("anonymous source", "anonymous sources"),
    "institution": ("government or organisation", "governments or organisations"),
    "other_outlet": ("other news outlet", "other news outlets"),
}

# The usual bands for Flesch Reading Ease, as listed in textstat's documentation.
EASE_BANDS: tuple[tuple[float, str], ...] = (
    (90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
    (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"),
)

READABILITY_EXPLAINED = (
    "<p><b>What a readability formula measures.</b> Flesch Reading Ease and the Flesch-Kincaid grade "
    "use only two things: how many words a sentence has, and how many syllables a word has. Long "
    "sentences and long words give a lower reading ease (harder) and a higher grade (the US school "
    "year a reader would need).</p>"
    "<p><b>What it cannot say.</b> It cannot tell whether a report is true, fair or balanced, or whether "
    "its words are loaded: 'regime' and 'government' both have a few syllables. A short, easy sentence "
    "can still be false or one-sided.</p>"
    "<p><i>The kit runs offline, so textstat counts syllables with a hyphenation dictionary. Scores can "
    "differ by a point or two from online calculators.</i></p>"
)


# --------------------------------------------------------------------------- plain helpers


def ease_words(score: float) -> str:
    """Flesch's plain-words band for a Reading Ease score.

    Example:
        >>> ease_words(54.2)
        'fairly difficult'
    """
    for floor, words in EASE_BANDS:
        if score >= floor:
            return words
    return EASE_BANDS[-1][1]  # pragma: no cover - the last floor is -inf


def kind_words(kind: str, n: int) -> str:
    """'1 named official', '2 anonymous sources': a source kind with its count.

    Example:
        >>> kind_words("anonymous", 2)
        '2 anonymous sources'
    """
    one, many = KIND_NAMES.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return f"{n} {one if n == 1 else many}"


def has_comments(report: Report) -> bool:
    """Whether the kit found reader comments on this page."""
    return any(block.role == "comment" for block in report.blocks)


def comments_text(report: Report) -> str:
    return "\n\n".join(block.text for block in report.blocks if block.role == "comment")


def report_readability(report: Report) -> dict[str, Readability]:
    """Readability of the article body, and of body plus comments when the page has comments.

    Example:
        >>> from medialit import load_story
        >>> sorted(report_readability(load_story().report("004")))
        ['body', 'with comments']
    """
    scores = {"body": readability(report.body_text)}
    if has_comments(report):
        scores["with comments"] = readability(report.body_text + "\n\n" + comments_text(report))
    return scores


def comment_difference(story: Story, group: TermGroup, terms: Terms | None = None) -> dict[str, dict[str, int]]:
    """For each report with comments: how many of each term the comments add (zeros left out).

    Example:
        >>> from medialit import load_story
        >>> from medialit.terms import load_terms
        >>> comment_difference(load_story(), load_terms().group("sides_government"))
        {'004': {'regime': 2, 'government': 3}}
    """
    added: dict[str, dict[str, int]] = {}
    for report in story.reports:
        if not has_comments(report):
            continue
        counts = count_terms(report, [group], include_comments=True, terms=terms).comments
        added[report.id] = {term: n for term, n in counts.items() if n}
    return added


def _label(report: Report, width: int = 16) -> str:
    # matplotlib reads '$...$' as maths; a label from story.json must show as typed.
    name = report.name if len(report.name) <= width else report.name[: width - 1] + "…"
    return name.replace("$", r"\$")


def _times(n: int) -> str:
    return f"{n} time" if n == 1 else f"{n} times"


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
    chart.table.value = table_html(headers, rows, nowrap=(0,))
    chart.children[0].value = f"<b>{esc(caption)}</b>"


def _remember(work: LessonWork, key: str, value: dict) -> None:
    """Write a widget's first saved value, leaving earlier choices alone."""
    if not isinstance(work.get(key), dict):
        work.set(key, value)


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


class TermCounter(KitBox):
    """Pick a word group and whether to count reader comments; the chart and sentences follow."""

    def __init__(self, story: Story, work: LessonWork, terms: Terms | None = None, key: str = "terms"):
        self.story, self.work, self.key = story, work, key
        self.terms = terms or load_terms()
        saved = work.get(key) if isinstance(work.get(key), dict) else {}
        ids = [g.id for g in self.terms.groups]
        group = saved.get("group") if saved.get("group") in ids else ids[0]
        report = saved.get("report") if saved.get("report") in story.ids else story.ids[0]
        self.seen: list[str] = [g for g in saved.get("seen", []) if g in ids] if isinstance(saved.get("seen"), list) else []
        self.picker = widgets.Dropdown(
            options=[(g.title, g.id) for g in self.terms.groups], value=group, description="Word group:",
            style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 620px)"),
        )
        self.comments = widgets.Checkbox(value=bool(saved.get("include_comments", False)),
                                         description="Include reader comments", indent=False,
                                         layout=widgets.Layout(width="auto", margin="0 0 0 16px"))
        self.difference = widgets.HTML()
        self.empty = widgets.HTML()
        self.chart = ChartBox(new_figure(1, 1), "", [], [])
        self.report_picker = widgets.Dropdown(
            options=[(r.name, r.id) for r in story.reports], value=report, description="Read the sentences in:",
            style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 420px)"),
        )
        self.matches = widgets.HTML()
        self.status = Status()
        changed = guarded(self.status)(self._changed)
        self.picker.observe(changed, names="value")
        self.comments.observe(changed, names="value")
        self.report_picker.observe(changed, names="value")
        self._render()
        _remember(work, key, self._choices())
        super().__init__([
            widgets.HBox([self.picker, self.comments], layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            self.chart, self.empty, self.difference, self.report_picker, self.matches, self.status,
        ])
        self.add_class("medialit-terms")

    @property
    def group(self) -> TermGroup:
        return self.terms.group(self.picker.value)

    def table(self) -> dict[str, dict[str, int]]:
        """{report id: {term: count}} as currently chosen."""
        return {r.id: count_terms(r, [self.group], self.comments.value, self.terms).counts for r in self.story.reports}

    def _changed(self, change: dict) -> None:
        self._render()
        self.work.set(self.key, self._choices())
        self.status.saved()

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
        added = comment_difference(self.story, self.group, self.terms)
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
        found: list[TermMatch] = list(count_terms(report, [self.group], self.comments.value, self.terms).matches)
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


class SourceChart(KitBox):
    """Who each report cites, by kind, and the sentence that shows each source."""

    def __init__(self, story: Story, work: LessonWork, key: str = "sources"):
        self.story, self.work, self.key = story, work, key
        self.found = {r.id: find_sources(r) for r in story.reports}
        headers = ["Report", *[KIND_NAMES[k][1].capitalize() for k in KIND_NAMES]]
        rows = [[r.name, *[sum(1 for s in self.found[r.id] if s.kind == k) for k in KIND_NAMES]] for r in story.reports]
        self.chart = ChartBox(source_figure(story, self.found), "Sources each report cites, by kind", headers, rows)
        self.chart.table.value = table_html(headers, rows, nowrap=(0,))
        saved = work.get(key) if isinstance(work.get(key), dict) else {}
        choice = saved.get("report") if saved.get("report") in ["all", *story.ids] else "all"
        self.picker = widgets.Dropdown(
            options=[("All reports", "all"), *[(r.name, r.id) for r in story.reports]], value=choice,
            description="Show the sources of:", style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 420px)"),
        )
        self.list = widgets.HTML()
        self.status = Status()
        self.picker.observe(guarded(self.status)(self._changed), names="value")
        self._render()
        _remember(work, key, {"report": choice})
        super().__init__([self.chart, self.picker, self.list, self.status])
        self.add_class("medialit-sources")

    def _changed(self, change: dict) -> None:
        self._render()
        self.work.set(self.key, {"report": change["new"]})
        self.status.saved()

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


def verdict_words(comparison: NumberComparison) -> str:
    """A plain verdict with a symbol: ✗ cannot both be true, ✓ fit together, or – nothing to compare.

    Example:
        >>> from medialit import load_story
        >>> verdict_words(compare_numbers(load_story())[0])
        '✗ These cannot both be true.'
    """
    giving = sum(1 for ms in comparison.mentions.values() if ms)
    if comparison.agree is None:
        return "– No report gives a number for this." if giving == 0 else "– Only one report gives a number: nothing to compare."
    if comparison.agree:
        return "✓ These fit together."
    return "✗ These cannot both be true." if giving == 2 else "✗ These cannot all be true."


def _number_words(mention: NumberMention) -> str:
    return f"{mention.qualifier} {mention.text}".strip() if mention.qualifier and not mention.text.lower().startswith(mention.qualifier) else mention.text


class NumberCheck(KitBox):
    """Numbers lined up where reports talk about the same thing, and every number in one report."""

    def __init__(self, story: Story, work: LessonWork, key: str = "numbers"):
        self.story, self.work, self.key = story, work, key
        self.comparisons = compare_numbers(story)
        self.lined_up = widgets.HTML(self.comparison_html())
        saved = work.get(key) if isinstance(work.get(key), dict) else {}
        report = saved.get("report") if saved.get("report") in story.ids else story.ids[0]
        self.picker = widgets.Dropdown(
            options=[(r.name, r.id) for r in story.reports], value=report, description="Every number in:",
            style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 420px)"),
        )
        self.list = widgets.HTML()
        self.status = Status()
        self.picker.observe(guarded(self.status)(self._changed), names="value")
        self._render()
        _remember(work, key, {"report": report})
        super().__init__([self.lined_up, self.picker, self.list, self.status])
        self.add_class("medialit-numbers")

    def _changed(self, change: dict) -> None:
        self._render()
        self.work.set(self.key, {"report": change["new"]})
        self.status.saved()

    def _render(self) -> None:
        self.list.value = self.numbers_html(self.picker.value)

    def comparison_html(self) -> str:
        if not self.comparisons:
            return "<p><i>The word-list file has no number topics to compare.</i></p>"
        parts = []
        for comparison in self.comparisons:
            rows = []
            for report in self.story.reports:
                for mention in comparison.mentions.get(report.id, ()):
                    rows.append([report.name, _number_words(mention), mention.sentence])
            parts.append(f"<h4 style='margin:12px 0 4px'>{esc(comparison.title)}</h4>"
                         f"<p><b>{esc(verdict_words(comparison))}</b></p>")
            if rows:
                parts.append(table_html(["Report", "Number", "Sentence"], rows, nowrap=(0, 1)))
        return "".join(parts)

    def numbers_html(self, report_id: str) -> str:
        report = self.story.report(report_id)
        found = find_numbers(report)
        if not found:
            return f"<p><i>The kit found no numbers in the body of {esc(report.name)}.</i></p>"
        rows = [[m.measure, m.text + (" (restates the number before)" if m.restates else ""), m.unit or "–", m.sentence]
                for m in found]
        return table_html(["What it measures", "Number as written", "Unit", "Sentence"], rows, nowrap=(0,))

    def static_html(self) -> str:
        return self.comparison_html()


def number_check() -> NumberCheck:
    """Where the reports give different numbers for the same thing, and every number in a report."""
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


class ReadabilityChart(KitBox):
    """Reading ease, grade and sentence length of each report body, with what a formula can and cannot say."""

    def __init__(self, story: Story, work: LessonWork, key: str = "readability"):
        self.story, self.work, self.key = story, work, key
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
        _remember(work, key, {"seen": True})
        super().__init__([self.chart, self.note, self.explained])
        self.add_class("medialit-readability")

    def static_html(self) -> str:
        return self.chart.static_html() + self.note.value + READABILITY_EXPLAINED


def readability_chart() -> ReadabilityChart:
    """Reading ease and grade of every report body, charted, with what the numbers can and cannot tell."""
    current = session()
    return ReadabilityChart(current.story, current.work)


# --------------------------------------------------------------------------- evidence for lesson 5


def evidence(answers: dict, story: Story) -> dict[str, list[str]]:
    """Per-report lines from the lesson-4 analysis the student looked at (see the module docstring).

    Example:
        >>> from medialit import load_story
        >>> evidence({"readability": {"seen": True}}, load_story())["000"]
        ['Reading ease 54 (fairly difficult), grade 11, 21.5 words per sentence']
    """
    lines: dict[str, list[str]] = {r.id: [] for r in story.reports}
    answers = answers if isinstance(answers, dict) else {}
    terms = load_terms()
    chosen = answers.get("terms") if isinstance(answers.get("terms"), dict) else None
    if chosen is not None:
        ids = [g.id for g in terms.groups]
        seen = [g for g in chosen.get("seen", []) if g in ids] if isinstance(chosen.get("seen"), list) else []
        if chosen.get("group") in ids and chosen["group"] not in seen:
            seen.append(chosen["group"])
        for group_id in seen:
            group = terms.group(group_id)
            for report in story.reports:
                counts = count_terms(report, [group], terms=terms)
                parts = ", ".join(f"'{term}' {_times(n)}" for term, n in counts.body.items() if n)
                added = ", ".join(f"'{term}' {_times(n)}" for term, n in counts.comments.items() if n)
                line = f"{group.title}: {parts} in the body" if parts else f"{group.title}: none of these words in the body"
                lines[report.id].append(line + (f"; reader comments add {added}" if added else ""))
    if isinstance(answers.get("sources"), dict):
        for report in story.reports:
            found = find_sources(report)
            kinds = [kind_words(kind, n) for kind in KIND_NAMES if (n := sum(1 for s in found if s.kind == kind))]
            lines[report.id].append("Cites " + ", ".join(kinds) if kinds else "Cites no source the kit could find")
    if isinstance(answers.get("numbers"), dict):
        for comparison in compare_numbers(story, terms=terms):
            if comparison.agree is None:
                continue
            for report_id, mentions in comparison.mentions.items():
                if mentions and report_id in lines:
                    said = ", ".join(dict.fromkeys(_number_words(m) for m in mentions))
                    verdict = "fits the other reports" if comparison.agree else "disagrees with another report"
                    lines[report_id].append(f"{comparison.title}: says {said}, which {verdict}")
    if isinstance(answers.get("readability"), dict):
        for report in story.reports:
            score = readability(report.body_text)
            lines[report.id].append(
                f"Reading ease {score.reading_ease:.0f} ({ease_words(score.reading_ease)}), grade {score.grade:.0f}, "
                f"{score.sentence_length:g} words per sentence"
            )
    return lines
