"""bench/loaded_eval.py: the scoring of lesson 2's helper against expert-marked words, checked on hand-made sentences."""

from __future__ import annotations

import importlib.util
import sys

from kit_testing import ROOT

spec = importlib.util.spec_from_file_location("loaded_eval", ROOT / "bench" / "loaded_eval.py")
loaded_eval = importlib.util.module_from_spec(spec)
sys.modules["loaded_eval"] = loaded_eval  # dataclasses look their module up by name
spec.loader.exec_module(loaded_eval)


def test_roc_auc_is_one_when_every_biased_sentence_scores_higher_and_a_half_for_ties():
    assert loaded_eval.roc_auc([3.0, 2.0], [1.0, 0.0]) == 1.0
    assert loaded_eval.roc_auc([1.0], [1.0]) == 0.5
    assert loaded_eval.roc_auc([0.0], [1.0]) == 0.0


def test_word_scores_count_the_words_inside_flags_against_the_marked_words():
    sentences = [
        # flagged: slams (marked), regime (not marked); missed: nothing
        loaded_eval.Sentence("The minister slams the regime", "Biased", frozenset({"slams"})),
        # flagged: nothing; missed: "half-baked"
        loaded_eval.Sentence("The plan is half-baked", "Biased", frozenset({"half-baked"})),
        loaded_eval.Sentence("The council met on Tuesday", "Non-biased", frozenset()),
    ]
    scores = loaded_eval.score(sentences)
    assert (scores.precision, scores.recall) == (0.5, 0.5)
    assert scores.sentences == 3


def test_the_report_prints_both_halves_the_targets_and_the_baselines():
    lines = loaded_eval.lines()
    if "not found" in lines[0]:
        return  # ../shared is not beside this clone: the bench says so instead of failing
    text = "\n".join(lines)
    assert "tuning half" in text and "held-out half" in text and "F1 >= 0.4" in text
    assert "Recasens" in text and "kit before issue 17" in text
