"""How far can word lists and simple context go on ../shared/loaded-dev? A diagnostic, never shipped.

Issue 17 asks for word F1 >= 0.40 (precision >= 0.35) and ROC AUC >= 0.75 from transparent,
permissively licensed resources, with nothing trained on BABE in the kit. This script asks
whether *any* weighting of such resources could get there: it fits a logistic regression on the
tuning half (even rows) and scores the held-out half (odd rows) with the threshold chosen on the
tuning half. Fitting to the very set being measured is the most generous test possible; the
weights are printed and thrown away, never saved or shipped (BABE is AGPL: measure only).

Features of each (sentence, word), all of them things a student could be told:
* the kit's own flag for the word, by category, and whether it sits inside a quotation;
* the kit's VADER feeling rating (``data/feelings.tsv``);
* the shape of the word: an ``-ly`` adverb, a superlative ``-est``, a hyphenated compound, a capital
  in mid-sentence (a name), a long word;
* the sentence around it: the kit's flags per 10 words, whether it reports speech (``said``,
  ``says``, ``told``, ``according to``), quotation marks, digits.
If the MIT/Apache/PDDL-licensed lexicons of the packages ``vaderSentiment`` (the full VADER
list), ``afinn`` (AFINN-165) and ``textblob`` (Pattern's adjective subjectivity list) are installed,
their ratings are added too (``pip install vaderSentiment afinn textblob``); the printed line says
which were used. They are not kit dependencies.

A second check asks the same of the most favourable word list there could be: the experts' own
marked words from the tuning half (every one, or those marked in at least 30% of their uses there),
flagged wherever they occur in the held-out half. It is built in memory and thrown away.

Sentence level: a second logistic regression over the sentence features, plus the per-sentence
sums of the word features, scored by ROC AUC (Biased against Non-biased).

Usage: .venv/bin/python bench/loaded_ceiling.py
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np

from loaded_eval import AUC_TARGET, DATA, F1_TARGET, PRECISION_TARGET, Sentence, load, precision_recall_f1, roc_auc
from medialit.headlines import CATEGORIES, suggest_loaded, word_spans
from medialit.word_lists import feeling_table

_SAID = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
_CATEGORY_NAMES = tuple(CATEGORIES)


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def extra_lexicons() -> dict[str, dict[str, float]]:
    """The optional lexicons that are installed: name -> word -> rating (read from the files)."""
    found: dict[str, dict[str, float]] = {}
    vader = _package_file("vaderSentiment", "vader_lexicon.txt")
    if vader:
        table = {}
        for line in vader.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) > 1:
                table[parts[0]] = float(parts[1])
        found["VADER (full)"] = table
    afinn = _package_file("afinn", "data", "AFINN-en-165.txt")
    if afinn:
        found["AFINN-165"] = {
            word: float(value)
            for word, _, value in (line.rpartition("\t") for line in afinn.read_text(encoding="utf-8").splitlines())
            if word
        }
    pattern = _package_file("textblob", "en", "en-sentiment.xml")
    if pattern:
        table = {}
        for node in ElementTree.parse(pattern).getroot():
            word = (node.get("form") or "").lower()
            table[word] = max(table.get(word, 0.0), float(node.get("subjectivity") or 0))
        found["Pattern subjectivity"] = table
    return found


def _sentence_features(text: str, flags: list, n_words: int) -> list[float]:
    unquoted = sum(1 for flag in flags if not flag.quoted)
    return [
        10 * unquoted / max(1, n_words),
        float(bool(_SAID.search(text))),
        float(any(mark in text for mark in '"“”')),
        float(bool(re.search(r"\d", text))),
    ]


def _word_features(word: str, capital_mid: bool, flag, lexicons: dict[str, dict[str, float]]) -> list[float]:
    rating = feeling_table().get(word, 0.0)
    row = [
        min(rating, 0.0),
        max(rating, 0.0),
        float(word.endswith("ly") and len(word) > 5),
        float(word.endswith("est") and len(word) > 5),
        float("-" in word and not any(ch.isdigit() for ch in word)),
        float(capital_mid),
        float(len(word) > 7),
        float(flag is not None and flag.quoted),
    ]
    row += [float(flag is not None and flag.category == name) for name in _CATEGORY_NAMES]
    for table in lexicons.values():
        value = table.get(word, 0.0)
        row += [min(value, 0.0), max(value, 0.0)]
    return row


def _table(sentences: list[Sentence], lexicons: dict[str, dict[str, float]]):
    """One row per distinct lower-cased word of each sentence (the unit the README scores)."""
    rows, gold, owner, sentence_rows = [], [], [], []
    for index, sentence in enumerate(sentences):
        flags = suggest_loaded(sentence.text)
        by_word = {}
        for flag in flags:
            for _, _, word in word_spans(flag.word):
                by_word.setdefault(word.lower(), flag)
        spans = word_spans(sentence.text)
        context = _sentence_features(sentence.text, flags, len(spans))
        seen: dict[str, list[float]] = {}
        for position, (_, _, word) in enumerate(spans):
            key = word.lower()
            if key not in seen:
                seen[key] = _word_features(key, position > 0 and word[:1].isupper(), by_word.get(key), lexicons)
        for key, features in seen.items():
            rows.append(features + context)
            gold.append(float(key in sentence.loaded))
            owner.append(index)
        totals = np.sum(np.array(list(seen.values())), axis=0) if seen else np.zeros(len(rows[0]) - len(context))
        sentence_rows.append(list(totals / max(1, len(spans))) + context)
    return np.array(rows), np.array(gold), np.array(owner), np.array(sentence_rows)


def _fit(x: np.ndarray, y: np.ndarray, steps: int = 3000) -> np.ndarray:
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        predicted = 1.0 / (1.0 + np.exp(-x @ weights))
        weights -= 0.5 * (x.T @ (predicted - y) / len(y) + 1e-3 * weights)
    return weights


def _standardise(x: np.ndarray, fit_rows: np.ndarray) -> np.ndarray:
    mean, spread = x[fit_rows].mean(axis=0), x[fit_rows].std(axis=0) + 1e-9
    return np.c_[np.ones(len(x)), (x - mean) / spread]


def _prf(flagged: np.ndarray, gold: np.ndarray, missing: int) -> tuple[float, float, float]:
    true_pos = float((flagged & (gold == 1)).sum())
    false_pos = float(flagged.sum()) - true_pos
    false_neg = float((gold == 1).sum()) + missing - true_pos
    return precision_recall_f1(true_pos, false_pos, false_neg)


def expert_list_scores(sentences: list[Sentence], share: float) -> tuple[float, float, float]:
    """Held-out P, R, F1 of a word list made of the tuning half's expert-marked words (diagnostic)."""
    marked: dict[str, int] = {}
    uses: dict[str, int] = {}
    for sentence in sentences[0::2]:
        for word in sentence.loaded:
            marked[word] = marked.get(word, 0) + 1
        for word in {w.lower() for _, _, w in word_spans(sentence.text)}:
            uses[word] = uses.get(word, 0) + 1
    listed = {word for word, count in marked.items() if count >= share * uses.get(word, count)}
    true_pos = false_pos = false_neg = 0
    for sentence in sentences[1::2]:
        flagged = {w.lower() for _, _, w in word_spans(sentence.text)} & listed
        true_pos += len(flagged & sentence.loaded)
        false_pos += len(flagged - sentence.loaded)
        false_neg += len(sentence.loaded - flagged)
    return precision_recall_f1(true_pos, false_pos, false_neg)


def lines() -> list[str]:
    """The printed report: held-out figures of the most generous fit, beside the targets."""
    if not DATA.is_file():
        return [f"loaded-word ceiling: {DATA} not found; skipped"]
    sentences = load()
    lexicons = extra_lexicons()
    x, gold, owner, sentence_x = _table(sentences, lexicons)
    tuning, held_out = owner % 2 == 0, owner % 2 == 1
    # Expert words that are not a word of their sentence (misspelt, split differently) can never be
    # found; they still count as missed, as in loaded_eval.
    missing = {
        half: sum(
            len(s.loaded - {w.lower() for _, _, w in word_spans(s.text)}) for s in sentences[half::2]
        )
        for half in (0, 1)
    }
    xs = _standardise(x, tuning)
    probability = 1.0 / (1.0 + np.exp(-xs @ _fit(xs[tuning], gold[tuning])))
    thresholds = np.linspace(0.05, 0.8, 76)
    best = max(thresholds, key=lambda t: _prf((probability > t) & tuning, gold * tuning, missing[0])[2])
    p, r, f1 = _prf((probability > best) & held_out, gold * held_out, missing[1])

    labels = np.array([1.0 if s.label == "Biased" else 0.0 if s.label == "Non-biased" else -1.0 for s in sentences])
    index = np.arange(len(sentences))
    fit_rows = (index % 2 == 0) & (labels >= 0)
    ss = _standardise(sentence_x, fit_rows)
    sentence_score = ss @ _fit(ss[fit_rows], labels[fit_rows], steps=5000)
    test = index % 2 == 1
    auc = roc_auc(list(sentence_score[test & (labels == 1)]), list(sentence_score[test & (labels == 0)]))
    used = ", ".join(["the kit's lists"] + list(lexicons))
    every, most = expert_list_scores(sentences, 0.0), expert_list_scores(sentences, 0.3)
    return [
        "loaded-word ceiling (diagnostic, never shipped): logistic regressions fit on the tuning half,"
        f" scored on the held-out half; features from {used}",
        f"  best weighting of those features, held-out: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  AUC {auc:.3f}"
        f"  (targets P >= {PRECISION_TARGET}, F1 >= {F1_TARGET}, AUC >= {AUC_TARGET})",
        "  the experts' own marked words from the tuning half as a word list, held-out:"
        f" every one P {every[0]:.3f} R {every[1]:.3f} F1 {every[2]:.3f};"
        f" those marked in >= 30% of their uses P {most[0]:.3f} R {most[1]:.3f} F1 {most[2]:.3f}",
    ]


if __name__ == "__main__":
    print("\n".join(lines()))
