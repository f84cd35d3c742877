"""Lesson 3 widgets: line up every report's version of a remark and judge the changes.

* :func:`quote_checker`: choose a remark and a reference; every report's version is
  lined up word by word against the reference (changes marked by symbols and colour);
  the student gives each version a verdict and a reason, then reveals the helper's flags.
* :func:`reference_table`: the published wordings of the statement (the translation
  chain), with their sources and the teaching notes.
* :func:`quote_places`: quotes that sit in a headline or standfirst next to the same
  report's body version of that remark.

Saved keys (in this lesson's work file)::

    "verdicts":  {group_key: {member_key: {"verdict": one of VERDICTS or "", "reason": "..."}}}
    "reference": {group_key: reference_token}
    "revealed":  [group_key, ...]             remarks whose helper flags were shown
    "quotecheck.remark": group_key            the remark chosen last

``group_key`` is ``"remark:<name>"`` for a remark that the story's ``reference_quotes.json``
names (``"remark:fire-points"``), else ``"quote:<report id>@<offset>"`` of the first report
that quotes it (the offset of the quote in the scraped page, which does not change between
runs). ``member_key`` is ``"<report id>@<offset>"``: one report can quote a remark twice
(standfirst and body). ``reference_token`` is ``"report:<member_key>"`` or
``"ref:<source>"`` (a published version, by its source as the reference file gives it).
"""

from __future__ import annotations

import re
from typing import Any, Union

import ipywidgets as widgets

from ..progress import LessonWork
from ..quotes.comparison import FLAG_TITLES
from ..quotes.keys import default_reference, group_key, has_other_version, member_key, resolve_reference
from ..quotes import (
    VERDICTS,
    Quote,
    QuoteGroup,
    ReferenceVersion,
    align_quotes,
    check_verdict,
    compare_quotes,
    helper_flags,
    is_other_language,
    reference_notes,
    reference_versions,
)
from ..story import Story
from ..text import line_at
from ..course import lesson
from ..quotes.placement import quote_setting, top_quotes
from .aria import name_group
from .common import KitBox, SavedBox, Status, esc, guarded, session, static_table

__all__ = ["quote_checker", "reference_table", "quote_places"]

VERDICT_LABELS: dict[str, str] = {
    "verbatim": "Verbatim",
    "minor wording": "Minor wording",
    "meaning changed": "Meaning changed",
    "different translation": "Different translation",
    "fragment": "Fragment",
}
VERDICT_TIPS: dict[str, str] = {
    "verbatim": "Word for word the same as the reference",
    "minor wording": "A few words differ but the meaning is the same",
    "meaning changed": "The changes alter what the speaker seems to say",
    "different translation": "Another translator's English for the same words in the original language",
    "fragment": "Only a piece of the reference sentence is quoted",
}
LANGUAGES = {"ru": "Russian", "en": "English", "fr": "French", "de": "German", "ar": "Arabic", "es": "Spanish",
             "other": "another language"}
ROLE_NAMES = {"headline": "headline", "standfirst": "standfirst (the line under the headline)", "body": "article body"}

# Okabe-Ito colours (safe for colour-blind readers); the symbol carries the meaning too.
CHIP = "display:inline-block;margin:2px 1px;padding:1px 4px;border-radius:4px;line-height:1.5;"
STYLE_CHANGED = CHIP + "background:#fbe3b5;border:1px solid #E69F00;color:#111"
STYLE_INSERTED = CHIP + "background:#d4e8f5;border:1px solid #0072B2;color:#111"
STYLE_DELETED = CHIP + "background:#f1f1f1;border:1px dashed #8a8a8a;color:#555;text-decoration:line-through"
STYLE_SAME = CHIP  # no background, so the theme's own text colour (light or dark)
ROW_STYLE = "font-size:15px;line-height:1.7;margin:2px 0 4px 0"

LEGEND = (
    '<div style="font-size:13px;margin:4px 0">'
    "<b>How to read the lines:</b> "
    f'<span style="{STYLE_SAME}">plain</span> same as the reference · '
    f'<span style="{STYLE_CHANGED}">≠ changed</span> different words (the reference\'s words follow in grey) · '
    f'<span style="{STYLE_INSERTED}">+ added</span> not in the reference · '
    f'<span style="{STYLE_DELETED}">− missing</span> in the reference but left out here'
    "</div>"
    # The verdicts' meanings as text (they were tooltips on ToggleButtons, which a keyboard user never sees).
    '<div style="font-size:13px;margin:4px 0"><b>The verdicts:</b> '
    + " · ".join(f"<b>{VERDICT_LABELS[v]}</b>: {VERDICT_TIPS[v]}" for v in VERDICT_TIPS)
    + "</div>"
)


# What a student reads when a remark has one version and nothing to compare it with (no file
# names: the student did not make the story).
LONE_INTRO = (
    "ℹ In this story no remark has a second version to compare with: each is quoted by one report only, and "
    "the story comes with no published wording of its quotes (such as the words a news agency first sent out).",
    "A verdict would compare a quote with itself, so there is none to give here. Check two things instead, "
    "for a few quotes: does the report say clearly who spoke (the kit's guess is shown, and it can be wrong)? "
    "And do the reporter's own words around the quote tell the same story as the words inside the marks?",
)
LONE_NOTE = (
    '<p style="margin:4px 0">ℹ Only one report quotes this remark, and there is no other version of it to compare '
    "with, so there is no verdict to give: it would compare the quote with itself. Read the report's sentence "
    "below instead: who does it say spoke, and does the kit agree? Do the reporter's words around the marks "
    "say the same as the words inside them?</p>"
)


# --- keys ------------------------------------------------------------------------------------


def ordered_groups(story: Any) -> list[QuoteGroup]:
    """The story's remarks: those with a second version to compare with first, then those quoted
    by the most reports (ties keep page order). A remark quoted once with no published version
    has nothing to be compared with, so it comes last."""
    groups = align_quotes(story)
    return sorted(groups, key=lambda g: (not has_other_version(g), -len(g.report_ids)))


def speaker_words(speaker: str) -> str:
    """Who the kit found said a quote, in words for the menu and the version boxes.

    Example:
        >>> speaker_words(""), speaker_words("Jo Lee")
        ('the kit found no speaker', 'said by Jo Lee')
    """
    return f"said by {speaker}" if speaker.strip() else "the kit found no speaker"


def reference_options(group: QuoteGroup, story: Story) -> list[tuple[str, str]]:
    """Menu entries for the reference: every report's version, then every published one."""
    options = [(_member_name(story, rid, q, group), f"report:{member_key(rid, q)}") for rid, q in group.members]
    for version in group.reference_versions:
        name = version.name or version.source
        if is_other_language(version):
            language = LANGUAGES.get(version.language.lower(), version.language)
            options.append((f"{name} (in {language}: shown as text, not lined up)", f"ref:{version.source}"))
        else:
            options.append((f"{name} (published version)", f"ref:{version.source}"))
    return options


def _speaker_html(speaker: str) -> str:
    return f' <span class="medialit-muted">· {esc(speaker_words(speaker))} (as the kit reads the page)</span>'


def _one_report_note(group: QuoteGroup) -> str:
    """What a student reads above the versions of a remark that only one report quotes (and that has
    something to compare with: a second place in that report, or a published version).

    Example:
        >>> quote, again = Quote("a b c", "x", 5, 10), Quote("a b", "x", 40, 43)
        >>> _one_report_note(QuoteGroup((("002", quote), ("002", again)), quote, "002", "a b c", "x"))
        'This report repeats the remark: compare its own versions with each other.'
    """
    if len(group.members) > 1:
        return "This report repeats the remark: compare its own versions with each other" + (
            ", and with the published version." if group.reference_versions else "."
        )
    return "Only one report quotes this remark: compare it with the published version."


def _member_name(story: Story, report_id: str, quote: Quote, group: QuoteGroup | None = None) -> str:
    """'Report 001, standfirst'; with the line of the page when the report quotes the remark twice in
    the same part (three boxes all called 'Report 108, article body' could not be told apart)."""
    try:
        report = story.report(report_id)
        name, page = report.name, report.raw_text
    except Exception:  # noqa: BLE001 - a group from another story: the id is name enough
        name, page = f"Report {report_id}", ""
    place = ROLE_NAMES.get(quote.role, quote.role or "page")
    label = f"{name}, {place.split(' (')[0]}"
    twins = [q for rid, q in (group.members if group else ()) if rid == report_id and q.role == quote.role]
    if len(twins) > 1 and page:
        label += f", line {line_at(page, quote.start)}"
    return label


def _reference_name(story: Story, group: QuoteGroup, reference: Union[Quote, ReferenceVersion], name: str) -> str:
    """The reference's name: a report's version is named like its box when the report has several."""
    for rid, quote in group.members:
        if quote is reference and len([r for r, _ in group.members if r == rid]) > 1:
            return _member_name(story, rid, quote, group)
    return name


# --- HTML --------------------------------------------------------------------------------------


def aligned_html(reference: Union[Quote, ReferenceVersion, str], version: Union[Quote, str]) -> str:
    """One version as a line of word chips marked against the reference, all text escaped.

    Example:
        >>> "≠" in aligned_html("they will be destroyed", "they will be suppressed")
        True
    """
    if isinstance(reference, ReferenceVersion) and is_other_language(reference):
        text = version.text if isinstance(version, Quote) else str(version)
        return f'<div style="{ROW_STYLE}">{esc(text)}</div>'
    chips: list[str] = []
    for op in compare_quotes(reference, version).ops:
        mine, theirs = " ".join(op.b_words), " ".join(op.a_words)
        if op.kind == "same":
            chips.append(f'<span style="{STYLE_SAME}">{esc(mine)}</span>')
        elif op.kind == "changed":
            chips.append(
                f'<span style="{STYLE_CHANGED}" title="reference: {esc(theirs)}">≠ {esc(mine)}'
                f' <span style="color:#5a5a5a;font-size:12px">(ref: {esc(theirs)})</span></span>'
            )
        elif op.kind == "inserted":
            chips.append(f'<span style="{STYLE_INSERTED}">+ {esc(mine)}</span>')
        else:
            chips.append(f'<span style="{STYLE_DELETED}">− {esc(theirs)}</span>')
    return f'<div style="{ROW_STYLE}">{"".join(chips)}</div>'


_SIDES = (
    (re.compile(r"\ba has\b"), "the reference has"),
    (re.compile(r"\bb has\b"), "this version has"),
    (re.compile(r"^b quotes only part of what a quotes"), "this version quotes only part of the reference"),
    (re.compile(r"^a quotes only part of what b quotes"), "the reference quotes only part of this version"),
    (re.compile(r"\ba is reported speech"), "the reference is reported speech"),
    (re.compile(r"\bb is reported speech"), "this version is reported speech"),
    (re.compile(r"^a: (.*); b: "), r"reference: \1; this version: "),
    (re.compile(r"is in (\w+)$"), lambda m: f"is in {LANGUAGES.get(m.group(1), m.group(1))}"),
)


def plain_detail(detail: str) -> str:
    """A flag's detail with "a"/"b" named as the reference and this version.

    Example:
        >>> plain_detail("a has '(x)'; b has '[y]'")
        "the reference has '(x)'; this version has '[y]'"
    """
    for pattern, replacement in _SIDES:
        detail = pattern.sub(replacement, detail)
    return detail


def flags_html(reference: Union[Quote, ReferenceVersion], version: Quote, verdict: str, reason: str) -> str:
    """The student's verdict beside the helper's flags, with whether they fit (escaped)."""
    flags = helper_flags(reference, version)
    if flags:
        items = "".join(
            f"<li>⚑ <b>{esc(FLAG_TITLES.get(f.kind, f.kind))}</b>: {esc(f.explanation)}"
            + (f' <span style="color:#5a5a5a">({esc(plain_detail(f.detail))})</span>' if f.detail else "")
            + "</li>"
            for f in flags
        )
        helper = f'<ul style="margin:2px 0;padding-left:18px">{items}</ul>'
    else:
        helper = "<p style=\"margin:2px 0\">✓ No flags: the same words as the reference.</p>"
    if verdict:
        yours = f"<b>{esc(VERDICT_LABELS.get(verdict, verdict))}</b>"
        if reason:
            yours += f"<br><i>because:</i> {esc(reason)}"
    else:
        yours = "<i>(no verdict given)</i>"
    fit = ""
    if verdict and not (isinstance(reference, ReferenceVersion) and is_other_language(reference)):
        fits, sentence = check_verdict(verdict, compare_quotes(reference, version))
        mark = '<span style="color:#1a7340">✓</span>' if fits else '<span style="color:#b35900">✗ look again:</span>'
        fit = f'<p style="margin:4px 0 0 0">{mark} {esc(sentence)}</p>'
    return (
        '<div style="display:flex;flex-wrap:wrap;gap:12px;background:#f6f8fa;color:#111;border-radius:6px;padding:6px 10px">'
        f'<div style="flex:1 1 200px"><b>Your verdict</b><br>{yours}</div>'
        f'<div style="flex:2 1 320px"><b>The helper\'s flags</b>{helper}</div>'
        f"</div>{fit}"
    )


# --- the quote checker -------------------------------------------------------------------------


class VersionRow(widgets.VBox):
    """One report's version: the aligned words, a verdict, a reason, and (after reveal) the flags."""

    def __init__(self, title: str, key: str, saved: dict, speaker: str = ""):
        self.key = key
        self.title = widgets.HTML()
        self.title_text = title
        self.speaker = speaker
        self.judgeable = True
        self.words = widgets.HTML()
        # Radio buttons in a row, not ToggleButtons: a screen reader hears which verdict is chosen
        # ("checked"); ToggleButtons only show it by a shade (jupyter-widgets/ipywidgets#2650).
        self.verdict = widgets.RadioButtons(
            options=[(VERDICT_LABELS[v], v) for v in VERDICTS],
            value=saved.get("verdict") if saved.get("verdict") in VERDICTS else None,
            orientation="horizontal",
            layout=widgets.Layout(width="auto"),
        )
        # A name a screen reader says on entering the group (defect 11): without it every version's
        # group sounds alike ("Verbatim, radio button"). The box's title already says it on screen.
        name_group(self.verdict, f"{title}: your verdict")
        self.reason = widgets.Text(
            value=str(saved.get("reason", "")),
            description="Why?",
            placeholder="optional: what changed, and does it matter?",
            continuous_update=False,
            layout=widgets.Layout(width="min(100%, 640px)"),
        )
        # The chosen toggle is only a shade darker: say it in words and a symbol too.
        self.chosen = widgets.HTML()
        self.verdict.observe(lambda change: self._show_choice(), names="value")
        self._show_choice()
        self.result = widgets.HTML()
        self.choice = widgets.HBox([self.verdict, self.chosen])
        super().__init__([self.title, self.words, self.choice, self.reason, self.result])
        self.layout = widgets.Layout(border="1px solid #cfcfcf", padding="4px 10px", margin="6px 0")
        self.add_class("medialit-quote-version")

    def set_judgeable(self, judgeable: bool) -> None:
        """Show the verdict and reason only where there is something to judge this version against."""
        self.judgeable = judgeable
        display = None if judgeable else "none"
        self.choice.layout.display = display
        self.reason.layout.display = display

    def _show_choice(self) -> None:
        value = self.verdict.value
        self.chosen.value = (
            f'<span style="margin-left:8px">✓ your verdict: <b>{esc(VERDICT_LABELS.get(value, value))}</b></span>'
            if value
            else '<span class="medialit-muted" style="margin-left:8px">no verdict yet</span>'
        )


class QuoteChecker(SavedBox):
    """Choose a remark and a reference, judge every report's version, then reveal the helper's flags.

    The saved answers (verdicts, chosen references, revealed remarks, the remark shown last)
    live in ``state``; the one observer of :class:`SavedBox` writes every change.
    """

    def __init__(self, story: Story, work: LessonWork):
        self.story, self.work = story, work
        self._ready = False  # until SavedBox has filled ``state``, saved answers are read from ``work``
        self.groups = ordered_groups(story)
        self.by_key = {group_key(g): g for g in self.groups}
        status = Status()
        self.status = status
        self.intro = widgets.HTML(self._intro_html())
        self.rows: list[VersionRow] = []
        keys = lesson("03-quote-fidelity").widget_keys
        if not self.groups:
            super().__init__(work, keys, [self.intro], status=status)
            self._ready = True
            self.add_class("medialit-quotecheck")
            return
        chosen = work.get("quotecheck.remark")
        self.remark = widgets.Dropdown(
            options=[(self._group_label(g), group_key(g)) for g in self.groups],
            value=chosen if chosen in self.by_key else group_key(self.groups[0]),
            description="Remark:",
            layout=widgets.Layout(width="min(100%, 760px)"),
        )
        self.reference = widgets.Dropdown(description="Reference:", layout=widgets.Layout(width="min(100%, 760px)"))
        self.reference_box = widgets.HTML()
        self.legend = widgets.HTML(LEGEND)
        self.versions = widgets.VBox()
        self.reveal = widgets.Button(
            description="Reveal the helper's flags", icon="flag", tooltip="Show what the helper noticed in each version",
            layout=widgets.Layout(width="auto"),
        )
        self.reveal.add_class("medialit-reveal")
        self._building = False
        self.remark.observe(guarded(self.status)(self._remark_changed), names="value")
        self.reference.observe(guarded(self.status)(self._reference_changed), names="value")
        self.reveal.on_click(guarded(self.status)(self._reveal))
        self._show_group()
        super().__init__(
            work,
            keys,
            [self.intro, self.remark, self.reference, self.reference_box, self.legend, self.versions, self.reveal, status],
            status=status,
        )
        self._ready = True
        self.add_class("medialit-quotecheck")

    # saved state

    def _saved(self, name: str, default: Any) -> Any:
        value = self.state.get(name) if self._ready else self.work.get(name)
        return value if isinstance(value, type(default)) else default

    @property
    def group(self) -> QuoteGroup:
        return self.by_key[self.remark.value]

    def _reference_token(self, group: QuoteGroup) -> str:
        token = self._saved("reference", {}).get(group_key(group))
        tokens = [t for _, t in reference_options(group, self.story)]
        return token if token in tokens else default_reference(group)

    def _group_verdicts(self, key: str) -> dict:
        entries = self._saved("verdicts", {}).get(key)
        return entries if isinstance(entries, dict) else {}

    def revealed(self, key: str) -> bool:
        return key in self._saved("revealed", [])

    # building the view

    def _intro_html(self) -> str:
        lines: list[str] = []
        if not self.groups:
            return (
                "<p>⚠ No quotations were found in the article text of this story's reports, "
                "so there is nothing to check here.</p>"
            )
        if not any(has_other_version(g) for g in self.groups):
            return "".join(f'<p style="margin:2px 0">{esc(line)}</p>' for line in LONE_INTRO)
        published = reference_versions(self.story) or getattr(self.story, "references", ())
        shared = any(len(g.report_ids) > 1 for g in self.groups)
        # One message for what the story has, so the lines never contradict each other.
        if not shared:
            lines.append(
                "ℹ No remark in this story is quoted by more than one report"
                + ("" if published else ", and the story comes with no published versions of its quotes (such as "
                   "the words a news agency first sent out)")
                + ", so there is nothing to line up across reports."
            )
            if any(g.reference_versions for g in self.groups):
                lines.append("Judge a report's quote against the published version of the remark.")
            if any(len(g.members) > 1 for g in self.groups):
                lines.append("Where a report quotes a remark more than once, compare its own versions with each other.")
        elif not published:
            lines.append(
                "ℹ This story comes with no published versions of its quotes (such as the words a news agency "
                "first sent out), so the reports are compared with each other."
            )
        lines.append(
            "Pick a remark, then give every version a verdict. When you have judged them, press "
            "“Reveal the helper's flags” to compare your verdicts with what the helper noticed."
        )
        if not all(has_other_version(g) for g in self.groups):
            lines.append(
                "Remarks quoted only once come last in the menu: with no other version to compare them with, "
                "they get no verdict; check who said them instead."
            )
        return "".join(f'<p style="margin:2px 0">{esc(line)}</p>' for line in lines)

    def _group_label(self, group: QuoteGroup) -> str:
        count = len(group.report_ids)
        reports = f"quoted by {count} report{'s' if count != 1 else ''}"
        if count == 1 and len(group.members) > 1:
            reports += f", {len(group.members)} times"
        prefix = f"{group.remark}: " if group.remark else ""
        return f"{prefix}“{group.label}”, {speaker_words(group.speaker)} ({reports})"

    def _show_group(self) -> None:
        group = self.group
        self._building = True
        try:
            self.reference.options = reference_options(group, self.story)
            self.reference.value = self._reference_token(group)
        finally:
            self._building = False
        verdicts = self._group_verdicts(group_key(group))
        self.rows = []
        for rid, quote in group.members:
            key = member_key(rid, quote)
            saved = verdicts.get(key, {}) if isinstance(verdicts.get(key), dict) else {}
            row = VersionRow(_member_name(self.story, rid, quote, group), key, saved, quote.speaker)
            row.verdict.observe(guarded(self.status)(lambda change, r=row: self._judged(r)), names="value")
            row.reason.observe(guarded(self.status)(lambda change, r=row: self._judged(r)), names="value")
            self.rows.append(row)
        self.versions.children = self.rows
        self._render()

    def _render(self) -> None:
        group = self.group
        lone = not has_other_version(group)
        # A remark with one version has no reference to choose, no lines to read and no flags.
        for control in (self.reference, self.legend, self.reveal):
            control.layout.display = "none" if lone else None
        if lone:
            self._render_lone(group)
            return
        reference, name = resolve_reference(group, self.reference.value)
        name = _reference_name(self.story, group, reference, name)
        self.reference_box.value = self._reference_html(group, reference, name)
        shown = self.revealed(group_key(group))
        for row, (rid, quote) in zip(self.rows, group.members):
            own = reference is quote
            marker = ' <span class="medialit-muted">(this is the reference)</span>' if own else ""
            row.title.value = f"<b>{esc(row.title_text)}</b>{marker}{_speaker_html(quote.speaker)}"
            row.words.value = aligned_html(reference, quote)
            row.set_judgeable(True)
            row.result.value = (
                flags_html(reference, quote, row.verdict.value or "", row.reason.value.strip()) if shown else ""
            )
        self.reveal.disabled = shown
        self.reveal.description = "The helper's flags are shown under each version" if shown else "Reveal the helper's flags"

    def _render_lone(self, group: QuoteGroup) -> None:
        """One version and nothing to compare it with: no verdict; who said it and the report's own words."""
        self.reference_box.value = LONE_NOTE
        for row, (rid, quote) in zip(self.rows, group.members):
            row.title.value = f"<b>{esc(row.title_text)}</b>{_speaker_html(quote.speaker)}"
            row.words.value = self._setting_html(rid, quote)
            row.set_judgeable(False)
            row.result.value = ""

    def _setting_html(self, report_id: str, quote: Quote) -> str:
        try:
            page = self.story.report(report_id).raw_text
        except Exception:  # noqa: BLE001 - a group from another story: the quote alone
            page = ""
        setting = quote_setting(page, quote)
        return (
            f'<div style="{ROW_STYLE}"><span class="medialit-muted">The report\'s sentence:</span> '
            f"{esc(setting.before)}<b>{esc(setting.quote)}</b>{esc(setting.after)}</div>"
        )

    def _reference_html(self, group: QuoteGroup, reference: Union[Quote, ReferenceVersion], name: str) -> str:
        source = ""
        if isinstance(reference, ReferenceVersion):
            source = f'<span style="color:#5a5a5a;font-size:13px">Source: {esc(reference.source)}</span>'
            if reference.speech == "indirect":
                source += (
                    '<br><span style="font-size:13px">⚑ In the original this is reported speech: what the speaker was '
                    "said to have said, not their exact words.</span>"
                )
        note = ""
        if isinstance(reference, ReferenceVersion) and is_other_language(reference):
            notes = "".join(f"<li>{esc(n)}</li>" for n in reference_notes(self.story))
            note = (
                f'<p style="margin:4px 0">ℹ The reference is in {esc(LANGUAGES.get(reference.language.lower(), reference.language))}, '
                "so the English versions below are shown as "
                "plain text, not lined up word by word: every English word is a translator's choice. Compare the "
                "meaning.</p>" + (f"<p style=\"margin:2px 0\"><b>Translator's notes:</b></p><ul>{notes}</ul>" if notes else "")
            )
        if len(group.report_ids) < 2:
            note += f'<p style="margin:4px 0">ℹ {esc(_one_report_note(group))}</p>'
        return (
            '<div style="border-left:4px solid #0072B2;padding:4px 10px;margin:6px 0;background:#f4f9fc;color:#111">'
            f"<b>Reference ({esc(name)}):</b>"
            f'<div style="{ROW_STYLE}">“{esc(reference.text)}”</div>{source}</div>{note}'
        )

    # callbacks

    def _remark_changed(self, change: dict) -> None:
        self.remember({"quotecheck.remark": change["new"]})
        self._show_group()

    def _reference_changed(self, change: dict) -> None:
        if self._building or change["new"] is None:
            return
        references = dict(self._saved("reference", {}))
        references[group_key(self.group)] = change["new"]
        self.remember({"reference": references})
        self._render()

    def _judged(self, row: VersionRow) -> None:
        verdicts = dict(self._saved("verdicts", {}))
        key = group_key(self.group)
        entries = dict(self._group_verdicts(key))
        entries[row.key] = {"verdict": row.verdict.value or "", "reason": row.reason.value.strip()}
        verdicts[key] = entries
        self.remember({"verdicts": verdicts})
        if self.revealed(key):
            self._render()

    def _reveal(self, button: widgets.Button) -> None:
        key = group_key(self.group)
        if not any(row.verdict.value for row in self.rows if row.judgeable):
            self.status.info("First give at least one version a verdict: the point is to compare your judgement with the helper's.")
            return
        revealed = list(self._saved("revealed", []))
        if key not in revealed:
            revealed.append(key)
        self.remember({"revealed": revealed})
        self._render()
        self.status.info("The helper's flags are shown under each version. Where it says ✗, look again.")

    def static_html(self) -> str:
        if not self.groups:
            return self._intro_html()
        parts = [self._intro_html()] + ([LEGEND] if any(has_other_version(g) for g in self.groups) else [])
        for group in self.groups:
            if not has_other_version(group):
                parts.append(f"<h4>{esc(self._group_label(group))}</h4>{LONE_NOTE}")
                parts.extend(
                    f"<p><b>{esc(_member_name(self.story, rid, quote, group))}</b>{_speaker_html(quote.speaker)}</p>"
                    + self._setting_html(rid, quote)
                    for rid, quote in group.members
                )
                continue
            token = self._reference_token(group)
            reference, name = resolve_reference(group, token)
            name = _reference_name(self.story, group, reference, name)
            parts.append(f"<h4>{esc(self._group_label(group))}</h4>" + self._reference_html(group, reference, name))
            saved = self._group_verdicts(group_key(group))
            for rid, quote in group.members:
                entry = saved.get(member_key(rid, quote), {}) if isinstance(saved.get(member_key(rid, quote)), dict) else {}
                verdict = VERDICT_LABELS.get(entry.get("verdict", ""), "") or "(no verdict yet)"
                parts.append(
                    f"<p><b>{esc(_member_name(self.story, rid, quote, group))}</b>: your verdict: {esc(verdict)}</p>"
                    + aligned_html(reference, quote)
                )
        return "".join(parts)


def quote_checker() -> QuoteChecker:
    """Every report's version of a remark lined up against a reference; judge each, then reveal the flags."""
    current = session()
    return QuoteChecker(current.story, current.work)


# --- the translation chain ---------------------------------------------------------------------


class ReferenceTable(KitBox):
    """The published wordings of the statement, remark by remark, with their sources."""

    def __init__(self, story: Story):
        self.story = story
        self.versions = reference_versions(story)
        self.notes = reference_notes(story) if self.versions else []
        self.folder = tuple(getattr(story, "references", ()) or ())
        super().__init__([widgets.HTML(self.static_html())])
        self.add_class("medialit-reference-table")

    def static_html(self) -> str:
        if self.folder:
            folder = self._folder_html()
            return folder if not self.versions else self._versions_html() + folder
        if not self.versions:
            return (
                "<p>ℹ This story comes with no published versions of its quotes (such as the speaker's words as a "
                "news agency first sent them out), so there is no chain to show here. Section 3 compares the "
                "reports' quotes with each other.</p>"
            )
        return self._versions_html()

    def _folder_html(self) -> str:
        """The story's references/ files: who published each, when, and its text."""
        rows = [[ref.source, ref.date or "(no date given)", ref.text] for ref in self.folder]
        return "<h4>Reference versions given with this story</h4>" + static_table(["Source", "Date", "Text"], rows)

    def _versions_html(self) -> str:
        parts: list[str] = []
        for remark in dict.fromkeys(v.remark for v in self.versions):
            rows = [
                [
                    v.name or v.source,
                    _language_name(v),
                    "reported speech" if v.speech == "indirect" else "direct quote",
                    v.text,
                    v.citation or v.source,
                ]
                for v in self.versions
                if v.remark == remark
            ]
            parts.append(f"<h4>The remark “{esc(remark)}”</h4>")
            parts.append(static_table(["Who published it", "Language", "In the original", "Wording", "Source"], rows))
        if self.notes:
            parts.append("<p><b>Notes:</b></p><ul>" + "".join(f"<li>{esc(n)}</li>" for n in self.notes) + "</ul>")
        return "".join(parts)


def _language_name(version: ReferenceVersion) -> str:
    """'English', or the language's name with "(the original)" for a version in another language."""
    name = LANGUAGES.get(version.language.lower(), version.language)
    return name if version.language.lower() in ("en", "") else f"{name} (the original)"


def reference_table() -> ReferenceTable:
    """The translation chain: the original and the agencies' English versions, with sources."""
    return ReferenceTable(session().story)


# --- headline versus body ------------------------------------------------------------------------


def headline_quote_rows(story: Story, groups: list[QuoteGroup]) -> list[list[str]]:
    """The table rows of :func:`medialit.quotes.placement.top_quotes`, in words for students."""
    rows: list[list[str]] = []
    for top in top_quotes(groups):
        name = _member_name(story, top.report_id, top.quote)
        if top.body is None:
            rows.append([name, top.quote.text, "(not quoted in the body)", "—"])
        else:
            notice = "; ".join(FLAG_TITLES.get(f.kind, f.kind) for f in top.flags) or "same words"
            rows.append([name, top.quote.text, top.body.text, notice])
    return rows


class QuotePlaces(KitBox):
    """Quotes that appear in a headline or standfirst, beside the body's version of the same remark."""

    def __init__(self, story: Story):
        self.story = story
        self.rows = headline_quote_rows(story, ordered_groups(story))
        super().__init__([widgets.HTML(self.static_html())])
        self.add_class("medialit-quote-places")

    def static_html(self) -> str:
        if not self.rows:
            return "<p>ℹ No report in this story puts a quotation in its headline or standfirst.</p>"
        return static_table(["Report and place", "Quote at the top", "The same remark in the body", "What the helper notices"], self.rows)


def quote_places() -> QuotePlaces:
    """Quotes at the top of a page (headline, standfirst) beside the body's version."""
    return QuotePlaces(session().story)


# --- evidence for lesson 5 ----------------------------------------------------------------------
