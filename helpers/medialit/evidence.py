"""Each lesson's evidence for the verdict (lesson 5): plain-English lines per report from its saved answers.

Every function here has the same shape, ``evidence(answers, story) -> {report_id: [line, ...]}``
(``"*"`` for lines about the whole story), reads the answers with :mod:`medialit.answers`, and
never raises on partial or odd answers. :mod:`medialit.course` lists which lesson uses which.

Example:
    >>> from medialit import load_story
    >>> start_here_evidence({"not-article": "Report 004 has comments."}, load_story())["004"][-1]
    'You wrote (What is not the article): “Report 004 has comments.”'
"""

from __future__ import annotations

import re
from typing import Any, Union

from .answers import read_labels, read_tags, read_verdicts
from .headlines import check_rewrite, compare_tags, rank_headlines
from .page_makeup import page_parts
from .quantities import compare_numbers
from .reading_level import ease_words, readability
from .sources import KIND_NAMES, find_sources, kind_words
from .story import Story
from .terms import story_terms
from .text import SHORT_LINE, line_at, shorten
from .word_counts import count_terms, times
from .word_lists import category_title

#: Evidence about the whole story rather than one report.
ALL_REPORTS = "*"
#: Long free-text answers are shortened in evidence lines so the table stays readable.
MAX_QUOTE = SHORT_LINE
#: The id of a word group the kit proposed from one report's distinctive words, before the report's id
#: (:func:`medialit.distinctive_words.propose_terms` names them so).
DISTINCT_PREFIX = "distinct_"
#: Lesson 0's free-text questions and how an answer is introduced in an evidence line.
START_HERE_QUESTIONS = {
    "not-article": "What is not the article",
    "publisher-clues": "Clues to the publisher",
    "first-impression": "First impression of the headlines",
}


# --- lesson 0 -----------------------------------------------------------------------------------


def start_here_evidence(answers: dict, story: Story) -> dict[str, list[str]]:
    """Evidence from lesson 0: the clues on each page, and the student's answers.

    An answer that names a report ("report 4", "004" or its label) is filed under that
    report; other answers are about the whole story (key ``"*"``). Nothing counts until
    the student has answered something or revealed the clues.

    Example:
        >>> from medialit import load_story
        >>> start_here_evidence({"viewer.report": "002"}, load_story())
        {}
    """
    answers = answers if isinstance(answers, dict) else {}
    texts = {key: str(answers.get(key) or "").strip() for key in START_HERE_QUESTIONS}
    if not any(texts.values()) and not answers.get("viewer.clues_shown"):
        return {}
    found: dict[str, list[str]] = {}
    for report in story.reports:
        found[report.id] = [f"Clue on the page: {clue}" for clue in report.publisher_clues]
    for key, text in texts.items():
        if not text:
            continue
        line = f"You wrote ({START_HERE_QUESTIONS[key]}): “{shorten(text)}”"
        named = [report.id for report in story.reports if _mentions(text, report.id, report.label)]
        for report_id in named or [ALL_REPORTS]:
            found.setdefault(report_id, []).append(line)
    return {report_id: lines for report_id, lines in found.items() if lines}


def _mentions(text: str, report_id: str, label: str) -> bool:
    # Bare small numbers are too often line numbers, so a number needs the word "report".
    lowered = text.lower()
    if re.search(rf"(?<!\d){re.escape(report_id)}(?!\d)", lowered):
        return True
    if report_id.isdigit() and re.search(rf"\breports?\s+0*{int(report_id)}\b", lowered):
        return True
    return bool(label) and label.lower() in lowered


# --- lesson 1 -----------------------------------------------------------------------------------


def article_parts_evidence(answers: dict, story: Story) -> dict[str, list[str]]:
    """Lesson 1: how the student labelled each page, their checked score, and the helper's page parts.

    Example:
        >>> from medialit import load_story
        >>> article_parts_evidence({"labeller.labels": {"004": {"34": {"group": "comment", "role": ""}}}}, load_story())["004"][0]
        'You labelled 1 of 23 paragraphs: 0 body, 1 comment, 0 other.'
    """
    read = read_labels(answers)
    result: dict[str, list[str]] = {}
    for report in story.reports:
        lines: list[str] = []
        groups = [label.group for label in read.labels.get(report.id, {}).values()]
        if groups:
            lines.append(
                f"You labelled {len(groups)} of {len(report.blocks)} paragraphs: {groups.count('body')} body, "
                f"{groups.count('comment')} comment, {groups.count('other')} other."
            )
        score = read.checked.get(report.id)
        if score is not None:
            lines.append(f"Checked against the answer key: {score.right} of {score.scored} paragraphs right.")
        parts = page_parts(report.blocks)
        lines.append(f"Helper: the article is {parts.body_share:.0%} of the page's {parts.total_words} words.")
        comments = [block for block in report.blocks if block.group == "comment"]
        if comments:
            # Paragraphs, not comments: one reader's comment may run to several paragraphs, and the
            # kit cannot always tell where one comment ends and the next begins.
            count = len(comments)
            lines.append(f"Helper: {count} comment {'paragraph' if count == 1 else 'paragraphs'} "
                         f"({parts.comment_words} words) below the article.")
        result[report.id] = lines
    return result


# --- lesson 2 -----------------------------------------------------------------------------------


def loaded_headlines_evidence(answers: dict, story: Story) -> dict[str, list[str]]:
    """Lesson 2: the loaded words the student tagged, the helper's ranking, agreement and their rewrite.

    Example:
        >>> from medialit import load_story
        >>> tags = {"004": [{"start": 7, "end": 16, "word": "Threatens", "category": "emotive_verb"}]}
        >>> loaded_headlines_evidence({"tags": tags}, load_story())["004"][0]
        'You tagged 1 loaded word: Threatens (Fighting words).'
    """
    answers = answers if isinstance(answers, dict) else {}
    read = read_tags(answers, story)
    ranked = rank_headlines(story)
    scores = [r.score for r in ranked]
    lines: dict[str, list[str]] = {}
    for report in story.reports:
        mine: list[str] = []
        report_tags = read.tags.get(report.id)
        if report_tags:
            words = ", ".join(f"{t.word} ({category_title(t.category)})" for t in report_tags)
            count = len(report_tags)
            mine.append(f"You tagged {count} loaded {'word' if count == 1 else 'words'}: {words}.")
        elif report_tags == []:
            mine.append("You found no loaded words in this headline.")
        ranked_here = next(r for r in ranked if r.report_id == report.id)
        flagged = ", ".join(flag.word for flag in ranked_here.flags) or "nothing"
        mine.append(
            f"Helper: headline loadedness {ranked_here.score:g} per 10 words "
            f"({_rank_words(ranked_here.score, scores)}); it flags {flagged}."
        )
        if report_tags is not None:
            as_saved = [{"start": t.start, "end": t.end, "word": t.word, "category": t.category} for t in report_tags]
            rows = compare_tags(report.headline, as_saved)
            both = sum(row.agreement == "both" for row in rows)
            if rows:
                mine.append(f"You and the helper agreed on {both} of {len(rows)} marked words.")
        rewrite = read.rewrites.get(report.id)
        if rewrite and rewrite.strip():
            check = check_rewrite(report.headline, rewrite)
            mine.append(f"Your neutral rewrite: \"{check.rewrite.strip()[:200]}\" (helper score {check.before:g} → {check.after:g}).")
        lines[report.id] = mine
    return lines


def _rank_words(score: float, scores: list[float]) -> str:
    """Where ``score`` stands among every headline's ``scores``, most loaded first; equal scores are joint.

    Two headlines with the same score must not read as one more loaded than the other, so a
    headline shares the place of every headline with its score ("joint 2nd", as in a sports table).

    Example:
        >>> [_rank_words(s, [1.67, 5.0, 1.67]) for s in (5.0, 1.67)]
        ['the most loaded of 3', 'joint least loaded of 3']
    """
    total = len(scores)
    higher = sum(other > score for other in scores)
    lower = sum(other < score for other in scores)
    joint = total - higher - lower > 1
    if total == 1:
        return "the only headline"
    if joint and higher == 0 and lower == 0:
        return f"all {total} score the same"
    if higher == 0:
        return f"joint most loaded of {total}" if joint else f"the most loaded of {total}"
    if lower == 0:
        return f"joint least loaded of {total}" if joint else f"the least loaded of {total}"
    position = higher + 1
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"joint {position}{suffix} most loaded of {total}" if joint else f"{position}{suffix} most loaded of {total}"


# --- lesson 3 -----------------------------------------------------------------------------------


def quote_fidelity_evidence(answers: dict, story: Any) -> dict[str, list[str]]:
    """Lesson 3: each verdict the student gave and, where they revealed it, the helper's flags.

    Example:
        >>> from medialit import load_story
        >>> quote_fidelity_evidence({}, load_story())
        {}
    """
    from .quotes import Quote, ReferenceVersion, align_quotes, helper_flags
    from .quotes.comparison import FLAG_TITLES
    from .quotes.keys import compared_with_itself, default_reference, group_key, member_key, resolve_reference

    read = read_verdicts(answers)
    found: dict[str, list[str]] = {}
    if not read.verdicts:
        return found
    try:
        groups = {group_key(g): g for g in align_quotes(story)}
    except Exception:  # noqa: BLE001 - evidence must never stop the verdict lesson
        groups = {}
    for gkey, entries in read.verdicts.items():
        group = groups.get(gkey)
        label = f"“{group.label}”" if group else str(gkey)
        reference: Union[Quote, ReferenceVersion, None] = None
        ref_name = ""
        token = (read.references.get(gkey) or default_reference(group)) if group else ""
        if group:
            reference, ref_name = resolve_reference(group, token)
        members = {member_key(r, q): (r, q) for r, q in group.members} if group else {}
        for mkey, entry in entries.items():
            if group and compared_with_itself(group, token, mkey):
                continue  # a quote judged against itself (the reference, or a remark with one version) shows nothing
            rid = members[mkey][0] if mkey in members else str(mkey).split("@")[0]
            against = ref_name or "the reference"
            if isinstance(reference, Quote) and token.startswith(f"report:{rid}@") and rid in story.ids:
                # A report's own repeated quote: "against report 108" would read as another report.
                against = f"its own version on line {line_at(story.report(rid).raw_text, reference.start)}"
            line = f"You judged its quote {label} against {against}: {entry.verdict}"
            if entry.reason:
                line += f" (because: {entry.reason})"
            found.setdefault(rid, []).append(line)
            if group and mkey in members and gkey in read.revealed and reference is not None:
                flags = helper_flags(reference, members[mkey][1])
                names = ", ".join(FLAG_TITLES.get(f.kind, f.kind).lower() for f in flags) or "no flags"
                found[rid].append(f"Helper on that quote: {names}")
    return found


# --- lesson 4 -----------------------------------------------------------------------------------


def words_sources_numbers_evidence(answers: dict, story: Story) -> dict[str, list[str]]:
    """Lesson 4: the word counts, sources, numbers and reading levels of the analyses the student opened.

    Example:
        >>> from medialit import load_story
        >>> words_sources_numbers_evidence({"readability": {"seen": True}}, load_story())["000"]
        ['Reading ease 54 (fairly difficult), grade 11, 21.5 words per sentence']
    """
    lines: dict[str, list[str]] = {r.id: [] for r in story.reports}
    answers = answers if isinstance(answers, dict) else {}
    terms = story_terms(story)  # the word lists the lesson-4 widgets showed: the story's own first
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
                parts = ", ".join(f"'{term}' {times(n)}" for term, n in counts.body.items() if n)
                added = ", ".join(f"'{term}' {times(n)}" for term, n in counts.comments.items() if n)
                heading = _group_heading(group.id, group.title, story)
                if parts:
                    line = f"{heading}: {parts} in the body"
                else:
                    line = f"{heading}: none in the body" if added else f"{heading}: none in this report"
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
                    said = ", ".join(dict.fromkeys(m.as_written for m in mentions))
                    # "differs", not "is wrong": two figures may count different places, days or things.
                    verdict = "fits the other reports" if comparison.agree else "differs from another report's figure"
                    lines[report_id].append(f"{comparison.title}: says {said}, which {verdict}")
    if isinstance(answers.get("readability"), dict):
        for report in story.reports:
            score = readability(report.body_text)
            lines[report.id].append(
                f"Reading ease {score.reading_ease:.0f} ({ease_words(score.reading_ease)}), grade {score.grade:.0f}, "
                f"{score.sentence_length:g} words per sentence"
            )
    return lines


def _group_heading(group_id: str, title: str, story: Story) -> str:
    """How an evidence line names a word group: a report's own words by that report's name.

    The kit titles a report's distinctive words "Words Report 021 uses more than the others";
    on another report's row that title reads as if it were about the row's report, so the line
    names whose words they are instead. Every other group keeps the title the student saw.

    Example:
        >>> from medialit import load_story
        >>> story = load_story()
        >>> _group_heading("distinct_004", "Words Report 004 uses more than the others", story)
        "Report 004's own words"
        >>> _group_heading("sides_isis", "Naming Islamic State", story)
        'Naming Islamic State'
    """
    owner = group_id.removeprefix(DISTINCT_PREFIX) if group_id.startswith(DISTINCT_PREFIX) else ""
    if owner in story.ids:
        return f"{story.report(owner).name}'s own words"
    return title
