"""A teacher's edits to a story's word groups: rename, merge, drop, add; the original tuple is never changed."""

from __future__ import annotations

import pytest

from medialit import StoryError
from medialit.term_edits import MAX_GROUPS, add_group, drop_group, merge_groups, rename_group
from medialit.terms import TermGroup

GROUPS = (
    TermGroup("council", "Names for the council", {"council": ("council",), "bosses": ("bosses",)}),
    TermGroup("campaign", "Names for the campaigners", {"campaigners": ("campaigners",)}),
)


def test_renaming_keeps_the_id_and_changes_the_title():
    renamed = rename_group(GROUPS, "council", "  Who   decides ")
    assert (renamed[0].id, renamed[0].title) == ("council", "Who decides")
    assert GROUPS[0].title == "Names for the council"


def test_renaming_to_nothing_is_refused():
    with pytest.raises(StoryError, match="needs a title"):
        rename_group(GROUPS, "council", "   ")


def test_merging_moves_the_terms_and_removes_the_other_group():
    merged = merge_groups(GROUPS, "council", "campaign")
    assert [g.id for g in merged] == ["council"]
    assert set(merged[0].terms) == {"council", "bosses", "campaigners"}


def test_merging_a_group_into_itself_changes_nothing():
    assert merge_groups(GROUPS, "council", "council") == GROUPS


def test_dropping_removes_only_that_group():
    assert [g.id for g in drop_group(GROUPS, "council")] == ["campaign"]


def test_an_unknown_group_is_named_with_the_known_ones():
    with pytest.raises(StoryError, match="council, campaign"):
        drop_group(GROUPS, "pool")


def test_adding_a_group_makes_one_term_per_comma_separated_word():
    groups, warnings = add_group(GROUPS, "Verbs", "said, admitted, claimed", "She said and he claimed; they admitted.")
    assert list(groups[-1].terms) == ["said", "admitted", "claimed"] and warnings == []


def test_a_word_no_report_uses_is_kept_with_a_warning():
    groups, warnings = add_group(GROUPS, "Verbs", "said, slammed", "She said so.")
    assert "slammed" in groups[-1].terms and warnings == ["No report uses 'slammed'."]


def test_a_new_group_gets_an_id_no_other_group_has():
    groups, _ = add_group(GROUPS, "Council", "council")
    assert len({g.id for g in groups}) == len(groups)


def test_adding_past_the_limit_is_refused():
    many = tuple(TermGroup(f"g{n}", f"G{n}", {}) for n in range(MAX_GROUPS))
    with pytest.raises(StoryError, match="drop or merge one first"):
        add_group(many, "One more", "word")
