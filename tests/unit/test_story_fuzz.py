"""Property tests (issue 15): random HTML, bytes and story files through new-story, check-story and load_story.

Each run asserts only the contract: the input is handled, or refused with a StoryError that names a
file; never any other exception, and never a half-written story folder.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.checkup import check_story_folder
from medialit.errors import StoryError
from medialit.newstory import new_story
from medialit.story import load_story

TAGS = ["p", "div", "h1", "h2", "article", "section", "span", "a", "ul", "li", "table", "tr", "td", "script",
        "style", "nav", "footer", "figure", "figcaption", "br", "meta", "title", "aside"]
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def html_pages(draw) -> bytes:
    """Random, often broken HTML: tags opened and closed at random, text of any script, odd bytes."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(f'<{tag} class="{draw(WORDS)}">')
        else:
            parts.append(draw(WORDS))
    page = "".join(parts).encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"])), errors="replace")
    return draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"<html>", b"\x00"])) + page + draw(st.binary(max_size=20))


def run_everything(files: dict[str, bytes]) -> None:
    """new-story on the files, then check-story and load_story on the result; only StoryError may escape."""
    work = Path(tempfile.mkdtemp())
    try:
        source = work / "src"
        source.mkdir()
        for name, data in files.items():
            (source / name).write_bytes(data)
        target = work / "story"
        try:
            story = new_story(source, target)
        except StoryError as error:
            assert error.problems and all(isinstance(p, str) and p for p in error.problems)
            assert not target.exists(), "a refused story must leave nothing behind"
            assert [p.name for p in work.iterdir()] == ["src"], "no temporary folder may be left behind"
            return
        assert all(finding.kind in ("problem", "note") for finding in check_story_folder(story.folder))
        for report in load_story(story.folder).reports:
            assert isinstance(report.body_text, str)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(html_pages(), min_size=1, max_size=3))
def test_random_html_is_handled_or_refused_with_a_story_error(pages):
    run_everything({f"page{n}.html": data for n, data in enumerate(pages)})


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_as_html_or_txt_are_handled_or_refused(data):
    run_everything({"a.html": data, "b.txt": data})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(json_values, json_values, st.sampled_from([b"", b"\xef\xbb\xbf"]))
def test_random_story_and_key_files_load_or_are_refused_with_a_story_error(metadata, key, mark):
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "000_a.txt").write_text("Harbour storm\n\nThe sea came over the wall on Sunday night.\n")
        (folder / "story.json").write_bytes(mark + json.dumps(metadata).encode())
        (folder / "answer_key.json").write_bytes(mark + json.dumps(key).encode())
        try:
            story = load_story(folder)
        except StoryError as error:
            assert error.problems
        else:
            assert [b.role for b in story.reports[0].blocks]
        assert all(finding.kind in ("problem", "note") for finding in check_story_folder(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
