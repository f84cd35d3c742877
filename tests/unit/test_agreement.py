"""The class's tags: counts per headline word, Krippendorff's alpha, and garbage-proof reading."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import load_story
from medialit.agreement import (
    MAX_PROBLEMS,
    check_tags,
    class_agreement,
    krippendorff_alpha,
    reliability_data,
    tag_counts,
)

N = None


@pytest.fixture(scope="module")
def story():
    return load_story()


def tag(start: int, end: int, word: str | None = None, category: str = "emotive_verb") -> dict:
    found = {"start": start, "end": end, "category": category}
    if word is not None:
        found["word"] = word
    return found


# Spans in the real headlines (checked in test_the_tag_helpers_point_at_the_intended_words).
THREATENS_000 = tag(7, 16, "threatens")
KEY_000 = tag(39, 42, "key", "intensifier")
THREATENS_004 = tag(7, 16, "Threatens")
SHOOT_004 = tag(20, 25, "Shoot", "sensational")
WHO_SUPPORT_ISIS_004 = tag(55, 71, "Who Support ISIS", "unattributed_claim")


def test_the_tag_helpers_point_at_the_intended_words(story):
    for report_id, found in [("000", THREATENS_000), ("000", KEY_000), ("004", THREATENS_004),
                             ("004", SHOOT_004), ("004", WHO_SUPPORT_ISIS_004)]:
        assert story.report(report_id).headline[found["start"] : found["end"]] == found["word"]


# --- Krippendorff's alpha against published values --------------------------------------------


def test_alpha_reproduces_krippendorffs_nominal_example_with_missing_values():
    # Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    # Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43
    # Section C: 4 observers, 12 units, missing data; published alpha (nominal) = 0.743.
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    assert round(krippendorff_alpha(data), 3) == 0.743


def test_alpha_reproduces_krippendorffs_binary_two_observer_example():
    # Krippendorff (2011), section A: binary data, two observers, no missing data; alpha = 0.095.
    data = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert round(krippendorff_alpha(data), 3) == 0.095


def test_alpha_reproduces_the_wikipedia_computational_example_with_missing_values():
    # Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders, 15 units,
    # nominal alpha = 0.691.
    rows = [
        "* * * * * 3 4 1 2 1 1 3 3 * 3",
        "1 * 2 1 3 3 4 3 * * * * * * *",
        "* * 2 1 3 4 4 * 2 1 1 3 3 * 4",
    ]
    data = [[None if v == "*" else int(v) for v in row.split()] for row in rows]
    assert round(krippendorff_alpha(data), 3) == 0.691


def test_alpha_of_a_small_example_worked_by_hand():
    # Units (a,a) (b,b) (b,a) and one unpairable unit: o_aa = o_bb = 2, o_ab = o_ba = 1,
    # n_a = n_b = 3, n = 6: alpha = 1 - 5 * 2 / (3*3 + 3*3) = 4/9.
    assert krippendorff_alpha([["a", "b", "b", N], ["a", "b", "a", "a"]]) == pytest.approx(4 / 9)


def test_alpha_is_one_when_everybody_agrees_and_values_vary():
    assert krippendorff_alpha([["x", "y", "x"], ["x", "y", "x"], ["x", "y", "x"]]) == 1.0


def test_alpha_is_undefined_when_everybody_gives_the_same_single_value():
    # Observed and expected disagreement are both 0: alpha = 1 - 0/0.
    assert krippendorff_alpha([["none"] * 5, ["none"] * 5]) is None


def test_alpha_is_undefined_for_one_observer_or_no_data():
    assert krippendorff_alpha([["a", "b"]]) is None
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([[], []]) is None
    assert krippendorff_alpha([["a", N], [N, "b"]]) is None


def test_alpha_treats_nan_as_missing():
    assert krippendorff_alpha([[1.0, 2.0, math.nan], [1.0, 2.0, 3.0]]) == 1.0


def test_alpha_refuses_rows_of_different_lengths():
    with pytest.raises(ValueError, match="one value per unit"):
        krippendorff_alpha([["a", "b"], ["a"]])


def pairwise_alpha(data) -> float | None:
    """Alpha straight from its definition, enumerating every ordered pair of values (slow, plain)."""
    units = [[row[u] for row in data if row[u] is not None] for u in range(len(data[0]))] if data else []
    units = [values for values in units if len(values) >= 2]
    pooled = [value for values in units for value in values]
    n = len(pooled)
    if n < 2:
        return None
    observed = sum(
        Fraction(sum(1 for i, a in enumerate(values) for j, b in enumerate(values) if i != j and a != b), len(values) - 1)
        for values in units
    ) / n
    expected = Fraction(sum(1 for i, a in enumerate(pooled) for j, b in enumerate(pooled) if i != j and a != b), n * (n - 1))
    return None if expected == 0 else float(1 - observed / expected)


matrices = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from("abc")), min_size=width, max_size=width), min_size=0, max_size=5
    )
)


@settings(max_examples=300, deadline=None)
@given(matrices)
def test_alpha_equals_its_definition_by_enumerating_pairs(data):
    expected = pairwise_alpha(data)
    actual = krippendorff_alpha(data)
    assert (actual is None) == (expected is None)
    if expected is not None:
        assert actual == pytest.approx(expected)


@settings(max_examples=200, deadline=None)
@given(matrices)
def test_alpha_is_at_most_one_and_ignores_the_order_of_observers_and_the_names_of_values(data):
    alpha = krippendorff_alpha(data)
    renamed = [[{"a": "z", "b": "y", "c": "x"}.get(v) for v in row] for row in reversed(data)]
    other = krippendorff_alpha(renamed)
    if alpha is None:
        assert other is None
    else:
        assert alpha <= 1.0 + 1e-12 and other == pytest.approx(alpha)


@settings(max_examples=100, deadline=None)
@given(matrices)
def test_alpha_agrees_with_nltk_on_complete_data(data):
    agreement = pytest.importorskip("nltk.metrics.agreement")
    complete = [row for row in data if None not in row]
    if len(complete) < 2 or len({v for row in complete for v in row}) < 2:
        return
    triples = [(f"c{c}", f"u{u}", value) for c, row in enumerate(complete) for u, value in enumerate(row)]
    assert krippendorff_alpha(complete) == pytest.approx(agreement.AnnotationTask(triples).alpha())


# --- the class's agreement -------------------------------------------------------------------


def test_a_class_that_tags_exactly_the_same_words_agrees_perfectly(story):
    tags = {"000": [THREATENS_000, KEY_000], "004": [THREATENS_004, SHOOT_004]}
    assert class_agreement({"ana": tags, "ben": tags, "cy": tags}, story) == 1.0


def test_a_class_where_nobody_tagged_anything_has_no_alpha(story):
    nothing = {report.id: [] for report in story.reports}
    assert class_agreement({"ana": nothing, "ben": nothing}, story) is None


def test_one_student_has_no_alpha(story):
    assert class_agreement({"ana": {"004": [THREATENS_004]}}, story) is None


def test_an_empty_class_has_no_alpha(story):
    assert class_agreement({}, story) is None


def test_a_report_a_student_skipped_is_missing_not_a_vote_for_none(story):
    # cy did only report 000 and agrees there; counting 004 as "nothing tagged" would lower alpha.
    both = {"000": [THREATENS_000], "004": [THREATENS_004]}
    only_000 = {"000": [THREATENS_000]}
    assert class_agreement({"ana": both, "ben": both, "cy": only_000}, story) == 1.0
    looked_at_004 = {"000": [THREATENS_000], "004": []}
    assert class_agreement({"ana": both, "ben": both, "cy": looked_at_004}, story) < 1.0


def test_category_mode_counts_disagreement_on_the_category_that_tagged_mode_ignores(story):
    ana = {"004": [tag(7, 16, "Threatens", "emotive_verb")]}
    ben = {"004": [tag(7, 16, "Threatens", "sensational")]}
    assert class_agreement({"ana": ana, "ben": ben}, story, mode="tagged") == 1.0
    assert class_agreement({"ana": ana, "ben": ben}, story, mode="category") < 1.0


def test_class_agreement_of_a_small_class_matches_the_alpha_of_its_table(story):
    # 004 has 12 words. ana tags Threatens+Shoot, ben Threatens only: words 1 and 3 are tagged
    # by ana, word 1 by ben. Units: 10 x (none,none), (tagged,tagged), (tagged,none).
    # o_nn = 20, o_tt = 2, o_tn = o_nt = 1; n_none = 21, n_tagged = 3, n = 24:
    # alpha = 1 - 23 * 2 / (2 * 21 * 3) = 1 - 46/126 = 0.6349...
    class_tags = {"ana": {"004": [THREATENS_004, SHOOT_004]}, "ben": {"004": [THREATENS_004]}}
    assert class_agreement(class_tags, story) == pytest.approx(1 - 46 / 126)


def test_a_tag_over_several_words_counts_for_each_word(story):
    rows = reliability_data({"ana": {"004": [WHO_SUPPORT_ISIS_004]}}, story)
    assert rows[0][-3:] == ["tagged", "tagged", "tagged"]
    assert rows[0][-4] == "none"


def test_an_unknown_mode_is_refused(story):
    with pytest.raises(ValueError, match="mode"):
        class_agreement({}, story, mode="words")


# --- tag counts ------------------------------------------------------------------------------


def test_tag_counts_gives_every_word_of_every_headline(story):
    counts = tag_counts({}, story)
    assert list(counts.words) == story.ids
    assert [w.word for w in counts.words["003"]][-2:] == ["if", "Provoked"]


def test_tag_counts_counts_students_per_word_and_their_categories(story):
    class_tags = {
        "ana": {"004": [THREATENS_004, SHOOT_004]},
        "ben": {"004": [THREATENS_004, tag(20, 25, "Shoot", "emotive_verb")]},
        "cy": {"004": [WHO_SUPPORT_ISIS_004]},
    }
    words = {w.word: w for w in tag_counts(class_tags, story).words["004"]}
    assert words["Threatens"].students == 2
    assert words["Threatens"].categories == (("emotive_verb", 2),)
    assert sorted(words["Shoot"].categories) == [("emotive_verb", 1), ("sensational", 1)]
    assert [words[w].students for w in ("Who", "Support", "ISIS")] == [1, 1, 1]
    assert words["Russia"].students == 0
    assert tag_counts(class_tags, story).students == 3


# --- garbage in student files ----------------------------------------------------------------


@pytest.mark.parametrize(
    "class_tags, expected",
    [
        (None, "must be {student"),
        (["ana"], "must be {student"),
        ({"ana": "tags"}, "student 'ana': expected {report id"),
        ({"ana": {"999": []}}, "student 'ana', report 999: this story has no such report"),
        ({"ana": {"004": "Threatens"}}, "expected a list of tags"),
        ({"ana": {"004": [7]}}, "tag 1: expected {start, end, word, category}"),
        ({"ana": {"004": [{"start": "7", "end": 16}]}}, "tag 1: 'start' and 'end' must be whole numbers"),
        ({"ana": {"004": [{"start": True, "end": 16}]}}, "must be whole numbers"),
        ({"ana": {"004": [{"start": 7.0, "end": 16}]}}, "must be whole numbers"),
        ({"ana": {"004": [{"start": -1, "end": 16}]}}, "outside the headline"),
        ({"ana": {"004": [{"start": 60, "end": 600}]}}, "outside the headline (0-71)"),
        ({"ana": {"004": [{"start": 16, "end": 7}]}}, "outside the headline"),
        ({"ana": {"004": [tag(7, 16, "threat")]}}, "the word 'threat' is not what the headline has there"),
        ({"ana": {"004": [tag(7, 16, "Threatens", "nasty")]}}, "unknown category 'nasty'; kept the tag as 'other'"),
        ({"ana": {"004": [THREATENS_004, tag(7, 25, "Threatens To Shoot", "label")]}}, "overlaps the tag 'Threatens'"),
    ],
)
def test_each_kind_of_bad_input_is_reported_not_raised(story, class_tags, expected):
    _, problems = check_tags(class_tags, story)
    assert any(expected in problem for problem in problems), problems
    tag_counts(class_tags, story)
    class_agreement(class_tags, story)


def test_good_tags_next_to_bad_ones_are_kept(story):
    clean, problems = check_tags({"ana": {"004": [7, THREATENS_004, {"start": 1}]}}, story)
    assert [t.word for t in clean["ana"]["004"]] == ["Threatens"]
    assert len(problems) == 2


def test_a_tag_with_an_unknown_category_still_counts_as_tagged(story):
    weird = {"004": [tag(7, 16, "Threatens", "nasty")]}
    assert class_agreement({"ana": weird, "ben": {"004": [THREATENS_004]}}, story) == 1.0


def test_huge_strings_in_a_student_file_give_short_problem_messages(story):
    huge = "x" * 1_000_000
    class_tags = {huge: {huge: [tag(7, 16, huge, huge)]}, "ana": {"004": [tag(7, 16, "Threatens", huge)]}}
    _, problems = check_tags(class_tags, story)
    assert problems and all(len(problem) < 300 for problem in problems)


def test_the_problem_list_is_capped_so_garbage_cannot_flood_the_screen(story):
    _, problems = check_tags({f"s{i}": "garbage" for i in range(500)}, story)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == f"... and {500 - MAX_PROBLEMS} more problems."


json_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["000", "004", "start", "end", "word", "category", "ana", "x"]), children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_no_student_file_makes_the_analysis_raise(story, class_tags):
    counts = tag_counts(class_tags, story)
    alpha = class_agreement(class_tags, story)
    assert alpha is None or alpha <= 1.0
    assert isinstance(counts.problems, tuple)


# --- the words a class split on (lesson 2's discussion prompt) -------------------------------

from medialit.agreement import most_divided  # noqa: E402


def _tag(start, end, word):
    return {"start": start, "end": end, "word": word, "category": "emotive_verb"}


def test_most_divided_puts_an_even_split_before_a_lone_tag():
    story = load_story()
    threatens, key, race = _tag(7, 16, "threatens"), _tag(39, 42, "key"), _tag(23, 27, "race")
    tags = {
        "a": {"000": [threatens, key]},
        "b": {"000": [threatens, race]},
        "c": {"000": [race]},
        "d": {"000": []},
    }
    divided = most_divided(tag_counts(tags, story), limit=5)
    assert [(t.word, t.students) for _, t in divided] == [("threatens", 2), ("race", 2), ("key", 1)]


def test_words_everyone_tagged_are_not_divided_and_one_student_splits_nothing():
    story = load_story()
    threatens = _tag(7, 16, "threatens")
    assert most_divided(tag_counts({"a": {"000": [threatens]}, "b": {"000": [threatens]}}, story)) == []
    assert most_divided(tag_counts({"a": {"000": [threatens]}}, story)) == []


def test_a_category_that_is_a_list_or_object_is_kept_as_other_not_a_crash():
    story = load_story()
    headline = story.report("004").headline
    start = headline.index("Shoot")
    class_tags = {
        "ana": {"004": [{"start": start, "end": start + 5, "category": ["x"]}]},
        "ben": {"004": [{"start": start, "end": start + 5, "category": {"k": 1}}]},
    }
    counts = tag_counts(class_tags, story)
    assert counts.problems and all("kept the tag as" in problem for problem in counts.problems)
    class_agreement(class_tags, story)  # must not raise
