"""Two versions of a quote lined up word by word, what a reader should notice, and the lesson-3 verdicts."""

from __future__ import annotations

import difflib
import re
from typing import Union

from medialit.quotes.records import Quote, QuoteComparison, QuoteFlag, ReferenceVersion, WordOp
from medialit.quotes.vocabulary import Synonyms, _key, _same_remark, _similarity, _speakers_differ, content_words

# --- compare_quotes ---------------------------------------------------------------------------

_EXPLAIN = {
    "brackets": "Square brackets mark words the editor added; they were not said.",
    "parentheses": (
        "Round brackets inside a quote usually hold an explanation added by the writer or "
        "translator, not words the speaker said."
    ),
    "ellipsis": "The dots (... or …) show that words were cut out of the quote. Ask what was left out.",
    "changed_words": (
        "Some words are different: the quote was reworded or translated differently, "
        "so it is not word for word the same."
    ),
    "partial": (
        "Only part of the sentence is inside the quote marks; the rest was left out or put "
        "in the reporter's own words."
    ),
    "speaker": "The two versions name different people as the speaker. Check who really said it.",
    "indirect_speech": (
        "In the original this was reported speech (what the speaker was said to have said), not "
        "their exact words, yet here it is printed in quote marks."
    ),
}


def _text_and_speaker(item: Union[str, Quote, ReferenceVersion]) -> tuple[str, str | None, str]:
    if isinstance(item, (Quote, ReferenceVersion)):
        speech = item.speech if isinstance(item, ReferenceVersion) else "direct"
        return item.text, item.speaker, speech
    return (item if isinstance(item, str) else str(item)), None, "direct"


def compare_quotes(
    a: Union[str, Quote, ReferenceVersion],
    b: Union[str, Quote, ReferenceVersion],
    *,
    synonyms: Synonyms | None = None,
) -> QuoteComparison:
    """Line up two versions of a quote word by word and flag what a reader should notice.

    Words are compared ignoring capitals and punctuation ("US" and "U.S." match).
    Flags: square brackets, round brackets and dots in either version; changed words;
    a partial quote (one is a trimmed piece of the other); a different speaker (when
    both sides say who spoke); reported speech printed as a quote (reference versions).
    ``synonyms`` (a story's translation variants, :func:`reference_synonyms`) only
    affect ``similarity`` and ``same_remark``: the word-by-word line-up shows every change.

    Example:
        >>> c = compare_quotes("Fire points in those areas will be immediately suppressed",
        ...                    "Firing positions in those areas will be immediately suppressed")
        >>> [(op.kind, " ".join(op.a_words), " ".join(op.b_words)) for op in c.ops][0]
        ('changed', 'Fire points', 'Firing positions')
    """
    a_text, a_speaker, a_speech = _text_and_speaker(a)
    b_text, b_speaker, b_speech = _text_and_speaker(b)
    a_words, b_words = a_text.split(), b_text.split()
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in a_words], [_key(w) for w in b_words], autojunk=False)
    kinds = {"equal": "same", "replace": "changed", "insert": "inserted", "delete": "deleted"}
    ops = tuple(
        WordOp(kinds[tag], tuple(a_words[i1:i2]), tuple(b_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    flags: list[QuoteFlag] = []
    for kind, pattern in (("brackets", r"\[[^\]]*\]"), ("parentheses", r"\([^)]*\)"), ("ellipsis", r"\.\.\.|…")):
        found = [(side, m.group(0)) for side, text in (("a", a_text), ("b", b_text)) for m in re.finditer(pattern, text)]
        if found:
            detail = "; ".join(f"{side} has {text!r}" for side, text in found[:4])
            flags.append(QuoteFlag(kind, _EXPLAIN[kind], detail))
    inner = ops[1:-1] if len(ops) > 2 else ()
    edge_only = all(op.kind == "same" for op in inner)
    changed = [op for op in ops if op.kind == "changed"] + [op for op in inner if op.kind in ("inserted", "deleted")]
    if changed and not (edge_only and not any(op.kind == "changed" for op in ops)):
        detail = "; ".join(
            f"{' '.join(op.a_words) or '(nothing)'} → {' '.join(op.b_words) or '(nothing)'}" for op in changed[:4]
        )
        flags.append(QuoteFlag("changed_words", _EXPLAIN["changed_words"], detail))
    partial = _partial(ops, len(a_words), len(b_words))
    if partial:
        flags.append(QuoteFlag("partial", _EXPLAIN["partial"], partial))
    if a_speaker and b_speaker and _speakers_differ(a_speaker, b_speaker):
        flags.append(QuoteFlag("speaker", _EXPLAIN["speaker"], f"a: {a_speaker}; b: {b_speaker}"))
    for side, speech in (("a", a_speech), ("b", b_speech)):
        if speech == "indirect":
            flags.append(QuoteFlag("indirect_speech", _EXPLAIN["indirect_speech"], f"{side} is reported speech"))
    a_content, b_content = content_words(a_text, synonyms), content_words(b_text, synonyms)
    return QuoteComparison(
        a=a_text,
        b=b_text,
        ops=ops,
        flags=tuple(flags),
        similarity=round(_similarity(a_content, b_content), 3),
        same_remark=_same_remark(a_content, b_content, a_speaker or "", b_speaker or ""),
    )


def _partial(ops: tuple[WordOp, ...], n_a: int, n_b: int) -> str:
    """Why one version is a piece of the other, or '' when it is not."""
    if not n_a or not n_b or n_a == n_b:
        return ""
    shorter, longer = ("a", "b") if n_a < n_b else ("b", "a")
    same = sum(len(op.a_words) for op in ops if op.kind == "same")
    extra_side = "inserted" if shorter == "a" else "deleted"
    edges = [op for op in (ops[0], ops[-1]) if op.kind == extra_side]
    edge_words = sum(max(len(op.a_words), len(op.b_words)) for op in edges)
    if same >= 0.6 * min(n_a, n_b) and edge_words >= 2 and min(n_a, n_b) <= 0.85 * max(n_a, n_b):
        return f"{shorter} quotes only part of what {longer} quotes ({edge_words} words fewer at the edges)"
    return ""

# --- judging a version against a reference (lesson 3) ----------------------------------------

#: The verdicts a student can give a version of a quote, compared with the reference.
VERDICTS: tuple[str, ...] = ("verbatim", "minor wording", "meaning changed", "different translation", "fragment")
#: What each kind of flag is called where students read it.
FLAG_TITLES: dict[str, str] = {
    "brackets": "Square brackets",
    "parentheses": "Round brackets",
    "ellipsis": "Dots (…)",
    "changed_words": "Changed words",
    "partial": "Only part of the sentence",
    "speaker": "Different speaker",
    "indirect_speech": "Reported speech in the original",
    "translation": "Another language",
}

_OTHER_LANGUAGE = (
    "The reference is in another language, so the English words cannot be lined up with it: every "
    "English version is a translator's choice. Compare the meaning, not the words."
)
# Flags that still mean something when the reference is in another language: they are about
# marks in the quote or about what kind of speech the original was, not about matching words.
_CROSS_LANGUAGE_KINDS = ("brackets", "parentheses", "ellipsis", "indirect_speech")


def is_other_language(version: Union[Quote, ReferenceVersion]) -> bool:
    """True for a published version that is not in English (it cannot be aligned word by word).

    Example:
        >>> is_other_language(ReferenceVersion("Izvestia", "warning", "…будут пресекаться", "ru"))
        True
    """
    return isinstance(version, ReferenceVersion) and version.language.lower() not in ("en", "")


def helper_flags(
    reference: Union[str, Quote, ReferenceVersion], version: Union[str, Quote, ReferenceVersion]
) -> tuple[QuoteFlag, ...]:
    """What the helper notices about ``version`` against ``reference``.

    For an English reference these are :func:`compare_quotes` flags. For a reference in
    another language only the flags that do not depend on matching words are kept, plus a
    ``"translation"`` flag saying that words cannot be compared across languages.

    Example:
        >>> ru = ReferenceVersion("Izvestia", "fire-points", "Огневые точки … будут подавлены", "ru", speech="indirect")
        >>> [f.kind for f in helper_flags(ru, "Fire points will be suppressed")]
        ['translation', 'ellipsis', 'indirect_speech']
    """
    comparison = compare_quotes(reference, version)
    if isinstance(reference, ReferenceVersion) and is_other_language(reference):
        kept = tuple(f for f in comparison.flags if f.kind in _CROSS_LANGUAGE_KINDS)
        return (QuoteFlag("translation", _OTHER_LANGUAGE, f"the reference is in {reference.language}"),) + kept
    return comparison.flags


def word_changes(comparison: QuoteComparison) -> dict[str, int]:
    """How many words of b were changed or inserted, and how many of a's were left out.

    Example:
        >>> word_changes(compare_quotes("they will all be destroyed", "they will be suppressed"))
        {'changed': 1, 'inserted': 0, 'deleted': 1}
    """
    counts = {"changed": 0, "inserted": 0, "deleted": 0}
    for op in comparison.ops:
        if op.kind == "changed":
            counts["changed"] += len(op.b_words)
        elif op.kind == "inserted":
            counts["inserted"] += len(op.b_words)
        elif op.kind == "deleted":
            counts["deleted"] += len(op.a_words)
    return counts


def check_verdict(verdict: str, comparison: QuoteComparison) -> tuple[bool, str]:
    """Does a student's verdict fit what the helper found? ``(fits, one plain sentence)``.

    The helper can count changed words and spot a trimmed quote; it cannot tell whether
    the meaning changed or whether a change is a fair translation. So it only objects
    when the words contradict the verdict ("verbatim" with changed words, "fragment" of
    a complete quote, a change of wording where no word differs).

    Example:
        >>> check_verdict("verbatim", compare_quotes("they will be destroyed", "they will be suppressed"))
        (False, 'The helper found words that differ: 1 changed, 0 added, 0 left out.')
    """
    counts = word_changes(comparison)
    differs = any(counts.values())
    if verdict == "verbatim" and differs:
        return False, (
            f"The helper found words that differ: {counts['changed']} changed, {counts['inserted']} added, "
            f"{counts['deleted']} left out."
        )
    if verdict == "fragment" and not (comparison.has("partial") or counts["deleted"]):
        return False, "The helper found nothing left out of the reference: this is not just a piece of it."
    if verdict in ("minor wording", "meaning changed", "different translation") and not (
        counts["changed"] or counts["inserted"] or comparison.has("speaker")
    ):
        if counts["deleted"]:
            return False, "The helper found no changed words, only words left out: that makes it a fragment."
        return False, "The helper found no word that differs from the reference."
    if verdict == "verbatim":
        return True, "The helper agrees: the same words as the reference (capitals and punctuation aside)."
    if verdict == "fragment":
        return True, "The helper agrees that words of the reference are missing here."
    return True, "This fits what the helper found; whether the meaning changed is for you to judge."
