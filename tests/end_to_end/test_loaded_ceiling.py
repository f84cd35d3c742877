"""bench/loaded_ceiling.py: the diagnostic that asks how far word lists could go, checked on hand-made sentences."""

from __future__ import annotations

import importlib.util
import sys

from kit_testing import ROOT

sys.path.insert(0, str(ROOT / "bench"))  # loaded_ceiling imports loaded_eval by name, as bench/run.py does
spec = importlib.util.spec_from_file_location("loaded_ceiling", ROOT / "bench" / "loaded_ceiling.py")
loaded_ceiling = importlib.util.module_from_spec(spec)
sys.modules["loaded_ceiling"] = loaded_ceiling
spec.loader.exec_module(loaded_ceiling)
Sentence = sys.modules["loaded_eval"].Sentence


def test_the_expert_word_list_is_built_from_the_tuning_rows_and_scored_on_the_held_out_rows():
    sentences = [
        Sentence("Radical mob storms hall", "Biased", frozenset({"radical", "mob"})),  # tuning
        Sentence("A radical plan and a mob", "Biased", frozenset({"radical"})),  # held-out
        Sentence("The council met on Tuesday", "Non-biased", frozenset()),  # tuning
        Sentence("Thugs rule", "Biased", frozenset({"thugs"})),  # held-out: never seen in tuning
    ]
    precision, recall, f1 = loaded_ceiling.expert_list_scores(sentences, 0.0)
    # held-out flags: radical (marked), mob (not marked); missed: thugs
    assert (precision, recall) == (0.5, 0.5)
    assert f1 == 0.5


def test_a_word_marked_in_too_few_of_its_tuning_uses_is_left_off_the_list():
    sentences = [
        Sentence("Mob storms hall", "Biased", frozenset({"mob"})),
        Sentence("The mob left", "Biased", frozenset({"mob"})),
        Sentence("A mob and a mob and a mob", "Non-biased", frozenset()),
        Sentence("Mob again", "Biased", frozenset()),
    ]
    # "mob" is marked in 1 of its 2 tuning sentences: kept at 30%, dropped at 60%.
    assert loaded_ceiling.expert_list_scores(sentences, 0.3)[0] == 0.5
    assert loaded_ceiling.expert_list_scores(sentences, 0.6) == (0.0, 0.0, 0.0)


def test_the_report_names_the_held_out_figures_and_the_targets():
    lines = loaded_ceiling.lines()
    if "not found" in lines[0]:
        return  # ../shared is not beside this clone: the bench says so instead of failing
    text = "\n".join(lines)
    assert "never shipped" in text and "held-out" in text and "F1 >= 0.4" in text
