"""`medialit new-story` and `medialit check-story`: a teacher's own pages become a story, and every problem is listed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from kit_testing import HOSTILE

from medialit import load_story
from medialit.__main__ import main
from medialit.newstory import check_story_folder, html_to_text, new_story
from medialit.story import StoryError, bundled_story_folder

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Flood hits town - Daily Star</title>
<meta property="og:site_name" content="Daily Star"><meta name="author" content="Jo Bloggs">
<link rel="canonical" href="https://www.dailystar.example/news/flood"><script>track()</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Flood hits <em>town</em></h1><p>By Jo Bloggs</p>
<p>Heavy rain flooded the town centre on Tuesday, the council said, closing <a href="/x">twenty shops</a>.</p>
<footer>Privacy Policy</footer></body></html>"""


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "saved pages"
    folder.mkdir()
    (folder / "daily-star.html").write_bytes(PAGE)
    (folder / "002_gazette.txt").write_text("Gazette headline\n\nThe council said twenty shops closed on Tuesday.\n")
    return folder


def test_html_and_txt_pages_become_numbered_reports(source, tmp_path):
    story = new_story(source, tmp_path / "story", title="Town flood", date="2024-05-01")
    assert [r.filename for r in story.reports] == ["001_daily-star.txt", "002_gazette.txt"]
    assert (story.title, story.date, story.id) == ("Town flood", "2024-05-01", "town-flood")


def test_a_web_page_keeps_its_furniture_and_loses_its_scripts(source, tmp_path):
    text = new_story(source, tmp_path / "story").report("001").raw_text
    assert "Home News" in text and "Privacy Policy" in text and "Flood hits town" in text
    assert "track()" not in text and "<em>" not in text
    assert "closing twenty shops." in text  # inline links stay inside their sentence


def test_txt_reports_are_copied_byte_for_byte(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    assert story.report("002").raw_text == (source / "002_gazette.txt").read_text()


def test_publisher_clues_come_from_the_page_metadata(source, tmp_path):
    clues = new_story(source, tmp_path / "story").report("001").publisher_clues
    assert "The page's metadata names the site: 'Daily Star' (og:site_name)." in clues
    assert any("www.dailystar.example" in clue for clue in clues)
    assert any("Jo Bloggs" in clue for clue in clues)


def test_a_blank_answer_key_is_written_for_every_report(source, tmp_path):
    new_story(source, tmp_path / "story")
    assert json.loads((tmp_path / "story" / "answer_key.json").read_text()) == {"001": [], "002": []}


def test_an_existing_folder_with_files_is_never_overwritten(source, tmp_path):
    target = tmp_path / "story"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(StoryError, match="already has files"):
        new_story(source, target)
    assert (target / "keep.txt").read_text() == "mine"


def test_a_txt_file_that_is_not_utf8_is_named(source, tmp_path):
    (source / "003_old.txt").write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(StoryError, match="003_old.txt is not UTF-8"):
        new_story(source, tmp_path / "story")


def test_a_page_with_no_text_is_named(source, tmp_path):
    (source / "empty.html").write_bytes(b"<html><body><script>x()</script></body></html>")
    with pytest.raises(StoryError, match="empty.html has no text"):
        new_story(source, tmp_path / "story")


def test_a_missing_source_folder_is_reported(tmp_path):
    with pytest.raises(StoryError, match="does not exist"):
        new_story(tmp_path / "nowhere", tmp_path / "story")


def test_markup_in_a_page_stays_text_in_the_report(tmp_path):
    text, _ = html_to_text(f"<p>{HOSTILE.replace('<', '&lt;')}</p>".encode())
    assert "<img src=x" in text  # escaped markup in the page is text, and is kept as text


def test_check_story_finds_no_problem_in_the_bundled_story():
    assert [f for f in check_story_folder(bundled_story_folder()) if f.kind == "problem"] == []


def test_check_story_notes_reports_without_an_answer_key(source, tmp_path):
    new_story(source, tmp_path / "story")
    notes = [f.text for f in check_story_folder(tmp_path / "story") if f.kind == "note"]
    assert any("Report 001 has no answer key yet" in note for note in notes)


def test_check_story_finds_a_key_that_no_longer_matches_the_text(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    key = {"001": [{"line": 1, "role": "headline", "why": "x"}], "002": []}
    (story.folder / "answer_key.json").write_text(json.dumps(key))
    problems = [f.text for f in check_story_folder(story.folder) if f.kind == "problem"]
    assert any("does not match its paragraphs" in p for p in problems)


def test_check_story_reports_a_malformed_answer_key(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    (story.folder / "answer_key.json").write_text("{not json")
    assert any("answer_key.json" in f.text for f in check_story_folder(story.folder) if f.kind == "problem")


def test_check_story_lists_every_problem_of_a_broken_folder(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "001_a.txt").write_text("")
    (folder / "002_b.txt").write_bytes(b"\xff")
    problems = check_story_folder(folder)
    assert len(problems) == 2 and all(p.kind == "problem" for p in problems)


def test_cli_check_story_exits_1_with_each_problem_and_its_fix(tmp_path, capsys):
    assert main(["check-story", str(tmp_path / "absent")]) == 1
    assert "✗ The story folder" in capsys.readouterr().out


def test_cli_new_story_then_check_story(source, tmp_path, capsys):
    assert main(["new-story", str(source), str(tmp_path / "story"), "--title", "Flood"]) == 0
    assert "Made the story 'Flood' with 2 reports" in capsys.readouterr().out
    assert main(["check-story", str(tmp_path / "story")]) == 0
    assert load_story(tmp_path / "story").title == "Flood"


def test_cli_new_story_failure_goes_to_stderr_with_exit_1(tmp_path, capsys):
    assert main(["new-story", str(tmp_path / "none"), str(tmp_path / "story")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_python_dash_m_medialit_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "medialit", "check-story", str(bundled_story_folder())],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "no problems" in result.stdout


def test_console_script_is_installed():
    import shutil

    script = shutil.which("medialit", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script, "pip install should put a `medialit` command next to python"


def test_check_story_reports_a_malformed_synonyms_section(tmp_path):
    import shutil

    folder = tmp_path / "story"
    shutil.copytree(bundled_story_folder(), folder)
    data = json.loads((folder / "reference_quotes.json").read_text())
    data["synonyms"] = "not an object"
    (folder / "reference_quotes.json").write_text(json.dumps(data))
    problems = [f.text for f in check_story_folder(folder) if f.kind == "problem"]
    assert problems and any("reference_quotes.json" in p for p in problems)
