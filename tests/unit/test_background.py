"""A story's background card (lesson 0): read tolerantly, every section optional, odd entries left out with a reason."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from medialit import load_story
from medialit.background import load_background
from medialit.story import StoryError


def card_in(tmp_path, data):
    (tmp_path / "background.json").write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return load_background(SimpleNamespace(folder=tmp_path))


def test_the_bundled_story_has_a_note_five_sides_and_four_places_on_a_river():
    card = load_background(load_story())
    assert card.note and len(card.people) == 5 and [p.name for p in card.places][0] == "Deir Ezzor"
    assert card.lines[0].through == ("Raqqa", "Deir Ezzor", "Abu Kamal") and card.skipped == ()


def test_a_story_without_a_card_has_an_empty_one(tmp_path):
    assert load_background(SimpleNamespace(folder=tmp_path)).empty


def test_every_section_is_optional(tmp_path):
    card = card_in(tmp_path, {"who_is_who": [{"name": "The council", "who": "Runs the town."}]})
    assert card.people[0].name == "The council" and card.places == () and card.note == ""


def test_odd_entries_are_left_out_with_a_reason(tmp_path):
    card = card_in(tmp_path, {
        "who_is_who": [{"name": "No who"}, "text", {"name": "Ok", "who": "Fine."}],
        "map": {"places": [{"name": "A", "lat": 95, "lon": 0}, {"name": "B", "lat": 1, "lon": 2},
                           {"name": "C", "lat": True, "lon": 2}],
                "lines": [{"name": "River", "through": ["B", "Nowhere"]}]},
        "content_note": ["not", "a", "section"],
    })
    assert [p.name for p in card.people] == ["Ok"] and [p.name for p in card.places] == ["B"]
    assert card.lines == () and len(card.skipped) == 6


def test_a_broken_card_names_the_file(tmp_path):
    with pytest.raises(StoryError, match="background.json"):
        card_in(tmp_path, '{"map": ')


def test_a_card_saved_with_a_byte_order_mark_is_read(tmp_path):
    assert card_in(tmp_path, "\ufeff" + json.dumps({"content_note": {"students": "Be kind."}})).note == "Be kind."
